// newschart: a chart's downloads, the chart as PNG and its data as CSV. view.js imports this
// module only when a reader first asks for a download: article pages don't load it otherwise.
//
// Feed text goes into the files as text: into a canvas with fillText, into CSV cells quoted, and a
// cell that starts like a formula is written so that a spreadsheet shows it and never runs it.

import { table } from './boundary.js';

/** @typedef {import('./view.js').View} View */

/** Saves `blob` as the file `name`. @param {View} view */
function save(view, blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  view._root().appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The chart's file name: its dataset id, without characters a file system may refuse. */
function fileName(view, ext) {
  return `${(view._meta?.id || 'chart').replace(/[^\w\u4e00-\u9fff-]+/g, '-')}.${ext}`;
}

/** The data as CSV (UTF-8 with BOM so Excel reads Chinese; raw numbers, empty for gaps). @param {View} view */
export function csv(view) {
  const data = table(view._chart);
  // a cell that starts like a formula (=, +, -, @) is written as text, so a spreadsheet never runs it
  const q = (v) => {
    const t = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = [[view.t.category, ...data.headers.slice(1)].map(q).join(',')];
  for (const r of data.rows) lines.push([q(r.category), ...r.cells.map((c) => (c.value === null ? '' : String(c.value)))].join(','));
  save(view, new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }), fileName(view, 'csv'));
}

// The PNG's composition (title, subtitle, unit, legend, the chart, the illustrative label, notes,
// source) is laid out and drawn by `render::compose`, the function that makes the CLI's SVG and
// PNG, through `Chart.draw_composed`. The readers' modules leave it out (it would weigh on every
// article page), so a download remakes the chart in the builder's module: a separate copy of its
// glue (the query), loaded on the first PNG download only. scripts/dist.mjs writes the hashed names and their SRI here.
const BUILDER_COPY = '?download';
/** Subresource Integrity of the builder's glue and wasm: scripts/dist.sh writes it in dist/ (none in pkg/). */
const BUILDER_INTEGRITY = {};
let builder = null; // Promise<the builder module's glue, initialized>

/** The builder's module, loaded once. */
function builderModule(view) {
  builder ||= (async () => {
    // (literal `new URL`s: a bundler copies both files as they are; docs/NPM.md)
    const glue = await view._import(new URL('./newschart_builder.js', import.meta.url).href + BUILDER_COPY, BUILDER_INTEGRITY.glue);
    await glue.default({ module_or_path: fetch(new URL('./newschart_builder_bg.wasm', import.meta.url), { integrity: BUILDER_INTEGRITY.wasm || '' }) });
    return glue;
  })();
  builder.catch(() => { builder = null; }); // a later download tries again
  return builder;
}

/**
 * The chart as PNG at the screen's pixel ratio: the whole composition, the chart at its size on the page.
 * @param {View} view
 */
export async function png(view) {
  const src = view._canvas;
  const dpr = view._dpr || 1;
  const out = document.createElement('canvas');
  // the composition's margin is 12 CSS px a side: the chart inside keeps its width on the page
  const width = src.width / dpr + 24;
  const height = src.height / dpr;
  let drawn = false;
  if (view.feed) {
    try {
      const { Chart } = await builderModule(view);
      const chart = Chart.load(view.feed, 0);
      try {
        if (view._meta?.id) chart.select(view._meta.id);
        chart.set_theme(view._themeColors().join('\0'));
        for (const i of view._hidden || []) chart.set_hidden(i, true);
        const ctx = out.getContext('2d');
        out.width = Math.max(1, Math.round(width * dpr));
        out.height = Math.max(1, Math.round(chart.composed_height(width, height, ctx) * dpr));
        chart.draw_composed(ctx, width, height, dpr);
        drawn = true;
      } finally {
        chart.free();
      }
    } catch (e) {
      console.warn(`[newschart] the PNG is drawn without the builder's module: ${e && e.message ? e.message : e}`);
    }
  }
  if (!drawn) fallback(view, out, dpr);
  out.toBlob((blob) => blob && save(view, blob, fileName(view, 'png')), 'image/png');
}

// ---- without the builder's module (offline, or a chart given as columns, which has no feed text) ----

/** Characters drawn one em wide (CJK, kana, hangul, full-width forms), as `layout::measure::is_wide`. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
/** Punctuation that never starts a line, and that never ends one (as `render::wrap`). */
const CLOSES = /[，。、；：！？）」』”’》〉】…·％%,.;:!?)\]}]/u;
const OPENS = /[（「『“‘《〈【(\[{]/u;

/**
 * `text` cut where a line may break, as `render::wrap` cuts it: between words and between CJK
 * characters, never inside a word or a number, never before closing or after opening punctuation.
 * Each piece is `[text, spaceBefore]`.
 */
export function pieces(text) {
  const out = [];
  let cur = '';
  let space = false;
  let glue = false;
  for (const c of text) {
    if (/\s/u.test(c)) {
      if (cur) out.push([cur, space]);
      cur = '';
      space = true;
      glue = false;
      continue;
    }
    if (CLOSES.test(c)) {
      if (!cur && out.length && !space) out[out.length - 1][0] += c;
      else cur += c;
      continue;
    }
    const last = [...cur].pop();
    if (cur && !glue && (WIDE.test(c) || (last && WIDE.test(last)))) {
      out.push([cur, space]);
      cur = '';
      space = false;
    }
    cur += c;
    glue = OPENS.test(c);
  }
  if (cur) out.push([cur, space]);
  return out;
}

/** `text` in lines no wider than `width` by `measure(text)`; a word wider than a line is cut last. */
export function wrap(text, width, measure) {
  const lines = [];
  let line = '';
  for (const [piece, space] of pieces(text)) {
    const candidate = line + (space && line ? ' ' : '') + piece;
    if (measure(candidate) <= width) { line = candidate; continue; }
    if (line) lines.push(line);
    line = '';
    if (measure(piece) <= width) { line = piece; continue; }
    for (const c of piece) {
      if (line && measure(line + c) > width) { lines.push(line); line = c; } else line += c;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The chart's canvas with the words the view shows, composed here. */
function fallback(view, out, dpr) {
  const src = view._canvas;
  const m = view._meta;
  const colors = view._themeColors();
  const font = colors[6] || 'system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  const pad = 12 * dpr;
  const w = src.width + pad * 2;
  const head = [[m.title, 700, 17, colors[0]], [m.byline ? `${m.subtitle}${m.subtitle ? ' · ' : ''}${m.byline}` : m.subtitle, 400, 14, colors[1]],
    ...(m.unit && m.kind !== 'table' ? [[`${m.locale === 'en' ? 'Unit: ' : '单位：'}${m.unit}`, 400, 12, colors[1]]] : []),
    ...(m.legend.length ? [[m.legend.map((e) => `■ ${e.name}`).join('   '), 400, 13, colors[0]]] : [])].filter(([t]) => t);
  const foot = [...(m.illustrative ? [[view.t.illustrative, 700, 12, '#7a2e00']] : []), ...m.notes.map((n) => [n, 400, 12, colors[1]]),
    ...(m.source ? [[`${view.t.source}${m.source.text}`, 400, 12, colors[1]]] : [])];
  const ctx = out.getContext('2d');
  const lay = (rows) => rows.flatMap(([t, wt, sz, c]) => {
    ctx.font = `${wt} ${sz * dpr}px ${font}`;
    return wrap(t, w - pad * 2, (s) => ctx.measureText(s).width).map((r) => [r, wt, sz, c]);
  });
  const top = lay(head);
  const bottom = lay(foot);
  const lh = (sz) => sz * 1.5 * dpr;
  out.width = w;
  out.height = pad * 2 + top.reduce((a, [, , sz]) => a + lh(sz), 0) + src.height + pad + bottom.reduce((a, [, , sz]) => a + lh(sz), 0);
  ctx.fillStyle = colors[4] || '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'top';
  let y = pad;
  const put = ([t, wt, sz, c]) => { ctx.font = `${wt} ${sz * dpr}px ${font}`; ctx.fillStyle = c; ctx.fillText(t, pad, y); y += lh(sz); };
  top.forEach(put);
  ctx.drawImage(src, pad, y);
  y += src.height + pad;
  bottom.forEach(put);
}
