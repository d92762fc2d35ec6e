// newschart: what a <news-chart> element does once it is near the viewport.
//
// newschart.js (the small loader every page loads) defines the element and
// imports this module for the first chart that nears the viewport; each
// element then gets a View, which owns the element's DOM (shadow root,
// tooltip, error box, events) and network (fetching the feed). Everything about the data (parsing,
// validation, layout, the scene, drawing, hit-testing, the text summary)
// happens in the wasm module, built from src/ with the same pipeline the
// `newschart` command-line tool uses. What a chart says of its problems (the
// error box's list, the console, newschart:error, a feed's warnings, a failed
// refresh) is problems.js, imported the first time a chart has some to show.
//
// Feed text is only ever inserted with textContent: never as HTML.

import * as glue0 from './newschart_wasm.js';

/** Feed requests are aborted after this many milliseconds. */
export const FETCH_TIMEOUT_MS = 15000;
/** Largest feed accepted, in bytes. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
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

// The wasm module: one download and one compile for the whole page, and one
// instance that every chart shares. A panic in Rust (panic = "abort") traps:
// the instance that trapped may hold broken state, so it is dropped, that
// chart shows its error box, and every other chart rebuilds itself from its
// feed text in a fresh instance of the same compiled module (a fresh copy of
// wasm-bindgen's glue, which keeps one instance per copy).
// Two modules with the same exports share the glue: the standard one, and the large-data one
// (newschart_large_bg.wasm: long line charts drawn from columns, setColumns), loaded only for a
// chart that needs it: feed text past LARGE_TEXT goes straight to it, a shorter feed with a long
// line moves there once the standard module has read it (Chart.needs_large).
const LARGE_TEXT = 128 * 1024;
let generation = 0; // instances made
const views = new Set(); // connected views, to move after a trap

/** Subresource Integrity of the wasm modules: scripts/dist.sh writes them in dist/ (none in pkg/). */
const WASM_INTEGRITY = '';
const LARGE_INTEGRITY = '';
/** Per module (0 standard, 1 large): its compile, the instance new charts use, that instance once made. */
const mods = [{}, {}];
/** Whether feed text this long goes to the large module at once. */
const big = (text) => text != null && text.length > LARGE_TEXT;

/**
 * import() of one of our modules; with `integrity` (dist/ writes it), checked as the loader checks
 * the view: a modulepreload with the hash fetches and checks it, and the import uses what it got.
 */
/** fetch() options that check a response against `integrity` (dist/ writes the hashes; pkg/ has none). */
const checkedBy = (integrity) => (integrity ? { integrity } : undefined);

function importChecked(url, integrity) {
  if (integrity) {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'modulepreload', href: url, integrity, crossOrigin: 'anonymous' });
    document.head.append(link);
  }
  return import(url);
}

// Modules imported on demand, with their SRI (scripts/dist.sh writes it in dist/; none in pkg/):
/** download.js (the PNG and CSV downloads): imported when a reader first asks for one. */
const DOWNLOAD_INTEGRITY = '';
/** problems.js (the error box's problems, the console's and newschart:error's): imported the first time a chart has problems to show. */
const PROBLEMS_INTEGRITY = '';
const modules = {}; // url -> Promise<module>
function loadModule(file, integrity) {
  const url = new URL(file, import.meta.url).href;
  if (!modules[url]) {
    modules[url] = importChecked(url, integrity);
    modules[url].catch(() => { delete modules[url]; }); // the next need tries again
  }
  return modules[url];
}
/** Said, in both languages, when problems.js cannot load: the box has no more to say than that. */
const NO_DETAILS = '数据有误，详细说明未能加载 / the data has problems; the details could not be loaded';

/** The loader's request for the (standard) wasm, made beside its import of this module: the first compile takes it. */
let early = null;
export function useWasmResponse(res) { if (!mods[0].compiled) early = res; }

function compileWasm(large) {
  const m = mods[+large];
  m.compiled ||= (async () => {
    const url = large ? new URL('./newschart_large_bg.wasm', import.meta.url) : new URL('./newschart_wasm_bg.wasm', import.meta.url);
    const pending = large ? null : early;
    if (!large) early = null;
    const res = await (pending || fetch(url, checkedBy(large ? LARGE_INTEGRITY : WASM_INTEGRITY)));
    if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
    if (typeof WebAssembly.compileStreaming === 'function' && /^application\/wasm/.test(res.headers.get('content-type') || '')) {
      return WebAssembly.compileStreaming(res);
    }
    return WebAssembly.compile(await res.arrayBuffer());
  })();
  m.compiled.catch(() => { m.compiled = null; }); // a retry downloads again
  return m.compiled;
}

/** The instance of the standard module (or, `large`, of the large-data one) that new charts use. */
function loadWasm(large = false) {
  const m = mods[+large];
  if (!m.current) {
    const n = generation++;
    m.current = (async () => {
      const module = await compileWasm(large);
      const glue = n === 0 ? glue0 : await import(`./newschart_wasm.js?instance=${n}`);
      const exports = await glue.default({ module_or_path: module });
      const gen = { Chart: glue.Chart, memory: exports.memory, dead: false, large };
      if (!gen.dead) m.gen = gen;
      return gen;
    })();
    m.current.catch(() => { m.current = null; });
  }
  return m.current;
}

/** Drops an instance that trapped: later charts get a fresh one, and the charts that lived in it move. */
function poison(gen) {
  if (!gen || gen.dead) return;
  gen.dead = true;
  const m = mods[+gen.large];
  if (m.gen === gen) { m.current = null; m.gen = null; }
  for (const v of views) if (v._gen === gen) v._revive();
}

/** For tests, not an API: wasm memory in bytes (both modules), instances made, charts connected. */
export function __debug() {
  return { wasmBytes: mods.reduce((n, m) => n + (m.gen ? m.gen.memory.buffer.byteLength : 0), 0), instances: generation, charts: views.size };
}

// Reads a response's text, giving up past `max` bytes: a server that sends no
// Content-Length (or a wrong one) cannot make the page hold more. Decodes as
// Response.text() does: UTF-8, a BOM dropped, invalid bytes as U+FFFD.
// `long()` is called once past LARGE_TEXT bytes.
async function readCapped(res, max, long) {
  if (!res.body || typeof res.body.getReader !== 'function') return res.text();
  const reader = res.body.getReader();
  const chunks = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (n <= LARGE_TEXT && n + value.byteLength > LARGE_TEXT) long();
    n += value.byteLength;
    if (n > max) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) { all.set(c, at); at += c.byteLength; }
  return new TextDecoder().decode(all);
}

// The dark colours, under the selector `h`: the reader's dark colour scheme applies unless the
// page sets theme="light", and theme="dark" applies always.
const dark = (h) => `
  ${h} .nc { color: var(--nc-text, #ececec); }
  ${h} .nc-subtitle, ${h} .nc-notes, ${h} .nc-source, ${h} .nc-status { color: var(--nc-muted, #b8b8b8); }
  ${h} .nc-tooltip { background: var(--nc-tooltip-bg, #f2f2f2); color: var(--nc-tooltip-text, #111); }
  ${h} .nc-menu { background: var(--nc-menu-bg, #222); }
  ${h} .nc-tool, ${h} .nc-menu-item { border-color: var(--nc-control-border, #9a9a9a); }
  ${h} .nc-error { background: var(--nc-error-bg, #3b1412); color: var(--nc-error-text, #ffd9d6); border-color: var(--nc-error, #f2b8b5); }
  ${h} .nc-illustrative { color: var(--nc-illustrative-text, #ffd8b8); background: var(--nc-illustrative-bg, #3a2210); }
  ${h} canvas:focus-visible { outline-color: var(--nc-accent, #a8c7fa); }
  ${h} .nc-table thead th { background: var(--nc-background, #121212); }`;

const CSS = `
:host { display: block; position: relative; contain: content; box-sizing: border-box; }
/* The host's own line: the figure sits on it as one atomic box, so neither a text-decoration the
   page puts on (or around) the element nor its text-indent or line height reaches the chart. */
:host { font-size: 0 !important; line-height: 0 !important; text-indent: 0 !important; letter-spacing: 0 !important; word-spacing: 0 !important; }
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
/* The page reaches the chart only through the element's box (margin, width): whatever else it
   would pass down by inheritance (font size, line height, letter spacing, text-indent, colour…)
   stops here. all: initial keeps custom properties, so --nc-* theming still comes through. The
   figure keeps the height reserved for it (min-height, set by _reserveHeight) and the plot takes
   the room the words around it leave. */
.nc { all: initial; display: inline-flex; position: relative; vertical-align: top; width: 100%; flex-direction: column; margin: 0; padding: 0; font-family: var(--nc-font, system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif); font-size: var(--nc-font-size, 16px); line-height: 1.5; color: var(--nc-text, #1a1a1a); background: var(--nc-background, transparent); text-align: left; }
:host([theme="light"]) .nc { background: var(--nc-background, #ffffff); }
.nc-title { font-size: 1.05em; font-weight: 700; margin: 0 0 .15em; line-height: 1.4; }
.nc-subtitle { font-size: .9em; color: var(--nc-muted, #595959); margin: 0 0 .5em; }
.nc-title:empty, .nc-subtitle:empty { display: none; }
.nc-plot { position: relative; width: 100%; overflow: visible; flex: 1 0 auto; min-height: 0; }
:host([data-state="error"]) .nc-plot, :host([data-state="loading"]) .nc-plot, :host([data-state="loading"]) .nc-tools { display: none; }
canvas { display: block; width: 100%; max-width: none; height: 100%; touch-action: pan-y; border-radius: 2px; }
canvas:focus { outline: none; }
canvas:focus-visible { outline: 3px solid var(--nc-accent, #0b57d0); outline-offset: 2px; }
.nc-tooltip { position: absolute; z-index: 2; pointer-events: none; min-width: 6em; max-width: 16em; padding: .4em .6em; border-radius: 4px; background: var(--nc-tooltip-bg, #1a1a1a); color: var(--nc-tooltip-text, #fff); font-size: 13px; line-height: 1.45; box-shadow: 0 2px 8px rgba(0,0,0,.25); white-space: normal; }
.nc-tooltip[hidden] { display: none; }
.nc-tooltip .nc-tt-cat { font-weight: 700; }
.nc-tooltip .nc-tt-value { font-size: 15px; font-weight: 700; }
.nc-status { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: var(--nc-muted, #595959); font-size: .9em; background: var(--nc-placeholder, rgba(127,127,127,.06)); border-radius: 4px; }
.nc-status[hidden] { display: none; }
.nc-illustrative { display: inline-block; align-self: flex-start; margin: .4em 0 0; padding: .1em .5em; font-size: .8em; font-weight: 700; color: var(--nc-illustrative-text, #7a2e00); background: var(--nc-illustrative-bg, #fff1e0); border: 1px solid var(--nc-illustrative-border, #d55e00); border-radius: 3px; }
.nc-illustrative[hidden] { display: none; }
.nc-notes { margin: .4em 0 0; padding: 0; list-style: none; font-size: .8em; color: var(--nc-muted, #595959); }
.nc-source { margin: .3em 0 0; font-size: .8em; color: var(--nc-muted, #595959); }
.nc-source:empty { display: none; }
.nc-source a { color: inherit; }
.nc-error { margin: .5em 0; padding: .75em 1em; border: 2px solid var(--nc-error, #b3261e); border-radius: 4px; background: var(--nc-error-bg, #fdecea); color: var(--nc-error-text, #5f0f0a); font-size: .9em; }
.nc-error[hidden] { display: none; }
.nc-error strong { display: block; margin-bottom: .3em; }
.nc-error-src { margin: 0; font-size: .9em; overflow-wrap: anywhere; }
.nc-error ul { margin: .3em 0 0; padding-left: 1.2em; }
.nc-error code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .95em; overflow-wrap: anywhere; }
.nc-error button { margin-top: .5em; font: inherit; padding: .2em .8em; cursor: pointer; }
.nc-tabs { display: flex; flex-wrap: wrap; gap: .25em; margin: 0 0 .5em; }
.nc-tabs[hidden], .nc-legend[hidden], .nc-table[hidden], .nc-plot[hidden], .nc-stale[hidden] { display: none; }
.nc-tab { font: inherit; font-size: .85em; padding: .25em .7em; border: 1px solid var(--nc-grid-ui, #8a8a8a); border-radius: 999px; background: transparent; color: inherit; cursor: pointer; }
.nc-tab[aria-selected="true"] { background: var(--nc-accent, #0b57d0); border-color: var(--nc-accent, #0b57d0); color: #fff; }
.nc-tab:focus-visible { outline: 3px solid var(--nc-accent, #0b57d0); outline-offset: 2px; }
.nc-legend { display: flex; flex-wrap: wrap; gap: .2em 1em; margin: 0 0 .4em; padding: 0; list-style: none; font-size: .85em; }
.nc-swatch { display: inline-block; width: .8em; height: .8em; margin-right: .35em; border-radius: 2px; vertical-align: -.05em; }
.nc-swatch-line { width: 1.6em; height: 3px; border-radius: 0; vertical-align: .25em; background-image: var(--nc-dash, none); }
.nc-table { overflow: auto; }
.nc-table table { border-collapse: collapse; width: 100%; font-size: .9em; }
.nc-table thead th { position: sticky; top: 0; background: var(--nc-background, #fff); }
.nc-gap td { padding: 0 !important; border: 0 !important; }
.nc-table caption { text-align: left; font-weight: 700; padding: 0 0 .3em; }
.nc-table th, .nc-table td { padding: .3em .6em; border-bottom: 1px solid var(--nc-grid-ui, #c8c8c8); text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nc-table th[scope="row"], .nc-table thead th:first-child { text-align: left; }
.nc-stale { margin: .3em 0 0; font-size: .8em; color: var(--nc-error-text, #8c1d18); }
.nc-tools { position: relative; display: flex; gap: .4em; margin: .4em 0 0; }
.nc-tool, .nc-menu-item { font: inherit; font-size: .8em; padding: .2em .7em; border: 1px solid var(--nc-control-border, #767676); border-radius: 4px; background: var(--nc-control-bg, transparent); color: inherit; cursor: pointer; }
.nc-tool[aria-pressed="true"] { background: var(--nc-accent, #0b57d0); border-color: var(--nc-accent, #0b57d0); color: #fff; }
.nc-tool:focus-visible, .nc-menu-item:focus-visible, .nc-key:focus-visible, .nc-table:focus-visible { outline: 3px solid var(--nc-accent, #0b57d0); outline-offset: 2px; }
.nc-menu { position: absolute; z-index: 3; bottom: 100%; left: 4.5em; display: flex; flex-direction: column; gap: .2em; margin-bottom: .2em; padding: .3em; border: 1px solid var(--nc-control-border, #767676); border-radius: 4px; background: var(--nc-menu-bg, #fff); box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.nc-menu[hidden], .nc-tool[hidden], .nc-menu-item[hidden], .nc-crosshair[hidden] { display: none; }
.nc-menu-item { text-align: left; white-space: nowrap; }
.nc-key { font: inherit; font-size: 1em; padding: .1em .2em; border: 0; background: transparent; color: inherit; cursor: pointer; }
.nc-key.nc-off { text-decoration: line-through; opacity: .75; }
.nc-key.nc-off .nc-swatch { background-image: none; background-color: transparent !important; box-shadow: inset 0 0 0 1.5px currentColor; }
.nc-pattern-1 { background-image: repeating-linear-gradient(135deg, rgba(255,255,255,.55) 0 1.5px, transparent 1.5px 5px); }
.nc-pattern-2 { background-image: repeating-linear-gradient(0deg, rgba(255,255,255,.55) 0 1.5px, transparent 1.5px 5px); }
.nc-crosshair { position: absolute; width: 0; border-left: 1px dashed var(--nc-muted, #595959); pointer-events: none; }
.nc-live { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (prefers-color-scheme: dark) {
${dark(':host(:not([theme="light"]))')}
}
${dark(':host([theme="dark"])')}
:host([theme="dark"]) .nc { background: var(--nc-background, #121212); }
@media print { .nc-tooltip, .nc-status, .nc-tools, .nc-crosshair { display: none; } }
`;

// Chart colours per theme; CSS custom properties on the host override them.
const THEMES = {
  light: { text: '#1a1a1a', muted: '#595959', grid: '#e2e2e2', axis: '#333333', background: '#ffffff' },
  dark: { text: '#ececec', muted: '#b8b8b8', grid: '#3a3a3a', axis: '#d0d0d0', background: '#121212',
    palette: '#56b4e9,#e69f00,#009e73,#cc79a7,#0072b2,#d55e00' },
};

// Constructable stylesheets work under a strict CSP (style-src 'self'), where
// a <style> element would be blocked. Engines without them (Safari < 16.4,
// Firefox < 101) get a <style> element instead.
let sheet = null;
function styleShadow(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }
}

function el(tag, cls, parent) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}

const TEXT = {
  zh: {
    loading: '图表加载中…',
    downloadFailed: '下载功能加载失败',
    errorTitle: '图表无法显示',
    retry: '重试',
    illustrative: '示例数据：非报道数字，仅作示意',
    source: '来源：',
    fetchFailed: (src, why) => `无法加载数据文件 ${src}：${why}`,
    httpStatus: (s, t) => `服务器返回 ${s}${t ? ' ' + t : ''}`,
    timeout: (ms) => `等待 ${ms / 1000} 秒仍无响应，已中止`,
    network: '网络错误或被浏览器拦截（CORS）',
    tooBig: (max) => `文件超过 ${max} 字节的上限（max-bytes）`,
    html: (type) => `服务器返回的是网页（${type}），不是 JSON 数据文件：地址可能有误，或需要登录`,
    noSrc: '没有指定数据文件：请给 <news-chart> 加上 src 属性',
    noDataset: (id) => `数据中没有 id 为 "${id}" 的数据集`,
    wasm: '图表组件加载失败',
    internal: '图表组件内部错误',
    chart: '图表',
    file: '数据文件：',
    table: '表格',
    download: '下载',
    png: 'PNG 图片',
    csv: 'CSV 数据',
    category: '类别',
    hidden: (name) => `已隐藏：${name}`,
    shown: (name) => `已显示：${name}`,
  },
  en: {
    loading: 'Loading chart…',
    downloadFailed: 'the download could not load',
    errorTitle: 'This chart cannot be shown',
    retry: 'Retry',
    illustrative: 'Illustrative data: not reported figures',
    source: 'Source: ',
    fetchFailed: (src, why) => `could not load the data file ${src}: ${why}`,
    httpStatus: (s, t) => `the server answered ${s}${t ? ' ' + t : ''}`,
    timeout: (ms) => `no answer after ${ms / 1000} s, request aborted`,
    network: 'network error or blocked by the browser (CORS)',
    tooBig: (max) => `file larger than the limit of ${max} bytes (max-bytes)`,
    html: (type) => `the server sent a web page (${type}), not a JSON feed: the address may be wrong, or need a login`,
    noSrc: 'no data file given: add a src attribute to <news-chart>',
    noDataset: (id) => `the feed has no dataset with id "${id}"`,
    wasm: 'the chart component failed to load',
    internal: 'internal error in the chart component',
    chart: 'Chart',
    file: 'Data file: ',
    table: 'Table',
    download: 'Download',
    png: 'PNG image',
    csv: 'CSV data',
    category: 'Category',
    hidden: (name) => `hidden: ${name}`,
    shown: (name) => `shown: ${name}`,
  },
};

class FeedError extends Error {
  constructor(problems) {
    super(problems.map((p) => p.en).join('; '));
    this.problems = problems;
  }
}

function problem(zh, en) {
  return { severity: 'error', path: '', line: 0, column: 0, zh, en };
}

/** The problem "TEXT[lang][key]: the exception's message" ('wasm': the module could not load; 'internal'). */
function failed(key, e) {
  const why = e && e.message;
  return problem(`${TEXT.zh[key]}：${why}`, `${TEXT.en[key]}: ${why}`);
}

/**
 * The points of a large line chart (Chart.is_large): an array-like whose element i is made by
 * chart.point(i) when read, never all at once (10^6 points would be 10^6 objects). It also says
 * `large` and how many `series` there are, which the view asks instead of looking at every point.
 */
function lazyPoints(chart) {
  const n = chart.point_count();
  const series = JSON.parse(chart.meta()).legend.length || 1;
  const made = new Map();
  return new Proxy([], {
    get(target, key) {
      if (key === 'length') return n;
      if (key === 'large') return true;
      if (key === 'series') return series;
      if (typeof key === 'string' && /^\d+$/.test(key)) { // every index, not '0'..'9' as strings compare
        if (!made.has(key)) {
          if (made.size > 64) made.clear();
          made.set(key, JSON.parse(chart.point(+key)) || undefined);
        }
        return made.get(key);
      }
      return Reflect.get(target, key);
    },
  });
}

export class View {
  constructor(host) {
    /** The <news-chart> element this view draws into. */
    this.host = host;
    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    root.replaceChildren();
    styleShadow(root);
    const fig = el('figure', 'nc', root);
    fig.setAttribute('part', 'figure');
    this._fig = fig;
    this._title = el('div', 'nc-title', fig);
    this._title.setAttribute('role', 'heading');
    this._title.setAttribute('aria-level', '3');
    this._subtitle = el('p', 'nc-subtitle', fig);
    this._tabs = el('div', 'nc-tabs', fig);
    this._tabs.setAttribute('role', 'tablist');
    this._tabs.hidden = true;
    this._legend = el('ul', 'nc-legend', fig);
    this._legend.hidden = true;
    this._plot = el('div', 'nc-plot', fig);
    this._table = el('div', 'nc-table', fig);
    this._table.tabIndex = 0; // a region the keyboard scrolls, named by the table's caption
    this._table.setAttribute('role', 'region');
    this._table.hidden = true;
    this._crosshair = el('div', 'nc-crosshair', this._plot);
    this._crosshair.hidden = true;
    this._tools = el('div', 'nc-tools', fig);
    this._tableBtn = el('button', 'nc-tool', this._tools);
    this._tableBtn.type = 'button';
    this._tableBtn.setAttribute('aria-pressed', 'false');
    this._tableBtn.addEventListener('click', () => this._toggleTable());
    this._dlBtn = el('button', 'nc-tool', this._tools);
    this._dlBtn.type = 'button';
    this._dlBtn.setAttribute('aria-haspopup', 'menu');
    this._dlBtn.setAttribute('aria-expanded', 'false');
    this._dlMenu = el('div', 'nc-menu', this._tools);
    this._dlMenu.setAttribute('role', 'menu');
    this._dlMenu.hidden = true;
    this._dlPng = el('button', 'nc-menu-item', this._dlMenu);
    this._dlCsv = el('button', 'nc-menu-item', this._dlMenu);
    for (const b of [this._dlPng, this._dlCsv]) { b.type = 'button'; b.setAttribute('role', 'menuitem'); }
    this._dlBtn.addEventListener('click', () => this._menu(this._dlMenu.hidden));
    this._dlPng.addEventListener('click', () => { this._menu(false); this._download('png'); });
    this._dlCsv.addEventListener('click', () => { this._menu(false); this._download('csv'); });
    this._dlMenu.addEventListener('keydown', (e) => {
      const items = [this._dlPng, this._dlCsv];
      const k = items.indexOf(this._root().activeElement);
      if (e.key === 'Escape') { this._menu(false); this._dlBtn.focus(); }
      else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); items[(k + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length].focus(); }
    });
    this._hidden = new Set();
    this._canvas = el('canvas', '', this._plot);
    this._canvas.setAttribute('role', 'img');
    this._canvas.tabIndex = 0;
    this._tooltip = el('div', 'nc-tooltip', this._plot);
    this._tooltip.setAttribute('role', 'tooltip');
    this._tooltip.id = 'nc-tooltip';
    this._tooltip.hidden = true;
    // over the whole figure while the feed loads, when the plot and tools are not laid out: they
    // appear where they will stay, so nothing that was on screen moves (no layout shift)
    this._status = el('div', 'nc-status', fig);
    this._error = el('div', 'nc-error', fig);
    this._error.setAttribute('role', 'alert');
    this._error.hidden = true;
    this._illustrative = el('p', 'nc-illustrative', fig);
    this._illustrative.hidden = true;
    this._notes = el('ul', 'nc-notes', fig);
    this._source = el('p', 'nc-source', fig);
    this._stale = el('p', 'nc-stale', fig);
    this._stale.setAttribute('role', 'status');
    this._stale.hidden = true;
    this._live = el('div', 'nc-live', fig);
    this._live.setAttribute('aria-live', 'polite');
    // the table and download buttons come last, after the source line
    this._live.before(this._tools);

    this._chart = null;
    this._points = [];
    this._focus = -1;
    this._pinned = false;
    this._loadId = 0;
    this._abort = null;
    this._width = 0;
    this._dpr = 0;
    this._listeners = [];
    this._resize = null;
    this._frame = 0;
  }

  get lang2() {
    const l = (this.host.closest('[lang]')?.getAttribute('lang') || navigator.language || 'zh').toLowerCase();
    return l.startsWith('zh') ? 'zh' : 'en';
  }

  /** Text in the chart's language: the feed's once loaded, else the page's. */
  get t() {
    return TEXT[this._locale || this.lang2];
  }

  connected() {
    this._connected = true;
    views.add(this);
    this._reserveHeight(null, true);
    this._on(this._canvas, 'pointermove', (e) => this._pointer(e, false));
    this._on(this._canvas, 'pointerdown', (e) => this._pointer(e, true));
    this._on(this._canvas, 'pointerleave', (e) => { if (e.pointerType === 'mouse' && !this._pinned) this._hideTip(); });
    this._on(this._canvas, 'keydown', (e) => this._key(e));
    this._on(this._canvas, 'blur', () => { if (!this._pinned) this._hideTip(); });
    // A tap elsewhere or a scroll dismisses a pinned tooltip.
    this._on(document, 'pointerdown', (e) => { if (this._pinned && !e.composedPath().includes(this._canvas)) this._unpin(); }, true);
    this._on(window, 'scroll', () => { if (this._pinned) this._unpin(); }, { passive: true });
    if (typeof ResizeObserver === 'function') {
      this._resize = new ResizeObserver(() => this._schedule());
      this._resize.observe(this._plot);
    } else {
      // Engines without ResizeObserver (Safari < 13.1) follow the window instead.
      this._on(window, 'resize', () => this._schedule());
    }
    this._watchDpr();
    // a reader switching the system to dark (or back) gets the chart redrawn in it
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (scheme) this._on(scheme, 'change', () => this._relayout(true));
    // a click outside the download menu closes it
    this._on(document, 'click', (e) => { if (!this._dlMenu.hidden && !e.composedPath().includes(this._tools)) this._menu(false); });
    this._load();
  }

  disconnected() {
    this._connected = false;
    views.delete(this);
    this._loadId++; // a load in flight ends without making a chart nobody frees
    for (const [target, type, fn, opts] of this._listeners) target.removeEventListener(type, fn, opts);
    this._listeners = [];
    if (this._resize) this._resize.disconnect();
    this._resize = null;
    if (this._dprQuery) this._dprQuery.removeEventListener('change', this._dprChange);
    this._dprQuery = null;
    if (this._abort) this._abort.abort();
    cancelAnimationFrame(this._frame);
    this._stopRefresh();
    this._free();
  }

  attributeChanged(name, oldValue, value) {
    // On upgrade the browser reports every attribute before connectedCallback,
    // which loads anyway: only react to changes after that.
    if (!this._connected || oldValue === value) return;
    if (name === 'src') { this._text = null; this._etag = null; this._load(); }
    else if (name === 'dataset' && this._chart) {
      if (value && !this._chart.select(value)) this._fail([problem(TEXT.zh.noDataset(value), TEXT.en.noDataset(value))]);
      else { this._showMeta(); this._relayout(true); }
    } else if (name === 'height') this._relayout(true);
    else if (name === 'refresh') this._startRefresh();
    else if (name === 'theme') this._relayout(true);
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
      .catch((e) => { if (id === this._loadId) this._fail([failed('wasm', e)]); });
  }

  /**
   * Shows large line data given as columns, without JSON: `{x, xType, series: [{name, values, color}],
   * ...words}`, x ascending (with `xType: 'date'`, time values in ms), each series' values as long as x,
   * NaN for a gap; the other fields are a feed dataset's (title, unit, locale, source, notes ...).
   * Typed arrays (Float64Array) pass straight into the wasm module. Resolves when drawn.
   */
  setColumns(columns) {
    const { x, xType, series = [], ...words } = columns || {};
    if (xType === 'date') words.x = 'date';
    const n = x ? x.length : 0;
    // one series as a Float64Array goes in as it is; else the series are laid end to end
    const one = series.length === 1 && series[0].values instanceof Float64Array;
    const values = one ? series[0].values : new Float64Array(n * Math.max(1, series.length));
    if (!one) series.forEach((s, i) => values.set(s.values, i * n));
    words.series = series.map(({ values: _, ...rest }) => rest);
    const id = ++this._loadId;
    if (this._abort) this._abort.abort();
    return loadWasm(true)
      .then((gen) => {
        if (id !== this._loadId) return;
        this._gen = gen;
        const xs = x instanceof Float64Array ? x : Float64Array.from(x || []);
        // free the chart shown first: its columns' memory then takes the new ones (no wasm memory
        // growth, half the peak at 10^6 points); bad columns show the error box either way
        this._free();
        this._apply(null, this.host.getAttribute('src') || '(columns)', false,
          (Chart) => Chart.from_columns(JSON.stringify(words), xs, values, Math.max(1, series.length)));
        return this._explaining;
      })
      .catch((e) => { if (id === this._loadId) this._fail([failed('wasm', e)]); });
  }

  /** Switches to dataset `id` of the feed (what the tabs do). */
  selectDataset(id) {
    if (!this._chart) return false;
    let ok = false;
    this._transition(() => {
      ok = this._chart.select(id);
      if (ok) this._showMeta();
    });
    return ok;
  }

  /** Every data point of the chart as drawn: category, series, value, texts and boxes (CSS px). */
  points() { return this._points.large ? [] : this._points.slice(); }

  /**
   * The chart's data points as drawn, made on first read after a layout: a redraw with new data
   * does not build (and parse) the tooltip texts and boxes of 1,000 points nobody has pointed at
   * yet. Large line charts give an array-like that makes each point when read (lazyPoints).
   */
  get _points() {
    if (this._pts === null) {
      try {
        this._pts = !this._chart ? [] : this._chart.is_large() ? lazyPoints(this._chart) : JSON.parse(this._chart.points());
      } catch (e) {
        this._pts = [];
        this._internal(e);
      }
    }
    return this._pts;
  }

  set _points(v) { this._pts = v; }

  /** Data point `i` as drawn (one element of points()), made on demand; for large charts the only way to read one. */
  point(i) { return this._points[i] || null; }

  /** Every text drawn on the canvas with its box (CSS px) as the canvas measures it: for overlap checks. A test hook: debug builds only (scripts/build-debug.sh), the readers' module leaves it out. */
  labelBoxes() { return this._chart && this._meta?.kind !== 'table' ? JSON.parse(this._chart.label_boxes()) : []; }

  /** The `timeout` attribute (seconds, default 15) in ms: how long a feed request may take in all. */
  _timeoutMs() {
    const s = parseFloat(this.host.getAttribute('timeout'));
    return s > 0 ? s * 1000 : FETCH_TIMEOUT_MS;
  }

  /** [max bytes, max points] from the `max-bytes` and `max-points` attributes; 0 means the default. */
  _limits() {
    const n = (name, dflt) => { const v = parseInt(this.host.getAttribute(name), 10); return v > 0 ? v : dflt; };
    return [n('max-bytes', MAX_FEED_BYTES), n('max-points', 0)];
  }

  /** An exception from the wasm side. A trap (a panic in Rust) also drops the instance; the other charts move to a fresh one. */
  _internal(e) {
    if (e instanceof WebAssembly.RuntimeError) {
      const gen = this._gen;
      this._gen = null;
      this._drop();
      poison(gen);
    }
    this._fail([failed('internal', e)], this.host.getAttribute('src'));
  }

  /** Forgets the chart of an instance that trapped, without calling into it (now or from a finalizer). */
  _drop() {
    try { this._chart?.__destroy_into_raw(); } catch (_) { /* nothing to free */ }
    this._chart = null;
  }

  /** Another chart's panic dropped this chart's instance: rebuild from the feed text in a fresh one. */
  _revive() {
    const large = this._gen?.large;
    this._drop();
    this._gen = null;
    this._points = [];
    this._hideTip();
    const text = this._text;
    if (!this._connected || text == null) return;
    const id = this._loadId;
    loadWasm(large || big(text)).then((gen) => {
      if (id !== this._loadId || !this._connected) return;
      this._gen = gen;
      this._apply(text, this.host.getAttribute('src') || '(feed)', false);
    }, (e) => this._internal(e));
  }

  _on(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    this._listeners.push([target, type, fn, opts]);
  }

  _watchDpr() {
    if (!window.matchMedia) return;
    this._dprChange = () => { this._dprQuery?.removeEventListener('change', this._dprChange); this._watchDpr(); this._schedule(); };
    this._dprQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this._dprQuery.addEventListener('change', this._dprChange);
  }

  _free() {
    if (this._chart) {
      try { this._chart.free(); } catch (_) { /* already gone after a trap */ }
    }
    this._chart = null;
  }

  /** Keeps the figure at `height` + FRAME (see FRAME) and returns the plot's height in CSS px (unless `noRead`: no layout is forced then). */
  _reserveHeight(chart, noRead) {
    const attr = parseFloat(this.host.getAttribute('height'));
    let h = attr > 0 ? attr : PLACEHOLDER_HEIGHT;
    if (!(attr > 0) && chart) h = chart.default_height(this._plot.clientWidth || 600);
    this._fig.style.minHeight = `${Math.round(h + FRAME)}px`; // CSSOM: allowed under a strict style-src
    this._plot.style.height = `${Math.round(h * PLOT_MIN)}px`; // its flex basis; it grows into the room left
    if (noRead) return 0;
    return Math.floor(this._plot.getBoundingClientRect().height) || Math.round(h);
  }

  /** Sets data-state; aria-busy while loading, or while `busy` (an error box waiting for its words). */
  _setState(state, busy = state === 'loading') {
    this.host.setAttribute('data-state', state);
    this.host.setAttribute('aria-busy', busy); // "true" or "false"
  }

  async _load() {
    const id = ++this._loadId;
    if (this._abort) this._abort.abort();
    this._setState('loading');
    this._error.hidden = true;
    this._reserveHeight(null, true);
    this._status.hidden = false;
    this._status.textContent = this.t.loading;
    this._hideTip();
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
      const text = await this._fetch(src, false, (big) => { large = big; loadWasm(big).catch(() => {}); });
      if (id !== this._loadId) return;
      // (a fresh instance if another chart's panic dropped that one meanwhile)
      this._gen = await loadWasm(large || big(text)).catch((e) => {
        throw new FeedError([failed('wasm', e)]);
      });
      if (id !== this._loadId) return;
      this._apply(text, src, false);
      this._startRefresh();
    } catch (e) {
      if (id !== this._loadId) return;
      if (e instanceof FeedError) this._fail(e.problems, src);
      else this._internal(e);
    }
  }

  /**
   * Reads feed text (or, with `make(Chart)`, makes the chart another way) and shows it; on problems,
   * the error box (see _fail), unless `keepOnError` keeps the chart on screen (a refresh: marked
   * stale once they have their words). `this._explaining` settles when the words are in.
   * Returns true when shown.
   */
  _apply(text, src, keepOnError, make) {
    const limits = this._limits();
    const remake = (Chart) => (make ? make(Chart) : Chart.load_limited(text, ...limits));
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
        }, (e) => { if (id === this._loadId) this._fail([failed('wasm', e)], src); });
        return false;
      }
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) { this._internal(e); return false; }
      const problems = e instanceof FeedError ? e.problems
        : typeof e === 'string' ? JSON.parse(e).problems
          : [failed('internal', e)];
      this._explaining = this._fail(problems, src, remake, keepOnError);
      return false;
    }
    this._free();
    this._chart = chart;
    this._text = text;
    this._shownAt = new Date();
    this._stale.hidden = true;
    this._error.hidden = true;
    this._warned = null;
    this._showMeta(remake);
    this._status.hidden = true;
    this._setState('ready'); // first: the plot is laid out only once the chart is no longer loading
    this._relayout(true);
    this.host.dispatchEvent(new CustomEvent('newschart:ready', { bubbles: true, composed: true, detail: { src, dataset: this._meta.id, points: this._pts ? this._pts.length : this._chart.point_count() } }));
    return true;
  }

  // Polling: refresh="60" re-reads the feed every 60 s with If-None-Match, and
  // redraws only when it changed. A failed update keeps the last good data.
  _startRefresh() {
    this._stopRefresh();
    const secs = parseFloat(this.host.getAttribute('refresh'));
    if (!(secs > 0) || !this.host.getAttribute('src')) return;
    this._refreshTimer = setInterval(() => this._poll(), Math.max(1, secs) * 1000);
  }

  _stopRefresh() {
    if (this._refreshTimer) clearInterval(this._refreshTimer);
    this._refreshTimer = null;
  }

  async _poll() {
    if (this._polling || !this._chart) return;
    this._polling = true;
    const src = this.host.getAttribute('src');
    try {
      const text = await this._fetch(src, true);
      let changed = false;
      if (text !== null && text !== this._text) {
        changed = this._apply(text, src, true);
      } else {
        // unchanged (304, or the same text): the data on screen is current
        this._shownAt = new Date();
        this._stale.hidden = true;
      }
      this.host.dispatchEvent(new CustomEvent('newschart:refresh', { bubbles: true, composed: true, detail: { src, changed } }));
    } catch (e) {
      this._fail(e instanceof FeedError ? e.problems : [problem(String(e), String(e))], src, null, true);
    } finally {
      this._polling = false;
    }
  }

  /**
   * The feed's text. `pick(large)` is told, once its headers are in, which wasm module it will
   * likely want: the large-data one when its Content-Length passes LARGE_TEXT / 2 (compressed or
   * not, that much JSON is long), else the standard one; past LARGE_TEXT bytes read, the large
   * module's download starts anyway (a server that sends no length).
   */
  async _fetch(src, conditional, pick) {
    const ctrl = new AbortController();
    this._abort = ctrl;
    let timedOut = false;
    const ms = this._timeoutMs();
    const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, ms);
    const fail = (zh, en) => new FeedError([problem(TEXT.zh.fetchFailed(src, zh), TEXT.en.fetchFailed(src, en))]);
    try {
      let res;
      try {
        const headers = conditional && this._etag ? { 'If-None-Match': this._etag } : undefined;
        // the first read takes the request the loader made as the chart neared the viewport
        const early = conditional ? null : this.host._takeFeed?.(src);
        if (early) ctrl.signal.addEventListener('abort', () => early.ctrl.abort());
        res = await (early ? early.res : fetch(src, { signal: ctrl.signal, credentials: 'same-origin', headers, cache: conditional ? 'no-cache' : 'default' }));
      } catch (e) {
        if (timedOut) throw fail(TEXT.zh.timeout(ms), TEXT.en.timeout(ms));
        throw fail(TEXT.zh.network, TEXT.en.network);
      }
      if (res.status === 304) return null; // unchanged since the last read
      if (!res.ok) throw fail(TEXT.zh.httpStatus(res.status, res.statusText), TEXT.en.httpStatus(res.status, res.statusText));
      this._etag = res.headers.get('etag');
      // JSON is read whatever the type says (text/plain, octet-stream, none), but
      // a web page is not a feed: a wrong address or a login wall answers 200 with HTML.
      const type = (res.headers.get('content-type') || '').trim().toLowerCase();
      if (/^(text\/html|application\/xhtml\+xml)\b/.test(type)) throw fail(TEXT.zh.html(type), TEXT.en.html(type));
      const [max] = this._limits();
      const len = Number(res.headers.get('content-length'));
      if (len > max) throw fail(TEXT.zh.tooBig(max), TEXT.en.tooBig(max));
      pick?.(len > LARGE_TEXT / 2);
      let text;
      try {
        text = await readCapped(res, max, () => pick && compileWasm(true).catch(() => {}));
      } catch (e) {
        if (timedOut) throw fail(TEXT.zh.timeout(ms), TEXT.en.timeout(ms));
        throw fail(TEXT.zh.network, TEXT.en.network);
      }
      if (text === null) throw fail(TEXT.zh.tooBig(max), TEXT.en.tooBig(max));
      return text;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Shows the words around the chart; `remake` (from `_apply`) can explain the warnings. */
  _showMeta(remake) {
    const m = JSON.parse(this._chart.meta());
    this._meta = m;
    this._locale = m.locale === 'en' ? 'en' : 'zh';
    const t = this.t;
    this._title.textContent = m.title;
    this._subtitle.textContent = m.byline ? `${m.subtitle}${m.subtitle ? ' · ' : ''}${m.byline}` : m.subtitle;
    this._showTabs(m);
    this._hidden = new Set();
    this._legend.replaceChildren(...m.legend.map((e, i) => {
      const li = el('li');
      const b = el('button', 'nc-key', li);
      b.type = 'button';
      b.setAttribute('aria-pressed', 'true');
      const sw = el('span', `nc-swatch nc-pattern-${e.pattern || 0}${m.kind === 'line' ? ' nc-swatch-line' : ''}`, b);
      // CSSOM, allowed under a strict style-src; a line past the palette's colours shows its dash
      // pattern (CSS px, on and off) as drawn
      let at = 0;
      if (e.dash) sw.style.setProperty('--nc-dash', `repeating-linear-gradient(to right,${e.dash.map((d, k) => `${k % 2 ? 'transparent' : e.color} ${at}px ${at += d}px`)})`);
      else sw.style.backgroundColor = e.color;
      b.append(e.name);
      b.addEventListener('click', () => this._toggleSeries(i, b));
      return li;
    }));
    this._legend.hidden = m.legend.length === 0;
    this._showTable(false);
    this._tableBtn.textContent = t.table;
    this._dlBtn.textContent = t.download;
    this._dlPng.textContent = t.png;
    this._dlCsv.textContent = t.csv;
    this._tableBtn.hidden = m.kind === 'table';
    this._dlPng.hidden = m.kind === 'table';
    const tableOnly = m.kind === 'table';
    this._plot.hidden = tableOnly;
    this._table.hidden = !tableOnly;
    if (tableOnly) this._renderTable();
    this._illustrative.hidden = !m.illustrative;
    this._illustrative.textContent = t.illustrative;
    this._notes.replaceChildren(...m.notes.map((n) => { const li = el('li'); li.textContent = n; return li; }));
    this._source.replaceChildren();
    if (m.source) {
      this._source.append(t.source);
      if (m.source.url) {
        const a = el('a', '', this._source);
        a.href = m.source.url; // checked http(s) by the wasm side
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        a.textContent = m.source.text;
      } else {
        this._source.append(m.source.text);
      }
    }
    if (m.warnings.length) this._problems((p) => p.warn(this, m.warnings, remake));
  }

  _showTabs(m) {
    const show = m.datasets.length > 1 && !this.host.getAttribute('dataset');
    this._tabs.hidden = !show;
    if (!show) { this._tabs.replaceChildren(); return; }
    this._tabs.replaceChildren(...m.datasets.map((d, i) => {
      const b = el('button', 'nc-tab');
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(d.id === m.id));
      b.tabIndex = d.id === m.id ? 0 : -1;
      b.textContent = d.title;
      b.addEventListener('click', () => { this.selectDataset(d.id); this._tabs.children[i]?.focus(); });
      b.addEventListener('keydown', (e) => {
        const n = m.datasets.length;
        const j = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i + n - 1) % n : -1;
        if (j >= 0) { e.preventDefault(); this.selectDataset(m.datasets[j].id); this._tabs.children[j]?.focus(); }
      });
      return b;
    }));
  }

  /**
   * The data as a real <table>: caption, header row, one row per category, values in full. It
   * scrolls inside a box as tall as the plot (a keyboard-scrollable region named by the caption,
   * its header row sticky), and only the rows in view are in the DOM, between two spacer rows:
   * 10,000 rows open as fast as 20. aria-rowcount and aria-rowindex give the whole table's size.
   */
  _renderTable() {
    const { caption, headers, rows } = JSON.parse(this._chart.table());
    const box = this._table;
    box.style.maxHeight = `${this._height || this._reserveHeight(this._chart)}px`;
    box.setAttribute('aria-label', caption);
    const table = el('table');
    table.setAttribute('aria-rowcount', rows.length + 1);
    el('caption', '', table).textContent = caption;
    const head = el('tr', '', el('thead', '', table));
    for (const h of headers) { const th = el('th', '', head); th.scope = 'col'; th.textContent = h; }
    const body = el('tbody', '', table);
    const gap = () => { const tr = el('tr', 'nc-gap'); tr.setAttribute('aria-hidden', 'true'); el('td', '', tr).colSpan = headers.length; return tr; };
    const top = gap();
    const bottom = gap();
    let rowH = 0;
    const fill = () => {
      rowH ||= body.querySelector('[aria-rowindex]')?.offsetHeight;
      // the rows in view and 20 on either side (the first 60 while a row's height is not known)
      const first = rowH ? Math.max(0, ((box.scrollTop - head.offsetHeight) / rowH | 0) - 20) : 0;
      const last = Math.min(rows.length, first + (rowH ? Math.ceil(box.clientHeight / rowH) + 40 : 60));
      top.style.height = `${first * rowH}px`;
      bottom.style.height = `${(rows.length - last) * rowH}px`;
      body.replaceChildren(...(first ? [top] : []), ...rows.slice(first, last).map((r, k) => {
        const tr = el('tr');
        tr.setAttribute('aria-rowindex', first + k + 2);
        const th = el('th', '', tr);
        th.scope = 'row';
        th.textContent = r.category;
        for (const c of r.cells) el('td', '', tr).textContent = c.text;
        return tr;
      }), ...(last < rows.length ? [bottom] : []));
    };
    fill();
    box.replaceChildren(table);
    box.onscroll = () => { cancelAnimationFrame(this._tableFrame); this._tableFrame = requestAnimationFrame(fill); };
    fill(); // now with the rows' height
  }

  _root() { return this.host.shadowRoot; }

  _reducedMotion() {
    return !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  }

  /** Runs `change` (which alters what the chart shows) and animates bars to the new scene: at most 250 ms, none for reduced motion. */
  _transition(change) {
    const chart = this._chart;
    if (!chart) return;
    cancelAnimationFrame(this._anim);
    if (this._reducedMotion() || !this._points.length) {
      change();
      this._relayout(true);
      return;
    }
    chart.begin_transition();
    change();
    this._relayout(true, true);
    const start = performance.now();
    const DURATION = 250;
    this.host.setAttribute('data-animating', '');
    const frame = (now) => {
      if (this._chart !== chart) return;
      let t = Math.min(1, (now - start) / DURATION);
      try { chart.draw_at(this._canvas, this._dpr, t); } catch (e) { t = 1; }
      if (t < 1) { this._anim = requestAnimationFrame(frame); return; }
      chart.end_transition();
      this.host.removeAttribute('data-animating');
      this._relayout(true);
    };
    this._anim = requestAnimationFrame(frame);
  }

  _toggleSeries(i, button) {
    const hide = !this._hidden.has(i);
    let now = hide;
    this._transition(() => { now = this._chart.set_hidden(i, hide); });
    if (now) this._hidden.add(i); else this._hidden.delete(i);
    button.setAttribute('aria-pressed', String(!now));
    button.classList.toggle('nc-off', now);
    const name = this._meta.legend[i]?.name || '';
    this._live.textContent = now ? this.t.hidden(name) : this.t.shown(name);
    if (this._tableOn) this._renderTable();
  }

  _showTable(on) {
    this._tableOn = on;
    this._tableBtn.setAttribute('aria-pressed', String(on));
    const tableOnly = this._meta?.kind === 'table';
    this._table.hidden = !(on || tableOnly);
    this._plot.hidden = on || tableOnly;
    if (on || tableOnly) this._renderTable();
  }

  _toggleTable() {
    this._showTable(!this._tableOn);
    if (!this._tableOn) this._relayout(true);
  }

  _menu(open) {
    this._dlMenu.hidden = !open;
    this._dlBtn.setAttribute('aria-expanded', String(open));
    if (open) this._dlPng.hidden ? this._dlCsv.focus() : this._dlPng.focus();
  }

  /** Saves the chart as `kind` ('png' or 'csv'), with download.js, imported on the first download. */
  _download(kind) {
    loadModule('./download.js', DOWNLOAD_INTEGRITY)
      .then((m) => { if (this._chart) m[kind](this); })
      .catch((e) => console.error(`[newschart] ${this.t.downloadFailed}: ${e && e.message}`));
  }

  /** The theme for Chart.set_theme: text, muted, grid, axis, background, palette, font. */
  _themeColors() {
    const cs = getComputedStyle(this.host);
    const dark = this.host.getAttribute('theme') === 'dark' || (this.host.getAttribute('theme') !== 'light' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
    const base = dark ? THEMES.dark : THEMES.light;
    const v = (name, dflt) => cs.getPropertyValue(name).trim() || dflt || '';
    return [v('--nc-text', base.text), v('--nc-muted', base.muted), v('--nc-grid', base.grid), v('--nc-axis', base.axis), v('--nc-background', base.background), v('--nc-palette', base.palette), v('--nc-font', '')];
  }

  _schedule() {
    cancelAnimationFrame(this._frame);
    this._frame = requestAnimationFrame(() => this._relayout(false));
  }

  _relayout(force, layoutOnly) {
    if (!this._chart) return;
    if (this._meta && this._meta.kind === 'table') {
      this._points = JSON.parse((this._chart.layout(600, 100), this._chart.points()));
      return;
    }
    const width = Math.round(this._plot.clientWidth);
    const dpr = window.devicePixelRatio || 1;
    const height = this._reserveHeight(this._chart);
    if (!force && width === this._width && dpr === this._dpr && height === this._height) return;
    if (width <= 0) return; // not displayed; the observer calls again when it is
    this._width = width;
    this._dpr = dpr;
    this._height = height;
    this._canvas.style.height = `${height}px`; // whole CSS px, as the scene is laid out
    try {
      this._chart.set_theme(this._themeColors().join('\0'));
      this._chart.layout(width, height);
      if (!layoutOnly) this._chart.draw(this._canvas, dpr);
      // narrow charts put the legend under the plot
      const narrow = width < 480;
      if (narrow !== this._narrow) {
        this._narrow = narrow;
        if (narrow) this._plot.after(this._legend); else this._plot.before(this._legend);
      }
      this._points = null; // made when first read (a hover, the keyboard, points()): see get _points
      // ... or once the page is idle after this frame, so that the first hover finds them made
      const chart = this._chart;
      (window.requestIdleCallback || setTimeout)(() => { if (this._chart === chart && this._pts === null) void this._points; });
      this._plotBox = JSON.parse(this._chart.plot_box());
      const summary = this._chart.summary();
      this._canvas.setAttribute('aria-label', summary || this._meta.title || this.t.chart);
      if (this._focus >= this._chart.point_count()) this._focus = -1;
      if (!this._tooltip.hidden && this._focus >= 0) this._showTip(this._focus);
    } catch (e) {
      this._internal(e);
    }
  }

  _pointer(e, down) {
    if (!this._chart || !this._points.length) return;
    const r = this._canvas.getBoundingClientRect();
    let i;
    try {
      i = this._chart.hit(e.clientX - r.left, e.clientY - r.top);
    } catch (err) {
      this._internal(err);
      return;
    }
    if (e.pointerType === 'mouse') {
      if (this._pinned) return;
      if (i >= 0) this._showTip(i); else this._hideTip();
      this._cross(i);
      if (down && i >= 0) this._interact('hover', i);
      else if (i >= 0 && i !== this._lastHover) this._interact('hover', i);
      this._lastHover = i;
      return;
    }
    // touch and pen: a tap pins the tooltip of the tapped point; a tap on nothing unpins
    if (!down) return;
    if (i >= 0) {
      this._pinned = true;
      this._focus = i;
      this._showTip(i);
      this._interact('tap', i);
    } else {
      this._unpin();
    }
  }

  _unpin() {
    this._pinned = false;
    this._hideTip();
  }

  _key(e) {
    const n = this._points.length;
    if (!n) return;
    let i = this._focus;
    const pts = this._points;
    const cur = pts[i];
    // Left/Right: the previous or next category in the same series; Up/Down: the
    // same category in another series (with one series, they step like Left/Right).
    const step = (dir, sameSeries) => {
      if (!cur) return 0;
      if (pts.large) { // points are numbered x × series + series: step without reading them all
        const s = pts.series;
        for (let k = i + dir * (sameSeries || s === 1 ? s : 1); k >= 0 && k < n && Math.abs(k - i) < 4096 * s; k += dir * (sameSeries || s === 1 ? s : 1)) {
          if (!sameSeries && Math.floor(k / s) !== Math.floor(i / s)) return i;
          if (pts[k]) return k;
        }
        return i;
      }
      if (!sameSeries && !this._multiSeries()) return step(dir, true);
      const cands = pts.map((p, k) => [p, k]).filter(([p]) => (sameSeries ? p.seriesIndex === cur.seriesIndex : p.index === cur.index));
      const at = cands.findIndex(([, k]) => k === i);
      const next = cands[at + dir];
      return next ? next[1] : i;
    };
    switch (e.key) {
      case 'ArrowRight': i = step(1, true); break;
      case 'ArrowLeft': i = step(-1, true); break;
      case 'ArrowDown': i = step(1, false); break;
      case 'ArrowUp': i = step(-1, false); break;
      case 'Home': i = 0; break;
      case 'End': i = n - 1; break;
      case 'Escape': this._unpin(); this._focus = -1; return;
      default: return;
    }
    e.preventDefault();
    this._focus = i;
    this._showTip(i);
    this._live.textContent = this._points[i].label;
    this._interact('keyboard', i);
  }

  _interact(how, i) {
    const p = this._points[i];
    this.host.dispatchEvent(new CustomEvent('newschart:interact', { bubbles: true, composed: true,
      detail: { how, dataset: this._meta?.id, category: p.category, series: p.series, value: p.value } }));
  }

  _showTip(i) {
    const p = this._points[i];
    if (!p) return;
    const tt = this._tooltip;
    const lines = [[p.category, 'nc-tt-cat']];
    if (this._multiSeries()) lines.push([p.series, 'nc-tt-series']);
    lines.push([p.valueText, 'nc-tt-value']);
    if (p.detail) lines.push([p.detail, 'nc-tt-detail']);
    tt.replaceChildren(...lines.map(([text, cls]) => { const d = el('div', cls); d.textContent = text; return d; }));
    tt.hidden = false;
    this._canvas.setAttribute('aria-describedby', 'nc-tooltip');
    // place above the bar, inside the chart's box
    const W = this._plot.clientWidth;
    const tw = tt.offsetWidth;
    const th = tt.offsetHeight;
    let x = p.bar.x + p.bar.w / 2 - tw / 2;
    x = Math.max(0, Math.min(W - tw, x));
    let y = p.bar.y - th - 8;
    if (y < 0) y = p.bar.y + p.bar.h + 8;
    tt.style.left = `${Math.round(x)}px`;
    tt.style.top = `${Math.round(y)}px`;
  }

  /** A vertical crosshair through the hovered point of a line or area chart. */
  _cross(i) {
    const p = this._points[i];
    const box = this._plotBox;
    const on = !!(p && box && (this._meta?.kind === 'line' || this._meta?.kind === 'area'));
    this._crosshair.hidden = !on;
    if (!on) return;
    const st = this._crosshair.style;
    st.left = `${Math.round(p.bar.x + p.bar.w / 2)}px`;
    st.top = `${Math.round(box.y)}px`;
    st.height = `${Math.round(box.h)}px`;
  }

  _multiSeries() {
    if (this._points.large) return this._points.series > 1;
    const names = new Set(this._points.map((p) => p.seriesIndex));
    return names.size > 1;
  }

  _hideTip() {
    this._tooltip.hidden = true;
    if (this._crosshair) this._crosshair.hidden = true;
    this._canvas.removeAttribute('aria-describedby');
  }

  /**
   * Shows `problems` with problems.js, once it is in (see its fail): the error box, or with `keep` a
   * refresh's problems under the chart still shown; dropped if another load or chart has taken over
   * meanwhile. Without problems.js (offline, blocked, refused by its SRI), a box that says only
   * that. Returns a promise settled once they are told.
   */
  _fail(problems, src, remake, keep) {
    return this._problems((m) => m.fail(this, problems, src, remake, keep), () => {
      if (keep && this._chart) return;
      const p = el('p', 'nc-error-src');
      p.textContent = NO_DETAILS;
      this._errorBox(src || this.host.getAttribute('src')).before(p);
    });
  }

  /**
   * Runs `use(problems.js)` once it is in, unless another load or chart has taken over meanwhile;
   * `bare()` instead, in the same case, when it cannot load (it is logged).
   */
  _problems(use, bare) {
    const id = this._loadId;
    const chart = this._chart;
    const current = () => id === this._loadId && chart === this._chart;
    return loadModule('./problems.js', PROBLEMS_INTEGRITY).then((m) => current() && use(m), (e) => {
      console.error(`[newschart] ${this.host.getAttribute('src') || ''}: ${NO_DETAILS} (${e && e.message})`);
      if (current() && bare) bare();
    });
  }

  /**
   * Puts the chart in its error state (aria-busy while `busy`: words to come) and empties the error
   * box but for its title, the feed's address `file` and a retry button, which it returns: what went
   * wrong goes before it.
   */
  _errorBox(file, busy) {
    const t = this.t;
    this._setState('error', busy);
    this._status.hidden = true;
    this._hideTip();
    this._points = [];
    const ctx = this._canvas.getContext('2d');
    if (ctx) ctx.clearRect(0, 0, this._canvas.width, this._canvas.height);
    this._plot.style.height = '0px';
    const box = this._error;
    box.replaceChildren();
    el('strong', '', box).textContent = t.errorTitle;
    if (file) el('p', 'nc-error-src', box).textContent = `${t.file}${file}`;
    const retry = el('button', '', box);
    retry.type = 'button';
    retry.textContent = t.retry;
    retry.addEventListener('click', () => this.reload(), { once: true });
    box.hidden = false;
    return retry;
  }
}

// problems.js imports the builder's module with this (it cannot import this module: in dist/ each
// one's name would hash the other's)
View.prototype._import = importChecked;
