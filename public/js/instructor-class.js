// The class view: fetches the class view's JSON, draws students × steps with a heat row, and
// refreshes every few seconds while the page is visible. Every text is set with textContent
// (never HTML), so names and condition texts cannot inject markup.
/* global document, fetch, setInterval, setTimeout, WebSocket, location */
(function () {
  'use strict';
  const root = document.getElementById('class-view');
  if (!root) return;
  const labels = JSON.parse(root.dataset.labels || '{}');
  const classroom = root.dataset.classroom;
  const url = '/api/v1/classrooms/' + encodeURIComponent(classroom) + '/class-view?lang=' + encodeURIComponent(root.dataset.locale || 'es');
  const $ = (id) => document.getElementById(id);
  const grid = $('iv-grid');
  const state = { data: null, lesson: '' };
  const fmt = (s, vars) => s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
  const SYMBOL = { passed: '✓', partial: '½', failing: '✗', current: '…' };

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function steps() {
    const d = state.data;
    const lessons = state.lesson ? d.lessons.filter((l) => l.id === state.lesson) : d.lessons;
    return lessons.flatMap((l) => l.steps.map((s, i) => ({ key: l.id + '/' + s.id, label: (i === 0 ? l.title + ' · ' : '') + s.title })));
  }

  function onStep(st) {
    return Math.max(0, ...Object.values(st.cells).map((c) => c.onStepMs || 0));
  }

  function students() {
    const q = $('iv-filter').value.trim().toLowerCase();
    let list = state.data.students.filter((s) => !q || s.username.includes(q) || s.displayName.toLowerCase().includes(q));
    if ($('iv-online').checked) list = list.filter((s) => s.online.length > 0);
    if ($('iv-failing').checked) list = list.filter((s) => Object.values(s.cells).some((c) => c.state === 'failing' || c.state === 'partial'));
    const by = $('iv-sort').value;
    const cmp = {
      name: (a, b) => a.displayName.localeCompare(b.displayName),
      progress: (a, b) => b.passed - a.passed || a.displayName.localeCompare(b.displayName),
      stuck: (a, b) => onStep(b) - onStep(a),
    }[by];
    return list.slice().sort(cmp);
  }

  function cell(c) {
    const td = el('td', { class: 'iv-cell iv-' + (c ? c.state : 'none') });
    if (!c) return td;
    const parts = [labels[c.state] || c.state];
    if (c.state === 'partial' && c.score !== null) parts.push(labels.score + ' ' + Math.round(c.score * 100) + '%');
    if (c.onStepMs) parts.push(fmt(labels.minutes, { n: Math.round(c.onStepMs / 60000) }));
    td.title = parts.join(' · ');
    td.setAttribute('aria-label', parts.join(' · '));
    td.textContent = SYMBOL[c.state] || '';
    if (c.onStepMs) td.appendChild(el('small', {}, ' ' + Math.round(c.onStepMs / 60000) + "'"));
    return td;
  }

  function render() {
    const d = state.data;
    const cols = steps();
    const thead = grid.tHead;
    thead.textContent = '';
    const head = el('tr');
    head.appendChild(el('th', { scope: 'col' }, labels.student));
    head.appendChild(el('th', { scope: 'col' }, labels.online));
    for (const s of cols) head.appendChild(el('th', { scope: 'col', class: 'iv-step' }, s.label));
    thead.appendChild(head);
    const heat = el('tr', { class: 'iv-heat' });
    heat.appendChild(el('th', { scope: 'row' }, labels.heat));
    heat.appendChild(el('td'));
    const most = Math.max(1, ...cols.map((s) => (d.heat[s.key] ? d.heat[s.key].failing : 0)));
    for (const s of cols) {
      const h = d.heat[s.key];
      const td = el('td', { class: 'iv-heatcell' });
      if (h) {
        td.style.setProperty('--heat', String(h.failing / most));
        td.textContent = fmt(labels.failingStudents, { n: h.failing });
        if (h.topCondition) td.appendChild(el('small', {}, fmt(labels.mostFailed, { n: h.topCondition.students, text: h.topCondition.text })));
      }
      heat.appendChild(td);
    }
    thead.appendChild(heat);
    const body = grid.tBodies[0];
    body.textContent = '';
    for (const st of students()) {
      const tr = el('tr');
      const name = el('th', { scope: 'row' });
      // the student in depth: their timeline, past states, reset and restore
      name.appendChild(el('a', { href: '/classrooms/' + encodeURIComponent(classroom) + '/students/' + encodeURIComponent(st.userId) }, st.displayName));
      name.appendChild(el('small', {}, ' @' + st.username));
      tr.appendChild(name);
      tr.appendChild(el('td', { class: st.online.length ? 'iv-online' : 'iv-offline' }, st.online.length ? st.online.join(', ') : labels.offline));
      for (const s of cols) tr.appendChild(cell(st.cells[s.key]));
      body.appendChild(tr);
    }
  }

  function fillLessons() {
    const sel = $('iv-lesson');
    if (sel.options.length) return;
    sel.appendChild(el('option', { value: '' }, '—'));
    for (const l of state.data.lessons) sel.appendChild(el('option', { value: l.id }, l.title));
    if (state.data.lessons[0]) sel.value = state.lesson = state.data.lessons[0].id;
  }

  async function refresh() {
    try {
      const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      state.data = await res.json();
      fillLessons();
      render();
      $('iv-status').textContent = fmt(labels.updated, { time: new Date(state.data.now).toLocaleTimeString() });
    } catch {
      $('iv-status').textContent = labels.loadError;
    }
  }

  for (const id of ['iv-filter', 'iv-sort', 'iv-online', 'iv-failing']) $(id).addEventListener('input', () => state.data && render());
  $('iv-lesson').addEventListener('input', (e) => {
    state.lesson = e.target.value;
    if (state.data) render();
  });
  root.querySelector('form').addEventListener('submit', (e) => e.preventDefault());
  // a change to any student's cluster (from any door) is pushed; fetched at most once a second
  let soon = null;
  function refreshSoon() {
    if (soon === null) soon = setTimeout(() => { soon = null; refresh(); }, 1000);
  }
  let retry = 1000;
  function listen() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/instructor?classroom=' + encodeURIComponent(classroom));
    ws.addEventListener('open', () => { retry = 1000; });
    ws.addEventListener('message', (e) => {
      try {
        if (JSON.parse(e.data).event === 'changed') refreshSoon();
      } catch {
        /* not ours */
      }
    });
    ws.addEventListener('close', (e) => {
      if (e.code >= 4400 && e.code < 4500) return; // refused: retrying will not help
      setTimeout(listen, retry);
      retry = Math.min(retry * 2, 30000);
    });
  }
  refresh();
  listen();
  // progress and checks are not cluster changes, and online status ages: a slow poll too
  setInterval(() => {
    if (document.visibilityState === 'visible') refresh();
  }, 10000);
})();
