// Canvas read-back that runs inside the page, shared by the Playwright tests
// (page.evaluate) and the cross-engine WebDriver tests (sent as source): the
// pixel at every bar's centre and how much of the canvas is painted.
// Self-contained on purpose: it is serialised and run in the browser.

/** Reads back the canvas of the chart matched by `selector`. */
export function readBackInPage(selector) {
  const el = document.querySelector(selector);
  const c = el.shadowRoot.querySelector('canvas');
  const ctx = c.getContext('2d');
  const dpr = c.width / c.getBoundingClientRect().width;
  const full = ctx.getImageData(0, 0, c.width, c.height).data;
  let painted = 0;
  for (let k = 3; k < full.length; k += 4) if (full[k] > 0) painted++;
  const bars = el.points().map((p) => {
    const x = Math.floor((p.bar.x + p.bar.w / 2) * dpr);
    const y = Math.floor((p.bar.y + p.bar.h / 2) * dpr);
    return Array.from(ctx.getImageData(x, y, 1, 1).data);
  });
  return { painted, total: full.length / 4, bars, dpr, width: c.width, height: c.height };
}
