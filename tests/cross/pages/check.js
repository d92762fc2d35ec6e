// See check.html. Plain ES5-level script so that it runs in any engine under test.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var target = new URL(params.get('page') || '/', location.href);
  var strip = (params.get('strip') || '').split(',').filter(Boolean);
  var check = window.__ncCheck = { state: 'loading', target: target.href, strip: strip, error: null };

  // Runs inside the checked page, before anything else there.
  function recorder(strip) {
    var log = window.__ncLog = { errors: [], rejections: [], console: [], stripped: [] };
    window.addEventListener('error', function (e) {
      var t = e.target;
      if (t && t !== window && (t.src || t.href)) log.errors.push('failed to load ' + (t.src || t.href));
      else log.errors.push(String(e.message || e.error || 'error') + (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
    }, true);
    window.addEventListener('unhandledrejection', function (e) {
      var r = e.reason;
      log.rejections.push(String(r && (r.stack || r.message) || r));
    });
    ['error', 'warn'].forEach(function (level) {
      var orig = console[level];
      console[level] = function () {
        log.console.push({ level: level, text: Array.prototype.map.call(arguments, String).join(' ') });
        return orig.apply(this, arguments);
      };
    });
    var removers = {
      adoptedStyleSheets: function () {
        delete ShadowRoot.prototype.adoptedStyleSheets;
        delete Document.prototype.adoptedStyleSheets;
        return !('adoptedStyleSheets' in document);
      },
      ResizeObserver: function () { delete window.ResizeObserver; return typeof ResizeObserver === 'undefined'; },
      IntersectionObserver: function () { delete window.IntersectionObserver; return typeof IntersectionObserver === 'undefined'; },
      WebAssembly: function () { delete window.WebAssembly; return typeof WebAssembly === 'undefined'; },
      PointerEvent: function () { delete window.PointerEvent; return typeof PointerEvent === 'undefined'; },
    };
    strip.forEach(function (name) {
      var ok = false;
      try { ok = removers[name](); } catch (e) { /* reported below */ }
      log.stripped.push(name + (ok ? '' : ' (could not remove)'));
    });
  }

  function escapeAttr(s) { return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;'); }

  fetch(target.href, { cache: 'no-store' }).then(function (r) {
    if (!r.ok) throw new Error('GET ' + target.href + ': ' + r.status);
    return r.text();
  }).then(function (html) {
    if (params.get('nomodule') === '1') html = html.replace(/<script\b[^>]*type=["']?module["']?[^>]*>[\s\S]*?<\/script>/gi, '');
    var inject = '<base href="' + escapeAttr(target.href) + '">' +
      '<script>(' + recorder.toString() + ')(' + JSON.stringify(strip) + ');<\/script>';
    var m = /<head\b[^>]*>/i.exec(html);
    html = m ? html.slice(0, m.index + m[0].length) + inject + html.slice(m.index + m[0].length) : inject + html;
    var frame = document.createElement('iframe');
    frame.title = 'checked page';
    frame.srcdoc = html;
    document.body.appendChild(frame);
    check.state = 'framed';
  }).catch(function (e) {
    check.state = 'failed';
    check.error = String(e && e.message || e);
  });
})();
