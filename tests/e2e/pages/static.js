// tests/e2e/pages/static.html: go() loads the widget's loader (a classic script: no module, so it
// also runs where the page itself has none); until then the page is as a reader sees it before
// the loader runs. Every size change of a chart, and every layout shift the engine reports, is
// recorded from the first moment, in window.__moves.
window.__moves = { resized: [], shifts: [] };
window.go = (src) => {
  const s = document.createElement('script');
  s.type = 'module';
  s.src = src || '/pkg/newschart.js';
  document.head.append(s);
};
document.addEventListener('DOMContentLoaded', () => {
  const sizes = new Map();
  if (typeof ResizeObserver === 'function') {
    const ro = new ResizeObserver((entries) => {
      for (const e of entries) {
        const r = e.target.getBoundingClientRect();
        const key = `${Math.round(r.width)}x${Math.round(r.height)}`;
        const was = sizes.get(e.target);
        if (was && was !== key) window.__moves.resized.push(`${e.target.getAttribute('src') || e.target.className}: ${was} -> ${key}`);
        sizes.set(e.target, key);
      }
    });
    for (const el of document.querySelectorAll('news-chart, p.after')) ro.observe(el);
  }
});
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__moves.shifts.push(e.value);
  }).observe({ type: 'layout-shift', buffered: true });
} catch (_) { /* engines without the layout-shift entry: the tests compare boxes instead */ }
