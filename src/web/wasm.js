// newschart: the wasm module, one download and one compile for the whole page, and one instance
// that every chart shares. A panic in Rust (panic = "abort") traps: the instance that trapped may
// hold broken state, so it is dropped, that chart shows its error box, and every other chart
// rebuilds itself from its feed text in a fresh instance of the same compiled module (a fresh copy
// of wasm-bindgen's glue, which keeps one instance per copy).
// Two modules with the same exports share the glue: the standard one, and the large-data one
// (newschart_large_bg.wasm: long line charts drawn from columns, setColumns), loaded only for a
// chart that needs it: feed text past LARGE_TEXT goes straight to it, a shorter feed with a long
// line moves there once the standard module has read it (Chart.needs_large).

import * as glue0 from './newschart_wasm.js';
import { hideTip } from './tooltip.js';

/**
 * One instance of a module: its Chart class and memory; `dead` once it trapped.
 * @typedef {{ Chart: typeof glue0.Chart, memory: WebAssembly.Memory, dead: boolean, large: boolean }} Instance
 */

/** Feed text longer than this goes to the large module at once. */
export const LARGE_TEXT = 128 * 1024;
/**
 * The glue's file, imported again (a fresh copy, by a query) for each new instance after the first.
 * Written as `new URL(…, import.meta.url)` so that a bundler copies the file as it is beside its
 * output (the import then is the browser's: the magic comments keep bundlers out of it).
 */
const glueCopy = (n) => import(/* webpackIgnore: true */ /* @vite-ignore */ new URL('./newschart_wasm.js', import.meta.url).href + '?instance=' + n);
let generation = 0; // instances made
/** Connected views, to move after a trap. @type {Set<import('./view.js').View>} */
export const views = new Set();

/** Subresource Integrity of the wasm modules: scripts/dist.sh writes them in dist/ (none in pkg/). */
const WASM_INTEGRITY = '';
const LARGE_INTEGRITY = '';
/**
 * Per module (0 standard, 1 large): its compile, the instance new charts use, that instance once made.
 * @type {{ compiled?: Promise<WebAssembly.Module> | null, current?: Promise<Instance> | null, gen?: Instance | null }[]}
 */
const mods = [{}, {}];
/** Whether feed text this long goes to the large module at once. */
export const big = (text) => text != null && text.length > LARGE_TEXT;

/** fetch() options that check a response against `integrity` (dist/ writes the hashes; pkg/ has none). */
const checkedBy = (integrity) => (integrity ? { integrity } : undefined);

/** The loader's request for the (standard) wasm, made beside its import of the view: the first compile takes it. */
let early = null;
export function useWasmResponse(res) { if (!mods[0].compiled) early = res; }

/** The compiled standard module, or with `large` the large-data one. */
export function compileWasm(large) {
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

/**
 * The instance of the standard module (or, `large`, of the large-data one) that new charts use.
 * @returns {Promise<Instance>}
 */
export function loadWasm(large = false) {
  const m = mods[+large];
  if (!m.current) {
    const n = generation++;
    m.current = (async () => {
      const module = await compileWasm(large);
      /** @type {typeof glue0} */
      const glue = n === 0 ? glue0 : await glueCopy(n);
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
export function poison(gen) {
  if (!gen || gen.dead) return;
  gen.dead = true;
  const m = mods[+gen.large];
  if (m.gen === gen) { m.current = null; m.gen = null; }
  for (const v of views) if (v._gen === gen) revive(v);
}

/** Forgets `view`'s chart, of an instance that trapped, without calling into it (now or from a finalizer). */
export function drop(view) {
  // (the glue's own method, which its .d.ts leaves out)
  try { /** @type {any} */ (view._chart)?.__destroy_into_raw(); } catch (_) { /* nothing to free */ }
  view._chart = null;
}

/**
 * Another chart's panic dropped the instance of `view`'s chart: rebuild it from the feed text (or
 * its columns) in a fresh one.
 * @param {import('./view.js').View} view
 */
function revive(view) {
  const large = view._gen?.large;
  drop(view);
  view._gen = null;
  view._points = [];
  hideTip(view);
  const text = view._text;
  if (!view._connected) return;
  // columns (setColumns) are given again; a chart with neither has nothing to show
  if (text == null) { if (view._cols) view.setColumns(view._cols); return; }
  const id = view._loadId;
  loadWasm(large || big(text)).then((gen) => {
    if (id !== view._loadId || !view._connected) return;
    view._gen = gen;
    view._apply(text, view.host.getAttribute('src') || '(feed)', false);
  }, (e) => view._internal(e));
}

/** For tests, not an API: wasm memory in bytes (both modules), instances made, charts connected. */
export function __debug() {
  return { wasmBytes: mods.reduce((n, m) => n + (m.gen ? m.gen.memory.buffer.byteLength : 0), 0), instances: generation, charts: views.size };
}
