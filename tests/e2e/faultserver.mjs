// A small HTTP server for the reliability tests: serves the built element
// (/pkg/, and /pkg-debug/ from scripts/build-debug.sh), the test pages (/e2e/)
// and the demo feeds (/feeds/), plus fault routes each test registers: status
// codes, answers that never come, wrong content types, trickling bodies,
// truncated and concatenated feeds. Its state lives in the test process, so a
// test can make a route recover and then press the chart's retry button.
// Every request is counted per path (without the query), for "one download" checks.

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
  const server = http.createServer((req, res) => {
    const path = req.url.split('?')[0];
    hits.set(path, (hits.get(path) || 0) + 1);
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
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((ok) => server.close(ok));
    },
  };
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
