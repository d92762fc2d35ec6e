// newschart: the <news-chart> custom element, as a page loads it.
//
// Embed once per page:   <script type="module" src="…/newschart.js"></script>
// Then for each chart:   <news-chart src="feeds/employment.json"></news-chart>
// or, where a CMS strips unknown tags:
//                        <div class="news-chart" data-src="feeds/employment.json"></div>
// (such a div, found at load or added later, gets a <news-chart> inside it).
//
// This loader stays small: it defines the element and reserves each chart's
// height, and only when a chart nears the viewport does it import view.js, and
// start fetching the wasm module (once for the whole page) and the nearby
// charts' feeds, which the view takes over.

/** How far above or below the viewport a chart starts loading, in CSS px. */
const NEAR_PX = 600;
const NEAR = `${NEAR_PX}px 0px`;
const ATTRS = ['src', 'dataset', 'height', 'refresh', 'theme'];
/** Room the element reserves for the words around the plot, in CSS px (FRAME in view.js). */
const FRAME = 136;

/**
 * Subresource Integrity of the modules imported below (view, glue) and of the wasm:
 * scripts/dist.sh writes them in dist/ (none in pkg/), so a page's SRI for this file covers the
 * whole chain. The modulepreload links fetch and check the modules; the import then uses what they got.
 */
const INTEGRITY = {};
const WASM_INTEGRITY = '';

// When the first chart nears the viewport, everything it needs is requested at once: the view,
// the wasm-bindgen glue the view imports (a modulepreload, not a wait for the view to arrive and
// name it), the wasm module (its response goes to the view, which compiles it as it streams in),
// and each chart's feed (see _wake). One round trip instead of three in a row. The standard wasm
// module is asked for with the first chart that has a feed address: a page whose charts get their
// data from script (setColumns: the large-data module) does not download it for nothing.
let viewModule = null;
let wasmAsked = false;
let wasmResponse = null;
// The imports are literal, relative to this file: a bundler (Vite, webpack) follows them and the
// wasm's `new URL(…, import.meta.url)` below, copies and fingerprints the files, and rewrites the
// names (docs/NPM.md); a page that loads pkg/ or dist/ as it is gets the files beside this one.
const loadView = () => (viewModule ||= (preload(), import('./view.js')));
function preload() {
  for (const file of ['./view.js', './newschart_wasm.js']) {
    if (!INTEGRITY[file]) continue; // (none but in dist/, never in a bundle)
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(file, `${import.meta.url}`).href; // (a base bundlers leave alone: only dist/ comes here)
    link.integrity = INTEGRITY[file];
    link.crossOrigin = 'anonymous';
    document.head.append(link);
  }
  import('./newschart_wasm.js').catch(() => {}); // the glue, beside the view (the view reports a failure)
}
function fetchWasm() {
  if (wasmAsked) return;
  wasmAsked = true;
  wasmResponse = fetch(new URL('./newschart_wasm_bg.wasm', import.meta.url), WASM_INTEGRITY ? { integrity: WASM_INTEGRITY } : undefined);
  wasmResponse.catch(() => {}); // the view reports a failure (and fetches again on a retry)
}

/** A <slot>, named `name` (or the default one). */
function slot(name) {
  const s = document.createElement('slot');
  if (name) s.name = name;
  return s;
}

// One observer for every chart on the page.
let observer = null;
function watch(el) {
  if (typeof IntersectionObserver !== 'function') {
    // Engines without IntersectionObserver (Safari < 12.1) load every chart at once.
    el._wake();
    return;
  }
  observer ||= new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) {
        observer.unobserve(e.target);
        /** @type {NewsChart} */ (e.target)._wake();
      }
    }
  }, { rootMargin: NEAR });
  observer.observe(el);
  // A chart already near the screen wakes now rather than at the observer's first report, which
  // waits for the page's next rendering. Charts connected in one task share one layout read.
  if (!nearNow) {
    nearNow = [];
    Promise.resolve().then(() => {
      const els = nearNow;
      nearNow = null;
      for (const e of els) {
        if (!e.isConnected || e._waking) continue;
        const r = e.getBoundingClientRect();
        if ((r.width > 0 || r.height > 0) && r.top < window.innerHeight + NEAR_PX && r.bottom > -NEAR_PX && r.left < window.innerWidth && r.right > 0) {
          observer.unobserve(e);
          e._wake();
        }
      }
    });
  }
  nearNow.push(el);
}
let nearNow = null;

export class NewsChart extends HTMLElement {
  static get observedAttributes() { return ATTRS; }

  connectedCallback() {
    this._live = true;
    if (this._view) {
      this._view.connected();
      return;
    }
    // Reserve the chart's whole height (plot and the words around it) until the view takes
    // over, which keeps it: no layout shift.
    const h = parseFloat(this.getAttribute('height'));
    if (!this.shadowRoot) {
      const ph = document.createElement('div');
      // CSSOM: allowed under a strict style-src. A minimum: a static rendering taller than the
      // reserved height (words that wrap on a phone) keeps its height, as the live chart will
      ph.style.minHeight = `${Math.round((h > 0 ? h : 300) + FRAME)}px`;
      ph.append(slot('static')); // the chart's static rendering, when the element carries one (static.js)
      this.attachShadow({ mode: 'open' }).append(ph);
    }
    this.setAttribute('data-state', 'idle');
    watch(this);
  }

  disconnectedCallback() {
    this._live = false;
    observer?.unobserve(this);
    this._takeFeed(null); // a feed requested for a view that never came is not needed now
    this._view?.disconnected();
  }

  attributeChangedCallback(name, oldValue, value) {
    this._view?.attributeChanged(name, oldValue, value);
  }

  /** Loads the view now (the observer calls this when the chart nears the viewport). */
  _wake() {
    if (!this._waking) {
      // the feed is requested now, beside the view and the wasm; the view takes the response (_takeFeed)
      const src = this.getAttribute('src');
      if (src && typeof AbortController === 'function') {
        const ctrl = new AbortController();
        const res = fetch(src, { signal: ctrl.signal, credentials: 'same-origin' });
        res.catch(() => {}); // the view reports a failure
        this._feed = { src, ctrl, res };
      }
      if (src) fetchWasm();
      this._waking = loadView().then((m) => {
        if (wasmResponse) m.useWasmResponse?.(wasmResponse); // handed over once
        wasmResponse = null;
        if (!this._view) {
          this._view = new m.View(this);
          if (this._live) this._view.connected();
        }
        return this._view;
      });
      this._waking.catch((e) => this._unavailable(e));
    }
    return this._waking;
  }

  /**
   * The response to the request _wake made for feed `src`, or null (none, or made for another
   * address: that one is aborted). For the view's first read of its feed; later reads fetch anew.
   */
  _takeFeed(src) {
    const f = this._feed;
    this._feed = null;
    if (f && f.src === src) return f;
    f?.ctrl.abort();
    return null;
  }

  /** The view could not load (network, or a file that failed its integrity check): the reader gets the element's own content. */
  _unavailable(e) {
    this.shadowRoot?.replaceChildren(slot('static'), slot());
    this.setAttribute('data-state', 'error');
    const msg = String(e?.message || e);
    console.error(`[newschart] the chart component could not load: ${msg}`);
    const problems = [{ severity: 'error', path: '', line: 0, column: 0, zh: `图表组件加载失败：${msg}`, en: `the chart component failed to load: ${msg}` }];
    this.dispatchEvent(new CustomEvent('newschart:error', { bubbles: true, composed: true, detail: { src: this.getAttribute('src'), problems } }));
  }

  /** Every data point as drawn: category, series, value, texts and boxes in CSS px ([] before the chart has loaded). */
  points() { return this._view ? this._view.points() : []; }

  /** Reloads the feed. */
  reload() { return this._wake().then((v) => v.reload()); }

  /** Data point `i` as drawn, made on demand (large charts have no points() list), or null. */
  point(i) { return this._view ? this._view.point(i) : null; }

  /** Shows large line data as columns ({x, xType, series: [{name, values}], ...words}; typed arrays welcome) instead of `src`. */
  setColumns(columns) { return this._wake().then((v) => v.setColumns(columns)); }

  /** Shows a feed given as a JSON string or object instead of `src`; resolves when shown. */
  setFeed(value) {
    // the wasm is asked for now, beside the view, not once the view has run (unless the text is
    // long enough for the large-data module: LARGE_TEXT in wasm.js)
    if (!(typeof value === 'string' && value.length > 131072)) fetchWasm();
    return this._wake().then((v) => v.setFeed(value));
  }

  /** The feed as a JSON string or object. */
  set feed(value) { this.setFeed(value); }

  /** The text of the feed on screen, or null. */
  get feed() { return this._view ? this._view.feed : null; }

  /** Switches to dataset `id` of a multi-dataset feed. */
  selectDataset(id) { return this._view ? this._view.selectDataset(id) : false; }
}

if (!customElements.get('news-chart')) customElements.define('news-chart', NewsChart);

// <div class="news-chart" data-src="…" data-dataset="…" data-height="…" data-theme="…"
// data-refresh="…">: a chart for a CMS that strips unknown tags. The div keeps whatever the CMS
// gave it (class, id, its own styles); a <news-chart> goes inside, with the div's old content as
// its fallback, and follows later changes of the data-* attributes.
const DATA = ATTRS.map((a) => `data-${a}`);
function mount(div) {
  if (div.localName === 'news-chart' || div._newsChart?.parentNode === div) return;
  const chart = document.createElement('news-chart');
  for (const a of ATTRS) {
    const v = div.getAttribute(`data-${a}`);
    if (v !== null) chart.setAttribute(a, v);
  }
  chart.append(...div.childNodes);
  div._newsChart = chart;
  div.append(chart);
}
function mountAll(root) {
  if (root.matches?.('.news-chart[data-src]')) mount(root);
  for (const div of root.querySelectorAll?.('.news-chart[data-src]') || []) mount(div);
}
if (typeof document !== 'undefined') {
  mountAll(document);
  if (typeof MutationObserver === 'function') {
    new MutationObserver((/** @type {(MutationRecord & { target: any })[]} */ records) => {
      for (const r of records) {
        if (r.type === 'attributes') {
          const chart = r.target._newsChart;
          if (!chart) { if (r.target.matches('.news-chart[data-src]')) mount(r.target); continue; }
          if (r.attributeName === 'class') continue;
          const v = r.target.getAttribute(r.attributeName);
          const a = r.attributeName.slice(5);
          if (v === null) chart.removeAttribute(a); else chart.setAttribute(a, v);
        } else {
          for (const n of r.addedNodes) if (n.nodeType === 1) mountAll(n);
        }
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: [...DATA, 'class'] });
  }
}
