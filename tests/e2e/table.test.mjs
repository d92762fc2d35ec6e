// The reader's "Table" view of a long chart (1,461 daily values, as a weather export has) keeps the
// chart's box: the table scrolls inside a box as tall as the plot, at phone width, with its header
// row in view; it is a real table (caption, column and row headers) in a region the keyboard can
// scroll; and every row can be reached: scrolled to the end, the last row holds the last values.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, REPO, launch, startServer, watch } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }); });
after(async () => { await browser?.close(); server?.close(); });

const N = 1461;
const HEIGHT = 260;
const FRAME = 136; // room the chart keeps for its words (the widget's FRAME)
/** Day i from 2012-01-01, as the category text. */
const day = (i) => new Date(Date.UTC(2012, 0, 1 + i)).toISOString().slice(0, 10);
/** Two seeded series of whole numbers, some past 1,000 (so their text has grouping). */
const value = (s, i) => ((i * 7919 + s * 104729) % 5003) * (s + 1);
const group = (v) => v.toLocaleString('en-US');

test('a 1,461-row table scrolls inside the chart\'s box at phone width, and reaches its last row', { timeout: 120000 }, async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root, h) => { root.innerHTML = `<news-chart id="c" height="${h}"></news-chart><p id="after">after the chart</p>`; }, HEIGHT);
  const categories = Array.from({ length: N }, (_, i) => day(i));
  await page.evaluate(([cats, a, b]) => document.querySelector('#c').setFeed({ version: 1, datasets: [{ kind: 'line', title: 'Seattle, daily', locale: 'en', numberStyle: 'full', categories: cats,
    series: [{ name: 'max', values: a }, { name: 'min', values: b }] }] }), [categories, categories.map((_, i) => value(0, i)), categories.map((_, i) => value(1, i))]);
  await page.waitForFunction(() => document.querySelector('#c').getAttribute('data-state') === 'ready');
  const [chartBox, plot] = await page.$eval('#c', (el) => [el.getBoundingClientRect().height, el.shadowRoot.querySelector('canvas').getBoundingClientRect().height]);
  await page.$eval('#c', (el) => el.shadowRoot.querySelector('.nc-tool').click());

  const read = () => page.$eval('#c', (el) => {
    const box = el.shadowRoot.querySelector('.nc-table');
    const t = box.querySelector('table');
    const rows = [...t.querySelectorAll('tbody tr:not(.nc-gap)')];
    const rowText = (tr) => [...tr.children].map((c) => c.textContent);
    const head = t.querySelector('thead th').getBoundingClientRect();
    const r = box.getBoundingClientRect();
    return { host: el.getBoundingClientRect().height, box: r.height, scroll: box.scrollHeight, role: box.getAttribute('role'), label: box.getAttribute('aria-label'), tabIndex: box.tabIndex,
      caption: t.caption?.textContent, cols: [...t.querySelectorAll('thead th[scope=col]')].map((th) => th.textContent), rowcount: t.getAttribute('aria-rowcount'),
      rendered: rows.length, first: rowText(rows[0]), last: rowText(rows[rows.length - 1]), lastIndex: rows[rows.length - 1].getAttribute('aria-rowindex'),
      headInView: head.top >= r.top - 1 && head.bottom <= r.bottom + 1, rowHeaders: rows.every((tr) => tr.firstElementChild.matches('th[scope=row]')) };
  });
  const open = await read();
  await page.screenshot({ path: join(ARTIFACTS, 'table-phone.png') });
  assert.ok(open.host <= HEIGHT + FRAME + 4, `the chart keeps its box: ${open.host} px (plot ${HEIGHT} + ${FRAME})`);
  assert.ok(Math.abs(open.host - chartBox) <= 4, `no taller than the chart: ${open.host} vs ${chartBox}`);
  assert.ok(open.box <= plot + 1, `the table scrolls inside ${open.box} px, the plot's ${plot}`);
  assert.ok(open.scroll > 20 * open.box, `all rows are scrollable: ${open.scroll} px`);
  assert.equal(open.role, 'region');
  assert.equal(open.label, 'Seattle, daily');
  assert.equal(open.tabIndex, 0, 'the keyboard can scroll it');
  assert.equal(open.caption, 'Seattle, daily');
  assert.deepEqual(open.cols, ['', 'max', 'min']);
  assert.equal(open.rowcount, String(N + 1));
  assert.ok(open.rendered < 200, `only the rows in view are made: ${open.rendered}`);
  assert.deepEqual(open.first, [day(0), group(value(0, 0)), group(value(1, 0))]);
  assert.ok(open.rowHeaders);

  // scrolled to the end: the last row, with the last values; the header row still in view
  await page.$eval('#c', (el) => { const b = el.shadowRoot.querySelector('.nc-table'); b.scrollTop = b.scrollHeight; });
  await page.waitForFunction(() => document.querySelector('#c').shadowRoot.querySelector('.nc-table tbody tr:last-child')?.getAttribute('aria-rowindex') === '1462');
  const end = await read();
  assert.deepEqual(end.last, [day(N - 1), group(value(0, N - 1)), group(value(1, N - 1))]);
  assert.equal(end.lastIndex, String(N + 1));
  assert.ok(end.headInView, 'the header row stays in view');
  assert.ok(end.host <= HEIGHT + FRAME + 4);
  await page.screenshot({ path: join(ARTIFACTS, 'table-phone-end.png') });

  // every row on the way: scrolled through in steps, each row index is shown once with its values
  const seen = await page.$eval('#c', async (el) => {
    const b = el.shadowRoot.querySelector('.nc-table');
    const got = {};
    for (let y = 0; y <= b.scrollHeight; y += b.clientHeight / 2) {
      b.scrollTop = y;
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      for (const tr of b.querySelectorAll('tbody tr:not(.nc-gap)')) got[tr.getAttribute('aria-rowindex')] = [...tr.children].map((c) => c.textContent);
    }
    return got;
  });
  const missing = [];
  for (let i = 0; i < N; i++) {
    const want = [day(i), group(value(0, i)), group(value(1, i))];
    if (JSON.stringify(seen[i + 2]) !== JSON.stringify(want)) missing.push(`${i}: ${JSON.stringify(seen[i + 2])}`);
  }
  assert.deepEqual(missing.slice(0, 5), [], `${missing.length} rows never shown right`);

  // axe-core: no WCAG 2.1 A/AA violations in the open table, scrolled halfway, light and dark (the
  // best-practice rules are left out: the corner cell over the row headers is empty on purpose)
  await page.addScriptTag({ content: readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  await page.$eval('#c', (el) => { const b = el.shadowRoot.querySelector('.nc-table'); b.scrollTop = b.scrollHeight / 2; });
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    // a page in dark mode has a dark background of its own (the chart's is transparent)
    await page.evaluate((dark) => { document.body.style.background = dark ? '#121212' : ''; }, scheme === 'dark');
    const violations = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run({ include: [['#c']] }, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
    });
    assert.deepEqual(violations, [], `${scheme}: ${violations.join('\n')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // the keyboard: Home in the focused region goes back to the first row
  await page.$eval('#c', (el) => el.shadowRoot.querySelector('.nc-table').focus());
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('#c').shadowRoot.querySelector('.nc-table').scrollTop === 0);
  await page.waitForFunction((d) => document.querySelector('#c').shadowRoot.querySelector('.nc-table tbody tr:not(.nc-gap) th')?.textContent === d, day(0));
  assert.deepEqual(log.errors, []);
  await page.close();
});
