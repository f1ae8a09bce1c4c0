// The live picture of the cluster on the lesson page: nodes as boxes with their pods inside
// (phase by colour, by icon and in words), pods without a node, and services with the pods they
// select (links to the pod boxes). The server renders it first (views/partials/picture.hbs);
// this redraws it from /clusters/ID/picture whenever the WebSocket reports a change to pods,
// nodes or services, from any door or from simulated time. Text goes in with textContent only.
/* global document, window, fetch, localStorage, setTimeout, clearTimeout */
(function () {
  'use strict';
  var T = function (key, params) { return window.KubeaulaI18n ? window.KubeaulaI18n.t(key, params) : key; };
  var ICONS = { Running: '▶', Pending: '…', Succeeded: '✓', Failed: '✕', Unknown: '?' };
  var WATCHED = { pods: true, nodes: true, services: true };
  var SYSTEM_KEY = 'kubeaula-show-system';
  var root = document.getElementById('lesson-cluster');
  var picture = document.getElementById('picture');
  var body = document.getElementById('picture-body');
  if (!root || !picture || !body) return;
  var clusterId = root.getAttribute('data-cluster-id');

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, String(attrs[k])); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function hidden(text) { return el('span', { 'aria-hidden': 'true' }, [text]); }

  function podList(pods) {
    var ul = el('ul', { class: 'pod-list' });
    if (!pods.length) ul.appendChild(el('li', { class: 'muted' }, [T('noPods')]));
    pods.forEach(function (p) {
      var details = p.namespace + ' · ' + p.ready + (p.restarts ? ' · ' + T('restarts', { n: p.restarts }) : '') +
        p.labels.map(function (l) { return ' · ' + l.key + '=' + l.value; }).join('');
      ul.appendChild(el('li', {
        class: 'pod' + (p.system ? ' system' : ''), id: 'pod:' + p.key, 'data-pod-name': p.name, 'data-namespace': p.namespace,
        'data-phase': p.phase, 'data-status': p.status, 'data-testid': 'pod',
      }, [
        el('span', { class: 'pod-name' }, [p.name]),
        el('span', { class: 'phase' }, [hidden(ICONS[p.phase] || '?'), ' ' + p.status]),
        el('span', { class: 'labels' }, [details]),
      ]));
    });
    return ul;
  }

  function render(p) {
    var parts = [el('h3', { class: 'picture-sub' }, [T('nodesTitle')])];
    if (p.nodes.length) {
      var nodes = el('ul', { class: 'picture-nodes', id: 'picture-nodes' });
      p.nodes.forEach(function (n) {
        nodes.appendChild(el('li', { class: 'node-box' + (n.ready ? '' : ' not-ready'), 'data-node-name': n.name, 'data-status': n.status, 'data-testid': 'node' }, [
          el('p', { class: 'node-head' }, [
            el('strong', {}, [n.name]), ' ',
            el('span', { class: 'node-status' }, [hidden(n.ready ? '✓' : '✕'), ' ' + n.status]), ' ',
            el('span', { class: 'muted' }, [n.roles]),
          ]),
          podList(n.pods),
        ]));
      });
      parts.push(nodes);
    } else {
      parts.push(el('p', {}, [T('noNodes')]));
    }
    if (p.unscheduled.length) {
      parts.push(el('h3', { class: 'picture-sub' }, [T('unscheduled')]));
      parts.push(podList(p.unscheduled));
    }
    parts.push(el('h3', { class: 'picture-sub' }, [T('servicesTitle')]));
    var services = el('ul', { class: 'service-list', id: 'picture-services' });
    p.services.forEach(function (s) {
      var items = [el('strong', {}, [s.name]), ' ', el('span', { class: 'muted' }, [s.namespace + ' · ' + s.type + ' ' + s.clusterIP + ' ' + s.ports]), el('br')];
      if (s.selector.length) {
        items.push(el('code', {}, [s.selector.map(function (l) { return l.key + '=' + l.value; }).join(',')]));
        items.push(' → ');
        if (s.pods.length) {
          items.push(el('span', { class: 'visually-hidden' }, [T('selects')]));
          items.push(el('ul', {}, s.pods.map(function (key) {
            return el('li', {}, [el('a', { href: '#pod:' + key, 'data-pod-key': key }, [key])]);
          })));
        } else {
          items.push(el('span', { class: 'muted' }, [T('noMatch')]));
        }
      } else {
        items.push(el('span', { class: 'muted' }, [T('noSelector')]));
      }
      services.appendChild(el('li', { class: 'service' + (s.system ? ' system' : ''), 'data-service-name': s.name, 'data-namespace': s.namespace, 'data-testid': 'service' }, items));
    });
    parts.push(services);
    if (!p.ownServices) parts.push(el('p', { class: 'muted no-own-services' }, [T('noServices')]));
    body.replaceChildren.apply(body, parts);
    picture.setAttribute('data-version', String(p.version));
  }

  var timer = null;
  var inflight = false;
  var again = false;
  function load() {
    if (inflight) { again = true; return; }
    inflight = true;
    fetch('/clusters/' + encodeURIComponent(clusterId) + '/picture', { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) { if (p) render(p); })
      .catch(function () { /* the next change tries again */ })
      .then(function () {
        inflight = false;
        if (again) { again = false; load(); }
      });
  }
  /** Redraws soon (changes come in bursts: one redraw for a burst). */
  function refresh() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () { timer = null; load(); }, 120);
  }

  // system pods (kube-system, the network add-on) are hidden unless asked for
  var systemBox = document.getElementById('picture-system');
  function showSystem(on) {
    picture.classList.toggle('show-system', on);
    if (systemBox) systemBox.checked = on;
    try { localStorage.setItem(SYSTEM_KEY, on ? '1' : '0'); } catch { /* ignore */ }
  }
  var stored = null;
  try { stored = localStorage.getItem(SYSTEM_KEY); } catch { stored = null; }
  showSystem(stored === '1');
  if (systemBox) systemBox.addEventListener('change', function () { showSystem(systemBox.checked); });

  // a service's pod links light up the pod's box
  function highlight(e, on) {
    var a = e.target.closest && e.target.closest('a[data-pod-key]');
    if (!a) return;
    var pod = document.getElementById('pod:' + a.getAttribute('data-pod-key'));
    if (pod) pod.classList.toggle('highlight', on);
  }
  body.addEventListener('mouseover', function (e) { highlight(e, true); });
  body.addEventListener('mouseout', function (e) { highlight(e, false); });
  body.addEventListener('focusin', function (e) { highlight(e, true); });
  body.addEventListener('focusout', function (e) { highlight(e, false); });

  window.KubeaulaPicture = {
    refresh: refresh,
    onChanges: function (d) {
      if (d.replaced || (d.changes || []).some(function (c) { return WATCHED[c.resource]; })) refresh();
    },
  };
})();
