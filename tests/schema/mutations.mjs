// Deterministic mutations of a feed, for the differential test of the JSON Schema against the
// widget (differential.test.mjs): every value of the feed deleted, nulled, given the wrong type,
// emptied, oversized, or replaced by odd strings and numbers; enums, kinds and annotation types
// swapped; dates, links and colours probed at the edges of their rules; plus random compositions
// of these, drawn from a seeded generator, so a run is the same run every time.

const pick = (r, list) => list[Math.floor(r() * list.length)];
const clone = (v) => structuredClone(v);

/** Characters at the edges of the widget's whitespace and control-character rules (Rust's
 * char::is_whitespace and is_control) and of ECMAScript's \s, which differ on some of them. */
export const EDGE_CHARS = [
  0x00, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x1f, 0x20, 0x21, 0x7e, 0x7f, 0x84, 0x85, 0x9f, 0xa0, 0xa1, 0xad,
  0x1680, 0x180e, 0x1fff, 0x2000, 0x2005, 0x200a, 0x200b, 0x200c, 0x200d, 0x2027, 0x2028, 0x2029, 0x202a, 0x202e, 0x202f,
  0x205f, 0x2060, 0x2fff, 0x3000, 0x3001, 0xfeff, 0xfffe, 0x1f600,
].map((c) => String.fromCodePoint(c));

/** Odd strings any text field may get. */
export const ODD_STRINGS = [
  '', ' ', '  padded  ', '\u3000全角空格\u3000', 'x\ufeff', '\u0000', 'tab\there', 'line\nbreak', '<b>bold</b>',
  '<script>alert(1)</script>', 'javascript:alert(1)', '\u202eright-to-left', '😀 emoji', '\ud800', '\udc00x',
  'e\u0301', 'null', 'true', '7.25万', '-', '0', 'ſ', 'İ', 'A'.repeat(300),
];

/** Links probed at the edges of the http(s) rule. */
export const LINKS = [
  'https://example.org/', 'http://example.org', 'HTTPS://EXAMPLE.ORG/x', 'HtTp://a', 'https://', 'http://', 'https:///x',
  'https://\\evil', 'https:/x', 'https//x', 'ftp://example.org', 'javascript:alert(1)', 'java\tscript:alert(1)',
  ' https://example.org', 'https://example.org ', 'https://exa mple.org', '//example.org', 'example.org', 'httpss://x',
  'https://例子.中国/路径', 'https://x/\u00a0', 'https://x/\ufeff', 'https://x?q=<b>', 'data:text/html,x', 'https://ſ.org',
  'https://x/\u3000', 'https://x/\u2028', 'https://x/\u200b', 'https://x/\u0085', 'https://x/\u00ad', 'https://x/\u180e',
  'https://x/\u1680', 'https://x/\u205f', 'https://x/\u202f',
  ...EDGE_CHARS.flatMap((c) => [`https://x/${c}y`, `https://${c}x`]),
];

/** Colours probed at the edges of the `#rgb` / `#rrggbb` rule. */
export const COLORS = [
  '#0072b2', '#FFF', '#fff', '#abcd', '#12345', '#1234567', '#ggg', '0072b2', '#', '', ' #0072b2', '#0072b2 ',
  '\u3000#fff\u3000', '#fff\ufeff', '#fff\u00a0', '\t#abc\n', 'red', 'rgb(0,0,0)', '#０７２', '#ff00ff80', '##fff',
  ...EDGE_CHARS.flatMap((c) => [`${c}#abc`, `#abc${c}`, `#a${c}bc`]),
];

/** Dates probed at the edges of the YYYY, YYYY-MM, YYYY-MM-DD rule. */
export const DATES = [
  '2022', '2022-03', '2022-03-15', '1', '0', '0000', '0001', '9999', '10000', '00001', '2022-3', '2022-003', '2022-0003',
  '2022-00003', '2022-13', '2022-00', '2022-012', '2022-03-00', '2022-03-32', '2022-04-31', '2022-04-30', '2022-02-28',
  '2022-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2100-02-29', '0400-02-29', '400-2-29', '4-2-29', '0004-02-29',
  '100-02-29', '0100-02-29', '8-02-29', '96-2-29', '0096-02-29', '1996-02-29', '1904-2-29', '9996-02-29', '2024-02-30',
  '2022-03-15-01', '2022-', '-2022', '2022--03', ' 2022 ', '\u30002022-03\u3000', '2022\ufeff', '\ufeff2022', '2022\u00a0',
  '2022\u0085', '\u180e2022', '2022\u200b', '2022/03/15', '2022.03', '２０２２', '2022-03-15T00:00', '+2022', '2022-1-1',
  '2022-01-001', '2022-01-0031', '2022-01-00031', 'Q1 2022', '', ' ', '2022 -03',
  ...EDGE_CHARS.flatMap((c) => [`${c}2022-03`, `2022-03${c}`]),
];

/** Random dates around the rule's edges: years, months and days just inside and outside, with
 * leading zeros. */
export function randomDates(r, n) {
  const pad = (x) => '0'.repeat(Math.floor(r() * 3)) + String(x);
  const out = [];
  for (let i = 0; i < n; i++) {
    const y = pick(r, [0, 1, 4, 99, 100, 400, 1600, 1700, 1900, 1996, 2000, 2023, 2024, 9996, 9999, 10000, Math.floor(r() * 10001)]);
    const parts = [pad(y)];
    if (r() < 0.8) parts.push(pad(Math.floor(r() * 14)));
    if (parts.length === 2 && r() < 0.8) parts.push(pad(pick(r, [0, 1, 28, 29, 30, 31, 32, Math.floor(r() * 33)])));
    out.push(parts.join('-'));
  }
  return out;
}

/** Every place in `v` as a list of keys, with its value; long arrays are visited at their first
 * two items and their last, so a feed of many values gives a bounded set. */
export function places(v, at = []) {
  const out = [];
  const visit = (x, path) => {
    if (path.length) out.push({ path, value: x });
    if (Array.isArray(x)) {
      const idx = x.length <= 3 ? x.map((_, i) => i) : [0, 1, x.length - 1];
      for (const i of idx) visit(x[i], [...path, i]);
    } else if (x && typeof x === 'object') {
      for (const k of Object.keys(x)) visit(x[k], [...path, k]);
    }
  };
  visit(v, at);
  return out;
}

function parentOf(root, path) {
  let p = root;
  for (const k of path.slice(0, -1)) p = p[k];
  return p;
}

/** A copy of `feed` with the value at `path` replaced (or deleted, when `value` is DELETE). */
export const DELETE = Symbol('delete');
export function setAt(feed, path, value) {
  const f = clone(feed);
  const parent = parentOf(f, path);
  const key = path[path.length - 1];
  if (value === DELETE) {
    if (Array.isArray(parent)) parent.splice(key, 1);
    else delete parent[key];
  } else {
    parent[key] = value;
  }
  return f;
}

const KINDS = ['column', 'bar', 'line', 'area', 'progress', 'donut', 'pie', 'table'];
const ENUM_KEYS = {
  kind: KINDS,
  locale: ['zh-CN', 'zh', 'en', 'en-US', 'en-GB', 'EN', 'zh-TW', 'fr'],
  numberStyle: ['cn', 'full', 'compact', 'CN', 'short'],
  x: ['category', 'date', 'Date', 'time'],
  type: ['target', 'highlight', 'label', 'Target', 'line'],
};

/** Values of the wrong type (or of the edges) for a value like `v`. */
function replacements(v, key, r) {
  const out = [['null', null]];
  if (typeof v === 'string') {
    out.push(['number', 42], ['bool', true], ['array', [v]], ['object', { text: v }]);
    out.push(['long-string', '长'.repeat(20000)]);
    for (const s of [ODD_STRINGS[0], pick(r, ODD_STRINGS), pick(r, ODD_STRINGS)]) out.push([`odd:${JSON.stringify(s).slice(0, 20)}`, s]);
    for (const e of ENUM_KEYS[key] ?? []) out.push([`enum:${e}`, e]);
    if (key === 'url') for (const l of [pick(r, LINKS), pick(r, LINKS)]) out.push([`link:${JSON.stringify(l)}`, l]);
    if (key === 'color') for (const c of [pick(r, COLORS), pick(r, COLORS)]) out.push([`colour:${JSON.stringify(c)}`, c]);
  } else if (typeof v === 'number') {
    out.push(['string', String(v)], ['bool', false], ['array', [v]]);
    for (const n of [0, -1, 1.5, -0.001, 7, 6, 2, 1e308, -1e308, 2 ** 53 + 2, 1e-300, pick(r, [3, 100001, -5e6, 0.1])]) out.push([`num:${n}`, n]);
  } else if (typeof v === 'boolean') {
    out.push(['string', String(v)], ['number', 1], ['flip', !v]);
  } else if (Array.isArray(v)) {
    out.push(['empty', []], ['object', { 0: v[0] }], ['string', 'x'], ['number', 0]);
    out.push(['append-null', [...v, null]], ['append-string', [...v, 'x']], ['append-object', [...v, {}]], ['one', v.slice(0, 1)]);
    out.push(['doubled', [...v, ...v]], ['nested', [v]]);
  } else if (v && typeof v === 'object') {
    out.push(['array', [v]], ['string', 'x'], ['number', 0], ['empty', {}], ['unknown-key', { ...v, unknownField: 1 }]);
  }
  return out;
}

/** The single mutations of `feed`, each `[label, feed]`: every place deleted and replaced. */
export function singles(feed, r) {
  const out = [];
  for (const { path, value } of places(feed)) {
    const at = path.join('.');
    out.push([`${at}:delete`, setAt(feed, path, DELETE)]);
    for (const [label, v] of replacements(value, path[path.length - 1], r)) out.push([`${at}:${label}`, setAt(feed, path, v)]);
  }
  return out;
}

/** Mutations of each dataset aimed at the rules that tie fields together. */
export function combos(feed, r) {
  const out = [];
  (feed.datasets ?? []).forEach((ds, i) => {
    const at = `datasets.${i}`;
    const put = (label, change) => {
      const f = clone(feed);
      change(f.datasets[i], f);
      out.push([`${at}:${label}`, f]);
    };
    for (const k of KINDS) put(`kind=${k}`, (d) => { d.kind = k; });
    put('progress-no-target', (d) => { d.kind = 'progress'; delete d.target; });
    put('progress-null-target', (d) => { d.kind = 'progress'; d.target = null; });
    put('progress-target', (d) => { d.kind = 'progress'; d.target = { value: 100 }; });
    for (const v of [0, -1, 1e-9, '5', null]) put(`target-value=${v}`, (d) => { d.target = { value: v, label: 'x' }; });
    put('target-no-value', (d) => { d.target = { label: 'x' }; });
    for (const k of ['donut', 'pie']) {
      put(`${k}-negative`, (d) => { d.kind = k; d.series[0].values[0] = -1; });
      put(`${k}-negative-second-series`, (d) => { d.kind = k; d.series.push({ name: 'neg', values: d.series[0].values.map(() => -1) }); });
      put(`${k}-null`, (d) => { d.kind = k; d.series[0].values[0] = null; });
    }
    put('x=date', (d) => { d.x = 'date'; });
    put('x=date-dates', (d) => { d.x = 'date'; d.categories = d.categories.map((_, j) => `20${String(10 + (j % 80)).padStart(2, '0')}-0${1 + (j % 9)}`); });
    for (const y of [2022, 0, -5, 10000, 2022.5, 1, 9999]) put(`x=date-number-${y}`, (d) => { d.x = 'date'; d.categories = d.categories.map(() => y); d.categories[0] = y; });
    put('values-longer', (d) => { d.series[0].values.push(1); });
    put('values-shorter', (d) => { d.series[0].values.pop(); });
    put('values-empty', (d) => { d.series[0].values = []; });
    put('categories-empty', (d) => { d.categories = []; });
    put('series-empty', (d) => { d.series = []; });
    put('series-nameless', (d) => { delete d.series[0].name; });
    put('highlight-unknown', (d) => { d.highlight = ['no such series']; });
    put('highlight-known', (d) => { d.highlight = [d.series[0].name]; });
    put('highlight-number', (d) => { d.highlight = [1]; });
    put('id-duplicate', (d, f) => { f.datasets.push(clone(d)); });
    put('id-default-clash', (d, f) => { const e = clone(d); delete d.id; e.id = `dataset-${i + 1}`; f.datasets.push(e); });
    put('notes-mixed', (d) => { d.notes = ['a', 1]; });
    put('source-string', (d) => { d.source = 'x'; });
    put('source-no-text', (d) => { d.source = { url: 'https://example.org/' }; });
    put('source-bad-url-no-text', (d) => { d.source = { url: 'javascript:x' }; });
    for (const c of [d0(ds), 'no such category', 1, null, true]) {
      put(`annotation-highlight-${c}`, (d) => { d.annotations = [{ type: 'highlight', category: c }]; });
      put(`annotation-label-${c}`, (d) => { d.annotations = [{ type: 'label', category: c, text: 't' }]; });
    }
    const targetAnn = [[1, 'num'], ['1', 'str'], [null, 'null'], [undefined, 'none'], [0, 'zero'], [-5, 'neg']];
    for (const [v, l] of targetAnn) put(`annotation-target-${l}`, (d) => { d.annotations = [v === undefined ? { type: 'target' } : { type: 'target', value: v }]; });
    for (const [extra, l] of [[{ value: 'x' }, 'value-str'], [{ series: 5 }, 'series-num'], [{ category: {} }, 'category-obj'], [{ text: 5 }, 'text-num'], [{ series: null }, 'series-null'], [{ series: 'nope' }, 'series-unknown'], [{ series: ds.series?.[0]?.name }, 'series-known']]) {
      put(`annotation-highlight+${l}`, (d) => { d.annotations = [{ type: 'highlight', category: d0(ds), ...extra }]; });
      put(`annotation-label+${l}`, (d) => { d.annotations = [{ type: 'label', category: d0(ds), ...extra }]; });
      put(`annotation-target+${l}`, (d) => { d.annotations = [{ type: 'target', value: 1, ...extra }]; });
    }
    put('annotation-no-type', (d) => { d.annotations = [{ value: 1 }]; });
    put('annotation-not-object', (d) => { d.annotations = ['target']; });
    put('decimals-null', (d) => { d.decimals = null; d.series[0].decimals = null; });
    for (const n of [0, 6, 7, -1, 2.5]) put(`decimals=${n}`, (d) => { d.decimals = n; });
    put('everything-optional-null', (d) => {
      for (const k of ['id', 'subtitle', 'byline', 'notes', 'date', 'unit', 'source', 'locale', 'illustrative', 'numberStyle', 'decimals', 'percent', 'x', 'stacked', 'target', 'annotations', 'highlight']) d[k] = null;
      for (const s of d.series) { s.color = null; s.decimals = null; s.percent = null; }
    });
    put('required-null', (d) => { d.title = null; });
  });
  return out;
}

const d0 = (ds) => ds.categories?.[0];

/** Probes of one rule on one feed: each date, link and colour of the lists above, and `n`
 * random dates. */
export function probes(feed, r, n) {
  const out = [];
  for (const date of [...DATES, ...randomDates(r, n)]) {
    const f = clone(feed);
    const d = f.datasets[0];
    d.x = 'date';
    d.categories = d.categories.map((_, j) => `${2000 + j}`);
    d.categories[d.categories.length - 1] = date;
    out.push([`date:${JSON.stringify(date)}`, f]);
  }
  for (const link of LINKS) {
    const f = clone(feed);
    f.datasets[0].source = { text: 'source', url: link };
    out.push([`link:${JSON.stringify(link)}`, f]);
  }
  for (const color of COLORS) {
    const f = clone(feed);
    f.datasets[0].series[0].color = color;
    out.push([`colour:${JSON.stringify(color)}`, f]);
  }
  return out;
}

/** Mutations at the limits: the points of a dataset, the size of the text, nesting depth. */
export function limits(feed) {
  const out = [];
  const withShape = (nc, ns) => {
    const f = clone(feed);
    const d = f.datasets[0];
    d.kind = 'line';
    d.categories = Array.from({ length: nc }, (_, j) => `c${j}`);
    d.series = Array.from({ length: ns }, (_, k) => ({ name: `s${k}`, values: Array.from({ length: nc }, (_, j) => (j * 7 + k) % 100) }));
    delete d.annotations;
    delete d.highlight;
    delete d.x;
    return f;
  };
  out.push(['points:100000x1', withShape(100000, 1)]);
  out.push(['points:100001x1', withShape(100001, 1)]);
  out.push(['points:1x100001', withShape(1, 100001)]);
  out.push(['points:317x316', withShape(317, 316)]);
  out.push(['points:317x317', withShape(317, 317)]);
  const big = clone(feed);
  big.datasets[0].subtitle = 'x'.repeat(5 * 1024 * 1024);
  out.push(['bytes:over-5MiB', big]);
  for (const depth of [100, 200]) {
    const deep = clone(feed);
    let v = 1;
    for (let k = 0; k < depth; k++) v = [v];
    deep.datasets[0].unknownDeep = v;
    out.push([`depth:${depth}`, deep]);
  }
  return out;
}

/** Feeds written as text, for what JSON.stringify never writes: numbers as `1.0`. */
export function rawTexts(feed) {
  const text = JSON.stringify(feed, null, 1);
  const out = [];
  out.push(['raw:version-1.0', text.replace('"version": 1', '"version": 1.0')]);
  const d = clone(feed);
  d.datasets[0].decimals = 2;
  out.push(['raw:decimals-2.0', JSON.stringify(d, null, 1).replace('"decimals": 2', '"decimals": 2.0')]);
  const e = clone(feed);
  e.datasets[0].x = 'date';
  e.datasets[0].categories = e.datasets[0].categories.map((_, j) => 2000 + j);
  out.push(['raw:date-2000.0', JSON.stringify(e, null, 1).replace(/\b2000\b/, '2000.0')]);
  out.push(['raw:duplicate-key', text.replace('"version": 1', '"version": 2, "version": 1')]);
  return out;
}

/** `n` random compositions of two or three single mutations. */
export function composed(feed, r, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    let f = feed;
    const labels = [];
    const steps = 2 + Math.floor(r() * 2);
    for (let s = 0; s < steps; s++) {
      const all = places(f);
      if (!all.length) break;
      const { path, value } = pick(r, all);
      const options = [['delete', DELETE], ...replacements(value, path[path.length - 1], r)];
      const [label, v] = pick(r, options);
      f = setAt(f, path, v);
      labels.push(`${path.join('.')}:${label}`);
    }
    out.push([`composed:${labels.join('+')}`, f]);
  }
  return out;
}
