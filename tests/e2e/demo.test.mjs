// End-to-end tests of the demo article (www/index.html) in headless Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, REPO, launch, pointCenter, readBack, settled, startServer, watch } from './helpers.mjs';
import { said, tooltip } from './expect.mjs';

const CHARTS = ['feeds/employment.json', 'feeds/toilets.json', 'feeds/hamlets.json'];
const sel = (src) => `news-chart[src="${src}"]`;
const feed = (src) => JSON.parse(readFileSync(join(REPO, 'www', src), 'utf8')).datasets[0];

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function openDemo(context = browser.context) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(server.url, { waitUntil: 'load' });
  await settled(page, 3);
  return { page, log };
}

test('the demo article loads with no console errors or warnings', async () => {
  const { page, log } = await openDemo();
  const states = await page.$$eval('news-chart', (els) => els.map((e) => e.getAttribute('data-state')));
  assert.deepEqual(states, ['ready', 'ready', 'ready']);
  const noisy = log.console.filter((m) => m.type === 'error' || m.type === 'warning');
  assert.deepEqual(noisy, [], 'console errors or warnings');
  assert.deepEqual(log.errors, [], 'uncaught exceptions');
  assert.deepEqual(log.failed, [], 'failed requests');
  // the article is there, in reading order, with the charts inside it
  const h1 = await page.textContent('h1');
  assert.match(h1, /追风赶月谋振兴/);
  const order = await page.$$eval('article h2, article news-chart', (els) => els.map((e) => e.tagName === 'H2' ? e.textContent.trim().slice(0, 1) : e.getAttribute('src')));
  assert.deepEqual(order.filter((x) => /^\d$/.test(x)), ['1', '2', '3', '4']);
  assert.ok(order.indexOf('feeds/employment.json') > order.indexOf('2') && order.indexOf('feeds/employment.json') < order.indexOf('3'));
  assert.ok(order.indexOf('feeds/hamlets.json') > order.indexOf('3') && order.indexOf('feeds/hamlets.json') < order.indexOf('4'));
  await page.screenshot({ path: join(ARTIFACTS, 'demo-desktop-full.png'), fullPage: true });
  await page.close();
});

test('all three charts are drawn: bars painted in their plot areas', async () => {
  const { page } = await openDemo();
  for (const src of CHARTS) {
    const rb = await readBack(page, sel(src));
    const ds = feed(src);
    assert.equal(rb.bars.length, ds.series[0].values.filter((v) => v !== null).length, `${src}: one bar per value`);
    for (const px of rb.bars) assert.deepEqual(px, [0x00, 0x72, 0xb2, 255], `${src}: bar centre is the series colour`);
    assert.ok(rb.painted > rb.total * 0.02, `${src}: only ${rb.painted} of ${rb.total} pixels painted`);
    await page.locator(sel(src)).screenshot({ path: join(ARTIFACTS, `chart-${src.replace(/\W+/g, '-')}.png`) });
  }
  // title, source and notes are real text from the feed, not pixels
  const texts = await page.$eval(sel('feeds/hamlets.json'), (el) => ({
    title: el.shadowRoot.querySelector('.nc-title').textContent,
    illustrative: el.shadowRoot.querySelector('.nc-illustrative').hidden ? '' : el.shadowRoot.querySelector('.nc-illustrative').textContent,
    notes: el.shadowRoot.querySelector('.nc-notes').textContent,
    source: el.shadowRoot.querySelector('.nc-source').textContent,
  }));
  const ds = feed('feeds/hamlets.json');
  assert.equal(texts.title, ds.title);
  assert.match(texts.illustrative, /示例数据/);
  assert.equal(texts.notes, ds.notes.join(''));
  assert.equal(texts.source, `来源：${ds.source.text}`);
  await page.close();
});

test('hovering a bar shows a tooltip with the feed value in Chinese units', async () => {
  const { page } = await openDemo();
  // the expected lines are made from the feed (expect.mjs); the README's own example first
  assert.deepEqual(tooltip(feed('feeds/employment.json'), 0, 0), ['已就业脱贫户', '7.25万人', '完成年度任务的107.07%']);
  for (const [src, i] of [['feeds/employment.json', 0], ['feeds/toilets.json', 1], ['feeds/toilets.json', 0], ['feeds/hamlets.json', 0], ['feeds/hamlets.json', 8]]) {
    const lines = tooltip(feed(src), 0, i);
    await page.locator(sel(src)).scrollIntoViewIfNeeded();
    const { x, y } = await pointCenter(page, sel(src), i);
    await page.mouse.move(x, y);
    const tip = page.locator(`${sel(src)} .nc-tooltip`);
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    const shown = await tip.evaluate((t) => [...t.children].map((c) => c.textContent));
    assert.deepEqual(shown, lines, `${src}: tooltip lines`);
    await page.mouse.move(1, 1);
    await tip.waitFor({ state: 'hidden', timeout: 2000 });
  }
  await page.locator(sel('feeds/hamlets.json')).screenshot({ path: join(ARTIFACTS, 'tooltip-hover.png') });
  await page.close();
});

test('a tap pins the tooltip on a touch screen, and a tap elsewhere dismisses it', async () => {
  const phone = await launch({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  try {
    const { page, log } = await openDemo(phone.context);
    assert.deepEqual(await page.evaluate(() => [innerWidth, devicePixelRatio, navigator.maxTouchPoints > 0, matchMedia('(pointer: coarse)').matches]),
      [375, 3, true, true], 'a 375 px wide phone screen at devicePixelRatio 3 with touch');
    // every chart fits the phone's width and is drawn sharp, at 3 device pixels per CSS pixel
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
    for (const chart of CHARTS) {
      const box = await page.locator(sel(chart)).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 375, `${chart}: inside the screen (${box.x} + ${box.width})`);
      const drawn = await readBack(page, sel(chart));
      assert.equal(drawn.dpr, 3, `${chart}: backing store at devicePixelRatio 3`);
      for (const px of drawn.bars) assert.deepEqual(px, [0x00, 0x72, 0xb2, 255], `${chart}: bar centre is the series colour`);
    }
    const src = sel('feeds/hamlets.json');
    await page.locator(src).scrollIntoViewIfNeeded();
    const rb = await readBack(page, src);
    assert.equal(rb.dpr, 3, 'the backing store is drawn at devicePixelRatio 3');
    const { x, y } = await pointCenter(page, src, 2);
    await page.touchscreen.tap(x, y);
    const tip = page.locator(`${src} .nc-tooltip`);
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    assert.equal(await tip.textContent(), tooltip(feed('feeds/hamlets.json'), 0, 2).join(''));
    const tipBox = await tip.boundingBox();
    assert.ok(tipBox.x >= 0 && tipBox.x + tipBox.width <= 375, 'the tooltip stays on the screen');
    await page.screenshot({ path: join(ARTIFACTS, 'phone-tap-tooltip.png') });
    await page.touchscreen.tap(5, 5);
    await tip.waitFor({ state: 'hidden', timeout: 2000 });
    assert.deepEqual(log.errors, []);
    await page.close();
  } finally {
    await phone.close();
  }
});

test('the keyboard walks through every data point and the live region reads each', async () => {
  const { page } = await openDemo();
  const src = sel('feeds/hamlets.json');
  const ds = feed('feeds/hamlets.json');
  await page.$eval(src, (el) => el.shadowRoot.querySelector('canvas').focus());
  // the expected words are made from the feed (expect.mjs), not from the chart's points()
  for (let i = 0; i < ds.categories.length; i++) {
    await page.keyboard.press('ArrowRight');
    const live = await page.$eval(src, (el) => el.shadowRoot.querySelector('.nc-live').textContent);
    assert.equal(live, said(ds, 0, i));
  }
  await page.keyboard.press('ArrowRight'); // past the last point: it stays there
  assert.equal(await page.$eval(src, (el) => el.shadowRoot.querySelector('.nc-live').textContent), said(ds, 0, ds.categories.length - 1));
  await page.keyboard.press('Home');
  assert.equal(await page.$eval(src, (el) => el.shadowRoot.querySelector('.nc-live').textContent), said(ds, 0, 0));
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval(src, (el) => el.shadowRoot.querySelector('.nc-tooltip').hidden), true);
  const name = await page.$eval(src, (el) => el.shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  assert.ok(name.includes(`${said(ds, 0, 0)}；`), name);
  await page.close();
});

test('a page with broken feeds shows each error in its box and the good chart still renders', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}e2e/broken.html`);
  await settled(page, 4);
  const state = (id) => page.$eval(`#${id}`, (el) => el.getAttribute('data-state'));
  const box = (id) => page.$eval(`#${id}`, (el) => { const b = el.shadowRoot.querySelector('.nc-error'); return b.hidden ? null : b.textContent; });
  assert.equal(await state('missing'), 'error');
  assert.match(await box('missing'), /does-not-exist\.json.*404/);
  assert.equal(await state('syntax'), 'error');
  assert.match(await box('syntax'), /第4行，第38列.*不是有效的 JSON/);
  assert.equal(await state('field'), 'error');
  assert.match(await box('field'), /datasets\[0\].*第4行，第5列.*缺少必填字段 "title"/);
  assert.equal(await state('good'), 'ready');
  const rb = await readBack(page, '#good');
  assert.equal(rb.bars.length, 9);
  for (const px of rb.bars) assert.deepEqual(px, [0x00, 0x72, 0xb2, 255]);
  // each failure went to the console as an error; nothing was thrown uncaught
  const errors = log.console.filter((m) => m.type === 'error').map((m) => m.text).join('\n');
  for (const what of ['does-not-exist.json', 'invalid.json', 'missing-title.json']) assert.match(errors, new RegExp(what.replace('.', '\\.')));
  assert.deepEqual(log.errors, []);
  await page.screenshot({ path: join(ARTIFACTS, 'broken-feeds.png'), fullPage: true });
  await page.close();
});

test('without JavaScript each chart shows its static image (drawn by the same renderer), its text alternative the sentence', async () => {
  const nojs = await launch({ javaScriptEnabled: false });
  try {
    const page = await nojs.context.newPage();
    await page.goto(server.url);
    // (tests/e2e/static.test.mjs checks their sizes and the swap to the live charts)
    const imgs = await page.$$eval('news-chart picture[slot="static"] img', (els) => els.map((i) => ({ src: i.getAttribute('src'), w: i.naturalWidth, alt: i.alt, shown: i.getBoundingClientRect().height > 0 })));
    assert.equal(imgs.length, 3);
    for (const i of imgs) {
      assert.ok(i.w > 0 && i.shown, `${i.src} did not load or is not shown`);
      assert.ok(i.alt.length > 10, `${i.src} has no description`);
    }
    // the sentence is in the page for engines that cannot show the image, and not said twice here
    const texts = await page.$$eval('news-chart .nc-fallback', (els) => els.map((p) => p.getBoundingClientRect().height === 0 && p.textContent));
    assert.ok(texts.length === 3 && texts.every(Boolean), 'every fallback sentence is there, hidden behind its image');
    await page.screenshot({ path: join(ARTIFACTS, 'no-javascript.png'), fullPage: true });
    await page.close();
  } finally {
    await nojs.close();
  }
});
