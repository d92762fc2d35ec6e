// The builder's import step, on csv_to_feed's result (docs: the interface in the import helper's
// csv_to_feed): the columns, each switched on or off; the pivot of a long table offered; the data
// in a grid where the cells that are not numbers are red and can be fixed in place; a column's
// many bad cells told as one problem, with a button that leaves the column out.
//
// Everything here only draws what it is given and reports the editor's choices to `on` (builder.js
// keeps them in its saved state and converts again). Text from the file reaches the page only as
// textContent or input values.

/** Rows the grid shows from the top of the table, before the rows that have problems. */
const HEAD_ROWS = 20;
/** Rows with problems the grid shows at most (the rest are counted). */
const MAX_BAD_ROWS = 60;

const el = (tag, cls, parent) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (parent) parent.append(e);
  return e;
};

/** The key of a cell in the edits: its row in the file (1-based) and its column (0-based). */
export const cellKey = (fileRow, col) => `${fileRow}:${col}`;

/** Writes rows (arrays of text) as CSV: every field quoted where it must be. */
export function toCsv(rows) {
  const q = (s) => (/[",\n\r]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${rows.map((r) => r.map((c) => q(String(c ?? ''))).join(',')).join('\n')}\n`;
}

/**
 * The table with the editor's cell edits written in, as CSV, and how to find a row of that CSV in
 * the file: line L of the CSV is file row rowNumbers[L - 2] (line 1 is the header).
 */
export function editedCsv(table, edits) {
  const rows = table.rows.map((row, i) => row.map((c, j) => {
    const k = cellKey(table.rowNumbers[i], j);
    return k in edits ? edits[k] : c;
  }));
  return toCsv([table.headers, ...rows]);
}

/** Whether any edit is for a cell of this table (edits of another file are kept, but unused). */
export function editsFor(table, edits) {
  if (!table) return false;
  const rows = new Set(table.rowNumbers);
  return Object.keys(edits).some((k) => rows.has(Number(k.split(':')[0])));
}

/**
 * Splits problems into those of cells (grouped by column) and the others. A cell problem is an
 * error with a column (1-based field) on a data row: a row of `table` (its file rows), or without
 * one any line after the first.
 */
export function groupCells(problems, table) {
  const rows = table && new Set(table.rowNumbers);
  const byColumn = new Map();
  const rest = [];
  for (const p of problems) {
    if (p.column > 0 && p.severity === 'error' && (rows ? rows.has(p.line) : p.line > 1)) {
      if (!byColumn.has(p.column)) byColumn.set(p.column, []);
      byColumn.get(p.column).push(p);
    } else {
      rest.push(p);
    }
  }
  return { byColumn, rest };
}

/**
 * Draws the import panel into `box` for result `r` of csv_to_feed:
 * `ui` = { L (texts), lang, exclude (headers left out), pivot (or null), sheet, edits, on }, where
 * on.exclude(header, out), on.pivot(spec or null), on.sheet(name), on.edit(fileRow, col, text),
 * on.show(problem) are the editor's choices.
 */
export function showImport(box, r, ui) {
  const { L, on } = ui;
  box.replaceChildren();
  const table = r && r.table;
  if (!table || !Array.isArray(table.headers)) { box.hidden = true; return; }
  box.hidden = false;

  // a workbook of several sheets: which one
  if (Array.isArray(r.sheets) && r.sheets.length > 1) {
    const row = el('div', 'row', box);
    const label = el('label', '', row);
    label.htmlFor = 'sheet';
    label.textContent = L.sheet;
    const sel = el('select', '', row);
    sel.id = 'sheet';
    for (const name of r.sheets) { const o = el('option', '', sel); o.value = name; o.textContent = name; }
    sel.value = ui.sheet && r.sheets.includes(ui.sheet) ? ui.sheet : r.sheets[0];
    sel.addEventListener('change', () => on.sheet(sel.value));
  }

  // a long table: one click makes one series per value of its series column
  const offer = (text, id, label, click) => {
    const p = el('p', 'offer', box);
    p.id = 'long-offer';
    p.append(text, ' ');
    const b = el('button', '', p);
    b.type = 'button';
    b.id = id;
    b.textContent = label;
    b.addEventListener('click', click);
  };
  if (ui.pivot) offer(L.pivoted(ui.pivot.series, ui.pivot.value), 'unpivot', L.unpivot, () => on.pivot(null));
  else if (r.long) offer(L.longTable(r.long.series, r.long.value), 'pivot', L.pivot(r.long.series), () => on.pivot({ series: r.long.series, value: r.long.value, x: r.long.x }));

  // the columns, each on or off (the x column and text columns say what they are)
  const fs = el('fieldset', 'field columns', box);
  el('legend', '', fs).textContent = L.columns;
  const list = el('div', 'column-list', fs);
  const columns = Array.isArray(r.columns) ? r.columns : table.headers.map((h, i) => ({ index: i, header: h, name: h, type: 'number', role: i === 0 ? 'x' : 'series' }));
  for (const c of columns) {
    const label = el('label', `col col-${c.role}`, list);
    const box2 = el('input', '', label);
    box2.type = 'checkbox';
    box2.id = `col-${c.index}`;
    box2.dataset.header = c.header;
    const out = ui.exclude.includes(c.header);
    box2.checked = c.role !== 'excluded' && !out;
    box2.disabled = c.role === 'x' || (c.type !== 'number' && !box2.checked); // text never makes a series
    box2.addEventListener('change', () => on.exclude(c.header, !box2.checked));
    label.append(` ${c.header || `#${c.index + 1}`} `);
    const what = el('span', 'col-type', label);
    what.textContent = c.role === 'x' ? L.xColumn : (L.types[c.type] || c.type) + (c.unit ? ` · ${c.unit}` : '');
  }

  // the grid: the first rows, then every row with a problem (up to MAX_BAD_ROWS), bad cells red
  const { byColumn } = groupCells(r.problems || [], table);
  const bad = new Map(); // file row -> Map(col0 -> problem)
  for (const [col, ps] of byColumn) {
    for (const p of ps) {
      if (!bad.has(p.line)) bad.set(p.line, new Map());
      bad.get(p.line).set(col - 1, p);
    }
  }
  const index = new Map(table.rowNumbers.map((n, i) => [n, i]));
  const shown = new Set(Array.from({ length: Math.min(HEAD_ROWS, table.rows.length) }, (_, i) => i));
  let more = 0;
  for (const line of [...bad.keys()].sort((a, b) => a - b)) {
    const i = index.get(line);
    if (i === undefined) continue;
    if (shown.size >= HEAD_ROWS + MAX_BAD_ROWS && !shown.has(i)) { more++; continue; }
    shown.add(i);
  }
  const wrap = el('div', 'grid', box);
  wrap.id = 'grid';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', L.grid);
  const t = el('table', '', wrap);
  el('caption', '', t).textContent = L.gridCaption(table.rows.length);
  const head = el('tr', '', el('thead', '', t));
  el('th', '', head).textContent = L.row;
  table.headers.forEach((h, j) => {
    const th = el('th', ui.exclude.includes(h) ? 'out' : '', head);
    th.scope = 'col';
    th.textContent = h;
    void j;
  });
  const body = el('tbody', '', t);
  let last = -1;
  for (const i of [...shown].sort((a, b) => a - b)) {
    if (i > last + 1) {
      const gap = el('tr', 'gap', body);
      const td = el('td', '', gap);
      td.colSpan = table.headers.length + 1;
      td.textContent = L.rowsBetween(i - last - 1);
    }
    last = i;
    const fileRow = table.rowNumbers[i];
    const tr = el('tr', '', body);
    const th = el('th', '', tr);
    th.scope = 'row';
    th.textContent = String(fileRow);
    const probs = bad.get(fileRow);
    table.rows[i].forEach((cell, j) => {
      const td = el('td', '', tr);
      const p = probs && probs.get(j);
      const k = cellKey(fileRow, j);
      if (!p && !(k in ui.edits)) { td.textContent = cell; return; }
      // a bad (or edited) cell: fixed in place
      td.className = p ? 'bad' : 'edited';
      const input = el('input', '', td);
      input.type = 'text';
      input.value = cell;
      input.dataset.cell = k;
      input.setAttribute('aria-label', L.cellLabel(fileRow, table.headers[j]));
      if (p) {
        input.setAttribute('aria-invalid', 'true');
        input.title = ui.lang === 'zh' ? p.zh : p.en;
      }
      input.addEventListener('change', () => on.edit(fileRow, j, input.value));
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') input.blur(); });
    });
  }
  if (last < table.rows.length - 1 || more) {
    const gap = el('tr', 'gap', body);
    const td = el('td', '', gap);
    td.colSpan = table.headers.length + 1;
    td.textContent = more ? L.moreBad(more) : L.rowsBetween(table.rows.length - 1 - last);
  }
}

/**
 * The problems of the cells, one item per column (however many cells), each with a button that
 * leaves the column out and one that shows its first bad cell in the grid; the other problems as
 * they come. `li(p, where, onShow)` makes an item (builder.js's).
 */
export function problemItems(problems, table, ui, li) {
  const { L, on } = ui;
  const { byColumn, rest } = groupCells(problems, table);
  const headers = table ? table.headers : [];
  const items = [];
  for (const [col, ps] of byColumn) {
    const header = headers[col - 1] ?? `#${col}`;
    const first = ps[0];
    const cellText = /“([^”]*)”|"([^"]*)"/.exec(first.en || first.zh || '');
    const sample = cellText ? cellText[1] ?? cellText[2] : '';
    // one bad cell: located as any problem; more: one item for the column
    const item = ps.length === 1
      ? li(first, L.where(first.line, first.column), () => on.show(first))
      : li({ severity: 'error', zh: T_zh(ps.length, header, first.line, sample), en: T_en(ps.length, header, first.line, sample) }, '', null);
    item.dataset.column = header;
    const out = document.createElement('button');
    out.type = 'button';
    out.className = 'at leave-out';
    out.textContent = L.leaveOut;
    out.addEventListener('click', () => on.exclude(header, true));
    if (ps.length > 1) {
      const show = document.createElement('button');
      show.type = 'button';
      show.className = 'at';
      show.textContent = L.showCell;
      show.addEventListener('click', () => on.show(first));
      item.prepend(show);
    }
    item.append(' ', out);
    items.push(item);
  }
  return { items, rest };
}

// One problem for a column's many bad cells: the count, the column, the first cell.
function T_zh(n, header, line, sample) {
  return `列“${header}”有 ${n.toLocaleString('zh-CN')} 个单元格不是数字（第一个在第 ${line} 行${sample ? `：“${sample}”` : ''}）。可在下面的表格里改正（红色单元格），或不用这一列。`;
}
function T_en(n, header, line, sample) {
  return `Column "${header}" has ${n.toLocaleString('en-US')} cells that are not numbers (the first on row ${line}${sample ? `: "${sample}"` : ''}). Fix them in the grid below (the red cells), or leave the column out.`;
}
