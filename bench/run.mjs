#!/usr/bin/env node
// The benchmark: newschart against Chart.js 4, ECharts and uPlot (pinned in bench/package.json),
// drawing the same data in headless Chromium: the demo article's three charts, and line charts of
// 10^3, 10^4, 10^5 and 10^6 points from a seeded PRNG.
//
//   node bench/run.mjs                      # everything, 5 fresh page loads per library and case
//   node bench/run.mjs --runs 7 --cases article,line100000 --libs newschart,chartjs
//   BENCH_VERBOSE=1 node bench/run.mjs ...   # also prints every run
//   node bench/run.mjs --profile phone --compress br   # a phone on a slow network, files sent brotli
//   BENCH_WATERFALL=1 node bench/run.mjs ...  # also prints each load's requests, as a waterfall
//   BENCH_TRACE=/tmp/t node bench/run.mjs ...  # and writes each load's Chromium trace, /tmp/t-LIB.json
//   node bench/run.mjs --cases article --no-static ...  # newschart's article without its static images
//
// Profiles: desktop (800×1000 CSS px, DPR 1, no throttling: the figures of earlier runs) and phone
// (412×915 CSS px, DPR 2, touch, 4× CPU slowdown through CDP Emulation.setCPUThrottlingRate, 150 ms
// round trip, 1.6 Mbps down and 750 kbps up through CDP Network.emulateNetworkConditions; its
// default cases are the article only: the 10^6 case's 14 MB would take over a minute a load).
// --compress none|gzip|br: the server sends every file as it is, or gzip -9 / brotli 11 encoded when
// the browser accepts it, as a CDN sends static files precompressed (default none).
//
// Needs pkg/ (bash scripts/build.sh). Installs the three libraries into bench/node_modules when
// missing (npm, pinned versions). Per library and case, the median of the runs of: payload (raw and
// gzip -9, and as sent with --compress; code and data), time from navigation start to the first
// frame that shows a chart (static or live: bench/pages/visible.js, any drawn canvas, img or svg),
// to the first frame where a tap on the first chart shows its tooltip (interactive), and to the
// harness's own first painted chart frame (after the library said it drew: "first frame"), an update
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
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const RUNS = +arg('runs', 5);
const LIBS = arg('libs', 'newschart,chartjs,echarts,uplot').split(',');
const PROFILE = arg('profile', 'desktop');
const COMPRESS = arg('compress', 'none');
const PROFILES = {
  desktop: { viewport: { width: 800, height: 1000 }, deviceScaleFactor: 1, hasTouch: false, cpu: 1, network: null },
  phone: { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, hasTouch: true, cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 } },
};
if (!PROFILES[PROFILE] || !['none', 'gzip', 'br'].includes(COMPRESS)) {
  console.error('==> ERROR: --profile desktop|phone, --compress none|gzip|br');
  process.exit(2);
}
const PROF = PROFILES[PROFILE];
const CASES = arg('cases', PROFILE === 'phone' ? 'article' : 'article,line1000,line10000,line100000,line1000000').split(',');
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

// 3. a static server: /pkg → pkg/, /bench → bench/, anything else → www/ (feeds, static renderings)
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.webp': 'image/webp' };
// visible.js, inlined at the top of every bench page: it watches from before any library loads
const VISIBLE = `<script>${readFileSync(join(BENCH, 'pages', 'visible.js'), 'utf8')}</script>`;
// the article's three <news-chart> elements, as www/index.html has them today (static first
// paints included), with its relative addresses made absolute for the bench page
const ARTICLE_AS_IS = readFileSync(join(REPO, 'www', 'index.html'), 'utf8').split('\n').map((l) => l.trim())
  .filter((l) => l.startsWith('<news-chart src="feeds/')).join('\n').replace(/(src|srcset)="(feeds|static)\//g, '$1="/$2/');
// --no-static: the same elements without their static images (the live chart alone, as before issue 19)
const ARTICLE_CHARTS = process.argv.includes('--no-static') ? ARTICLE_AS_IS.replace(/<picture slot="static"[^]*?<\/picture>/g, '') : ARTICLE_AS_IS;
if (ARTICLE_CHARTS.split('<news-chart').length !== 4) throw new Error('bench: www/index.html should have the three article charts, one per line');
// encoded bodies, made once per file and kept (a CDN's precompressed copies): gzip -9, brotli 11
const encoded = new Map();
const encode = (path, body, enc) => {
  const key = `${enc} ${path}`;
  if (!encoded.has(key)) encoded.set(key, enc === 'br' ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gzipSync(body, { level: 9 }));
  return encoded.get(key);
};
// what the server sent since the current page load began: the payload columns are counted here,
// not by reading response bodies back over CDP (that copied the 28 MB of the 10^6 case through the
// browser while the page was being timed, and slowed every library's update there several times)
let served = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.startsWith('/pkg/') || path.startsWith('/bench/') ? join(REPO, path) : join(REPO, 'www', path);
  if (!file.startsWith(REPO) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
  let body = readFileSync(file);
  if (path.startsWith('/bench/pages/') && path.endsWith('.html')) body = Buffer.from(body.toString().replace('<head>', `<head>${VISIBLE}`));
  if (path === '/bench/pages/newschart-article.html') body = Buffer.from(body.toString().replace('<!-- CHARTS -->', ARTICLE_CHARTS));
  const type = TYPES[extname(file)] || 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-store', vary: 'accept-encoding' };
  let sent = body;
  const accepts = (req.headers['accept-encoding'] || '').split(',').map((e) => e.trim().split(';')[0]);
  if (COMPRESS !== 'none' && accepts.includes(COMPRESS) && !/^image\/(png|webp)/.test(type)) {
    sent = encode(path, body, COMPRESS);
    headers['content-encoding'] = COMPRESS;
  }
  // a Content-Length, as static hosting and CDNs send it (every library gets the same headers)
  headers['content-length'] = sent.length;
  res.writeHead(200, headers);
  served.push([path, body, sent.length]);
  res.end(sent);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const BASE = `http://127.0.0.1:${server.address().port}`;

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--js-flags=--expose-gc'];
const start = () => chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS });
let browser = await start();
const gz = new Map();
const gzipOf = (url, buf) => { if (!gz.has(url)) gz.set(url, gzipSync(buf, { level: 9 }).length); return gz.get(url); };

async function once(lib, kase, warmUp = false) {
  if (!browser.isConnected()) browser = await start(); // a crashed browser is replaced
  // fresh: no cache
  const context = await browser.newContext({ viewport: PROF.viewport, deviceScaleFactor: PROF.deviceScaleFactor, hasTouch: PROF.hasTouch });
  const page = await context.newPage();
  const cdp0 = await context.newCDPSession(page);
  if (PROF.cpu > 1) await cdp0.send('Emulation.setCPUThrottlingRate', { rate: PROF.cpu });
  if (PROF.network) { await cdp0.send('Network.enable'); await cdp0.send('Network.emulateNetworkConditions', PROF.network); }
  const waterfall = WATERFALL && !warmUp ? await watchRequests(cdp0) : null;
  const trace = process.env.BENCH_TRACE && !warmUp;
  if (trace) await browser.startTracing(page, { path: `${process.env.BENCH_TRACE}-${lib}.json`, categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'] });
  const bytes = { codeRaw: 0, codeGzip: 0, codeSent: 0, dataRaw: 0, dataGzip: 0, dataSent: 0 };
  served = [];
  // the newschart article as an article page embeds it: its elements in the HTML
  const pageName = lib === 'newschart' && kase === 'article' ? 'newschart-article' : lib;
  await page.goto(`${BASE}/bench/pages/${pageName}.html?case=${kase}`, { waitUntil: 'commit' });
  // a reader taps the first chart (clicks it on desktop) until a tooltip shows: visible.js records
  // the frame, the harness says where to tap (the library's first point once it knows it)
  const tapUntil = Date.now() + 120000;
  let taps = 0;
  let firstTap = 0;
  for (;;) { // one round trip a tap: its figure is late by at most one loop (tapGap, ms)
    const st = await page.evaluate(() => ({ done: window.__vis?.interactive != null || !!window.__bench?.error, pt: window.__tapPoint?.() })).catch(() => ({}));
    if (st.done || Date.now() > tapUntil) break;
    if (st.pt) {
      if (!taps++) firstTap = Date.now();
      if (PROF.hasTouch) await page.touchscreen.tap(st.pt.x, st.pt.y);
      else await page.mouse.click(st.pt.x, st.pt.y);
    } else await page.waitForTimeout(25); // no chart yet: look again soon, without crowding the page
  }
  const tapGap = taps ? (Date.now() - firstTap) / taps : null;
  if (waterfall) console.log(waterfall(lib));
  if (trace) await browser.stopTracing();
  await page.evaluate(() => { window.__tapsDone = true; }).catch(() => {});
  await page.waitForFunction(() => window.__bench?.ready || window.__bench?.error, null, { timeout: 120000 });
  const b = await page.evaluate(() => window.__bench);
  if (b.error) throw new Error(`${lib} ${kase}: ${b.error}`);
  const vis = await page.evaluate(() => window.__vis);
  // the rest (hovers, update, memory) unthrottled: the first-paint figures are what the profile is for
  if (PROF.cpu > 1) await cdp0.send('Emulation.setCPUThrottlingRate', { rate: 1 });
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
  for (const [path, [body, sent]] of new Map(served.map(([p, b, n]) => [p, [b, n]]))) { // each file once: the update fetches its data again
    // the bench's own page and harness do not count; feeds and newschart's static images are data
    const p = path.includes('/pages/') ? null : /\.json$|^\/static\/.*\.svg$/.test(path) ? 'data' : 'code';
    if (!p) continue;
    bytes[`${p}Raw`] += body.length;
    bytes[`${p}Gzip`] += gzipOf(path, body);
    bytes[`${p}Sent`] += sent;
  }
  await context.close();
  const sorted = [...lat].sort((a, c) => a - c);
  const pct = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);
  return { ...bytes, visible: vis.visible, visibleBy: vis.by, interactive: vis.interactive, taps, tapGap, first: b.first, update: b.update, work: b.work, hoverP50: pct(0.5), hoverP95: pct(0.95), hovers: lat.length,
    jsHeap: metrics.JSHeapUsedSize, wasmMemory: wasm, arrayBuffers: buffers };
}

// BENCH_WATERFALL=1: each request of each load, from navigation start: asked, first byte, done (ms)
const WATERFALL = !!process.env.BENCH_WATERFALL;
async function watchRequests(cdp) {
  await cdp.send('Network.enable');
  const reqs = new Map();
  let t0 = null;
  cdp.on('Network.requestWillBeSent', (e) => { t0 ??= e.timestamp; reqs.set(e.requestId, { url: e.request.url.replace(BASE, ''), asked: e.timestamp }); });
  cdp.on('Network.responseReceived', (e) => { const r = reqs.get(e.requestId); if (r) r.head = e.timestamp; });
  cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r) { r.done = e.timestamp; r.bytes = e.encodedDataLength; } });
  const ms = (t) => (t == null ? '-' : ((t - t0) * 1000).toFixed(0).padStart(5));
  return (lib) => [`      ${lib} requests (ms from the first: asked, first byte, done, bytes)`,
    ...[...reqs.values()].map((r) => `      ${ms(r.asked)} ${ms(r.head)} ${ms(r.done)} ${String(r.bytes ?? '-').padStart(7)}  ${r.url}`)].join('\n');
}

const median = (xs) => { const v = xs.filter((x) => x != null).sort((a, b) => a - b); return v.length ? v[Math.floor((v.length - 1) / 2)] : null; };
const results = [];
for (const kase of CASES) {
  // the libraries take turns, run by run, so that a machine growing busier mid-case slows them alike
  const runs = Object.fromEntries(LIBS.map((lib) => [lib, []]));
  // one load per library first, not counted: the server encodes each file once (brotli 11 takes a
  // while), as a CDN has its copies ready before readers come, and the disk cache is warm for all
  for (const lib of LIBS) await once(lib, kase, true).catch(() => {});
  for (let r = 0; r < RUNS; r++) {
    for (const lib of LIBS) {
      try {
        const x = await once(lib, kase);
        runs[lib].push(x);
        if (process.env.BENCH_VERBOSE) console.log(`      ${kase} ${lib} run ${r + 1}: visible ${x.visible?.toFixed(0)} ms (${x.visibleBy}), interactive ${x.interactive?.toFixed(0)} ms (${x.taps} taps, ${x.tapGap?.toFixed(0)} ms apart), first ${x.first?.toFixed(0)} ms, update ${x.update?.toFixed(1)} ms (work ${x.work?.toFixed(1)} ms)`);
      } catch (e) { console.error(`==> ${lib} ${kase} run ${r + 1}: ${e.message.split('\n')[0]}`); }
    }
  }
  for (const lib of LIBS) {
    if (!runs[lib].length) { results.push({ lib, case: kase, error: true }); continue; }
    const row = { lib, case: kase, runs: runs[lib].length };
    for (const k of Object.keys(runs[lib][0])) row[k] = typeof runs[lib][0][k] === 'string' ? runs[lib][0][k] : median(runs[lib].map((x) => x[k]));
    results.push(row);
    console.log(`    ${kase.padEnd(12)} ${lib.padEnd(10)} visible ${row.visible?.toFixed(0)} ms, interactive ${row.interactive?.toFixed(0)} ms, first ${row.first?.toFixed(0)} ms, update ${row.update?.toFixed(1)} ms (work ${row.work?.toFixed(1)} ms), hover p50 ${row.hoverP50?.toFixed(1)} ms`);
  }
}
await browser.close();
server.close();

// 4. the table and the record
const kb = (n) => (n == null ? '–' : (n / 1024).toFixed(1));
const mb = (n) => (n == null ? '–' : (n / 1048576).toFixed(1));
const ms = (n, d = 0) => (n == null ? '–' : n.toFixed(d));
const head = ['case', 'library', `code KB (gz) [${COMPRESS === 'none' ? 'sent raw' : `sent ${COMPRESS}`}]`, 'data KB (gz)', 'visible ms', 'interactive ms', 'first frame ms', 'update ms (work)', 'hover p50/p95 ms', 'JS heap MB', 'wasm MB', 'ArrayBuffers MB'];
const lines = [head, ...results.map((r) => r.error ? [r.case, r.lib, 'failed', ...head.slice(3).map(() => '')]
  : [r.case, r.lib, `${kb(r.codeRaw)} (${kb(r.codeGzip)}) [${kb(r.codeSent)}]`, `${kb(r.dataRaw)} (${kb(r.dataGzip)})`, ms(r.visible), ms(r.interactive), ms(r.first), `${ms(r.update, 1)} (${ms(r.work, 1)})`, `${ms(r.hoverP50, 1)} / ${ms(r.hoverP95, 1)}`, mb(r.jsHeap), mb(r.wasmMemory), mb(r.arrayBuffers)])];
const md = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`, ...lines.slice(1).map((l) => `| ${l.join(' | ')} |`)].join('\n');
const about = `profile ${PROFILE} (${JSON.stringify({ ...PROF.viewport, dpr: PROF.deviceScaleFactor, cpu: PROF.cpu, ...(PROF.network ? { rttMs: PROF.network.latency, downMbps: PROF.network.downloadThroughput * 8 / 1e6 } : {}) })}), files sent ${COMPRESS === 'none' ? 'uncompressed' : COMPRESS === 'br' ? 'brotli 11' : 'gzip -9'}${process.argv.includes('--no-static') ? ', newschart without its static images' : ''}, median of ${RUNS}`;
console.log(`\n${about}\n\n${md}\n`);
const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || cpus()[0]?.model;
let chromiumVersion = '';
try { chromiumVersion = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { /* unknown */ }
const record = { date: new Date().toISOString(), machine: { nproc: cpus().length, cpu, chromium: chromiumVersion, node: process.version },
  versions: { ...pkg.dependencies }, profile: { name: PROFILE, ...PROF }, compress: COMPRESS, staticImages: !process.argv.includes('--no-static'), about, runs: RUNS, hovers: HOVERS, results, table: md };
mkdirSync(join(BENCH, 'results'), { recursive: true });
writeFileSync(join(BENCH, 'results', `${record.date.slice(0, 19).replace(/:/g, '-')}-${PROFILE}-${COMPRESS}.json`), JSON.stringify(record, null, 2) + '\n');
writeFileSync(join(BENCH, 'results', 'latest.json'), JSON.stringify(record, null, 2) + '\n');
console.log(`==> wrote bench/results/latest.json (${record.machine.nproc} cores, ${cpu}, ${chromiumVersion})`);
