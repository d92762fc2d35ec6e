// A panic in wasm never reaches the reader as a broken page: with the debug
// build (scripts/build-debug.sh), one chart panics on purpose
// (Chart::debug_panic_on_layout, which the release wasm does not have); that
// chart shows its error box, and the other charts on the page keep working
// (hover, redraw on resize) in a fresh instance of the same compiled module:
// one download and one compile for the page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, launch, watch } from './helpers.mjs';
import { startFaultServer } from './faultserver.mjs';

let server;
let browser;
before(async () => { [server, browser] = await Promise.all([startFaultServer(), launch()]); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page, id) => page.$eval(`#${id}`, (el) => el.getAttribute('data-state'));

test('the release wasm has no way to panic on purpose; the debug build has', () => {
  assert.doesNotMatch(readFileSync(join(REPO, 'pkg', 'newschart_wasm.js'), 'utf8'), /debug_panic/);
  assert.match(readFileSync(join(REPO, 'target', 'pkg-debug', 'newschart_wasm.js'), 'utf8'), /debug_panic_on_layout/);
});

test('a panic in one chart becomes its error box; the other charts keep working', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  // count compiles and instantiations of wasm modules
  await page.addInitScript(() => {
    const W = WebAssembly;
    window.__wasmCalls = { compile: 0, instantiate: 0 };
    for (const name of ['compile', 'compileStreaming']) {
      const f = W[name];
      W[name] = function (...a) { window.__wasmCalls.compile++; return f.apply(this, a); };
    }
    const inst = W.instantiate;
    W.instantiate = function (m, ...a) {
      window.__wasmCalls[m instanceof W.Module ? 'instantiate' : 'compile']++;
      if (m instanceof W.Module) return inst.call(this, m, ...a);
      window.__wasmCalls.instantiate++;
      return inst.call(this, m, ...a);
    };
    const Instance = W.Instance;
    W.Instance = function (...a) { window.__wasmCalls.instantiate++; return new Instance(...a); };
    W.Instance.prototype = Instance.prototype;
  });
  await page.goto(`${server.url}e2e/harness.html?pkg=/pkg-debug/`);
  await page.waitForFunction(() => window.__ready === true);
  await page.evaluate(() => {
    for (const [id, src] of [['a', '/feeds/hamlets.json'], ['b', '/feeds/toilets.json'], ['c', '/feeds/employment.json']]) {
      const el = document.createElement('news-chart');
      el.id = id;
      el.setAttribute('src', src);
      el.setAttribute('height', '220');
      document.body.append(el);
    }
  });
  await page.waitForFunction(() => ['a', 'b', 'c'].every((id) => document.getElementById(id).getAttribute('data-state') === 'ready'), null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.__view.__debug().instances), 1);
  const before = await page.evaluate(() => ({ a: document.getElementById('a').points(), c: document.getElementById('c').points() }));

  // chart b panics in its next layout, which a resize brings
  await page.evaluate(() => {
    const b = document.getElementById('b');
    b._view._chart.debug_panic_on_layout();
    b.style.width = '500px';
  });
  await page.waitForFunction(() => document.getElementById('b').getAttribute('data-state') === 'error', null, { timeout: 20000 });
  const box = await page.$eval('#b', (el) => el.shadowRoot.querySelector('.nc-error').textContent);
  assert.match(box, /图表组件内部错误：unreachable/); // the feed is Chinese: its messages are too
  assert.ok(await page.$eval('#b', (el) => !!el.shadowRoot.querySelector('.nc-error button')), 'a retry button');
  assert.ok(log.console.some((m) => m.type === 'error' && /internal error \(panic\)[\s\S]*a panic on purpose/.test(m.text)), `the panic message is logged: ${JSON.stringify(log.console)}`);

  // a and c moved to a fresh instance and are drawn again, with the same data
  await page.waitForFunction(() => window.__view.__debug().instances === 2
    && ['a', 'c'].every((id) => { const el = document.getElementById(id); return el.getAttribute('data-state') === 'ready' && el.points().length > 0 && !el._view._gen?.dead; }), null, { timeout: 20000 });
  assert.equal(await state(page, 'a'), 'ready');
  const after1 = await page.evaluate(() => ({ a: document.getElementById('a').points(), c: document.getElementById('c').points() }));
  assert.deepEqual(after1.a.map((p) => [p.category, p.value]), before.a.map((p) => [p.category, p.value]));
  assert.deepEqual(after1.c.map((p) => [p.category, p.value]), before.c.map((p) => [p.category, p.value]));

  // hover works in a
  await page.locator('#a').scrollIntoViewIfNeeded();
  const target = await page.evaluate(() => {
    const el = document.getElementById('a');
    const p = el.points()[0];
    const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: r.left + p.bar.x + p.bar.w / 2, y: r.top + p.bar.y + p.bar.h / 2, category: p.category };
  });
  await page.mouse.move(target.x, target.y);
  const tip = page.locator('#a .nc-tooltip');
  await tip.waitFor({ state: 'visible', timeout: 5000 });
  assert.match(await tip.textContent(), new RegExp(target.category));

  // a redraws on resize: narrower box, narrower canvas and bars
  const w0 = await page.$eval('#a', (el) => el.shadowRoot.querySelector('canvas').width);
  await page.evaluate(() => { document.getElementById('a').style.width = '360px'; });
  await page.waitForFunction((w0) => document.getElementById('a').shadowRoot.querySelector('canvas').width < w0, w0, { timeout: 10000 });
  const narrow = await page.evaluate(() => document.getElementById('a').points());
  assert.ok(narrow[narrow.length - 1].bar.x < before.a[before.a.length - 1].bar.x, 'the bars moved in with the narrower box');

  // b comes back on retry, in the fresh instance
  await page.$eval('#b', (el) => el.shadowRoot.querySelector('.nc-error button').click());
  await page.waitForFunction(() => document.getElementById('b').getAttribute('data-state') === 'ready', null, { timeout: 20000 });

  // one download and one compile of the module; two instances (the first trapped)
  assert.equal(server.hits('/pkg-debug/newschart_wasm_bg.wasm'), 1, 'one download of the wasm');
  const calls = await page.evaluate(() => window.__wasmCalls);
  assert.deepEqual(calls, { compile: 1, instantiate: 2 }, 'one compile, one instance per generation');
  assert.equal(await page.evaluate(() => window.__view.__debug().instances), 2);
  assert.deepEqual(log.errors, [], 'no uncaught exception');
  await page.close();
});
