// newschart: the chart's data points as drawn, read from the scene through the wasm module: all
// at once for an ordinary chart, one at a time for a large line chart; and newschart:interact,
// which tells the page which point a reader reached.

import * as wasm from './boundary.js';

/** @typedef {import('./boundary.js').Point} Point */
/** @typedef {Point[] & { large?: boolean, series?: number }} Points */

/**
 * The points of a large line chart (Chart.is_large): an array-like whose element i is made by
 * chart.point(i) when read, never all at once (10^6 points would be 10^6 objects). It also says
 * `large` and how many `series` there are, which the view asks instead of looking at every point.
 * @param {import('./boundary.js').Chart} chart
 * @returns {Points}
 */
function lazyPoints(chart) {
  const n = chart.point_count();
  const series = wasm.meta(chart).legend.length || 1;
  const made = new Map();
  return new Proxy([], {
    get(target, key) {
      if (key === 'length') return n;
      if (key === 'large') return true;
      if (key === 'series') return series;
      if (typeof key === 'string' && /^\d+$/.test(key)) { // every index, not '0'..'9' as strings compare
        if (!made.has(key)) {
          if (made.size > 64) made.clear();
          made.set(key, wasm.point(chart, +key) || undefined);
        }
        return made.get(key);
      }
      return Reflect.get(target, key);
    },
  });
}

/**
 * The points of `view`'s chart, made now (an error from the wasm side: none, and the error box).
 * @param {import('./view.js').View} view
 * @returns {Points}
 */
export function readPoints(view) {
  try {
    return !view._chart ? [] : view._chart.is_large() ? lazyPoints(view._chart) : wasm.points(view._chart);
  } catch (e) {
    view._internal(e);
    return [];
  }
}

/** Whether the points are of more than one series. @param {Points} points */
export function multiSeries(points) {
  if (points.large) return points.series > 1;
  return new Set(points.map((p) => p.seriesIndex)).size > 1;
}

/**
 * Tells the page (newschart:interact) that a reader reached point `i` by `how`: hover, tap or keyboard.
 * @param {import('./view.js').View} view
 */
export function interact(view, how, i) {
  const p = view._points[i];
  view.host.dispatchEvent(new CustomEvent('newschart:interact', { bubbles: true, composed: true,
    detail: { how, dataset: view._meta?.id, category: p.category, series: p.series, value: p.value } }));
}
