// The builder's import step on real files (tests/fixtures/csv: vega-datasets' Seattle weather,
// 1,461 days with a text column; Iowa electricity, a long table; a statistics-style workbook): the
// columns switched on and off with the preview following; a long table pivoted in one click; a
// typo shown as a red cell in the data grid and fixed in place, the fix kept through a column
// switch and with the title typed before it; many bad cells of a column told as one problem whose
// button leaves the column out; a workbook's sheet chosen; a series highlighted.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, REPO, launch, startServer, watch } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.close());

const FIXTURES = join(REPO, 'tests', 'fixtures', 'csv');
const SEATTLE = readFileSync(join(FIXTURES, 'seattle-weather.csv'), 'utf8');
const seattleRows = SEATTLE.trim().split('\n').map((l) => l.split(','));

async function builder() {
  const b = await launch({ viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
  const page = await b.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}builder.html`);
  await page.waitForSelector('body[data-ready]');
  await page.click('button[data-lang="en"]');
  return { ...b, page, log };
}
const upload = (page, name, text) => page.setInputFiles('#csv-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
/** The series the desktop preview draws (its legend), once it is ready with `n` of them. */
const series = async (page, n) => {
  await page.waitForFunction((k) => {
    const el = document.querySelector('#preview-desktop');
    return !el.hidden && el.getAttribute('data-state') === 'ready' && el.shadowRoot.querySelectorAll('.nc-legend .nc-key').length === k;
  }, n);
  return page.$eval('#preview-desktop', (el) => [...el.shadowRoot.querySelectorAll('.nc-legend .nc-key')].map((k) => k.textContent.trim()));
};
const msgs = (page) => page.$$eval('#csv-msgs li', (lis) => lis.map((l) => l.textContent));

test('Seattle weather: one item for its text column, columns switched on and off, the preview follows', { timeout: 120000 }, async () => {
  const { page, log, close } = await builder();
  try {
    await upload(page, 'seattle-weather.csv', SEATTLE);
    assert.deepEqual(await series(page, 4), ['precipitation', 'temp_max', 'temp_min', 'wind']);
    const list = await msgs(page);
    assert.ok(list.length <= 2, `a few items, not one per row: ${list.length}`);
    assert.equal(list.filter((m) => /weather/.test(m)).length, 1, list.join('\n'));
    assert.equal(await page.$eval('#col-5', (c) => [c.checked, c.disabled].join()), 'false,true', 'the text column is off and cannot make a series');
    await page.click('#col-4'); // wind off
    assert.deepEqual(await series(page, 3), ['precipitation', 'temp_max', 'temp_min']);
    await page.click('#col-1'); // precipitation off
    assert.deepEqual(await series(page, 2), ['temp_max', 'temp_min']);
    await page.click('#col-4'); // wind on again
    assert.deepEqual(await series(page, 3), ['temp_max', 'temp_min', 'wind']);
    // highlight one series: written in the feed as `highlight`
    await page.check('#f-highlight-0');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const feed = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(feed.datasets[0].highlight, ['temp_max']);
    assert.equal(feed.datasets[0].categories?.length ?? feed.datasets[0].series[0].values.length, 1461);
    await page.screenshot({ path: join(ARTIFACTS, 'builder-import-seattle.png'), fullPage: true });
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test('a typo is a red cell fixed in place; the fix and the typed title survive a column switch', { timeout: 120000 }, async () => {
  const { page, log, close } = await builder();
  try {
    // the typo, in the real file: row 5 (2012-01-04), temp_max 12.2 typed as 12.2o
    const rows = seattleRows.map((r) => r.slice());
    assert.equal(rows[4][2], '12.2');
    rows[4][2] = '12.2o';
    await upload(page, 'seattle-typo.csv', `${rows.map((r) => r.join(',')).join('\n')}\n`);
    await page.waitForSelector('#grid td.bad input');
    const bad = await page.$$eval('#grid td.bad input', (ins) => ins.map((i) => [i.dataset.cell, i.value, i.getAttribute('aria-invalid')]));
    assert.deepEqual(bad, [['5:2', '12.2o', 'true']], 'one red cell: file row 5, the temp_max column');
    assert.match((await msgs(page)).join('\n'), /12\.2o/);
    assert.equal(await page.$eval('#preview-desktop', (e) => e.hidden), true, 'no chart of data that did not convert');
    await page.fill('#f-title', 'Seattle, typed before the fix');
    await page.fill('#grid td.bad input', '12.2');
    await page.press('#grid td.bad input', 'Enter');
    assert.deepEqual(await series(page, 4), ['precipitation', 'temp_max', 'temp_min', 'wind']);
    const value = () => page.$eval('#preview-desktop', (el) => {
      const n = el.shadowRoot.querySelectorAll('.nc-legend .nc-key').length;
      const ti = [...el.shadowRoot.querySelectorAll('.nc-legend .nc-key')].findIndex((k) => k.textContent.trim() === 'temp_max');
      return el.point(3 * n + ti)?.value; // day 4, temp_max (points numbered x × series + series)
    });
    assert.equal(await value(), 12.2);
    assert.equal(await page.$eval('#grid td.edited input', (i) => i.value), '12.2', 'the fixed cell stays in the grid, marked');
    // a column switch converts again: the fix, and the title, are still there
    await page.click('#col-4');
    assert.deepEqual(await series(page, 3), ['precipitation', 'temp_max', 'temp_min']);
    assert.equal(await value(), 12.2);
    assert.equal(await page.$eval('#f-title', (i) => i.value), 'Seattle, typed before the fix');
    await page.waitForFunction(() => document.querySelector('#preview-desktop').shadowRoot.querySelector('.nc-title').textContent === 'Seattle, typed before the fix');
    // and a reload
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    assert.deepEqual(await series(page, 3), ['precipitation', 'temp_max', 'temp_min']);
    assert.equal(await value(), 12.2);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test('many bad cells in a column are one problem, and its button leaves the column out', { timeout: 120000 }, async () => {
  const { page, log, close } = await builder();
  try {
    // wind written as words on every third day: 487 cells that are not numbers
    const rows = seattleRows.map((r, i) => (i > 0 && i % 3 === 0 ? [...r.slice(0, 4), 'calm', r[5]] : r));
    const n = rows.filter((r, i) => i > 0 && r[4] === 'calm').length;
    await upload(page, 'seattle-calm.csv', `${rows.map((r) => r.join(',')).join('\n')}\n`);
    await page.waitForSelector('#csv-msgs li[data-column="wind"]');
    const list = await msgs(page);
    assert.ok(list.length <= 3, `${list.length} items:\n${list.join('\n')}`);
    const item = list.find((m) => /wind/.test(m));
    assert.match(item, new RegExp(`${n.toLocaleString('en-US')} cells`));
    assert.equal(await page.$$eval('#csv-msgs button', (b) => b.length) <= 6, true, 'a few buttons, not one per cell');
    const red = await page.$$eval('#grid td.bad', (tds) => tds.length);
    assert.ok(red > 0 && red <= 80, `${red} red cells shown (the first 20 rows and 60 more), the rest counted`);
    assert.match(await page.textContent('#grid'), /more rows with problems/);
    await page.click('#csv-msgs li[data-column="wind"] button.leave-out');
    assert.deepEqual(await series(page, 3), ['precipitation', 'temp_max', 'temp_min']);
    assert.equal(await page.$eval('#col-4', (c) => c.checked), false);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test('a long table is offered its pivot, one click; a workbook\'s sheet is chosen', { timeout: 120000 }, async () => {
  const { page, log, close } = await builder();
  try {
    await page.setInputFiles('#csv-file', join(FIXTURES, 'iowa-electricity.csv'));
    await page.waitForSelector('#pivot');
    assert.match(await page.textContent('#long-offer'), /source/);
    assert.equal(await page.$eval('#preview-desktop', (e) => e.hidden), true);
    await page.click('#pivot');
    const names = await series(page, 3);
    assert.deepEqual([...names].sort(), ['Fossil Fuels', 'Nuclear Energy', 'Renewables']);
    await page.click('#unpivot');
    await page.waitForSelector('#pivot');

    await page.setInputFiles('#csv-file', join(FIXTURES, 'statistics-export.xlsx'));
    await page.waitForSelector('#sheet');
    assert.deepEqual(await page.$$eval('#sheet option', (o) => o.map((x) => x.value)), ['汇总', '明细']);
    await series(page, 2);
    await page.selectOption('#sheet', '明细');
    await page.waitForSelector('#grid td.bad input');
    assert.match(await page.$eval('#grid td.bad input', (i) => i.value), /12\.8o/);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});
