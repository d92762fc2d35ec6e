// What the leak tests compare (tests/e2e/memory.test.mjs in Chromium, tests/cross/memory.test.mjs
// in Firefox), on the counts the leak page reads (tests/e2e/pages/leaks/).

/**
 * The counts that must not move at all after the warm-up: listeners still attached to live
 * targets (all, and those on window, document and the page outside the charts), observations not
 * ended, timers, frames and idle callbacks pending, FinalizationRegistry entries (wasm-bindgen's
 * Chart wrappers) not unregistered, the wasm heap's live allocations and bytes (talc's counters)
 * and JS values it holds, the wasm instances, and the views registered.
 */
export const EXACT = ['listeners', 'pageListeners', 'pageListenerKinds', 'resizeObservations', 'intersectionObservations',
  'mutationObservations', 'timeouts', 'intervals', 'frames', 'idleCallbacks', 'finalizers', 'wasmAllocations',
  'wasmBytes', 'externrefs', 'instances', 'views'];

/** Every count of `keys` that differs between `a` and `b`, as "name: a -> b". */
export function moved(a, b, keys = EXACT) {
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k}: ${JSON.stringify(a[k])} -> ${JSON.stringify(b[k])}`);
}

/** The counts in one line for the log (the listeners by kind left out: they are in a failure's message). */
export const brief = (c) => JSON.stringify(Object.fromEntries(Object.entries(c).filter(([k]) => !/Kinds$|Listeners$/.test(k) || k === 'pageListeners')));
