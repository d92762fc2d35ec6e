// newschart: what a <news-chart> element does once it is near the viewport.
//
// newschart.js (the small loader every page loads) defines the element and imports this module
// (one file: scripts/minify.mjs bundles the modules below into it) for the first chart that nears
// the viewport; each element then gets a View, which owns the element's lifecycle: connected,
// disconnected, its attributes, loading a feed and showing it or its problems. Each concern has
// its module: wasm.js (the shared wasm instance, and recovery after a trap), fetch.js and
// refresh.js (the network), dom.js and style.js (the shadow DOM), words.js, legend.js, tabs.js,
// table.js, tools.js (what surrounds the plot), resize.js and transition.js (drawing), pointer.js,
// keyboard.js, tooltip.js and points.js (interaction), error.js (the error state); boundary.js
// declares what crosses to the wasm module. Everything about the data (parsing, validation,
// layout, the scene, drawing, hit-testing, keyboard steps, the text summary) happens in the wasm
// module, built from src/ with the pipeline the `newschart` command-line tool uses. What a chart
// says of its problems is problems.js, imported the first time a chart has some to show.
//
// Feed text is only ever inserted with textContent: never as HTML.

import { figure } from './dom.js';
import { errorBox, fail, FeedError, failed, problem } from './error.js';
import { fetchFeed, limits } from './fetch.js';
import { pageLang, TEXT } from './i18n.js';
import { listenKeys } from './keyboard.js';
import { importChecked } from './lazy.js';
import { listenPointer } from './pointer.js';
import { readPoints } from './points.js';
import { startRefresh, stopRefresh } from './refresh.js';
import { listenResize, relayout, reserveHeight, unlistenResize } from './resize.js';
import { themeColors } from './theme.js';
import { hideTip } from './tooltip.js';
import { listenTools, tools } from './tools.js';
import { transition } from './transition.js';
import { big, drop, loadWasm, poison, views } from './wasm.js';
import { holdStatic } from './static.js';
import { showMeta } from './words.js';
import * as wasm from './boundary.js';

export { FETCH_TIMEOUT_MS, MAX_FEED_BYTES } from './fetch.js';
export { __debug, useWasmResponse } from './wasm.js';

/** @typedef {import('./boundary.js').Chart} Chart */

export class View {
  /** @param {HTMLElement & { _takeFeed?: Function }} host the <news-chart> element this view draws into */
  constructor(host) {
    this.host = host;
    figure(this); // the parts of the figure in the shadow root (dom.js): this._plot, this._canvas …
    tools(this);
    holdStatic(this); // the static image, until the first frame
    /** @type {Chart | null} the chart shown */
    this._chart = null;
    this._points = [];
    this._focus = -1; // the point the keyboard is on
    this._pinned = false;
    this._loadId = 0;
    this._abort = null;
    this._width = 0;
    this._dpr = 0;
    this._listeners = [];
    this._resize = null;
    this._frame = 0;
    this._hidden = new Set();
  }

  /** The page's language, 'zh' or 'en'. */
  get lang2() { return pageLang(this.host); }

  /** Text in the chart's language: the feed's once loaded, else the page's. */
  get t() { return TEXT[this._locale || this.lang2]; }

  connected() {
    this._connected = true;
    views.add(this);
    reserveHeight(this, null, true);
    listenPointer(this);
    listenKeys(this);
    listenResize(this);
    listenTools(this);
    this._load();
  }

  disconnected() {
    this._connected = false;
    views.delete(this);
    this._loadId++; // a load in flight ends without making a chart nobody frees
    for (const [target, type, fn, opts] of this._listeners) target.removeEventListener(type, fn, opts);
    this._listeners = [];
    unlistenResize(this);
    if (this._abort) this._abort.abort();
    stopRefresh(this);
    this._free();
  }

  attributeChanged(name, oldValue, value) {
    // On upgrade the browser reports every attribute before connectedCallback,
    // which loads anyway: only react to changes after that.
    if (!this._connected || oldValue === value) return;
    if (name === 'src') { this._text = this._cols = null; this._etag = null; this._load(); }
    else if (name === 'dataset' && this._chart) {
      if (value && !this._chart.select(value)) fail(this, [problem(TEXT.zh.noDataset(value), TEXT.en.noDataset(value))]);
      else { showMeta(this); relayout(this, true); }
    } else if (name === 'height') relayout(this, true);
    else if (name === 'refresh') startRefresh(this);
    else if (name === 'theme') relayout(this, true);
  }

  /** Reloads the feed (the retry button calls this). */
  reload() { this._load(); }

  /** The feed as a JSON string or object, given directly instead of by `src`. */
  set feed(value) { this.setFeed(value); }

  /** The text of the feed on screen. */
  get feed() { return this._text || null; }

  /** Shows a feed given as a JSON string or object (no fetch); returns a promise that settles when drawn. */
  setFeed(value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const id = ++this._loadId;
    if (this._abort) this._abort.abort();
    return loadWasm(big(text))
      .then((gen) => { if (id === this._loadId) { this._gen = gen; this._apply(text, this.host.getAttribute('src') || '(feed)', false); return this._explaining; } })
      .catch((e) => { if (id === this._loadId) fail(this, [failed('wasm', e)]); });
  }

  /**
   * Shows large line data given as columns, without JSON: `{x, xType, series: [{name, values, color}],
   * ...words}`, x ascending (with `xType: 'date'`, time values in ms), each series' values as long as x,
   * NaN for a gap; the other fields are a feed dataset's (title, unit, locale, source, notes ...).
   * Typed arrays (Float64Array) stay the caller's: the wasm module reads them a chunk at a time and
   * keeps no copy. Resolves when drawn.
   */
  setColumns(columns) {
    const { x, xType, series = [], ...words } = columns || {};
    if (xType === 'date') words.x = 'date';
    const cols = [x, ...series.map((s) => s.values)].map((a) => (a instanceof Float64Array ? a : Float64Array.from(a || [])));
    const n = cols[0].length;
    words.series = series.map(({ values: _, ...rest }) => rest);
    const id = ++this._loadId;
    if (this._abort) this._abort.abort();
    this._cols = columns; // kept to draw again in a fresh instance after another chart's trap (wasm.js)
    return loadWasm(true)
      .then((gen) => {
        if (id !== this._loadId) return;
        this._gen = gen;
        // free the chart shown first (its memory then serves the new one); bad columns show the
        // error box either way
        this._free();
        this._apply(null, this.host.getAttribute('src') || '(columns)', false,
          (Chart) => Chart.from_columns(JSON.stringify(words), { r: (k, a, o) => o.set(cols[k].subarray(a, a + o.length)) }, n, cols.every((c) => c.length === n) ? cols.length - 1 : 0));
        return this._explaining;
      })
      .catch((e) => { if (id === this._loadId) fail(this, [failed('wasm', e)]); });
  }

  /** Switches to dataset `id` of the feed (what the tabs do). */
  selectDataset(id) {
    if (!this._chart) return false;
    let ok = false;
    transition(this, () => {
      ok = this._chart.select(id);
      if (ok) showMeta(this);
    });
    return ok;
  }

  /** Every data point of the chart as drawn: category, series, value, texts and boxes (CSS px). */
  points() { return this._points.large ? [] : this._points.slice(); }

  /** The chart's data points as drawn, made on first read after a layout (points.js). */
  get _points() { return (this._pts ??= readPoints(this)); }

  /** @param {import('./points.js').Points | null} v null: made again when next read */
  set _points(v) {
    /** @type {import('./points.js').Points | null} */
    this._pts = v;
  }

  /** Data point `i` as drawn (one element of points()), made on demand; for large charts the only way to read one. */
  point(i) { return this._points[i] || null; }

  /** Every text drawn on the canvas with its box (CSS px) as the canvas measures it: for overlap checks. A test hook: debug builds only (scripts/build-debug.sh), the readers' module leaves it out. */
  labelBoxes() { return this._chart && this._meta?.kind !== 'table' ? wasm.labelBoxes(this._chart, this._canvas.getContext('2d')) : []; }

  /** An exception from the wasm side. A trap (a panic in Rust) also drops the instance; the other charts move to a fresh one. */
  _internal(e) {
    if (e instanceof WebAssembly.RuntimeError) {
      const gen = this._gen;
      this._gen = null;
      drop(this);
      poison(gen);
    }
    fail(this, [failed('internal', e)], this.host.getAttribute('src'));
  }

  /** Listens to `target` (outside the shadow root) until the element leaves the page. */
  _on(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    this._listeners.push([target, type, fn, opts]);
  }

  _free() {
    if (this._chart) {
      try { this._chart.free(); } catch (_) { /* already gone after a trap */ }
    }
    this._chart = null;
  }

  /** Sets data-state; aria-busy while loading, or while `busy` (an error box waiting for its words). */
  _setState(state, busy = state === 'loading') {
    this.host.setAttribute('data-state', state);
    this.host.setAttribute('aria-busy', String(busy));
  }

  // What problems.js and download.js borrow (they cannot import the view: in dist/ each one's
  // hashed name would cover the other's).
  _errorBox(file, busy) { return errorBox(this, file, busy); }
  _themeColors() { return themeColors(this.host); }
  _root() { return this.host.shadowRoot; }

  async _load() {
    const id = ++this._loadId;
    if (this._abort) this._abort.abort();
    this._setState('loading');
    const { _error: error, _status: status } = this;
    error.hidden = true;
    reserveHeight(this, null, true);
    status.hidden = false;
    status.textContent = this.t.loading;
    hideTip(this);
    const src = this.host.getAttribute('src');
    try {
      if (!src) {
        // a feed given with setFeed() as the element connects (the builder's previews) wins
        await new Promise((ok) => setTimeout(ok, 0));
        if (id !== this._loadId) return;
        throw new FeedError([problem(TEXT.zh.noSrc, TEXT.en.noSrc)]);
      }
      // the module is picked (and made) as soon as the feed's headers are in, beside its body
      let large = false;
      const text = await fetchFeed(this, src, false, (big) => { large = big; loadWasm(big).catch(() => {}); });
      if (id !== this._loadId) return;
      // (a fresh instance if another chart's panic dropped that one meanwhile)
      this._gen = await loadWasm(large || big(text)).catch((e) => {
        throw new FeedError([failed('wasm', e)]);
      });
      if (id !== this._loadId) return;
      this._apply(text, src, false);
      startRefresh(this);
    } catch (e) {
      if (id !== this._loadId) return;
      if (e instanceof FeedError) fail(this, e.problems, src);
      else this._internal(e);
    }
  }

  /**
   * Reads feed text (or, with `make(Chart)`, makes the chart another way) and shows it; on problems,
   * the error box (see error.js's fail), unless `keepOnError` keeps the chart on screen (a refresh:
   * marked stale once they have their words). `this._explaining` settles when the words are in.
   * Returns true when shown.
   */
  _apply(text, src, keepOnError, make) {
    const lim = limits(this.host);
    const remake = (Chart) => (make ? make(Chart) : Chart.load_limited(text, ...lim));
    this._explaining = null;
    let chart;
    try {
      chart = remake(this._gen.Chart);
      const ds = this.host.getAttribute('dataset');
      if (ds && !chart.select(ds)) {
        chart.free();
        throw new FeedError([problem(TEXT.zh.noDataset(ds), TEXT.en.noDataset(ds))]);
      }
      if (chart.needs_large()) { // a long line: read again by the large-data module, which draws it
        chart.free();
        const id = this._loadId;
        this._explaining = loadWasm(true).then((gen) => {
          if (id !== this._loadId) return;
          this._gen = gen;
          this._apply(text, src, keepOnError);
          return this._explaining;
        }, (e) => { if (id === this._loadId) fail(this, [failed('wasm', e)], src); });
        return false;
      }
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) { this._internal(e); return false; }
      const problems = e instanceof FeedError ? e.problems
        : typeof e === 'string' ? wasm.thrown(e)
          : [failed('internal', e)];
      this._explaining = fail(this, problems, src, keepOnError);
      return false;
    }
    this._free();
    this._chart = chart;
    this._text = text;
    this._shownAt = new Date();
    this._stale.hidden = true;
    this._error.hidden = true;
    this._warned = null;
    showMeta(this);
    this._status.hidden = true;
    this._setState('ready'); // first: the plot is laid out only once the chart is no longer loading
    relayout(this, true);
    this.host.dispatchEvent(new CustomEvent('newschart:ready', { bubbles: true, composed: true, detail: { src, dataset: this._meta.id, points: this._pts ? this._pts.length : this._chart.point_count() } }));
    return true;
  }
}

// problems.js imports problem-words.js with this (it cannot import this module: in dist/ each
// one's name would hash the other's)
View.prototype._import = importChecked;
