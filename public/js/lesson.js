// The lesson page's actions, through the REST API (/api/v1/classrooms/C/lessons/L/...) with the
// page's CSRF token; every one is also a plain form the page works with when scripts are off.
// Code blocks get Copy and Run buttons (Run sends the commands to the terminal), Check shows
// each condition's expected and found, hints come one at a time, Rewind asks first, the quiz
// is marked in place. Text goes into the page with textContent only.
/* global document, window, fetch, location, history, navigator, setTimeout */
(function () {
  'use strict';
  var T = function (key, params) { return window.KubeaulaI18n ? window.KubeaulaI18n.t(key, params) : key; };
  var lesson = document.getElementById('lesson');
  var side = document.getElementById('lesson-cluster');
  if (!lesson || !side || !window.KubeaulaTerminal) return;
  var csrf = lesson.getAttribute('data-csrf');
  var api = '/api/v1/classrooms/' + encodeURIComponent(lesson.getAttribute('data-classroom-id')) + '/lessons/' + encodeURIComponent(lesson.getAttribute('data-lesson-id'));
  var lang = document.documentElement.getAttribute('lang') === 'en' ? 'en' : 'es';

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function call(method, path, body) {
    var opts = { method: method, credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf } };
    if (method !== 'GET') {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(Object.assign({ lang: lang }, body || {}));
    }
    return fetch(api + path + (method === 'GET' ? '?lang=' + lang : ''), opts).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j && j.message ? j.message : String(r.status));
        return j;
      });
    });
  }
  function steps() { return Array.prototype.slice.call(document.querySelectorAll('article.step')); }
  function stepEl(id) { return document.getElementById('step-' + id); }
  function pill(id) { return document.querySelector('.step-pill[data-step-id="' + id + '"]'); }

  // --- the terminal and the live picture ---------------------------------------------------
  var picture = window.KubeaulaPicture;
  var editor = window.KubeaulaEditor;
  var terminal = window.KubeaulaTerminal.open({
    clusterId: side.getAttribute('data-cluster-id'),
    readOnly: false,
    onReady: function () { if (picture) picture.refresh(); },
    onChanges: function (d) { if (picture) picture.onChanges(d); },
    onResult: function () { if (editor) editor.refreshList(); },
  });

  // --- code blocks: Copy and Run -------------------------------------------------------------
  var RUNNABLE = /(^|\s)language-(bash|sh|shell|console|shell-session)(\s|$)/;
  /** The commands of a block as bash reads them: `\` continuations joined, here-documents kept whole. */
  function commands(text) {
    var lines = text.replace(/\r/g, '').split('\n');
    var out = [];
    for (var i = 0; i < lines.length; i++) {
      var cmd = lines[i];
      while (/\\$/.test(cmd) && i + 1 < lines.length) cmd = cmd.slice(0, -1) + lines[++i].replace(/^\s+/, ' ');
      var here = /<<-?\s*['"]?(\w+)['"]?/.exec(cmd);
      if (here) {
        while (i + 1 < lines.length) {
          cmd += '\n' + lines[++i];
          if (lines[i].trim() === here[1]) break;
        }
      }
      var plain = cmd.replace(/^\s*\$\s+/, '');
      if (plain.trim() && !/^\s*#/.test(plain)) out.push(plain);
    }
    return out;
  }
  document.querySelectorAll('.step-body pre > code').forEach(function (code) {
    var text = code.textContent.replace(/\n$/, '');
    var first = text.split('\n')[0];
    var copy = el('button', { type: 'button', 'data-testid': 'copy-code', 'aria-label': T('copyLabel', { command: first }) }, [T('copy')]);
    copy.addEventListener('click', function () {
      var done = function () { copy.textContent = T('copied'); setTimeout(function () { copy.textContent = T('copy'); }, 1500); };
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, function () { /* not allowed: nothing copied */ });
    });
    var actions = el('div', { class: 'code-actions' }, [copy]);
    var cls = code.getAttribute('class') || '';
    if (RUNNABLE.test(cls) || !/language-/.test(cls)) {
      var run = el('button', { type: 'button', 'data-testid': 'run-code', 'aria-label': T('runLabel', { command: first }) }, [T('run')]);
      run.addEventListener('click', function () {
        commands(text).forEach(function (c) { terminal.run(c); });
        terminal.focus();
      });
      actions.appendChild(run);
    }
    code.parentNode.parentNode.insertBefore(actions, code.parentNode.nextSibling);
  });

  // --- step navigation -------------------------------------------------------------------------
  function show(id) {
    steps().forEach(function (s) { s.hidden = s.getAttribute('data-step-id') !== id; });
    document.querySelectorAll('.step-pill').forEach(function (p) {
      if (p.getAttribute('data-step-id') === id) p.setAttribute('aria-current', 'step'); else p.removeAttribute('aria-current');
    });
    if (history.replaceState) history.replaceState(null, '', location.pathname + '?step=' + encodeURIComponent(id));
    var h = document.getElementById('step-' + id + '-title');
    if (h) { h.setAttribute('tabindex', '-1'); h.focus(); }
  }
  var nav = document.getElementById('step-nav');
  if (nav) {
    nav.addEventListener('submit', function (e) {
      var id = e.submitter && e.submitter.value;
      if (!id) return;
      e.preventDefault();
      call('POST', '/steps/' + encodeURIComponent(id) + '/go').then(function () { show(id); }, function (err) { window.alert(T('error', { message: err.message })); });
    });
  }
  /** After a pass: the step is marked done and the next one may be visited. */
  function unlock(view) {
    var s = stepEl(view.stepId);
    if (view.passed && s) {
      s.setAttribute('data-passed', 'true');
      var p = pill(view.stepId);
      if (p) p.querySelector('.done-mark').textContent = ' ✓';
    }
    var list = steps();
    var reach = list.findIndex(function (x) { return x.getAttribute('data-step-id') === view.currentStepId; });
    list.forEach(function (x, i) {
      var id = x.getAttribute('data-step-id');
      var pp = pill(id);
      var passed = x.getAttribute('data-passed') === 'true';
      if (pp && (passed || i <= reach)) pp.disabled = false;
      var next = list[i + 1];
      var nextButton = x.querySelector('[data-testid="step-next"]');
      if (next && nextButton && (passed || i < reach)) {
        nextButton.value = next.getAttribute('data-step-id');
        nextButton.disabled = false;
      }
    });
  }

  // --- Check ---------------------------------------------------------------------------------
  function percent(x) { return Math.round(x * 100); }
  function renderCheck(box, r) {
    var mark = r.passed ? '✓' : '✕';
    var parts = [
      el('p', { class: 'verdict ' + (r.passed ? 'passed' : 'failed'), 'data-passed': String(r.passed), 'data-testid': 'check-verdict' }, [
        el('span', { 'aria-hidden': 'true' }, [mark]), ' ' + (r.passed ? T('passed') : T('failed')) + ' · ' + T('score', { score: percent(r.score) }),
      ]),
      el('ul', { class: 'conditions' }, r.conditions.map(function (c) {
        return el('li', { class: c.passed ? 'passed' : 'failed', 'data-passed': String(c.passed), 'data-testid': 'check-condition' }, [
          el('span', { 'aria-hidden': 'true' }, [c.passed ? '✓' : '✕']), ' ',
          el('strong', {}, [(c.passed ? T('conditionPassed') : T('conditionFailed')) + ':']),
          ' ' + T('expected') + ': ' + c.expected + '; ' + T('found') + ': ' + c.found,
        ]);
      })),
    ];
    if (r.hint) parts.push(el('p', { class: 'hint', 'data-testid': 'check-hint' }, [el('strong', {}, [T('autoHint') + ':']), ' ' + r.hint]));
    box.replaceChildren.apply(box, parts);
  }
  document.querySelectorAll('.check-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var id = form.getAttribute('data-step-id');
      var box = document.getElementById('check-result-' + id);
      var button = form.querySelector('button');
      button.disabled = true;
      box.textContent = T('checking');
      call('POST', '/steps/' + encodeURIComponent(id) + '/check')
        .then(function (r) {
          renderCheck(box, r);
          unlock(r);
          if (r.lessonStatus === 'completed' && lesson.getAttribute('data-status') !== 'completed') {
            lesson.setAttribute('data-status', 'completed');
            box.appendChild(el('p', { class: 'notice-ok', 'data-testid': 'lesson-completed' }, [el('span', { 'aria-hidden': 'true' }, ['✓']), ' ' + T('lessonDone')]));
          }
        })
        .catch(function (err) { box.textContent = T('error', { message: err.message }); })
        .then(function () { button.disabled = false; });
    });
  });

  // --- hints: the automatic one, then one hand-written hint per press -----------------------------
  document.querySelectorAll('.hints-form').forEach(function (form) {
    var id = form.getAttribute('data-step-id');
    var box = document.getElementById('hints-' + id);
    var shown = 0;
    var got = null;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var button = form.querySelector('button');
      var next = got ? Promise.resolve(got) : call('GET', '/steps/' + encodeURIComponent(id) + '/hints');
      next.then(function (h) {
        if (!got) {
          got = h;
          box.textContent = '';
          if (h.automatic) box.appendChild(el('p', { class: 'hint' }, [el('strong', {}, [T('autoHint') + ':']), ' ' + h.automatic]));
        }
        if (shown < h.hints.length) {
          box.appendChild(el('p', { class: 'hint' }, [el('strong', {}, [T('hint', { n: shown + 1 }) + ':']), ' ' + h.hints[shown]]));
          shown++;
        }
        if (shown >= h.hints.length) {
          box.appendChild(el('p', { class: 'muted' }, [T('noMoreHints')]));
          button.disabled = true;
        }
      }).catch(function (err) { box.textContent = T('error', { message: err.message }); });
    });
  });

  // --- Rewind, after a confirmation --------------------------------------------------------------
  var dialog = document.getElementById('rewind-dialog');
  document.querySelectorAll('.rewind-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!dialog || typeof dialog.showModal !== 'function') return; // the page's own confirmation
      e.preventDefault();
      var id = form.getAttribute('data-step-id');
      dialog.returnValue = '';
      dialog.showModal();
      dialog.addEventListener('close', function onClose() {
        dialog.removeEventListener('close', onClose);
        if (dialog.returnValue !== 'yes') return;
        call('POST', '/steps/' + encodeURIComponent(id) + '/rewind')
          .then(function () { location.assign(location.pathname + '?step=' + encodeURIComponent(id) + '#step-' + encodeURIComponent(id)); })
          .catch(function (err) { window.alert(T('error', { message: err.message })); });
      });
    });
  });

  // --- the quiz ----------------------------------------------------------------------------------
  var quiz = document.getElementById('quiz-form');
  if (quiz) {
    quiz.addEventListener('submit', function (e) {
      e.preventDefault();
      var answers = {};
      quiz.querySelectorAll('fieldset[data-question-id]').forEach(function (fs) {
        var picked = fs.querySelector('input[type="radio"]:checked');
        if (picked) answers[fs.getAttribute('data-question-id')] = Number(picked.value);
      });
      var result = document.getElementById('quiz-result');
      call('POST', '/quiz', { answers: answers }).then(function (r) {
        r.questions.forEach(function (q) {
          var fs = quiz.querySelector('fieldset[data-question-id="' + q.id + '"]');
          if (!fs) return;
          fs.querySelectorAll('label').forEach(function (label, i) {
            var markBox = label.querySelector('.quiz-mark');
            markBox.textContent = '';
            if (i === q.answer) markBox.append(' ', el('span', { class: 'right' }, [el('span', { 'aria-hidden': 'true' }, ['✓']), ' ' + T('quizCorrect')]));
            else if (i === q.chosen) markBox.append(' ', el('span', { class: 'wrong' }, [el('span', { 'aria-hidden': 'true' }, ['✕']), ' ' + T('quizWrong')]));
          });
          fs.querySelector('.explanation').textContent = q.explanation;
        });
        result.textContent = T('quizScore', { right: r.correct, total: r.total });
      }).catch(function (err) { result.textContent = T('error', { message: err.message }); });
    });
  }
})();
