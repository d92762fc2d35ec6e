#!/usr/bin/env node
// The size check: every file the widget ships (scripts/size-budget.json lists them), raw, gzip -9
// and brotli 11, against that file's budgets. What an article page loads is totalled; the files a
// page loads only when something asks for them are listed apart.
//
//   node scripts/size.mjs                    # after scripts/build.sh; exit 1 when a budget is exceeded
//   node scripts/size.mjs --json             # the same numbers as JSON on stdout
//   node scripts/size.mjs --json > a.json    # then change something, rebuild, and:
//   node scripts/size.mjs --compare a.json   # each file's gzip and brotli bytes then and now
//
// A budget is a ceiling just above the size when it was set. Growing past it fails the tests until
// the budget is raised in scripts/size-budget.json, on purpose and with a reason (docs/SIZE.md).

import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { sizes } from './compress.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const budget = JSON.parse(readFileSync(join(REPO, 'scripts', 'size-budget.json'), 'utf8'));

const limit = (kind, file) => budget[kind]?.[file] ?? null;
const missing = [];
const measure = (file) => {
  const p = join(REPO, file);
  if (!existsSync(p)) { missing.push(file); return null; }
  return { file, ...sizes(readFileSync(p), file), gzipBudget: limit('gzip', file), brotliBudget: limit('brotli', file) };
};

const rows = budget.files.map(measure).filter(Boolean);
const total = { file: 'total', raw: 0, gzip: 0, brotli: 0, gzipBudget: limit('gzip', 'total'), brotliBudget: limit('brotli', 'total') };
for (const r of rows) for (const k of ['raw', 'gzip', 'brotli']) total[k] += r[k];
rows.push(total);
const later = Object.keys(budget.onDemand || {}).map(measure).filter(Boolean);
// each chart's static first paint: data, each image against one budget, not in the page's total
const statics = budget.staticImages && existsSync(join(REPO, budget.staticImages.dir))
  ? readdirSync(join(REPO, budget.staticImages.dir)).filter((f) => f.endsWith('.svg')).sort().map((f) => {
    const file = `${budget.staticImages.dir}/${f}`;
    return { file, ...sizes(readFileSync(join(REPO, file)), file), gzipBudget: budget.staticImages.gzip, brotliBudget: budget.staticImages.brotli };
  })
  : [];
// every file the build ships must be weighed: a new one in pkg/ without an entry fails the check
const listed = new Set([...budget.files, ...Object.keys(budget.onDemand || {})]);
const unlisted = existsSync(join(REPO, 'pkg')) ? readdirSync(join(REPO, 'pkg')).map((f) => `pkg/${f}`).filter((f) => !listed.has(f)) : [];

// the npm package (scripts/pack.sh): the tarball as npm sends it, and its files unpacked
const npmPack = budget.npm && existsSync(join(REPO, budget.npm.file)) ? (() => {
  const file = budget.npm.file;
  const buf = readFileSync(join(REPO, file));
  return { file, packed: buf.length, unpacked: gunzipSync(buf).length, packedBudget: budget.npm.packed, unpackedBudget: budget.npm.unpacked };
})() : null;

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify({ rows, onDemand: later, staticImages: statics, npm: npmPack, target: budget.target, missing, unlisted }, null, 2) + '\n');
  process.exit(missing.length || unlisted.length ? 1 : 0);
}

const fmt = (n) => (n == null ? '' : n.toLocaleString('en-US'));
const print = (head, table) => {
  const all = [head, ...table];
  const w = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  for (const r of all) console.log('    ' + r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  '));
};

const compareAt = process.argv.indexOf('--compare');
if (compareAt > 0) {
  const before = JSON.parse(readFileSync(process.argv[compareAt + 1], 'utf8'));
  const old = new Map([...before.rows, ...(before.onDemand || [])].map((r) => [r.file, r]));
  const delta = (a, b) => (a == null ? '' : `${b - a >= 0 ? '+' : ''}${fmt(b - a)}`);
  console.log(`==> sizes now against ${process.argv[compareAt + 1]} (bytes)`);
  print(['file', 'gzip then', 'gzip now', 'change', 'brotli then', 'brotli now', 'change'],
    [...rows, ...later].map((r) => {
      const o = old.get(r.file);
      return [r.file, fmt(o?.gzip), fmt(r.gzip), delta(o?.gzip, r.gzip), fmt(o?.brotli), fmt(r.brotli), delta(o?.brotli, r.brotli)];
    }));
  process.exit(0);
}

const line = (r) => [r.file, fmt(r.raw), fmt(r.gzip), fmt(r.gzipBudget), fmt(r.brotli), fmt(r.brotliBudget)];
const head = ['file', 'raw', 'gzip -9', 'budget', 'brotli 11', 'budget'];
console.log('==> what an article page loads (bytes; budgets in scripts/size-budget.json)');
print(head, rows.map(line));
if (budget.target?.total) {
  const over = total.gzip - budget.target.total;
  if (over > 0) console.error(`==> WARNING: the article page is ${fmt(over)} B gzip over the target of ${fmt(budget.target.total)} B (docs/SIZE.md)`);
  else console.log(`    target: everything at most ${fmt(budget.target.total)} B gzip; met`);
}
if (later.length) {
  console.log('==> loaded only on demand (not in the total):');
  print(head, later.map(line));
  for (const r of later) console.log(`    ${r.file}: ${budget.onDemand[r.file]}`);
}
if (statics.length) {
  console.log(`==> static first paints (data, not in the total; ${budget.staticImages.dir}/, one budget each):`);
  print(head, statics.map(line));
}

if (npmPack) {
  console.log('==> the npm package (scripts/pack.sh; not loaded by a page):');
  print(['file', 'packed', 'budget', 'unpacked (tar)', 'budget'], [[npmPack.file, fmt(npmPack.packed), fmt(npmPack.packedBudget), fmt(npmPack.unpacked), fmt(npmPack.unpackedBudget)]]);
} else if (budget.npm) {
  console.error(`==> WARNING: ${budget.npm.file} is not there: the npm package is NOT weighed (bash scripts/pack.sh makes it; the test command does)`);
}

let failed = false;
if (npmPack) {
  for (const kind of ['packed', 'unpacked']) {
    if (npmPack[kind] > npmPack[`${kind}Budget`]) {
      console.error(`==> ERROR: ${npmPack.file} is ${fmt(npmPack[kind])} B ${kind}, over its budget of ${fmt(npmPack[`${kind}Budget`])} B by ${fmt(npmPack[kind] - npmPack[`${kind}Budget`])} B.`);
      failed = true;
    }
  }
}
for (const f of missing) { console.error(`==> ERROR: ${f} is missing (run bash scripts/build.sh first)`); failed = true; }
for (const f of unlisted) { console.error(`==> ERROR: ${f} is shipped but not in scripts/size-budget.json (files or onDemand, with budgets)`); failed = true; }
for (const r of [...rows, ...later, ...statics]) {
  for (const kind of ['gzip', 'brotli']) {
    const cap = r[`${kind}Budget`];
    if (cap != null && r[kind] > cap) {
      console.error(`==> ERROR: ${r.file} is ${fmt(r[kind])} B ${kind}, over its budget of ${fmt(cap)} B by ${fmt(r[kind] - cap)} B.`);
      failed = true;
    }
  }
}
if (failed) {
  console.error('    Find what grew (bash scripts/profile-wasm.sh for the wasm) and remove it, or raise the budget in');
  console.error('    scripts/size-budget.json in the same commit, saying why the bytes earn their place.');
}
process.exit(failed ? 1 : 0);
