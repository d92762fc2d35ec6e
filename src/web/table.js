// newschart: the data as a real <table>, instead of the plot (the Table button) or as the chart
// itself (kind "table"). Its rows are the wasm module's (Chart.table): values in full.

import * as wasm from './boundary.js';
import { el } from './dom.js';
import { relayout, reserveHeight } from './resize.js';

/** @typedef {import('./view.js').View} View */

/**
 * The data as a real <table>: caption, header row, one row per category, values in full. It
 * scrolls inside a box as tall as the plot (a keyboard-scrollable region named by the caption,
 * its header row sticky), and only the rows in view are in the DOM, between two spacer rows:
 * 10,000 rows open as fast as 20. aria-rowcount and aria-rowindex give the whole table's size.
 * @param {View} view
 */
export function renderTable(view) {
  const { caption, headers, rows } = wasm.table(view._chart);
  const box = view._table;
  box.style.maxHeight = `${view._height || reserveHeight(view, view._chart)}px`;
  box.setAttribute('aria-label', caption);
  const table = el('table');
  table.setAttribute('aria-rowcount', String(rows.length + 1));
  el('caption', '', table).textContent = caption;
  const head = el('tr', '', el('thead', '', table));
  for (const h of headers) { const th = el('th', '', head); th.scope = 'col'; th.textContent = h; }
  const body = el('tbody', '', table);
  const gap = () => { const tr = el('tr', 'nc-gap'); tr.setAttribute('aria-hidden', 'true'); el('td', '', tr).colSpan = headers.length; return tr; };
  const top = gap();
  const bottom = gap();
  let rowH = 0;
  const fill = () => {
    rowH ||= /** @type {HTMLElement | null} */ (body.querySelector('[aria-rowindex]'))?.offsetHeight;
    // the rows in view and 20 on either side (the first 60 while a row's height is not known)
    const first = rowH ? Math.max(0, ((box.scrollTop - head.offsetHeight) / rowH | 0) - 20) : 0;
    const last = Math.min(rows.length, first + (rowH ? Math.ceil(box.clientHeight / rowH) + 40 : 60));
    top.style.height = `${first * rowH}px`;
    bottom.style.height = `${(rows.length - last) * rowH}px`;
    body.replaceChildren(...(first ? [top] : []), ...rows.slice(first, last).map((r, k) => {
      const tr = el('tr');
      tr.setAttribute('aria-rowindex', String(first + k + 2));
      const th = el('th', '', tr);
      th.scope = 'row';
      th.textContent = r.category;
      for (const c of r.cells) el('td', '', tr).textContent = c.text;
      return tr;
    }), ...(last < rows.length ? [bottom] : []));
  };
  fill();
  box.replaceChildren(table);
  box.onscroll = () => { cancelAnimationFrame(view._tableFrame); view._tableFrame = requestAnimationFrame(fill); };
  fill(); // now with the rows' height
}

/** Shows the table instead of the plot (`on`), or the plot again; a table chart shows its table always. @param {View} view */
export function showTable(view, on) {
  const { _tableBtn: tableBtn, _table: table, _plot: plot } = view;
  view._tableOn = on;
  tableBtn.setAttribute('aria-pressed', String(on));
  const tableOnly = view._meta?.kind === 'table';
  table.hidden = !(on || tableOnly);
  plot.hidden = on || tableOnly;
  if (on || tableOnly) renderTable(view);
}

/** @param {View} view */
export function toggleTable(view) {
  showTable(view, !view._tableOn);
  if (!view._tableOn) relayout(view, true);
}
