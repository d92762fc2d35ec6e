// End-to-end tests of the feed format and of swapping data in a page: every
// example validated by an independent JSON Schema validator (ajv) and drawn;
// tabs, table-only charts, `src` swaps, the `feed` property, and `refresh`
// polling against a file that changes on the server.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ARTIFACTS, REPO, launch, settled, startServer, watch } from './helpers.mjs';

const live = mkdtempSync(join(tmpdir(), 'newschart-live-'));
let server;
let browser;
before(async () => { server = await startServer(['--mount', `/live=${live}`]); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); rmSync(live, { recursive: true, force: true }); });

/** Opens the blank test page and puts `html` (trusted test markup) into it. */
async function blank(page, html) {
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root, h) => { root.innerHTML = h; }, html);
}

const feeds = () => ['feeds', 'examples'].flatMap((d) => readdirSync(join(REPO, 'www', d)).filter((f) => f.endsWith('.json')).map((f) => join('www', d, f)));

test('every feed in www/ is valid against the generated JSON Schema (ajv)', () => {
  const schema = JSON.parse(readFileSync(join(REPO, 'www/schema/feed-v1.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const files = feeds();
  assert.ok(files.length >= 12, `found ${files.length} feeds`);
  for (const f of files) {
    const ok = validate(JSON.parse(readFileSync(join(REPO, f), 'utf8')));
    assert.ok(ok, `${f}: ${ajv.errorsText(validate.errors)}`);
  }
  // and the schema is not a rubber stamp: a wrong kind, a string value and a missing title fail
  const bad = { version: 1, datasets: [{ kind: 'pie3d', categories: ['a'], series: [{ name: 's', values: ['7.25万'] }] }] };
  assert.equal(validate(bad), false);
  const paths = validate.errors.map((e) => `${e.instancePath} ${e.message}`).join('\n');
  assert.match(paths, /\/datasets\/0\/kind/);
  assert.match(paths, /\/datasets\/0\/series\/0\/values\/0/);
  assert.match(paths, /title/);
});

test('the examples page draws every example with no console errors', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}examples.html`);
  const n = await page.$$eval('news-chart', (els) => els.length);
  await settled(page, n);
  const states = await page.$$eval('news-chart', (els) => els.map((e) => `${e.getAttribute('src')}=${e.getAttribute('data-state')}`));
  assert.ok(states.every((s) => s.endsWith('=ready')), states.join(', '));
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  // drawn charts have painted pixels; every chart has its data points
  for (const src of await page.$$eval('news-chart', (els) => els.map((e) => e.getAttribute('src')))) {
    const info = await page.$eval(`news-chart[src="${src}"]`, (el) => {
      const c = el.shadowRoot.querySelector('canvas');
      const plot = el.shadowRoot.querySelector('.nc-plot');
      let painted = 0;
      if (!plot.hidden && c.width) {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let k = 3; k < d.length; k += 4) if (d[k]) painted++;
      }
      return { points: el.points().length, painted, table: !el.shadowRoot.querySelector('.nc-table').hidden };
    });
    assert.ok(info.points > 0, `${src}: no data points`);
    assert.ok(info.table || info.painted > 500, `${src}: only ${info.painted} pixels painted`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'examples-page.png'), fullPage: true });
  await page.close();
});

test('a multi-dataset feed gets tabs that switch the chart; a dataset attribute picks one without tabs', async () => {
  const page = await browser.context.newPage();
  await blank(page, `<news-chart id="tabs" src="/examples/multi-dataset.json"></news-chart>
    <news-chart id="one" src="/examples/multi-dataset.json" dataset="hamlets"></news-chart>`);
  await settled(page, 2);
  const state = (id) => page.$eval(`#${id}`, (el) => ({
    tabs: [...el.shadowRoot.querySelectorAll('.nc-tab')].map((b) => `${b.textContent}:${b.getAttribute('aria-selected')}`),
    title: el.shadowRoot.querySelector('.nc-title').textContent,
    values: el.points().map((p) => p.value),
  }));
  const first = await state('tabs');
  assert.equal(first.tabs.length, 3);
  assert.equal(first.title, '已就业脱贫户7.25万人');
  assert.deepEqual(first.values, [72500]);
  await page.locator('#tabs .nc-tab').nth(1).click();
  const second = await state('tabs');
  assert.equal(second.title, '农村改厕');
  assert.deepEqual(second.values, [1960000, 54000]);
  assert.match(second.tabs[1], /:true$/);
  // arrow keys move between tabs
  await page.keyboard.press('ArrowRight');
  assert.deepEqual((await state('tabs')).values.length, 9);
  const one = await state('one');
  assert.deepEqual(one.tabs, []);
  assert.equal(one.values.length, 9);
  await page.close();
});

test('a table-only dataset shows a real table with caption, headers and formatted numbers', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}examples.html`);
  const n = await page.$$eval('news-chart', (els) => els.length);
  await settled(page, n);
  const table = await page.$eval('news-chart[src="examples/monitoring-table.json"]', (el) => {
    const t = el.shadowRoot.querySelector('.nc-table table');
    return {
      caption: t.querySelector('caption').textContent,
      head: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      plotHidden: el.shadowRoot.querySelector('.nc-plot').hidden,
    };
  });
  assert.equal(table.caption, '防返贫监测数字');
  assert.deepEqual(table.head, ['', '户', '人']);
  assert.deepEqual(table.rows[0], ['识别监测对象', '5,313', '13,968']);
  assert.equal(table.plotHidden, true);
  await page.close();
});

test('changing src reloads and redraws; the feed property takes a feed directly', async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}e2e/broken.html`);
  await settled(page, 4);
  await page.$eval('#missing', (el) => el.setAttribute('src', '/feeds/employment.json'));
  await page.waitForFunction(() => document.querySelector('#missing').getAttribute('data-state') === 'ready' && document.querySelector('#missing').points().length === 1);
  assert.deepEqual(await page.$eval('#missing', (el) => el.points().map((p) => p.valueText)), ['7.25万人']);
  assert.equal(await page.$eval('#missing', (el) => el.shadowRoot.querySelector('.nc-error').hidden), true);
  // a feed object, no fetch
  await page.$eval('#good', (el) => el.setFeed({ version: 1, datasets: [{ kind: 'bar', title: '直接给出的数据', unit: '个', categories: ['幸福屋场'], series: [{ name: '个数', values: [100] }] }] }));
  await page.waitForFunction(() => document.querySelector('#good').shadowRoot.querySelector('.nc-title').textContent === '直接给出的数据');
  assert.deepEqual(await page.$eval('#good', (el) => el.points().map((p) => p.valueText)), ['100个']);
  // and a bad one shows its problems in the box
  await page.$eval('#good', (el) => { el.feed = '{"version": 1, "datasets": [{"kind": "bar"}]}'; });
  await page.waitForFunction(() => document.querySelector('#good').getAttribute('data-state') === 'error' && document.querySelector('#good').getAttribute('aria-busy') === 'false');
  assert.match(await page.$eval('#good', (el) => el.shadowRoot.querySelector('.nc-error').textContent), /缺少必填字段 "title"/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('refresh polls the feed, redraws when it changes, and keeps the last good data when an update fails', async () => {
  const file = join(live, 'live.json');
  copyFileSync(join(REPO, 'www/feeds/toilets.json'), file);
  const page = await browser.context.newPage();
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/live/')) requests.push(r.headers()['if-none-match'] || ''); });
  await blank(page, '<news-chart id="c" src="/live/live.json" refresh="1"></news-chart>');
  await settled(page, 1);
  const values = () => page.$eval('#c', (el) => el.points().map((p) => p.value));
  assert.deepEqual(await values(), [1960000, 54000]);
  // unchanged: the poll is conditional (If-None-Match) and nothing is redrawn
  await page.waitForTimeout(2500);
  assert.ok(requests.length >= 2, `polled ${requests.length} times`);
  assert.ok(requests.slice(1).every((etag) => etag.startsWith('"')), `conditional polls: ${JSON.stringify(requests)}`);
  // the journalist saves a new number: the chart follows
  const feed = JSON.parse(readFileSync(file, 'utf8'));
  feed.datasets[0].series[0].values[1] = 60000;
  writeFileSync(file, JSON.stringify(feed));
  await page.waitForFunction(() => document.querySelector('#c').points().some((p) => p.value === 60000), null, { timeout: 10000 });
  assert.deepEqual(await values(), [1960000, 60000]);
  // a broken save: the old chart stays, with a line saying the update failed
  writeFileSync(file, '{"version": 1, "datasets": [');
  await page.waitForFunction(() => !document.querySelector('#c').shadowRoot.querySelector('.nc-stale').hidden, null, { timeout: 10000 });
  assert.deepEqual(await values(), [1960000, 60000]);
  assert.equal(await page.$eval('#c', (el) => el.getAttribute('data-state')), 'ready');
  assert.match(await page.$eval('#c', (el) => el.shadowRoot.querySelector('.nc-stale').textContent), /^更新失败，显示的是 \d\d:\d\d 的数据$/);
  // the file disappears (404): still the last good data
  rmSync(file);
  await page.waitForTimeout(2500);
  assert.deepEqual(await values(), [1960000, 60000]);
  // fixed again: the line goes away and the new data shows
  feed.datasets[0].series[0].values[1] = 61000;
  writeFileSync(file, JSON.stringify(feed));
  await page.waitForFunction(() => document.querySelector('#c').points().some((p) => p.value === 61000), null, { timeout: 10000 });
  assert.equal(await page.$eval('#c', (el) => el.shadowRoot.querySelector('.nc-stale').hidden), true);
  await page.screenshot({ path: join(ARTIFACTS, 'refresh.png') });
  await page.close();
});
