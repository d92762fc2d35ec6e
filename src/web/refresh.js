// newschart: polling. refresh="60" re-reads the feed every 60 s with If-None-Match, and redraws
// only when it changed. A failed update keeps the last good data, marked stale (problems.js).

import { fail, FeedError, problem } from './error.js';
import { fetchFeed } from './fetch.js';

/** @typedef {import('./view.js').View} View */

/** (Re)starts polling as the `refresh` attribute says; stops it when there is none. @param {View} view */
export function startRefresh(view) {
  stopRefresh(view);
  const secs = parseFloat(view.host.getAttribute('refresh'));
  if (!(secs > 0) || !view.host.getAttribute('src')) return;
  view._refreshTimer = setInterval(() => poll(view), Math.max(1, secs) * 1000);
}

/** @param {View} view */
export function stopRefresh(view) {
  if (view._refreshTimer) clearInterval(view._refreshTimer);
  view._refreshTimer = null;
}

/** @param {View} view */
async function poll(view) {
  if (view._polling || !view._chart) return;
  view._polling = true;
  const src = view.host.getAttribute('src');
  try {
    const text = await fetchFeed(view, src, true);
    let changed = false;
    if (text !== null && text !== view._text) {
      changed = view._apply(text, src, true);
    } else {
      // unchanged (304, or the same text): the data on screen is current
      view._shownAt = new Date();
      view._stale.hidden = true;
    }
    view.host.dispatchEvent(new CustomEvent('newschart:refresh', { bubbles: true, composed: true, detail: { src, changed } }));
  } catch (e) {
    fail(view, e instanceof FeedError ? e.problems : [problem(String(e), String(e))], src, true);
  } finally {
    view._polling = false;
  }
}
