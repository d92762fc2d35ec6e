// A panic in wasm never reaches the reader as a broken page, on the build readers get.
// target/pkg-test is pkg/'s readers' modules (standard and large) built through the same release
// pipeline (nightly build-std with immediate-abort panics, wasm-bindgen, wasm-opt, the minified
// glue and bundled element) with the test-only cargo feature `panic-trigger`:
//   bash scripts/build.sh --nightly --features panic-trigger --out target/pkg-test
// (scripts/test.sh's e2e stage builds it). There a chart whose dataset title is the marker
// (src/web/panic.rs, trigger::MARKER) traps inside the wasm in its layout. That chart shows its
// error box; its neighbours move to a fresh instance of the already-compiled module and keep
// drawing and answering hover, keyboard and tabs; a chart mounted after the trap works. The same
// when the large-data module traps. The shipped modules (pkg/, dist/) must not have the marker.
// Last, the debug build (scripts/build-debug.sh): its panic hook logs the message and where.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { REPO, launch, watch } from './helpers.mjs';
import { startFaultServer } from './faultserver.mjs';

const TEST_PKG = join(REPO, 'target', 'pkg-test');
const BUILD = 'bash scripts/build.sh --nightly --features panic-trigger --out target/pkg-test';
/** The title that traps, read from the Rust source so that the two never drift apart. */
const MARKER = readFileSync(join(REPO, 'src', 'web', 'panic.rs'), 'utf8').match(/pub const MARKER: &str = "([^"\\]+)";/)?.[1];

const feed = (name) => JSON.parse(readFileSync(join(REPO, 'www', 'feeds', `${name}.json`), 'utf8'));
const TOILETS = feed('toilets');
const HAMLETS = feed('hamlets');
/** toilets.json with the marker for a title: the chart that traps. */
const trapping = () => { const f = feed('toilets'); f.datasets[0].title = MARKER; return f; };
/** hamlets.json and a second dataset (other places, other numbers), for the tabs. */
const TWO = (() => {
  const f = feed('hamlets');
  f.datasets.push({ id: 'second', kind: 'bar', title: '第二个数据集', unit: '人', categories: ['甲地', '乙地', '丙地'], series: [{ name: '人数', values: [300, 200, 100] }] });
  return f;
})();

/** The number as the Chinese feeds' charts say it (the few magnitudes these feeds use). */
const zhNumber = (v) => (v >= 1e4 && v % 1e4 === 0 ? `${v / 1e4}万` : String(v));

let server;
let browser;
let feeds; // what /t/NAME.json serves, by NAME
before(async () => {
  assert.ok(MARKER, 'src/web/panic.rs has trigger::MARKER');
  assert.ok(existsSync(join(TEST_PKG, 'newschart_wasm_bg.wasm')) && existsSync(join(TEST_PKG, 'newschart_large_bg.wasm')),
    `${TEST_PKG} is not built: run ${BUILD}`);
  [server, browser] = await Promise.all([startFaultServer(), launch()]);
  const types = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };
  for (const name of readdirSync(TEST_PKG)) {
    server.route(`/pkg-test/${name}`, (req, res) => {
      const body = readFileSync(join(TEST_PKG, name));
      res.writeHead(200, { 'Content-Type': types[extname(name)] || 'application/octet-stream', 'Content-Length': body.length });
      res.end(body);
    });
  }
  feeds = { panic: trapping(), two: TWO };
  for (const name of Object.keys(feeds)) {
    server.route(`/t/${name}.json`, (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(feeds[name]));
    });
  }
});
after(async () => { await browser?.close(); await server?.close(); });

/** Requests for the test build's module(s) since `since` (server.hits counts for the whole file). */
const downloads = (since = {}) => Object.fromEntries(['newschart_wasm_bg', 'newschart_large_bg']
  .map((m) => [m, server.hits(`/pkg-test/${m}.wasm`) - (since[m] || 0)]));

const state = (page, id) => page.$eval(`#${id}`, (el) => el.getAttribute('data-state'));
/** Waits until `fn(arg)` holds in the page; a timeout fails with `what`. */
async function waitFor(page, what, fn, arg, timeout = 30000) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch (e) {
    assert.fail(`not within ${timeout} ms: ${what} (${e.message.split('\n')[0]})`);
  }
}

/** Waits until each chart `id` of `want` has data-state `want[id]`; a timeout says which did not. */
async function waitStates(page, want, timeout = 30000) {
  try {
    await page.waitForFunction((w) => Object.entries(w).every(([id, s]) => document.getElementById(id)?.getAttribute('data-state') === s), want, { timeout });
  } catch (e) {
    const have = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, document.getElementById(id)?.getAttribute('data-state')])), Object.keys(want));
    assert.fail(`charts' data-state: wanted ${JSON.stringify(want)}, have ${JSON.stringify(have)} after ${timeout} ms (${e.message.split('\n')[0]})`);
  }
}

/** Adds <news-chart id=… src=…> elements to the body. */
const mount = (page, charts) => page.evaluate((list) => {
  for (const [id, src] of list) {
    const el = document.createElement('news-chart');
    el.id = id;
    if (src) el.setAttribute('src', src);
    el.setAttribute('height', '220');
    el.innerHTML = '<p class="nc-fallback">fallback words</p>';
    document.body.append(el);
  }
}, charts);

/** What chart `id`'s error box shows, and whether its element's own content (the no-JS fallback) shows instead. */
const errorBox = (page, id) => page.$eval(`#${id}`, (el) => {
  const box = el.shadowRoot.querySelector('.nc-error');
  const fb = el.querySelector('.nc-fallback');
  return {
    visible: !!box && !box.hidden && box.getBoundingClientRect().height > 0,
    title: box?.querySelector('strong')?.textContent,
    text: box?.textContent,
    retry: box?.querySelector('button')?.textContent,
    fallbackShown: !!fb && fb.getBoundingClientRect().height > 0,
  };
});

/** Hovers the middle of data point `i` of chart `id` and returns its tooltip's text. */
async function hover(page, id, i) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  const at = await page.evaluate(([sel, k]) => {
    const el = document.getElementById(sel);
    const p = el.points()[k];
    const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: r.left + p.bar.x + p.bar.w / 2, y: r.top + p.bar.y + p.bar.h / 2 };
  }, [id, i]);
  await page.mouse.move(at.x, at.y);
  const tip = page.locator(`#${id} .nc-tooltip`);
  await tip.waitFor({ state: 'visible', timeout: 10000 });
  return tip.textContent();
}

/** Focuses chart `id`'s canvas, presses `key` and returns what its live region says. */
async function press(page, id, key) {
  await page.$eval(`#${id}`, (el) => el.shadowRoot.querySelector('canvas').focus());
  await page.keyboard.press(key);
  return page.$eval(`#${id}`, (el) => el.shadowRoot.querySelector('.nc-live').textContent);
}

/** Waits (at most 10 s) until `ok()` holds, else fails with `why()`. */
async function until(ok, why) {
  for (const end = Date.now() + 10000; !ok();) {
    if (Date.now() > end) assert.fail(why());
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The internal error a trap becomes, as the error box words it for a Chinese chart. */
const TRAPPED = /^图表无法显示[\s\S]*图表组件内部错误：unreachable/;

test('the panic trigger is in the test build only: every shipped module lacks it', () => {
  const marker = Buffer.from(MARKER);
  for (const name of ['newschart_wasm_bg.wasm', 'newschart_large_bg.wasm']) {
    assert.ok(readFileSync(join(TEST_PKG, name)).includes(marker), `target/pkg-test/${name} has the marker (else this check could not see it)`);
  }
  const shipped = [];
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory()) walk(join(dir, d.name));
      else if (d.name.endsWith('.wasm')) shipped.push(join(dir, d.name));
    }
  };
  assert.ok(existsSync(join(REPO, 'pkg', 'newschart_wasm_bg.wasm')), 'pkg/ is built (bash scripts/build.sh)');
  walk(join(REPO, 'pkg'));
  if (existsSync(join(REPO, 'dist'))) walk(join(REPO, 'dist'));
  else console.log('# dist/ is not built (bash scripts/dist.sh): only pkg/\'s modules were checked for the panic trigger');
  for (const name of ['newschart_wasm_bg.wasm', 'newschart_large_bg.wasm', 'newschart_builder_bg.wasm']) {
    assert.ok(shipped.includes(join(REPO, 'pkg', name)), `pkg/${name} is checked`);
  }
  for (const f of shipped) assert.ok(!readFileSync(f).includes(marker), `${f.slice(REPO.length + 1)} must not have the panic trigger`);
});

test('release build: a trap in one chart is its error box; its neighbours keep drawing and answering', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  const start = downloads();
  await page.goto(`${server.url}e2e/harness.html?pkg=/pkg-test/`);
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
  await mount(page, [['a', '/feeds/hamlets.json'], ['c', '/t/two.json']]);
  await waitStates(page, { a: 'ready', c: 'ready' });
  assert.equal(await page.evaluate(() => window.__view.__debug().instances), 1);

  // b's dataset title is the marker: its first layout traps inside the wasm
  await mount(page, [['b', '/t/panic.json']]);
  await waitStates(page, { b: 'error' });
  const box = await errorBox(page, 'b');
  assert.ok(box.visible, 'the error box shows');
  assert.equal(box.fallbackShown, false, 'the error box, not the element\'s own content');
  assert.match(box.text, TRAPPED);
  assert.equal(box.retry, '重试');
  assert.equal(await page.$eval('#b', (el) => el.getAttribute('aria-busy')), 'false');
  await until(() => log.console.some((m) => m.type === 'error' && /图表组件内部错误：unreachable/.test(m.text)),
    () => `the trap is logged: ${JSON.stringify(log.console)}`);

  // a and c moved to a fresh instance of the compiled module, drawn again with their feeds' data
  await waitFor(page, 'a and c drawn again in a second instance', () => window.__view.__debug().instances === 2
    && ['a', 'c'].every((id) => { const el = document.getElementById(id); return el.getAttribute('data-state') === 'ready' && el.points().length > 0 && el._view._gen && !el._view._gen.dead; }));
  const cats = (id) => page.$eval(`#${id}`, (el) => el.points().map((p) => [p.category, p.value]));
  const h = HAMLETS.datasets[0];
  assert.deepEqual(await cats('a'), h.categories.map((c, i) => [c, h.series[0].values[i]]));
  assert.deepEqual(await cats('c'), h.categories.map((c, i) => [c, h.series[0].values[i]]));

  // hover: a's tooltip names the point under the pointer, in the feed's words
  const tip = await hover(page, 'a', 2);
  assert.ok(tip.includes(h.categories[2]) && tip.includes(zhNumber(h.series[0].values[2])), `tooltip "${tip}"`);
  // keyboard: the first ArrowRight on c lands on the feed's first point
  const live = await press(page, 'c', 'ArrowRight');
  assert.ok(live.startsWith(h.categories[0]) && live.includes(zhNumber(h.series[0].values[0])), `live region "${live}"`);
  // tabs: c switches to its second dataset and draws it
  await page.locator('#c .nc-tab').nth(1).click();
  const second = TWO.datasets[1];
  await waitFor(page, 'c shows its second dataset', (n) => { const el = document.getElementById('c'); return el.getAttribute('data-state') === 'ready' && el.points().length === n; }, second.categories.length);
  assert.deepEqual(await cats('c'), second.categories.map((c, i) => [c, second.series[0].values[i]]));
  assert.ok((await hover(page, 'c', 0)).includes(second.categories[0]));

  // a chart mounted after the trap works
  await mount(page, [['d', '/feeds/toilets.json']]);
  await waitStates(page, { d: 'ready' });
  const t = TOILETS.datasets[0];
  assert.deepEqual((await cats('d')).map(([c]) => c), t.categories);
  assert.ok((await hover(page, 'd', 0)).includes(t.categories[0]));

  // the trapped chart comes back on retry once its feed no longer traps
  feeds.panic = TOILETS;
  await page.$eval('#b', (el) => el.shadowRoot.querySelector('.nc-error button').click());
  await waitStates(page, { b: 'ready' });
  assert.deepEqual((await cats('b')).map(([c]) => c), t.categories);

  // one download and one compile of the module for the page; a and the others never left ready
  assert.deepEqual(downloads(start), { newschart_wasm_bg: 1, newschart_large_bg: 0 }, 'one download of the module, none of the large one');
  assert.equal(await page.evaluate(() => window.__view.__debug().instances), 2);
  for (const id of ['a', 'c', 'd']) assert.equal(await state(page, id), 'ready');
  assert.deepEqual(log.errors, [], 'no uncaught exception');
  assert.deepEqual(log.failed, [], 'no failed request');
  feeds.panic = trapping();
  await page.close();
});

/** Columns of a seeded walk, `n` points, for setColumns; `title` its title. */
const columns = (n, title) => {
  let s = 11;
  let v = 100;
  const x = [];
  const values = [];
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    v += s / 2147483648 - 0.5;
    x.push(i);
    values.push(Math.round(v * 100) / 100);
  }
  return { title, unit: '点', locale: 'zh-CN', x, series: [{ name: '指数', values }] };
};

test('release build: a trap in the large-data module is its chart\'s error box; the other charts keep working', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  const start = downloads();
  await page.goto(`${server.url}e2e/harness.html?pkg=/pkg-test/`);
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
  // n: a standard chart; big: a large chart (columns); then trap: large columns titled with the marker
  await mount(page, [['n', '/feeds/hamlets.json'], ['big', null], ['trap', null]]);
  const good = columns(5000, '五千个点');
  await page.$eval('#big', (el, c) => el.setColumns(c), good);
  await waitStates(page, { n: 'ready', big: 'ready' });
  const before = await page.evaluate(() => {
    const g = (id) => document.getElementById(id)._view._gen;
    return { instances: window.__view.__debug().instances, big: g('big').large, n: g('n').large };
  });
  assert.deepEqual(before, { instances: 2, big: true, n: false }, 'one instance of each module');
  await page.evaluate(() => { window.__nGen = document.getElementById('n')._view._gen; });

  await page.$eval('#trap', (el, c) => el.setColumns(c), columns(3000, MARKER));
  await waitStates(page, { trap: 'error' });
  const box = await errorBox(page, 'trap');
  assert.ok(box.visible, 'the error box shows');
  assert.equal(box.fallbackShown, false);
  assert.match(box.text, TRAPPED);

  // big moved to a fresh instance of the large module and is drawn again, with its columns
  await waitFor(page, 'big drawn again in a third instance (a fresh one of the large module)', () => { const el = document.getElementById('big'); return window.__view.__debug().instances === 3 && el.getAttribute('data-state') === 'ready' && el._view._gen && !el._view._gen.dead && el.point(0); });
  const p0 = await page.$eval('#big', (el) => el.point(0));
  assert.equal(p0.value, good.series[0].values[0]);
  // hover the middle of big's plot: a tooltip for a point of its series
  await page.locator('#big').scrollIntoViewIfNeeded();
  const r = await page.$eval('#big', (el) => { const b = el.shadowRoot.querySelector('canvas').getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; });
  await page.mouse.move(r.x, r.y);
  const tip = page.locator('#big .nc-tooltip');
  await tip.waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await tip.textContent(), /指数|点/);
  // keyboard: Home goes to its first point
  assert.equal(await press(page, 'big', 'Home'), p0.label);

  // the standard module's instance was never touched: n still lives in it and answers
  assert.equal(await page.evaluate(() => document.getElementById('n')._view._gen === window.__nGen && !window.__nGen.dead), true);
  const h = HAMLETS.datasets[0];
  const ntip = await hover(page, 'n', 0);
  assert.ok(ntip.includes(h.categories[0]) && ntip.includes(zhNumber(h.series[0].values[0])), `tooltip "${ntip}"`);

  // a large chart mounted after the trap works
  await mount(page, [['later', null]]);
  await page.$eval('#later', (el, c) => el.setColumns(c), columns(4000, '之后'));
  await waitStates(page, { later: 'ready', big: 'ready', n: 'ready' });
  assert.equal(await page.$eval('#later', (el) => el.point(3999)?.value), columns(4000, '之后').series[0].values[3999]);

  // one download of each module for the page
  assert.deepEqual(downloads(start), { newschart_wasm_bg: 1, newschart_large_bg: 1 }, 'one download of each module');
  assert.deepEqual(log.errors, [], 'no uncaught exception');
  await page.close();
});

test('release build: a long line feed that traps in the large module is its error box', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  const start = downloads();
  const n = 3000; // past marks::large::LARGE: the standard module reads it, the large module draws it
  feeds.long = { version: 1, datasets: [{ id: 'long', kind: 'line', title: MARKER, categories: Array.from({ length: n }, (_, i) => String(i)), series: [{ name: 's', values: Array.from({ length: n }, (_, i) => i % 17) }] }] };
  server.route('/t/long.json', (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(JSON.stringify(feeds.long)); });
  await page.goto(`${server.url}e2e/harness.html?pkg=/pkg-test/`);
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
  await mount(page, [['ok', '/feeds/toilets.json'], ['long', '/t/long.json']]);
  await waitStates(page, { ok: 'ready', long: 'error' });
  assert.match((await errorBox(page, 'long')).text, /图表组件内部错误：unreachable|internal error of the chart component: unreachable/);
  assert.equal(downloads(start).newschart_large_bg, 1, 'the large module was loaded for it');
  // the standard module's instance, where ok lives, is untouched: no chart had to move
  assert.equal(await page.evaluate(() => window.__view.__debug().instances), 2, 'one instance of each module, none made again');
  assert.equal(await page.$eval('#ok', (el) => el._view._gen.large === false && !el._view._gen.dead), true);
  assert.ok((await hover(page, 'ok', 1)).includes(TOILETS.datasets[0].categories[1]));
  assert.deepEqual(log.errors, []);
  await page.close();
});

// The debug build (scripts/build-debug.sh) has a panic hook, as the builder's module does: a
// panic's message and where it happened go to the console. The release modules trap without one.
test('debug build: the panic hook logs the message and where; the release glue has no panic on purpose', async () => {
  assert.doesNotMatch(readFileSync(join(REPO, 'pkg', 'newschart_wasm.js'), 'utf8'), /debug_panic/);
  assert.ok(existsSync(join(REPO, 'target', 'pkg-debug', 'newschart_wasm.js')), 'target/pkg-debug is not built: run bash scripts/build-debug.sh');
  assert.match(readFileSync(join(REPO, 'target', 'pkg-debug', 'newschart_wasm.js'), 'utf8'), /debug_panic_on_layout/);
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}e2e/harness.html?pkg=/pkg-debug/`);
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
  await mount(page, [['a', '/feeds/hamlets.json'], ['b', '/feeds/toilets.json']]);
  await waitStates(page, { a: 'ready', b: 'ready' });
  // b panics in its next layout, which a resize brings
  await page.evaluate(() => {
    const b = document.getElementById('b');
    b._view._chart.debug_panic_on_layout();
    b.style.width = '500px';
  });
  await waitStates(page, { b: 'error' });
  assert.match((await errorBox(page, 'b')).text, TRAPPED);
  await until(() => log.console.some((m) => m.type === 'error' && /internal error \(panic\): a panic on purpose .* at src[/\\]web[/\\]panic\.rs:\d+:\d+/.test(m.text)),
    () => `the panic's message and place are logged: ${JSON.stringify(log.console)}`);
  await waitFor(page, 'a drawn again in a fresh instance', () => { const el = document.getElementById('a'); return el.getAttribute('data-state') === 'ready' && el._view._gen && !el._view._gen.dead && el.points().length > 0; });
  assert.ok((await hover(page, 'a', 0)).includes(HAMLETS.datasets[0].categories[0]));
  assert.deepEqual(log.errors, []);
  await page.close();
});
