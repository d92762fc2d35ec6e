// Mounting and removing a chart 1,000 times leaks nothing: every removed
// element can be garbage-collected (no event listener, closure or
// ResizeObserver keeps it), the listeners on window and document are back to
// where they were, the wasm Chart objects are freed (wasm memory does not
// grow) and the JS heap does not grow. A quarter of the charts are removed
// while their feed is still loading. Removed charts a page keeps free their
// wasm objects at once.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './helpers.mjs';
import { startFaultServer } from './faultserver.mjs';

let server;
let browser;
before(async () => { [server, browser] = await Promise.all([startFaultServer(), launch()]); });
after(async () => { await browser?.close(); await server?.close(); });

const MOUNTS = 1000;
/** Growth allowed after the warm-up, in bytes: far less than 1,000 of anything a chart holds. */
const WASM_SLACK = 1 << 20;
const HEAP_SLACK = 2 << 20;

test(`mounting and removing a chart ${MOUNTS} times leaks nothing`, async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}e2e/harness.html`);
  await page.waitForFunction(() => window.__ready === true);
  await page.evaluate(() => {
    window.__refs = [];
    // n charts, one after another: mount, wait until drawn (or, every 4th, until loading), remove
    window.__kept = [];
    window.__cycle = async (n, keep, hold) => {
      for (let i = 0; i < n; i++) {
        const el = document.createElement('news-chart');
        el.setAttribute('src', '/feeds/hamlets.json');
        el.setAttribute('height', '200');
        const early = i % 4 === 3;
        const done = new Promise((ok) => {
          const mo = new MutationObserver(() => {
            const s = el.getAttribute('data-state');
            if (s === 'error') throw new Error('a chart failed');
            if (s === 'ready' || (early && s === 'loading')) { mo.disconnect(); ok(); }
          });
          mo.observe(el, { attributes: true, attributeFilter: ['data-state'] });
        });
        document.body.append(el);
        await done;
        el.remove();
        if (keep) window.__refs.push(new WeakRef(el));
        if (hold) window.__kept.push(el);
      }
    };
  });
  const cdp = await page.context().newCDPSession(page);
  const gc = async () => { for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage'); };
  const listeners = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: l } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return l.map((x) => x.type).sort().join(',');
  };
  const measure = async () => {
    await gc();
    return {
      heap: (await cdp.send('Runtime.getHeapUsage')).usedSize,
      wasm: await page.evaluate(() => window.__view.__debug().wasmBytes),
      charts: await page.evaluate(() => window.__view.__debug().charts),
      window: await listeners('window'),
      document: await listeners('document'),
    };
  };

  await page.evaluate(() => window.__cycle(50, false)); // warm-up: caches, the wasm heap, JIT
  const base = await measure();
  await page.evaluate((n) => window.__cycle(n, true), MOUNTS);
  const end = await measure();
  const alive = await page.evaluate(() => window.__refs.filter((r) => r.deref()).length);

  assert.equal(await page.evaluate(() => window.__refs.length), MOUNTS);
  assert.equal(alive, 0, `${alive} of ${MOUNTS} removed charts are still reachable`);
  assert.equal(end.charts, 0, 'no view is still registered');
  assert.equal(end.window, base.window, 'listeners on window');
  assert.equal(end.document, base.document, 'listeners on document');
  assert.ok(base.wasm > 0);
  assert.ok(end.wasm - base.wasm <= WASM_SLACK, `wasm memory grew from ${base.wasm} to ${end.wasm} bytes`);
  assert.ok(end.heap - base.heap <= HEAP_SLACK, `JS heap grew from ${base.heap} to ${end.heap} bytes`);

  // Pages may keep removed elements (to put them back later): their wasm objects are freed at
  // once on removal, not when the element is collected, so the wasm memory does not grow.
  const held = 300;
  await page.evaluate((n) => window.__cycle(n, false, true), held);
  const kept = await measure();
  assert.equal(await page.evaluate(() => window.__kept.filter((el) => el._view && el._view._chart !== null).length), 0, 'a removed chart still holds its wasm object');
  assert.ok(kept.wasm - end.wasm <= WASM_SLACK, `wasm memory grew from ${end.wasm} to ${kept.wasm} bytes with ${held} removed charts kept`);
  assert.deepEqual(errors, []);
  console.log(`# ${MOUNTS} mounts: wasm ${base.wasm} -> ${end.wasm} B, JS heap ${base.heap} -> ${end.heap} B`);
  await page.close();
});
