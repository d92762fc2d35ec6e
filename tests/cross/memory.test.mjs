// Mounting and removing charts of every kind leaks nothing in Firefox ESR, counted as finely as in
// Chromium (tests/e2e/memory.test.mjs: the same leak page, tests/e2e/pages/leaks/, and the same
// counts): listeners on live targets, observations, timers, FinalizationRegistry entries, the wasm
// heap's live allocations, bytes and JS values (the test build's heap_stats), views; none may grow
// after the warm-up, and every removed element is collected.
//
// Firefox over WebDriver (geckodriver, ./webdriver.mjs). To collect garbage on demand, geckodriver
// runs with --allow-system-access and the test asks every content process for a GC and a cycle
// collection from the chrome context (what about:memory's buttons do), then waits until a canary
// element it made beforehand is gone.
//
//   node --test tests/cross/memory.test.mjs
//   NEWSCHART_FIREFOX_MOUNTS=300 node --test tests/cross/memory.test.mjs   # fewer mounts
//
// Needs the test build in target/pkg-test (NEWSCHART_TEST_PKG to use another):
//   bash scripts/build.sh --nightly --features panic-trigger,heap-stats --out target/pkg-test

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENGINES, freePort, Session, spawnGroup, until } from './webdriver.mjs';
import { REPO, startServer, within } from '../e2e/helpers.mjs';
import { brief, EXACT, moved } from '../common/leaks.mjs';

const PKG = resolve(process.env.NEWSCHART_TEST_PKG || join(REPO, 'target', 'pkg-test'));
const BUILD = 'bash scripts/build.sh --nightly --features panic-trigger,heap-stats --out target/pkg-test';
const MOUNTS = Number(process.env.NEWSCHART_FIREFOX_MOUNTS) || 1000;
const WARM_UP = 80; // ten of each kind in the page's MIX
const BATCH = 25; // mounts per script, each with its own deadline
const BATCH_MS = 240000;

let server;
let driver;
let session;
before(async () => {
  const glue = join(PKG, 'newschart_wasm.js');
  if (!existsSync(glue)) throw new Error(`no test build in ${PKG}: run ${BUILD}`);
  if (!readFileSync(glue, 'utf8').includes('heap_allocations')) throw new Error(`${PKG} was built without --features heap-stats: run ${BUILD}`);
  server = await startServer(['--mount', `/pkg-test=${PKG}`]);
  const firefox = ENGINES.firefox;
  const bin = firefox.driver();
  if (bin.includes('/') && !existsSync(bin)) throw new Error(`geckodriver ${bin} not found (bash scripts/setup.sh installs it)`);
  const port = await freePort();
  driver = spawnGroup(bin, [...firefox.args(port), '--allow-system-access']);
  const url = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (driver.exited) throw new Error(`geckodriver exited: ${driver.output()}`);
    return (await fetch(`${url}/status`, { signal: AbortSignal.timeout(2000) })).ok;
  }, { timeout: 20000, message: `geckodriver to listen on ${port}` });
  session = await Session.create(url, firefox.capabilities());
  // each script may run a batch of mounts: the driver's own limit above the batch's deadline
  await session.cmd('POST', '/timeouts', { script: BATCH_MS + 60000 });
});
after(async () => {
  await session?.quit();
  await driver?.stop();
  server?.close();
});

/** A full GC and cycle collection of the page's process, seen done when a canary element is gone. */
async function gc() {
  for (let round = 0; round < 3; round++) {
    await session.run(() => {
      const d = document.createElement('div');
      d.self = { d }; // a DOM-JS cycle: gone only after a cycle collection
      window.__canary = new WeakRef(d);
    });
    await session.cmd('POST', '/moz/context', { context: 'chrome' });
    try {
      await session.execute('Services.obs.notifyObservers(null, "child-gc-request"); Services.obs.notifyObservers(null, "child-cc-request"); Services.obs.notifyObservers(null, "child-gc-request");');
    } finally {
      await session.cmd('POST', '/moz/context', { context: 'content' });
    }
    await until(async () => {
      const gone = await session.run(() => !window.__canary.deref());
      if (!gone) {
        await session.cmd('POST', '/moz/context', { context: 'chrome' });
        try { await session.execute('Services.obs.notifyObservers(null, "child-cc-request"); Services.obs.notifyObservers(null, "child-gc-request");'); }
        finally { await session.cmd('POST', '/moz/context', { context: 'content' }); }
      }
      return gone;
    }, { timeout: 30000, interval: 200, message: 'a garbage collection of the page (the canary element to be collected)' });
  }
}

const counts = async () => {
  await gc();
  return within(60000, session.runAsync(() => window.__leaks.counts()), 'reading the counts');
};

async function cycle(n, opts) {
  for (let done = 0; done < n; done += BATCH) {
    const k = Math.min(BATCH, n - done);
    // (thrown as text: Firefox's error.stack, which runAsync reports, leaves out the message)
    const batch = (k2, o) => window.__leaks.cycle(k2, o).catch((e) => { throw `${e}\n${e && e.stack}`; });
    await within(BATCH_MS, session.runAsync(batch, k, opts),
      `mounting charts ${done + 1}-${done + k} of ${n} (a chart that never settles fails sooner, by its own deadline)`);
  }
}

test(`Firefox: mounting and removing ${MOUNTS} charts of every kind grows no count at all`, { timeout: 15 * 60000 }, async () => {
  await session.navigate(`${server.url}e2e/leaks/index.html`);
  await session.waitFor(() => window.__ready === true, [], { timeout: 30000, message: 'the leak page to load' });
  const t0 = Date.now();
  await cycle(WARM_UP, {});
  const base = await counts();
  const t1 = Date.now();
  await cycle(MOUNTS, { track: true });
  const secs = (Date.now() - t1) / 1000;
  const end = await counts();
  const alive = await session.run(() => window.__leaks.alive());
  const errors = await session.run(() => window.__leakErrors || []);
  console.log(`# ${session.browserName} ${session.browserVersion}: ${MOUNTS} mounts in ${secs.toFixed(0)} s (warm-up of ${WARM_UP} included: ${((Date.now() - t0) / 1000).toFixed(0)} s in all)`);
  console.log(`# after the warm-up: ${brief(base)}`);
  console.log(`# after ${MOUNTS} more:  ${brief(end)}`);

  assert.equal(await session.run(() => window.__leaks.removed.length), MOUNTS);
  assert.ok(end.totalAllocations - base.totalAllocations > MOUNTS * 10, `the allocator counted ${end.totalAllocations - base.totalAllocations} allocations over ${MOUNTS} charts`);
  assert.ok(base.wasmAllocations > 0 && base.instances === 2, `both modules (standard and large-data) are counted: ${JSON.stringify(base)}`);
  assert.ok(base.mutationObservations > 0, 'the loader\'s observer is seen');
  assert.deepEqual(moved(base, end), [], `counts grew over ${MOUNTS} mounts`);
  assert.equal(alive, 0, `${alive} of ${MOUNTS} removed charts are still reachable`);
  assert.equal(end.views, 0, 'no view is still registered');
  assert.deepEqual(errors, []);
});
