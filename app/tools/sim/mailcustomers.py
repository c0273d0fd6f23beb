#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Simulated customers who write email, for the demo.

    mailcustomers.py INFO_JSON [--every SECONDS] [--count N]

INFO_JSON is the line tests/support/mailservers.py printed. Now and then a customer writes
to the support address (delivered into Dovecot over LMTP, as a mail server would): plain
mail, HTML with an inline logo, a PDF attached, someone copied in. When tandemd's reply
arrives at the SMTP server, the customer answers it a little later the way their mail
client would (Gmail keeps the threading headers and quotes; Outlook drops them and keeps
the subject's tag); one customer is away and answers with an out-of-office. Runs until
killed.
"""
import argparse
import email
import email.policy
import glob
import json
import os
import random
import smtplib
import time
import uuid
from email.message import EmailMessage

SUPPORT = "support@example.com"
CUSTOMERS = [
    ("Hedy Lamarr", "hedy@example.org", "gmail"),
    ("Katherine Johnson", "katherine@example.org", "outlook"),
    ("Linus Pauling", "linus@example.org", "gmail"),
    ("Margaret Hamilton", "margaret@example.org", "away"),
    ("Tim Berners-Lee", "tim@example.org", "outlook"),
    ("Radia Perlman", "radia@example.org", "gmail"),
]
QUESTIONS = [
    ("Invoice 2026-1142 has the wrong address", "Hello,\n\nthe invoice for my last order "
     "shows my old address. Could you send a corrected one?\n\nThanks"),
    ("Can I pause my subscription?", "Hi there,\n\nI am travelling for two months. Is it "
     "possible to pause my subscription until March?"),
    ("Password reset mail never arrives", "Hello support,\n\nI asked for a password reset "
     "three times today and no mail arrived. My spam folder is empty too."),
    ("Order 8812 — missing item", "Good morning,\n\nthe parcel for order 8812 arrived but the "
     "charging cable was not in it. The packing list is attached."),
    ("Question about your API limits", "Hi,\n\nhow many requests per minute does the "
     "standard plan allow? We are planning a migration next week."),
]
ANSWERS = ["Thank you, that helps!", "Great, thanks for the quick answer.",
           "That worked. You can close this.", "One more thing: can you also check order 8813?"]
LOGO = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00"
        b"\x00\x90\x91h6\x00\x00\x00\x19IDATx\x9cc\xfc\xcf\xc0P\x0f\x03\x8c\xa3\x06\x8d\x1a4"
        b"\x18\x1a\x00\x00\x8d\x1e\x1f\xf1\xa2\x0b\xdb\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


def deliver(info, message):
    with smtplib.LMTP(info["lmtp"]) as lmtp:
        lmtp.sendmail(message["From"].addresses[0].addr_spec, [SUPPORT], message.as_bytes())


def question(name, address):
    subject, text = random.choice(QUESTIONS)
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = f"{name} <{address}>", SUPPORT, subject
    m["Message-ID"] = f"<{uuid.uuid4()}@example.org>"
    kind = random.random()
    if kind < 0.25:
        m["Cc"] = "Office <office@example.org>"
    m.set_content(text + f"\n\n{name}")
    if kind > 0.5:
        m.add_alternative(f"<html><body><p>{text.replace(chr(10), '<br>')}</p>"
                          f"<p><img src=\"cid:logo@example.org\" alt=\"logo\"> {name}</p>"
                          f"<img src=\"https://tracker.example.org/open.gif\"></body></html>",
                          subtype="html")
        m.get_payload()[1].add_related(LOGO, "image", "png", cid="<logo@example.org>")
    if "Order 8812" in subject:
        m.add_attachment(b"%PDF-1.4\n% packing list for order 8812\n", maintype="application",
                         subtype="pdf", filename="packing-list-8812.pdf")
    return m


def answer(reply, name, address, style):
    m = EmailMessage()
    m["From"], m["To"] = f"{name} <{address}>", SUPPORT
    quoted = "\n".join("> " + line for line in
                       (reply.get_body(("plain",)).get_content() or "").splitlines()[:8])
    if style == "away" or reply["Auto-Submitted"]:
        if style != "away":
            return None  # people do not answer automatic replies
        m["Subject"] = "Automatic reply: " + reply["Subject"]
        m["Auto-Submitted"] = "auto-replied"
        m["In-Reply-To"] = reply["Message-ID"]
        m.set_content("I am out of the office until Monday and will read your mail then.")
    elif style == "gmail":
        m["Subject"] = reply["Subject"]
        m["In-Reply-To"] = reply["Message-ID"]
        m["References"] = (reply["References"] or "") + " " + reply["Message-ID"]
        m.set_content(f"{random.choice(ANSWERS)}\n\nOn {reply['Date']}, {reply['From']} wrote:\n{quoted}\n")
    else:  # Outlook: threading headers dropped, the subject's tag kept
        m["Subject"] = "RE: " + reply["Subject"].removeprefix("Re: ")
        m.set_content(f"{random.choice(ANSWERS)}\n\n-----Original Message-----\nFrom: {reply['From']}\n"
                      f"Sent: {reply['Date']}\nSubject: {reply['Subject']}\n\n{quoted}\n")
    m["Message-ID"] = f"<{uuid.uuid4()}@example.org>"
    return m


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("info")
    parser.add_argument("--every", type=float, default=45.0)
    parser.add_argument("--count", type=int, default=0, help="stop after this many new mails")
    args = parser.parse_args()
    info = json.loads(args.info)
    seen, written, next_mail = set(), 0, time.monotonic() + 5
    by_address = {address: (name, style) for name, address, style in CUSTOMERS}
    pending = []  # (when, message)
    while True:
        now = time.monotonic()
        if now >= next_mail and (not args.count or written < args.count):
            name, address, _ = random.choice(CUSTOMERS)
            deliver(info, question(name, address))
            written += 1
            next_mail = now + random.uniform(0.5, 1.5) * args.every
        for path in sorted(glob.glob(os.path.join(info["smtpDir"], "*.eml"))):
            if path in seen:
                continue
            seen.add(path)
            with open(path, "rb") as f:
                reply = email.message_from_binary_file(f, policy=email.policy.default)
            to = reply["To"].addresses[0].addr_spec if reply["To"] else ""
            if to in by_address and random.random() < 0.8:
                name, style = by_address[to]
                message = answer(reply, name, to, style)
                if message is not None:
                    pending.append((now + random.uniform(5, 20), message))
        for item in [p for p in pending if p[0] <= now]:
            pending.remove(item)
            deliver(info, item[1])
        time.sleep(0.5)


if __name__ == "__main__":
    main()
