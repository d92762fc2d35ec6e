// What a reader sees, watched from the page's first script on (the bench's server inlines this file
// at the top of every bench page, so it costs no request and runs before any library):
// window.__vis.visible is the first animation frame in which a chart shows on screen, whatever drew
// it: a drawn <canvas>, a loaded <img> or an inline <svg> (a static rendering of the chart counts as
// much as the live one), in the light DOM or an open shadow root; window.__vis.interactive the first
// frame whose first chart shows a tooltip (the runner taps it until one shows; the harness says
// where to tap and how to read its tooltip, window.__tapPoint and window.__tip). Both are
// performance.now(): ms from navigation start. Nothing here knows a library.

(() => {
  const V = (window.__vis = { visible: null, interactive: null, by: null });
  const MIN_W = 100; // smaller boxes are icons (a toolbar's), not a chart
  const MIN_H = 40;
  const probe = document.createElement('canvas');
  probe.width = 48;
  probe.height = 24;
  const pctx = probe.getContext('2d', { willReadFrequently: true });
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < MIN_W || r.height < MIN_H || r.bottom <= 0 || r.top >= innerHeight) return false;
    return el.checkVisibility ? el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : true;
  };
  /** A canvas with anything drawn on it: scaled down onto a small probe, any pixel not transparent. */
  const inked = (c) => {
    if (!c.width || !c.height) return false;
    pctx.clearRect(0, 0, 48, 24);
    try { pctx.drawImage(c, 0, 0, 48, 24); } catch { return false; }
    const d = pctx.getImageData(0, 0, 48, 24).data;
    for (let i = 3; i < d.length; i += 4) if (d[i]) return true;
    return false;
  };
  const drawn = (el) => {
    const tag = el.localName;
    if (tag === 'img') return el.complete && el.naturalWidth > 0 && shown(el);
    if (tag === 'svg') return !!el.querySelector('path,rect,text,line,polyline,circle') && shown(el);
    return shown(el) && inked(el);
  };
  /** Every canvas, img and svg in the document and in open shadow roots. */
  const candidates = (root, out) => {
    for (const el of root.querySelectorAll('canvas,img,svg,*')) {
      if (el.shadowRoot) candidates(el.shadowRoot, out);
      else if (el.localName === 'canvas' || el.localName === 'img' || el.localName === 'svg') out.push(el);
    }
    return out;
  };
  const tick = () => {
    if (V.visible == null && document.body) {
      const hit = candidates(document.body, []).find(drawn);
      if (hit) { V.visible = performance.now(); V.by = hit.localName; }
    }
    if (V.interactive == null && window.__tip?.()) V.interactive = performance.now();
    if (V.visible == null || V.interactive == null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // where to tap before the harness has loaded: the middle of the page's first chart box
  window.__tapPoint = () => {
    const el = document.querySelector('#root > *');
    const r = el && el.getBoundingClientRect();
    return r && r.width ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  };
})();
