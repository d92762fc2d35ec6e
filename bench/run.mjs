#!/usr/bin/env node
// The benchmark: newschart against Chart.js 4, ECharts and uPlot (pinned in bench/package.json),
// drawing the same data in headless Chromium: the demo article's three charts, and line charts of
// 10^3, 10^4, 10^5 and 10^6 points from a seeded PRNG.
//
//   node bench/run.mjs                      # everything, 5 fresh page loads per library and case
//   node bench/run.mjs --runs 7 --cases article,line100000 --libs newschart,chartjs
//   BENCH_VERBOSE=1 node bench/run.mjs ...   # also prints every run
//
// Needs pkg/ (bash scripts/build.sh). Installs the three libraries into bench/node_modules when
// missing (npm, pinned versions). Per library and case, the median of the runs of: payload (raw and
// gzip -9, code and data), time from navigation start to the first painted chart frame, an update
// to its painted frame (and its work alone: until the new data is on the canvas, before the wait
// for the next frame), hover-to-tooltip latency p50/p95 (20 pointer moves; from the pointer
// event to the frame where the tooltip shows the new point), and memory after a GC (JS heap, wasm
// memory, all ArrayBuffers, via CDP). Prints a table; writes bench/results/<date>.json and
// bench/results/latest.json. A benchmark, not a test: nothing here asserts a time.

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const RUNS = +arg('runs', 5);
const LIBS = arg('libs', 'newschart,chartjs,echarts,uplot').split(',');
const CASES = arg('cases', 'article,line1000,line10000,line100000,line1000000').split(',');
const HOVERS = 20;

// 1. the libraries, pinned
const pkg = JSON.parse(readFileSync(join(BENCH, 'package.json'), 'utf8'));
const installed = Object.entries(pkg.dependencies).every(([n, v]) => {
  const p = join(BENCH, 'node_modules', n, 'package.json');
  return existsSync(p) && JSON.parse(readFileSync(p, 'utf8')).version === v;
});
if (!installed) {
  console.log('==> npm install (bench/package.json: pinned Chart.js, ECharts, uPlot)');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', BENCH], { stdio: 'inherit' });
}
if (!existsSync(join(REPO, 'pkg', 'newschart_wasm_bg.wasm'))) {
  console.error('==> ERROR: pkg/ is missing: run bash scripts/build.sh first');
  process.exit(1);
}
const { chromium } = await import('playwright-core');

// 2. the data: seeded random walks (x = index), as columns JSON and as a newschart feed
const DATA = join(BENCH, '.data');
mkdirSync(DATA, { recursive: true });
for (const n of [1000, 10000, 100000, 1000000]) {
  const f = join(DATA, `line${n}.json`);
  if (existsSync(f)) continue;
  let s = 12345;
  let v = 100;
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0; // LCG, seeded: the same data every run
    v += (s / 4294967296 - 0.5) * 2;
    x.push(i);
    y.push(Math.round(v * 100) / 100);
  }
  writeFileSync(f, JSON.stringify({ x, y }));
  if (n <= 100000) writeFileSync(join(DATA, `line${n}.feed.json`), JSON.stringify({ version: 1, datasets: [{ kind: 'line', title: 'line', categories: x, series: [{ name: 'y', values: y }] }] }));
}

// 3. a static server: /pkg → pkg/, /feeds → www/feeds/, /bench → bench/
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
// what the server sent since the current page load began: the payload columns are counted here,
// not by reading response bodies back over CDP (that copied the 28 MB of the 10^6 case through the
// browser while the page was being timed, and slowed every library's update there several times)
let served = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.startsWith('/pkg/') ? join(REPO, path) : path.startsWith('/feeds/') ? join(REPO, 'www', path) : path.startsWith('/bench/') ? join(REPO, path) : null;
  if (!file || !file.startsWith(REPO) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
  const body = readFileSync(file);
  // a Content-Length, as static hosting and CDNs send it (every library gets the same headers)
  res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-store' });
  served.push([path, body]);
  res.end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const BASE = `http://127.0.0.1:${server.address().port}`;

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--js-flags=--expose-gc'];
const start = () => chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS });
let browser = await start();
const gz = new Map();
const gzipOf = (url, buf) => { if (!gz.has(url)) gz.set(url, gzipSync(buf, { level: 9 }).length); return gz.get(url); };

async function once(lib, kase) {
  if (!browser.isConnected()) browser = await start(); // a crashed browser is replaced
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 } }); // fresh: no cache
  const page = await context.newPage();
  const bytes = { codeRaw: 0, codeGzip: 0, dataRaw: 0, dataGzip: 0 };
  served = [];
  await page.goto(`${BASE}/bench/pages/${lib}.html?case=${kase}`);
  await page.waitForFunction(() => window.__bench?.ready || window.__bench?.error, null, { timeout: 120000 });
  const b = await page.evaluate(() => window.__bench);
  if (b.error) throw new Error(`${lib} ${kase}: ${b.error}`);
  // hover: HOVERS moves across the last chart's plot, each timed to its tooltip frame
  const t = await page.evaluate(() => window.__target());
  const lat = [];
  for (let k = 0; k < HOVERS; k++) {
    const x = t.x + t.w * (0.15 + 0.7 * ((k * 7) % HOVERS) / HOVERS);
    const y = t.y + t.h * 0.5;
    const p = page.evaluate(() => window.__hover());
    await page.mouse.move(x, y);
    const ms = await p;
    if (ms != null) lat.push(ms);
    await page.mouse.move(t.x + t.w + 60, t.y - 40); // leave, so the next move is a new hover
    await page.waitForTimeout(30);
  }
  // memory after a full GC
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const sumOf = async (proto) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: proto });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
    const { result: r } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.reduce((s, o) => s + (o.byteLength ?? o.buffer?.byteLength ?? 0), 0); }', returnByValue: true });
    return r.value;
  };
  const wasm = await sumOf('WebAssembly.Memory.prototype');
  // ArrayBuffers: V8's backing-store bytes (typed arrays' data, outside the JS heap and apart from
  // wasm memory, which is counted on its own). Summing queryObjects(ArrayBuffer.prototype) read 0
  // for every library.
  const { backingStorageSize: buffers = null } = await cdp.send('Runtime.getHeapUsage');
  for (const [path, body] of new Map(served)) { // each file once: the update fetches its data again
    const p = path.includes('/pages/') ? null : /\.json$/.test(path) ? 'data' : 'code'; // the bench's own page and harness do not count
    if (!p) continue;
    bytes[`${p}Raw`] += body.length;
    bytes[`${p}Gzip`] += gzipOf(path, body);
  }
  await context.close();
  const sorted = [...lat].sort((a, c) => a - c);
  const pct = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);
  return { ...bytes, first: b.first, update: b.update, work: b.work, hoverP50: pct(0.5), hoverP95: pct(0.95), hovers: lat.length,
    jsHeap: metrics.JSHeapUsedSize, wasmMemory: wasm, arrayBuffers: buffers };
}

const median = (xs) => { const v = xs.filter((x) => x != null).sort((a, b) => a - b); return v.length ? v[Math.floor((v.length - 1) / 2)] : null; };
const results = [];
for (const kase of CASES) {
  // the libraries take turns, run by run, so that a machine growing busier mid-case slows them alike
  const runs = Object.fromEntries(LIBS.map((lib) => [lib, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const lib of LIBS) {
      try {
        const x = await once(lib, kase);
        runs[lib].push(x);
        if (process.env.BENCH_VERBOSE) console.log(`      ${kase} ${lib} run ${r + 1}: first ${x.first?.toFixed(0)} ms, update ${x.update?.toFixed(1)} ms (work ${x.work?.toFixed(1)} ms)`);
      } catch (e) { console.error(`==> ${lib} ${kase} run ${r + 1}: ${e.message.split('\n')[0]}`); }
    }
  }
  for (const lib of LIBS) {
    if (!runs[lib].length) { results.push({ lib, case: kase, error: true }); continue; }
    const row = { lib, case: kase, runs: runs[lib].length };
    for (const k of Object.keys(runs[lib][0])) row[k] = median(runs[lib].map((x) => x[k]));
    results.push(row);
    console.log(`    ${kase.padEnd(12)} ${lib.padEnd(10)} first ${row.first?.toFixed(0)} ms, update ${row.update?.toFixed(1)} ms (work ${row.work?.toFixed(1)} ms), hover p50 ${row.hoverP50?.toFixed(1)} ms`);
  }
}
await browser.close();
server.close();

// 4. the table and the record
const kb = (n) => (n == null ? '–' : (n / 1024).toFixed(1));
const mb = (n) => (n == null ? '–' : (n / 1048576).toFixed(1));
const ms = (n, d = 0) => (n == null ? '–' : n.toFixed(d));
const head = ['case', 'library', 'code KB (gz)', 'data KB (gz)', 'first frame ms', 'update ms (work)', 'hover p50/p95 ms', 'JS heap MB', 'wasm MB', 'ArrayBuffers MB'];
const lines = [head, ...results.map((r) => r.error ? [r.case, r.lib, 'failed', '', '', '', '', '', '', '']
  : [r.case, r.lib, `${kb(r.codeRaw)} (${kb(r.codeGzip)})`, `${kb(r.dataRaw)} (${kb(r.dataGzip)})`, ms(r.first), `${ms(r.update, 1)} (${ms(r.work, 1)})`, `${ms(r.hoverP50, 1)} / ${ms(r.hoverP95, 1)}`, mb(r.jsHeap), mb(r.wasmMemory), mb(r.arrayBuffers)])];
const md = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`, ...lines.slice(1).map((l) => `| ${l.join(' | ')} |`)].join('\n');
console.log('\n' + md + '\n');
const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || cpus()[0]?.model;
let chromiumVersion = '';
try { chromiumVersion = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { /* unknown */ }
const record = { date: new Date().toISOString(), machine: { nproc: cpus().length, cpu, chromium: chromiumVersion, node: process.version },
  versions: { ...pkg.dependencies }, runs: RUNS, hovers: HOVERS, results, table: md };
mkdirSync(join(BENCH, 'results'), { recursive: true });
writeFileSync(join(BENCH, 'results', `${record.date.slice(0, 19).replace(/:/g, '-')}.json`), JSON.stringify(record, null, 2) + '\n');
writeFileSync(join(BENCH, 'results', 'latest.json'), JSON.stringify(record, null, 2) + '\n');
console.log(`==> wrote bench/results/latest.json (${record.machine.nproc} cores, ${cpu}, ${chromiumVersion})`);
