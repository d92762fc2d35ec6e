// newschart: the keyboard on the chart's canvas. Where an arrow, Home or End goes is the scene's
// business (Chart.next_point, src/scene/nav.rs); here the focus moves, its tooltip shows and a
// screen reader hears the point. Escape closes the tooltip.

import { interact } from './points.js';
import { unpin } from './pointer.js';
import { showTip } from './tooltip.js';

/** @typedef {import('./view.js').View} View */

/** The keys that move, in the order of their codes for Chart.next_point (scene::nav::KEYS). */
const KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'];

/** @param {View} view */
export function listenKeys(view) {
  view._on(view._canvas, 'keydown', (e) => key(view, e));
}

/** @param {View} view @param {KeyboardEvent} e */
function key(view, e) {
  if (!view._points.length) return;
  if (e.key === 'Escape') { unpin(view); view._focus = -1; return; }
  let i;
  try {
    i = view._chart.next_point(view._focus, KEYS.indexOf(e.key));
  } catch (err) {
    view._internal(err);
    return;
  }
  if (i < 0) return;
  e.preventDefault();
  view._focus = i;
  showTip(view, i);
  view._live.textContent = view._points[i].label;
  interact(view, 'keyboard', i);
}
