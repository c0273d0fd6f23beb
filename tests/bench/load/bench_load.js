#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// Load figures for ./run bench, each beside the same run's reference (relay.js, an in-memory
// relay that acknowledges at once and keeps nothing). Every run starts a fresh server
// (tandemd on a new temporary data directory, or the relay) and drives it with loadgen.js in a
// process of its own. Prints a table; asserts nothing: timing never fails a benchmark.
//
// Usage: node bench_load.js TANDEMD      (bench_load.sh raises the open-file limit first)
// Environment:
//   TANDEM_BENCH_SECONDS  the whole bench's budget: each measured phase lasts a sixth of it
//                         (default 60 -> 10 s; at least 2, at most 30)
//   TANDEM_BENCH_SCALE    multiplies every connection count (e.g. 0.1 for a quick run)
//   TANDEM_BENCH_FANOUT_CUSTOMERS  customers in the fan-out runs (default 10000 x scale)
//   TANDEM_BENCH_INFLIGHT sends each customer keeps outstanding in the throughput runs (4)
//   TANDEM_BENCH_RATE     messages a second all customers send together in fan-out (100)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');
const { spawn, spawnSync } = require('child_process');

const EMAIL = 'bench@example.com', PASSWORD = 'bench-password';
// What one address may do is not measured here: every simulated client comes from 127.0.0.1.
const LIFTED = ['--max-requests-per-minute', '100000', '--new-customers-per-hour', '100000000',
                '--new-conversations-per-hour', '100000000', '--max-connections-per-address', '1000000'];

const env = process.env;
const scale = Number(env.TANDEM_BENCH_SCALE || 1);
const n = (x) => Math.max(1, Math.round(x * scale));
const seconds = Math.min(30, Math.max(2, Math.round(Number(env.TANDEM_BENCH_SECONDS || 60) / 6)));
const inflight = Number(env.TANDEM_BENCH_INFLIGHT || 4);
const rate = Number(env.TANDEM_BENCH_RATE || 100);
const fanoutCustomers = Number(env.TANDEM_BENCH_FANOUT_CUSTOMERS || n(10000));
const notes = [];

function firstLine(stream, pattern, what) {
    return new Promise((resolve, reject) => {
        const lines = readline.createInterface({ input: stream });
        const timer = setTimeout(() => reject(new Error(`${what} did not start`)), 15000);
        lines.on('line', (line) => {
            const m = pattern.exec(line);
            if (m) { clearTimeout(timer); resolve(Number(m[1])); }
        });
        lines.on('close', () => reject(new Error(`${what} exited before listening`)));
    });
}

function stopper(proc, name, after) {
    return async () => {
        const exited = new Promise((r) => proc.once('exit', (code, signal) => r({ code, signal })));
        const t = Date.now();
        if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 60000);
        const how = await exited;
        clearTimeout(timer);
        const took = (Date.now() - t) / 1000;
        if (took > 5) notes.push(`${name} took ${took.toFixed(1)} s to exit after SIGTERM`);
        if (how.signal && how.signal !== 'SIGTERM') notes.push(`${name} ended with ${how.signal}`);
        if (how.code && how.code !== 0) notes.push(`${name} exited with code ${how.code}`);
        if (after) after();
    };
}

async function startTandemd(binary) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-load-'));
    const add = spawnSync(binary, ['user', 'add', '--data', dir, '--email', EMAIL, '--name', 'Bench Agent'],
                          { input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
    if (add.status !== 0) throw new Error(`tandemd user add failed (${add.status})`);
    const logPath = path.join(dir, 'tandemd.log');
    const log = fs.openSync(logPath, 'w');
    const proc = spawn(binary, ['--listen', '127.0.0.1:0', '--data', dir, ...LIFTED], { stdio: ['ignore', 'pipe', log] });
    fs.closeSync(log);
    const port = await firstLine(proc.stdout, /listening on http:\/\/[^ ]*:(\d+)/, 'tandemd');
    proc.stdout.resume();
    return { name: 'tandemd', pid: proc.pid, port, stop: stopper(proc, 'tandemd', () => {
        // Anything tandemd said above "info" under load is worth reading.
        const odd = fs.readFileSync(logPath, 'utf8').split('\n').filter((l) => l && !/ info: /.test(l));
        if (odd.length) notes.push(`tandemd logged ${odd.length} line(s) above info, e.g. ${odd.slice(0, 3).join(' | ')}`);
        fs.rmSync(dir, { recursive: true, force: true });
    }) };
}

async function startRelay() {
    const proc = spawn(process.execPath, [path.join(__dirname, 'relay.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await firstLine(proc.stdout, /listening on http:\/\/[^ ]*:(\d+)/, 'relay');
    proc.stdout.resume();
    return { name: 'relay', pid: proc.pid, port, stop: stopper(proc, 'relay') };
}

function loadgen(scenario, server, args) {
    return new Promise((resolve) => {
        const argv = [path.join(__dirname, 'loadgen.js'), scenario, '--url', `ws://127.0.0.1:${server.port}`,
                      '--pid', String(server.pid), '--email', EMAIL, '--password', PASSWORD];
        for (const [k, v] of Object.entries(args)) argv.push(`--${k}`, String(v));
        const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('exit', (code) => {
            try { resolve(JSON.parse(out.trim().split('\n').pop())); }
            catch { notes.push(`loadgen ${scenario} against ${server.name} failed (exit ${code})`); resolve(null); }
        });
    });
}

// One scenario against both servers, each fresh; returns {tandemd, relay}.
async function both(binary, scenario, args, label) {
    const out = {};
    for (const start of [() => startTandemd(binary), startRelay]) {
        const server = await start();
        process.stderr.write(`  ${label}: ${server.name} ...`);
        const t = Date.now();
        const r = await loadgen(scenario, server, args);
        await server.stop();
        process.stderr.write(` ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
        out[server.name] = r;
        if (r) {
            const p = r.problems, bits = [];
            if (Object.keys(p.errors).length) bits.push(`error replies ${JSON.stringify(p.errors)}`);
            if (Object.keys(p.closes).length) bits.push(`closed by the server ${JSON.stringify(p.closes)}`);
            if (p.failedConnects) bits.push(`${p.failedConnects} connections failed (${p.lastFailure})`);
            if (r.expected && r.delivered < r.expected) bits.push(`${r.expected - r.delivered} of ${r.expected} deliveries missing`);
            if (bits.length) notes.push(`${label}, ${server.name}: ${bits.join('; ')}`);
        }
    }
    return out;
}

const rows = [];
function row(figure, res, key, digits = 1) {
    const a = res.tandemd && res.tandemd[key], b = res.relay && res.relay[key];
    const f = (v) => (typeof v === 'number' && isFinite(v) ? v.toFixed(digits) : '-');
    const ratio = typeof a === 'number' && typeof b === 'number' && b ? `${(a / b).toFixed(2)}` : '-';
    rows.push([figure, f(a), f(b), ratio]);
}

function table() {
    const head = ['figure', 'tandemd', 'relay reference', 'tandemd/relay'];
    const all = [head, ...rows];
    const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
    const line = (r) => r.map((c, i) => (i ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ');
    console.log(line(head));
    console.log(w.map((x) => '-'.repeat(x)).join('  '));
    for (const r of rows) console.log(line(r));
}

async function main() {
    const binary = process.argv[2];
    if (!binary || !fs.existsSync(binary)) {
        console.error('usage: bench_load.js TANDEMD');
        process.exit(2);
    }
    const extra = [], before = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    for (const customers of [n(100), n(1000)]) {
        const r = await both(binary, 'throughput', { customers, inflight, seconds }, `throughput, ${customers} customers`);
        const what = `${customers} cust x ${inflight} in flight`;
        row(`acked msg/s, ${what}`, r, 'perSecond', 0);
        row(`CPU us/msg, ${what}`, r, 'cpuUsPerMessage', 1);
        row(`ack p50 ms, ${what}`, r, 'ackP50ms', 2);
        row(`ack p99 ms, ${what}`, r, 'ackP99ms', 2);
        for (const s of ['tandemd', 'relay']) if (r[s]) extra.push(`throughput ${customers}, ${s}: server CPU ${r[s].serverCpuPct.toFixed(0)} %, load generator CPU ${r[s].loadgenCpuPct.toFixed(0)} %`);
    }
    const idle = n(2000);
    for (const kind of ['customer', 'agent']) {
        const r = await both(binary, 'idle', { connections: idle, kind }, `idle, ${idle} ${kind}s`);
        row(`KB per idle ${kind} connection (${idle})`, r, 'kbPerConnection', 1);
        row(`server CPU us to open one, ${idle} ${kind}s`, r, 'openCpuUsPerConnection', 0);
        row(`server CPU us to close one, ${idle} ${kind}s`, r, 'closeCpuUsPerConnection', 0);
        row(`s until all ${idle} ${kind}s are let go`, r, 'closeSeconds', 2);
    }
    for (const agents of [n(300), n(1000)]) {
        const r = await both(binary, 'fanout', { agents, customers: fanoutCustomers, rate, seconds },
                             `fan-out, ${agents} agents`);
        const what = `${agents} agents, ${fanoutCustomers} cust, ${rate}/s`;
        row(`delivery p50 ms, ${what}`, r, 'deliveryP50ms', 2);
        row(`delivery p99 ms, ${what}`, r, 'deliveryP99ms', 2);
        row(`server CPU %, ${what}`, r, 'serverCpuPct', 0);
        row(`s until all ${agents + fanoutCustomers + 1} are let go`, r, 'closeSeconds', 2);
        for (const s of ['tandemd', 'relay']) if (r[s]) {
            extra.push(`fan-out ${agents}, ${s}: ${r[s].delivered}/${r[s].expected} delivered, ack p50/p99 ` +
                       `${r[s].ackP50ms.toFixed(1)}/${r[s].ackP99ms.toFixed(1)} ms, load generator CPU ` +
                       `${r[s].loadgenCpuPct.toFixed(0)} %, setup: customers ${r[s].customerSetupSeconds.toFixed(1)} s, ` +
                       `agents ${r[s].agentSetupSeconds.toFixed(1)} s, server CPU to close one ` +
                       `${r[s].closeCpuUsPerConnection.toFixed(0)} us`);
        }
    }
    const busy = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`\nLoad: ${seconds} s a phase; tandemd is durable (ok after commit), the relay keeps nothing.`);
    console.log(`Load average before: ${before}, after: ${busy} on ${os.cpus().length} CPUs (other work skews every figure).`);
    table();
    console.log('');
    for (const e of extra) console.log(`  ${e}`);
    if (notes.length) {
        console.log('\nWorth a look:');
        for (const m of notes) console.log(`  - ${m}`);
    }
}

main().catch((e) => { console.error(e.stack || e); process.exit(1); });
