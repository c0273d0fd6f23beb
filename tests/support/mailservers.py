#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real mail servers for tests, in a temporary folder, on free loopback ports.

Starts a private Dovecot (IMAP with IDLE, plain on one port and TLS on another with a
certificate made here; LMTP on a unix socket for delivering mail the way a mail server
would) and a real SMTP server (aiosmtpd: STARTTLS and AUTH required, each message kept as a
file). Prints one JSON line with what a test needs, then runs until stdin closes or it is
signalled, and stops everything. A line "restart-dovecot" on stdin stops Dovecot and
starts it again on the same ports (answered with "restarted" on stdout); "stop-dovecot"
stops it until "start-dovecot".

    mailservers.py DIR
    -> {"imap": 40123, "imaps": 40124, "lmtp": "DIR/dovecot/run/lmtp", "smtp": 40125,
        "cert": "DIR/cert.pem", "smtpDir": "DIR/smtp",
        "users": {"support@example.com": "support-password", ...}}

Run it with Debian's /usr/bin/python3 (aiosmtpd is a Debian package).
"""
import asyncio
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USERS = {
    "support@example.com": "support-password",
    "customer@example.com": "customer-password",
}
SMTP_USER, SMTP_PASSWORD = "tandem@example.com", "smtp-password"


def free_port():
    # Dovecot cannot take a port from the kernel itself (port 0 turns a listener off):
    # take one here and hand it over; start() retries when someone was quicker.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_certificate(folder):
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


def dovecot_config(folder, imap, imaps, cert, key):
    # As root (CI, these machines), Dovecot's own users run its parts and mail belongs to
    # `mail` (uid 8): it refuses uid 0. As anyone else, everything runs as that user.
    if os.geteuid() == 0:
        internal, login, uid, gid = "dovecot", "dovenull", 8, 8
    else:
        import pwd
        me = pwd.getpwuid(os.geteuid()).pw_name
        internal, login, uid, gid = me, me, os.geteuid(), os.getegid()
    home = os.path.join(folder, "home")
    os.makedirs(home, exist_ok=True)
    with open(os.path.join(folder, "users"), "w") as f:
        for user, password in USERS.items():
            f.write(f"{user}:{{PLAIN}}{password}:{uid}:{gid}::{home}/{user}\n")
    for part in ("run", "state"):
        os.makedirs(os.path.join(folder, part), exist_ok=True)
    if os.geteuid() == 0:
        os.chown(home, uid, gid)
    return f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
listen = 127.0.0.1
protocols = imap lmtp
default_internal_user = {internal}
default_login_user = {login}
first_valid_uid = {uid}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {imap}
  }}
  inet_listener imaps {{
    port = {imaps}
    ssl = yes
  }}
}}
service lmtp {{
  unix_listener lmtp {{
    mode = 0666
  }}
}}
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = username_format=%u {folder}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {folder}/users
}}
mail_location = maildir:~/Maildir
"""


def wait_for_port(port, process, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def restart_dovecot(folder, process, imap):
    """Dovecot again with the same configuration (so the same ports and mail)."""
    if process is not None and process.poll() is None:
        process.terminate()
        process.wait(10)
    config = os.path.join(folder, "dovecot.conf")
    for _ in range(50):
        started = subprocess.Popen(["dovecot", "-F", "-c", config],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if wait_for_port(imap, started):
            return started
        started.kill()
        started.wait()
        time.sleep(0.1)  # the old listener may linger a moment
    sys.exit("dovecot did not start again")


def start_dovecot(folder, cert, key):
    os.makedirs(folder, mode=0o755, exist_ok=True)
    config = os.path.join(folder, "dovecot.conf")
    for _ in range(5):
        imap, imaps = free_port(), free_port()
        with open(config, "w") as f:
            f.write(dovecot_config(folder, imap, imaps, cert, key))
        process = subprocess.Popen(["dovecot", "-F", "-c", config],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if wait_for_port(imap, process) and wait_for_port(imaps, process):
            return process, imap, imaps
        process.kill()
        process.wait()
    log = open(os.path.join(folder, "dovecot.log")).read() if os.path.exists(
        os.path.join(folder, "dovecot.log")) else ""
    sys.exit("dovecot did not start:\n" + log)


class Keep:
    """Each message SMTP accepts, as a file: what tandemd sent, byte for byte."""

    def __init__(self, folder):
        self.folder, self.count = folder, 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = os.path.join(self.folder, f"{self.count:06d}.eml")
        with open(name + ".part", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(name + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos))
        os.rename(name + ".part", name)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == SMTP_USER
          and auth_data.password.decode() == SMTP_PASSWORD)
    return AuthResult(success=ok)


def start_smtp(folder, cert, key):
    os.makedirs(folder, exist_ok=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    port = free_port()
    controller = Controller(Keep(folder), hostname="127.0.0.1", port=port,
                            tls_context=context, require_starttls=True,
                            authenticator=authenticate, auth_required=True,
                            auth_require_tls=True)
    controller.start()
    return controller, port


def main():
    folder = os.path.abspath(sys.argv[1])
    os.makedirs(folder, exist_ok=True)
    os.chmod(folder, 0o755)  # Dovecot's own users find their way to the mailboxes
    cert, key = make_certificate(folder)
    dovecot, imap, imaps = start_dovecot(os.path.join(folder, "dovecot"), cert, key)
    smtp, smtp_port = start_smtp(os.path.join(folder, "smtp"), cert, key)

    servers = {"dovecot": dovecot}

    def stop(*_):
        smtp.stop()
        dovecot = servers["dovecot"]
        dovecot.terminate()
        try:
            dovecot.wait(10)
        except subprocess.TimeoutExpired:
            dovecot.kill()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(json.dumps({"imap": imap, "imaps": imaps,
                      "lmtp": os.path.join(folder, "dovecot", "run", "lmtp"),
                      "smtp": smtp_port, "smtpUser": SMTP_USER, "smtpPassword": SMTP_PASSWORD,
                      "cert": cert, "smtpDir": os.path.join(folder, "smtp"), "users": USERS}),
          flush=True)
    home = os.path.join(folder, "dovecot")
    for line in sys.stdin:  # until the test closes it (or goes away)
        command = line.strip()
        if command == "restart-dovecot":
            servers["dovecot"] = restart_dovecot(home, servers["dovecot"], imap)
            print("restarted", flush=True)
        elif command == "stop-dovecot":
            servers["dovecot"].terminate()
            servers["dovecot"].wait(10)
            print("stopped", flush=True)
        elif command == "start-dovecot":
            servers["dovecot"] = restart_dovecot(home, None, imap)
            print("started", flush=True)
    stop()


if __name__ == "__main__":
    main()
