// newschart: reading a chart's feed over the network: a timeout, a byte limit that holds even when
// the server sends no Content-Length, a web page told apart from a feed, the loader's early request
// taken over, and If-None-Match for refreshes. Every failure is a FeedError in plain words.

import { FeedError, problem } from './error.js';
import { TEXT } from './i18n.js';
import { compileWasm, LARGE_TEXT } from './wasm.js';

/** Feed requests are aborted after this many milliseconds. */
export const FETCH_TIMEOUT_MS = 15000;
/** Largest feed accepted, in bytes. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

/** The `timeout` attribute (seconds, default 15) in ms: how long a feed request may take in all. */
function timeoutMs(host) {
  const s = parseFloat(host.getAttribute('timeout'));
  return s > 0 ? s * 1000 : FETCH_TIMEOUT_MS;
}

/**
 * [max bytes, max points] from the `max-bytes` and `max-points` attributes of `host`; 0 means the default.
 * @returns {[number, number]}
 */
export function limits(host) {
  const n = (name, dflt) => { const v = parseInt(host.getAttribute(name), 10); return v > 0 ? v : dflt; };
  return [n('max-bytes', MAX_FEED_BYTES), n('max-points', 0)];
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

/**
 * The feed's text, or null when unchanged since the last read (`conditional`: a refresh). `pick(large)`
 * is told, once its headers are in, which wasm module it will likely want: the large-data one when
 * its Content-Length passes LARGE_TEXT / 2 (compressed or not, that much JSON is long), else the
 * standard one; past LARGE_TEXT bytes read, the large module's download starts anyway (a server
 * that sends no length).
 * @param {import('./view.js').View} view
 * @param {string} src
 * @param {boolean} conditional
 * @param {(large: boolean) => void} [pick]
 * @returns {Promise<string | null>}
 */
export async function fetchFeed(view, src, conditional, pick) {
  const host = view.host;
  const ctrl = new AbortController();
  view._abort = ctrl;
  let timedOut = false;
  const ms = timeoutMs(host);
  const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, ms);
  const fail = (zh, en) => new FeedError([problem(TEXT.zh.fetchFailed(src, zh), TEXT.en.fetchFailed(src, en))]);
  try {
    let res;
    try {
      const headers = conditional && view._etag ? { 'If-None-Match': view._etag } : undefined;
      // the first read takes the request the loader made as the chart neared the viewport
      const early = conditional ? null : host._takeFeed?.(src);
      if (early) ctrl.signal.addEventListener('abort', () => early.ctrl.abort());
      res = await (early ? early.res : fetch(src, { signal: ctrl.signal, credentials: 'same-origin', headers, cache: conditional ? 'no-cache' : 'default' }));
    } catch (e) {
      if (timedOut) throw fail(TEXT.zh.timeout(ms), TEXT.en.timeout(ms));
      throw fail(TEXT.zh.network, TEXT.en.network);
    }
    if (res.status === 304) return null; // unchanged since the last read
    if (!res.ok) throw fail(TEXT.zh.httpStatus(res.status, res.statusText), TEXT.en.httpStatus(res.status, res.statusText));
    view._etag = res.headers.get('etag');
    // JSON is read whatever the type says (text/plain, octet-stream, none), but
    // a web page is not a feed: a wrong address or a login wall answers 200 with HTML.
    const type = (res.headers.get('content-type') || '').trim().toLowerCase();
    if (/^(text\/html|application\/xhtml\+xml)\b/.test(type)) throw fail(TEXT.zh.html(type), TEXT.en.html(type));
    const [max] = limits(host);
    const len = Number(res.headers.get('content-length'));
    if (len > max) {
      ctrl.abort(); // unread, the body would still fill the network buffers and hold the connection
      throw fail(TEXT.zh.tooBig(max), TEXT.en.tooBig(max));
    }
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
