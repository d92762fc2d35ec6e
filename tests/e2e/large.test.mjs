// End-to-end tests of large line charts: 10^5 points given as typed-array
// columns (el.setColumns) and a long JSON line feed are drawn from decimated
// columns; hover finds the nearest point and its tooltip is made on demand;
// points() stays empty and point(i) reads one. Behaviour only, never timing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, settled, startServer, watch } from './helpers.mjs';
import { startFaultServer, trickle } from './faultserver.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** A seeded random walk of n points: x in days from 2000-01-01 as time values (ms). */
const walk = (n) => {
  let s = 7;
  let v = 1000;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    v += s / 2147483648 - 0.5;
    x[i] = Date.UTC(2000, 0, 1) + i * 60000;
    y[i] = i === 777 ? NaN : Math.round(v * 100) / 100;
  }
  return { x, y };
};

test('10^5 points as columns: drawn, hovered, read one at a time', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  const paths = log.requested;
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root) => { root.innerHTML = '<news-chart id="big" height="300"></news-chart>'; });
  await page.evaluate(async (src) => {
    const walk = new Function(`return (${src})`)();
    const { x, y } = walk(100000);
    await document.querySelector('#big').setColumns({ title: '十万个点', unit: '元', xType: 'date', locale: 'zh-CN', x, series: [{ name: '价格', values: y }] });
  }, walk.toString());
  await page.waitForFunction(() => document.querySelector('#big').getAttribute('data-state') === 'ready');
  const info = await page.$eval('#big', (el) => {
    const c = el.shadowRoot.querySelector('canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k] > 0) painted++;
    return { painted, points: el.points().length, label: c.getAttribute('aria-label'), p0: el.point(0), gap: el.point(777), past: el.point(100000) };
  });
  assert.ok(info.painted > 1000, `painted ${info.painted}`);
  assert.equal(info.points, 0, 'no list of 10^5 points');
  assert.match(info.label, /100,000个数据点，从2000年1月1日到2000年3月10日/);
  assert.equal(info.p0.valueText.endsWith('元'), true);
  assert.equal(info.p0.category, '2000年1月1日');
  assert.equal(info.gap, null, 'a gap has no point');
  assert.equal(info.past, null);

  // hover the middle of the plot: the tooltip names the point under the pointer
  const box = await page.$eval('#big', (el) => { const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; });
  await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
  const tip = await page.$eval('#big', (el) => {
    const t = el.shadowRoot.querySelector('.nc-tooltip');
    return { hidden: t.hidden, text: t.textContent };
  });
  assert.equal(tip.hidden, false);
  assert.match(tip.text, /2000年\d+月\d+日.*元/);

  // keyboard: Right steps along the series, reading only the points it lands on
  await page.$eval('#big', (el) => el.shadowRoot.querySelector('canvas').focus());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const live = await page.$eval('#big', (el) => el.shadowRoot.querySelector('.nc-live').textContent);
  assert.match(live, /^2000年1月1日：[\d.]+元$/);

  // a page whose chart has no feed address never downloads the standard module; a chart with a
  // feed added later has it asked for then, once
  assert.ok(paths.includes('/pkg/newschart_large_bg.wasm'), paths.join(' '));
  assert.ok(!paths.includes('/pkg/newschart_wasm_bg.wasm'), `no standard module for columns: ${paths.join(' ')}`);
  await page.$eval('#root', (root) => root.insertAdjacentHTML('afterbegin', '<news-chart id="feed" src="/feeds/toilets.json" height="220"></news-chart>'));
  await page.waitForFunction(() => document.querySelector('#feed').getAttribute('data-state') === 'ready');
  assert.equal(await page.$eval('#feed', (el) => el.points().length), 2);
  assert.equal(paths.filter((p) => p === '/pkg/newschart_wasm_bg.wasm').length, 1, paths.join(' '));
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('10^6 points as columns: the wasm keeps no copy of them, and a point is the caller\'s exact number', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root) => { root.innerHTML = '<news-chart id="big" height="300"></news-chart>'; });
  // values no f32 holds (1000.000000123 is 1000 in f32), kept by the page as a caller keeps its data
  await page.evaluate(async () => {
    const n = 1000000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = i; y[i] = 1000 + Math.sin(i / 5000) * 100 + i * 1.23e-7; }
    window.__cols = { x, y };
    await document.querySelector('#big').setColumns({ title: 'a million', locale: 'en', x, series: [{ name: 'y', values: y }] });
  });
  await page.waitForFunction(() => document.querySelector('#big').getAttribute('data-state') === 'ready');
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
  const { result: mem } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }', returnByValue: true });
  // the caller's two arrays are 16 MB: a copy of them alone would pass 8 MB
  assert.ok(mem.value.length >= 1, 'the large module\'s memory was found');
  const wasm = mem.value.reduce((a, b) => a + b, 0);
  assert.ok(wasm < 8 * 1048576, `wasm memory ${(wasm / 1048576).toFixed(1)} MB holds a copy of the 16 MB of columns`);
  const got = await page.$eval('#big', (el) => [0, 1, 777777, 999999].map((i) => [el.point(i)?.value, window.__cols.y[i]]));
  for (const [value, exact] of got) assert.equal(value, exact);
  assert.ok(got.some(([, exact]) => Math.fround(exact) !== exact), 'the values are not f32 numbers');
  // hover the middle: the tooltip's point is the caller's point there
  const box = await page.$eval('#big', (el) => { const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; });
  await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
  const shown = await page.$eval('#big', (el) => {
    const t = el.shadowRoot.querySelector('.nc-tooltip');
    const v = Number(t.textContent.match(/([\d.]+)$/)?.[1]); // the value, after the x ("488.747K")
    // the caller's value it shows (to the 15 digits the number format writes), and how far an f32 of it is
    const c = window.__cols.y.find((c) => Math.abs(c - v) < 1e-9);
    return { hidden: t.hidden, text: t.textContent, v, c, f32: c === undefined ? 0 : Math.abs(Math.fround(c) - c) };
  });
  assert.equal(shown.hidden, false);
  assert.ok(shown.c !== undefined, `the tooltip's value is a caller's number, all its digits: ${shown.text}`);
  assert.ok(shown.f32 > 1e-6, `an f32 would have shown ${shown.f32} off: ${shown.text}`);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a dense line is painted to each pixel column\'s lowest and highest value, no further; its description names them', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root) => { root.innerHTML = '<news-chart id="big" height="300" style="display:block;width:640px"></news-chart>'; });
  // a walk with spikes up and down at every point: each pixel column a tall zigzag
  const n = 200000;
  await page.evaluate(async (n) => {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    let s = 11;
    let v = 500;
    for (let i = 0; i < n; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      v += s / 2147483648 - 0.5;
      x[i] = i;
      y[i] = v + (s % 97 === 0 ? 60 : 0) - (s % 89 === 0 ? 45 : 0) + (i % 2 ? 4 : -4);
    }
    window.__cols = { x, y };
    await document.querySelector('#big').setColumns({ title: 'spikes', locale: 'en', x, series: [{ name: 'y', values: y, color: '#ff0000' }] });
  }, n);
  await page.waitForFunction(() => document.querySelector('#big').getAttribute('data-state') === 'ready');
  const r = await page.$eval('#big', (el, n) => {
    const { x, y } = window.__cols;
    const c = el.shadowRoot.querySelector('canvas');
    const dpr = c.width / c.getBoundingClientRect().width;
    // where the chart puts x and y (CSS px), from two of its points
    const at = (i) => { const b = el.point(i).bar; return [b.x + b.w / 2, b.y + b.h / 2]; };
    let [lo, hi] = [0, 0];
    for (let i = 0; i < n; i++) { if (y[i] < y[lo]) lo = i; if (y[i] > y[hi]) hi = i; }
    const [[px0, pyLo], [px1, pyHi]] = [at(lo), at(hi)];
    const fx = (v) => px0 + (v - x[lo]) * (px1 - px0) / (x[hi] - x[lo]);
    const fy = (v) => pyLo + (v - y[lo]) * (pyHi - pyLo) / (y[hi] - y[lo]);
    // each device pixel column: the data's highest and lowest point there (CSS px), and the
    // line's top and bottom painted pixel (the series is pure red)
    const cols = Math.ceil(c.width);
    const top = new Float64Array(cols).fill(Infinity);
    const bottom = new Float64Array(cols).fill(-Infinity);
    for (let i = 0; i < n; i++) {
      const k = Math.floor(fx(x[i]) * dpr);
      const py = fy(y[i]);
      if (py < top[k]) top[k] = py;
      if (py > bottom[k]) bottom[k] = py;
    }
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const red = (px, py) => { const o = (py * c.width + px) * 4; return data[o + 3] > 128 && data[o] > 2 * data[o + 1] + 40 && data[o] > 2 * data[o + 2] + 40; };
    const paintedTop = new Float64Array(cols).fill(Infinity);
    const paintedBottom = new Float64Array(cols).fill(-Infinity);
    for (let k = 0; k < cols; k++) {
      for (let py = 0; py < c.height; py++) {
        if (!red(k, py)) continue;
        paintedTop[k] = Math.min(paintedTop[k], py / dpr);
        paintedBottom[k] = Math.max(paintedBottom[k], (py + 1) / dpr);
      }
    }
    return { dpr, top: [...top], bottom: [...bottom], paintedTop: [...paintedTop], paintedBottom: [...paintedBottom],
      label: c.getAttribute('aria-label'), lowest: el.point(lo).valueText, highest: el.point(hi).valueText };
  }, n);
  // a column's extremes are painted there or in a neighbour (the line is 1.5 px wide; pixels are
  // whole), and nothing past the data near it: no spike cut short, none drawn longer
  const tol = 1.5;
  const near = (a, k, f) => f(...[-1, 0, 1].map((d) => a[k + d]).filter((v) => Number.isFinite(v)));
  const wide = (a, k, f) => f(...[-3, -2, -1, 0, 1, 2, 3].map((d) => a[k + d]).filter((v) => Number.isFinite(v)));
  let checked = 0;
  for (let k = 3; k < r.top.length - 3; k++) {
    if (!Number.isFinite(r.top[k])) continue;
    checked++;
    const at = `device column ${k}`;
    assert.ok(near(r.paintedTop, k, Math.min) <= r.top[k] + tol, `${at}: the highest point (${r.top[k].toFixed(1)} px) is not painted (top ${near(r.paintedTop, k, Math.min)})`);
    assert.ok(near(r.paintedBottom, k, Math.max) >= r.bottom[k] - tol, `${at}: the lowest point (${r.bottom[k].toFixed(1)} px) is not painted (bottom ${near(r.paintedBottom, k, Math.max)})`);
    assert.ok(r.paintedTop[k] >= wide(r.top, k, Math.min) - 0.75 - tol, `${at}: painted up to ${r.paintedTop[k]} px, above the data (${wide(r.top, k, Math.min).toFixed(1)})`);
    assert.ok(r.paintedBottom[k] <= wide(r.bottom, k, Math.max) + 0.75 + tol, `${at}: painted down to ${r.paintedBottom[k]} px, below the data (${wide(r.bottom, k, Math.max).toFixed(1)})`);
  }
  assert.ok(checked > 500 * r.dpr, `${checked} columns checked`);
  // the description's lowest and highest values are the arrays' (found in the pass that checks x)
  assert.ok(r.label.includes(`lowest ${r.lowest}, highest ${r.highest}`), `${r.label} / ${r.lowest} / ${r.highest}`);
  assert.deepEqual(log.errors, []);
  await page.close();
});

const LARGE_WASM = '/pkg/newschart_large_bg.wasm';

test('the demo article never asks for the large-data module; its charts come from the standard one', async () => {
  const page = await browser.context.newPage();
  const paths = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await settled(page, 3);
  assert.ok(paths.includes('/pkg/newschart_wasm_bg.wasm'), paths.join(' '));
  assert.ok(!paths.includes(LARGE_WASM), 'no large-data module for the article');
  assert.equal(await page.evaluate(async () => (await import('/pkg/view.js')).__debug().instances), 1);
  await page.close();
});

test('a long JSON line feed is drawn from columns too, and its categories name the points', async () => {
  const page = await browser.context.newPage();
  const paths = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root) => { root.innerHTML = '<news-chart id="feed" height="300"></news-chart>'; });
  await page.evaluate(async () => {
    const n = 5000;
    const categories = Array.from({ length: n }, (_, i) => `第${i + 1}天`);
    const values = Array.from({ length: n }, (_, i) => (i === 10 ? null : (i % 97) * 3));
    await document.querySelector('#feed').setFeed({ version: 1, datasets: [{ kind: 'line', title: 'Long', unit: '人', categories, series: [{ name: 's', values }] }] });
  });
  const got = await page.$eval('#feed', (el) => ({ n: el.points().length, p: el.point(11), gap: el.point(10) }));
  assert.equal(got.n, 0);
  assert.equal(got.p.category, '第12天');
  assert.equal(got.p.value, 33);
  assert.equal(got.gap, null);
  // 5000 points in ~70 KB of text: read by the standard module, then again by the large-data one
  assert.ok(paths.includes(LARGE_WASM), 'the large-data module was loaded');
  assert.equal(await page.evaluate(async () => (await import('/pkg/view.js')).__debug().instances), 2);
  await page.close();
});

test('feed text past 128 KB goes straight to the large-data module', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root) => { root.innerHTML = '<news-chart id="feed" height="300"></news-chart>'; });
  const got = await page.evaluate(async () => {
    const n = 20000;
    const feed = JSON.stringify({ version: 1, datasets: [{ kind: 'line', title: 'Long', categories: Array.from({ length: n }, (_, i) => `第${i + 1}天`), series: [{ name: 's', values: Array.from({ length: n }, (_, i) => i % 89) }] }] });
    const el = document.querySelector('#feed');
    await el.setFeed(feed);
    return { size: feed.length, state: el.getAttribute('data-state'), p: el.point(19999), instances: (await import('/pkg/view.js')).__debug().instances };
  });
  assert.ok(got.size > 128 * 1024, `${got.size} characters`);
  assert.equal(got.state, 'ready');
  assert.equal(got.p.category, '第20000天');
  assert.equal(got.instances, 1, 'one instance: the large-data module\'s, the standard one never made');
  await page.close();
});

test('a feed whose Content-Length passes 64 KB gets the large-data module only; without a length, it still ends there', async () => {
  const faults = await startFaultServer();
  try {
    const n = 20000;
    const body = JSON.stringify({ version: 1, datasets: [{ kind: 'line', title: 'Long', categories: Array.from({ length: n }, (_, i) => `d${i + 1}`), series: [{ name: 's', values: Array.from({ length: n }, (_, i) => i % 89) }] }] });
    faults.route('/f/sized.json', (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }); res.end(body); });
    faults.route('/f/unsized.json', (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); trickle(res, body, 8, 5); });
    for (const [src, instances] of [['/f/sized.json', 1], ['/f/unsized.json', 2]]) {
      const page = await browser.context.newPage();
      await page.goto(`${faults.url}e2e/blank.html`);
      await page.$eval('#root', (root, s) => { root.innerHTML = `<news-chart id="feed" src="${s}" height="300"></news-chart>`; }, src);
      await page.waitForFunction(() => document.querySelector('#feed')?.getAttribute('data-state') === 'ready');
      const got = await page.evaluate(async () => ({ p: document.querySelector('#feed').point(19999), instances: (await import('/pkg/view.js')).__debug().instances }));
      assert.equal(got.p.category, 'd20000', src);
      // with a length: picked at the headers, the standard module never made; without: made beside the body, as for any feed
      assert.equal(got.instances, instances, src);
      assert.equal(faults.hits('/pkg/newschart_large_bg.wasm'), src === '/f/sized.json' ? 1 : 2);
      await page.close();
    }
  } finally {
    await faults.close();
  }
});

test('bad columns are the chart\'s error box, with the problem named', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root) => { root.innerHTML = '<news-chart id="bad" height="200"></news-chart>'; });
  await page.evaluate(() => document.querySelector('#bad').setColumns({ title: 'x', locale: 'en', x: new Float64Array([3, 2, 1]), series: [{ name: 's', values: new Float64Array([1, 2, 3]) }] }));
  const text = await page.$eval('#bad', (el) => el.shadowRoot.querySelector('.nc-error').textContent);
  assert.match(text, /x must be finite numbers in ascending order|x 须为从小到大排列的有限数/);
  await page.close();
});

test('a page whose charts are all far below the fold loads no view, feed or wasm until one nears', async () => {
  const page = await browser.context.newPage();
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root) => { root.innerHTML = '<div style="height:6000px"></div><news-chart id="far" src="/feeds/employment.json" height="120"></news-chart>'; });
  await page.waitForTimeout(500);
  assert.deepEqual(urls.filter((u) => /\.wasm|view\.js|employment\.json/.test(u)), []);
  await page.$eval('#far', (el) => el.scrollIntoView());
  await page.waitForFunction(() => document.querySelector('#far').getAttribute('data-state') === 'ready');
  assert.equal(urls.filter((u) => /\.wasm/.test(u)).length, 1);
  await page.close();
});
