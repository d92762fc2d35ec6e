// newschart: animated changes. When what the chart shows changes (a series hidden, another
// dataset), bars move to the new scene in at most 250 ms (scene::tween in the wasm module draws
// each frame); none for readers who ask for reduced motion.

import { draw, relayout } from './resize.js';

const DURATION = 250;

const reducedMotion = () => !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/**
 * Runs `change` (which alters what the chart shows) and animates to the new scene.
 * @param {import('./view.js').View} view
 * @param {() => void} change
 */
export function transition(view, change) {
  const chart = view._chart;
  if (!chart) return;
  cancelAnimationFrame(view._anim);
  if (reducedMotion() || !view._points.length) {
    change();
    relayout(view, true);
    return;
  }
  chart.begin_transition();
  change();
  relayout(view, true, true);
  const start = performance.now();
  view.host.setAttribute('data-animating', '');
  const frame = (now) => {
    if (view._chart !== chart) return;
    let t = Math.min(1, (now - start) / DURATION);
    try { draw(view, t); } catch (e) { t = 1; }
    if (t < 1) { view._anim = requestAnimationFrame(frame); return; }
    chart.end_transition();
    view.host.removeAttribute('data-animating');
    relayout(view, true);
  };
  view._anim = requestAnimationFrame(frame);
}
