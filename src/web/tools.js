// newschart: the tools row under the chart: the Table button and the Download menu (PNG, CSV),
// whose work is download.js, imported on a reader's first download.

import { downloads } from './lazy.js';
import { toggleTable } from './table.js';

/** @typedef {import('./view.js').View} View */

/** Wires the buttons of the tools row. @param {View} view */
export function tools(view) {
  const { _tableBtn: tableBtn, _dlBtn: dlBtn, _dlMenu: dlMenu, _dlPng: dlPng, _dlCsv: dlCsv } = view;
  tableBtn.addEventListener('click', () => toggleTable(view));
  dlBtn.addEventListener('click', () => menu(view, dlMenu.hidden));
  dlPng.addEventListener('click', () => { menu(view, false); download(view, 'png'); });
  dlCsv.addEventListener('click', () => { menu(view, false); download(view, 'csv'); });
  dlMenu.addEventListener('keydown', (e) => {
    const items = [dlPng, dlCsv];
    const k = items.indexOf(/** @type {HTMLButtonElement} */ (view._root().activeElement));
    if (e.key === 'Escape') { menu(view, false); dlBtn.focus(); }
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); items[(k + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length].focus(); }
  });
}

/** Listens for a click outside the download menu, which closes it. @param {View} view */
export function listenTools(view) {
  const { _dlMenu: dlMenu, _tools: tools } = view;
  view._on(document, 'click', (e) => { if (!dlMenu.hidden && !e.composedPath().includes(tools)) menu(view, false); });
}

/** Opens or closes the download menu. @param {View} view */
function menu(view, open) {
  const { _dlMenu: dlMenu, _dlBtn: dlBtn, _dlPng: dlPng, _dlCsv: dlCsv } = view;
  dlMenu.hidden = !open;
  dlBtn.setAttribute('aria-expanded', String(open));
  if (open) (dlPng.hidden ? dlCsv : dlPng).focus();
}

/** Saves the chart as `kind` ('png' or 'csv'), with download.js, imported on the first download. @param {View} view */
function download(view, kind) {
  downloads()
    .then((m) => { if (view._chart) m[kind](view); })
    .catch((e) => console.error(`[newschart] ${view.t.downloadFailed}: ${e && e.message}`));
}
