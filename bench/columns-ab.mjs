#!/usr/bin/env node
// Two builds of the large-data module side by side, its three steps timed apart at 10^6 points (one
// series): Chart.from_columns, layout and draw_at, called on the glue directly (no element), 10
// times per page after 2 warm-up ones, a fresh page per load, the builds alternating; medians.
// Either from_columns API (Float64Arrays, or the column reader of issue 19) is called as the build
// takes it (the glue's source says which).
//
//   node bench/columns-ab.mjs /tmp/pkg-old pkg [--loads 4]
//
// A benchmark, not a test: it asserts nothing.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith('--'));
if (!a || !b) { console.error('usage: node bench/columns-ab.mjs OLD_PKG_DIR NEW_PKG_DIR [--loads N]'); process.exit(2); }
const li = process.argv.indexOf('--loads');
const LOADS = li > 0 ? +process.argv[li + 1] : 4;
const DIRS = { old: resolve(a), new: resolve(b) };
// which API a build's glue has: the column reader copies no arrays in, so frees none on an error
const reader = Object.fromEntries(Object.entries(DIRS).map(([k, d]) => [k, !/__wbindgen_free/.test(readFileSync(join(d, 'newschart_wasm.js'), 'utf8').split('from_columns(')[1].split(/\}\s*hit\(/)[0])]));
const T = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
const s = createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/page') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(`<!doctype html><canvas id=c width=640 height=320></canvas>`); return; }
  const [, w, ...rest] = u.pathname.split('/');
  if (!DIRS[w]) { res.writeHead(404); res.end(); return; }
  const f = join(DIRS[w], ...rest);
  if (!existsSync(f)) { res.writeHead(404); res.end(); return; }
  const b = readFileSync(f); res.writeHead(200, { 'content-type': T[extname(f)] || 'application/octet-stream' }); res.end(b);
});
await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
const br = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const res = { old: { load: [], layout: [], draw: [] }, new: { load: [], layout: [], draw: [] } };
for (let r = 0; r < LOADS; r++) for (const v of ['old', 'new']) {
  const p = await br.newPage();
  await p.goto(`http://127.0.0.1:${s.address().port}/page`);
  const out = await p.evaluate(async ([v, byReader]) => {
    const g = await import(`/${v}/newschart_wasm.js`);
    await g.default({ module_or_path: `/${v}/newschart_large_bg.wasm` });
    const n = 1000000, x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = i; y[i] = 100 + Math.sin(i / 3000) * 10 + (i % 7); }
    const ctx = document.getElementById('c').getContext('2d');
    const o = { load: [], layout: [], draw: [] };
    let prev = null;
    for (let k = 0; k < 12; k++) {
      if (prev) prev.free();
      const t0 = performance.now();
      const c = !byReader ? g.Chart.from_columns('{"title":"t"}', x, y, 1) : g.Chart.from_columns('{"title":"t"}', { r: (k, a, o) => o.set((k ? y : x).subarray(a, a + o.length)) }, n, 1);
      const t1 = performance.now();
      c.layout(640, 320, ctx);
      const t2 = performance.now();
      c.draw_at(ctx, 640, 320, 1, 1);
      const t3 = performance.now();
      if (k >= 2) { o.load.push(t1 - t0); o.layout.push(t2 - t1); o.draw.push(t3 - t2); }
      prev = c;
    }
    return o;
  }, [v, reader[v]]).catch((e) => { console.log(v, String(e).slice(0, 300)); return null; });
  if (out) for (const k in out) res[v][k].push(...out[k]);
  await p.close();
}
const med = (a) => { const b = [...a].sort((x, y) => x - y); return b.length ? b[b.length >> 1].toFixed(1) : '-'; };
for (const v of ['old', 'new']) console.log(`${v} (${DIRS[v]})`, 'from_columns', med(res[v].load), 'layout', med(res[v].layout), 'draw', med(res[v].draw));
await br.close(); s.close();
