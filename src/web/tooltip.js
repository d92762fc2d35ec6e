// newschart: the tooltip of one data point, placed above its mark inside the chart's box, and the
// crosshair of line and area charts. Its words are the scene's texts for the point.

import { el } from './dom.js';
import { multiSeries } from './points.js';

/** @typedef {import('./view.js').View} View */

/** Shows the tooltip of point `i`. @param {View} view */
export function showTip(view, i) {
  const p = view._points[i];
  if (!p) return;
  const { _tooltip: tt, _canvas: canvas, _plot: plot } = view;
  const lines = [[p.category, 'nc-tt-cat']];
  if (multiSeries(view._points)) lines.push([p.series, 'nc-tt-series']);
  lines.push([p.valueText, 'nc-tt-value']);
  if (p.detail) lines.push([p.detail, 'nc-tt-detail']);
  tt.replaceChildren(...lines.map(([text, cls]) => { const d = el('div', cls); d.textContent = text; return d; }));
  tt.hidden = false;
  canvas.setAttribute('aria-describedby', 'nc-tooltip');
  // place above the bar, inside the chart's box
  const W = plot.clientWidth;
  const tw = tt.offsetWidth;
  const th = tt.offsetHeight;
  let x = p.bar.x + p.bar.w / 2 - tw / 2;
  x = Math.max(0, Math.min(W - tw, x));
  let y = p.bar.y - th - 8;
  if (y < 0) y = p.bar.y + p.bar.h + 8;
  tt.style.left = `${Math.round(x)}px`;
  tt.style.top = `${Math.round(y)}px`;
}

/** @param {View} view */
export function hideTip(view) {
  const { _tooltip: tooltip, _crosshair: crosshair, _canvas: canvas } = view;
  tooltip.hidden = true;
  crosshair.hidden = true;
  canvas.removeAttribute('aria-describedby');
}

/** A vertical crosshair through the hovered point `i` of a line or area chart. @param {View} view */
export function cross(view, i) {
  const p = view._points[i];
  const box = view._plotBox;
  const on = !!(p && box && (view._meta?.kind === 'line' || view._meta?.kind === 'area'));
  const { _crosshair: crosshair } = view;
  crosshair.hidden = !on;
  if (!on) return;
  const st = crosshair.style;
  st.left = `${Math.round(p.bar.x + p.bar.w / 2)}px`;
  st.top = `${Math.round(box.y)}px`;
  st.height = `${Math.round(box.h)}px`;
}
