#!/usr/bin/env node
// Two builds of newschart side by side on one update: setColumns with 10^6 points (one series), to
// its painted frame (the animation frame after the promise settled). A fresh page per load, the two
// builds' loads alternating, 12 updates per load after 3 warm-up ones; prints each build's median.
// For a change whose effect is smaller than the machine's noise between runs of bench/run.mjs.
//
//   bash scripts/build.sh --nightly --out target/pkg-test   # the other build (e.g. at an older commit)
//   cp -r target/pkg-test /tmp/pkg-old && node bench/update-ab.mjs /tmp/pkg-old pkg [--loads 4]
//
// A benchmark, not a test: it asserts nothing.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith('--'));
if (!a || !b) { console.error('usage: node bench/update-ab.mjs OLD_PKG_DIR NEW_PKG_DIR [--loads N]'); process.exit(2); }
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
const all = { old: [], new: [] };
for (let r = 0; r < LOADS; r++) for (const v of ['old', 'new']) {
  const ctx = await br.newContext({ viewport: { width: 800, height: 600 } });
  const p = await ctx.newPage();
  await p.goto(`http://127.0.0.1:${s.address().port}/page?v=${v}`);
  const t = await p.evaluate(async () => {
    const n = 1000000, x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = i;
    const mk = (k) => { const y = new Float64Array(n); let v = 100; for (let i = 0; i < n; i++) { v += Math.sin(i * 0.001 + k) * 0.5; y[i] = v; } return { title: 'u', locale: 'en', x, series: [{ name: 'y', values: y }] }; };
    const el = document.getElementById('c');
    const sets = [mk(0), mk(1)];
    const out = [];
    for (let k = 0; k < 15; k++) {
      const t0 = performance.now();
      await el.setColumns(sets[k % 2]);
      await new Promise((ok) => requestAnimationFrame(() => ok()));
      if (k >= 3) out.push(performance.now() - t0);
    }
    return out;
  });
  all[v].push(...t);
  await ctx.close();
}
const med = (a) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1]; };
for (const v of ['old', 'new']) console.log(`${v} (${DIRS[v]})`, 'median', med(all[v]).toFixed(1), 'ms; min', Math.min(...all[v]).toFixed(1), 'n', all[v].length);
await br.close(); s.close();
