// The student-in-depth page: the scrubber (range input and the timeline list) loads the cluster
// as it was right after the chosen input and draws its picture and `kubectl get pods -A`; older
// inputs load on demand; reset and restore ask first. A socket keeps the page live: new inputs
// (any door) and object changes are appended to the timeline, the picture follows the cluster
// as it is now, and the checks are redrawn when they change. While the instructor looks at a
// past point the view stays there; a count of new inputs offers the way back to now. Every text
// goes in with textContent only (never HTML), so commands, outputs and names cannot inject markup.
/* global document, fetch, window, location, WebSocket, setTimeout, URLSearchParams */
(function () {
  'use strict';
  const root = document.getElementById('student-view');
  if (!root || !root.dataset.cluster) return;
  const labels = JSON.parse(root.dataset.labels || '{}');
  const fmt = (s, vars) => String(s || '').replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
  const $ = (id) => document.getElementById(id);
  const base = '/api/v1/classrooms/' + encodeURIComponent(root.dataset.classroom) + '/students/' + encodeURIComponent(root.dataset.user);
  const cluster = root.dataset.cluster;
  const when = new Intl.DateTimeFormat(root.dataset.locale || 'es', { timeZone: root.dataset.timeZone || 'UTC', dateStyle: 'short', timeStyle: 'medium' });
  const list = $('is-timeline');
  const scrub = $('is-scrub');
  const scrubValue = $('is-scrub-value');
  const status = $('is-state-status');
  let firstSeq = Number(root.dataset.firstSeq || 0);
  let loading = 0;
  // where the timeline shown ends (the socket sends what comes after it)
  const cursor = { seq: Number(root.dataset.seq || 0), lineage: Number(root.dataset.lineage || 0), rv: Number(root.dataset.rv || 0) };
  // 'now' follows the live cluster; a number is the input whose state is shown
  let viewing = 'now';
  let live = null;
  let newInputs = 0;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  async function api(path, method) {
    const r = await fetch(base + path, { method: method || 'GET', credentials: 'same-origin', headers: { 'X-CSRF-Token': root.dataset.csrf || '', Accept: 'application/json' } });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.message || String(r.status));
    return body;
  }

  function podItems(pods) {
    const ul = el('ul', { class: 'pod-list' });
    for (const p of pods) {
      const li = el('li', { class: 'pod' + (p.system ? ' system' : ''), 'data-phase': p.phase, 'data-pod-name': p.name });
      li.appendChild(el('span', { class: 'pod-name' }, p.name));
      li.appendChild(el('span', { class: 'phase' }, ' ' + p.status));
      li.appendChild(el('span', { class: 'labels' }, ' ' + p.namespace + ' · ' + p.ready));
      ul.appendChild(li);
    }
    return ul;
  }

  function drawState(s, isLive) {
    $('is-state-title').textContent = isLive ? fmt(labels.stateNow, { time: when.format(new Date(s.at)) }) : fmt(labels.stateAt, { seq: s.seq, time: when.format(new Date(s.at)) });
    const pic = $('is-state-picture');
    pic.replaceChildren();
    pic.appendChild(el('h4', {}, labels.nodes));
    const nodes = el('ul', { class: 'picture-nodes' });
    for (const n of s.picture.nodes) {
      const li = el('li', { class: 'node-box' + (n.ready ? '' : ' not-ready'), 'data-node-name': n.name });
      li.appendChild(el('p', { class: 'node-head' }, n.name + ' · ' + n.status + (n.roles ? ' · ' + n.roles : '')));
      li.appendChild(podItems(n.pods.filter((p) => !p.system)));
      nodes.appendChild(li);
    }
    pic.appendChild(nodes);
    if (s.picture.unscheduled.length) {
      pic.appendChild(el('h4', {}, labels.unscheduled));
      pic.appendChild(podItems(s.picture.unscheduled));
    }
    const services = s.picture.services.filter((x) => !x.system);
    if (services.length) {
      pic.appendChild(el('h4', {}, labels.services));
      const ul = el('ul', { class: 'service-list' });
      for (const x of services) ul.appendChild(el('li', {}, x.namespace + '/' + x.name + ' · ' + x.type + ' ' + x.clusterIP + ' ' + x.ports + ' → ' + (x.pods.join(', ') || '-')));
      pic.appendChild(ul);
    }
    $('is-pods').textContent = s.pods;
  }

  function markCurrent(seq) {
    for (const li of list.querySelectorAll('li.is-input')) if (li.dataset.seq === String(seq)) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
  }

  async function show(seq) {
    const mine = ++loading;
    viewing = seq;
    scrub.value = String(seq);
    scrubValue.textContent = String(seq);
    markCurrent(seq);
    drawNew();
    status.textContent = labels.loading;
    try {
      const s = await api('/timeline/' + encodeURIComponent(seq) + '/state?cluster=' + encodeURIComponent(cluster));
      if (mine !== loading) return;
      drawState(s, false);
      status.textContent = '';
    } catch (e) {
      if (mine === loading) status.textContent = fmt(labels.loadError, { message: e.message });
    }
  }

  function entryItem(e) {
    if (e.type === 'transition') {
      const li = el('li', { class: 'is-transition', 'data-seq': e.seq });
      li.appendChild(el('time', { datetime: e.at }, when.format(new Date(e.at))));
      li.appendChild(document.createTextNode(' ' + e.kind + ' ' + e.resource + ' ' + (e.namespace ? e.namespace + '/' : '') + e.name + (e.phase ? ' → ' + e.phase : '')));
      return li;
    }
    const li = el('li', { class: 'is-input', 'data-seq': e.seq });
    li.appendChild(el('button', { type: 'button', class: 'is-seq', 'aria-label': labels.scrub + ' ' + e.seq }, '#' + e.seq));
    li.appendChild(el('span', { class: 'is-door' }, e.door));
    li.appendChild(el('time', { datetime: e.at }, when.format(new Date(e.at))));
    if (e.who) li.appendChild(el('span', { class: 'muted' }, e.who));
    li.appendChild(e.command ? el('code', { class: 'is-cmd' }, e.command) : el('span', { class: 'is-kind' }, e.kind));
    if (e.durationMs) li.appendChild(el('span', { class: 'muted' }, e.durationMs + ' ms'));
    if (e.exitCode !== null && e.exitCode !== undefined) li.appendChild(el('span', { class: 'is-exit' + (e.exitCode ? ' is-exit-bad' : '') }, labels.exitCode + ': ' + e.exitCode));
    if (e.stdout || e.stderr) {
      const d = el('details');
      d.appendChild(el('summary', {}, labels.output));
      if (e.stdout) d.appendChild(el('pre', { class: 'is-out' }, e.stdout));
      if (e.stderr) d.appendChild(el('pre', { class: 'is-err' }, e.stderr));
      li.appendChild(d);
    }
    return li;
  }

  // older inputs, put before the ones shown
  async function more() {
    const after = Math.max(0, firstSeq - 200);
    try {
      const page = await api('/timeline?cluster=' + encodeURIComponent(cluster) + '&after=' + after + '&limit=' + (firstSeq - after));
      const frag = document.createDocumentFragment();
      for (const e of page.entries) if (e.seq <= firstSeq) frag.appendChild(entryItem(e));
      list.insertBefore(frag, list.firstChild);
      firstSeq = after;
      if (firstSeq === 0) $('is-more').hidden = true;
    } catch (e) {
      status.textContent = fmt(labels.loadError, { message: e.message });
    }
  }

  // back to the cluster as it is now, following it again
  async function backToNow() {
    const mine = ++loading;
    viewing = 'now';
    newInputs = 0;
    drawNew();
    scrub.value = scrub.max;
    scrubValue.textContent = scrub.max;
    markCurrent(null);
    if (live) {
      drawState(live, true);
      status.textContent = '';
      return;
    }
    status.textContent = labels.loading;
    try {
      const s = await api('/live?cluster=' + encodeURIComponent(cluster));
      if (mine !== loading) return;
      live = s;
      drawState(s, true);
      status.textContent = '';
    } catch (e) {
      if (mine === loading) status.textContent = fmt(labels.loadError, { message: e.message });
    }
  }

  function drawNew() {
    $('is-new-count').textContent = viewing === 'now' || !newInputs ? '' : newInputs === 1 ? labels.newInput : fmt(labels.newInputs, { n: newInputs });
    $('is-back-now').hidden = viewing === 'now';
  }

  function drawChecks(checks) {
    const box = $('is-checks');
    box.replaceChildren();
    if (!checks.length) {
      box.appendChild(el('p', {}, labels.noChecks));
      return;
    }
    const table = el('table', { class: 'is-checks' });
    const head = el('tr');
    for (const k of ['step', 'result', 'expected', 'found']) head.appendChild(el('th', { scope: 'col' }, labels[k]));
    table.appendChild(el('thead')).appendChild(head);
    const body = table.appendChild(el('tbody'));
    for (const c of checks) {
      c.conditions.forEach((cond, i) => {
        const tr = el('tr', { class: cond.passed ? 'iv-passed' : 'iv-failing' });
        if (i === 0) {
          const th = el('th', { scope: 'row', rowspan: c.conditions.length }, c.lessonTitle + ' · ' + c.stepTitle);
          th.appendChild(el('small', {}, (c.passed ? labels.passed : labels.failing) + ' · ' + c.score));
          tr.appendChild(th);
        }
        tr.appendChild(el('td', {}, cond.passed ? '✓ ' + labels.passed : '✗ ' + labels.failing));
        tr.appendChild(el('td', {}, cond.expected));
        tr.appendChild(el('td', {}, cond.found));
        body.appendChild(tr);
      });
    }
    box.appendChild(table);
  }

  // what the socket pushes: new timeline entries and the cluster now
  function update(u) {
    let inputs = 0;
    const frag = document.createDocumentFragment();
    for (const e of u.entries) {
      if (e.type === 'input') {
        if (list.querySelector('li.is-input[data-seq="' + Number(e.seq) + '"]')) continue;
        inputs++;
      }
      frag.appendChild(entryItem(e));
    }
    if (frag.childNodes.length) {
      const empty = list.querySelector('li.is-empty');
      if (empty) empty.remove();
      list.appendChild(frag);
    }
    Object.assign(cursor, u.cursor);
    live = u.live;
    for (const v of document.querySelectorAll('[data-cluster-version]')) if (v.dataset.clusterVersion === cluster) v.textContent = 'v' + u.version;
    const max = Math.max(Number(scrub.max), u.version);
    scrub.max = String(max);
    if (viewing === 'now') {
      scrub.value = String(max);
      scrubValue.textContent = String(max);
      drawState(live, true);
    } else {
      newInputs += inputs;
      drawNew();
    }
  }

  let retry = 1000;
  function listen() {
    const q = new URLSearchParams({ classroom: root.dataset.classroom, student: root.dataset.user, cluster: cluster, seq: cursor.seq, lineage: cursor.lineage, rv: cursor.rv, lang: root.dataset.locale || 'es' });
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/instructor?' + q.toString());
    ws.addEventListener('message', (ev) => {
      let m;
      try {
        m = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (m.event === 'ready') {
        retry = 1000;
        $('is-live').textContent = labels.liveOn;
      } else if (m.event === 'update') update(m.data);
      else if (m.event === 'checks') drawChecks(m.data.checks);
    });
    ws.addEventListener('close', (ev) => {
      $('is-live').textContent = labels.liveOff;
      if (ev.code >= 4400 && ev.code < 4500) return; // refused: retrying will not help
      setTimeout(listen, retry);
      retry = Math.min(retry * 2, 30000);
    });
  }

  scrub.addEventListener('input', () => { scrubValue.textContent = scrub.value; });
  scrub.addEventListener('change', () => (scrub.value === scrub.max ? backToNow() : show(Number(scrub.value))));
  $('is-back-now').addEventListener('click', backToNow);
  list.addEventListener('click', (ev) => {
    if (ev.target.closest('summary')) return;
    const li = ev.target.closest('li.is-input');
    if (li) show(Number(li.dataset.seq));
  });
  $('is-more').addEventListener('click', more);

  const actionStatus = $('is-action-status');
  async function act(question, path) {
    if (!window.confirm(question)) return;
    try {
      const r = await api(path, 'POST');
      actionStatus.textContent = fmt(labels.done, { version: r.version });
      location.reload();
    } catch (e) {
      actionStatus.textContent = fmt(labels.loadError, { message: e.message });
    }
  }
  $('is-reset-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    act(fmt(labels.confirmReset, { who: root.dataset.who }), '/clusters/' + encodeURIComponent(cluster) + '/reset');
  });
  const restoreForm = $('is-restore-form');
  if (restoreForm) restoreForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const sel = $('is-snapshot');
    if (!sel.value) return;
    const name = sel.options[sel.selectedIndex].textContent;
    act(fmt(labels.confirmRestore, { name: name, who: root.dataset.who }), '/clusters/' + encodeURIComponent(cluster) + '/snapshots/' + encodeURIComponent(sel.value) + '/restore');
  });

  listen();
})();
