// The published JSON Schema says what the widget says (docs/FEED.md#what-the-schema-cannot-say).
//
// Every feed of the site (www/feeds/, www/examples/, www/gallery/) and thousands of deterministic
// mutations of them (mutations.mjs) go to an independent JSON Schema 2020-12 validator (ajv) with
// www/schema/feed-v1.schema.json, and to the widget's own rules (`newschart validate --json`, the
// native build of the same normalize the readers' module runs). Their verdicts must agree. The
// only exceptions are the rules the schema cannot state: the schema names each in the
// `description` of the object it concerns, as "- `rule-name` (widget: problem-code, ...): why";
// a feed the schema passes and the widget refuses must be refused for those codes alone, and a
// feed the widget draws must always pass the schema.
//
// Then sweeps put the patterns of dates, colours and links to every character of the Basic
// Multilingual Plane and to ~128,000 dates, with a verdict per value from each side.
//
// Prints the agreement: feeds, agreeing %, exceptions by rule. NEWSCHART_SCHEMA=path measures
// another schema (the figure is printed before the test fails); NEWSCHART_BIN=path another build.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { rng } from '../common/rng.mjs';
import { combos, composed, limits, probes, rawTexts, singles } from './mutations.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCHEMA = process.env.NEWSCHART_SCHEMA || join(REPO, 'www/schema/feed-v1.schema.json');
const BIN = process.env.NEWSCHART_BIN || join(REPO, 'target/debug/newschart');
const SEED = 20;

function seeds() {
  const out = [];
  for (const dir of ['www/feeds', 'www/examples', 'www/gallery']) {
    for (const f of readdirSync(join(REPO, dir)).filter((n) => n.endsWith('.json')).sort()) {
      out.push([`${dir}/${f}`, JSON.parse(readFileSync(join(REPO, dir, f), 'utf8'))]);
    }
  }
  return out;
}

/** Every case: [name, text]. The seeds, then their mutations. */
function cases() {
  const out = [];
  const all = seeds();
  assert.ok(all.length >= 20, `expected the demo's, the examples' and the gallery's feeds, found ${all.length}`);
  all.forEach(([name, feed], i) => {
    const r = rng(SEED * 1000 + i);
    out.push([name, JSON.stringify(feed)]);
    const muts = [...singles(feed, r), ...combos(feed, r), ...composed(feed, r, 80), ...rawTexts(feed)];
    if (i === 0) muts.push(...probes(feed, r, 400), ...limits(feed));
    for (const [label, v] of muts) out.push([`${name}#${label}`, typeof v === 'string' ? v : JSON.stringify(v)]);
  });
  return out;
}

/** The rules the schema says it cannot state: name → { codes, asWritten, where }. A rule "as
 * written" is about how a number is written: its codes are its own only when the value the
 * problem found is a whole number written with a fraction or an exponent (1.0, 2e0). */
function inexpressible(schema) {
  const rules = new Map();
  const walk = (node, where) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
    if (!node || typeof node !== 'object') return;
    if (typeof node.description === 'string') {
      for (const m of node.description.matchAll(/^- `([a-z0-9-]+)` \(widget: ([a-z0-9, -]+?)(; as written)?\): /gm)) {
        rules.set(m[1], { codes: m[2].split(/,\s*/), asWritten: Boolean(m[3]), where: where || '/' });
      }
    }
    for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`);
  };
  walk(schema, '');
  return rules;
}

/** The widget's verdicts: file → { ok, errors: [code] }, from one process per batch of files. */
function widget(files) {
  const out = new Map();
  for (let i = 0; i < files.length; i += 500) {
    const batch = files.slice(i, i + 500);
    let stdout;
    try {
      stdout = execFileSync(BIN, ['validate', '--json', ...batch], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      if (e.status !== 1) throw e; // 1: some feed was refused; anything else is a failure of the run
      stdout = e.stdout;
    }
    for (const line of stdout.split('\n').filter(Boolean)) {
      const v = JSON.parse(line);
      out.set(v.file, { ok: v.ok, errors: v.problems.filter((p) => p.severity === 'error') });
    }
  }
  return out;
}

test('the JSON Schema and the widget give every feed and mutation the same verdict, but for the rules the schema names', () => {
  assert.ok(existsSync(BIN), `${BIN} is missing: build it with \`cargo build --bin newschart\``);
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  const validate = ajv.compile(schema);
  const rules = inexpressible(schema);
  const byCode = new Map();
  for (const [name, r] of rules) for (const c of r.codes) byCode.set(c, { name, asWritten: r.asWritten });
  /** The number literal at a problem's line and column (in characters) of `text`, if any. */
  const literalAt = (text, p) => {
    const line = text.split('\n')[p.line - 1] ?? '';
    return Array.from(line).slice(p.column - 1, p.column + 400).join('').match(/^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/)?.[0];
  };
  const writtenWhole = (lit) => lit !== undefined && /[.eE]/.test(lit) && Number.isSafeInteger(Number(lit));
  /** The rule the schema names for this problem of the widget, if any (an "as written" rule's
   * only for a whole number written with a fraction or an exponent; see `rewritten` below). */
  const ruleOf = (p, text) => {
    const r = byCode.get(p.code);
    return r && (!r.asWritten || writtenWhole(literalAt(text, p))) ? r.name : undefined;
  };

  const all = cases();
  const dir = mkdtempSync(join(tmpdir(), 'newschart-schema-'));
  try {
    const files = all.map(([, text], i) => {
      const f = join(dir, `${i}.json`);
      writeFileSync(f, text);
      return f;
    });
    const verdicts = widget(files);
    let agree = 0;
    const exceptions = new Map(); // rule → count
    const unexplained = [];
    const kinds = new Map(); // what the unexplained disagreements are, for the log
    const asWritten = []; // { i, name, named, written: [problem] } to prove by writing the numbers as integers
    all.forEach(([name, text], i) => {
      const w = verdicts.get(files[i]);
      assert.ok(w, `no verdict from the widget for ${name}`);
      const s = validate(JSON.parse(text));
      // every feed of the site passes both
      if (!name.includes('#')) assert.ok(s && w.ok, `${name}: schema ${s} (${ajv.errorsText(validate.errors)}), widget ${w.ok} (${w.errors.map((p) => p.code)})`);
      if (s === w.ok) {
        agree++;
        return;
      }
      if (s && !w.ok) {
        const named = [...new Set(w.errors.map((p) => ruleOf(p, text)))];
        if (!named.includes(undefined)) {
          const written = w.errors.filter((p) => byCode.get(p.code).asWritten);
          if (written.length) asWritten.push({ i, name, named, written });
          else for (const n of named) exceptions.set(n, (exceptions.get(n) ?? 0) + 1);
          return;
        }
        const codes = [...new Set(w.errors.map((p) => p.code))].join(', ');
        unexplained.push(`${name}: the schema passes it, the widget refuses it (${w.errors.map((p) => `${p.path} ${p.code} ${p.args.join(' ')}`).join('; ')})`);
        kinds.set(`widget refuses: ${codes}`, (kinds.get(`widget refuses: ${codes}`) ?? 0) + 1);
      } else {
        const why = validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
        unexplained.push(`${name}: the widget draws it, the schema refuses it (${why})`);
        const k = `schema refuses: ${validate.errors.map((e) => `${e.instancePath.replace(/\/\d+/g, '/N')} ${e.keyword}`).join('; ')}`;
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
    });
    // an "as written" exception holds only if the same feed with those numbers written as integers
    // (1.0 → 1) loses those problems: else the value itself is refused, which the schema should say
    const rewritten = asWritten.map(({ i, written }) => {
      const lines = all[i][1].split('\n');
      for (const p of [...written].sort((a, b) => b.line - a.line || b.column - a.column)) {
        const chars = Array.from(lines[p.line - 1]);
        const lit = literalAt(all[i][1], p);
        chars.splice(p.column - 1, lit.length, ...String(Number(lit)));
        lines[p.line - 1] = chars.join('');
      }
      const f = join(dir, `${i}-as-integers.json`);
      writeFileSync(f, lines.join('\n'));
      return f;
    });
    const again = widget(rewritten);
    asWritten.forEach(({ name, named, written }, k) => {
      const left = again.get(rewritten[k]).errors.filter((p) => written.some((q) => q.code === p.code && q.path === p.path));
      if (left.length === 0) {
        for (const n of named) exceptions.set(n, (exceptions.get(n) ?? 0) + 1);
        return;
      }
      unexplained.push(`${name}: the schema passes it, the widget refuses it, even with its numbers written as integers (${left.map((p) => `${p.path} ${p.code} ${p.args.join(' ')}`).join('; ')})`);
      const key = `widget refuses, as integers too: ${[...new Set(left.map((p) => p.code))].join(', ')}`;
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    });
    const pct = (n) => ((100 * n) / all.length).toFixed(2);
    const byRule = [...exceptions].sort().map(([n, c]) => `${n} ${c}`).join(', ') || 'none';
    console.log(`schema vs widget: ${all.length} feeds (${seeds().length} of the site and their mutations), ` +
      `verdicts agree on ${agree} (${pct(agree)}%); ${all.length - agree - unexplained.length} more differ only by a rule ` +
      `the schema names (${byRule}); ${unexplained.length} unexplained (${pct(agree + all.length - agree - unexplained.length)}% explained)`);
    for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  unexplained ${n}× ${k}`);
    assert.ok(all.length >= 3000, `only ${all.length} cases`);
    assert.deepEqual(unexplained.slice(0, 40), [], `${unexplained.length} feeds where the schema and the widget disagree for a rule the schema could state`);
    // every rule the schema names is one docs/FEED.md lists too
    const doc = readFileSync(join(REPO, 'docs/FEED.md'), 'utf8');
    for (const name of rules.keys()) assert.ok(doc.includes(`\`${name}\``), `docs/FEED.md does not list the rule ${name}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- sweeps: one feed, many values, a verdict per value from each side ----------------------

/** Every character of the Basic Multilingual Plane but the surrogates, and a few beyond it. */
const everyChar = () => {
  const out = [];
  for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) out.push(String.fromCharCode(c));
  return [...out, '\u{10000}', '\u{1f600}', '\u{e0020}', '\u{10ffff}'];
};

/** Dates around every edge of the rule: years 0 to 10000, every month and day from 0 to 13 and
 * 32 of years at the leap-year edges, with and without leading zeros. */
function dateSweep() {
  const out = [];
  for (let y = 0; y <= 10000; y++) out.push(String(y), String(y).padStart(4, '0'), String(y).padStart(5, '0'));
  const years = [1, 4, 8, 96, 99, 100, 104, 200, 300, 400, 800, 1000, 1200, 1600, 1700, 1800, 1900, 1904, 1996, 2000, 2023, 2024, 2100, 2400, 9996, 9999];
  for (const y of years) {
    for (let m = 0; m <= 13; m++) {
      for (const pm of [String(m), String(m).padStart(2, '0'), String(m).padStart(4, '0'), String(m).padStart(5, '0')]) {
        out.push(`${y}-${pm}`);
        for (let d = 0; d <= 32; d++) out.push(`${y}-${pm}-${String(d).padStart(2, '0')}`, `${String(y).padStart(4, '0')}-${pm}-${d}`);
      }
    }
  }
  return out;
}

/** Each side's verdict on each of `items`: the items go in feeds of `chunk` (the widget locates
 * each problem from the start of the text, so a feed of very many refused values is slow), made by
 * `make(items)`; `widgetPath` and `schemaPath` find an item's index in an error's path. */
function perItem(items, make, widgetPath, schemaPath, chunk = 200) {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
  const bySchema = new Set();
  const byWidget = new Set();
  const dir = mkdtempSync(join(tmpdir(), 'newschart-sweep-'));
  try {
    const files = [];
    for (let at = 0; at < items.length; at += chunk) {
      const feed = make(items.slice(at, at + chunk));
      validate(feed);
      for (const e of validate.errors ?? []) {
        const m = e.instancePath.match(schemaPath);
        if (m) bySchema.add(at + Number(m[1]));
      }
      const f = join(dir, `${at}.json`);
      writeFileSync(f, JSON.stringify(feed));
      files.push([f, at]);
    }
    const verdicts = widget(files.map(([f]) => f));
    for (const [f, at] of files) {
      for (const p of verdicts.get(f).errors) {
        const m = p.path.match(widgetPath);
        if (m) byWidget.add(at + Number(m[1]));
      }
    }
    return { bySchema, byWidget };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sameItems(what, items, { bySchema, byWidget }) {
  const differ = items.map((v, i) => [v, i]).filter(([, i]) => bySchema.has(i) !== byWidget.has(i));
  console.log(`${what}: ${items.length} values, ${byWidget.size} refused by the widget, ${bySchema.size} by the schema, ${differ.length} differ`);
  assert.ok(byWidget.size > 0 && byWidget.size < items.length, `${what}: the sweep should hold good and bad values`);
  assert.deepEqual(differ.slice(0, 20).map(([v, i]) => `${JSON.stringify(v)}: widget ${byWidget.has(i) ? 'refuses' : 'takes'}, schema ${bySchema.has(i) ? 'refuses' : 'takes'}`), []);
}

test('the date pattern and the widget agree on every date of a sweep, and on every character around one', () => {
  assert.ok(existsSync(BIN), `${BIN} is missing: build it with \`cargo build --bin newschart\``);
  const chars = everyChar();
  for (const [what, dates] of [['dates', dateSweep()], ['a character before a date', chars.map((c) => `${c}2022-03`)], ['a character after a date', chars.map((c) => `2022-03${c}`)]]) {
    const make = (part) => ({ version: 1, datasets: [{ kind: 'line', x: 'date', title: 't', categories: part, series: [{ name: 's', values: part.map(() => null) }] }] });
    sameItems(what, dates, perItem(dates, make, /^datasets\[0\]\.categories\[(\d+)\]$/, /^\/datasets\/0\/categories\/(\d+)$/));
  }
});

test('the colour pattern and the widget agree on every character around and inside a colour', () => {
  assert.ok(existsSync(BIN), `${BIN} is missing: build it with \`cargo build --bin newschart\``);
  const chars = everyChar();
  for (const [what, put] of [['a character before a colour', (c) => `${c}#abc`], ['a character after a colour', (c) => `#a1b2c3${c}`], ['a character in a colour', (c) => `#ab${c}`]]) {
    const colors = chars.map(put);
    const make = (part) => ({ version: 1, datasets: [{ kind: 'column', title: 't', categories: ['a'], series: part.map((color, i) => ({ name: `s${i}`, values: [1], color })) }] });
    sameItems(what, colors, perItem(colors, make, /^datasets\[0\]\.series\[(\d+)\]\.color$/, /^\/datasets\/0\/series\/(\d+)\/color$/));
  }
});

test('the link pattern and the widget agree on every character at the start of the host and in the path', () => {
  assert.ok(existsSync(BIN), `${BIN} is missing: build it with \`cargo build --bin newschart\``);
  const chars = everyChar();
  for (const [what, put] of [['a character starting the host', (c) => `https://${c}x`], ['a character in the path', (c) => `HTTP://x/${c}`]]) {
    const links = chars.map(put);
    const make = (part) => ({ version: 1, datasets: part.map((url) => ({ kind: 'table', title: 't', categories: ['a'], series: [{ name: 's', values: [1] }], source: { text: 's', url } })) });
    sameItems(what, links, perItem(links, make, /^datasets\[(\d+)\]\.source\.url$/, /^\/datasets\/(\d+)\/source/));
  }
});
