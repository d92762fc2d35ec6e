// newschart iframe resizer: a newsroom adds this once to its site template,
//
//   <script src="https://…/embed-resize.js" defer></script>
//
// and every chart embedded as an iframe of embed.html,
//
//   <iframe data-newschart src="https://…/embed.html?src=…" width="100%" height="356" …></iframe>
//
// takes the height of its chart (so it never shows a scrollbar), and re-fires the chart's
// newschart:ready, newschart:error and newschart:interact events on the <iframe> element (they
// bubble) for the site's own analytics.
//
// A message is believed only when it comes from the window of an <iframe data-newschart> (or
// <iframe class="news-chart">) on this page AND from the origin of that iframe's src: a frame
// that navigated elsewhere, another frame or the page itself cannot resize anything. Heights are
// kept between MIN and MAX CSS px. A classic script, no module needed; loading it twice is harmless.
(function () {
  'use strict';
  var w = /** @type {Window & { __newschartResize?: boolean }} */ (window);
  if (w.__newschartResize) return;
  w.__newschartResize = true;
  var MIN = 50;
  var MAX = 10000;
  var EVENTS = { 'newschart:ready': 1, 'newschart:error': 1, 'newschart:interact': 1 };

  function frameOf(e) {
    var frames = /** @type {NodeListOf<HTMLIFrameElement>} */ (document.querySelectorAll('iframe[data-newschart], iframe.news-chart'));
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (!e.source || f.contentWindow !== e.source) continue;
      var origin;
      try { origin = new URL(f.src, location.href).origin; } catch (_) { return null; }
      return origin === e.origin ? f : null;
    }
    return null;
  }

  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || (d.type !== 'newschart:height' && d.type !== 'newschart:event')) return;
    var frame = frameOf(e);
    if (!frame) return;
    if (d.type === 'newschart:height') {
      var h = Number(d.height);
      if (!isFinite(h)) return;
      frame.style.height = Math.round(Math.min(MAX, Math.max(MIN, h))) + 'px'; // CSSOM: fine under a strict CSP
    } else if (EVENTS[d.event] === 1 && typeof CustomEvent === 'function') {
      frame.dispatchEvent(new CustomEvent(d.event, { bubbles: true, detail: d.detail }));
    }
  });
})();
