// The workspace file editor of the lesson page: the files of the student's home on master,
// opened, saved and deleted through the REST API (/api/v1/clusters/ID/files) with the page's
// CSRF token. Contents go in and out through the textarea's value, never as HTML.
/* global document, window, fetch, location, history, URL */
(function () {
  'use strict';
  var T = function (key, params) { return window.KubeaulaI18n ? window.KubeaulaI18n.t(key, params) : key; };
  var root = document.getElementById('lesson-cluster');
  var lesson = document.getElementById('lesson');
  var form = document.getElementById('editor-form');
  if (!root || !lesson || !form) return;
  var clusterId = root.getAttribute('data-cluster-id');
  var csrf = lesson.getAttribute('data-csrf');
  var list = document.getElementById('file-list');
  var pathInput = document.getElementById('editor-path');
  var content = document.getElementById('editor-content');
  var status = document.getElementById('editor-status');
  var base = '/api/v1/clusters/' + encodeURIComponent(clusterId) + '/files';

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : 'muted';
  }
  function call(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: body ? { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf } : { 'X-CSRF-Token': csrf },
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (r) {
      if (r.status === 204) return null;
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j && j.message ? j.message + (j.details ? ': ' + j.details.map(function (d) { return d.message; }).join('; ') : '') : String(r.status));
        return j;
      });
    });
  }

  function renderList(files) {
    list.textContent = '';
    if (!files.length) {
      var none = document.createElement('li');
      none.className = 'muted';
      none.textContent = T('noFiles');
      list.appendChild(none);
    }
    files.forEach(function (f) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '?file=' + encodeURIComponent(f.path) + '#editor';
      a.setAttribute('data-path', f.path);
      a.setAttribute('data-testid', 'file');
      a.textContent = f.path;
      li.appendChild(a);
      list.appendChild(li);
    });
  }
  function refreshList() {
    return call('GET', base).then(renderList).catch(function () { /* keep the list shown */ });
  }
  function open(path) {
    say(T('loading'));
    call('GET', base + '?path=' + encodeURIComponent(path)).then(function (f) {
      pathInput.value = f.path;
      content.value = f.content;
      say('');
      content.focus();
      if (history.replaceState) {
        var url = new URL(location.href);
        url.searchParams.set('file', f.path);
        history.replaceState(null, '', url.pathname + url.search + '#editor');
      }
    }).catch(function (e) { say(T('error', { message: e.message }), true); });
  }

  list.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-path]');
    if (!a) return;
    e.preventDefault();
    open(a.getAttribute('data-path'));
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var path = pathInput.value.trim();
    call('PUT', base, { path: path, content: content.value })
      .then(function () { say(T('saved', { path: path })); return refreshList(); })
      .catch(function (err) { say(T('error', { message: err.message }), true); });
  });
  document.getElementById('editor-delete').addEventListener('click', function () {
    var path = pathInput.value.trim();
    if (!path || !window.confirm(T('deleteConfirm', { path: path }))) return;
    call('DELETE', base + '?path=' + encodeURIComponent(path))
      .then(function () { content.value = ''; pathInput.value = ''; say(T('deleted', { path: path })); return refreshList(); })
      .catch(function (err) { say(T('error', { message: err.message }), true); });
  });
  document.getElementById('editor-new').addEventListener('click', function () {
    pathInput.value = '';
    content.value = '';
    say('');
    pathInput.focus();
  });

  window.KubeaulaEditor = { refreshList: refreshList };
})();
