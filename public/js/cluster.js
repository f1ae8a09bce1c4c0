// The cluster page: the terminal (terminal.js) and the table of the cluster's objects, kept
// live from the WebSocket's change events.
/* global document, window, fetch */
(function () {
  'use strict';
  var root = document.getElementById('cluster');
  if (!root || !window.KubeaulaTerminal) return;
  var clusterId = root.getAttribute('data-cluster-id');

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

  window.KubeaulaTerminal.open({
    clusterId: clusterId,
    readOnly: root.getAttribute('data-read-only') === 'true',
    onReady: function (d) {
      objects.clear();
      d.objects.forEach(function (o) { objects.set(key(o), o); });
      renderObjects();
    },
    onChanges: function (d) {
      if (d.replaced) return relist();
      d.changes.forEach(function (c) {
        if (c.resource === 'events') return;
        if (c.type === 'DELETED') objects.delete(key(c)); else objects.set(key(c), c);
      });
      renderObjects();
    },
  });
})();
