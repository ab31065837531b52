/*
 * Rapport chat widget — embed with one tag:
 *   <script src="https://help.example.com/widget.js" data-widget="YOUR_KEY" async></script>
 * Optional: data-lang="pl" (else the page's <html lang> or the browser's language).
 *
 * Plain ES2019 with no dependencies, rendered inside a shadow root so the host page's styles
 * cannot break it (nor it theirs). It talks to Rapport over one WebSocket; the session secret
 * stays in localStorage so a reload — or a visit next week — continues the same conversation.
 */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[data-widget]');
  if (!script || window.__rapportChat) return;
  window.__rapportChat = true;
  var key = script.getAttribute('data-widget');
  var base = new URL(script.src, location.href);
  var origin = base.origin;
  var storeKey = 'rapport-chat:' + key;
  var lang = (script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'en').toLowerCase();
  var short = lang.split('-')[0];

  var T = {
    en: { open: 'Chat with us', title: 'Chat', online: 'We are here', offline: 'We are away right now — leave a message and we will answer by email.', name: 'Your name', email: 'Your email', emailOpt: 'Your email (so we can reply if you leave)', start: 'Start chat', placeholder: 'Write a message…', send: 'Send', you: 'You', close: 'Close', emailRequired: 'Please leave your email address so we can answer.', error: 'The message could not be sent. Try again.', reconnecting: 'Reconnecting…', nextOpening: 'We are back', proofSent: 'We sent a link to your email: open it to join this chat to your earlier conversations with us.', proven: 'Your email address is confirmed.' },
    he: { open: 'צ׳אט איתנו', title: 'צ׳אט', online: 'אנחנו כאן', offline: 'אנחנו לא זמינים כרגע — השאירו הודעה ונשיב במייל.', name: 'השם שלך', email: 'הדוא״ל שלך', emailOpt: 'הדוא״ל שלך (כדי שנוכל להשיב אם תצאו)', start: 'התחלת שיחה', placeholder: 'כתבו הודעה…', send: 'שליחה', you: 'את/ה', close: 'סגירה', emailRequired: 'נא להשאיר כתובת דוא״ל כדי שנוכל להשיב.', error: 'ההודעה לא נשלחה. נסו שוב.', reconnecting: 'מתחבר מחדש…', nextOpening: 'נחזור', proofSent: 'שלחנו קישור למייל שלך: פתיחתו תקשר את הצ׳אט הזה לשיחות הקודמות שלך איתנו.', proven: 'כתובת המייל שלך אושרה.' },
    pl: { open: 'Porozmawiaj z nami', title: 'Czat', online: 'Jesteśmy dostępni', offline: 'Jesteśmy teraz niedostępni — zostaw wiadomość, odpowiemy e-mailem.', name: 'Imię i nazwisko', email: 'Twój e-mail', emailOpt: 'Twój e-mail (żebyśmy mogli odpowiedzieć, gdy wyjdziesz)', start: 'Rozpocznij czat', placeholder: 'Napisz wiadomość…', send: 'Wyślij', you: 'Ty', close: 'Zamknij', emailRequired: 'Zostaw adres e-mail, abyśmy mogli odpowiedzieć.', error: 'Nie udało się wysłać wiadomości. Spróbuj ponownie.', reconnecting: 'Ponowne łączenie…', nextOpening: 'Wracamy', proofSent: 'Wysłaliśmy link na Twój e-mail: otwórz go, aby połączyć ten czat z wcześniejszymi rozmowami z nami.', proven: 'Adres e-mail został potwierdzony.' },
  };
  var t = T[short] || T.en;
  var rtl = ['he', 'ar', 'fa', 'ur'].indexOf(short) >= 0;

  var state = { config: null, ws: null, secret: null, online: true, email: null, name: null, open: false, started: false, pending: {}, retry: 0, seen: {} };
  try { state.secret = localStorage.getItem(storeKey); } catch (e) { /* storage blocked: a session per page view */ }

  var host = document.createElement('div');
  host.setAttribute('data-rapport-chat', key);
  var root = host.attachShadow({ mode: 'open' });
  root.innerHTML =
    '<style>' +
    ':host{all:initial}*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Hebrew","Noto Sans JP",sans-serif}' +
    '.launch{position:fixed;bottom:20px;inset-inline-end:20px;z-index:2147483000;border:0;border-radius:999px;padding:12px 18px;color:#fff;font-size:15px;cursor:pointer;box-shadow:0 4px 16px rgba(0,0,0,.2)}' +
    '.panel{position:fixed;bottom:80px;inset-inline-end:20px;z-index:2147483000;width:340px;max-width:calc(100vw - 40px);height:480px;max-height:calc(100vh - 120px);background:#fff;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.25);display:none;flex-direction:column;overflow:hidden;color:#222}' +
    '.panel.open{display:flex}.head{padding:12px 14px;color:#fff;display:flex;justify-content:space-between;align-items:center}.head b{font-size:15px}.status{font-size:12px;opacity:.9}' +
    '.x{background:none;border:0;color:#fff;font-size:20px;cursor:pointer}.log{flex:1;overflow-y:auto;padding:12px;background:#f6f7f9}' +
    '.msg{max-width:80%;margin:6px 0;padding:8px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word;font-size:14px;line-height:1.35}' +
    '.visitor{margin-inline-start:auto;background:#dbeafe}.agent{margin-inline-end:auto;background:#fff;border:1px solid #e5e7eb}.who{display:block;font-size:11px;color:#666;margin-bottom:2px}' +
    '.notice{font-size:13px;color:#444;background:#fff7e6;border:1px solid #ffe2a8;padding:8px;border-radius:8px;margin:6px 0}' +
    'form{display:flex;gap:6px;padding:8px;border-top:1px solid #eee;background:#fff}.pre{flex-direction:column;padding:14px}' +
    'input,textarea{flex:1;border:1px solid #ccc;border-radius:8px;padding:8px;font-size:14px;resize:none}button.send{border:0;border-radius:8px;color:#fff;padding:0 14px;cursor:pointer;font-size:14px}' +
    '.pre button{padding:10px}' +
    '</style>' +
    '<button class="launch" part="launcher" type="button"></button>' +
    '<div class="panel" role="dialog"><div class="head"><div><b class="title"></b><div class="status"></div></div><button class="x" type="button">×</button></div>' +
    '<div class="log" aria-live="polite"></div>' +
    '<form class="pre"><input name="name" autocomplete="name"><input name="email" type="email" autocomplete="email"><button class="send" type="submit"></button></form>' +
    '<form class="compose" style="display:none"><textarea name="text" rows="2"></textarea><button class="send" type="submit"></button></form></div>';

  var $ = function (sel) { return root.querySelector(sel); };
  var launch = $('.launch'), panel = $('.panel'), log = $('.log'), pre = $('.pre'), compose = $('.compose');
  // form.name is the form's own name property, so the fields are looked up explicitly.
  var preName = pre.querySelector('input[name=name]'), preEmail = pre.querySelector('input[name=email]'), composeText = compose.querySelector('textarea');
  panel.setAttribute('dir', rtl ? 'rtl' : 'ltr');
  panel.setAttribute('lang', short);
  launch.textContent = t.open;
  $('.title').textContent = t.title;
  $('.x').setAttribute('aria-label', t.close);
  preName.placeholder = t.name;
  pre.querySelector('button').textContent = t.start;
  composeText.placeholder = t.placeholder;
  compose.querySelector('button').textContent = t.send;

  function paint(color) {
    launch.style.background = color;
    $('.head').style.background = color;
    Array.prototype.forEach.call(root.querySelectorAll('button.send'), function (b) { b.style.background = color; });
  }

  function setStatus() {
    $('.status').textContent = state.online ? t.online : t.offline;
    preEmail.placeholder = state.online ? t.emailOpt : t.email;
    preEmail.required = !state.online;
  }

  function notice(text) {
    var n = document.createElement('div');
    n.className = 'notice';
    n.textContent = text;
    log.appendChild(n);
    log.scrollTop = log.scrollHeight;
  }

  function render(m) {
    if (!m || state.seen[m.id]) return;
    state.seen[m.id] = true;
    var d = document.createElement('div');
    d.className = 'msg ' + m.from;
    d.setAttribute('data-id', m.id);
    var who = document.createElement('span');
    who.className = 'who';
    who.textContent = m.from === 'visitor' ? t.you : (m.author || '');
    d.appendChild(who);
    d.appendChild(document.createTextNode(m.text));
    log.appendChild(d);
    log.scrollTop = log.scrollHeight;
  }

  function showCompose() {
    pre.style.display = 'none';
    compose.style.display = 'flex';
    state.started = true;
  }

  function connect() {
    var url = (origin.replace(/^http/, 'ws')) + '/api/v1/chat/ws?key=' + encodeURIComponent(key);
    var ws = new WebSocket(url);
    state.ws = ws;
    ws.onopen = function () {
      state.retry = 0;
      ws.send(JSON.stringify({ type: 'hello', secret: state.secret, name: state.name, email: state.email, language: lang }));
    };
    ws.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (e) { return; }
      if (f.type === 'welcome') {
        if (f.secret) {
          state.secret = f.secret;
          try { localStorage.setItem(storeKey, f.secret); } catch (e) { /* ignore */ }
        }
        state.online = f.online;
        state.email = f.email || state.email;
        setStatus();
        (f.history || []).forEach(render);
        if ((f.history || []).length || f.email) showCompose();
        for (var id in state.pending) ws.send(JSON.stringify(state.pending[id]));
      } else if (f.type === 'ack') {
        delete state.pending[f.clientId];
        render(f.message);
      } else if (f.type === 'message') {
        if (f.message && f.message.truncated) ws.send(JSON.stringify({ type: 'history' }));
        else render(f.message);
      } else if (f.type === 'identified') {
        if (f.verification === 'sent') notice(t.proofSent);
      } else if (f.type === 'verified') {
        notice(t.proven);
      } else if (f.type === 'history') {
        (f.messages || []).forEach(render);
      } else if (f.type === 'error') {
        notice(f.code === 'email_required' ? t.emailRequired : f.code === 'server_error' ? t.error : f.message);
        if (f.code === 'email_required') { pre.style.display = 'flex'; compose.style.display = 'none'; }
      }
    };
    ws.onclose = function () {
      state.ws = null;
      if (!state.open) return;
      state.retry = Math.min(state.retry + 1, 6);
      $('.status').textContent = t.reconnecting;
      setTimeout(connect, 500 * Math.pow(2, state.retry));
    };
  }

  function ensureConnected() {
    if (!state.ws) connect();
  }

  launch.addEventListener('click', function () {
    state.open = !state.open;
    panel.classList.toggle('open', state.open);
    if (state.open) ensureConnected();
  });
  $('.x').addEventListener('click', function () {
    state.open = false;
    panel.classList.remove('open');
    if (state.ws) state.ws.close();
  });

  pre.addEventListener('submit', function (e) {
    e.preventDefault();
    state.name = preName.value.trim() || null;
    state.email = preEmail.value.trim() || null;
    if (state.ws && state.ws.readyState === 1) state.ws.send(JSON.stringify({ type: 'identify', name: state.name, email: state.email }));
    showCompose();
    composeText.focus();
  });

  compose.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = composeText.value.trim();
    if (!text) return;
    var frame = { type: 'message', clientId: Date.now().toString(36) + Math.random().toString(36).slice(2, 8), text: text };
    state.pending[frame.clientId] = frame;
    composeText.value = '';
    if (state.ws && state.ws.readyState === 1) state.ws.send(JSON.stringify(frame));
    else ensureConnected();
  });
  composeText.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); compose.requestSubmit(); }
  });

  setInterval(function () {
    if (state.ws && state.ws.readyState === 1) state.ws.send(JSON.stringify({ type: 'ping' }));
  }, 20000);

  fetch(origin + '/api/v1/chat/widgets/' + encodeURIComponent(key) + '/config')
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (cfg) {
      if (!cfg) return;
      state.config = cfg;
      state.online = cfg.online;
      paint(cfg.color || '#1c7ed6');
      setStatus();
      (document.body || document.documentElement).appendChild(host);
    })
    .catch(function () { /* Rapport unreachable: show nothing rather than a broken widget */ });
})();
