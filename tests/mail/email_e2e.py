#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Email end to end, with real parts: a private Dovecot (mail delivered over LMTP, read by
tandemd over IMAP with TLS and IDLE), a real SMTP server (what tandemd sends, kept as
files), the real tandemd, and an agent on the real protocol.

    email_e2e.py TANDEMD

Prints one line per check and `N passed, M failed`; exits 1 when any failed. Also prints
the time from delivery into Dovecot to the agent's event, and mails per second through
intake.
"""
import asyncio
import glob
import json
import os
import shutil
import smtplib
import sys
import tempfile
import time
import uuid

from mailrig import (AGENT, AGENT_PASSWORD, RESULTS, SUPPORT, TIMEOUT, Agent, Mail, Server,
                     check, customer_mail, fetch, fingerprint, idle_reference, wait_for_file)
import outgoing


async def scenario(mail, server):
    agent = Agent(server.port)
    await agent.connect()

    # Dovecot's own delay, as a reference: how soon a bare IMAP IDLE client hears of a mail.
    reference = idle_reference(mail)
    print(f"FIGURE reference: delivery into Dovecot -> a raw IMAP IDLE client hears of it: "
          f"{reference * 1000:.0f} ms", flush=True)

    # 1. A mail delivered to Dovecot becomes a conversation.
    first = customer_mail("Ada Lovelace <ada@example.org>", "Where is my order?",
                          "Order 1042 has not arrived.\n\nAda", cc="Bob <bob@example.org>")
    invoice = b"%PDF-1.4 invoice 1042 " + bytes(range(256)) * 40
    first.add_attachment(invoice, maintype="application", subtype="pdf", filename="invoice 1042.pdf")
    delivered = time.monotonic()
    mail.deliver(first)
    m1 = await agent.message(lambda m: m["text"].startswith("Order 1042"))
    latency = time.monotonic() - delivered
    conv = m1["conversation"]
    check("a mail delivered into the mailbox becomes a message", m1["author"]["kind"] == "customer"
          and m1["author"]["name"] == "Ada Lovelace", str(m1))
    check("the message keeps the mail's subject, sender and Message-ID",
          m1.get("email", {}).get("subject") == "Where is my order?"
          and m1["email"]["from"]["address"] == "ada@example.org"
          and m1["email"]["messageId"] == first["Message-ID"].strip("<>"), str(m1.get("email")))
    print(f"FIGURE delivery into Dovecot -> agent's event: {latency * 1000:.0f} ms", flush=True)
    files = m1.get("email", {}).get("attachments", [])
    check("its attachment is listed", len(files) == 1 and files[0]["name"] == "invoice 1042.pdf"
          and files[0]["size"] == len(invoice), str(files))
    status, body, headers = fetch(server.port, f"/api/v1/messages/{m1['id']}/files/0", agent.token)
    check("staff who see the conversation download the attachment, byte for byte, as a download",
          status == 200 and body == invoice and headers.get("Content-Type") == "application/pdf"
          and headers.get("Content-Disposition", "").startswith("attachment")
          and headers.get("X-Content-Type-Options") == "nosniff", f"{status} {headers}")
    status, _, _ = fetch(server.port, f"/api/v1/messages/{m1['id']}/files/0", None)
    check("without a session token the file is refused", status == 401, str(status))
    status, _, _ = fetch(server.port, f"/api/v1/messages/{m1['id']}/files/7", agent.token)
    check("a file that is not there is not_found", status == 404, str(status))
    status, _, _ = fetch(server.port, f"/api/v1/messages/{m1['id'] + 100000}/files/0", agent.token)
    check("a message that is not there is not_found", status == 404, str(status))

    # 2. The agent's reply arrives in the customer's mailbox as a real reply.
    reply = await agent.request("send", conversation=conv, clientId=str(uuid.uuid4()),
                                text="It left our warehouse today.")
    check("the agent's reply is accepted", reply.get("type") == "ok", str(reply))
    inbox = reply.get("data", {}).get("conversation", {}).get("inbox")
    sent = await wait_for_file(mail, 1)
    ok = check("the reply went out over SMTP", len(sent) == 1, str(len(sent)))
    if ok:
        out, rcpt = sent[0]
        check("it answers the customer's mail (In-Reply-To, References)",
              out["In-Reply-To"] == first["Message-ID"] and first["Message-ID"] in out["References"],
              f"{out['In-Reply-To']} / {out['References']}")
        check("its subject is a reply with the conversation's tag",
              out["Subject"] == f"Re: Where is my order? [#{conv}]", out["Subject"])
        check("it is from the support address, to the customer, copying Bob",
              "support@example.com" in out["From"] and "ada@example.org" in out["To"]
              and "bob@example.org" in (out["Cc"] or "") and sorted(rcpt) == ["ada@example.org", "bob@example.org"],
              f"{out['From']} {out['To']} {out['Cc']} {rcpt}")
        body = out.get_body(("plain",)).get_content()
        check("it has a plain and an HTML part, and quotes the customer",
              out.get_body(("html",)) is not None and "It left our warehouse today." in body
              and "> Order 1042 has not arrived." in body, body)
        check("no automatic-reply mark on a person's reply", out["Auto-Submitted"] is None)
        ours = out["Message-ID"]
    delivered_state = await agent.wait(lambda f: f.get("event") == "message.delivery"
                                       and f["data"].get("state") == "sent")
    check("the reply is marked sent", delivered_state is not None)

    # 3. The customer's answers join the thread, whatever their client kept.
    gmail = customer_mail("Ada Lovelace <ada@example.org>", f"Re: Where is my order? [#{conv}]",
                          f"Thank you!\n\nOn Tue, 1 Dec 2026 at 10:02, Support <{SUPPORT}> wrote:\n> It left our warehouse today.\n",
                          in_reply_to=ours, references=f"{first['Message-ID']} {ours}")
    mail.deliver(gmail)
    m = await agent.message(lambda m: m["text"].startswith("Thank you"))
    check("Gmail-style answer (headers kept) joins the thread", m["conversation"] == conv, str(m))
    check("its quoted history is folded away", m["text"] == "Thank you!"
          and "warehouse" in m["email"].get("quoted", ""), str(m))

    outlook = customer_mail("Ada Lovelace <ada@example.org>", f"RE: Where is my order? [#{conv}]",
                            "Also, can you change the address?\n\n-----Original Message-----\n"
                            f"From: Support <{SUPPORT}>\nSent: Tuesday, December 1, 2026 10:02 AM\n"
                            "Subject: Re: Where is my order?\n\nIt left our warehouse today.\n")
    mail.deliver(outlook)
    m = await agent.message(lambda m: m["text"].startswith("Also, can you"))
    check("Outlook-style answer (threading headers dropped, tag kept) joins the thread",
          m["conversation"] == conv and "Original Message" not in m["text"], str(m))

    bob = customer_mail("Bob <bob@example.org>", "Re: Where is my order?", "I am Ada's colleague.",
                        in_reply_to=ours)
    mail.deliver(bob)
    m = await agent.message(lambda m: m["text"].startswith("I am Ada's colleague"))
    check("someone copied in answers in the same thread, as themselves",
          m["conversation"] == conv and m["author"]["name"] == "Bob", str(m))

    # The agent copies someone new: the mail goes to them too, and their answer joins.
    bad = await agent.request("send", conversation=conv, clientId=str(uuid.uuid4()),
                              text="x", cc=["not an address"])
    check("a Cc that is not an address is bad_request", bad.get("code") == "bad_request", str(bad))
    before = len(mail.sent())
    reply = await agent.request("send", conversation=conv, clientId=str(uuid.uuid4()),
                                text="Copying our warehouse.", cc=["carol@example.org"])
    check("a reply that copies someone is accepted", reply.get("type") == "ok", str(reply))
    sent = await wait_for_file(mail, before + 1)
    if check("the reply copying Carol went out", len(sent) == before + 1):
        out, rcpt = sent[-1]
        check("it copies exactly whom the agent chose", "carol@example.org" in (out["Cc"] or "")
              and "bob@example.org" not in (out["Cc"] or "")
              and sorted(rcpt) == ["ada@example.org", "carol@example.org"], f"{out['Cc']} {rcpt}")
        carol = customer_mail("Carol <carol@example.org>", out["Subject"], "Shipped it again.",
                              in_reply_to=out["Message-ID"])
        mail.deliver(carol)
        m = await agent.message(lambda m: m["text"] == "Shipped it again.")
        check("someone the agent copied answers in the thread", m["conversation"] == conv, str(m))

    # 4. A stranger's reply to the thread does not join it.
    stranger = customer_mail("Mallory <mallory@example.net>", f"Re: Where is my order? [#{conv}]",
                             "Send me Ada's order details.", in_reply_to=ours)
    mail.deliver(stranger)
    m = await agent.message(lambda m: m["text"].startswith("Send me Ada"))
    check("a stranger's reply to the thread starts a conversation of its own",
          m["conversation"] != conv, str(m))

    # 5. A forged Message-ID does not lead into a thread.
    forged = customer_mail("Ada Lovelace <ada@example.org>", "A new question",
                           "Is there a discount?",
                           in_reply_to=f"<tandem.{conv}.1.aaaaaaaaaaaaaaaa@example.com>")
    mail.deliver(forged)
    m = await agent.message(lambda m: m["text"].startswith("Is there a discount"))
    check("a new subject without a valid reference starts a new conversation",
          m["conversation"] != conv, str(m))

    # 6. A bounce marks the reply failed, with the reason.
    if ok:
        boundary = "dsn-" + uuid.uuid4().hex
        dsn = (f"From: Mail Delivery System <MAILER-DAEMON@example.org>\r\nTo: {SUPPORT}\r\n"
               f"Subject: Undelivered Mail Returned to Sender\r\n"
               f"Message-ID: <{uuid.uuid4()}@example.org>\r\nAuto-Submitted: auto-replied\r\n"
               f"MIME-Version: 1.0\r\n"
               f"Content-Type: multipart/report; report-type=delivery-status; boundary=\"{boundary}\"\r\n\r\n"
               f"--{boundary}\r\nContent-Type: text/plain\r\n\r\n"
               "This is the mail system. Your message could not be delivered.\r\n\r\n"
               f"--{boundary}\r\nContent-Type: message/delivery-status\r\n\r\n"
               "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; ada@example.org\r\n"
               "Action: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\r\n"
               f"--{boundary}\r\nContent-Type: text/rfc822-headers\r\n\r\n"
               f"Message-ID: {ours}\r\nSubject: Re: Where is my order?\r\n\r\n"
               f"--{boundary}--\r\n").encode()
        with smtplib.LMTP(mail.info["lmtp"]) as lmtp:
            lmtp.sendmail("MAILER-DAEMON@example.org", [SUPPORT], dsn)
        failed = await agent.wait(lambda f: f.get("event") == "message.delivery"
                                  and f["data"].get("state") == "failed")
        check("a bounce marks the reply failed with the server's reason",
              "User unknown" in failed["data"].get("error", ""), str(failed["data"]))

    # 7. Intake speed: a burst of mails, each its own conversation.
    burst = 40
    start = time.monotonic()
    with smtplib.LMTP(mail.info["lmtp"]) as lmtp:
        for i in range(burst):
            m = customer_mail(f"c{i}@example.org", f"Burst {i}", f"burst mail {i}")
            lmtp.sendmail(m["From"], [SUPPORT], m.as_bytes())
    seen = set()
    while len(seen) < burst:
        m = await agent.message(lambda m: m["text"].startswith("burst mail"))
        seen.add(m["text"])
    took = time.monotonic() - start
    check("every mail of a burst is filed once", len(seen) == burst)
    print(f"FIGURE intake: {burst} mails in {took:.2f} s = {burst / took:.1f} mails/s "
          "(delivery over LMTP included)", flush=True)
    await agent.close()
    await outgoing.files_and_new_mail(mail, server, conv, inbox)
    return conv


async def late_conversations(agent, prefix):
    """How many conversations show each text starting with `prefix` as their last message."""
    reply = await agent.request("conversations", limit=200)
    counts = {}
    for c in (reply.get("data") or {}).get("conversations", []):
        text = (c.get("lastMessage") or {}).get("text", "")
        if text.startswith(prefix):
            counts[text] = counts.get(text, 0) + 1
    return counts


async def until(probe, done, timeout=TIMEOUT):
    """probe() again and again until done(result) or the time is up; the last result."""
    deadline = time.monotonic() + timeout
    result = await probe()
    while not done(result) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
        result = await probe()
    return result


async def downtime(mail, server):
    """tandemd stopped while mail arrives: each mail once when it is back."""
    server.stop()
    for i in range(5):
        mail.deliver(customer_mail(f"late{i}@example.org", f"While you were away {i}",
                                   f"late mail {i}"))
    server.start()
    agent = Agent(server.port)
    await agent.connect()
    seen = await until(lambda: late_conversations(agent, "late mail"), lambda c: len(c) == 5)
    check("after a stop, every mail that arrived meanwhile is filed, once",
          len(seen) == 5 and set(seen.values()) == {1}, str(seen))
    await agent.close()
    # Stopped and started again: nothing is filed twice (the cursor and the Message-IDs).
    server.stop()
    server.start()
    agent = Agent(server.port)
    await agent.connect()
    mail.deliver(customer_mail("marker@example.org", "Marker", "marker mail after restart"))
    await until(lambda: late_conversations(agent, "marker mail"), lambda c: len(c) == 1)
    seen = await late_conversations(agent, "late mail")
    check("a second restart files nothing twice (the next new mail comes, no old one again)",
          len(seen) == 5 and set(seen.values()) == {1}, str(seen))

    # Dovecot restarted mid-IDLE: the next mail still arrives.
    check("Dovecot restarts", mail.command("restart-dovecot") == "restarted")
    mail.deliver(customer_mail("after@example.org", "After restart", "mail after dovecot restart"))
    seen = await until(lambda: late_conversations(agent, "mail after dovecot"), lambda c: len(c) == 1,
                       timeout=60)
    check("after Dovecot restarted mid-IDLE, new mail still arrives", len(seen) == 1, str(seen))
    await agent.close()


async def loops(mail, server):
    """Out of hours: a person gets one automatic reply, machines none, and nothing reopens."""
    agent = Agent(server.port)
    await agent.connect()
    today = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 86400))
    later = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 3 * 86400))
    calendar = {"timezone": "UTC", "hours": [{"day": 1, "from": "09:00", "to": "17:00"}],
                "closures": [{"from": f"{today}T00:00", "to": f"{later}T00:00", "name": "Away"}]}
    saved = await agent.request("team.save", team=1, name="Support", members=[agent.agent_id],
                                calendar=calendar)
    check("the team closes (a closure now)", saved.get("type") == "ok", str(saved))
    before = len(mail.sent())
    question = customer_mail("Olga <olga@example.org>", "Question out of hours", "Are you open?")
    mail.deliver(question)
    m = await agent.message(lambda m: m["text"] == "Are you open?")
    conv = m["conversation"]
    sent = await wait_for_file(mail, before + 1)
    auto = [out for out, rcpt in sent[before:] if "olga@example.org" in rcpt]
    ok = check("a person writing out of hours gets an automatic reply by email", len(auto) == 1,
               str([o["Subject"] for o, _ in sent[before:]]))
    if not ok:
        await agent.close()
        return
    auto = auto[0]
    check("the automatic reply is marked Auto-Submitted: auto-replied",
          auto["Auto-Submitted"] == "auto-replied", str(auto["Auto-Submitted"]))
    # An out-of-office answer to it: filed in the thread, answered by nothing.
    ooo = customer_mail("Olga <olga@example.org>", f"Automatic reply: {auto['Subject']}",
                        "I am away until Monday.", in_reply_to=auto["Message-ID"],
                        extra={"Auto-Submitted": "auto-replied"})
    mail.deliver(ooo)
    m = await agent.message(lambda m: m["text"] == "I am away until Monday.")
    check("the out-of-office answer joins the thread, marked as a machine's",
          m["conversation"] == conv and m.get("email", {}).get("automatic"), str(m))
    # Resolved; another machine's mail does not reopen it.
    reply = await agent.request("status", conversation=conv, status="resolved")
    check("the conversation is resolved", reply.get("type") == "ok", str(reply))
    ooo2 = customer_mail("Olga <olga@example.org>", f"Automatic reply: {auto['Subject']}",
                         "Still away.", in_reply_to=auto["Message-ID"],
                         extra={"X-Autoreply": "yes"})
    mail.deliver(ooo2)
    m = await agent.message(lambda m: m["text"] == "Still away.")
    # A later person's mail is answered: by then anything the machines' mail caused was sent.
    mark = len(mail.sent())
    mail.deliver(customer_mail("Pat <pat@example.org>", "Hello?", "Anyone there?"))
    sent = await wait_for_file(mail, mark + 1)
    to_pat = [o for o, rcpt in sent[mark:] if "pat@example.org" in rcpt]
    to_olga = [o for o, rcpt in sent[before:] if "olga@example.org" in rcpt]
    check("the next person is answered", len(to_pat) == 1, str(len(to_pat)))
    check("machines' mail got no automatic reply (one to Olga in all)", len(to_olga) == 1,
          str([o["Subject"] for o in to_olga]))
    listing = await agent.request("conversations", limit=200, resolved=True)
    resolved = [c["id"] for c in (listing.get("data") or {}).get("conversations", [])]
    check("a machine's mail does not reopen a resolved conversation", conv in resolved,
          str(listing)[:300])
    # A machine answering every mail gets at most 5 automatic replies a day, restart or not.
    for i in range(4):  # Pat had one
        mail.deliver(customer_mail("Pat <pat@example.org>", f"Question {i}", f"Question number {i}"))
    sent = await wait_for_file(mail, mark + 5)
    to_pat = [o for o, rcpt in sent[mark:] if "pat@example.org" in rcpt]
    check("five automatic replies reach one address in a day", len(to_pat) == 5, str(len(to_pat)))
    await agent.close()
    server.stop()
    server.start()
    agent = Agent(server.port)
    await agent.connect()
    mail.deliver(customer_mail("Pat <pat@example.org>", "Question 5", "Question number 5"))
    failed = await agent.wait(lambda f: f.get("event") == "message.delivery"
                              and f["data"].get("state") == "failed")
    check("the sixth is not sent, also after a restart, and says why",
          "5 automatic replies went to pat@example.org" in failed["data"].get("error", ""),
          str(failed["data"]))
    await agent.request("team.save", team=1, name="Support", members=[agent.agent_id], calendar=None)
    await agent.close()


def mailbox_settings(info, imap_security="tls", trusted=None, imap_port=None, user=SUPPORT,
                     address=SUPPORT):
    return {
        "address": address, "displayName": "Example Support", "signature": "Example Support team",
        "imap": {"host": "127.0.0.1", "port": imap_port or (info["imaps"] if imap_security == "tls" else info["imap"]),
                 "security": imap_security, "user": user,
                 **({"trustedCertificate": trusted} if trusted else {})},
        "smtp": {"host": "127.0.0.1", "port": info["smtp"], "security": "starttls",
                 "user": info["smtpUser"], **({"trustedCertificate": trusted} if trusted else {})},
    }


async def troubles(mail, server):
    """Wrong password, bad certificate, unreachable server: a clear error on the inbox."""
    info = mail.info
    cases = {
        "wrong password": (mailbox_settings(info, trusted=fingerprint(info["cert"])), "wrong-password",
                           "login"),
        "bad certificate": (mailbox_settings(info), info["users"][SUPPORT], "not trusted"),
        "unreachable": (mailbox_settings(info, "none", imap_port=1), info["users"][SUPPORT],
                        "cannot be reached"),
    }
    ids = {}
    for name, (settings, password, _) in cases.items():
        path = os.path.join(server.data, f"{name}.json")
        with open(path, "w") as f:
            json.dump(settings, f)
        out = server.admin("mailbox", "add", "--name", f"Broken: {name}", "--settings", path,
                           stdin=f"{password}\n{info['smtpPassword']}\n")
        ids[name] = out.stdout.split("email inbox ")[1].split()[0] if out.returncode == 0 else None
    server.stop()
    server.start()
    deadline = time.monotonic() + 30
    listing = ""
    while time.monotonic() < deadline:
        listing = server.admin("mailbox", "list").stdout
        lines = {l.split("\t")[0]: l for l in listing.splitlines()}
        if all(ids[n] and all(w in lines.get(ids[n], "") for w in [cases[n][2]]) for n in cases):
            break
        await asyncio.sleep(0.2)
    lines = {l.split("\t")[0]: l for l in listing.splitlines()}
    for name, (_, _, words) in cases.items():
        check(f"{name}: the inbox shows a clear error", ids[name] and words in lines.get(ids[name], ""),
              lines.get(ids[name] or "", listing))
    check("the password never shows", "wrong-password" not in listing
          and info["users"][SUPPORT] not in listing)

    # From the desktop's side: an admin adds an inbox over the protocol, and it is read at
    # once; supervisors see each mailbox's lag and last error, never a password.
    agent = Agent(server.port)
    await agent.connect()
    bad = await agent.request("mailbox.save", name="No host", settings={"address": "x@example.com"},
                              imapPassword="p")
    check("mailbox.save with bad settings is bad_request naming the field",
          bad.get("code") == "bad_request" and "settings.imap.host" in bad.get("message", ""), str(bad))
    saved = await agent.request("mailbox.save", name="Second address", team=1,
                                settings=mailbox_settings(info, trusted=fingerprint(info["cert"]),
                                                          user="customer@example.com",
                                                          address="customer@example.com"),
                                imapPassword="not-the-password", smtpPassword=info["smtpPassword"])
    ok = check("mailbox.save makes an email inbox", saved.get("type") == "ok"
               and saved["data"]["inbox"]["channel"] == "email", str(saved))
    if ok:
        new_id = saved["data"]["inbox"]["id"]

        async def status():
            reply = await agent.request("mailboxes")
            return {m["inbox"]: m for m in (reply.get("data") or {}).get("mailboxes", [])}

        states = await until(status, lambda s: "login" in s.get(new_id, {}).get("lastError", ""),
                             timeout=30)
        check("the new inbox is read at once, and its wrong password shows as its error",
              "login" in states.get(new_id, {}).get("lastError", ""), str(states.get(new_id)))
        # Mail that arrives while the password is wrong waits in the mailbox; once the
        # right one is saved it is filed.
        waiting = customer_mail("patient@example.org", "While it was broken",
                                "mail while the password was wrong", to="customer@example.com")
        with smtplib.LMTP(info["lmtp"]) as lmtp:
            lmtp.sendmail("patient@example.org", ["customer@example.com"], waiting.as_bytes())
        fixed = await agent.request("mailbox.save", inbox=new_id, name="Second address", team=1,
                                    settings=mailbox_settings(info, trusted=fingerprint(info["cert"]),
                                                              user="customer@example.com",
                                                              address="customer@example.com"),
                                    imapPassword=info["users"]["customer@example.com"])
        check("the right password is saved", fixed.get("type") == "ok", str(fixed))
        m = await agent.message(lambda m: m["text"] == "mail while the password was wrong",
                                timeout=30)
        check("mail that came while the password was wrong is filed once it is right",
              m is not None)
        states = await until(status, lambda s: not s.get(new_id, {}).get("lastError"), timeout=30)
        check("the error is gone once the mailbox reads", not states.get(new_id, {}).get("lastError"),
              str(states.get(new_id)))
        first = states.get(1 + 1, {})  # the first email inbox: id 2
        check("supervisors see how long mail took to be filed", first.get("lagMs", -1) >= 0
              and "lastMailAt" in first, str(first))
        text = json.dumps(states)
        check("mailboxes never shows a password", "not-the-password" not in text
              and info["smtpPassword"] not in text and "Password" not in text)
    await agent.close()


async def main():
    work = tempfile.mkdtemp(prefix="tandem-email-")
    os.chmod(work, 0o755)  # Dovecot's own users find their way to the mailboxes
    mail = Mail(os.path.join(work, "mail"))
    data = os.path.join(work, "data")
    os.makedirs(data)
    server = Server(data)
    try:
        out = server.admin("user", "add", "--email", AGENT, "--name", "Test Agent", "--role", "admin",
                           stdin=AGENT_PASSWORD + "\n")
        assert out.returncode == 0, out.stderr
        settings = os.path.join(work, "mailbox.json")
        with open(settings, "w") as f:
            json.dump(mailbox_settings(mail.info, trusted=fingerprint(mail.info["cert"])), f)
        out = server.admin("mailbox", "add", "--name", "Support email", "--settings", settings,
                           stdin=f"{mail.info['users'][SUPPORT]}\n{mail.info['smtpPassword']}\n")
        check("tandemd mailbox add sets up an email inbox", out.returncode == 0, out.stderr)
        raw = b"".join(open(path, "rb").read() for path in glob.glob(os.path.join(data, "tandem.sqlite*")))
        check("the store was written", b"Support email" in raw, str(glob.glob(os.path.join(data, "*"))))
        check("the passwords are not in the store as written",
              mail.info["users"][SUPPORT].encode() not in raw and mail.info["smtpPassword"].encode() not in raw)
        server.start()
        await scenario(mail, server)
        await loops(mail, server)
        await downtime(mail, server)
        await troubles(mail, server)
    except Exception as e:  # a step that could not go on
        check(f"the run completed ({type(e).__name__})", False, repr(e))
        with open(os.path.join(data, "tandemd.log")) as f:
            print(f.read()[-4000:])
    finally:
        if server.process and server.process.poll() is None:
            server.stop()
        mail.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
