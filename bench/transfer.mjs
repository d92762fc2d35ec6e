#!/usr/bin/env node
// What a page downloads to show newschart's charts, by how it was built: the Vite and webpack apps
// the bundlers stage builds from the npm tarball (target/bundlers/APP/dist), and the CDN embed
// (dist/, scripts/dist.sh) on a page with the same two charts. Each page is opened in Chromium
// until both charts are drawn; every script, style sheet and wasm file it asked for is weighed as
// a CDN sends it (gzip -9 and brotli 11, the size check's own compressors). The feeds and the
// page's HTML are data, not counted.
//
//   bash scripts/build.sh --nightly && bash scripts/dist.sh --no-build && bash scripts/pack.sh \
//     && node --test tests/bundlers/      # builds the apps
//   node bench/transfer.mjs               # then prints one table (--json: the same as JSON)

import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { sizes } from '../scripts/compress.mjs';
import { REPO, launch, settled, startServer } from '../tests/e2e/helpers.mjs';

/** The CDN page: dist/'s loader by its hashed name, and the two charts as the apps have them. */
function cdnPage() {
  const dist = join(REPO, 'dist');
  const loader = existsSync(dist) && readdirSync(dist).find((f) => /^newschart\.[0-9a-f]+\.js$/.test(f));
  if (!loader) return null;
  const dir = join(REPO, 'target', 'transfer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newschart from a CDN</title>
<link rel="icon" href="data:,">
<script type="module" src="/newschart/${loader}"></script>
</head>
<body>
<h1>newschart from a CDN</h1>
<news-chart id="employment" src="/feeds/employment.json" height="110"></news-chart>
<news-chart id="hamlets" src="/feeds/hamlets.json" height="340"></news-chart>
</body>
</html>
`);
  return ['--root', dir, '--mount', `/newschart=${dist}`, '--mount', `/feeds=${join(REPO, 'www', 'feeds')}`];
}

const cases = [];
for (const app of ['vite', 'webpack', 'react']) {
  const dist = join(REPO, 'target', 'bundlers', app, 'dist');
  if (existsSync(join(dist, 'index.html'))) cases.push({ name: `${app} app (npm package)`, args: ['--root', dist] });
}
const cdn = cdnPage();
if (cdn) cases.push({ name: 'CDN embed (dist/)', args: cdn });
if (!cases.length) {
  console.error('nothing to weigh: build the apps (node --test tests/bundlers/) or dist/ (bash scripts/dist.sh) first');
  process.exit(1);
}

const CODE = new Set(['.js', '.mjs', '.css', '.wasm']);
const browser = await launch();
const results = [];
try {
  for (const c of cases) {
    const server = await startServer(c.args);
    const page = await browser.context.newPage();
    const bodies = new Map();
    const pending = [];
    const failed = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      const type = r.request().resourceType();
      if (r.status() >= 400) failed.push(`${path} ${r.status()}`);
      if (type === 'script' || type === 'stylesheet' || CODE.has(extname(path))) {
        pending.push(r.body().then((b) => bodies.set(path, b)));
      }
    });
    try {
      await page.goto(server.url);
      const n = await page.evaluate(() => document.querySelectorAll('news-chart').length);
      await settled(page, n);
      const states = await page.$$eval('news-chart', (els) => els.map((e) => e.getAttribute('data-state')));
      if (!states.length || states.some((s) => s !== 'ready')) throw new Error(`${c.name}: charts not drawn: ${states}`);
      if (failed.length) throw new Error(`${c.name}: requests failed: ${failed.join(', ')}`);
      await Promise.all(pending);
      const files = [...bodies].map(([path, b]) => ({ path, ...sizes(b, path) })).sort((a, b) => b.raw - a.raw);
      const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
      results.push({ name: c.name, charts: states.length, files, total });
    } finally {
      await page.close();
      server.close();
    }
  }
} finally {
  await browser.close();
}

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
} else {
  const fmt = (n) => n.toLocaleString('en-US');
  for (const r of results) {
    console.log(`${r.name}: ${r.charts} charts drawn, ${r.files.length} code files`);
    for (const f of r.files) console.log(`    ${f.path.padEnd(48)} ${fmt(f.raw).padStart(9)} raw ${fmt(f.gzip).padStart(8)} gzip ${fmt(f.brotli).padStart(8)} br`);
  }
  console.log('\n    page                        raw       gzip -9   brotli 11');
  for (const r of results) console.log(`    ${r.name.padEnd(26)} ${fmt(r.total.raw).padStart(9)} ${fmt(r.total.gzip).padStart(9)} ${fmt(r.total.brotli).padStart(9)}`);
}
