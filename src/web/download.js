// newschart: a chart's downloads, the chart as PNG and its data as CSV. view.js imports this
// module only when a reader first asks for a download: article pages don't load it otherwise.
//
// Feed text goes into the files as text: into a canvas with fillText, into CSV cells quoted, and a
// cell that starts like a formula is written so that a spreadsheet shows it and never runs it.

/** Saves `blob` as the file `name`. */
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

/** The data as CSV (UTF-8 with BOM so Excel reads Chinese; raw numbers, empty for gaps). */
export function csv(view) {
  const data = JSON.parse(view._chart.table());
  // a cell that starts like a formula (=, +, -, @) is written as text, so a spreadsheet never runs it
  const q = (v) => {
    const t = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = [[view.t.category, ...data.headers.slice(1)].map(q).join(',')];
  for (const r of data.rows) lines.push([q(r.category), ...r.cells.map((c) => (c.value === null ? '' : String(c.value)))].join(','));
  save(view, new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }), fileName(view, 'csv'));
}

/** The chart as PNG: title, subtitle, the drawn chart, notes and source, at the screen's pixel ratio. */
export function png(view) {
  const src = view._canvas;
  const dpr = view._dpr || 1;
  const m = view._meta;
  const cs = getComputedStyle(view.host);
  const font = cs.getPropertyValue('--nc-font').trim() || 'system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  const colors = view._themeColors();
  const pad = 12 * dpr;
  const w = src.width + pad * 2;
  const lines = [[m.title, 700, 17], [m.subtitle, 400, 13]].filter(([t]) => t);
  const after = [...(m.illustrative ? [[view.t.illustrative, 700, 12]] : []), ...m.notes.map((n) => [n, 400, 12]),
    ...(m.source ? [[`${view.t.source}${m.source.text}`, 400, 12]] : [])];
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  const wrap = (text, weight, size) => {
    ctx.font = `${weight} ${size * dpr}px ${font}`;
    const rows = [];
    let row = '';
    for (const ch of text) {
      if (ctx.measureText(row + ch).width > w - pad * 2 && row) { rows.push(row); row = ch; } else row += ch;
    }
    if (row) rows.push(row);
    return rows.map((r) => [r, weight, size]);
  };
  ctx.font = `12px ${font}`;
  const head = lines.flatMap(([t, wt, sz]) => wrap(t, wt, sz));
  const foot = after.flatMap(([t, wt, sz]) => wrap(t, wt, sz));
  const lh = (sz) => sz * 1.5 * dpr;
  out.width = w;
  out.height = pad * 2 + head.reduce((a, [, , sz]) => a + lh(sz), 0) + src.height + pad + foot.reduce((a, [, , sz]) => a + lh(sz), 0);
  ctx.fillStyle = colors[4] || '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'top';
  let y = pad;
  const put = ([t, wt, sz]) => { ctx.font = `${wt} ${sz * dpr}px ${font}`; ctx.fillStyle = colors[0]; ctx.fillText(t, pad, y); y += lh(sz); };
  head.forEach(put);
  ctx.drawImage(src, pad, y);
  y += src.height + pad;
  foot.forEach(put);
  out.toBlob((blob) => blob && save(view, blob, fileName(view, 'png')), 'image/png');
}
