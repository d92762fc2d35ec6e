// The builder's publishing step: a new chart speaks the builder's language; no snippet is offered
// without a valid feed at a readable address (the snippet area says what to fix); a feed on another
// origin without Access-Control-Allow-Origin is explained in plain words (zh and en); and a snippet
// copied from the local builder draws in a page served from another origin (serve.py's CORS).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, launch, startServer, watch } from './helpers.mjs';
import { startFaultServer } from './faultserver.mjs';

let server;
let other; // a second origin: the feed's host, and the article page's
before(async () => { server = await startServer(); other = await startFaultServer(); });
after(async () => { server?.close(); await other?.close(); });

const CSV = readFileSync(join(REPO, 'tests', 'fixtures', 'csv', 'gbk-excel.csv'));
const FEED = readFileSync(join(REPO, 'www', 'feeds', 'toilets.json'), 'utf8');

async function builder(lang) {
  const b = await launch({ viewport: { width: 1800, height: 1100 }, reducedMotion: 'reduce' });
  const page = await b.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}builder.html`);
  await page.waitForSelector('body[data-ready]');
  if (lang) await page.click(`button[data-lang="${lang}"]`);
  return { ...b, page, log };
}
const why = (page) => page.textContent('#snippet-why');
const offered = (page) => page.$eval('#snippets', (s) => !s.hidden && document.querySelector('#snippet-element').value !== '');

test('a new chart follows the builder\'s language; no snippet without a valid feed; a missing CORS header is explained', { timeout: 120000 }, async () => {
  other.route('/f/nocors.json', (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(FEED); });
  other.route('/f/cors.json', (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }); res.end(FEED); });
  for (const lang of ['en', 'zh']) {
    const { page, log, close } = await builder(lang);
    try {
      // nothing yet: no snippet, and the area says where to start
      assert.equal(await offered(page), false);
      assert.match(await why(page), lang === 'en' ? /No data yet/ : /还没有数据/);
      // a CSV with a bad cell: still none, and the area says to fix the data
      await page.fill('#csv', '县市区,户数\n醴陵市,120\n攸县,很多\n');
      await page.waitForSelector('#csv-msgs li');
      assert.equal(await offered(page), false);
      assert.match(await why(page), lang === 'en' ? /errors/ : /错误/);
      // a good file: the chart is in the builder's language
      await page.setInputFiles('#csv-file', { name: 'toilets.csv', mimeType: 'text/csv', buffer: CSV });
      await page.waitForFunction(() => document.querySelector('#preview-desktop').getAttribute('data-state') === 'ready' && document.querySelector('#preview-desktop').points().length === 3);
      const label = await page.$eval('#preview-desktop', (el) => el.points()[0].label);
      if (lang === 'en') assert.match(label, /^醴陵市: /, `an English chart: ${label}`); else assert.match(label, /^醴陵市：/, label);
      assert.equal(await page.$eval('#f-locale', (s) => s.value), '', 'the chart language field is not forced');
      // no address yet: no snippet, the area and the field say what is missing
      assert.equal(await offered(page), false);
      assert.match(await why(page), lang === 'en' ? /address/ : /地址/);
      // another origin that sends no Access-Control-Allow-Origin: explained, no snippet
      await page.fill('#feed-url', `${other.url}f/nocors.json`);
      await page.waitForFunction(() => /Access-Control-Allow-Origin/.test(document.querySelector('#snippet-why').textContent));
      const text = await why(page);
      assert.match(text, lang === 'en' ? /sends no Access-Control-Allow-Origin header.*empty chart.*"Access-Control-Allow-Origin: \*"/ : /没有发送 Access-Control-Allow-Origin.*空白图表.*Access-Control-Allow-Origin: \*/);
      assert.match(text, new RegExp(`127\\.0\\.0\\.1:${other.port}`), 'names the server');
      assert.equal(await offered(page), false);
      assert.equal(await page.getAttribute('#feed-url', 'aria-invalid'), 'true');
      assert.ok(other.hits('/f/nocors.json') >= 1, 'the builder asked that server');
      // with the header: the snippets
      await page.fill('#feed-url', `${other.url}f/cors.json`);
      await page.waitForFunction(() => document.querySelector('#snippet-element').value.includes('/f/cors.json'));
      assert.equal(await why(page), '');
      assert.equal(await offered(page), true);
      // a server that does not answer at all is said so, not blamed on CORS
      await page.fill('#feed-url', 'http://127.0.0.1:9/feed.json');
      await page.waitForFunction(() => document.querySelector('#snippet-why').textContent !== '' && !/Checking|正在检查/.test(document.querySelector('#snippet-why').textContent), null, { timeout: 20000 });
      assert.doesNotMatch(await why(page), /Access-Control/);
      assert.match(await why(page), lang === 'en' ? /cannot be opened/ : /打不开/);
      assert.deepEqual(log.errors, []);
    } finally {
      await close();
    }
  }
});

test('a snippet copied from the local builder draws in a page of another origin', { timeout: 120000 }, async () => {
  const { page, close } = await builder('en');
  try {
    await page.click('#tab-url');
    await page.fill('#url', '/feeds/toilets.json');
    await page.click('#load');
    await page.waitForFunction(() => document.querySelector('#snippet-element').value.includes('/feeds/toilets.json'));
    const snippet = await page.$eval('#snippet-element', (t) => t.value);
    assert.match(snippet, new RegExp(`src="${server.url}pkg/newschart\\.js"`));
    // the article page, on the other server (another port: another origin)
    other.route('/article.html', (req, res) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>article</title></head><body>\n${snippet}\n</body></html>`); });
    const p = await page.context().newPage();
    const log = watch(p);
    await p.goto(`${other.url}article.html`);
    await p.waitForFunction(() => document.querySelector('news-chart')?.getAttribute('data-state') === 'ready', null, { timeout: 20000 });
    assert.equal(await p.$eval('news-chart', (el) => el.points().length), 2);
    assert.deepEqual(log.failed, []);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});
