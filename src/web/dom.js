// newschart: the element's shadow DOM, built once per chart. Listeners are added by the modules
// of each concern (tools.js, pointer.js, keyboard.js); feed text is only ever set as textContent.

import { styleShadow } from './style.js';

/**
 * A new `tag` element with class `cls`, appended to `parent` when given.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [cls]
 * @param {Node} [parent]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, cls, parent) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}

/**
 * Builds the chart's figure in the shadow root of `view.host` (emptied first), its parts kept on
 * the view (`view._plot`, `view._canvas` …: declared in state.d.ts).
 * @param {import('./view.js').View} view
 */
export function figure(view) {
  const root = view.host.shadowRoot || view.host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  styleShadow(root);
  const fig = el('figure', 'nc', root);
  fig.setAttribute('part', 'figure');
  view._fig = fig;
  view._title = el('div', 'nc-title', fig);
  view._title.setAttribute('role', 'heading');
  view._title.setAttribute('aria-level', '3');
  view._subtitle = el('p', 'nc-subtitle', fig);
  view._tabs = el('div', 'nc-tabs', fig);
  view._tabs.setAttribute('role', 'tablist');
  view._tabs.hidden = true;
  view._legend = el('ul', 'nc-legend', fig);
  view._legend.hidden = true;
  view._plot = el('div', 'nc-plot', fig);
  view._table = el('div', 'nc-table', fig);
  view._table.tabIndex = 0; // a region the keyboard scrolls, named by the table's caption
  view._table.setAttribute('role', 'region');
  view._table.hidden = true;
  view._crosshair = el('div', 'nc-crosshair', view._plot);
  view._crosshair.hidden = true;
  view._tools = el('div', 'nc-tools', fig);
  view._tableBtn = el('button', 'nc-tool', view._tools);
  view._tableBtn.type = 'button';
  view._tableBtn.setAttribute('aria-pressed', 'false');
  view._dlBtn = el('button', 'nc-tool', view._tools);
  view._dlBtn.type = 'button';
  view._dlBtn.setAttribute('aria-haspopup', 'menu');
  view._dlBtn.setAttribute('aria-expanded', 'false');
  view._dlMenu = el('div', 'nc-menu', view._tools);
  view._dlMenu.setAttribute('role', 'menu');
  view._dlMenu.hidden = true;
  view._dlPng = el('button', 'nc-menu-item', view._dlMenu);
  view._dlCsv = el('button', 'nc-menu-item', view._dlMenu);
  for (const b of [view._dlPng, view._dlCsv]) { b.type = 'button'; b.setAttribute('role', 'menuitem'); }
  view._canvas = el('canvas', '', view._plot);
  view._canvas.setAttribute('role', 'img');
  view._canvas.tabIndex = 0;
  view._tooltip = el('div', 'nc-tooltip', view._plot);
  view._tooltip.setAttribute('role', 'tooltip');
  view._tooltip.id = 'nc-tooltip';
  view._tooltip.hidden = true;
  // over the whole figure while the feed loads, when the plot and tools are not laid out: they
  // appear where they will stay, so nothing that was on screen moves (no layout shift)
  view._status = el('div', 'nc-status', fig);
  view._error = el('div', 'nc-error', fig);
  view._error.setAttribute('role', 'alert');
  view._error.hidden = true;
  view._illustrative = el('p', 'nc-illustrative', fig);
  view._illustrative.hidden = true;
  view._notes = el('ul', 'nc-notes', fig);
  view._source = el('p', 'nc-source', fig);
  view._stale = el('p', 'nc-stale', fig);
  view._stale.setAttribute('role', 'status');
  view._stale.hidden = true;
  view._live = el('div', 'nc-live', fig);
  view._live.setAttribute('aria-live', 'polite');
  // the table and download buttons come last, after the source line
  view._live.before(view._tools);
}
