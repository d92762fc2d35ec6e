// newschart: the element's shadow DOM, built once per chart. Listeners are added by the modules
// of each concern (tools.js, pointer.js, keyboard.js); feed text is only ever set as textContent.

import { styleShadow } from './style.js';

/**
 * A new `tag` element with class `cls`, appended to `parent` when given.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [cls]
 * @param {Element} [parent]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, cls, parent) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}

/** The parts of a chart's figure, in the shadow root of `host` (emptied first). */
export function figure(host) {
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  styleShadow(root);
  const fig = el('figure', 'nc', root);
  fig.setAttribute('part', 'figure');
  const title = el('div', 'nc-title', fig);
  title.setAttribute('role', 'heading');
  title.setAttribute('aria-level', '3');
  const subtitle = el('p', 'nc-subtitle', fig);
  const tabs = el('div', 'nc-tabs', fig);
  tabs.setAttribute('role', 'tablist');
  tabs.hidden = true;
  const legend = el('ul', 'nc-legend', fig);
  legend.hidden = true;
  const plot = el('div', 'nc-plot', fig);
  const table = el('div', 'nc-table', fig);
  table.tabIndex = 0; // a region the keyboard scrolls, named by the table's caption
  table.setAttribute('role', 'region');
  table.hidden = true;
  const crosshair = el('div', 'nc-crosshair', plot);
  crosshair.hidden = true;
  const tools = el('div', 'nc-tools', fig);
  const tableBtn = el('button', 'nc-tool', tools);
  tableBtn.type = 'button';
  tableBtn.setAttribute('aria-pressed', 'false');
  const dlBtn = el('button', 'nc-tool', tools);
  dlBtn.type = 'button';
  dlBtn.setAttribute('aria-haspopup', 'menu');
  dlBtn.setAttribute('aria-expanded', 'false');
  const dlMenu = el('div', 'nc-menu', tools);
  dlMenu.setAttribute('role', 'menu');
  dlMenu.hidden = true;
  const dlPng = el('button', 'nc-menu-item', dlMenu);
  const dlCsv = el('button', 'nc-menu-item', dlMenu);
  for (const b of [dlPng, dlCsv]) { b.type = 'button'; b.setAttribute('role', 'menuitem'); }
  const canvas = el('canvas', '', plot);
  canvas.setAttribute('role', 'img');
  canvas.tabIndex = 0;
  const tooltip = el('div', 'nc-tooltip', plot);
  tooltip.setAttribute('role', 'tooltip');
  tooltip.id = 'nc-tooltip';
  tooltip.hidden = true;
  // over the whole figure while the feed loads, when the plot and tools are not laid out: they
  // appear where they will stay, so nothing that was on screen moves (no layout shift)
  const status = el('div', 'nc-status', fig);
  const error = el('div', 'nc-error', fig);
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const illustrative = el('p', 'nc-illustrative', fig);
  illustrative.hidden = true;
  const notes = el('ul', 'nc-notes', fig);
  const source = el('p', 'nc-source', fig);
  const stale = el('p', 'nc-stale', fig);
  stale.setAttribute('role', 'status');
  stale.hidden = true;
  const live = el('div', 'nc-live', fig);
  live.setAttribute('aria-live', 'polite');
  // the table and download buttons come last, after the source line
  live.before(tools);
  return { root, fig, title, subtitle, tabs, legend, plot, table, crosshair, tools, tableBtn, dlBtn, dlMenu, dlPng, dlCsv,
    canvas, tooltip, status, error, illustrative, notes, source, stale, live };
}
