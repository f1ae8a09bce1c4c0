// The terminal of a cluster (xterm.js over the WebSocket /ws/terminal), shared by the cluster
// page and the lesson page: a small line editor (typing, backspace, history with the arrows,
// Tab completion from the server, ^C), commands typed or run by other scripts (KubeaulaTerminal
// .open(...).run/type), and a screen-reader mode that also writes the output as plain text
// into an aria-live region and offers a plain input for commands.
/* global Terminal, FitAddon, document, sessionStorage, localStorage, window, location, WebSocket, fetch */
(function () {
  'use strict';
  var T = function (key, params) { return window.KubeaulaI18n ? window.KubeaulaI18n.t(key, params) : key; };
  // eslint-disable-next-line no-control-regex -- terminal escape sequences are what it removes
  var ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]|\r/g;
  var SR_KEY = 'kubeaula-sr-mode';
  var SR_MAX_CHARS = 20000;

  function open(opts) {
    var host = document.getElementById('terminal');
    var clusterId = opts.clusterId;
    var readOnly = !!opts.readOnly;
    var tab = sessionStorage.getItem('kubeaula-tab') || Math.random().toString(36).slice(2, 12);
    sessionStorage.setItem('kubeaula-tab', tab);

    var term = new Terminal({ convertEol: true, cursorBlink: true, fontSize: 14, screenReaderMode: false });
    var fit = typeof FitAddon !== 'undefined' ? new FitAddon.FitAddon() : undefined;
    if (fit) term.loadAddon(fit);
    term.open(host);
    if (term.textarea) {
      term.textarea.id = 'terminal-input';
      term.textarea.setAttribute('data-testid', 'terminal-input');
      term.textarea.setAttribute('aria-label', T('terminalInput'));
    }
    if (fit) fit.fit();
    // no keyboard trap: Tab completes a command, but on an empty line, or after Esc, it moves
    // the focus on like anywhere else on the page
    var escaped = false;
    term.attachCustomKeyEventHandler(function (e) {
      if (e.type !== 'keydown') return true;
      if (e.key === 'Escape') { escaped = true; return false; }
      var leave = e.key === 'Tab' && (escaped || line === '' || running);
      escaped = false;
      return !leave;
    });
    window.addEventListener('resize', function () { if (fit) fit.fit(); });

    // the screen-reader mode: output as text in a live region, a plain input for commands
    var srBox = document.getElementById('srmode-toggle') || document.getElementById('sr-mode');
    var srOut = document.getElementById('terminal-sr');
    var lineForm = document.getElementById('terminal-line-form');
    var lineInput = document.getElementById('terminal-line');
    var srOn = false;
    function setSr(on) {
      srOn = on;
      if (srBox) srBox.checked = on;
      if (lineForm) lineForm.hidden = !on || readOnly;
      if (!on && srOut) srOut.textContent = '';
      try { localStorage.setItem(SR_KEY, on ? '1' : '0'); } catch { /* ignore */ }
    }
    function srWrite(text) {
      if (!srOn || !srOut) return;
      var clean = String(text).replace(ANSI, '');
      if (!clean) return;
      var all = (srOut.textContent + clean);
      srOut.textContent = all.length > SR_MAX_CHARS ? all.slice(all.length - SR_MAX_CHARS) : all;
      srOut.scrollTop = srOut.scrollHeight;
    }
    var stored = null;
    try { stored = localStorage.getItem(SR_KEY); } catch { stored = null; }
    setSr(stored === '1');
    if (srBox) srBox.addEventListener('change', function () { setSr(srBox.checked); });

    var prompt = 'student@master:~$ ';
    var line = '';
    var running = false;
    var queue = [];
    var history = [];
    var historyAt = 0;
    var lastTab = '';
    var proto = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var ws = new WebSocket(proto + location.host + '/ws/terminal?cluster=' + encodeURIComponent(clusterId) + '&tab=' + encodeURIComponent(tab));

    // for tests and assistive tools: idle (prompt shown), running, closed
    function state(s) { host.setAttribute('data-state', s); }
    state('connecting');
    function send(event, data) { if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ event: event, data: data || {} })); }
    function write(text) { term.write(text); srWrite(text); }
    function writeln(text) { term.writeln(text); srWrite(text + '\n'); }
    function showPrompt() { write(prompt); }
    function replaceLine(text) {
      term.write('\r\x1b[K' + prompt + text);
      line = text;
    }

    function exec(cmd) {
      if (cmd.trim()) history.push(cmd);
      historyAt = history.length;
      running = true;
      state('running');
      send('exec', { line: cmd });
    }
    /** Runs `cmd` as if typed and entered; queued while another command runs. */
    function run(cmd) {
      if (readOnly) return;
      if (running) { queue.push(cmd); return; }
      term.write('\r\x1b[K' + prompt);
      write(cmd + '\r\n');
      line = '';
      exec(cmd);
    }
    /** Puts `cmd` on the command line, not run: the student presses Enter. */
    function type(cmd) {
      if (readOnly || running) return;
      replaceLine(cmd);
      term.focus();
    }

    function complete() {
      var asked = line;
      fetch('/clusters/' + encodeURIComponent(clusterId) + '/complete?line=' + encodeURIComponent(asked), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : { candidates: [], word: '' }; })
        .then(function (res) {
          if (running || line !== asked || !res.candidates.length) return;
          var cands = res.candidates;
          var prefix = cands.reduce(function (p, c) {
            var i = 0;
            while (i < p.length && i < c.length && p[i] === c[i]) i++;
            return p.slice(0, i);
          });
          var extra = prefix.slice(res.word.length) + (cands.length === 1 ? ' ' : '');
          if (extra) { line += extra; write(extra); lastTab = ''; return; }
          if (lastTab === asked) {
            writeln('');
            writeln(cands.join('  '));
            showPrompt();
            write(line);
          }
          lastTab = asked;
        });
    }

    ws.onmessage = function (ev) {
      var msg = JSON.parse(ev.data);
      var d = msg.data || {};
      switch (msg.event) {
        case 'ready':
          prompt = d.prompt;
          if (opts.onReady) opts.onReady(d);
          writeln(readOnly ? T('readOnly') : T('connected'));
          if (!readOnly) showPrompt();
          state(readOnly ? 'read-only' : 'idle');
          break;
        case 'output':
          write(d.text);
          break;
        case 'result':
          running = false;
          prompt = d.prompt;
          state('idle');
          if (opts.onResult) opts.onResult(d);
          if (d.exited) { state('closed'); writeln(T('exited')); return; }
          if (queue.length) { run(queue.shift()); return; }
          showPrompt();
          if (line) write(line);
          break;
        case 'changes':
          if (opts.onChanges) opts.onChanges(d);
          break;
        case 'error':
          writeln('\r\n\x1b[31m' + d.message + '\x1b[0m');
          if (!running && !readOnly) showPrompt();
          if (!running) state(readOnly ? 'read-only' : 'idle');
          break;
      }
    };
    ws.onclose = function () { state('closed'); writeln('\r\n' + T('disconnected')); };

    term.onData(function (data) {
      if (readOnly) return;
      if (data === '\x03') {
        queue = [];
        if (running) send('interrupt');
        else { write('^C\r\n'); line = ''; showPrompt(); }
        return;
      }
      if (running) return;
      if (data === '\r') {
        write('\r\n');
        var cmd = line;
        line = '';
        exec(cmd);
        return;
      }
      if (data === '\t') { complete(); return; }
      lastTab = '';
      if (data === '\x7f') {
        if (line.length) { line = line.slice(0, -1); term.write('\b \b'); }
        return;
      }
      if (data === '\x1b[A') { if (historyAt > 0) replaceLine(history[--historyAt]); return; }
      if (data === '\x1b[B') { if (historyAt < history.length - 1) replaceLine(history[++historyAt]); else { historyAt = history.length; replaceLine(''); } return; }
      if (data.indexOf('\x1b') === 0) return;
      // typed or pasted text: printable characters only (a paste of several lines runs them in turn)
      var parts = data.replace(/\r\n?/g, '\n').split('\n');
      // eslint-disable-next-line no-control-regex -- control characters are dropped from typed text
      var first = parts.shift().replace(/[\x00-\x1f\x7f]/g, '');
      line += first;
      term.write(first);
      if (parts.length) {
        write('\r\n');
        var cmdNow = line;
        line = '';
        parts.filter(function (p) { return p.trim(); }).forEach(function (p) { queue.push(p); });
        exec(cmdNow);
      }
    });

    if (lineForm && lineInput) {
      lineForm.addEventListener('submit', function (e) {
        e.preventDefault();
        var cmd = lineInput.value;
        lineInput.value = '';
        run(cmd);
      });
    }
    var stop = document.getElementById('terminal-interrupt');
    if (stop) stop.addEventListener('click', function () { queue = []; if (running) send('interrupt'); });

    return { run: run, type: type, focus: function () { term.focus(); } };
  }

  window.KubeaulaTerminal = { open: open };
})();
