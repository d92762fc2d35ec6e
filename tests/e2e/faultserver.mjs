// A small HTTP server for the reliability tests: serves the built element
// (/pkg/, and /pkg-debug/ from scripts/build-debug.sh), the test pages (/e2e/)
// and the demo feeds (/feeds/), plus fault routes each test registers: status
// codes, answers that never come, wrong content types, trickling bodies,
// truncated and concatenated feeds. Its state lives in the test process, so a
// test can make a route recover and then press the chart's retry button.
// Every request is counted per path (without the query), for "one download" checks,
// and logged in order: method, path, status, when it came and ended, how many body
// bytes the server wrote, and whether the client closed the connection before the
// whole answer was written (`flood` writes a big body only as fast as the client
// reads it, so a client that stops reading stops it).

import http from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { REPO } from './helpers.mjs';

const MOUNTS = [
  ['/pkg-debug/', join(REPO, 'target', 'pkg-debug')],
  ['/pkg/', join(REPO, 'pkg')],
  ['/e2e/', join(REPO, 'tests', 'e2e', 'pages')],
  ['/feeds/', join(REPO, 'www', 'feeds')],
];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm' };

/** Starts the server on a free port of 127.0.0.1. */
export async function startFaultServer() {
  const routes = new Map();
  const hits = new Map();
  const sockets = new Set();
  const log = [];
  const server = http.createServer((req, res) => {
    const path = req.url.split('?')[0];
    hits.set(path, (hits.get(path) || 0) + 1);
    record(log, req, res, path);
    res.setHeader('Cache-Control', 'no-store');
    const route = routes.get(path);
    if (route) return route(req, res);
    for (const [prefix, dir] of MOUNTS) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, decodeURIComponent(path.slice(prefix.length))));
      if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) break;
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Content-Length': statSync(file).size });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    /** Serves `path` with `handler(req, res)`. */
    route(path, handler) { routes.set(path, handler); },
    /** How many requests reached `path`. */
    hits(path) { return hits.get(path) || 0; },
    /** The requests to `path` (every request without one), oldest first, as they stand now. */
    log(path) { return log.filter((e) => path === undefined || e.path === path).map((e) => e.snapshot()); },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Logs one request: its body bytes are counted as the handler writes them (headers not
 * included); `cut` is true when the connection closed before the answer was written whole.
 */
function record(log, req, res, path) {
  const entry = { method: req.method, path, at: Date.now(), sent: 0, closedAt: null, cut: false };
  const count = (chunk, enc) => { if (chunk && typeof chunk !== 'function') entry.sent += Buffer.byteLength(chunk, typeof enc === 'string' ? enc : undefined); };
  const { write, end } = res;
  res.write = function (chunk, enc, cb) { count(chunk, enc); return write.call(this, chunk, enc, cb); };
  res.end = function (chunk, enc, cb) { count(chunk, enc); return end.call(this, chunk, enc, cb); };
  res.on('close', () => { entry.closedAt = Date.now(); entry.cut = !res.writableFinished; });
  entry.snapshot = () => ({ method: entry.method, path, status: res.headersSent ? res.statusCode : null, at: entry.at, closedAt: entry.closedAt, sent: entry.sent, cut: entry.cut });
  log.push(entry);
}

/**
 * Writes a body of `total` bytes (JSON whitespace after `head`) in `chunk`-byte pieces, each only
 * once the last one has drained into the socket: the server writes no faster than the client
 * reads, so what it has written when the client closes is what the client (its network stack
 * and the kernel's buffers between them) took in. Resolves when done or when the client went away.
 */
export function flood(res, total, head = '', chunk = 64 * 1024) {
  const first = Buffer.from(head);
  const fill = Buffer.alloc(chunk, 0x20);
  return new Promise((ok) => {
    let n = 0;
    const more = () => {
      while (!res.destroyed && n < total) {
        const piece = n === 0 && first.length ? first : fill.subarray(0, Math.min(chunk, total - n));
        n += piece.length;
        if (!res.write(piece)) { res.once('drain', more); return; }
      }
      if (!res.destroyed) res.end();
      ok();
    };
    res.on('close', ok);
    more();
  });
}

/** Writes `body` in `parts` pieces, `gap` ms apart; resolves when done or when the client went away. */
export function trickle(res, body, parts, gap) {
  const buf = Buffer.from(body);
  const size = Math.ceil(buf.length / parts);
  return new Promise((ok) => {
    let i = 0;
    const next = () => {
      if (res.destroyed || i * size >= buf.length) { if (!res.destroyed) res.end(); ok(); return; }
      res.write(buf.subarray(i * size, (i + 1) * size));
      i += 1;
      setTimeout(next, gap);
    };
    next();
  });
}
