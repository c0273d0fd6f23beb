# SPDX-License-Identifier: GPL-3.0-or-later
"""Email going out with what an agent adds: files uploaded over HTTP and sent with a reply,
and a new email the agent starts. Run by email_e2e.py against its tandemd and mail servers."""
import http.client
import json
import socket
import urllib.parse
import uuid

from mailrig import TIMEOUT, Agent, check, customer_mail, fetch, wait_for_file


def put(port, upload_id, body, token, name="file.bin", content_type="application/octet-stream"):
    """PUT an upload: (status, JSON or text)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    path = f"/api/v1/uploads/{upload_id}?name={urllib.parse.quote(name)}"
    connection.request("PUT", path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    try:
        return response.status, json.loads(data)
    except ValueError:
        return response.status, data.decode(errors="replace")


def head_only(port, token, length):
    """Sends only the head of an upload of `length` bytes: the status the server answers
    before any of the body arrives."""
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
        s.sendall((f"PUT /api/v1/uploads/{uuid.uuid4()}?name=big.bin HTTP/1.1\r\n"
                   f"Host: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                   f"Content-Length: {length}\r\n\r\n").encode())
        line = s.makefile("rb").readline().decode()
    return int(line.split()[1]) if line.startswith("HTTP/") else 0


async def files_and_new_mail(mail, server, conv, inbox):
    agent = Agent(server.port)
    await agent.connect()
    token, port = agent.token, server.port

    # Uploads: bounded and checked before they are kept.
    status, _ = put(port, uuid.uuid4(), b"x" * 100_000, None)
    check("an upload without a session token is refused from its head (413)", status == 413, str(status))
    status, _ = put(port, uuid.uuid4(), b"x" * 10, "not-a-token")
    check("an upload with a wrong token is 401", status == 401, str(status))
    status = head_only(port, token, 11 * 1024 * 1024)
    check("an upload over 10 MiB is refused before its body is read (413)", status == 413, str(status))
    status, answer = put(port, uuid.uuid4(), b"", token)
    check("an empty upload is bad_request", status == 400 and answer.get("code") == "bad_request",
          f"{status} {answer}")
    status, answer = put(port, "not-a-uuid-at-all-not-a-uuid-at-all!", b"x", token)
    check("an upload id that is no UUID is bad_request", status == 400, f"{status} {answer}")

    report = b"%PDF-1.4 report " + bytes(range(256)) * 4096  # 1 MiB and a bit
    report_id = str(uuid.uuid4())
    status, answer = put(port, report_id, report, token, name="../../etc/Report Q4.pdf",
                         content_type="application/pdf")
    check("an agent uploads a file of 1 MiB (201), kept under its own name only",
          status == 201 and answer.get("name") == "Report Q4.pdf" and answer.get("size") == len(report)
          and answer.get("type") == "application/pdf", f"{status} {answer}")
    status, again = put(port, report_id, report, token, name="../../etc/Report Q4.pdf",
                        content_type="application/pdf")
    check("the same upload sent again is the same (200)", status == 200 and again == answer,
          f"{status} {again}")
    status, answer = put(port, report_id, b"other bytes", token)
    check("the same id for another file is a conflict (409)", status == 409
          and answer.get("code") == "conflict", f"{status} {answer}")
    note_id = str(uuid.uuid4())
    put(port, note_id, b"plain words\n", token, name="notes.txt", content_type="text/plain; charset=utf-8")

    # A reply carries them.
    bad = await agent.request("send", conversation=conv, clientId=str(uuid.uuid4()), text="x",
                              note=True, files=[report_id])
    check("files on a note are bad_request", bad.get("code") == "bad_request", str(bad))
    bad = await agent.request("send", conversation=conv, clientId=str(uuid.uuid4()), text="x",
                              files=[str(uuid.uuid4())])
    check("a file that was never uploaded is not_found", bad.get("code") == "not_found", str(bad))
    before = len(mail.sent())
    client_id = str(uuid.uuid4())
    reply = await agent.request("send", conversation=conv, clientId=client_id,
                                text="Here is the report you asked for.", files=[report_id, note_id])
    ok = check("a reply with two files is accepted", reply.get("type") == "ok", str(reply))
    if ok:
        message = reply["data"]["message"]
        listed = message.get("email", {}).get("attachments", [])
        check("the message lists its files in order",
              [f["name"] for f in listed] == ["Report Q4.pdf", "notes.txt"]
              and listed[0]["size"] == len(report), str(listed))
        status, body, _ = fetch(port, f"/api/v1/messages/{message['id']}/files/0", token)
        check("staff download a sent file, byte for byte", status == 200 and body == report, str(status))
        retry = await agent.request("send", conversation=conv, clientId=client_id,
                                    text="Here is the report you asked for.", files=[report_id, note_id])
        check("a retry of that send is the original message", retry.get("type") == "ok"
              and retry["data"]["message"]["id"] == message["id"], str(retry)[:300])
        status, _ = put(port, report_id, report, token, name="../../etc/Report Q4.pdf",
                        content_type="application/pdf")
        check("an upload sent again after a message took it is answered as the same (200)",
              status == 200, str(status))
        again = await agent.request("send", conversation=conv, clientId=str(uuid.uuid4()),
                                    text="And again.", files=[report_id])
        check("an upload a message took cannot be sent twice", again.get("code") == "not_found", str(again))
    sent = await wait_for_file(mail, before + 1)
    if check("the reply with files went out", len(sent) == before + 1, str(len(sent))):
        out, _ = sent[-1]
        files = {part.get_filename(): part.get_content() for part in out.iter_attachments()}
        check("the mail carries both files, byte for byte, under their names",
              files.get("Report Q4.pdf") == report and files.get("notes.txt") in ("plain words\n", b"plain words\n"),
              str({k: len(v) for k, v in files.items()}))

    # A new email, started by the agent.
    bad = await agent.request("send", clientId=str(uuid.uuid4()), text="Hello", to="new@example.net",
                              inbox=inbox)
    check("a new email without a subject is bad_request", bad.get("code") == "bad_request", str(bad))
    bad = await agent.request("send", clientId=str(uuid.uuid4()), text="Hello", to="new@example.net",
                              inbox=inbox, subject="Hi", conversation=conv)
    check("a new email naming a conversation is bad_request", bad.get("code") == "bad_request", str(bad))
    bad = await agent.request("send", clientId=str(uuid.uuid4()), text="Hello", to="not an address",
                              inbox=inbox, subject="Hi")
    check("a new email to something that is no address is bad_request",
          bad.get("code") == "bad_request", str(bad))
    bad = await agent.request("send", clientId=str(uuid.uuid4()), text="Hello", to="new@example.net",
                              inbox=inbox, subject="Hi\r\nBcc: victim@example.org")
    check("a subject that would write a header of its own is bad_request",
          bad.get("code") == "bad_request" and "subject" in bad.get("message", ""), str(bad))
    bad = await agent.request("send", clientId=str(uuid.uuid4()), text="Hello", to="new@example.net",
                              inbox=inbox + 1000, subject="Hi")
    check("a new email from an inbox that is not there is not_found", bad.get("code") == "not_found", str(bad))
    leaflet_id = str(uuid.uuid4())
    put(port, leaflet_id, b"GIF89a leaflet", token, name="leaflet.gif", content_type="image/gif")
    before = len(mail.sent())
    started = await agent.request("send", clientId=str(uuid.uuid4()), inbox=inbox,
                                  to="Nora.New@Example.net", toName="Nora New", subject="Your refund",
                                  text="Your refund went out today.", cc=["nora.boss@example.net"],
                                  files=[leaflet_id])
    if check("an agent starts a new email", started.get("type") == "ok", str(started)):
        new_conv = started["data"]["conversation"]
        check("it is a new email conversation of that customer, assigned to its writer",
              new_conv["id"] != conv and new_conv["channel"] == "email"
              and new_conv["customer"]["name"] == "Nora New"
              and (new_conv.get("assignee") or {}).get("id") == agent.agent_id, str(new_conv))
        sent = await wait_for_file(mail, before + 1)
        if check("the new email went out", len(sent) == before + 1, str(len(sent))):
            out, rcpt = sent[-1]
            check("it has its own subject and the tag, and answers nothing",
                  out["Subject"] == f"Your refund [#{new_conv['id']}]" and out["In-Reply-To"] is None,
                  f"{out['Subject']} / {out['In-Reply-To']}")
            check("it goes to the address, copying whom the agent chose, with the file",
                  "nora.new@example.net" in out["To"].lower()
                  and sorted(rcpt) == ["nora.boss@example.net", "nora.new@example.net"]
                  and [p.get_filename() for p in out.iter_attachments()] == ["leaflet.gif"],
                  f"{out['To']} {rcpt}")
            answer = customer_mail("Nora New <nora.new@example.net>", f"Re: Your refund [#{new_conv['id']}]",
                                   "Thanks, it arrived.", in_reply_to=out["Message-ID"],
                                   references=out["Message-ID"])
            mail.deliver(answer)
            m = await agent.message(lambda m: m["text"].startswith("Thanks, it arrived"))
            check("the customer's answer joins the new email's thread", m["conversation"] == new_conv["id"],
                  str(m))
    await agent.close()
