// newschart: the words around the chart (title, subtitle and byline, tabs, legend, the tools'
// labels, the illustrative-data label, notes, source), from the wasm module's Chart.meta, set as
// text only; the feed's warnings go to problems.js.

import * as wasm from './boundary.js';
import { el } from './dom.js';
import { withProblems } from './error.js';
import { showLegend } from './legend.js';
import { renderTable, showTable } from './table.js';
import { showTabs } from './tabs.js';

/**
 * Shows the words of `view`'s chart; `remake` (from the view's _apply) can explain the warnings.
 * @param {import('./view.js').View} view
 * @param {(Chart: any) => any} [remake]
 */
export function showMeta(view, remake) {
  const m = wasm.meta(view._chart);
  const ui = view.ui;
  view._meta = m;
  view._locale = m.locale === 'en' ? 'en' : 'zh';
  const t = view.t;
  ui.title.textContent = m.title;
  ui.subtitle.textContent = m.byline ? `${m.subtitle}${m.subtitle ? ' · ' : ''}${m.byline}` : m.subtitle;
  showTabs(view, m);
  showLegend(view, m);
  showTable(view, false);
  ui.tableBtn.textContent = t.table;
  ui.dlBtn.textContent = t.download;
  ui.dlPng.textContent = t.png;
  ui.dlCsv.textContent = t.csv;
  const tableOnly = m.kind === 'table';
  ui.tableBtn.hidden = tableOnly;
  ui.dlPng.hidden = tableOnly;
  ui.plot.hidden = tableOnly;
  ui.table.hidden = !tableOnly;
  if (tableOnly) renderTable(view);
  ui.illustrative.hidden = !m.illustrative;
  ui.illustrative.textContent = t.illustrative;
  ui.notes.replaceChildren(...m.notes.map((n) => { const li = el('li'); li.textContent = n; return li; }));
  const source = ui.source;
  source.replaceChildren();
  if (m.source) {
    source.append(t.source);
    if (m.source.url) {
      const a = el('a', '', source);
      a.href = m.source.url; // checked http(s) by the wasm side
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      a.textContent = m.source.text;
    } else {
      source.append(m.source.text);
    }
  }
  if (m.warnings.length) withProblems(view, (p) => p.warn(view, m.warnings, remake));
}
