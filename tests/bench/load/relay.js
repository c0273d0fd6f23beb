#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// The reference for ./run bench: the least a server can do for the load generator's frames.
// It keeps everything in memory, writes nothing to disk, checks nothing, and acknowledges a
// `send` at once; every customer message is broadcast (serialised once) to every agent
// socket. Not product code: it exists only to put tandemd's figures beside a floor.
//
// Usage: node relay.js [--listen 127.0.0.1:0]   (prints "relay listening on http://HOST:PORT")
'use strict';
const http = require('http');
const crypto = require('crypto');
const { WebSocketServer } = require('ws');

const at = process.argv.indexOf('--listen');
const [host, port] = (at > 0 ? process.argv[at + 1] : '127.0.0.1:0').split(':');
const agents = new Set();
let seq = 0, nextId = 1;

function reply(ws, id, data) {
    ws.send(JSON.stringify({ type: 'ok', id, data }));
}

function handshake(ws, frame, kind) {
    if (kind === 'agent') {
        const agent = { id: 1, name: 'Agent', email: frame.email || 'agent@example.com', role: 'agent' };
        reply(ws, frame.id, { agent, token: frame.token || crypto.randomBytes(32).toString('base64url'), head: seq, resume: 'replay' });
        agents.add(ws);
    } else {
        const customer = { id: nextId++, name: frame.name || 'Customer', email: '' };
        ws.customer = customer;
        reply(ws, frame.id, { customer, token: crypto.randomBytes(32).toString('base64url'), head: seq, resume: 'replay' });
    }
    ws.ready = true;
    ws.send(JSON.stringify({ type: 'synced', seq }));
}

function send(ws, frame) {
    const author = ws.customer ? { kind: 'customer', id: ws.customer.id, name: ws.customer.name }
                               : { kind: 'agent', id: 1, name: 'Agent' };
    if (!ws.conversation && ws.customer) ws.conversation = nextId++;
    const conversation = { id: frame.conversation || ws.conversation, status: 'open', mode: 'async' };
    const message = { id: nextId++, conversation: conversation.id, clientId: frame.clientId, author,
                      text: frame.text, createdAt: new Date().toISOString() };
    reply(ws, frame.id, { message, conversation });
    const event = Buffer.from(JSON.stringify({ type: 'event', seq: ++seq, event: 'message.created', data: { message } }));
    for (const agent of agents) agent.send(event, { binary: false });
}

const server = http.createServer((req, res) => {
    res.writeHead(req.url === '/healthz' ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', seq }));
});
const wss = new WebSocketServer({ noServer: true, maxPayload: 65536, perMessageDeflate: false });
server.on('upgrade', (req, socket, head) => {
    const kind = req.url === '/ws/agent' ? 'agent' : req.url === '/ws/customer' ? 'customer' : null;
    if (!kind) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('message', (data) => {
            let frame;
            try { frame = JSON.parse(data); } catch { return ws.send('{"type":"error","id":null,"code":"bad_frame"}'); }
            if (frame.type === 'hello' || frame.type === 'signin') handshake(ws, frame, kind);
            else if (!ws.ready) ws.send(JSON.stringify({ type: 'error', id: frame.id, code: 'unauthenticated' }));
            else if (frame.type === 'send') send(ws, frame);
            else if (frame.type === 'ping') reply(ws, frame.id, { time: new Date().toISOString() });
            else ws.send(JSON.stringify({ type: 'error', id: frame.id, code: 'unknown_type' }));
        });
        ws.on('close', () => agents.delete(ws));
        ws.on('error', () => {});
    });
});
server.listen(Number(port), host, () => {
    const a = server.address();
    console.log(`relay listening on http://${a.address}:${a.port}`);
});
process.on('SIGTERM', () => process.exit(0));
