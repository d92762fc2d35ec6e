// The static first paint (issue 19): each chart of the demo article carries a static rendering of
// itself (`newschart render --static`, www/static/), shown from HTML and CSS alone before the
// widget runs and without JavaScript; the live chart replaces it when it has drawn its first
// frame, in the same place and with the same pixels (but for antialiasing), with no layout shift.
// Firefox and WebKit: tests/cross/static.test.mjs.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, launch, startServer, watch } from './helpers.mjs';
import { decodePng } from '../cross/png.mjs';
import { compareShots } from '../common/pixels.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const CHARTS = ['/feeds/employment.json', '/feeds/toilets.json', '/feeds/hamlets.json'];
const sel = (src) => `news-chart[src="${src}"]`;
/**
 * At most this share of a chart's pixels may differ between the static image and the live chart,
 * after forgiving antialiasing and sub-pixel text placement (tests/common/pixels.mjs: tolerance
 * 48 of 255 per channel, one pixel of radius). What is left is where the two rasterisers place a
 * glyph a whole pixel apart (canvas and SVG text baselines differ by up to a pixel). A layout
 * change (a shifted axis, a wrapped title, a moved plot) differs in several percent of the pixels.
 */
const MAX_SHARE = 0.005;

/** Every chart's box and the last paragraph's, in page coordinates. */
const boxes = () => [...document.querySelectorAll('news-chart, p.after')].map((e) => {
  const r = e.getBoundingClientRect();
  return [Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)];
});

/** Waits until the static images have loaded and the fonts are in. */
const imagesIn = () => Promise.all([document.fonts.ready, ...[...document.images].map((i) => (i.complete ? 0 : new Promise((ok) => { i.onload = ok; i.onerror = ok; })))])
  .then(() => [...document.querySelectorAll('news-chart img')].every((i) => i.naturalWidth > 0));

for (const [label, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1000, height: 900 }]]) {
  test(`${label}: the static image is replaced by the live chart with the same pixels and no layout shift`, async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    const log = watch(page);
    await page.goto(`${server.url}e2e/static.html`);
    assert.ok(await page.evaluate(imagesIn), 'every static image loaded');
    const boxesBefore = await page.evaluate(boxes);
    const shots = {};
    for (const src of CHARTS) shots[src] = [await page.locator(sel(src)).screenshot()];
    // the live charts, and a note of whether each static image was gone when its chart said ready
    await page.evaluate(() => {
      window.__readyWithStatic = [];
      document.addEventListener('newschart:ready', (e) => window.__readyWithStatic.push(!!e.target.shadowRoot.querySelector('.nc-static')));
      window.go();
    });
    for (const src of CHARTS) {
      await page.locator(sel(src)).scrollIntoViewIfNeeded();
      await page.waitForFunction((s) => {
        const el = document.querySelector(s);
        return el.getAttribute('data-state') === 'ready' && !el.shadowRoot.querySelector('.nc-static');
      }, sel(src), { timeout: 20000 });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const boxesAfter = await page.evaluate(boxes);
    if (process.env.DBG) console.log(JSON.stringify([boxesBefore, boxesAfter])); else assert.deepEqual(boxesAfter, boxesBefore, 'no chart, and nothing after them, moved or changed size');
    const moves = await page.evaluate(() => window.__moves);
    if (process.env.DBG) console.log(JSON.stringify(moves)); else assert.deepEqual(moves.resized, [], 'no size change at any moment');
    const cls = moves.shifts.reduce((a, b) => a + b, 0);
    if (!process.env.DBG) assert.equal(cls, 0, `layout shift ${cls}`);
    assert.deepEqual(await page.evaluate(() => window.__readyWithStatic), [false, false, false], 'no static image left once a chart is ready');
    const report = [];
    for (const src of CHARTS) {
      shots[src].push(await page.locator(sel(src)).screenshot());
      const name = src.replace(/^\/feeds\/|\.json$/g, '');
      writeFileSync(join(ARTIFACTS, `static-${label}-${name}-before.png`), shots[src][0]);
      writeFileSync(join(ARTIFACTS, `static-${label}-${name}-after.png`), shots[src][1]);
      const d = compareShots(decodePng(shots[src][0]), decodePng(shots[src][1]));
      report.push(`${name} ${(d.share * 100).toFixed(3)}% (${d.different} of ${d.total}, in ${JSON.stringify(d.box)})`);
      if (!process.env.DBG) assert.ok(d.share <= MAX_SHARE, `${label} ${name}: ${(d.share * 100).toFixed(3)}% of the pixels differ beyond antialiasing (${d.different} in ${JSON.stringify(d.box)})`);
    }
    console.log(`# ${label} static vs live: ${report.join('; ')}; layout shift ${cls}`);
    assert.deepEqual(log.errors, []);
    await page.close();
  });
}
