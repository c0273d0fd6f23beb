// SPDX-License-Identifier: GPL-3.0-or-later
// Tandem chat for any web page: <script src="https://support.example.com/widget.js" async></script>
// Adds a chat button at the bottom right; the chat itself runs in a frame served by tandemd,
// so the host page's scripts and styles cannot touch it, nor it theirs.
(function () {
  'use strict';
  if (window.TandemWidget) return; // embedded twice

  function ownScript() {
    if (document.currentScript && document.currentScript.src) return document.currentScript;
    const scripts = document.querySelectorAll('script[src]');
    for (let i = scripts.length - 1; i >= 0; i--) {
      if (/\/widget\.js(\?|#|$)/.test(scripts[i].src)) return scripts[i];
    }
    return null;
  }

  const script = ownScript();
  if (!script) return;
  const server = new URL(script.src, document.baseURI);
  const chatUrl = new URL('widget/', server); // next to widget.js, also under a path prefix
  // <script … data-inbox="2">: the site's own inbox (default: the server's first web inbox).
  if (/^[1-9][0-9]{0,15}$/.test(script.dataset.inbox || '')) chatUrl.searchParams.set('inbox', script.dataset.inbox);

  const host = document.createElement('div');
  host.setAttribute('data-tandem-widget', '');
  const root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  const style = document.createElement('style');
  style.textContent = [
    ':host { all: initial; }',
    '.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483647; width: 60px; height: 60px;',
    '  border: 0; border-radius: 50%; cursor: pointer; color: #fff; display: grid; place-items: center;',
    '  background: linear-gradient(135deg, #4f46e5, #7c3aed); box-shadow: 0 8px 24px rgba(79, 70, 229, 0.35); }',
    '.launcher:focus-visible { outline: 3px solid #a5b4fc; outline-offset: 3px; }',
    '.frame { position: fixed; right: 20px; bottom: 92px; z-index: 2147483647; width: 380px; height: 600px;',
    '  max-width: calc(100vw - 24px); max-height: calc(100vh - 112px); border: 0; border-radius: 16px;',
    '  background: #fff; box-shadow: 0 12px 40px rgba(16, 24, 40, 0.25); }',
    '.frame[hidden] { display: none; }',
    '@media (max-width: 480px) { .frame { right: 0; bottom: 0; width: 100vw; height: 100vh;',
    '  max-width: 100vw; max-height: 100vh; border-radius: 0; } }',
  ].join('\n');

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-label', 'Open chat');
  button.setAttribute('aria-expanded', 'false');
  const svgNs = 'http://www.w3.org/2000/svg';
  const icon = document.createElementNS(svgNs, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('width', '28');
  icon.setAttribute('height', '28');
  icon.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(svgNs, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z');
  icon.appendChild(path);
  button.appendChild(icon);

  let frame = null;
  function setOpen(open) {
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.className = 'frame';
      frame.title = 'Chat with us';
      frame.src = chatUrl.href;
      frame.setAttribute('allow', 'clipboard-write');
      root.appendChild(frame);
    }
    if (frame) {
      frame.hidden = !open;
      // A hidden chat reads nothing: the frame marks replies read only while shown.
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'tandem:open', open }, chatUrl.origin);
    }
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
  }
  button.addEventListener('click', () => setOpen(!frame || frame.hidden));
  window.addEventListener('message', (e) => {
    // Only the chat frame may close itself.
    if (frame && e.source === frame.contentWindow && e.origin === chatUrl.origin
        && e.data && e.data.type === 'tandem:close') {
      setOpen(false);
      button.focus();
    }
  });

  root.appendChild(style);
  root.appendChild(button);
  function attach() { document.body.appendChild(host); }
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach);

  window.TandemWidget = { open: () => setOpen(true), close: () => setOpen(false) };
})();
