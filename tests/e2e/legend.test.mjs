// The legend of a line chart with more series than the palette has colours: each key shows its
// line as the chart draws it (colour, then dash pattern), so no two keys look alike.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, settled, startServer } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// the default palette (Okabe and Ito), in the order series take it; then dashed (7 px on, 4 off),
// dotted (2 on, 3 off), dash-dotted: theme::DASHES
const PALETTE = ['rgb(0, 114, 178)', 'rgb(213, 94, 0)', 'rgb(0, 158, 115)', 'rgb(204, 121, 167)', 'rgb(86, 180, 233)', 'rgb(230, 159, 0)'];
const FIRST_DASH = [null, '7px', '2px', '10px'];

test('fourteen lines: every legend key shows its own colour and dash', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root) => { root.innerHTML = '<news-chart id="c" src="/examples/many-series-lines.json" height="360"></news-chart>'; });
  await settled(page, 1);
  const keys = await page.$eval('#c', (el) => [...el.shadowRoot.querySelectorAll('.nc-key .nc-swatch')].map((sw) => {
    const cs = getComputedStyle(sw);
    return { color: cs.backgroundColor, image: cs.backgroundImage, width: sw.getBoundingClientRect().width, height: sw.getBoundingClientRect().height };
  }));
  assert.equal(keys.length, 14);
  const looks = new Set();
  keys.forEach((k, i) => {
    const colour = PALETTE[i % 6];
    const dash = FIRST_DASH[Math.floor(i / 6) % 4];
    assert.ok(k.width > k.height * 3, `key ${i} is a stroke, not a square: ${k.width}×${k.height}`);
    if (!dash) {
      assert.equal(k.color, colour, `key ${i}: solid ${colour}`);
      assert.equal(k.image, 'none', `key ${i}: solid`);
    } else {
      assert.equal(k.color, 'rgba(0, 0, 0, 0)', `key ${i}: dashed, no fill behind`);
      assert.ok(k.image.startsWith(`repeating-linear-gradient(to right, ${colour} 0px, ${colour} ${dash}`), `key ${i}: ${colour} dashes of ${dash}: ${k.image}`);
    }
    looks.add(`${k.color} ${k.image}`);
  });
  assert.equal(looks.size, 14, 'no two keys alike');
  await page.close();
});
