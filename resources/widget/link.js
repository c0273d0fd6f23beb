// SPDX-License-Identifier: GPL-3.0-or-later
// The widget's connection to tandemd (docs/protocol.md, /ws/customer): handshake, requests
// matched to replies by id, an application heartbeat, and reconnects with backoff and jitter.
// What to say in `hello` and what to do with events is the chat's business (widget.js).
(function () {
  'use strict';

  const PING_MS = 20000;          // application heartbeat
  const DEAD_MS = 45000;          // silence after which the socket is taken for dead
  const RETRY_FIRST_MS = 500;
  const RETRY_MAX_MS = 15000;
  const REQUEST_TIMEOUT_MS = 15000;

  // options: url, hello() -> fields or null (nothing to connect as), onHello(data),
  // onHelloFailed(error) -> true to stop, onFrame(frame), onState(state, secondsToRetry).
  // States: idle, connecting, syncing, online, reconnecting.
  window.TandemLink = function TandemLink(options) {
    let ws = null;
    let state = 'idle';
    let attempt = 0;
    let retryAt = 0;
    let notBefore = 0;
    let retryTimer = null;
    let countdown = null;
    let lastHeard = 0;
    let nextId = 1;
    const pending = new Map(); // request id -> {resolve, reject, timer}

    function setState(next) {
      state = next;
      window.clearInterval(countdown);
      const seconds = () => Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));
      if (next === 'reconnecting') countdown = window.setInterval(() => options.onState(state, seconds()), 1000);
      options.onState(state, seconds(), attempt);
    }

    function connect() {
      window.clearTimeout(retryTimer);
      if (ws) return;
      const hello = options.hello();
      if (!hello) { setState('idle'); return; }
      const socket = new WebSocket(options.url);
      ws = socket;
      setState('connecting');
      socket.onopen = () => {
        lastHeard = Date.now();
        setState('syncing');
        request('hello', Object.assign({ protocol: 1 }, options.hello() || hello)).then(options.onHello, (error) => {
          if (ws !== socket) return;
          if (options.onHelloFailed(error)) { stop(); return; }
          // Told to wait (too many new chats from this network): not before then.
          if (error.code === 'rate_limited') notBefore = Date.now() + (Number(error.retryAfterMs) || 0);
          socket.close(); // tried again with backoff
        });
      };
      socket.onmessage = (e) => {
        lastHeard = Date.now();
        let frame;
        try { frame = JSON.parse(e.data); } catch (err) { return; }
        if (!frame || typeof frame !== 'object') return;
        if (frame.type === 'ok' || frame.type === 'error') { settle(frame); return; }
        if (frame.type === 'synced') { attempt = 0; setState('online'); }
        options.onFrame(frame);
      };
      socket.onclose = () => {
        if (ws !== socket) return;
        drop();
        scheduleReconnect();
      };
    }

    function drop() {
      ws = null;
      for (const [, p] of pending) { window.clearTimeout(p.timer); p.reject({ code: 'offline' }); }
      pending.clear();
    }

    function scheduleReconnect() {
      if (!options.hello()) { setState('idle'); return; }
      // Exponential backoff with jitter, so a server coming back is not stormed.
      const ceiling = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * Math.pow(2, attempt));
      const delay = Math.max(notBefore - Date.now(), Math.round(ceiling * (0.5 + Math.random() * 0.5)));
      attempt++;
      retryAt = Date.now() + delay;
      retryTimer = window.setTimeout(connect, delay);
      setState('reconnecting');
    }

    function settle(frame) {
      const p = pending.get(frame.id);
      if (!p) return;
      pending.delete(frame.id);
      window.clearTimeout(p.timer);
      if (frame.type === 'ok') p.resolve(frame.data || {});
      else p.reject(frame);
    }

    function request(type, fields) {
      return new Promise((resolve, reject) => {
        if (!ws || ws.readyState !== WebSocket.OPEN) { reject({ code: 'offline' }); return; }
        const id = String(nextId++);
        const timer = window.setTimeout(() => {
          pending.delete(id);
          reject({ code: 'timeout' });
          if (ws) ws.close(); // an unanswered request means a dead link: reconnect, resend
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        ws.send(JSON.stringify(Object.assign({ type, id }, fields || {})));
      });
    }

    function stop() {
      window.clearTimeout(retryTimer);
      const socket = ws;
      drop();
      if (socket) socket.close();
      setState('idle');
    }

    window.setInterval(() => {
      if (!ws) return;
      if (Date.now() - lastHeard > DEAD_MS) { ws.close(); return; }
      if (state === 'online') request('ping').catch(() => {});
    }, PING_MS);
    window.addEventListener('online', () => {
      if (!ws && state === 'reconnecting') { attempt = 0; connect(); }
    });

    return {
      connect,
      stop,
      request,
      online: () => state === 'online',
    };
  };
})();
