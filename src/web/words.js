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
 * Shows the words of `view`'s chart, and hands its warnings to problems.js.
 * @param {import('./view.js').View} view
 */
export function showMeta(view) {
  const m = wasm.meta(view._chart);
  view._meta = m;
  view._locale = m.locale === 'en' ? 'en' : 'zh';
  const t = view.t;
  view._title.textContent = m.title;
  view._subtitle.textContent = m.byline ? `${m.subtitle}${m.subtitle ? ' · ' : ''}${m.byline}` : m.subtitle;
  showTabs(view, m);
  showLegend(view, m);
  showTable(view, false);
  view._tableBtn.textContent = t.table;
  view._dlBtn.textContent = t.download;
  view._dlPng.textContent = t.png;
  view._dlCsv.textContent = t.csv;
  const tableOnly = m.kind === 'table';
  view._tableBtn.hidden = tableOnly;
  view._dlPng.hidden = tableOnly;
  view._plot.hidden = tableOnly;
  view._table.hidden = !tableOnly;
  if (tableOnly) renderTable(view);
  view._illustrative.hidden = !m.illustrative;
  view._illustrative.textContent = t.illustrative;
  view._notes.replaceChildren(...m.notes.map((n) => { const li = el('li'); li.textContent = n; return li; }));
  const source = view._source;
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
  if (m.warnings.length) withProblems(view, (p) => p.warn(view, m.warnings));
}
