// End-to-end tests of what readers do: hover, tap, keyboard, legend, table,
// downloads, transitions and reduced motion, resizing, and an axe-core scan
// of the demo article in light and dark.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, REPO, launch, pointCenter, settled, startServer, watch } from './helpers.mjs';
import { dataset, points as feedPoints, said, tooltip } from './expect.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function blank(page, html) {
  await page.goto(`${server.url}e2e/blank.html`);
  await page.$eval('#root', (root, h) => { root.innerHTML = h; }, html);
}

const shadow = (page, sel, fn, arg) => page.$eval(sel, fn, arg);

test('a legend button hides a series: the axis rescales, the state is visible, and Enter works too', async () => {
  const page = await browser.context.newPage();
  await blank(page, '<news-chart id="g" src="/examples/monitoring-grouped.json" height="300"></news-chart>');
  await settled(page, 1);
  const keys = () => shadow(page, '#g', (el) => [...el.shadowRoot.querySelectorAll('.nc-key')].map((b) => `${b.textContent}:${b.getAttribute('aria-pressed')}`));
  assert.deepEqual(await keys(), ['户数:true', '人数:true']);
  const households = () => shadow(page, '#g', (el) => el.points().filter((p) => p.series === '户数').map((p) => p.bar.h));
  const before = await households();
  assert.equal((await shadow(page, '#g', (el) => el.points())).length, 6);
  await page.locator('#g .nc-key').nth(1).click();
  await page.waitForFunction(() => !document.querySelector('#g').hasAttribute('data-animating'));
  assert.deepEqual(await keys(), ['户数:true', '人数:false']);
  const after = await households();
  assert.equal((await shadow(page, '#g', (el) => el.points())).length, 3);
  assert.ok(after[0] > before[0] * 2, `the axis rescaled: ${before[0]} → ${after[0]}`);
  assert.equal(await shadow(page, '#g', (el) => el.shadowRoot.querySelector('.nc-live').textContent), '已隐藏：人数');
  // the last visible series cannot be hidden
  await page.locator('#g .nc-key').nth(0).click();
  assert.deepEqual(await keys(), ['户数:true', '人数:false']);
  // keyboard: focus the hidden key and press Enter to show it again
  await page.locator('#g .nc-key').nth(1).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#g').points().length === 6);
  assert.deepEqual(await keys(), ['户数:true', '人数:true']);
  await page.close();
});

test('the table toggle shows the data as a real table, and back', async () => {
  const page = await browser.context.newPage();
  await blank(page, '<news-chart id="h" src="/feeds/hamlets.json" height="300"></news-chart>');
  await settled(page, 1);
  await page.locator('#h .nc-tool').first().click();
  const t = await shadow(page, '#h', (el) => {
    const tb = el.shadowRoot.querySelector('.nc-table table');
    return {
      pressed: el.shadowRoot.querySelector('.nc-tool').getAttribute('aria-pressed'),
      plotHidden: el.shadowRoot.querySelector('.nc-plot').hidden,
      caption: tb.querySelector('caption').textContent,
      rowHeaders: [...tb.querySelectorAll('tbody th[scope=row]')].map((th) => th.textContent),
      first: [...tb.querySelectorAll('tbody tr')][0].querySelector('td').textContent,
    };
  });
  assert.equal(t.pressed, 'true');
  assert.equal(t.plotHidden, true);
  assert.equal(t.caption, '100个“幸福屋场”撬动社会资金1.5亿元');
  assert.equal(t.rowHeaders.length, 9);
  assert.equal(t.first, '2800万元');
  await page.locator('#h .nc-tool').first().click();
  assert.equal(await shadow(page, '#h', (el) => el.shadowRoot.querySelector('.nc-plot').hidden), false);
  await page.close();
});

test('the download menu saves the chart as PNG and the data as CSV', async () => {
  const page = await browser.context.newPage();
  await blank(page, '<news-chart id="h" src="/feeds/hamlets.json" height="300"></news-chart>');
  await settled(page, 1);
  const menuItems = page.locator('#h .nc-menu-item');
  await page.locator('#h .nc-tool').nth(1).click();
  assert.equal(await shadow(page, '#h', (el) => el.shadowRoot.querySelectorAll('.nc-tool')[1].getAttribute('aria-expanded')), 'true');
  const [png] = await Promise.all([page.waitForEvent('download'), menuItems.nth(0).click()]);
  assert.equal(png.suggestedFilename(), 'hamlets.png');
  const pngBytes = readFileSync(await png.path());
  assert.deepEqual([...pngBytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  const width = pngBytes.readUInt32BE(16);
  const height = pngBytes.readUInt32BE(20);
  assert.ok(width > 300 && height > 300, `${width}x${height}`);
  await page.locator('#h .nc-tool').nth(1).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), menuItems.nth(1).click()]);
  assert.equal(csv.suggestedFilename(), 'hamlets.csv');
  const text = readFileSync(await csv.path(), 'utf8');
  const feed = JSON.parse(readFileSync(join(REPO, 'www/feeds/hamlets.json'), 'utf8')).datasets[0];
  const expected = ['\ufeff类别,社会资金投入', ...feed.categories.map((c, i) => `${c},${feed.series[0].values[i]}`)].join('\r\n') + '\r\n';
  assert.equal(text, expected);
  await page.close();
});

test('changes animate for at most 300 ms, and not at all with reduced motion', async () => {
  for (const reduced of [false, true]) {
    const page = await browser.context.newPage();
    await page.emulateMedia({ reducedMotion: reduced ? 'reduce' : 'no-preference' });
    await blank(page, '<news-chart id="g" src="/examples/monitoring-grouped.json" height="300"></news-chart>');
    await settled(page, 1);
    const run = await page.evaluate(async () => {
      const el = document.querySelector('#g');
      const seen = [];
      const t0 = performance.now();
      const obs = new MutationObserver(() => seen.push([el.hasAttribute('data-animating'), performance.now() - t0]));
      obs.observe(el, { attributes: true, attributeFilter: ['data-animating'] });
      el.shadowRoot.querySelectorAll('.nc-key')[1].click();
      await new Promise((r) => setTimeout(r, 600));
      obs.disconnect();
      return seen;
    });
    if (reduced) {
      assert.deepEqual(run, [], 'no transition with prefers-reduced-motion');
    } else {
      assert.equal(run.length, 2, JSON.stringify(run));
      assert.deepEqual(run.map((r) => r[0]), [true, false]);
      assert.ok(run[1][1] - run[0][1] <= 300 + 50, `animated for ${run[1][1] - run[0][1]} ms`);
    }
    await page.close();
  }
});

/** Serves the debug build (scripts/build-debug.sh) for /pkg/: the same layout code with its test
 * hooks (labelBoxes), which the readers' release module leaves out. */
async function debugPkg(page) {
  await page.route(/\/pkg\/[^/?]+(\?.*)?$/, (route) => {
    const file = join(REPO, 'target', 'pkg-debug', new URL(route.request().url()).pathname.split('/').pop());
    return existsSync(file) ? route.fulfill({ path: file }) : route.continue();
  });
}

test('the readers\' module has no label-box hook; the debug build has', () => {
  assert.doesNotMatch(readFileSync(join(REPO, 'pkg', 'newschart_wasm.js'), 'utf8'), /label_boxes/);
  assert.match(readFileSync(join(REPO, 'target', 'pkg-debug', 'newschart_wasm.js'), 'utf8'), /label_boxes/);
});

test('at 320, 768 and 1200 px no two labels overlap and the chart fits its box (the demo article on the debug build)', async () => {
  for (const width of [320, 768, 1200]) {
    const page = await browser.context.newPage();
    await debugPkg(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url);
    await settled(page, 3);
    for (const src of ['feeds/employment.json', 'feeds/toilets.json', 'feeds/hamlets.json']) {
      const sel = `news-chart[src="${src}"]`;
      const { boxes, canvasW, hostW } = await page.$eval(sel, (el) => ({
        boxes: el._view.labelBoxes(),
        canvasW: el.shadowRoot.querySelector('canvas').getBoundingClientRect().width,
        hostW: el.getBoundingClientRect().width,
      }));
      assert.ok(boxes.length > 3, `${src} at ${width}: ${boxes.length} labels`);
      assert.ok(canvasW <= hostW + 0.5, `${src} at ${width}: canvas ${canvasW} wider than ${hostW}`);
      for (const b of boxes) assert.ok(b.x >= -1 && b.x + b.w <= canvasW + 1, `${src} at ${width}: ${b.role} "${b.text}" leaves the box`);
      for (const role of ['Tick', 'Category', 'ValueLabel']) {
        const bs = boxes.filter((b) => b.role === role);
        for (let i = 0; i < bs.length; i++) {
          for (let j = i + 1; j < bs.length; j++) {
            const [a, b] = [bs[i], bs[j]];
            const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
            assert.ok(!overlap, `${src} at ${width}px: ${role} labels "${a.text}" and "${b.text}" overlap`);
          }
        }
      }
      await page.locator(sel).screenshot({ path: join(ARTIFACTS, `resize-${width}-${src.replace(/\W+/g, '-')}.png`) });
    }
    await page.close();
  }
});

test('the legend moves under the plot on narrow widths', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  await blank(page, '<news-chart id="g" src="/examples/monitoring-grouped.json" height="300"></news-chart>');
  await settled(page, 1);
  const order = () => shadow(page, '#g', (el) => {
    const legend = el.shadowRoot.querySelector('.nc-legend').getBoundingClientRect();
    const plot = el.shadowRoot.querySelector('.nc-plot').getBoundingClientRect();
    return legend.top >= plot.bottom ? 'under' : 'above';
  });
  assert.equal(await order(), 'under');
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.waitForFunction(() => {
    const el = document.querySelector('#g');
    return el.shadowRoot.querySelector('.nc-legend').getBoundingClientRect().bottom <= el.shadowRoot.querySelector('.nc-plot').getBoundingClientRect().top;
  });
  assert.equal(await order(), 'above');
  await page.close();
});

test('the chart has a role, an accessible name in the feed language, and a visible focus ring', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await settled(page, 3);
  const a = await page.$eval('news-chart[src="feeds/employment.json"]', (el) => {
    const c = el.shadowRoot.querySelector('canvas');
    return { role: c.getAttribute('role'), name: c.getAttribute('aria-label') };
  });
  assert.equal(a.role, 'img');
  assert.equal(a.name, '已就业脱贫户7.25万人，超额完成年度任务。已就业脱贫户：7.25万人，完成年度任务的107.07%。');
  await page.$eval('news-chart[src="feeds/employment.json"]', (el) => el.scrollIntoView());
  // reach the chart with Tab from the element before it
  await page.$eval('news-chart[src="feeds/employment.json"]', (el) => { const b = document.createElement('button'); b.id = 'before'; b.textContent = 'before'; el.before(b); b.focus(); });
  await page.keyboard.press('Tab');
  const ring = await page.$eval('news-chart[src="feeds/employment.json"]', (el) => {
    const c = el.shadowRoot.querySelector('canvas');
    const cs = getComputedStyle(c);
    return { focused: el.shadowRoot.activeElement === c, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
  });
  assert.deepEqual([ring.focused, ring.style], [true, 'solid']);
  assert.ok(ring.width >= 2);
  await page.close();
});

test('axe-core finds no violations on the demo article, light and dark', async () => {
  const axe = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
  for (const scheme of ['light', 'dark']) {
    const page = await browser.context.newPage();
    const log = watch(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url);
    await settled(page, 3);
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
    });
    assert.deepEqual(result, [], `${scheme}: ${result.join('\n')}`);
    await page.screenshot({ path: join(ARTIFACTS, `axe-${scheme}.png`) });
    assert.deepEqual(log.errors, []);
    await page.close();
  }
});

test('touch: a tap pins the tooltip, a tap outside and a scroll dismiss it', async () => {
  const phone = await launch({ viewport: { width: 390, height: 700 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  try {
    const page = await phone.context.newPage();
    await page.goto(`${server.url}e2e/blank.html`);
    await page.$eval('#root', (r) => { r.innerHTML = '<news-chart id="t" src="/feeds/toilets.json" height="200"></news-chart><div style="height:2000px"></div>'; });
    await settled(page, 1);
    const { x, y } = await pointCenter(page, '#t', 0);
    await page.touchscreen.tap(x, y);
    const tip = page.locator('#t .nc-tooltip');
    await tip.waitFor({ state: 'visible' });
    assert.equal(await tip.textContent(), tooltip(dataset('feeds/toilets.json'), 0, 0).join(''));
    await page.mouse.wheel(0, 200);
    await page.evaluate(() => window.scrollBy(0, 200));
    await tip.waitFor({ state: 'hidden' });
    await page.close();
  } finally {
    await phone.close();
  }
});

test('the keyboard moves by category with Left/Right and by series with Up/Down, reading each point', async () => {
  const page = await browser.context.newPage();
  await blank(page, '<news-chart id="g" src="/examples/monitoring-grouped.json" height="300"></news-chart>');
  await settled(page, 1);
  // the expected words are made from the feed (expect.mjs), not from the chart's points()
  const ds = dataset('examples/monitoring-grouped.json');
  const live = () => page.$eval('#g', (el) => el.shadowRoot.querySelector('.nc-live').textContent);
  const label = (series, index) => said(ds, series, index);
  await page.$eval('#g', (el) => el.shadowRoot.querySelector('canvas').focus());
  await page.keyboard.press('ArrowRight');
  assert.equal(await live(), label(0, 0));
  // every point: across the categories of each series, then down to the next series
  const seen = new Set([await live()]);
  for (let s = 0; s < 2; s++) {
    for (let c = 0; c < 2; c++) {
      await page.keyboard.press('ArrowRight');
      seen.add(await live());
      assert.equal(await live(), label(s, c + 1));
    }
    if (s === 0) {
      await page.keyboard.press('ArrowDown');
      assert.equal(await live(), label(1, 2));
      seen.add(await live());
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowDown');
      assert.equal(await live(), label(1, 0));
    }
  }
  await page.keyboard.press('ArrowUp');
  assert.equal(await live(), label(0, 2));
  await page.keyboard.press('End');
  assert.equal(await live(), label(1, 2), 'End: the last category of the last series');
  assert.equal(seen.size + 1, feedPoints(ds).length, 'every point was read once');
  await page.close();
});

test('hovering a line chart shows a crosshair and the nearest point', async () => {
  const page = await browser.context.newPage();
  await blank(page, '<news-chart id="l" src="/examples/employment-line-dates.json" height="300"></news-chart>');
  await settled(page, 1);
  const { x, y, point } = await pointCenter(page, '#l', 3);
  await page.mouse.move(x, y + 40); // below the line: the column still picks this point
  const tip = page.locator('#l .nc-tooltip');
  await tip.waitFor({ state: 'visible' });
  // the expected lines are made from the feed (expect.mjs): its fourth month, 2022-04
  assert.deepEqual(await tip.evaluate((t) => [...t.children].map((c) => c.textContent)), tooltip(dataset('examples/employment-line-dates.json'), 0, 3));
  const cross = await page.$eval('#l', (el) => { const c = el.shadowRoot.querySelector('.nc-crosshair'); return { hidden: c.hidden, left: parseFloat(c.style.left) }; });
  assert.equal(cross.hidden, false);
  assert.ok(Math.abs(cross.left - (point.bar.x + point.bar.w / 2)) <= 1);
  await page.close();
});

test('a downloaded CSV writes formula-like cells as text', async () => {
  const page = await browser.context.newPage();
  await blank(page, '<news-chart id="f" height="200"></news-chart>');
  await page.$eval('#f', (el) => el.setFeed({ version: 1, datasets: [{ kind: 'bar', title: 't', categories: ['=HYPERLINK("http://x","y")', '@SUM(1)', '普通'], series: [{ name: '+cmd', values: [1, -2, 3] }] }] }));
  await page.waitForFunction(() => document.querySelector('#f').getAttribute('data-state') === 'ready');
  await page.locator('#f .nc-tool').nth(1).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#f .nc-menu-item').nth(1).click()]);
  const text = readFileSync(await csv.path(), 'utf8');
  assert.equal(text, '\ufeff类别,\'+cmd\r\n"\'=HYPERLINK(""http://x"",""y"")",1\r\n\'@SUM(1),-2\r\n普通,3\r\n');
  await page.close();
});
