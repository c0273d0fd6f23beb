#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// Load generator for ./run bench. Speaks the sync protocol (docs/protocol.md) to tandemd, or
// to relay.js, which answers the same frames; one scenario per run, its figures as one JSON
// line on stdout. The server's CPU and memory are read from /proc/PID (so run it on Linux,
// on the server's machine).
//
//   node loadgen.js throughput --url ws://127.0.0.1:PORT --pid PID --customers 100
//        [--inflight 4] [--seconds 10] [--email E --password P]
//     Every customer keeps `inflight` sends outstanding in its own conversation, sending the
//     next as each `ok` comes back; one agent is signed in and receives every event.
//   node loadgen.js idle --url ... --pid PID --connections 2000 [--kind customer|agent]
//     Opens N connections that complete their handshake and then sit idle: RSS growth / N.
//   node loadgen.js fanout --url ... --pid PID --agents 300 --customers 10000 [--rate 100]
//     A agent connections (one account, resumed with its token) each receive every customer
//     message; customers together send `rate` messages a second. Send -> agent delivery.
//
// Agents sign in with --email/--password (default bench@example.com / bench-password).
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const WebSocket = require('ws');

const MARK = Buffer.from('bench t=');
const EVENT = Buffer.from('"type":"event"');
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- the server process, from /proc ----
const TICK_US = 1e6 / 100; // USER_HZ is 100 on every Linux this runs on
function cpuUs(pid) {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US; // utime, stime (fields 14, 15)
}
const fds = (pid) => fs.readdirSync(`/proc/${pid}/fd`).length;
function rssKb(pid) {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : NaN;
}

// ---- latency samples ----
class Samples {
    constructor(cap = 1 << 22) { this.a = new Float64Array(1 << 16); this.n = 0; this.seen = 0; this.cap = cap; }
    add(v) {
        this.seen++;
        if (this.n === this.a.length) {
            if (this.n >= this.cap) { // reservoir: keep a uniform sample
                const j = Math.floor(Math.random() * this.seen);
                if (j < this.n) this.a[j] = v;
                return;
            }
            const b = new Float64Array(this.a.length * 2); b.set(this.a); this.a = b;
        }
        this.a[this.n++] = v;
    }
    pct(...ps) {
        const s = this.a.subarray(0, this.n).sort();
        return ps.map((p) => (this.n ? s[Math.min(this.n - 1, Math.floor((p / 100) * this.n))] : NaN));
    }
}

// ---- one connection ----
const problems = { errors: {}, closes: {}, failedConnects: 0 };
let stopping = false;
function count(table, key) { table[key] = (table[key] || 0) + 1; }

class Conn {
    constructor(url, onEventBuf) {
        this.ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 << 20 });
        this.waiting = new Map(); // request id -> resolve
        this.onEventBuf = onEventBuf;
        this.onReply = null;
        this.nextId = 1;
        this.ws.on('message', (buf) => this.frame(buf));
        this.ws.on('close', (code) => { if (!stopping) count(problems.closes, code); this.fail(`closed ${code}`); });
        this.ws.on('error', () => {});
        this.opened = new Promise((resolve, reject) => {
            this.ws.once('open', resolve);
            this.ws.once('close', () => reject(new Error('closed before open')));
        });
        this.opened.catch(() => {});
    }
    frame(buf) {
        if (buf.indexOf(EVENT) >= 0) { if (this.onEventBuf) this.onEventBuf(buf); return; }
        const f = JSON.parse(buf);
        if (f.type === 'error') count(problems.errors, f.code);
        if (f.type === 'synced' && this.synced) { this.synced(f); this.synced = null; }
        if (f.id == null) return;
        if (this.onReply && this.onReply(f)) return;
        const resolve = this.waiting.get(f.id);
        if (resolve) { this.waiting.delete(f.id); resolve(f); }
    }
    fail(why) {
        for (const resolve of this.waiting.values()) resolve({ type: 'error', code: why });
        this.waiting.clear();
        if (this.synced) { this.synced({ type: 'closed' }); this.synced = null; }
    }
    request(frame) {
        frame.id = String(this.nextId++);
        return new Promise((resolve) => { this.waiting.set(frame.id, resolve); this.ws.send(JSON.stringify(frame)); });
    }
    // The handshake, then everything up to `synced`; resolves to the handshake's reply.
    async handshake(frame) {
        await this.opened;
        const synced = new Promise((r) => (this.synced = r));
        const reply = await this.request({ protocol: 1, ...frame });
        if (reply.type !== 'ok') { this.synced = null; throw new Error(`${frame.type}: ${reply.code}`); }
        await synced;
        return reply;
    }
    close() { try { this.ws.close(1000); } catch { /* already gone */ } }
}

// Runs fn(i) for i < n, at most `width` at once; failures are counted, not thrown.
async function many(n, width, fn) {
    const out = new Array(n);
    let next = 0;
    async function lane() {
        while (next < n) {
            const i = next++;
            try { out[i] = await fn(i); } catch (e) { problems.failedConnects++; problems.lastFailure = e.message; }
        }
    }
    await Promise.all(Array.from({ length: Math.min(width, n) }, lane));
    return out.filter(Boolean);
}

const uuid = () => crypto.randomUUID();
const markText = () => `bench t=${now().toFixed(3)};`;
function markOf(buf) {
    const at = buf.indexOf(MARK);
    if (at < 0) return NaN;
    const end = buf.indexOf(59 /* ; */, at);
    return Number(buf.toString('latin1', at + MARK.length, end));
}

async function customer(url, i, onEventBuf) {
    const c = new Conn(`${url}/ws/customer`, onEventBuf);
    await c.handshake({ type: 'hello', name: `Customer ${i}` });
    const reply = await c.request({ type: 'send', clientId: uuid(), text: `Hello from customer ${i}` });
    if (reply.type !== 'ok') { c.close(); throw new Error(`first send: ${reply.code}`); }
    c.conversation = reply.data.conversation.id;
    return c;
}
async function signin(url, o, onEventBuf) {
    const c = new Conn(`${url}/ws/agent`, onEventBuf);
    const reply = await c.handshake({ type: 'signin', email: o.email, password: o.password });
    c.token = reply.data.token;
    return c;
}
async function agent(url, token, resumeFrom, onEventBuf) {
    const c = new Conn(`${url}/ws/agent`, onEventBuf);
    await c.handshake({ type: 'hello', token, resumeFrom });
    return c;
}
async function head(url) {
    const r = await fetch(`${url.replace(/^ws/, 'http')}/healthz`);
    return (await r.json()).seq;
}

// ---- scenarios ----
async function throughput(o) {
    const lat = new Samples();
    let events = 0;
    const staff = await signin(o.url, o, () => events++);
    const customers = await many(o.customers, 50, (i) => customer(o.url, i));
    await sleep(1000);
    let running = true, acked = 0, inWindow = true;
    for (const c of customers) {
        c.start = new Map();
        const next = () => {
            const id = String(c.nextId++);
            c.start.set(id, now());
            c.ws.send(JSON.stringify({ type: 'send', id, conversation: c.conversation, clientId: uuid(), text: markText() }));
        };
        c.onReply = (f) => {
            const t = c.start.get(f.id);
            if (t === undefined) return false;
            c.start.delete(f.id);
            if (f.type === 'ok' && inWindow) { acked++; lat.add(now() - t); }
            if (running) next();
            return true;
        };
        c.kick = () => { for (let k = 0; k < o.inflight; k++) next(); };
    }
    const cpu0 = cpuUs(o.pid), own0 = process.cpuUsage();
    const t0 = now();
    for (const c of customers) c.kick();
    await sleep(o.seconds * 1000);
    inWindow = false; running = false;
    const wall = (now() - t0) / 1000, cpu = cpuUs(o.pid) - cpu0, own = process.cpuUsage(own0);
    const deadline = now() + 10000;
    while (customers.some((c) => c.start.size) && now() < deadline) await sleep(50);
    const [p50, p99] = lat.pct(50, 99);
    return { customers: customers.length, inflight: o.inflight, seconds: wall, acked,
             perSecond: acked / wall, cpuUsPerMessage: cpu / Math.max(1, acked), serverCpuPct: (100 * cpu) / (wall * 1e6),
             ackP50ms: p50, ackP99ms: p99, agentEvents: events, loadgenCpuPct: pct(own, wall),
             _conns: [staff, ...customers] };
}

async function idle(o) {
    let first, token, seq;
    const open = o.kind === 'agent'
        ? () => agent(o.url, token, seq)
        : async (i) => { const c = new Conn(`${o.url}/ws/customer`); await c.handshake({ type: 'hello', name: `Idle ${i}` }); return c; };
    if (o.kind === 'agent') { first = await signin(o.url, o); token = first.token; seq = await head(o.url); }
    else first = await open(0);
    await sleep(1500);
    const rss0 = rssKb(o.pid), fd0 = fds(o.pid), cpu0 = cpuUs(o.pid);
    const t0 = now();
    const conns = await many(o.connections, 50, (i) => open(i + 1));
    const setup = (now() - t0) / 1000, openCpu = cpuUs(o.pid) - cpu0;
    await sleep(3000);
    const rss1 = rssKb(o.pid);
    const k = Math.max(1, conns.length);
    return { kind: o.kind, connections: conns.length, rssBeforeKb: rss0, rssAfterKb: rss1,
             kbPerConnection: (rss1 - rss0) / k, setupSeconds: setup, openCpuUsPerConnection: openCpu / k,
             ...await release(o.pid, conns, fd0), _conns: [first] };
}

// Closes conns and times the server until it holds no more descriptors than `fd0` (and 2).
async function release(pid, conns, fd0) {
    stopping = true;
    const cpu = cpuUs(pid), t = now();
    for (const c of conns) c.close();
    while (fds(pid) > fd0 + 2 && now() - t < 120000) await sleep(100);
    return { closeSeconds: (now() - t) / 1000, closeCpuUsPerConnection: (cpuUs(pid) - cpu) / Math.max(1, conns.length) };
}

async function fanout(o) {
    const delivery = new Samples(), ack = new Samples();
    let delivered = 0, windowStart = Infinity;
    const onAgentEvent = (buf) => {
        const t = markOf(buf);
        if (t !== t) return; // NaN: not a bench message (conversation.created and the like)
        delivered++;
        if (t >= windowStart) delivery.add(now() - t);
    };
    const fd0 = fds(o.pid), t0 = now();
    const staff = await signin(o.url, o);
    const customers = await many(o.customers, 100, (i) => customer(o.url, i));
    const customerSetup = (now() - t0) / 1000;
    const resumeFrom = await head(o.url);
    const t1 = now();
    const agents = await many(o.agents, 50, () => agent(o.url, staff.token, resumeFrom, onAgentEvent));
    const agentSetup = (now() - t1) / 1000;
    await sleep(1000);
    delivered = 0;
    for (const c of customers) {
        c.start = new Map();
        c.onReply = (f) => {
            const t = c.start.get(f.id);
            if (t === undefined) return false;
            c.start.delete(f.id);
            if (f.type === 'ok') ack.add(now() - t);
            return true;
        };
    }
    const cpu0 = cpuUs(o.pid), own0 = process.cpuUsage();
    const start = now();
    windowStart = start;
    let sent = 0, k = 0;
    while (now() - start < o.seconds * 1000) {
        const due = Math.floor(((now() - start) / 1000) * o.rate);
        for (; sent < due; sent++) {
            const c = customers[k++ % customers.length];
            const id = String(c.nextId++);
            c.start.set(id, now());
            c.ws.send(JSON.stringify({ type: 'send', id, conversation: c.conversation, clientId: uuid(), text: markText() }));
        }
        await sleep(5);
    }
    const wall = (now() - start) / 1000, cpu = cpuUs(o.pid) - cpu0;
    const expected = sent * agents.length, deadline = now() + 10000;
    while (delivered < expected && now() < deadline) await sleep(50);
    const own = process.cpuUsage(own0), ownWall = (now() - start) / 1000;
    const [p50, p99] = delivery.pct(50, 99), [a50, a99] = ack.pct(50, 99);
    const released = await release(o.pid, [staff, ...customers, ...agents], fd0);
    return { agents: agents.length, customers: customers.length, rate: o.rate, seconds: wall, sent,
             delivered, expected, deliveryP50ms: p50, deliveryP99ms: p99, ackP50ms: a50, ackP99ms: a99,
             serverCpuPct: (100 * cpu) / (wall * 1e6), loadgenCpuPct: pct(own, ownWall),
             customerSetupSeconds: customerSetup, agentSetupSeconds: agentSetup, ...released, _conns: [] };
}

function pct(usage, wall) { return (100 * (usage.user + usage.system)) / (wall * 1e6); }

// ---- command line ----
function options(argv) {
    const o = { inflight: 4, seconds: 10, rate: 100, kind: 'customer', email: 'bench@example.com', password: 'bench-password' };
    for (let i = 1; i < argv.length; i += 2) {
        const key = argv[i].replace(/^--/, ''), value = argv[i + 1];
        o[key] = /^-?[\d.]+$/.test(value) ? Number(value) : value;
    }
    return o;
}

async function main() {
    const argv = process.argv.slice(2), o = options(argv);
    const run = { throughput, idle, fanout }[argv[0]];
    if (!run || !o.url || !o.pid) {
        console.error('usage: loadgen.js throughput|idle|fanout --url ws://HOST:PORT --pid SERVER_PID [options]');
        process.exit(2);
    }
    const result = await run(o);
    stopping = true;
    for (const c of result._conns) c.close();
    delete result._conns;
    result.problems = problems;
    process.stdout.write(`${JSON.stringify(result)}\n`);
    await sleep(300);
    process.exit(0);
}

if (require.main === module) main().catch((e) => { console.error(e.stack || e); process.exit(1); });
