// Light or dark: the system's preference unless the reader chose with the header's toggle
// (remembered in localStorage). Loaded in <head> without defer, so the page is painted in the
// right colours from the start; the toggle is wired once the document is there.
/* global document, window, localStorage */
(function () {
  'use strict';
  var KEY = 'kubeaula-theme';
  var root = document.documentElement;
  function stored() {
    try { return localStorage.getItem(KEY); } catch { return null; }
  }
  function systemDark() {
    return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  }
  function current() {
    var s = stored();
    return s === 'dark' || s === 'light' ? s : (systemDark() ? 'dark' : 'light');
  }
  function apply(theme) {
    root.setAttribute('data-theme', theme);
    var button = document.getElementById('theme-toggle');
    if (button) button.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
  }
  apply(current());
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('theme-toggle');
    if (!button) return;
    button.hidden = false;
    apply(current());
    button.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      try { localStorage.setItem(KEY, next); } catch { /* private mode: this page only */ }
      apply(next);
    });
  });
})();
