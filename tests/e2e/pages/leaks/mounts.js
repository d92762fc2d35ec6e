// The leak tests' side in the page (index.html loads it after the element's loader): mounts and
// removes charts of every kind, one after another, and reads every count (counters.js, and the
// wasm heap through the test build's heap_stats exports). Every wait has a deadline and ends in an
// error that says which chart, in which state: never a wait that cannot end.

const { setTimeout: later } = window.__leakOriginals;
const pkg = new URLSearchParams(location.search).get('pkg') || '/pkg-test/';
const sleep = (ms) => new Promise((ok) => later(ok, ms));

/** How long one chart may take to reach the state it is waited for (a busy 2-core machine). */
const CHART_MS = 30000;

/** Long line data for the large-data module (setColumns): enough points to be decimated. */
const N = 20000;
const xs = Float64Array.from({ length: N }, (_, i) => i);
const ys = Float64Array.from({ length: N }, (_, i) => Math.sin(i / 300) * 100 + i / 100);

/**
 * The mix of charts, one per mount in turn: what each is, how to start it and the state it is
 * waited for before it is removed.
 */
export const MIX = [
  { name: 'column (hamlets.json)', src: '/feeds/hamlets.json', until: 'ready' },
  { name: 'bar (toilets.json)', src: '/feeds/toilets.json', until: 'ready' },
  { name: 'progress (employment.json)', src: '/feeds/employment.json', until: 'ready' },
  { name: 'line (employment-line-dates.json)', src: '/examples/employment-line-dates.json', until: 'ready' },
  { name: 'a feed that errors (invalid.json)', src: '/e2e/feeds/invalid.json', until: 'error' },
  { name: `large line (setColumns, ${N} points)`, columns: true, until: 'ready' },
  { name: 'column removed while loading', src: '/feeds/hamlets.json', until: 'loading' },
  { name: 'column far below the viewport, removed before it loads', src: '/feeds/hamlets.json', until: 'idle', far: true },
];

let made = 0; // charts mounted so far: the next one's place in MIX
/** WeakRefs to every removed chart (`track`), to check that each could be collected. */
export const removed = [];
/** Removed charts the page keeps (`hold`), as a page that puts charts back later would. */
export const held = [];

const stateOf = (el) => `data-state=${el.getAttribute('data-state')}, aria-busy=${el.getAttribute('aria-busy')}`;
const errorText = (el) => (el.shadowRoot?.querySelector('[role="alert"], .nc-error')?.textContent || '').trim().slice(0, 300);

/**
 * Resolves when `el` is in `state` (an error box with its words: aria-busy false), rejects at once
 * when it shows an error it should not, and after CHART_MS with what it was doing. Watches the
 * attributes with a MutationObserver (the page's own, not counted), so that a chart removed while
 * loading is seen in that state; the observer's callback only settles the promise, never throws.
 */
function reach(el, state, what) {
  const n = made;
  return new Promise((ok, fail) => {
    const { MutationObserver: Observer, setTimeout: start, clearTimeout: stop } = window.__leakOriginals;
    const done = (e) => { mo.disconnect(); stop(timer); if (e) fail(e); else ok(); };
    const check = () => {
      const s = el.getAttribute('data-state');
      const busy = el.getAttribute('aria-busy');
      if (s === state && (state !== 'error' || busy === 'false')) done();
      else if (s === 'error' && state !== 'error' && busy === 'false') {
        done(new Error(`chart #${n} (${what}) failed instead of reaching "${state}": ${errorText(el) || '(no error text)'}`));
      }
    };
    const mo = new Observer(check);
    const timer = start(() => done(new Error(`chart #${n} (${what}) did not reach "${state}" within ${CHART_MS} ms (${stateOf(el)})`)), CHART_MS);
    mo.observe(el, { attributes: true, attributeFilter: ['data-state', 'aria-busy'] });
    check();
  });
}

/** Mounts `n` charts in turn, each waited for and removed; `track` keeps WeakRefs, `hold` the elements. */
export async function cycle(n, { track = false, hold = false } = {}) {
  for (let i = 0; i < n; i++) {
    const kind = MIX[made % MIX.length];
    made++;
    const el = document.createElement('news-chart');
    if (kind.src) el.setAttribute('src', kind.src);
    el.setAttribute('height', '200');
    if (kind.far) el.style.marginTop = '5000px'; // past the loader's 600 px: it waits to be scrolled to
    const reached = reach(el, kind.until, kind.name);
    document.body.append(el);
    let shown = null;
    if (kind.columns) shown = el.setColumns({ x: xs, series: [{ name: 'y', values: ys }], title: 'long line' });
    await reached;
    if (shown) await shown;
    el.remove();
    if (track) removed.push(new WeakRef(el));
    if (hold) held.push(el);
  }
  return made;
}

/** Waits until the page is idle: two frames, an idle period and a little more, so queued work has run. */
export async function settle() {
  const { raf, ric } = window.__leakOriginals;
  for (let i = 0; i < 2; i++) await new Promise((ok) => raf(ok));
  if (ric) await new Promise((ok) => ric(ok, { timeout: 2000 }));
  await sleep(100);
}

/**
 * The wasm heap of every instance the page made (the standard module's and the large-data one's):
 * live allocations and bytes as the allocator counts them, and wasm-bindgen's live JS values
 * (externrefs). Fails unless the modules were built with the `heap-stats` feature.
 */
export async function wasmHeap() {
  const { instances } = window.__view.__debug();
  const out = { wasmAllocations: 0, wasmBytes: 0, externrefs: 0, instances: 0, totalAllocations: 0 };
  for (let i = 0; i < instances; i++) {
    // the URLs wasm.js imports the glue by, so these are the very copies each instance uses
    const glue = await import(i === 0 ? `${pkg}newschart_wasm.js` : `${pkg}newschart_wasm.js?instance=${i}`);
    if (typeof glue.heap_allocations !== 'function') {
      throw new Error(`${pkg}newschart_wasm.js has no heap_allocations: build the test modules with --features heap-stats`);
    }
    let stats;
    try {
      stats = [glue.heap_allocations(), glue.heap_bytes(), glue.heap_externrefs(), glue.heap_total_allocations()];
    } catch (e) {
      if (e instanceof TypeError) continue; // an instance never made (its load failed): no heap
      throw e;
    }
    out.wasmAllocations += stats[0];
    out.wasmBytes += stats[1];
    out.externrefs += stats[2];
    out.totalAllocations += stats[3];
    out.instances++;
  }
  return out;
}

/** Every count (counters.js and the wasm heap), and the views still registered. */
export async function counts() {
  await settle();
  return { ...window.__leakCounts(), ...(await wasmHeap()), views: window.__view.__debug().charts };
}

/** How many removed charts (tracked) could not be collected. */
export const alive = () => removed.filter((r) => r.deref()).length;
