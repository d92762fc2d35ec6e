// Counts what a chart could leave behind in the page, for the leak tests (tests/e2e/memory.test.mjs
// in Chromium, tests/cross/memory.test.mjs in Firefox). A classic script that the leak page loads
// before the element's loader, so every call the element makes goes through the wrappers below:
//
// - listeners: addEventListener without its removeEventListener, on targets that are still alive
//   (after a forced GC). A listener on a chart's own shadow DOM dies with it and is no leak; one on
//   window, document or a MediaQueryList keeps the chart alive, and counts.
// - observations: observe() of a ResizeObserver, IntersectionObserver or MutationObserver without
//   its unobserve() or disconnect(), counted whether or not the GC could collect them: a chart owns
//   what it observes and stops when it leaves the page.
// - timers: setTimeout, setInterval, requestAnimationFrame and requestIdleCallback neither run nor
//   cancelled.
// - finalizers: FinalizationRegistry.register() without unregister() (wasm-bindgen registers each
//   Chart and unregisters it in free(): a chart left to the GC counts, as it holds wasm memory).
//
// The test's own waits use the originals (window.__leakOriginals), so they are not counted.

(() => {
  'use strict';
  const W = window;
  const orig = {
    add: EventTarget.prototype.addEventListener,
    remove: EventTarget.prototype.removeEventListener,
    setTimeout: W.setTimeout.bind(W),
    clearTimeout: W.clearTimeout.bind(W),
    setInterval: W.setInterval.bind(W),
    clearInterval: W.clearInterval.bind(W),
    raf: W.requestAnimationFrame?.bind(W),
    caf: W.cancelAnimationFrame?.bind(W),
    ric: W.requestIdleCallback?.bind(W),
    cic: W.cancelIdleCallback?.bind(W),
    register: W.FinalizationRegistry?.prototype.register,
    unregister: W.FinalizationRegistry?.prototype.unregister,
    MutationObserver: W.MutationObserver,
  };
  W.__leakOriginals = orig;
  // the page's uncaught errors, for engines driven without a console (WebDriver)
  W.__leakErrors = [];
  orig.add.call(W, 'error', (e) => W.__leakErrors.push(String(e.error || e.message)));
  orig.add.call(W, 'unhandledrejection', (e) => W.__leakErrors.push(`unhandled rejection: ${e.reason}`));

  // --- listeners: per target (held weakly) a map "type capture" -> set of listeners ---------------
  const byTarget = new WeakMap();
  let targets = []; // WeakRefs to every target with a listener, pruned when counted
  const key = (type, opts) => `${type} ${typeof opts === 'boolean' ? opts : !!(opts && opts.capture)}`;
  const forget = (target, k, fn) => {
    const m = byTarget.get(target);
    const set = m && m.get(k);
    if (set) { set.delete(fn); if (!set.size) m.delete(k); }
  };
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    orig.add.call(this, type, fn, opts);
    if (!fn) return;
    const target = this ?? W; // (a bare call on window)
    let m = byTarget.get(target);
    if (!m) { m = new Map(); byTarget.set(target, m); targets.push(new WeakRef(target)); }
    const k = key(type, opts);
    if (!m.has(k)) m.set(k, new Set());
    m.get(k).add(fn);
    // `once` and `signal` remove a listener without removeEventListener
    if (opts && typeof opts === 'object') {
      if (opts.once) orig.add.call(target, type, () => forget(target, k, fn), { once: true, capture: !!opts.capture });
      if (opts.signal) orig.add.call(opts.signal, 'abort', () => forget(target, k, fn), { once: true });
    }
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    orig.remove.call(this, type, fn, opts);
    forget(this ?? W, key(type, opts), fn);
  };
  // (MediaQueryList's old addListener/removeListener go through the above in every engine we test)

  /** Whether `t` is page-wide: window, document, a MediaQueryList, or a node of the page outside every chart. */
  const pageWide = (t) => t === W || t === document || (W.MediaQueryList && t instanceof MediaQueryList)
    || (t instanceof Node && t.isConnected && t.getRootNode() === document && !(t instanceof Element && t.closest('news-chart')));

  function listeners() {
    let all = 0;
    let page = 0;
    const alive = [];
    const kinds = {};
    for (const ref of targets) {
      const t = ref.deref();
      if (!t) continue;
      alive.push(ref);
      const m = byTarget.get(t);
      if (!m) continue;
      for (const [k, set] of m) {
        all += set.size;
        if (pageWide(t)) {
          page += set.size;
          const name = `${t === W ? 'window' : t === document ? 'document' : t.constructor.name} ${k}`;
          kinds[name] = (kinds[name] || 0) + set.size;
        }
      }
    }
    targets = alive;
    return { all, page, kinds };
  }

  // --- observers: a count per observer, its targets in a WeakSet ---------------------------------
  const observed = { ResizeObserver: 0, IntersectionObserver: 0, MutationObserver: 0 };
  for (const name of Object.keys(observed)) {
    const Base = W[name];
    if (typeof Base !== 'function') continue;
    const Counted = class extends Base {
      constructor(...args) {
        super(...args);
        this.__targets = new WeakSet();
        this.__n = 0;
      }
      observe(target, opts) {
        super.observe(target, opts);
        if (!this.__targets.has(target)) { this.__targets.add(target); this.__n++; observed[name]++; }
      }
      unobserve(target) {
        super.unobserve(target);
        if (this.__targets.has(target)) { this.__targets.delete(target); this.__n--; observed[name]--; }
      }
      disconnect() {
        super.disconnect();
        observed[name] -= this.__n;
        this.__n = 0;
        this.__targets = new WeakSet();
      }
    };
    if (name === 'MutationObserver') delete Counted.prototype.unobserve; // it has none
    Object.defineProperty(Counted, 'name', { value: name });
    W[name] = Counted;
  }

  // --- timers: ids pending, removed when they run or are cancelled --------------------------------
  const pending = { timeout: new Set(), interval: new Set(), frame: new Set(), idle: new Set() };
  W.setTimeout = function (fn, ms, ...args) {
    if (typeof fn !== 'function') return orig.setTimeout(fn, ms, ...args);
    const id = orig.setTimeout(function () { pending.timeout.delete(id); return fn.apply(this, arguments); }, ms, ...args);
    pending.timeout.add(id);
    return id;
  };
  W.setInterval = function (fn, ms, ...args) {
    const id = orig.setInterval(fn, ms, ...args);
    pending.interval.add(id);
    return id;
  };
  // clearTimeout and clearInterval share one list of ids (HTML spec): either clears either
  W.clearTimeout = W.clearInterval = function (id) {
    orig.clearTimeout(id);
    pending.timeout.delete(id);
    pending.interval.delete(id);
  };
  if (orig.raf) {
    W.requestAnimationFrame = function (fn) {
      const id = orig.raf(function (t) { pending.frame.delete(id); return fn(t); });
      pending.frame.add(id);
      return id;
    };
    W.cancelAnimationFrame = function (id) { orig.caf(id); pending.frame.delete(id); };
  }
  if (orig.ric) {
    W.requestIdleCallback = function (fn, opts) {
      const id = orig.ric(function (d) { pending.idle.delete(id); return fn(d); }, opts);
      pending.idle.add(id);
      return id;
    };
    W.cancelIdleCallback = function (id) { orig.cic(id); pending.idle.delete(id); };
  }

  // --- FinalizationRegistry: registrations not yet unregistered -----------------------------------
  let registered = 0;
  if (orig.register) {
    FinalizationRegistry.prototype.register = function (target, held, token) {
      orig.register.call(this, target, held, token);
      if (token !== undefined) registered++; // without a token it could never be unregistered
    };
    FinalizationRegistry.prototype.unregister = function (token) {
      const gone = orig.unregister.call(this, token);
      if (gone) registered--;
      return gone;
    };
  }

  /** Every count now (call after a forced GC: listeners on dead targets are dropped). */
  W.__leakCounts = () => {
    const l = listeners();
    return {
      listeners: l.all,
      pageListeners: l.page,
      pageListenerKinds: l.kinds,
      resizeObservations: observed.ResizeObserver,
      intersectionObservations: observed.IntersectionObserver,
      mutationObservations: observed.MutationObserver,
      timeouts: pending.timeout.size,
      intervals: pending.interval.size,
      frames: pending.frame.size,
      idleCallbacks: pending.idle.size,
      finalizers: registered,
    };
  };
})();
