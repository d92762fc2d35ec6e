#!/usr/bin/env node
// Two builds of newschart side by side on one update: setColumns with 10^6 points (one series). A
// fresh page per load, the two builds' loads alternating, 12 updates per load after 3 warm-up ones;
// prints each build's medians of three times, each from the update's start at the start of a frame
// (in an animation frame callback, as a page reacting to a frame would):
//   work    until setColumns' promise settled (the new data drawn on the canvas);
//   frame   until the frame that shows it is done: its style, layout, paint and commit, where the
//           browser rasterises what the canvas was told to draw (a task posted when the work ended
//           runs after that frame); what a reader waits for. Under 16.7 ms: the update is on screen
//           in the frame it began in;
//   painted until the next animation frame callback after the work: the frame after that one, so
//           never under one frame interval (16.7 ms at 60 Hz) however fast the update is.
// For a change whose effect is smaller than the machine's noise between runs of bench/run.mjs.
//
//   bash scripts/build.sh --nightly --out target/pkg-test   # the other build (e.g. at an older commit)
//   cp -r target/pkg-test /tmp/pkg-old && node bench/update-ab.mjs /tmp/pkg-old pkg [--loads 4] [--profile]
//
// --profile: then, per build, where 8 updates' time goes: the CPU profile's self time by function
// (Chromium's sampling profiler over CDP; a build from `scripts/build.sh --dev --out DIR` keeps the
// wasm's function names) and, from a trace, the frame's commit (LayerTreeHost::DoUpdateLayers,
// where the canvas is rasterised).
//
// A benchmark, not a test: it asserts nothing.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith('--'));
if (!a || !b) { console.error('usage: node bench/update-ab.mjs OLD_PKG_DIR NEW_PKG_DIR [--loads N] [--profile]'); process.exit(2); }
const i = process.argv.indexOf('--loads');
const LOADS = i > 0 ? +process.argv[i + 1] : 4;
const DIRS = { old: resolve(a), new: resolve(b) };
const T = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const s = createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const [, which, ...rest] = u.pathname.split('/');
  if (which === 'page') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(`<!doctype html><script type="module" src="/${u.searchParams.get('v')}/newschart.js"></script><news-chart id=c height=320 style="display:block;width:640px"></news-chart>`); return; }
  const f = join(DIRS[which] || '/nonexistent', ...rest);
  if (!existsSync(f)) { res.writeHead(404); res.end(); return; }
  const b = readFileSync(f); res.writeHead(200, { 'content-type': T[extname(f)] || 'application/octet-stream', 'content-length': b.length }); res.end(b);
});
await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
const br = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
/** In the page: N updates of 10^6 points; the times of all but the first 3. */
async function updates(N) {
  const n = 1000000, x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = i;
  const mk = (k) => { const y = new Float64Array(n); let v = 100; for (let i = 0; i < n; i++) { v += Math.sin(i * 0.001 + k) * 0.5; y[i] = v; } return { title: 'u', locale: 'en', x, series: [{ name: 'y', values: y }] }; };
  const el = document.getElementById('c');
  const sets = (window.__sets ??= [mk(0), mk(1)]); // made once a page
  const out = [];
  const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
  // resolves in a task of its own: after the task running now (a frame, with its commit) ends
  const afterTask = () => new Promise((ok) => { const c = new MessageChannel(); c.port1.onmessage = () => ok(); c.port2.postMessage(0); });
  for (let k = 0; k < N; k++) {
    await frame();
    const t0 = performance.now();
    let sameTask = true;
    afterTask().then(() => { sameTask = false; });
    await el.setColumns(sets[k % 2]);
    const work = performance.now() - t0;
    // the work ended inside the frame it began in: that frame shows it; else the next one will
    const shown = sameTask ? afterTask() : frame().then(afterTask);
    const painted = frame().then(() => performance.now() - t0);
    await shown;
    const done = performance.now() - t0;
    if (k >= 3) out.push({ work, frame: done, painted: await painted });
  }
  return out;
}

const all = { old: [], new: [] };
for (let r = 0; r < LOADS; r++) for (const v of ['old', 'new']) {
  const ctx = await br.newContext({ viewport: { width: 800, height: 600 } });
  const p = await ctx.newPage();
  await p.goto(`http://127.0.0.1:${s.address().port}/page?v=${v}`);
  const t = await p.evaluate(updates, 15);
  all[v].push(...t);
  await ctx.close();
}
const med = (a) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1].toFixed(1); };
for (const v of ['old', 'new']) {
  const r = all[v];
  console.log(`${v} (${DIRS[v]}) medians: work ${med(r.map((x) => x.work))} ms, frame ${med(r.map((x) => x.frame))} ms, painted ${med(r.map((x) => x.painted))} ms; n ${r.length}`);
}
if (process.argv.includes('--profile')) for (const v of ['old', 'new']) {
  const p = await br.newPage({ viewport: { width: 800, height: 600 } });
  await p.goto(`http://127.0.0.1:${s.address().port}/page?v=${v}`);
  const cdp = await p.context().newCDPSession(p);
  await p.evaluate(updates, 4); // the data made, the code warm
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await br.startTracing(p, { categories: ['disabled-by-default-devtools.timeline', 'cc'] });
  await p.evaluate(updates, 11);
  const trace = JSON.parse(String(await br.stopTracing()));
  const { profile } = await cdp.send('Profiler.stop');
  // self time by function, per update
  const node = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map();
  profile.samples.forEach((id, k) => {
    const f = node.get(id);
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}`;
    self.set(name, (self.get(name) || 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000 / 11);
  });
  const commits = (trace.traceEvents || trace).filter((e) => e.name === 'LayerTreeHost::DoUpdateLayers' && e.dur > 0).map((e) => e.dur / 1000);
  console.log(`${v}: the frame's commit (canvas rasterised) median ${med(commits)} ms; self time per update, ms:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${ms.toFixed(2).padStart(6)} ${name}`);
  await p.close();
}
await br.close(); s.close();
