// Mounting and removing 1,000 charts of every kind leaks nothing, counted finely (Chromium; the
// same page and counts run in Firefox in tests/cross/memory.test.mjs). The page
// (tests/e2e/pages/leaks/) counts, before the element's loader runs, every listener still attached
// to a live target, every observation of a Resize-, Intersection- or MutationObserver not ended,
// every timer, animation frame and idle callback pending, and every FinalizationRegistry entry
// (wasm-bindgen's Chart wrappers) not unregistered; the test build's wasm modules
// (--features heap-stats) count their live allocations and bytes with the allocator's own counters
// (talc) and the JS values they hold. After a warm-up (caches, the large-data module, JIT), none
// of these may grow by a single one over 1,000 mounts; every removed element is collected; a
// removed chart that the page keeps frees its wasm memory at once. Every wait fails with a message
// after a deadline: a chart that errors, or never loads, ends the test with what it was doing.
//
// Needs the test build in target/pkg-test (NEWSCHART_TEST_PKG to use another): the readers'
// modules through the release pipeline with the heap-stats feature:
//   bash scripts/build.sh --nightly --features panic-trigger,heap-stats --out target/pkg-test

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, REPO, startServer, within } from './helpers.mjs';
import { brief, EXACT, moved } from '../common/leaks.mjs';

const PKG = resolve(process.env.NEWSCHART_TEST_PKG || join(REPO, 'target', 'pkg-test'));
const BUILD = 'bash scripts/build.sh --nightly --features panic-trigger,heap-stats --out target/pkg-test';
const MOUNTS = 1000;
const WARM_UP = 80; // ten of each kind in MIX
const BATCH = 50; // mounts per page.evaluate, each with its own deadline
const BATCH_MS = 240000;
/**
 * Coarse, beside the exact counts: V8's used heap after a full GC. It grows by ~250 B a mount that
 * are not the page's: a heap snapshot diff shows DevTools' own buffers for each request
 * (NetworkResourcesData, on while Playwright watches the network) and console messages kept.
 */
const HEAP_SLACK = 2 << 20;

let server;
let browser;
before(async () => {
  const glue = join(PKG, 'newschart_wasm.js');
  if (!existsSync(glue)) throw new Error(`no test build in ${PKG}: run ${BUILD}`);
  if (!readFileSync(glue, 'utf8').includes('heap_allocations')) throw new Error(`${PKG} was built without --features heap-stats: run ${BUILD}`);
  [server, browser] = await Promise.all([startServer(['--mount', `/pkg-test=${PKG}`]), launch()]);
});
after(async () => { await browser?.close(); server?.close(); });

async function open() {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // the chart whose feed errors says so in the console, as it should; nothing else may
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('[newschart] /e2e/feeds/invalid.json:')) errors.push(m.text()); });
  await page.goto(`${server.url}e2e/leaks/index.html`);
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 30000 });
  const cdp = await page.context().newCDPSession(page);
  const listenersOn = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.map((x) => x.type).sort().join(',');
  };
  const measure = async () => {
    const gc = async () => { for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage'); };
    await gc();
    const counts = await within(60000, page.evaluate(() => window.__leaks.counts()), 'reading the counts');
    await gc(); // what counting let go (its weak references to targets now dead)
    return {
      ...counts,
      heap: (await cdp.send('Runtime.getHeapUsage')).usedSize,
      // what the browser itself lists, beside the page's own count (a listener added through a
      // saved reference to the original addEventListener would show here)
      windowListeners: await listenersOn('window'),
      documentListeners: await listenersOn('document'),
    };
  };
  const cycle = async (n, opts) => {
    for (let done = 0; done < n; done += BATCH) {
      const k = Math.min(BATCH, n - done);
      await within(BATCH_MS, page.evaluate(([k2, o]) => window.__leaks.cycle(k2, o), [k, opts]),
        `mounting charts ${done + 1}-${done + k} of ${n} (a chart that never settles fails sooner, by its own deadline)`);
    }
  };
  return { page, errors, measure, cycle };
}

test(`mounting and removing ${MOUNTS} charts of every kind grows no count at all`, { timeout: 15 * 60000 }, async () => {
  const { page, errors, measure, cycle } = await open();
  const t0 = Date.now();
  await cycle(WARM_UP, {});
  const base = await measure();
  await cycle(MOUNTS, { track: true });
  const end = await measure();
  const secs = (Date.now() - t0) / 1000;
  const alive = await page.evaluate(() => window.__leaks.alive());
  console.log(`# Chromium, ${WARM_UP} + ${MOUNTS} mounts in ${secs.toFixed(0)} s`);
  console.log(`# after the warm-up: ${brief(base)}`);
  console.log(`# after ${MOUNTS} more:  ${brief(end)}`);

  assert.equal(await page.evaluate(() => window.__leaks.removed.length), MOUNTS);
  // the counters count: the wasm heap made allocations, and the charts' listeners were seen
  assert.ok(end.totalAllocations - base.totalAllocations > MOUNTS * 10, `the allocator counted ${end.totalAllocations - base.totalAllocations} allocations over ${MOUNTS} charts`);
  assert.ok(base.wasmAllocations > 0 && base.instances === 2, `both modules (standard and large-data) are counted: ${JSON.stringify(base)}`);
  assert.ok(base.pageListeners > 0 && base.intersectionObservations >= 0 && base.mutationObservations > 0, 'the page\'s own listeners and the loader\'s observer are seen');
  assert.deepEqual(moved(base, end), [], `counts grew over ${MOUNTS} mounts`);
  assert.equal(alive, 0, `${alive} of ${MOUNTS} removed charts are still reachable`);
  assert.equal(end.views, 0, 'no view is still registered');
  assert.equal(end.windowListeners, base.windowListeners, 'listeners on window (as the browser lists them)');
  assert.equal(end.documentListeners, base.documentListeners, 'listeners on document (as the browser lists them)');
  assert.ok(end.heap - base.heap <= HEAP_SLACK, `JS heap grew from ${base.heap} to ${end.heap} bytes`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('removed charts that the page keeps free their wasm memory at once and hold nothing of the page', { timeout: 10 * 60000 }, async () => {
  const { page, errors, measure, cycle } = await open();
  const KEPT = 300;
  await cycle(WARM_UP, {});
  const base = await measure();
  await cycle(KEPT, { hold: true });
  const end = await measure();
  console.log(`# Chromium, ${KEPT} removed charts kept: ${brief(end)}`);
  assert.equal(await page.evaluate(() => window.__leaks.held.filter((el) => el._view && el._view._chart !== null).length), 0, 'a removed chart still holds its wasm object');
  // their own shadow DOM's listeners live on with them (so `listeners` grows); nothing else may
  const keys = EXACT.filter((k) => k !== 'listeners');
  assert.deepEqual(moved(base, end, keys), [], `counts grew with ${KEPT} removed charts kept`);
  assert.deepEqual(errors, []);
  await page.close();
});
