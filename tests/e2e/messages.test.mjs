// End-to-end tests of problems' words on a reader's page. The readers' wasm module leaves the
// words out (src/feed/problem.rs): a broken feed's problems come back located, as codes with
// parameters, and problems.js loads their words from pkg/problem-words.js (generated from the Rust
// catalogue, src/feed/catalogue.rs), never the builder's module (pkg/newschart_builder*). Good
// charts never load it; warnings never delay a drawing; the error box shows
// at once where the problems are, and takes their words in place once that file gives them
// (late words of a feed since replaced are dropped); and when it cannot load, the box still says
// where, with a generic sentence. All of this is problems.js, which view.js imports the first time
// a chart has problems to show: pages of good charts never load it, and when it cannot load, a
// broken chart still gets a box (its title, a sentence in both languages, the file, a retry button).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ARTIFACTS, REPO, launch, settled, startServer, watch } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const WORDS = '**/pkg/problem-words*';
const isWords = (url) => /\/pkg\/problem-words/.test(url);
const isBuilder = (url) => /newschart_builder/.test(url);

/**
 * A page with `html` (trusted test markup) in the blank test page; `wordsRequests` counts the
 * requests for the words file, `builderRequests` those for the builder module's files (never).
 */
async function open(html, route) {
  const page = await browser.context.newPage();
  const log = watch(page);
  const wordsRequests = [];
  const builderRequests = [];
  page.on('request', (r) => {
    if (isWords(r.url())) wordsRequests.push(r.url());
    if (isBuilder(r.url())) builderRequests.push(r.url());
  });
  if (route) await page.route(WORDS, route);
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root, h) => { root.innerHTML = h; }, html);
  return { page, log, wordsRequests, builderRequests };
}

const state = (page, id) => page.$eval(`#${id}`, (el) => el.getAttribute('data-state'));
const box = (page, id) => page.$eval(`#${id}`, (el) => { const b = el.shadowRoot.querySelector('.nc-error'); return b.hidden ? null : b.textContent; });
/** Waits (in node) until `ok()` holds, 20 s at most. */
async function waitFor(ok) {
  const deadline = Date.now() + 20000;
  while (!ok() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
}
const until = (page, id, s) => page.waitForFunction(([i, want]) => document.getElementById(i)?.getAttribute('data-state') === want, [id, s], { timeout: 20000 });
/** Waits until chart `id` shows its error box with the problems' words (aria-busy until they are in). */
const told = (page, id) => page.waitForFunction((i) => { const e = document.getElementById(i); return e?.getAttribute('data-state') === 'error' && e.getAttribute('aria-busy') === 'false'; }, id, { timeout: 20000 });
/** A route handler that holds the words file until `release()`; `held` counts those waiting. */
function holdWords() {
  const h = { held: 0 };
  const gate = new Promise((ok) => { h.release = ok; });
  h.route = async (route) => { h.held++; await gate; await route.continue(); };
  return h;
}

// a good feed with one warning: an unknown field on line 1
const WARNED = '{"version": 1, "datasets": [{"kind": "column", "title": "t", "colour": "red", "categories": ["a", "b"], "series": [{"name": "s", "values": [1, 2]}]}]}';

test('a broken feed gets its full zh/en messages, with path, line and column, from the words file, never the builder\'s module; good charts load neither', async () => {
  // a good chart alone: no words, no builder module
  const { page, log, wordsRequests, builderRequests } = await open('<news-chart id="good" src="/feeds/hamlets.json" height="200"></news-chart>');
  await until(page, 'good', 'ready');
  assert.deepEqual(wordsRequests, [], 'a good chart loaded the words file');
  assert.deepEqual(builderRequests, [], 'a good chart loaded the builder module');

  // a broken feed: the box and the console have the words and the place
  const events = [];
  await page.exposeFunction('__onError', (d) => events.push(d));
  await page.evaluate(() => document.addEventListener('newschart:error', (e) => window.__onError(e.detail)));
  await page.$eval('#root', (root) => root.insertAdjacentHTML('beforeend', '<news-chart id="bad" src="/e2e/feeds/missing-title.json" height="200"></news-chart>'));
  await told(page, 'bad');
  const text = await box(page, 'bad');
  assert.match(text, /datasets\[0\] \(第4行，第5列\)：缺少必填字段 "title"/, text);
  assert.ok(wordsRequests.some((u) => /problem-words\.js/.test(u)), `words file loaded: ${wordsRequests}`);
  const errors = log.console.filter((m) => m.type === 'error').map((m) => m.text).join('\n');
  assert.match(errors, /missing-title\.json:\n\s+datasets\[0\] \(第4行，第5列\): 缺少必填字段 "title"/, errors);
  await waitFor(() => events.length > 0);
  assert.equal(events.length, 1);
  assert.deepEqual(events[0].problems.map((p) => [p.path, p.line, p.column, p.zh, p.en]),
    [['datasets[0]', 4, 5, '缺少必填字段 "title"', 'required field "title" is missing']]);

  // a syntax error given with setFeed: line, column and serde_json's words
  await page.$eval('#good', (el) => el.setFeed('{"version": 1,\n "datasets": [,]}'));
  assert.equal(await state(page, 'good'), 'error');
  assert.match(await box(page, 'good'), /\(第2行，第15列\)：不是有效的 JSON：语法错误（expected value）/);

  // bad columns' words (normalized through the same rules in the large module's from_columns)
  await page.$eval('#good', (el) => el.setColumns({ title: 'x', locale: 'fr', x: [1, 2, 3], series: [{ name: 's', values: [1, 2, 3] }] }));
  assert.match(await box(page, 'good'), /datasets\[0\]\.locale.*不支持的语言 "fr"；可用：zh-CN、en/);
  // a broken feed on an article page never asks for the builder's module
  assert.deepEqual(builderRequests, [], 'the builder module was asked for');
  assert.deepEqual(log.errors, []);
  await page.screenshot({ path: join(ARTIFACTS, 'messages-lazy.png'), fullPage: true });
  await page.close();
});

test('the page words a problem as the CLI does: types by name, lists joined, JSON found (one catalogue, two copies)', async () => {
  // the CLI's words come from the Rust catalogue; the page's from problem-words.js, generated from it
  const file = 'tests/e2e/pages/feeds/mixed-problems.json';
  const cli = {};
  for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en']]) {
    const r = spawnSync('cargo', ['run', '-q', '--bin', 'newschart', '--', 'validate', '--locale', locale, file], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    // FILE:LINE:COLUMN: error: PATH (place): WORDS
    cli[lang] = r.stderr.trim().split('\n').map((l) => l.slice(l.indexOf(lang === 'zh' ? '列）：' : '): ') + (lang === 'zh' ? 3 : 3)));
  }
  assert.equal(cli.en.length, 3, cli.en.join('\n'));
  const { page, builderRequests } = await open('');
  const events = [];
  await page.exposeFunction('__onError', (d) => events.push(d));
  await page.evaluate(() => document.addEventListener('newschart:error', (e) => window.__onError(e.detail)));
  await page.$eval('#root', (root) => root.insertAdjacentHTML('beforeend', '<news-chart id="mixed" src="/e2e/feeds/mixed-problems.json" height="200"></news-chart>'));
  await told(page, 'mixed');
  await waitFor(() => events.length > 0);
  const problems = events[0].problems;
  assert.deepEqual(problems.map((p) => p.zh), cli.zh);
  assert.deepEqual(problems.map((p) => p.en), cli.en);
  // the event names each code (the module gives its number)
  assert.deepEqual(problems.map((p) => p.code), ['bad-decimals', 'wrong-type', 'unknown-highlight']);
  assert.deepEqual(builderRequests, [], 'the builder module was asked for');
  await page.close();
});

test('a warning never delays the drawing: it reaches the console once the words file gives its words', async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const { page, log } = await open('<news-chart id="w" height="200"></news-chart>', async (route) => { await held; await route.continue(); });
  await page.$eval('#w', (el, feed) => { el.setFeed(feed); }, WARNED);
  // drawn while the words file is still held back
  await until(page, 'w', 'ready');
  assert.equal(await page.$eval('#w', (el) => el.points().length), 2);
  assert.equal(log.console.filter((m) => m.type === 'warning').length, 0);
  release();
  await waitFor(() => log.console.some((m) => m.type === 'warning'));
  const warnings = log.console.filter((m) => m.type === 'warning').map((m) => m.text);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /datasets\[0\]\.colour \(第1行，第\d+列\): 未知字段 "colour"，已忽略/);
  await page.close();
});

test('when the words file cannot load, the box still says where, with a generic sentence', async () => {
  const { page, log, wordsRequests, builderRequests } = await open(
    '<news-chart id="bad" src="/e2e/feeds/missing-title.json" height="200"></news-chart><news-chart id="w" height="200"></news-chart>',
    (route) => route.abort());
  await told(page, 'bad');
  const text = await box(page, 'bad');
  assert.match(text, /datasets\[0\] \(第4行，第5列\)：此处有错误（详细说明未能加载）/, text);
  assert.ok(wordsRequests.length > 0, 'the words file was asked for');
  assert.deepEqual(builderRequests, [], 'the builder module was asked for');
  const errors = log.console.filter((m) => m.type === 'error').map((m) => m.text).join('\n');
  assert.match(errors, /datasets\[0\] \(第4行，第5列\): 此处有错误（详细说明未能加载）/, errors);
  // a warning too: logged with its place
  await page.$eval('#w', (el, feed) => el.setFeed(feed), WARNED);
  assert.equal(await state(page, 'w'), 'ready');
  await waitFor(() => log.console.some((m) => m.type === 'warning'));
  assert.match(log.console.find((m) => m.type === 'warning')?.text || '', /datasets\[0\]\.colour \(第1行，第\d+列\): 此处有警告（详细说明未能加载）/);
  assert.deepEqual(log.errors, []);
  await page.screenshot({ path: join(ARTIFACTS, 'messages-offline.png'), fullPage: true });
  await page.close();
});

test('the error box says where at once, before the words file has come, and takes its words in place once it has', async () => {
  const hold = holdWords();
  const { page, log } = await open('<news-chart id="bad" src="/e2e/feeds/missing-title.json" height="200"></news-chart>', hold.route);
  const events = [];
  await page.exposeFunction('__onError', (d) => events.push(d));
  await page.evaluate(() => document.addEventListener('newschart:error', (e) => window.__onError(e.detail)));
  // the words file is asked for and held back: the box is already there, located
  await page.waitForFunction(() => document.getElementById('bad')?.getAttribute('data-state') === 'error', null, { timeout: 5000 });
  await waitFor(() => hold.held > 0);
  assert.ok(hold.held > 0, 'the words file was asked for');
  assert.match(await box(page, 'bad'), /datasets\[0\] \(第4行，第5列\)：此处有错误（正在加载详细说明…）/);
  assert.equal(await page.$eval('#bad', (el) => el.getAttribute('aria-busy')), 'true', 'busy until the words are in');
  // neither the console nor the event yet: each problem is told once, with its words
  assert.equal(log.console.filter((m) => m.type === 'error').length, 0);
  assert.equal(events.length, 0);
  // from now on: every data-state and every hiding of the box, and where the box and its place are
  const before = await page.$eval('#bad', (el) => {
    const b = el.shadowRoot.querySelector('.nc-error');
    window.__seen = [];
    new MutationObserver((ms) => { for (const m of ms) window.__seen.push(`${m.attributeName}=${m.target.getAttribute(m.attributeName)}`); })
      .observe(el, { attributes: true, attributeFilter: ['data-state'] });
    new MutationObserver(() => { if (b.hidden) window.__seen.push('hidden'); }).observe(b, { attributes: true, attributeFilter: ['hidden'] });
    b.querySelector('li').__mark = 'first';
    return { box: b.getBoundingClientRect().top, code: b.querySelector('code').getBoundingClientRect().toJSON() };
  });

  hold.release();
  await told(page, 'bad');
  const text = await box(page, 'bad');
  assert.match(text, /datasets\[0\] \(第4行，第5列\)：缺少必填字段 "title"/, text);
  assert.doesNotMatch(text, /详细说明/);
  const after = await page.$eval('#bad', (el) => {
    const b = el.shadowRoot.querySelector('.nc-error');
    return { mark: b.querySelector('li').__mark, seen: window.__seen, box: b.getBoundingClientRect().top, code: b.querySelector('code').getBoundingClientRect().toJSON() };
  });
  assert.equal(after.mark, 'first', 'the same box, its words replaced in place');
  assert.deepEqual(after.seen.filter((x) => x !== 'data-state=error'), [], 'never back to loading, never hidden');
  assert.equal(after.box, before.box, 'the box did not move');
  assert.deepEqual(after.code, before.code, 'the location did not move');
  // now the console and the event, once, with the words
  await waitFor(() => events.length > 0);
  const errors = log.console.filter((m) => m.type === 'error').map((m) => m.text);
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /missing-title\.json:\n\s+datasets\[0\] \(第4行，第5列\): 缺少必填字段 "title"/);
  assert.equal(events.length, 1);
  assert.deepEqual(events[0].problems.map((p) => [p.path, p.line, p.column, p.zh]), [['datasets[0]', 4, 5, '缺少必填字段 "title"']]);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('late words lose: a chart given a new feed, or removed, while they load keeps its newer state', async () => {
  const hold = holdWords();
  const { page, log } = await open(['replaced', 'rebroken', 'removed', 'last']
    .map((id) => `<news-chart id="${id}" src="/e2e/feeds/missing-title.json" height="120"></news-chart>`).join(''), hold.route);
  const events = [];
  await page.exposeFunction('__onError', (d) => events.push(d));
  await page.evaluate(() => document.addEventListener('newschart:error', (e) => window.__onError([e.target.id, e.detail])));
  await page.waitForFunction(() => [...document.querySelectorAll('news-chart')].every((e) => e.getAttribute('data-state') === 'error'), null, { timeout: 5000 });
  // while the words load: a good feed, another broken feed (a syntax error), and a chart taken off the page
  await page.$eval('#replaced', (el) => el.setFeed({ version: 1, datasets: [{ kind: 'bar', title: 'good', categories: ['a'], series: [{ name: 's', values: [1] }] }] }));
  assert.equal(await state(page, 'replaced'), 'ready');
  await page.$eval('#rebroken', (el) => { el.setFeed('{"version": 1,\n "datasets": [,]}'); });
  await page.waitForFunction(() => /第2行，第15列/.test(document.getElementById('rebroken').shadowRoot.querySelector('.nc-error').textContent));
  await page.$eval('#removed', (el) => el.remove());

  hold.release();
  await told(page, 'last');
  await told(page, 'rebroken');
  await waitFor(() => events.length >= 2);
  await new Promise((done) => setTimeout(done, 300)); // room for any late words to (wrongly) land
  assert.equal(await state(page, 'replaced'), 'ready');
  assert.equal(await box(page, 'replaced'), null, 'no error box on the chart with the good feed');
  assert.equal(await page.$eval('#replaced', (el) => el.getAttribute('aria-busy')), 'false');
  assert.equal(await page.$eval('#replaced', (el) => el.points().length), 1);
  const rebroken = await box(page, 'rebroken');
  assert.match(rebroken, /\(第2行，第15列\)：不是有效的 JSON/, rebroken);
  assert.doesNotMatch(rebroken, /缺少必填字段|第4行/, 'the first feed\'s words did not land in the new box');
  // told once each, only for the feeds still shown
  assert.deepEqual(events.map(([id]) => id).sort(), ['last', 'rebroken']);
  const errors = log.console.filter((m) => m.type === 'error').map((m) => m.text);
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.equal(errors.filter((e) => /缺少必填字段 "title"/.test(e)).length, 1, errors.join('\n'));
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a page of good charts never asks for problems.js, nor the builder\'s module', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  const asked = log.requested;
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root) => {
    root.innerHTML = ['hamlets', 'toilets', 'employment'].map((f) => `<news-chart id="${f}" src="/feeds/${f}.json" height="200"></news-chart>`).join('');
  });
  await settled(page, 3);
  // a good feed given directly, another dataset, the table: still nothing to show
  await page.$eval('#hamlets', (el) => el.setFeed({ version: 1, datasets: [{ kind: 'bar', title: 'good', categories: ['a'], series: [{ name: 's', values: [1] }] }] }));
  await page.$eval('#toilets', (el) => el.shadowRoot.querySelector('.nc-tool').click());
  await new Promise((done) => setTimeout(done, 300)); // room for a (wrong) late request
  assert.deepEqual(await page.$$eval('news-chart', (els) => els.map((e) => e.getAttribute('data-state'))), ['ready', 'ready', 'ready']);
  assert.ok(asked.includes('/pkg/view.js') && asked.includes('/pkg/newschart_wasm_bg.wasm'), `the requests were seen: ${asked}`);
  assert.deepEqual(asked.filter((p) => /problems|newschart_builder/.test(p)), [], 'problems.js or the builder\'s module was asked for');
  assert.deepEqual(log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('when problems.js cannot load, a broken chart still gets a box with the file and a retry button, never a blank or loading chart', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  const blocked = [];
  await page.route('**/pkg/problems.js', (route) => { blocked.push(route.request().url()); return route.abort(); });
  await page.goto(`${server.url}e2e/blank.html`);
  // a broken feed, a feed that is not there (HTTP 404), and a good chart given a broken feed
  await page.$eval('#root', (root) => {
    root.innerHTML = '<news-chart id="bad" src="/e2e/feeds/missing-title.json" height="200"></news-chart>'
      + '<news-chart id="gone" src="/e2e/feeds/not-there.json" height="200"></news-chart>'
      + '<news-chart id="good" src="/feeds/hamlets.json" height="200"></news-chart>';
  });
  await told(page, 'bad');
  await told(page, 'gone');
  await until(page, 'good', 'ready');
  await page.$eval('#good', (el) => el.setFeed('{"version": 1,\n "datasets": [,]}'));
  await told(page, 'good');
  assert.ok(blocked.length > 0, 'problems.js was asked for');
  const NO_DETAILS = '数据有误，详细说明未能加载 / the data has problems; the details could not be loaded';
  for (const [id, file] of [['bad', '/e2e/feeds/missing-title.json'], ['gone', '/e2e/feeds/not-there.json'], ['good', '/feeds/hamlets.json']]) {
    const shown = await page.$eval(`#${id}`, (el) => {
      const r = el.shadowRoot;
      const b = r.querySelector('.nc-error');
      return { box: b.hidden ? null : b.textContent, retry: b.querySelector('button')?.textContent, status: r.querySelector('.nc-status').hidden, height: b.getBoundingClientRect().height };
    });
    assert.ok(shown.box?.startsWith('图表无法显示'), `${id}: ${shown.box}`);
    assert.ok(shown.box.includes(NO_DETAILS), `${id}: ${shown.box}`);
    assert.ok(shown.box.includes(`数据文件：${file}`), `${id}: ${shown.box}`);
    assert.equal(shown.retry, '重试', id);
    assert.equal(shown.status, true, `${id}: the loading line is gone`);
    assert.ok(shown.height > 40, `${id}: the box is shown (${shown.height} px)`);
  }
  const errors = log.console.filter((m) => m.type === 'error').map((m) => m.text).join('\n');
  assert.match(errors, /missing-title\.json: 数据有误，详细说明未能加载/, errors);
  // the retry button loads again (and, problems.js still blocked, ends in the same box)
  await page.$eval('#bad', (el) => el.shadowRoot.querySelector('.nc-error button').click());
  await told(page, 'bad');
  assert.ok((await box(page, 'bad'))?.includes(NO_DETAILS));
  assert.deepEqual(log.errors, []);
  await page.screenshot({ path: join(ARTIFACTS, 'messages-no-problems-module.png'), fullPage: true });
  await page.close();
});
