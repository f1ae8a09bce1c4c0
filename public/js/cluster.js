// The cluster page: a terminal (xterm.js) over the WebSocket, with a small line editor (typing,
// backspace, history with the arrows, ^C), and the table of the cluster's objects kept live.
/* global Terminal, FitAddon, document, sessionStorage, window, location, WebSocket, fetch */
(function () {
  'use strict';
  var root = document.getElementById('cluster');
  if (!root) return;
  var clusterId = root.getAttribute('data-cluster-id');
  var readOnly = root.getAttribute('data-read-only') === 'true';
  var tab = sessionStorage.getItem('kubeaula-tab') || Math.random().toString(36).slice(2, 12);
  sessionStorage.setItem('kubeaula-tab', tab);

  var term = new Terminal({ convertEol: true, cursorBlink: true, fontSize: 14 });
  var fit = typeof FitAddon !== 'undefined' ? new FitAddon.FitAddon() : undefined;
  if (fit) term.loadAddon(fit);
  term.open(document.getElementById('terminal'));
  if (fit) fit.fit();
  window.addEventListener('resize', function () { if (fit) fit.fit(); });

  var prompt = 'student@master:~$ ';
  var line = '';
  var running = false;
  var history = [];
  var historyAt = 0;
  var proto = location.protocol === 'https:' ? 'wss://' : 'ws://';
  var ws = new WebSocket(proto + location.host + '/ws/terminal?cluster=' + encodeURIComponent(clusterId) + '&tab=' + encodeURIComponent(tab));

  function send(event, data) { ws.send(JSON.stringify({ event: event, data: data || {} })); }
  function showPrompt() { term.write(prompt); }
  function replaceLine(text) {
    term.write('\r\x1b[K' + prompt + text);
    line = text;
  }

  // The live table of objects, keyed by resource/namespace/name.
  var objects = new Map();
  var tbody = document.querySelector('#objects tbody');
  function key(o) { return o.resource + '/' + (o.namespace || '') + '/' + o.name; }
  function renderObjects() {
    var rows = Array.from(objects.values()).sort(function (a, b) { return key(a) < key(b) ? -1 : 1; });
    tbody.textContent = '';
    rows.forEach(function (o) {
      var tr = document.createElement('tr');
      [o.kind, o.namespace || '', o.name, o.status || ''].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }
  function relist() {
    fetch('/api/v1/clusters/' + encodeURIComponent(clusterId) + '/objects', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        objects.clear();
        body.objects.forEach(function (o) { objects.set(key(o), o); });
        renderObjects();
      });
  }

  ws.onmessage = function (ev) {
    var msg = JSON.parse(ev.data);
    var d = msg.data || {};
    switch (msg.event) {
      case 'ready':
        prompt = d.prompt;
        objects.clear();
        d.objects.forEach(function (o) { objects.set(key(o), o); });
        renderObjects();
        term.writeln(readOnly ? 'Read-only view of this cluster.' : 'Connected to your cluster. Try: kubectl get nodes');
        if (!readOnly) showPrompt();
        break;
      case 'output':
        term.write(d.text);
        break;
      case 'result':
        running = false;
        prompt = d.prompt;
        if (d.exited) { term.writeln('[the shell exited; reload the page for a new one]'); return; }
        showPrompt();
        break;
      case 'changes':
        if (d.replaced) return relist();
        d.changes.forEach(function (c) {
          if (c.resource === 'events') return;
          if (c.type === 'DELETED') objects.delete(key(c)); else objects.set(key(c), c);
        });
        renderObjects();
        break;
      case 'error':
        term.writeln('\r\n\x1b[31m' + d.message + '\x1b[0m');
        if (!running && !readOnly) showPrompt();
        break;
    }
  };
  ws.onclose = function () { term.writeln('\r\n[disconnected: reload the page to reconnect]'); };

  term.onData(function (data) {
    if (readOnly) return;
    if (data === '\x03') {
      if (running) send('interrupt');
      else { term.write('^C\r\n'); line = ''; showPrompt(); }
      return;
    }
    if (running) return;
    if (data === '\r') {
      term.write('\r\n');
      var cmd = line;
      line = '';
      if (cmd.trim()) { history.push(cmd); }
      historyAt = history.length;
      running = true;
      send('exec', { line: cmd });
      return;
    }
    if (data === '\x7f') {
      if (line.length) { line = line.slice(0, -1); term.write('\b \b'); }
      return;
    }
    if (data === '\x1b[A') { if (historyAt > 0) replaceLine(history[--historyAt]); return; }
    if (data === '\x1b[B') { if (historyAt < history.length - 1) replaceLine(history[++historyAt]); else { historyAt = history.length; replaceLine(''); } return; }
    if (data.charCodeAt(0) < 32 && data.length === 1) return;
    if (data.indexOf('\x1b') === 0) return;
    line += data;
    term.write(data);
  });
})();
