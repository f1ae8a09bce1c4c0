// The page's messages for client scripts, from <body data-i18n> (the server's dictionary for
// the reader's language): KubeaulaI18n.t('key', {name: value}). Plain text, for textContent.
/* global document, window */
(function () {
  'use strict';
  var messages = {};
  try { messages = JSON.parse(document.body.getAttribute('data-i18n') || '{}'); } catch { messages = {}; }
  window.KubeaulaI18n = {
    t: function (key, params) {
      var text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
      return text.replace(/\{(\w+)\}/g, function (whole, name) {
        return params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
      });
    },
    lang: document.documentElement.getAttribute('lang') || 'es',
  };
})();
