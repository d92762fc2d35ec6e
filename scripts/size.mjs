#!/usr/bin/env node
// The size check: what an article page loads for the widget (scripts/size-budget.json lists the
// files), raw, gzip -9 and brotli 11 per file, against the budgets in that file.
//
//   node scripts/size.mjs            # after scripts/build.sh; exit 1 when a budget is exceeded
//   node scripts/size.mjs --json     # the same numbers as JSON on stdout (the benchmark uses it)
//
// A budget is a ceiling just above the size when it was set (gzip -9 bytes). Growing past it fails
// the tests until the budget is raised in scripts/size-budget.json, on purpose and with a reason.

import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const budget = JSON.parse(readFileSync(join(REPO, 'scripts', 'size-budget.json'), 'utf8'));

/** Raw, gzip -9 and brotli 11 sizes of one buffer. */
export function sizes(buf, name = '') {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      [constants.BROTLI_PARAM_MODE]: name.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    } }).length,
  };
}

const rows = [];
const total = { raw: 0, gzip: 0, brotli: 0 };
let missing = [];
for (const f of budget.files) {
  const p = join(REPO, f);
  if (!existsSync(p)) { missing.push(f); continue; }
  const s = sizes(readFileSync(p), f);
  for (const k of Object.keys(total)) total[k] += s[k];
  rows.push({ file: f, ...s, budget: budget.gzip[f] ?? null });
}
rows.push({ file: 'total', ...total, budget: budget.gzip.total ?? null });

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify({ rows, target: budget.target, missing }, null, 2) + '\n');
  process.exit(missing.length ? 1 : 0);
}

const fmt = (n) => (n == null ? '' : n.toLocaleString('en-US'));
const head = ['file', 'raw', 'gzip -9', 'brotli 11', 'gzip budget'];
const table = [head, ...rows.map((r) => [r.file, fmt(r.raw), fmt(r.gzip), fmt(r.brotli), fmt(r.budget)])];
const w = head.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
console.log('==> size of what an article page loads (bytes; budgets in scripts/size-budget.json)');
for (const r of table) console.log('    ' + r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  '));
if (budget.target?.total) {
  const over = total.gzip - budget.target.total;
  console.log(`    target: everything at most ${fmt(budget.target.total)} B gzip; ${over > 0 ? `${fmt(over)} B over` : 'met'}`);
}

// files a page loads only when something asks for them: not counted above
const later = Object.entries(budget.onDemand || {}).filter(([f]) => existsSync(join(REPO, f)));
if (later.length) {
  console.log('    loaded only on demand (not in the total):');
  for (const [f, why] of later) {
    const s = sizes(readFileSync(join(REPO, f)), f);
    console.log(`    ${f}  ${fmt(s.raw)} raw, ${fmt(s.gzip)} gzip -9, ${fmt(s.brotli)} brotli 11: ${why}`);
  }
}

let failed = false;
for (const f of missing) { console.error(`==> ERROR: ${f} is missing (run bash scripts/build.sh first)`); failed = true; }
for (const r of rows) {
  if (r.budget != null && r.gzip > r.budget) {
    console.error(`==> ERROR: ${r.file} is ${fmt(r.gzip)} B gzip, over its budget of ${fmt(r.budget)} B by ${fmt(r.gzip - r.budget)} B.`);
    console.error('    Find what grew (twiggy top on an unstripped build) and remove it, or raise the budget in');
    console.error('    scripts/size-budget.json in the same commit, saying why the bytes earn their place.');
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
