#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the email tests share: the mail servers (mailservers.py), tandemd on a free port,
an agent on the real protocol, mails as customers write them, and one line per check.

TANDEMD is the first argument of the test that imports this."""
import asyncio
import email
import email.policy
import glob
import hashlib
import http.client
import json
import os
import smtplib
import socket
import subprocess
import sys
import time
import uuid
from email.message import EmailMessage

import websockets

HERE = os.path.dirname(os.path.abspath(__file__))
TANDEMD = sys.argv[1]
TIMEOUT = 20.0
RESULTS = {"passed": 0, "failed": 0}
AGENT, AGENT_PASSWORD = "agent@example.com", "test-agent-password"
SUPPORT = "support@example.com"


def check(name, cond, detail=""):
    RESULTS["passed" if cond else "failed"] += 1
    print(f"{'PASS' if cond else 'FAIL'} {name}" + ("" if cond or not detail else f" -- {detail}"),
          flush=True)
    return bool(cond)


class Mail:
    """The mail servers, started by mailservers.py."""

    def __init__(self, folder):
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "..", "support", "mailservers.py"), folder],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.info = json.loads(self.process.stdout.readline())

    def command(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def deliver(self, message, to=SUPPORT):
        with smtplib.LMTP(self.info["lmtp"]) as lmtp:
            refused = lmtp.sendmail(message["From"], [to], message.as_bytes())
        assert refused == {}, refused

    def sent(self):
        """What tandemd sent, oldest first: (message, envelope recipients)."""
        out = []
        for name in sorted(glob.glob(os.path.join(self.info["smtpDir"], "*.eml"))):
            with open(name, "rb") as f:
                message = email.message_from_binary_file(f, policy=email.policy.default)
            with open(name + ".rcpt") as f:
                out.append((message, f.read().split("\n")))
        return out

    def stop(self):
        self.process.stdin.close()
        self.process.wait(20)


def fingerprint(cert):
    der = subprocess.run(["openssl", "x509", "-in", cert, "-outform", "DER"],
                         capture_output=True, check=True).stdout
    return hashlib.sha256(der).hexdigest()


class Server:
    """tandemd on a free port with a temporary data folder."""

    def __init__(self, data):
        self.data, self.process, self.port = data, None, None

    def admin(self, *args, stdin=""):
        return subprocess.run([TANDEMD, *args, "--data", self.data], input=stdin,
                              capture_output=True, text=True)

    def start(self):
        self.log = open(os.path.join(self.data, "tandemd.log"), "a")
        self.process = subprocess.Popen([os.environ.get("TANDEMD_DEBUG", TANDEMD), "--listen", "127.0.0.1:0", "--data", self.data],
                                        stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.process.stdout.readline()
        self.port = int(line.split("127.0.0.1:")[1].split()[0])

    def stop(self):
        self.process.terminate()
        self.process.wait(20)


class Agent:
    def __init__(self, port):
        self.port, self.counter, self.pending = port, 0, []

    async def connect(self):
        self.ws = await websockets.connect(f"ws://127.0.0.1:{self.port}/ws/agent", max_size=None)
        reply = await self.request("signin", protocol=1, email=AGENT, password=AGENT_PASSWORD)
        assert reply.get("type") == "ok", reply
        self.token = reply["data"]["token"]
        self.agent_id = reply["data"]["agent"]["id"]
        await self.wait(lambda f: f.get("type") == "synced")

    async def request(self, kind, **fields):
        self.counter += 1
        rid = f"r{self.counter}"
        await self.ws.send(json.dumps({"type": kind, "id": rid, **fields}))
        return await self.wait(lambda f: f.get("type") in ("ok", "error") and f.get("id") == rid)

    async def wait(self, pred, timeout=TIMEOUT):
        for i, f in enumerate(self.pending):
            if pred(f):
                return self.pending.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise asyncio.TimeoutError()
            frame = json.loads(await asyncio.wait_for(self.ws.recv(), left))
            if pred(frame):
                return frame
            self.pending.append(frame)

    async def message(self, pred=lambda m: True, timeout=TIMEOUT):
        """The next message.created event whose message satisfies pred."""
        f = await self.wait(lambda f: f.get("type") == "event" and f.get("event") == "message.created"
                            and pred(f["data"]["message"]), timeout)
        return f["data"]["message"]

    async def close(self):
        await self.ws.close()


def customer_mail(sender, subject, text, message_id=None, in_reply_to=None, references=None,
                  extra=None, to=SUPPORT, cc=None):
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = sender, to, subject
    if cc:
        m["Cc"] = cc
    m["Message-ID"] = message_id or f"<{uuid.uuid4()}@example.org>"
    if in_reply_to:
        m["In-Reply-To"] = in_reply_to
    if references:
        m["References"] = references
    for k, v in (extra or {}).items():
        m[k] = v
    m.set_content(text)
    return m


def fetch(port, path, token):
    """GET path from tandemd: (status, body, headers)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    connection.request("GET", path, headers={"Authorization": f"Bearer {token}"} if token else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body, dict(response.getheaders())


def idle_reference(mail):
    """Seconds from an LMTP delivery to the EXISTS a plain IMAP IDLE client receives (the
    customer@ mailbox, which tandemd does not read)."""

    user, password = "customer@example.com", mail.info["users"]["customer@example.com"]
    with socket.create_connection(("127.0.0.1", mail.info["imap"]), timeout=TIMEOUT) as s:
        f = s.makefile("rb")
        f.readline()

        def command(tag, text):
            s.sendall(f"{tag} {text}\r\n".encode())
            while True:
                line = f.readline()
                if line.startswith(tag.encode()) or line.startswith(b"+"):
                    return line

        command("a1", f"LOGIN {user} {password}")
        command("a2", "SELECT INBOX")
        command("a3", "IDLE")
        started = time.monotonic()
        m = customer_mail("ref@example.org", "Reference", "reference mail", to=user)
        with smtplib.LMTP(mail.info["lmtp"]) as lmtp:
            lmtp.sendmail("ref@example.org", [user], m.as_bytes())
        while b"EXISTS" not in f.readline():
            pass
        took = time.monotonic() - started
        s.sendall(b"DONE\r\n")
        return took


async def wait_for_file(mail, count, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sent = mail.sent()
        if len(sent) >= count:
            return sent
        await asyncio.sleep(0.05)
    return mail.sent()
