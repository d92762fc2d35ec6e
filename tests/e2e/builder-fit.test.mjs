// The builder on laptop screens (1366×768, 1600×900): the preview shown is whole, inside the
// window, at its real width; the phone/desktop switch shows the other one, whole too.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, REPO, launch, startServer, watch } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.close());

const CSV = readFileSync(join(REPO, 'tests', 'fixtures', 'csv', 'gbk-excel.csv'));

for (const [width, height] of [[1366, 768], [1600, 900]]) {
  test(`at ${width}×${height} the preview is inside the window, at phone and desktop width`, { timeout: 120000 }, async () => {
    const b = await launch({ viewport: { width, height }, reducedMotion: 'reduce' });
    try {
      const page = await b.context.newPage();
      const log = watch(page);
      await page.goto(`${server.url}builder.html`);
      await page.waitForSelector('body[data-ready]');
      await page.setInputFiles('#csv-file', { name: 'funds.csv', mimeType: 'text/csv', buffer: CSV });
      for (const [device, w] of [['desktop', 900], ['phone', 375]]) {
        await page.click(`.device-btn[data-device="${device}"]`);
        await page.waitForFunction((id) => document.querySelector(id).getAttribute('data-state') === 'ready' && document.querySelector(id).points().length === 3, `#preview-${device}`);
        const got = await page.evaluate((id) => {
          const el = document.querySelector(id);
          return { box: el.getBoundingClientRect().toJSON(), vw: document.documentElement.clientWidth, vh: window.innerHeight, points: el.points().length };
        }, `#preview-${device}`);
        await page.screenshot({ path: join(ARTIFACTS, `builder-${width}x${height}-${device}.png`) });
        const { box, vw, vh } = got;
        assert.equal(box.width, w, `${device}: at its real width`);
        assert.ok(box.left >= 0 && box.top >= 0 && box.right <= vw && box.bottom <= vh,
          `${device} preview ${JSON.stringify(box)} is inside the ${vw}×${vh} window`);
      }
      assert.deepEqual(log.errors, []);
    } finally {
      await b.close();
    }
  });
}
