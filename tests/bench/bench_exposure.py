#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What an anonymous client can make tandemd hold, and what signing in costs.

Usage: bench_exposure.py TANDEMD [--seconds 60] [--conversations 10000]

Starts its own tandemd (fresh data directory, 127.0.0.1, an ephemeral port) for each part
and prints figures beside a reference measured in the same run:
  - peak memory while one customer asks for history pages and never reads them, against
    the same server's memory when idle;
  - peak memory while a 1 GiB body is posted to /api/v1/session;
  - sign-in time (signin sent -> synced received) and snapshot size with N open
    conversations, against the same on an empty helpdesk.
Needs Python 3.11 and websockets (Debian 12: python3-websockets). Asserts nothing.
"""
import argparse
import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import uuid

import websockets

EMAIL, PASSWORD = "bench@example.com", "bench-password"


class Server:
    def __init__(self, binary, *options):
        self.dir = tempfile.TemporaryDirectory()
        subprocess.run([binary, "user", "add", "--data", self.dir.name, "--email", EMAIL,
                        "--name", "Bench"], input=PASSWORD.encode(), check=True,
                       stdout=subprocess.DEVNULL)
        self.log = open(os.path.join(self.dir.name, "tandemd.log"), "w+")
        self.proc = subprocess.Popen([binary, "--listen", "127.0.0.1:0", "--data", self.dir.name,
                                      *options], stdout=subprocess.PIPE, stderr=self.log)
        line = self.proc.stdout.readline().decode()
        self.port = int(re.search(r":(\d+) ", line).group(1))

    def memory_kb(self, field):
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return -1

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.log.close()
        self.dir.cleanup()


def mib(kb):
    return f"{kb / 1024:.1f} MiB"


async def customer(port, name, **options):
    ws = await websockets.connect(f"ws://127.0.0.1:{port}/ws/customer", max_size=None, **options)
    await ws.send(json.dumps({"type": "hello", "id": "h", "protocol": 1, "name": name}))
    while json.loads(await ws.recv()).get("type") != "synced":
        pass
    return ws


async def request(ws, frame):
    await ws.send(json.dumps(frame))
    while True:
        reply = json.loads(await ws.recv())
        if reply.get("id") == frame["id"]:
            return reply


async def slow_reader(binary, seconds):
    server = Server(binary)
    try:
        idle = server.memory_kb("VmRSS")
        ws = await customer(server.port, "Reader")
        reply = await request(ws, {"type": "send", "id": "s0", "clientId": str(uuid.uuid4()),
                                   "text": "x" * 10000})
        conversation = reply["data"]["conversation"]["id"]
        for i in range(1, 50):
            await request(ws, {"type": "send", "id": f"s{i}", "conversation": conversation,
                               "clientId": str(uuid.uuid4()), "text": "x" * 10000})
        # From now on nothing is read: the socket's buffer fills and the server's queue grows.
        ws.transport.pause_reading()
        asked, closed, start = 0, None, time.monotonic()
        while time.monotonic() - start < seconds:
            try:
                await ws.send(json.dumps({"type": "history", "id": f"p{asked}",
                                          "conversation": conversation, "limit": 200}))
                asked += 1
            except websockets.ConnectionClosed:
                break
            await asyncio.sleep(0.1)  # within the rate limit: 10 a second
        peak = server.memory_kb("VmHWM")
        ws.transport.resume_reading()
        try:
            while True:
                await asyncio.wait_for(ws.recv(), 10)
        except websockets.ConnectionClosed as e:
            closed = e.rcvd.code if e.rcvd else "reset"
        except asyncio.TimeoutError:
            closed = "still open"
        print(f"slow reader, {seconds} s, {asked} history pages asked for: peak {mib(peak)}"
              f"  (reference: the same tandemd idle {mib(idle)}); connection closed with {closed}")
    finally:
        server.stop()


def huge_body(binary):
    server = Server(binary)
    try:
        idle = server.memory_kb("VmRSS")
        s = socket.create_connection(("127.0.0.1", server.port))
        s.sendall(b"POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  b"Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n")
        chunk, sent, answer = b"\0" * (1 << 20), 0, b""
        s.settimeout(0.5)
        try:
            while sent < (1 << 30):
                s.sendall(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError, socket.timeout):
            pass
        s.settimeout(5)
        try:
            answer = s.recv(4096)
        except OSError:
            pass
        s.close()
        status = answer.split(b"\r\n", 1)[0].decode(errors="replace") or "no answer"
        print(f"1 GiB body posted: peak {mib(server.memory_kb('VmHWM'))}  (reference: idle "
              f"{mib(idle)}); the answer: {status}; {sent >> 20} MiB of the body were sent "
              f"(and thrown away unread) before the connection ended")
    finally:
        server.stop()


async def fill(port, conversations):
    per_customer = 100
    async def one(n):
        ws = await customer(port, f"Customer {n}")
        for i in range(per_customer):
            await request(ws, {"type": "send", "id": str(i), "clientId": str(uuid.uuid4()),
                               "text": f"Order {n}-{i} has not arrived yet, can you check?"})
        await ws.close()
    for batch in range(0, conversations // per_customer, 20):
        await asyncio.gather(*(one(n) for n in range(batch, min(batch + 20, conversations // per_customer))))


async def sign_in(port):
    async with websockets.connect(f"ws://127.0.0.1:{port}/ws/agent", max_size=None) as ws:
        start = time.monotonic()
        await ws.send(json.dumps({"type": "signin", "id": "1", "protocol": 1,
                                  "email": EMAIL, "password": PASSWORD}))
        snapshot = 0
        while True:
            raw = await ws.recv()
            frame = json.loads(raw)
            if frame.get("type") == "snapshot":
                snapshot = len(raw.encode())
                listed = len(frame["data"]["conversations"])
            if frame.get("type") == "synced":
                return time.monotonic() - start, snapshot, listed


async def signin_cost(binary, conversations):
    server = Server(binary, "--max-requests-per-minute", "1000000",
                    "--new-customers-per-hour", "1000000", "--new-conversations-per-hour", "1000000")
    try:
        ref = min([await sign_in(server.port) for _ in range(5)])
        await fill(server.port, conversations)
        before = server.memory_kb("VmRSS")
        filled_peak = server.memory_kb("VmHWM")
        times = [await sign_in(server.port) for _ in range(5)]
        best = min(times)
        print(f"sign-in with {conversations} open conversations: {best[0] * 1000:.0f} ms "
              f"(best of 5), snapshot {best[1] / 1024:.1f} KiB listing {best[2]}; server memory "
              f"{mib(before)} before the sign-ins, {mib(server.memory_kb('VmRSS'))} after (peak "
              f"{mib(filled_peak)}: each password check holds Argon2id's 64 MiB)  (reference: an empty "
              f"helpdesk, best of 5: {ref[0] * 1000:.0f} ms, snapshot {ref[1]} B)")
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tandemd")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--conversations", type=int, default=10000)
    args = parser.parse_args()
    asyncio.run(slow_reader(args.tandemd, args.seconds))
    huge_body(args.tandemd)
    asyncio.run(signin_cost(args.tandemd, args.conversations))


if __name__ == "__main__":
    sys.exit(main())
