// Network faults, end to end: each ends in a loading state, then either the
// chart or a clear error with a retry button, never a hang; and retry after
// the server recovers draws the chart. Fault routes come from faultserver.mjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, launch, watch } from './helpers.mjs';
import { flood, startFaultServer, trickle } from './faultserver.mjs';

const FEED = readFileSync(join(REPO, 'www', 'feeds', 'hamlets.json'), 'utf8');
const NEWER = FEED.replace('"醴陵市"', '"醴陵"');
const json = (res, body = FEED, extra = {}) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
};

let server;
let other; // a second origin, for CORS
let browser;
let page;
before(async () => {
  [server, other, browser] = await Promise.all([startFaultServer(), startFaultServer(), launch()]);
  page = await browser.context.newPage();
  await page.goto(`${server.url}e2e/harness.html`);
  await page.waitForFunction(() => window.__ready === true);
});
after(async () => { await browser?.close(); await server?.close(); await other?.close(); });

/** Replaces the page's charts with one that has these attributes (in the viewport, so it
 * loads at once); records every data-state it goes through. */
async function mount(id, attrs) {
  await page.evaluate(([id, attrs]) => {
    for (const old of document.querySelectorAll('news-chart')) old.remove();
    const el = document.createElement('news-chart');
    el.id = id;
    window.__states ||= {};
    const states = (window.__states[id] = []);
    new MutationObserver(() => {
      const s = el.getAttribute('data-state');
      if (states[states.length - 1] !== s) states.push(s);
    }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.body.append(el);
  }, [id, attrs]);
}

/** Waits (bounded, generously) until the chart is ready or failed (an error box with its problems' words: aria-busy until then); returns the outcome. */
async function outcome(id) {
  await page.waitForFunction((id) => {
    const el = document.getElementById(id);
    return ['ready', 'error'].includes(el?.getAttribute('data-state')) && el.getAttribute('aria-busy') === 'false';
  }, id, { timeout: 30000 });
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    const box = el.shadowRoot.querySelector('.nc-error');
    return {
      state: el.getAttribute('data-state'),
      states: window.__states[id].filter((s) => s !== 'idle'),
      error: box && !box.hidden ? box.textContent : null,
      retry: !!(box && !box.hidden && box.querySelector('button')),
      points: el.points().length,
    };
  }, id);
}

/** Asserts a clear error: loading first, then the error box with `words` and a retry button. */
async function failsWith(id, words) {
  const o = await outcome(id);
  assert.equal(o.state, 'error', `${id}: ${JSON.stringify(o)}`);
  assert.equal(o.states[0], 'loading', `${id}: went through ${o.states}`);
  assert.match(o.error, words, id);
  assert.ok(o.retry, `${id}: a retry button`);
  return o;
}

async function draws(id) {
  const o = await outcome(id);
  assert.equal(o.state, 'ready', `${id}: ${JSON.stringify(o)}`);
  assert.equal(o.states[0], 'loading', `${id}: went through ${o.states}`);
  assert.equal(o.points, 9, id);
  return o;
}

async function retry(id) {
  await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.nc-error button').click(), id);
}

test('404 and 500 end in an error box; retry after the server recovers draws the chart', async () => {
  server.route('/f/404', (req, res) => { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('no'); });
  await mount('c404', { src: '/f/404' });
  await failsWith('c404', /\/f\/404.*the server answered 404/);

  let healthy = false;
  server.route('/f/flaky', (req, res) => {
    if (healthy) return json(res);
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('boom');
  });
  await mount('c500', { src: '/f/flaky' });
  await failsWith('c500', /the server answered 500/);
  healthy = true;
  await retry('c500');
  await draws('c500');
});

test('a feed that never answers is aborted after the timeout attribute; retry works', async () => {
  let answer = false;
  const hanging = [];
  server.route('/f/hang', (req, res) => { if (answer) json(res); else hanging.push(res); });
  const log = watch(page);
  await mount('hang', { src: '/f/hang', timeout: '1.5' });
  const o = await failsWith('hang', /no answer after 1\.5 s, request aborted/);
  assert.deepEqual(o.states, ['loading', 'error']);
  assert.ok(log.console.some((m) => m.type === 'error' && /no answer after 1\.5 s/.test(m.text)));
  answer = true;
  await retry('hang');
  await draws('hang');
  for (const r of hanging) r.destroy();
});

test('content types: JSON as text/plain, octet-stream or none is read; an HTML page is refused', async () => {
  const cases = [['text/plain; charset=utf-8', true], ['application/octet-stream', true], [null, true], ['application/feed+json', true], ['text/html; charset=utf-8', false]];
  for (const [i, [type, ok]] of cases.entries()) {
    server.route(`/f/type${i}`, (req, res) => {
      const headers = { 'Content-Length': Buffer.byteLength(FEED) };
      if (type) headers['Content-Type'] = type;
      res.writeHead(200, headers);
      res.end(FEED);
    });
    await mount(`type${i}`, { src: `/f/type${i}` });
    if (ok) await draws(`type${i}`);
    else await failsWith(`type${i}`, /the server sent a web page \(text\/html; charset=utf-8\), not a JSON feed/);
  }
  // a login wall or a wrong address: HTML with status 200 and a body that is not JSON either way
  server.route('/f/login', (req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end('<!doctype html><title>Sign in</title>'); });
  await mount('login', { src: '/f/login' });
  await failsWith('login', /web page \(text\/html\)/);
});

test('a cross-origin feed without Access-Control-Allow-Origin is a clear error; with it, it draws', async () => {
  other.route('/f/nocors', (req, res) => json(res));
  other.route('/f/cors', (req, res) => json(res, FEED, { 'Access-Control-Allow-Origin': '*' }));
  await mount('nocors', { src: `${other.url}f/nocors` });
  await failsWith('nocors', /network error or blocked by the browser \(CORS\)/);
  assert.ok(other.hits('/f/nocors') >= 1, 'the request did reach the other origin');
  await mount('cors', { src: `${other.url}f/cors` });
  await draws('cors');
});

test('a trickling feed draws when it arrives within the timeout, and fails when it does not', async () => {
  // 10 pieces 150 ms apart: 1.5 s in all, within a 10 s timeout
  server.route('/f/trickle', (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); trickle(res, FEED, 10, 150); });
  await mount('trickle', { src: '/f/trickle', timeout: '10' });
  await draws('trickle');
  // 40 pieces 250 ms apart: 10 s, past a 1.5 s timeout (the headers came at once: the body times out)
  server.route('/f/crawl', (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); trickle(res, FEED, 40, 250); });
  await mount('crawl', { src: '/f/crawl', timeout: '1.5' });
  await failsWith('crawl', /no answer after 1\.5 s, request aborted/);
});

test('a feed that changes while it loads ends in a clear error, never a hang', async () => {
  // the connection drops halfway through (the file was being replaced)
  server.route('/f/truncated', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(FEED) });
    res.write(FEED.slice(0, 300));
    setTimeout(() => res.destroy(), 100);
  });
  await mount('truncated', { src: '/f/truncated', timeout: '10' });
  await failsWith('truncated', /network error/);
  // the old file's bytes followed by the new file's: JSON with trailing characters
  server.route('/f/concatenated', (req, res) => json(res, FEED + NEWER));
  await mount('concatenated', { src: '/f/concatenated' });
  await failsWith('concatenated', /not valid JSON: trailing characters/);
  // the first half of the old file and the second half of the new one
  const half = Math.floor(FEED.length / 2);
  server.route('/f/spliced', (req, res) => json(res, FEED.slice(0, half) + NEWER.slice(half - 8)));
  await mount('spliced', { src: '/f/spliced' });
  await failsWith('spliced', /not valid JSON/);
  // once the new file is whole, retry draws it
  server.route('/f/spliced', (req, res) => json(res, NEWER));
  await retry('spliced');
  await draws('spliced');
  assert.equal(await page.evaluate(() => document.getElementById('spliced').points()[0].category), '醴陵');
});

test('the limits are attributes, and the error names the one that was hit', async () => {
  // max-bytes, announced by Content-Length …
  server.route('/f/big', (req, res) => json(res));
  await mount('bytes1', { src: '/f/big', 'max-bytes': '500' });
  await failsWith('bytes1', /file larger than the limit of 500 bytes \(max-bytes\)/);
  // … or not (chunked): reading stops past the limit
  server.route('/f/chunked', (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); trickle(res, FEED, 4, 10); });
  await mount('bytes2', { src: '/f/chunked', 'max-bytes': '500' });
  await failsWith('bytes2', /file larger than the limit of 500 bytes \(max-bytes\)/);
  // max-points: 9 values, at most 5
  await mount('points', { src: '/f/big', 'max-points': '5' });
  await failsWith('points', /too many data points: 9, the limit is 5 \(max_points\)/);
  // and within both, the chart draws
  await mount('within', { src: '/f/chunked', 'max-bytes': String(Buffer.byteLength(FEED)), 'max-points': '9' });
  await draws('within');
});

/** Polls `get()` every 100 ms until it returns something truthy; fails with `what` after `ms`. */
async function until(get, what, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) assert.fail(`${what}: not after ${ms / 1000} s`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

test('max-bytes stops the download: the server sees the connection closed near the limit, never the whole body', async (t) => {
  const TOTAL = 512 * 1024 * 1024;
  const CHUNK = 64 * 1024; // flood's piece: the server may have one more written than the socket took
  const big = (headers) => (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json', ...headers }); flood(res, TOTAL, '{"version": 1, "datasets": [', CHUNK); };
  // What may be in flight when the chart cancels: the buffers between this server and the page fill
  // faster than the cancel travels (on the loopback, megabytes in a few ms). Measured here: an
  // unread download stalls once the browser's network stack (its socket reads and the pipe to the
  // page) and the kernel's buffers are full, after 5.4 to 22.7 MB (the kernel grows its buffers
  // as the browser reads); a chart that cancelled at the limit had let 0.2 to 9.6 MB be written.
  // The allowance is a bound, not a guess: the stall measured now (the browser's buffers, full)
  // plus the most the kernel's send and receive buffers may grow to (the third figure of
  // net.ipv4.tcp_wmem and tcp_rmem). The whole body is eight times that or more.
  server.route('/f/held', big({}));
  await page.evaluate(async () => { window.__held = new AbortController(); window.__heldRes = await fetch('/f/held', { signal: window.__held.signal }); });
  let last = -1;
  let still = 0;
  const held = await until(() => {
    const { sent } = server.log('/f/held')[0];
    still = sent === last ? still + 1 : 0;
    last = sent;
    return still >= 15 && sent; // unchanged for 1.5 s: the buffers are full
  }, 'the unread download to fill the buffers and stall', 60000);
  await page.evaluate(() => window.__held.abort());
  await until(() => server.log('/f/held')[0].closedAt, 'the aborted download to close');
  const kernel = ['tcp_wmem', 'tcp_rmem'].map((f) => Number(readFileSync(`/proc/sys/net/ipv4/${f}`, 'utf8').trim().split(/\s+/)[2]));
  const slack = held + kernel[0] + kernel[1] + CHUNK;
  t.diagnostic(`an unread download stalls after ${held} bytes; kernel buffers up to ${kernel.join(' + ')}; allowed past the limit: ${slack} of ${TOTAL}`);
  assert.ok(1e6 + slack < TOTAL / 8, `the buffers may hold ${slack} bytes: too much to tell a stopped download from a whole one`);

  for (const [name, headers] of [['length', { 'Content-Length': TOTAL }], ['chunked', {}]]) {
    for (const max of [500, 1000000]) {
      const path = `/f/flood-${name}-${max}`;
      server.route(path, big(headers));
      await mount(`flood-${name}-${max}`, { src: path, 'max-bytes': String(max) });
      await failsWith(`flood-${name}-${max}`, new RegExp(`file larger than the limit of ${max} bytes \\(max-bytes\\)`));
      // a chart that only stops reading leaves the connection open, stalled with full buffers
      const e = await until(() => server.log(path)[0].closedAt && server.log(path)[0], `${path}: the browser to close the connection (${server.log(path)[0].sent} bytes written so far)`);
      t.diagnostic(`${path}: closed after ${e.sent} bytes, ${e.closedAt - e.at} ms`);
      assert.equal(e.cut, true, `${path}: closed before the whole body was written`);
      assert.ok(e.sent <= max + slack, `${path}: ${e.sent} bytes written before the browser closed, more than ${max} + ${slack}`);
    }
  }
});

test('bytes that are not UTF-8 show as U+FFFD, as Response.text() decodes them; a BOM is skipped', async () => {
  const gbk = readFileSync(join(REPO, 'tests', 'fixtures', 'bad', 'invalid-utf8.json'));
  server.route('/f/gbk', (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': gbk.length }); res.end(gbk); });
  await mount('gbk', { src: '/f/gbk' });
  const o = await outcome('gbk');
  assert.equal(o.state, 'ready', JSON.stringify(o));
  const cats = await page.evaluate(() => document.getElementById('gbk').points().map((p) => p.category));
  assert.match(cats[0], /^\uFFFD+$/, 'the GBK bytes of 醴陵 became replacement characters');
  assert.equal(cats[1], 'b');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FEED)]);
  server.route('/f/bom', (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bom.length }); res.end(bom); });
  await mount('bom', { src: '/f/bom' });
  await draws('bom');
});

test('refresh after a 404: the server saw the 404 poll, the chart kept its data and said so, and the next good poll updates it', async () => {
  const ds = JSON.parse(FEED).datasets[0];
  let body = FEED;
  let gone = false;
  const etag = () => `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
  server.route('/f/poll', (req, res) => {
    if (gone) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); return; }
    if (req.headers['if-none-match'] === etag()) { res.writeHead(304, { ETag: etag() }); res.end(); return; }
    json(res, body, { ETag: etag() });
  });
  const polls = () => server.log('/f/poll').filter((e) => e.closedAt);
  await mount('poll', { src: '/f/poll', refresh: '1' });
  await draws('poll');
  // what a reader sees: the state, every point's category, value and text, the chart's
  // description, the table and the line under the chart (the drawing itself is redrawn a line
  // shorter to make room for that line, so its pixels are not compared)
  const shown = () => page.evaluate(() => {
    const el = document.getElementById('poll');
    const root = el.shadowRoot;
    const canvas = root.querySelector('canvas');
    const stale = root.querySelector('.nc-stale');
    return {
      state: el.getAttribute('data-state'),
      points: el.points().map((p) => [p.category, p.value]),
      texts: el.points().map((p) => p.label),
      label: canvas.getAttribute('aria-label'),
      table: [...root.querySelectorAll('.nc-table tbody tr:not(.nc-gap)')].map((tr) => [...tr.children].map((c) => c.textContent)),
      stale: stale.hidden ? null : stale.textContent,
    };
  });
  // the table open (the Table button), as a reader reading the numbers would have it
  await page.$eval('#poll', (el) => el.shadowRoot.querySelector('.nc-tool').click());
  await page.waitForFunction(() => document.getElementById('poll').shadowRoot.querySelectorAll('.nc-table tbody tr').length === 9, null, { timeout: 15000 });
  const before = await shown();
  assert.deepEqual(before.table.map((r) => r[0]), ds.categories, 'the table has a row per category');
  assert.deepEqual(before.points, ds.categories.map((c, i) => [c, ds.series[0].values[i]]), 'the feed is drawn');
  assert.equal(before.stale, null);
  // a poll that found the feed unchanged, then the file goes away
  await until(() => polls().length >= 2, 'a second poll');
  gone = true;
  await until(() => polls().some((e) => e.status === 404), 'a poll answered 404');
  // the failed poll's outcome: the line under the chart, or (a chart that dropped its data) any other state
  await page.waitForFunction(() => {
    const el = document.getElementById('poll');
    return !el.shadowRoot.querySelector('.nc-stale').hidden || el.getAttribute('data-state') !== 'ready';
  }, null, { timeout: 15000 }).catch(() => assert.fail('no line under the chart saying the update failed, 15 s after the 404'));
  const log = polls();
  const first404 = log.findIndex((e) => e.status === 404);
  const good = log.slice(0, first404);
  assert.deepEqual(log.map((e) => e.method), log.map(() => 'GET'));
  assert.equal(good[0].status, 200, `the first read: ${JSON.stringify(log)}`);
  assert.ok(good.length >= 2 && good.every((e) => e.status === 200 || e.status === 304), `good polls, then the 404: ${log.map((e) => e.status)}`);
  assert.ok(log.every((e, k) => k === 0 || e.at >= log[k - 1].at), 'the log is in time order');
  assert.ok(log[first404].at >= good[good.length - 1].closedAt, 'the 404 poll came after the last good answer');
  // the chart kept its data: the same points, texts, description and table, still "ready",
  // with the line the README promises, naming the time of the last good read
  const during = await shown();
  assert.equal(during.state, 'ready', 'the chart is still there');
  assert.deepEqual(during.points, before.points);
  assert.deepEqual(during.texts, before.texts);
  assert.equal(during.label, before.label);
  assert.deepEqual(during.table, before.table);
  const hhmm = (t) => new Date(t).toTimeString().slice(0, 5);
  const last = good[good.length - 1];
  const times = [hhmm(last.at), hhmm(last.closedAt), hhmm(last.closedAt + 2000)];
  const m = /^更新失败，显示的是 (\d\d:\d\d) 的数据$/.exec(during.stale);
  assert.ok(m && times.includes(m[1]), `the line under the chart: ${during.stale} (the last good answer came at ${times[1]})`);
  // the file comes back, changed: the next good poll draws it and the line goes away
  body = NEWER;
  gone = false;
  const back = await until(() => polls().find((e, k) => k > first404 && e.status === 200), 'a good poll after the 404');
  assert.ok(polls().slice(first404, polls().indexOf(back)).every((e) => e.status === 404));
  await page.waitForFunction(() => {
    const el = document.getElementById('poll');
    return el.points()[0]?.category === '醴陵' && el.shadowRoot.querySelector('.nc-stale').hidden;
  }, null, { timeout: 15000 });
  const after = await shown();
  assert.deepEqual(after.points, JSON.parse(NEWER).datasets[0].categories.map((c, i) => [c, ds.series[0].values[i]]));
  assert.equal(after.state, 'ready');
});
