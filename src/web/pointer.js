// newschart: mouse, touch and pen over the chart. A mouse shows the tooltip of the point under it
// (Chart.hit reads the scene); a tap pins the tapped point's tooltip, and a tap elsewhere, a
// scroll or leaving the canvas unpins it.

import { interact } from './points.js';
import { cross, hideTip, showTip } from './tooltip.js';

/** @typedef {import('./view.js').View} View */

/** Listens to the pointer over `view`'s canvas, and to taps and scrolls elsewhere. @param {View} view */
export function listenPointer(view) {
  const canvas = view._canvas;
  view._on(canvas, 'pointermove', (e) => pointer(view, e, false));
  view._on(canvas, 'pointerdown', (e) => pointer(view, e, true));
  view._on(canvas, 'pointerleave', (e) => { if (e.pointerType === 'mouse' && !view._pinned) hideTip(view); });
  view._on(canvas, 'blur', () => { if (!view._pinned) hideTip(view); });
  // A tap elsewhere or a scroll dismisses a pinned tooltip.
  view._on(document, 'pointerdown', (e) => { if (view._pinned && !e.composedPath().includes(canvas)) unpin(view); }, true);
  view._on(window, 'scroll', () => { if (view._pinned) unpin(view); }, { passive: true });
}

/** @param {View} view @param {PointerEvent} e */
function pointer(view, e, down) {
  if (!view._chart || !view._points.length) return;
  const r = view._canvas.getBoundingClientRect();
  let i;
  try {
    i = view._chart.hit(e.clientX - r.left, e.clientY - r.top);
  } catch (err) {
    view._internal(err);
    return;
  }
  if (e.pointerType === 'mouse') {
    if (view._pinned) return;
    if (i >= 0) showTip(view, i); else hideTip(view);
    cross(view, i);
    if (down && i >= 0) interact(view, 'hover', i);
    else if (i >= 0 && i !== view._lastHover) interact(view, 'hover', i);
    view._lastHover = i;
    return;
  }
  // touch and pen: a tap pins the tooltip of the tapped point; a tap on nothing unpins
  if (!down) return;
  if (i >= 0) {
    view._pinned = true;
    view._focus = i;
    showTip(view, i);
    interact(view, 'tap', i);
  } else {
    unpin(view);
  }
}

/** @param {View} view */
export function unpin(view) {
  view._pinned = false;
  hideTip(view);
}
