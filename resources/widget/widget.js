// SPDX-License-Identifier: GPL-3.0-or-later
// The customer chat: speaks docs/protocol.md on /ws/customer of the server that served this
// page. Everything a customer or an agent wrote is shown with textContent, never as HTML.
(function () {
  'use strict';

  const STORE_KEY = 'tandem.widget.v1';
  const TYPING_REFRESH_MS = 3000; // "on" again at most this often while typing
  const TYPING_IDLE_MS = 4000;    // "off" after this long without a key
  const TYPING_SHOW_MS = 8000;    // an agent's indicator fades if no "off" came

  const $ = (id) => document.getElementById(id);
  const ui = {
    widget: $('widget'), avatar: $('avatar'), title: $('title'), subtitle: $('subtitle'),
    endChat: $('end-chat'), close: $('close-widget'), connection: $('connection'),
    startView: $('start-view'), availability: $('availability'), startForm: $('start-form'),
    identity: $('identity-fields'), name: $('start-name'), email: $('start-email'),
    emailHint: $('email-hint'), returning: $('returning'), returningName: $('returning-name'),
    notMe: $('not-me'), startMessage: $('start-message'), startError: $('start-error'),
    startButton: $('start-button'), chatView: $('chat-view'), queueNotice: $('queue-notice'),
    queueText: $('queue-text'), leaveMessage: $('leave-message'), messages: $('messages'),
    typing: $('typing'), composer: $('composer'), composerText: $('composer-text'),
    ratingView: $('rating-view'), ratingForm: $('rating-form'), ratingComment: $('rating-comment'),
    ratingError: $('rating-error'), skipRating: $('skip-rating'), thanksView: $('thanks-view'),
    thanksText: $('thanks-text'), newChat: $('new-chat'),
  };

  // ---- What survives a reload: who we are, where we are, what is not yet acknowledged.

  function blankState() {
    return { token: null, customer: null, conversation: null, conv: null, seq: 0, outbox: [], rated: null };
  }
  function loadState() {
    try {
      const saved = JSON.parse(window.localStorage.getItem(STORE_KEY) || 'null');
      return saved && typeof saved === 'object' ? Object.assign(blankState(), saved) : blankState();
    } catch (e) {
      return blankState();
    }
  }
  function saveState() {
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (e) {
      // Storage may be full or blocked (private mode): the chat still works until a reload.
    }
  }
  const state = loadState();

  function newClientId() {
    // randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere.
    if (typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // ---- The connection (link.js): hello as the stored customer, resuming after the last seq.

  let newIdentity = null;       // name and email for the first hello
  const inFlight = new Set();   // clientIds sent on this connection, not yet answered
  const socketUrl = new URL('../ws/customer', window.location.href);
  // The inbox this page's conversations go to (?inbox=N, set by the embed snippet).
  const inboxParam = new URLSearchParams(window.location.search).get('inbox') || '';
  const inbox = /^[1-9][0-9]{0,15}$/.test(inboxParam) ? Number(inboxParam) : 0;
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  const link = window.TandemLink({
    url: socketUrl.href,
    hello() {
      if (state.token) return state.seq > 0 ? { token: state.token, resumeFrom: state.seq } : { token: state.token };
      if (newIdentity) return newIdentity.email ? { name: newIdentity.name, email: newIdentity.email } : { name: newIdentity.name };
      return null;
    },
    onHello(data) {
      if (data.token) state.token = data.token;
      if (data.customer) state.customer = data.customer;
      newIdentity = null;
      saveState();
    },
    onHelloFailed(error) {
      if (error.code !== 'token_invalid') return false;
      // The server no longer knows us: start over rather than retry forever.
      window.setTimeout(() => resetAll('We could not find your previous chat. Please start a new one.'));
      return true;
    },
    onFrame,
    onState(linkState, seconds, attempt) {
      if (linkState !== 'online') { inFlight.clear(); if (linkState === 'reconnecting') showAgentTyping(null); }
      ui.widget.dataset.link = linkState;
      let text = '';
      if (linkState === 'reconnecting') {
        text = navigator.onLine === false
          ? 'You are offline. Your messages will be sent when the connection is back.'
          : `Connection lost. Reconnecting${seconds > 0 ? ` in ${seconds} s` : '…'}`;
      } else if (linkState === 'connecting' && attempt > 0) {
        text = 'Reconnecting…';
      }
      ui.connection.textContent = text;
      ui.connection.hidden = !text;
    },
  });
  const request = link.request;

  function onFrame(frame) {
    switch (frame.type) {
    case 'event':
      if (typeof frame.seq !== 'number' || frame.seq <= state.seq) return; // already applied
      applyEvent(frame.event, frame.data || {}, true);
      state.seq = frame.seq;
      saveState();
      return;
    case 'snapshot':
      for (const c of (frame.data && frame.data.conversations) || []) {
        if (c.id !== state.conversation) continue;
        updateConversation(c, null);
        if (c.lastMessage) addMessage(c.lastMessage);
      }
      if (typeof frame.seq === 'number') state.seq = frame.seq;
      saveState();
      return;
    case 'synced':
      if (typeof frame.seq === 'number') state.seq = Math.max(state.seq, frame.seq);
      saveState();
      loadHistory();
      flushOutbox();
      acknowledgeSoon();
      return;
    case 'typing':
      if (frame.conversation === state.conversation && frame.author && frame.author.kind === 'agent')
        showAgentTyping(frame.on ? frame.author.name || 'The agent' : null);
      return;
    case 'queue':
      // Stamped on arrival: the server sends figures when they change, and the wait they
      // give runs down meanwhile.
      if (frame.conversation === state.conversation) { queueInfo = { ...frame, receivedAt: Date.now() }; render(); }
      return;
    default:
      return;
    }
  }

  // ---- Events and the conversation's state.

  let queueInfo = null;
  let queueTimer = null; // says the queue notice again as its wait runs down
  const latest = new Map();     // conversation id -> newest Conversation from an event
  const rendered = new Map();   // message id -> <li>
  const byClientId = new Map(); // clientId -> <li> of our own messages

  function applyEvent(kind, data, live) {
    if (kind === 'message.created' && data.message) {
      const m = data.message;
      const mine = state.outbox.find((o) => o.clientId === m.clientId);
      if (mine) acknowledge(mine, m.conversation);
      if (m.conversation === state.conversation) {
        if (m.author && m.author.kind === 'agent') showAgentTyping(null);
        addMessage(m);
      }
    } else if ((kind === 'conversation.updated' || kind === 'conversation.created') && data.conversation) {
      latest.set(data.conversation.id, data.conversation);
      if (data.conversation.id === state.conversation) updateConversation(data.conversation, live ? data.change : null, data.by);
    }
  }

  function acknowledge(item, conversationId) {
    state.outbox = state.outbox.filter((o) => o.clientId !== item.clientId);
    inFlight.delete(item.clientId);
    if (item.starts && !state.conversation && conversationId) {
      state.conversation = conversationId;
      // Events about it may have come before we knew it was ours.
      if (latest.has(conversationId)) updateConversation(latest.get(conversationId), null);
    }
    for (const o of state.outbox) if (!o.conversation) o.conversation = state.conversation;
    saveState();
    render();
  }

  function updateConversation(conv, change, by) {
    const before = state.conv;
    state.conv = conv;
    if (conv.liveState !== 'queued') queueInfo = null;
    saveState();
    const agent = conv.assignee && conv.assignee.name;
    if (change === 'assigned' && agent) addSystem(`${agent} joined the chat`);
    else if (change === 'transferred' && agent) addSystem(`You are now chatting with ${agent}`);
    else if (change === 'requeued') addSystem('Your agent was disconnected. You keep your place in the queue.');
    else if (change === 'followup' && by && by.kind === 'system' && (!before || before.mode !== 'async')) tellClosed();
    else if (change === 'followup' && (!before || before.mode !== 'async')) addSystem('Thanks! The team will reply here. You can close this window and come back to this page later.');
    else if (change === 'ended' && (!before || before.liveState !== 'ended')) addSystem('The chat has ended.');
    render();
  }

  // The team closed while this chat waited: it is now a message, answered when they open.
  function tellClosed() {
    const url = new URL('../api/v1/availability', window.location.href);
    if (inbox) url.searchParams.set('inbox', String(inbox));
    const say = (a) => {
      const when = a && a.open === false && a.opensAt ? openingTime(a.opensAt) : '';
      const by = a && a.open === false && a.expectedReplyAt ? openingTime(a.expectedReplyAt) : '';
      const opens = when ? ` They open again ${when} (your time).` : '';
      const reply = by ? ` They expect to reply by ${by} and will answer here;` : ' They will answer here;';
      addSystem(`The team has closed for now, so your chat is now a message.${opens}${reply} you can close this window and come back later.`);
    };
    fetch(url.href, { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((a) => say(a), () => say(null));
  }

  function loadHistory() {
    const id = state.conversation;
    if (!id) return;
    request('history', { conversation: id, limit: 200 }).then((data) => {
      if (id === state.conversation) for (const m of data.messages || []) addMessage(m);
    }, () => {});
  }

  // ---- Sending: every message goes through the outbox until the server acknowledged it.

  function queueMessage(text, mode) {
    const item = { clientId: newClientId(), text, at: new Date().toISOString() };
    if (state.conversation) item.conversation = state.conversation;
    else if (!state.outbox.some((o) => o.starts)) { item.starts = true; item.mode = mode || 'async'; }
    state.outbox.push(item);
    saveState();
    addPending(item);
    flushOutbox();
  }

  function flushOutbox() {
    if (!link.online()) return;
    for (const item of state.outbox.slice()) {
      if (inFlight.has(item.clientId)) continue;
      const fields = { clientId: item.clientId, text: item.text };
      if (item.starts) {
        fields.mode = item.mode;
        if (inbox) fields.inbox = inbox;
        if (state.conversation) fields.conversation = state.conversation;
      } else if (item.conversation || state.conversation) {
        fields.conversation = item.conversation || state.conversation;
      } else {
        break; // waits for the conversation its first message starts
      }
      inFlight.add(item.clientId);
      request('send', fields).then((data) => {
        if (data.conversation && data.conversation.id === (state.conversation || data.conversation.id)) {
          const starting = item.starts && !state.conversation;
          acknowledge(item, data.conversation.id);
          // Events are newer than a reply may be: the reply only fills in what is missing.
          if (!state.conv || state.conv.id !== data.conversation.id) updateConversation(data.conversation, null);
          if (starting) loadHistory(); // replies that came before we knew the conversation
        } else {
          acknowledge(item, null);
        }
        if (data.message && data.message.conversation === state.conversation) addMessage(data.message);
        flushOutbox();
      }, (error) => {
        inFlight.delete(item.clientId);
        if (error.code === 'offline' || error.code === 'timeout') return; // resent after reconnect
        if (error.code === 'rate_limited') {
          window.setTimeout(flushOutbox, Math.max(500, Number(error.retryAfterMs) || 1000));
          return;
        }
        state.outbox = state.outbox.filter((o) => o.clientId !== item.clientId);
        saveState();
        markFailed(item.clientId, error.message || 'The message could not be sent.');
        render();
      });
    }
  }

  // ---- Typing: ours goes out throttled, the agent's shows until "off" or a timeout.

  let typingOn = false;
  let typingSentAt = 0;
  let typingIdle = null;
  let agentTypingTimer = null;

  function sendTyping(on) {
    if (!link.online() || !state.conversation || isEnded()) { typingOn = false; return; }
    typingOn = on;
    typingSentAt = Date.now();
    request('typing', { conversation: state.conversation, on }).catch(() => {});
  }

  function onComposerInput() {
    window.clearTimeout(typingIdle);
    if (!ui.composerText.value.trim()) {
      if (typingOn) sendTyping(false);
      return;
    }
    if (!typingOn || Date.now() - typingSentAt > TYPING_REFRESH_MS) sendTyping(true);
    typingIdle = window.setTimeout(() => { if (typingOn) sendTyping(false); }, TYPING_IDLE_MS);
  }

  function showAgentTyping(name) {
    window.clearTimeout(agentTypingTimer);
    ui.typing.textContent = name ? `${name} is typing…` : '';
    if (name) agentTypingTimer = window.setTimeout(() => { ui.typing.textContent = ''; }, TYPING_SHOW_MS);
  }

  // ---- Rendering messages: text only, ordered by id, each once.

  function timeOf(iso) {
    const d = iso ? new Date(iso) : null;
    return d && !isNaN(d) ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
  }

  function messageItem(mine) {
    const li = document.createElement('li');
    li.className = `message ${mine ? 'mine' : 'theirs'}`;
    const author = document.createElement('span');
    author.className = 'author';
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    const meta = document.createElement('span');
    meta.className = 'meta';
    li.append(author, bubble, meta);
    return li;
  }

  function addPending(item) {
    if (byClientId.has(item.clientId)) return;
    const li = messageItem(true);
    li.classList.add('pending');
    li.dataset.clientId = item.clientId;
    li.querySelector('.author').hidden = true;
    li.querySelector('.bubble').textContent = item.text;
    li.querySelector('.meta').textContent = 'Sending…';
    byClientId.set(item.clientId, li);
    ui.messages.append(li);
    scrollDown();
  }

  function markFailed(clientId, why) {
    const li = byClientId.get(clientId);
    if (!li) return;
    li.classList.remove('pending');
    li.classList.add('failed');
    li.querySelector('.meta').textContent = `Not sent: ${why}`;
  }

  function addMessage(m) {
    if (!m || typeof m.id !== 'number' || rendered.has(m.id)) return;
    const mine = m.author && m.author.kind === 'customer';
    let li = mine && m.clientId ? byClientId.get(m.clientId) : null;
    if (li) li.remove();
    else li = messageItem(mine);
    li.classList.remove('pending');
    li.dataset.id = String(m.id);
    const name = (m.author && m.author.name) || (mine ? 'You' : 'Support');
    li.dataset.author = `${m.author && m.author.kind}:${m.author && m.author.id}`;
    li.querySelector('.bubble').textContent = String(m.text || '');
    li.querySelector('.meta').textContent = timeOf(m.createdAt);
    rendered.set(m.id, li);
    if (m.clientId) byClientId.set(m.clientId, li);
    // Before the first newer message, else before our own still-pending ones.
    let before = null;
    for (const other of ui.messages.children) {
      if (other.classList.contains('pending') || (other.dataset.id && Number(other.dataset.id) > m.id)) {
        before = other;
        break;
      }
    }
    ui.messages.insertBefore(li, before);
    const author = li.querySelector('.author');
    author.textContent = name;
    const previous = li.previousElementSibling;
    author.hidden = mine || (previous && previous.dataset.author === li.dataset.author);
    scrollDown();
    acknowledgeSoon();
  }

  // ---- Telling the team what reached us and what we read: their replies' delivery state.

  let panelOpen = true;        // the embedding page says when it hides the chat
  let ackQueued = false;
  const acked = { conversation: null, received: 0, read: 0 };

  function acknowledgeSoon() {
    if (ackQueued) return;
    ackQueued = true; // once for a whole page of history
    Promise.resolve().then(() => { ackQueued = false; reportSeen(); });
  }

  function reportSeen() {
    const id = state.conversation;
    if (!id || !link.online()) return;
    if (acked.conversation !== id) Object.assign(acked, { conversation: id, received: 0, read: 0 });
    let newest = 0;
    let newestTheirs = 0;
    for (const li of ui.messages.querySelectorAll('li.message[data-id]')) {
      const mid = Number(li.dataset.id);
      newest = Math.max(newest, mid);
      if (li.classList.contains('theirs')) newestTheirs = Math.max(newestTheirs, mid);
    }
    const report = (type, upTo) => {
      acked[type] = upTo;
      request(type, { conversation: id, upTo }).catch(() => {
        if (acked.conversation === id && acked[type] === upTo) acked[type] = 0; // again later
      });
    };
    if (newestTheirs > acked.received) report('received', newestTheirs);
    if (panelOpen && document.visibilityState === 'visible' && newest > acked.read) report('read', newest);
  }

  document.addEventListener('visibilitychange', acknowledgeSoon);
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && e.data && e.data.type === 'tandem:open') {
      panelOpen = Boolean(e.data.open);
      acknowledgeSoon();
    }
  });

  function addSystem(text) {
    const li = document.createElement('li');
    li.className = 'system';
    li.textContent = text;
    ui.messages.append(li);
    scrollDown();
  }

  function scrollDown() {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  // ---- Views.

  function isEnded() {
    return !!(state.conv && state.conv.mode === 'live' && state.conv.liveState === 'ended');
  }

  function expectedWait(seconds) {
    const s = Number(seconds) || 0;
    return s < 60 ? 'expected wait less than a minute' : `expected wait about ${Math.round(s / 60)} min`;
  }

  // What is left of a queue frame's expected wait now; past it, the wait says so.
  function queueWait(info) {
    const left = (Number(info.expectedWaitSeconds) || 0) - (Date.now() - info.receivedAt) / 1000;
    if (left <= 0 && Number(info.expectedWaitSeconds) > 0)
      return 'it is taking longer than we expected, thank you for waiting';
    return expectedWait(Math.max(0, left));
  }

  function render() {
    const starting = state.outbox.find((o) => o.starts);
    const inChat = !!state.conversation || !!starting;
    ui.startView.hidden = inChat;
    ui.chatView.hidden = !inChat;
    const conv = state.conv;
    const mode = conv ? conv.mode : starting && starting.mode;
    const ended = isEnded();
    const agent = conv && conv.assignee && conv.assignee.name;

    ui.title.textContent = agent || 'Chat with us';
    ui.avatar.textContent = agent ? agent.trim().charAt(0).toUpperCase() : '';
    ui.avatar.hidden = !agent;
    let subtitle = 'Ask us anything';
    if (ended) subtitle = 'Chat ended';
    else if (agent && mode === 'live') subtitle = 'Support agent · in this chat';
    else if (mode === 'live') subtitle = 'Waiting for an agent';
    else if (mode === 'async' && inChat) subtitle = 'The team will reply here';
    ui.subtitle.textContent = subtitle;
    ui.endChat.hidden = !(conv && conv.mode === 'live' && !ended);

    // The queue, or what happens to a message left for later.
    let notice = '';
    let warn = false;
    ui.leaveMessage.hidden = true;
    if (conv && conv.mode === 'live' && conv.liveState === 'queued') {
      if (queueInfo && queueInfo.agentsAvailable === false) {
        notice = 'No agent is available right now. You can keep waiting, or leave a message and we will answer here.';
        warn = true;
        ui.leaveMessage.hidden = false;
      } else if (queueInfo && queueInfo.agentsBusy === true) {
        notice = `All our agents are busy right now — ${queueWait(queueInfo)}. You can keep waiting, or leave a message and we will answer here.`;
        warn = true;
        ui.leaveMessage.hidden = false;
      } else if (queueInfo && queueInfo.position > 0) {
        notice = `You are number ${queueInfo.position} in the queue — ${queueWait(queueInfo)}`;
      } else {
        notice = 'Connecting you to an agent…';
      }
    } else if (mode === 'async' && inChat) {
      notice = 'Your message is with the team — we will answer here. You can close this page and come back later.';
    }
    ui.queueText.textContent = notice;
    ui.queueNotice.hidden = !notice;
    // The wait runs down between the server's figures: say it again now and then.
    window.clearTimeout(queueTimer);
    if (queueInfo && notice) queueTimer = window.setTimeout(render, 15000);
    ui.queueNotice.classList.toggle('warn', warn);

    ui.composer.hidden = ended;
    const rated = ended && state.rated === state.conversation;
    ui.ratingView.hidden = !ended || rated;
    ui.thanksView.hidden = !rated;
  }

  function showStart(message) {
    const known = !!(state.token && state.customer);
    ui.identity.hidden = known;
    ui.returning.hidden = !known;
    ui.returningName.textContent = known ? `Chatting as ${state.customer.name}.` : '';
    ui.startError.textContent = message || '';
    ui.startError.hidden = !message;
    render();
    checkAvailability();
  }

  let availabilityTimer = null;
  function checkAvailability() {
    window.clearTimeout(availabilityTimer);
    const availabilityUrl = new URL('../api/v1/availability', window.location.href);
    if (inbox) availabilityUrl.searchParams.set('inbox', String(inbox));
    return fetch(availabilityUrl.href, { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((a) => { showAvailability(a); return !!a.available; })
      .catch(() => {
        ui.availability.className = 'availability';
        ui.availability.textContent = 'We could not check whether an agent is free. You can still write to us.';
        return false;
      })
      .finally(() => {
        if (!ui.startView.hidden) availabilityTimer = window.setTimeout(checkAvailability, 30000);
      });
  }

  // When the team opens, in the customer's own timezone and language: "at 08:00" today,
  // "Monday 08:00" within the week, else the date.
  function openingTime(iso) {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return '';
    const now = new Date();
    const lang = navigator.language || undefined;
    const time = at.toLocaleTimeString(lang, { hour: 'numeric', minute: '2-digit' });
    if (at.toDateString() === now.toDateString()) return `today at ${time}`;
    if (at - now < 6 * 24 * 3600 * 1000)
      return `${at.toLocaleDateString(lang, { weekday: 'long' })} at ${time}`;
    return `${at.toLocaleDateString(lang, { weekday: 'long', day: 'numeric', month: 'long' })} at ${time}`;
  }

  function showAvailability(a) {
    const available = !!a.available;
    const wait = a.expectedWaitSeconds;
    ui.availability.className = `availability ${available ? 'live' : 'away'}`;
    if (a.open === false) {
      const when = a.opensAt ? openingTime(a.opensAt) : '';
      const by = a.expectedReplyAt ? openingTime(a.expectedReplyAt) : '';
      const opens = when ? ` and open again ${when} (your time)` : '';
      const reply = by ? ` Leave a message and we'll reply here by ${by}.` : " Leave a message and we'll answer here.";
      ui.availability.textContent = `We're closed right now${opens}.${reply}`;
      ui.startButton.textContent = 'Send message';
      ui.emailHint.textContent = 'Add your email so the team can reach you if you leave before they answer.';
      return;
    }
    if (available) {
      ui.availability.textContent = wait >= 60 ? `An agent is available — ${expectedWait(wait)}`
        : 'An agent is available now';
      ui.startButton.textContent = 'Start chat';
      ui.emailHint.textContent = 'So the team can reach you if you leave this page.';
    } else {
      ui.availability.textContent = "No agent is free right now — leave a message and we'll answer here.";
      ui.startButton.textContent = 'Send message';
      ui.emailHint.textContent = 'Add your email so the team can reach you if you leave before they answer.';
    }
  }

  function resetAll(message) {
    const keep = message === undefined && state.token ? { token: state.token, customer: state.customer } : {};
    Object.assign(state, blankState(), keep, { seq: keep.token ? state.seq : 0 });
    saveState();
    queueInfo = null;
    rendered.clear();
    byClientId.clear();
    ui.messages.textContent = '';
    showAgentTyping(null);
    showStart(message);
  }

  // ---- Wiring.

  ui.startForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const known = !!(state.token && state.customer);
    const name = ui.name.value.trim();
    const email = ui.email.value.trim();
    const text = ui.startMessage.value.trim();
    let problem = '';
    if (!known && !name) problem = 'Please tell us your name.';
    else if (!known && email && !ui.email.checkValidity()) problem = 'That email address does not look right.';
    else if (!text) problem = 'Please write your question.';
    ui.startError.textContent = problem;
    ui.startError.hidden = !problem;
    if (problem) return;
    ui.startButton.disabled = true;
    checkAvailability().then((available) => {
      ui.startButton.disabled = false;
      if (!known) newIdentity = { name, email };
      ui.startMessage.value = '';
      queueMessage(text, available ? 'live' : 'async');
      render();
      link.connect();
      ui.composerText.focus();
    });
  });

  ui.composer.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = ui.composerText.value.trim();
    if (!text) return;
    ui.composerText.value = '';
    window.clearTimeout(typingIdle);
    if (typingOn) sendTyping(false);
    queueMessage(text);
  });
  ui.composerText.addEventListener('input', onComposerInput);
  ui.composerText.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      ui.composer.requestSubmit();
    }
  });

  ui.endChat.addEventListener('click', () => {
    if (!state.conversation) return;
    request('end', { conversation: state.conversation })
      .then((data) => {
        if (data.conversation && data.conversation.liveState === 'ended' && !isEnded()) updateConversation(data.conversation, 'ended');
      },
        () => addSystem('Could not end the chat while offline. Try again in a moment.'));
  });

  ui.leaveMessage.addEventListener('click', () => {
    request('followup', { conversation: state.conversation })
      .then((data) => {
        if (data.conversation && data.conversation.mode === 'async' && state.conv && state.conv.mode !== 'async') {
          updateConversation(data.conversation, 'followup');
        }
      },
        () => addSystem('Could not reach the server. Try again in a moment.'));
  });

  ui.ratingForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = ui.ratingForm.querySelector('input[name="score"]:checked');
    const fail = (text) => { ui.ratingError.textContent = text; ui.ratingError.hidden = false; };
    if (!chosen) { fail('Please choose a rating from 1 to 5.'); return; }
    const fields = { conversation: state.conversation, score: Number(chosen.value) };
    const comment = ui.ratingComment.value.trim();
    if (comment) fields.comment = comment;
    request('rate', fields).then(() => {
      ui.ratingError.hidden = true;
      state.rated = state.conversation;
      saveState();
      ui.thanksText.textContent = 'Your feedback helps us help you better.';
      render();
    }, (error) => fail(error.code === 'offline' || error.code === 'timeout'
      ? 'Not connected. Try again in a moment.' : error.message || 'The rating could not be sent.'));
  });

  ui.skipRating.addEventListener('click', () => {
    state.rated = state.conversation;
    saveState();
    ui.thanksText.textContent = 'Thanks for chatting with us.';
    render();
  });

  ui.newChat.addEventListener('click', () => resetAll());
  ui.notMe.addEventListener('click', () => {
    link.stop();
    resetAll(''); // with a message, even an empty one, the stored customer goes too
  });

  if (window.parent !== window) {
    ui.close.hidden = false;
    ui.close.addEventListener('click', () => window.parent.postMessage({ type: 'tandem:close' }, '*'));
  }

  // Start where the last visit left off.
  for (const item of state.outbox) if (item.conversation === state.conversation || item.starts) addPending(item);
  if (state.conversation || state.outbox.length) {
    render();
    link.connect();
  } else {
    showStart();
    if (state.token) link.connect();
  }
})();
