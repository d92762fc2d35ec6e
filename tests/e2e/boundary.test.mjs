// What crosses the JS↔wasm boundary, as the built modules really answer: every JSON answer of the
// readers' modules (pkg/) for every example feed, a broken feed's thrown problems and a large
// chart's points have exactly the keys src/web/boundary.js declares for them (its @typedefs),
// with values of the declared types. `tsc --checkJs` (scripts/typecheck.sh) checks the modules'
// use of those declarations; this checks the declarations against the module.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, REPO, startServer } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** The @typedefs of boundary.js: name -> { prop: { type, optional } }. */
function typedefs() {
  const src = readFileSync(join(REPO, 'src', 'web', 'boundary.js'), 'utf8');
  const defs = {};
  for (const block of src.match(/\/\*\*[\s\S]*?\*\//g)) {
    const name = block.match(/@typedef \{Object\} (\w+)/)?.[1];
    if (!name) continue;
    defs[name] = {};
    for (const [, type, opt, prop] of block.matchAll(/@property \{([^}]+)\} (\[)?(\w+)\]?/g)) defs[name][prop] = { type: type.trim(), optional: !!opt };
  }
  return defs;
}
const DEFS = typedefs();

/** What is wrong with `v` as the declared `type` (a typedef, string, number[], 'a' | null …), at `path`. */
function mismatch(v, type, path) {
  const alts = type.split('|').map((t) => t.trim());
  const errs = [];
  for (const t of alts) {
    let e = null;
    if (t === 'null') e = v === null ? null : 'not null';
    else if (/^'.*'$/.test(t)) e = v === t.slice(1, -1) ? null : `not ${t}`;
    else if (['string', 'number', 'boolean'].includes(t)) e = typeof v === t ? null : `not a ${t}`;
    else if (t.endsWith('[]')) {
      e = !Array.isArray(v) ? 'not an array' : v.map((x, i) => mismatch(x, t.slice(0, -2), `${path}[${i}]`)).find(Boolean) || null;
    } else if (DEFS[t]) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) e = `not an object (${t})`;
      else {
        const declared = DEFS[t];
        const extra = Object.keys(v).filter((k) => !(k in declared));
        const missing = Object.keys(declared).filter((k) => !declared[k].optional && !(k in v));
        e = extra.length ? `${t} has undeclared keys ${extra}` : missing.length ? `${t} lacks ${missing}`
          : Object.keys(v).map((k) => mismatch(v[k], declared[k].type, `${path}.${k}`)).find(Boolean) || null;
      }
    } else throw new Error(`boundary.js: type ${t} is not understood by this test`);
    if (!e) return null;
    errs.push(e);
  }
  return `${path}: ${errs.join(', or ')}`;
}

test('boundary.js declares the shapes this test reads', () => {
  for (const name of ['Rect', 'Problem', 'Thrown', 'LegendEntry', 'Meta', 'Point', 'Table', 'LabelBox']) {
    assert.ok(Object.keys(DEFS[name] || {}).length > 0, `${name} has properties`);
  }
  // the checker itself: a key too many, one missing, a wrong type are each caught
  const rect = { x: 1, y: 2, w: 3, h: 4 };
  assert.equal(mismatch(rect, 'Rect', 'r'), null);
  assert.match(mismatch({ ...rect, z: 5 }, 'Rect', 'r'), /undeclared keys z/);
  assert.match(mismatch({ x: 1, y: 2, w: 3 }, 'Rect', 'r'), /lacks h/);
  assert.match(mismatch({ ...rect, h: '4' }, 'Rect', 'r'), /r\.h: not a number/);
});

test('every JSON answer of the built modules has exactly the declared keys', async () => {
  const feeds = [];
  for (const dir of ['www/feeds', 'www/examples']) {
    for (const f of readdirSync(join(REPO, dir)).filter((f) => f.endsWith('.json')).sort()) feeds.push([`${dir}/${f}`, readFileSync(join(REPO, dir, f), 'utf8')]);
  }
  // a line long enough for the large-data module, with a gap
  const n = 3000;
  const long = JSON.stringify({ version: 1, datasets: [{ id: 'long', title: 'long', kind: 'line', categories: Array.from({ length: n }, (_, i) => String(i)),
    series: [{ name: 'a', values: Array.from({ length: n }, (_, i) => (i === 5 ? null : i % 17)) }, { name: 'b', values: Array.from({ length: n }, (_, i) => i % 5) }] }] });
  const broken = readFileSync(join(REPO, 'tests', 'fixtures', 'bad', 'different-lengths.json'), 'utf8');
  const page = await browser.context.newPage();
  await page.goto(`${server.url}e2e/blank.html`);
  const got = await page.evaluate(async ({ feeds, long, broken }) => {
    const out = [];
    const init = async (wasm, copy) => {
      const glue = await import(`/pkg/newschart_wasm.js?boundary-${copy}`);
      await glue.default({ module_or_path: `/pkg/${wasm}` });
      return glue.Chart;
    };
    const answers = (Chart, name, text) => {
      const c = Chart.load_limited(text, 0, 0);
      try {
        const m = JSON.parse(c.meta());
        for (const d of m.datasets) {
          c.select(d.id);
          c.layout(640, 320, document.createElement('canvas').getContext('2d'));
          const k = c.point_count();
          out.push([`${name} ${d.id} meta`, 'Meta', c.meta()], [`${name} ${d.id} table`, 'Table', c.table()], [`${name} ${d.id} plot_box`, 'Rect', c.plot_box()]);
          if (c.is_large()) out.push([`${name} ${d.id} point`, 'Point', c.point(7)], [`${name} ${d.id} points`, 'Point[]', c.points()]);
          else out.push([`${name} ${d.id} points`, 'Point[]', c.points()], [`${name} ${d.id} point`, 'Point | null', c.point(k - 1)]);
        }
      } finally {
        c.free();
      }
    };
    const Chart = await init('newschart_wasm_bg.wasm', 'standard');
    for (const [name, text] of feeds) answers(Chart, name, text);
    try { Chart.load_limited(broken, 0, 0); out.push(['broken feed', 'Thrown', 'null']); } catch (e) { out.push(['broken feed', 'Thrown', e]); }
    const Large = await init('newschart_large_bg.wasm', 'large');
    answers(Large, 'long line', long);
    try { const cols = [new Float64Array([2, 1]), new Float64Array([1, 2])]; Large.from_columns('{}', { r: (k, a, o) => o.set(cols[k].subarray(a, a + o.length)) }, 2, 1); out.push(['bad columns', 'Thrown', 'null']); } catch (e) { out.push(['bad columns', 'Thrown', e]); }
    return out;
  }, { feeds, long, broken });
  assert.ok(got.length > 60, `${got.length} answers read`);
  assert.ok(got.some(([what]) => what.startsWith('long line') && what.endsWith('point')), 'a large chart answered');
  let withDash = 0;
  for (const [what, type, json] of got) {
    const v = JSON.parse(json);
    assert.equal(mismatch(v, type, what), null);
    if (type === 'Meta') withDash += v.legend.filter((e) => 'dash' in e).length;
  }
  assert.ok(withDash > 0, 'an optional key (a legend entry\'s dash) was seen too');
});
