#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The mail servers the email tests stand on, started the way they will be: a private
# Dovecot and a real SMTP server on free loopback ports (tests/support/mailservers.py).
# Mail delivered over LMTP is read over IMAP, plain and TLS, which offers IDLE; the SMTP
# server refuses mail before STARTTLS and AUTH, and keeps what it accepts.
set -euo pipefail
python=$1
here=$(cd "$(dirname "$0")" && pwd)
data=$(mktemp -d)
coproc SERVERS { exec "$python" "$here/../support/mailservers.py" "$data"; }
trap 'exec {SERVERS[1]}>&-; wait "$SERVERS_PID" 2>/dev/null; rm -rf "$data"' EXIT
read -r -t 60 info <&"${SERVERS[0]}"
"$python" - "$info" <<'PY'
import imaplib, json, smtplib, ssl, sys, os, time
from email.message import EmailMessage
s = json.loads(sys.argv[1])
checks = {}
# Delivered the way a mail server would: LMTP.
m = EmailMessage()
m["From"], m["To"], m["Subject"] = "ada@example.org", "support@example.com", "Where is my order?"
m["Message-ID"] = "<smoke-1@example.org>"
m.set_content("Order 1042 has not arrived.")
with smtplib.LMTP(s["lmtp"]) as lmtp:
    refused = lmtp.sendmail("ada@example.org", ["support@example.com"], m.as_bytes())
checks["LMTP delivered the mail"] = refused == {}
# Read over IMAP, plain on loopback, then over TLS checked against the test's certificate.
with imaplib.IMAP4("127.0.0.1", s["imap"]) as imap:
    checks["IMAP offers IDLE"] = "IDLE" in imap.capabilities
    imap.login("support@example.com", s["users"]["support@example.com"])
    imap.select("INBOX")
    _, data = imap.uid("FETCH", "1:*", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
    checks["the mail is in the mailbox"] = b"Where is my order?" in data[0][1]
    _, status = imap.status("INBOX", "(UIDVALIDITY UIDNEXT)")
    checks["UIDVALIDITY and UIDNEXT are given"] = b"UIDVALIDITY" in status[0]
context = ssl.create_default_context(cafile=s["cert"])
with imaplib.IMAP4_SSL("127.0.0.1", s["imaps"], ssl_context=context) as imaps:
    typ, _ = imaps.login("support@example.com", s["users"]["support@example.com"])
    checks["IMAP over TLS with the test's certificate"] = typ == "OK"
try:
    imaplib.IMAP4_SSL("127.0.0.1", s["imaps"], ssl_context=ssl.create_default_context()).logout()
    checks["an unknown certificate is refused"] = False
except ssl.SSLCertVerificationError:
    checks["an unknown certificate is refused"] = True
with imaplib.IMAP4("127.0.0.1", s["imap"]) as imap:
    try:
        imap.login("support@example.com", "wrong")
        checks["a wrong password is refused"] = False
    except imaplib.IMAP4.error:
        checks["a wrong password is refused"] = True
# SMTP: nothing before STARTTLS and AUTH; then the mail is kept as sent.
with smtplib.SMTP("127.0.0.1", s["smtp"]) as smtp:
    try:
        smtp.sendmail("tandem@example.com", ["ada@example.org"], b"Subject: x\r\n\r\nx\r\n")
        checks["SMTP refuses mail before STARTTLS"] = False
    except smtplib.SMTPException:
        checks["SMTP refuses mail before STARTTLS"] = True
with smtplib.SMTP("127.0.0.1", s["smtp"]) as smtp:
    smtp.starttls(context=context)
    smtp.login(s["smtpUser"], s["smtpPassword"])
    reply = EmailMessage()
    reply["From"], reply["To"], reply["Subject"] = "support@example.com", "ada@example.org", "Re: Where is my order?"
    reply["In-Reply-To"] = "<smoke-1@example.org>"
    reply.set_content("It left our warehouse this morning.")
    smtp.send_message(reply)
kept = sorted(f for f in os.listdir(s["smtpDir"]) if f.endswith(".eml"))
checks["SMTP kept the reply"] = len(kept) == 1 and b"In-Reply-To: <smoke-1@example.org>" in open(os.path.join(s["smtpDir"], kept[0]), "rb").read()
for name, ok in checks.items():
    print(("PASS " if ok else "FAIL ") + name)
failed = sum(not ok for ok in checks.values())
print(f"{len(checks) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
