#!/usr/bin/env node
// How long the reader's "Table" view takes to open, for a line chart of 1,000 and 10,000 rows
// (two series): from the click on "Table" to the end of the next frame, median of 7 runs in
// headless Chromium. Needs pkg/ (bash scripts/build.sh). A benchmark, not a test: it prints the
// figures and asserts nothing.
//
//   node bench/table.mjs [--rows 1000,10000] [--runs 7]

import { launch, startServer } from '../tests/e2e/helpers.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const ROWS = arg('rows', '1000,10000').split(',').map(Number);
const RUNS = +arg('runs', 7);

const server = await startServer();
const browser = await launch({ viewport: { width: 900, height: 900 } });
try {
  console.log('rows     open (ms, median)   min     max     rows in the DOM');
  for (const n of ROWS) {
    const times = [];
    let dom = 0;
    for (let r = 0; r < RUNS; r++) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}e2e/blank.html`);
      await page.$eval('#root', (root) => { root.innerHTML = '<news-chart id="c" height="300"></news-chart>'; });
      await page.evaluate((count) => {
        const categories = Array.from({ length: count }, (_, i) => `day ${i + 1}`);
        return document.querySelector('#c').setFeed({ version: 1, datasets: [{ kind: 'line', title: 'Bench', locale: 'en', categories,
          series: [{ name: 'a', values: categories.map((_, i) => (i * 7919) % 5003) }, { name: 'b', values: categories.map((_, i) => (i * 104729) % 7001) }] }] });
      }, n);
      await page.waitForFunction(() => document.querySelector('#c').getAttribute('data-state') === 'ready');
      const got = await page.$eval('#c', (el) => new Promise((ok) => {
        const t0 = performance.now();
        el.shadowRoot.querySelector('.nc-tool').click();
        requestAnimationFrame(() => setTimeout(() => ok({ ms: performance.now() - t0, dom: el.shadowRoot.querySelectorAll('.nc-table tbody tr').length }), 0));
      }));
      times.push(got.ms);
      dom = got.dom;
      await page.close();
    }
    times.sort((a, b) => a - b);
    const f = (v) => v.toFixed(1).padStart(7);
    console.log(`${String(n).padEnd(8)} ${f(times[times.length >> 1])}            ${f(times[0])} ${f(times[times.length - 1])}   ${dom}`);
  }
} finally {
  await browser.close();
  server.close();
}
