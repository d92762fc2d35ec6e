// newschart: the chart at its size. The figure keeps the height reserved for it from the moment the
// loader saw it (no layout shift); the plot follows its container (ResizeObserver), the
// devicePixelRatio (a zoom, a window moved to another screen) and the reader's colour scheme, and
// each change lays the chart out and draws it again (narrow charts with the legend under the plot).

import * as wasm from './boundary.js';
import { themeColors } from './theme.js';
import { dropStatic } from './static.js';
import { showTip } from './tooltip.js';

/** @typedef {import('./view.js').View} View */

/** Height reserved before a feed has loaded, when the page sets none. */
const PLACEHOLDER_HEIGHT = 300;
/**
 * Room reserved for the words around the plot (title, subtitle, the tools row, a line of notes,
 * source), in CSS px: the element keeps `height` + FRAME from the moment the loader sees it, so a
 * chart that loads never moves the page. Words that need less room leave the plot taller; words
 * that need more take it from the plot, down to PLOT_MIN of `height`. Same number in newschart.js.
 */
const FRAME = 136;
const PLOT_MIN = 0.6;

/**
 * Keeps the figure at `height` + FRAME (see FRAME) and returns the plot's height in CSS px (unless
 * `noRead`: no layout is forced then).
 * @param {View} view
 * @param {import('./boundary.js').Chart | null} chart
 * @param {boolean} [noRead]
 */
export function reserveHeight(view, chart, noRead) {
  const { _fig: fig, _plot: plot } = view;
  const attr = parseFloat(view.host.getAttribute('height'));
  let h = attr > 0 ? attr : PLACEHOLDER_HEIGHT;
  if (!(attr > 0) && chart) h = chart.default_height(plot.clientWidth || 600);
  fig.style.minHeight = `${Math.round(h + FRAME)}px`; // CSSOM: allowed under a strict style-src
  plot.style.height = `${Math.round(h * PLOT_MIN)}px`; // its flex basis; it grows into the room left
  if (noRead) return 0;
  return Math.floor(plot.getBoundingClientRect().height) || Math.round(h);
}

/** Follows the plot's size, the devicePixelRatio and the colour scheme. @param {View} view */
export function listenResize(view) {
  if (typeof ResizeObserver === 'function') {
    view._resize = new ResizeObserver(() => schedule(view));
    view._resize.observe(view._plot);
  } else {
    // Engines without ResizeObserver (Safari < 13.1) follow the window instead.
    view._on(window, 'resize', () => schedule(view));
  }
  watchDpr(view);
  // a reader switching the system to dark (or back) gets the chart redrawn in it
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  if (scheme) view._on(scheme, 'change', () => relayout(view, true));
}

/** Stops what listenResize started (its window listeners go with the view's). @param {View} view */
export function unlistenResize(view) {
  if (view._resize) view._resize.disconnect();
  view._resize = null;
  if (view._dprQuery) view._dprQuery.removeEventListener('change', view._dprChange);
  view._dprQuery = null;
  cancelAnimationFrame(view._frame);
}

/** Puts the legend under the plot when the chart is `narrow`, above it otherwise. @param {View} view */
function placeLegend(view, narrow) {
  if (narrow === view._narrow) return;
  view._narrow = narrow;
  const { _plot: plot, _legend: legend } = view;
  if (narrow) plot.after(legend); else plot.before(legend);
}

/** @param {View} view */
function watchDpr(view) {
  if (!window.matchMedia) return;
  view._dprChange = () => { view._dprQuery?.removeEventListener('change', view._dprChange); watchDpr(view); schedule(view); };
  view._dprQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
  view._dprQuery.addEventListener('change', view._dprChange);
}

/** @param {View} view */
function schedule(view) {
  cancelAnimationFrame(view._frame);
  view._frame = requestAnimationFrame(() => relayout(view, false));
}

/**
 * Draws frame `t` of the chart's transition (1: the scene alone) at its last layout's size and
 * devicePixelRatio, sizing the canvas's backing store to match: the wasm module is handed the
 * context and never looks up the DOM.
 * @param {View} view
 * @param {number} t
 */
export function draw(view, t) {
  const { _canvas: canvas, _dpr: dpr } = view;
  const w = Math.max(1, Math.round(view._width * dpr));
  const h = Math.max(1, Math.round(view._height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context is unavailable');
  view._chart.draw_at(ctx, w, h, dpr, t);
  dropStatic(view, view._text); // the live chart's first frame replaces the static image
}

/**
 * Lays the chart out at the plot's size and draws it, when that size (or the devicePixelRatio)
 * changed or `force`; `layoutOnly` leaves the drawing to a transition.
 * @param {View} view
 * @param {boolean} force
 * @param {boolean} [layoutOnly]
 */
export function relayout(view, force, layoutOnly) {
  const chart = view._chart;
  if (!chart) return;
  const { _plot: plot, _canvas: canvas, _tooltip: tooltip } = view;
  if (view._meta && view._meta.kind === 'table') {
    chart.layout(600, 100, canvas.getContext('2d'));
    view._points = wasm.points(chart);
    dropStatic(view, view._text);
    return;
  }
  const width = Math.round(plot.clientWidth);
  // at most 4 device pixels a CSS pixel: a page zoomed far in would make a huge backing store
  const dpr = Math.min(4, window.devicePixelRatio || 1);
  const height = reserveHeight(view, chart);
  if (!force && width === view._width && dpr === view._dpr && height === view._height) return;
  if (width <= 0) return; // not displayed; the observer calls again when it is
  view._width = width;
  view._dpr = dpr;
  view._height = height;
  canvas.style.height = `${height}px`; // whole CSS px, as the scene is laid out
  try {
    chart.set_theme(themeColors(view.host).join('\0'));
    chart.layout(width, height, canvas.getContext('2d'));
    if (!layoutOnly) draw(view, 1);
    // narrow charts put the legend under the plot
    placeLegend(view, width < 480);
    view._points = null; // made when first read (a hover, the keyboard, points()): see View's _points
    // ... or once the page is idle after this frame, so that the first hover finds them made
    (window.requestIdleCallback || setTimeout)(() => { if (view._chart === chart && view._pts === null) void view._points; });
    view._plotBox = wasm.plotBox(chart);
    const summary = chart.summary();
    canvas.setAttribute('aria-label', summary || view._meta.title || view.t.chart);
    if (view._focus >= chart.point_count()) view._focus = -1;
    if (!tooltip.hidden && view._focus >= 0) showTip(view, view._focus);
  } catch (e) {
    view._internal(e);
  }
}
