// The student-in-depth page: the scrubber (range input and the timeline list) loads the cluster
// as it was right after the chosen input and draws its picture and `kubectl get pods -A`; older
// inputs load on demand; reset and restore ask first. Every text goes in with textContent only
// (never HTML), so commands, outputs and names cannot inject markup.
/* global document, fetch, window, location */
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

  function drawState(s) {
    $('is-state-title').textContent = fmt(labels.stateAt, { seq: s.seq, time: when.format(new Date(s.at)) });
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

  async function show(seq) {
    const mine = ++loading;
    scrub.value = String(seq);
    scrubValue.textContent = String(seq);
    for (const li of list.querySelectorAll('li.is-input')) if (li.dataset.seq === String(seq)) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    status.textContent = labels.loading;
    try {
      const s = await api('/timeline/' + encodeURIComponent(seq) + '/state?cluster=' + encodeURIComponent(cluster));
      if (mine !== loading) return;
      drawState(s);
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

  scrub.addEventListener('input', () => { scrubValue.textContent = scrub.value; });
  scrub.addEventListener('change', () => show(Number(scrub.value)));
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

  show(Number(scrub.max));
})();
