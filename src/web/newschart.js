// newschart: the <news-chart> custom element, as a page loads it.
//
// Embed once per page:   <script type="module" src="…/newschart.js"></script>
// Then for each chart:   <news-chart src="feeds/employment.json"></news-chart>
//
// This loader stays small: it defines the element and reserves each chart's
// height, and only when a chart nears the viewport does it import view.js
// (which fetches the feed and the wasm module, once for the whole page).

const VIEW = new URL('./view.js', import.meta.url).href;
/** How far below the viewport a chart starts loading. */
const NEAR = '600px 0px';
const ATTRS = ['src', 'dataset', 'height', 'refresh', 'theme'];

let viewModule = null;
const loadView = () => (viewModule ||= import(VIEW));

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
        e.target._wake();
      }
    }
  }, { rootMargin: NEAR });
  observer.observe(el);
}

export class NewsChart extends HTMLElement {
  static get observedAttributes() { return ATTRS; }

  connectedCallback() {
    this._live = true;
    if (this._view) {
      this._view.connected();
      return;
    }
    // Reserve the plot's height until the view takes over: no layout shift.
    const h = parseFloat(this.getAttribute('height'));
    if (!this.shadowRoot) {
      const ph = document.createElement('div');
      ph.style.height = `${h > 0 ? h : 300}px`; // CSSOM: allowed under a strict style-src
      this.attachShadow({ mode: 'open' }).append(ph);
    }
    this.setAttribute('data-state', 'idle');
    watch(this);
  }

  disconnectedCallback() {
    this._live = false;
    observer?.unobserve(this);
    this._view?.disconnected();
  }

  attributeChangedCallback(name, oldValue, value) {
    this._view?.attributeChanged(name, oldValue, value);
  }

  /** Loads the view now (the observer calls this when the chart nears the viewport). */
  _wake() {
    if (!this._waking) {
      this._waking = loadView().then((m) => {
        if (!this._view) {
          this._view = new m.View(this);
          if (this._live) this._view.connected();
        }
        return this._view;
      });
    }
    return this._waking;
  }

  /** Every data point as drawn: category, series, value, texts and boxes in CSS px ([] before the chart has loaded). */
  points() { return this._view ? this._view.points() : []; }

  /** Every text drawn on the canvas with its box in CSS px ([] before the chart has loaded). */
  labelBoxes() { return this._view ? this._view.labelBoxes() : []; }

  /** Reloads the feed. */
  reload() { return this._wake().then((v) => v.reload()); }

  /** Shows a feed given as a JSON string or object instead of `src`; resolves when shown. */
  setFeed(value) { return this._wake().then((v) => v.setFeed(value)); }

  /** The feed as a JSON string or object. */
  set feed(value) { this.setFeed(value); }

  /** The text of the feed on screen, or null. */
  get feed() { return this._view ? this._view.feed : null; }

  /** Switches to dataset `id` of a multi-dataset feed. */
  selectDataset(id) { return this._view ? this._view.selectDataset(id) : false; }
}

if (!customElements.get('news-chart')) customElements.define('news-chart', NewsChart);
