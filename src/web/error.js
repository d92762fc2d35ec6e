// newschart: what went wrong, as values (FeedError, problem), and the error state: the error box's
// frame, and handing problems to problems.js, imported the first time a chart has some to show.

import { el } from './dom.js';
import { TEXT } from './i18n.js';
import { problemsModule } from './lazy.js';
import { dropStatic } from './static.js';
import { hideTip } from './tooltip.js';

/** @typedef {import('./boundary.js').Problem} Problem */
/** @typedef {import('./view.js').View} View */

/** Problems that stop a feed from being shown (thrown by fetch.js and the view). */
export class FeedError extends Error {
  /** @param {Problem[]} problems */
  constructor(problems) {
    super(problems.map((p) => p.en).join('; '));
    this.problems = problems;
  }
}

/** @returns {Problem} an error of the whole feed, in both languages (the catalogue's `said`, code 0, as Rust's Problem::said) */
export function problem(zh, en) {
  return { severity: 'error', path: '', line: 0, column: 0, code: 0, args: [zh, en], zh, en };
}

/** The problem "TEXT[lang][key]: the exception's message" ('wasm': the module could not load; 'internal'). */
export function failed(key, e) {
  const why = e && e.message;
  return problem(`${TEXT.zh[key]}：${why}`, `${TEXT.en[key]}: ${why}`);
}

/** Said, in both languages, when problems.js cannot load: the box has no more to say than that. */
const NO_DETAILS = '数据有误，详细说明未能加载 / the data has problems; the details could not be loaded';

/**
 * Shows `problems` with problems.js, once it is in (see its fail): the error box, or with `keep` a
 * refresh's problems under the chart still shown; dropped if another load or chart has taken over
 * meanwhile. Without problems.js (offline, blocked, refused by its SRI), a box that says only
 * that. Returns a promise settled once they are told.
 * @param {View} view
 * @param {Problem[]} problems
 * @param {string} [src] the feed's address (the src attribute when not given)
 * @param {boolean} [keep] keep the chart on screen
 */
export function fail(view, problems, src, keep) {
  return withProblems(view, (m) => m.fail(view, problems, src, keep), () => {
    if (keep && view._chart) return;
    const p = el('p', 'nc-error-src');
    p.textContent = NO_DETAILS;
    errorBox(view, src || view.host.getAttribute('src')).before(p);
  });
}

/**
 * Runs `use(problems.js)` once it is in, unless another load or chart has taken over meanwhile;
 * `bare()` instead, in the same case, when it cannot load (it is logged).
 * @param {View} view
 * @param {(m: typeof import('./problems.js')) => any} use
 * @param {() => void} [bare]
 */
export function withProblems(view, use, bare) {
  const id = view._loadId;
  const chart = view._chart;
  const current = () => id === view._loadId && chart === view._chart;
  return problemsModule().then((m) => current() && use(m), (e) => {
    console.error(`[newschart] ${view.host.getAttribute('src') || ''}: ${NO_DETAILS} (${e && e.message})`);
    if (current() && bare) bare();
  });
}

/**
 * Puts the chart in its error state (aria-busy while `busy`: words to come) and empties the error
 * box but for its title, the feed's address `file` and a retry button, which it returns: what went
 * wrong goes before it.
 * @param {View} view
 * @param {string} file
 * @param {boolean} [busy]
 */
export function errorBox(view, file, busy) {
  const t = view.t;
  // the module read the feed and found problems: the editor sees them, not an older image; a
  // module or feed that did not arrive leaves the static image to the reader (static.js)
  if (view._gen) dropStatic(view);
  view._setState('error', busy);
  view._status.hidden = true;
  hideTip(view);
  view._points = [];
  const ctx = view._canvas.getContext('2d');
  if (ctx) ctx.clearRect(0, 0, view._canvas.width, view._canvas.height);
  view._plot.style.height = '0px';
  const box = view._error;
  box.replaceChildren();
  el('strong', '', box).textContent = t.errorTitle;
  if (file) el('p', 'nc-error-src', box).textContent = `${t.file}${file}`;
  const retry = el('button', '', box);
  retry.type = 'button';
  retry.textContent = t.retry;
  retry.addEventListener('click', () => view.reload(), { once: true });
  box.hidden = false;
  return retry;
}
