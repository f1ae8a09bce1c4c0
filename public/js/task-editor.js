// The custom-task editor: "Try it on my cluster" without leaving the page. The form works without
// this script (the button posts the whole form and the page comes back with the result); with
// it, the checks as typed go to the JSON route and the result (or the checks' problems, with
// their lines) is drawn in place, so an instructor can build the state in the terminal and press
// again. Every text goes in with textContent only, never as HTML.
/* global document, fetch */
(function () {
  'use strict';
  const root = document.getElementById('task-editor');
  const form = document.getElementById('task-form');
  if (!root || !form || !root.dataset.tryApi) return;
  const labels = JSON.parse(root.dataset.labels || '{}');
  const fmt = (s, vars) => String(s || '').replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const checks = $('task-checks');
  const errorList = $('checks-errors');
  const result = $('trial-result');
  const button = $('try-task');

  function showErrors(lines) {
    errorList.replaceChildren(...lines.map((t) => el('li', {}, t)));
    errorList.hidden = lines.length === 0;
    if (lines.length) checks.setAttribute('aria-invalid', 'true');
    else checks.removeAttribute('aria-invalid');
    checks.setAttribute('aria-describedby', lines.length ? 'checks-help checks-errors' : 'checks-help');
  }

  function showResult(r) {
    const passed = !!r.passed;
    const verdict = el('p', { class: 'verdict ' + (passed ? 'passed' : 'failed'), 'data-passed': String(passed), 'data-testid': 'trial-verdict' });
    verdict.append(el('span', { 'aria-hidden': 'true' }, passed ? '✓' : '✕'), ' ' + (passed ? labels.passed : labels.failed) + ' · ' + fmt(labels.score, { score: Math.round(r.score * 100) }));
    const list = el('ul', { class: 'conditions' });
    for (const c of r.conditions) {
      const li = el('li', { class: c.passed ? 'passed' : 'failed', 'data-passed': String(c.passed), 'data-testid': 'trial-condition' });
      li.append(el('span', { 'aria-hidden': 'true' }, c.passed ? '✓' : '✕'), ' ', el('strong', {}, (c.index + 1) + '. ' + (c.id || c.type) + ' · ' + (c.passed ? labels.conditionPassed : labels.conditionFailed) + ':'), ' ' + labels.expected + ': ' + c.expected + '; ' + labels.found + ': ' + c.found);
      list.append(li);
    }
    const parts = [el('h3', {}, fmt(labels.tryResult, { version: r.clusterVersion })), verdict, list];
    if (r.hint) {
      const hint = el('p', { class: 'hint', 'data-testid': 'trial-hint' });
      hint.append(el('strong', {}, labels.hint + ':'), ' ' + r.hint);
      parts.push(hint);
    }
    result.replaceChildren(...parts);
    // the trial made the instructor's cluster if there was none: link its terminal
    const create = $('create-cluster');
    if (create && r.clusterId) {
      const p = el('p');
      p.append(el('a', { href: '/clusters/' + encodeURIComponent(r.clusterId), id: 'open-terminal', 'data-testid': 'open-terminal' }, labels.openTerminal));
      create.replaceWith(p);
    }
  }

  form.addEventListener('submit', async (ev) => {
    if (!ev.submitter || ev.submitter !== button) return;
    ev.preventDefault();
    button.disabled = true;
    result.replaceChildren(el('p', { class: 'muted' }, labels.trying));
    try {
      const res = await fetch(root.dataset.tryApi, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': root.dataset.csrf || '' },
        body: JSON.stringify({ source: checks.value, lang: root.dataset.locale === 'en' ? 'en' : 'es' }),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        showErrors([]);
        showResult(body);
      } else if (res.status === 400 && Array.isArray(body.details)) {
        result.replaceChildren();
        showErrors(body.details.map((d) => d.message + ' (' + d.path + ')'));
        checks.focus();
      } else {
        result.replaceChildren(el('p', { class: 'error', role: 'alert' }, fmt(labels.tryError, { message: body.message || res.status })));
      }
    } catch (e) {
      result.replaceChildren(el('p', { class: 'error', role: 'alert' }, fmt(labels.tryError, { message: e.message })));
    } finally {
      button.disabled = false;
    }
  });
})();
