// End-to-end tests of the chart builder (www/builder.html): CSV → preview → snippet, pasted into
// a blank page, draws the same chart in all three embed forms; work survives a reload; messages
// point at the CSV line or the field; GBK files; a feed from its address; Chinese and English.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, REPO, launch, readBack, settled, startServer, watch } from './helpers.mjs';

/** No test may hang a run: each fails after this long. */
const TIMEOUT = 180000;
let server;
let scratch;
before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'newschart-builder-'));
  server = await startServer(['--mount', `/scratch=${scratch}`]);
});
after(() => {
  server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// A journalist's spreadsheet: Chinese units in the header and the cells, thousands separators.
const CSV = '县市区,社会资金投入（万元）\n醴陵市,"2,800"\n攸县,"2,200"\n茶陵县,"2,000"\n炎陵县,"1,800"\n渌口区,1500\n';

/** A fresh browser (empty localStorage) at the builder's width, allowed to use the clipboard. */
async function builder() {
  const b = await launch({ viewport: { width: 1800, height: 1100 }, reducedMotion: 'reduce' });
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  const page = await b.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}builder.html`);
  await page.waitForSelector('body[data-ready]');
  return { ...b, page, log };
}

const previewPoints = (page, id) => page.$eval(`#preview-${id}`, (el) => el.points());
const waitPreview = (page, n) => page.waitForFunction((k) => ['phone', 'desktop'].every((id) => {
  const el = document.querySelector(`#preview-${id}`);
  return el.getAttribute('data-state') === 'ready' && el.points().length === k;
}), n);
/** Points without the fields that name pixels of a particular screen (they are compared separately). */
const shape = (points) => points.map((p) => ({ category: p.category, series: p.series, value: p.value, valueText: p.valueText, label: p.label, bar: p.bar }));

test('CSV → edits → previews at phone and desktop width → snippets in three forms, each pasted into a blank page, draws the same chart', { timeout: TIMEOUT }, async () => {
  const { page, log, close } = await builder();
  try {
    await page.fill('#csv', CSV);
    await waitPreview(page, 5);
    // the CSV went through the CLI's conversion: units from the header, separators read
    const points = await previewPoints(page, 'desktop');
    assert.deepEqual(points.map((p) => [p.category, p.value]), [['醴陵市', 28000000], ['攸县', 22000000], ['茶陵县', 20000000], ['炎陵县', 18000000], ['渌口区', 15000000]]);
    assert.equal(points[0].valueText, '2800万元');
    // the previews are the real element at 375 and 900 px, side by side
    const boxes = await page.$$eval('#preview-phone, #preview-desktop', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    assert.deepEqual(boxes.map((b) => b.width), [375, 900]);
    assert.ok(Math.abs(boxes[0].top - boxes[1].top) < 1 && boxes[0].right < boxes[1].left, 'side by side');

    // edit: title, subtitle, source and link, notes, kind, number style, colour
    await page.fill('#f-title', '2022年各县市区“幸福屋场”撬动社会资金');
    await page.fill('#f-subtitle', '单位：万元');
    await page.fill('#f-source', '株洲市乡村振兴局');
    await page.fill('#f-sourceUrl', 'https://www.zhuzhou.gov.cn/');
    await page.fill('#f-notes', '示例数据\n按县市区统计');
    await page.selectOption('#f-kind', 'bar');
    await page.selectOption('#f-numberStyle', 'full');
    await page.fill('#f-color-0', '#e4572e');
    await page.fill('#f-height', '260');
    await page.waitForFunction(() => {
      const el = document.querySelector('#preview-desktop');
      return el.getAttribute('data-state') === 'ready' && el.points()[0]?.valueText === '28,000,000元' && el.shadowRoot.querySelector('.nc-title').textContent.startsWith('2022年各县市区');
    });
    const texts = await page.$eval('#preview-desktop', (el) => ({
      title: el.shadowRoot.querySelector('.nc-title').textContent,
      subtitle: el.shadowRoot.querySelector('.nc-subtitle').textContent,
      notes: [...el.shadowRoot.querySelectorAll('.nc-notes li')].map((li) => li.textContent),
      source: el.shadowRoot.querySelector('.nc-source').textContent,
      link: el.shadowRoot.querySelector('.nc-source a')?.href,
      horizontal: el.points()[0].bar.w > el.points()[0].bar.h,
    }));
    assert.deepEqual(texts, { title: '2022年各县市区“幸福屋场”撬动社会资金', subtitle: '单位：万元', notes: ['示例数据', '按县市区统计'],
      source: '来源：株洲市乡村振兴局', link: 'https://www.zhuzhou.gov.cn/', horizontal: true });
    // the colour was picked after the fields waited for above: its preview may come a moment later
    let bar;
    for (let k = 0; k < 50; k++) {
      bar = (await readBack(page, '#preview-desktop')).bars[0];
      if (bar.join() === [0xe4, 0x57, 0x2e, 255].join()) break;
      await page.waitForTimeout(100);
    }
    assert.deepEqual(bar, [0xe4, 0x57, 0x2e, 255], 'the colour picked');
    await page.screenshot({ path: join(ARTIFACTS, 'builder.png') });

    // download the feed and publish it where the snippets will say
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const file = join(scratch, 'funds.json');
    await download.saveAs(file);
    const feed = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(feed.version, 1);
    assert.deepEqual([feed.datasets[0].kind, feed.datasets[0].numberStyle, feed.datasets[0].series[0].color, feed.datasets[0].unit], ['bar', 'full', '#e4572e', '元']);
    assert.equal(download.suggestedFilename().endsWith('.json'), true);
    // no address yet: no snippet, and the snippet area says what is missing
    assert.match(await page.textContent('#snippet-why'), /发布后的地址/);
    assert.equal(await page.$eval('#snippet-element', (t) => t.value), '');
    await page.fill('#feed-url', '/scratch/funds.json');
    await page.waitForFunction(() => document.querySelector('#snippet-element').value.includes('/scratch/funds.json'));
    // the feed is on the builder's own server, which sends no CORS header for /scratch/: said, as
    // a warning (the snippet works on this site's pages, as pasted below)
    assert.match(await page.textContent('#m-feedUrl'), /Access-Control-Allow-Origin/);
    assert.equal(await page.$eval('#m-feedUrl', (m) => m.classList.contains('warning')), true);

    const want = shape(await previewPoints(page, 'desktop'));
    const copy = async (form) => {
      await page.click(`button[data-copy="${form}"]`);
      await page.waitForFunction((f) => document.querySelector(`button[data-copy="${f}"]`).classList.contains('done'), form);
      return page.evaluate(() => navigator.clipboard.readText());
    };
    const snippets = {};
    for (const form of ['element', 'div', 'iframe', 'resizer']) {
      snippets[form] = await copy(form);
      assert.equal(snippets[form], await page.$eval(`#snippet-${form}`, (t) => t.value), `${form}: the clipboard holds the snippet`);
    }
    assert.match(snippets.element, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/pkg\/newschart\.js" blocking="render"><\/script>\n<news-chart src="http:\/\/127\.0\.0\.1:\d+\/scratch\/funds\.json" height="260"><!-- static first paint: newschart render FEED\.json --static DIR --chart-height 260 --widths 328,720, then:\n<picture slot="static" data-feed="[0-9a-f]{8}"><source media="\(prefers-color-scheme: dark\) and \(max-width: 751px\)" srcset="[^"]+\/scratch\/funds\.[0-9a-f]{8}\.328\.dark\.svg" width="328" height="396"><source media="\(prefers-color-scheme: dark\)" srcset="[^"]+\/scratch\/funds\.[0-9a-f]{8}\.720\.dark\.svg" width="720" height="396"><source media="\(max-width: 751px\)" srcset="[^"]+\/scratch\/funds\.[0-9a-f]{8}\.328\.svg" width="328" height="396"><img class="nc-static" src="[^"]+\/scratch\/funds\.[0-9a-f]{8}\.720\.svg" width="720" height="396" alt="[^"]+"><\/picture> --><p>2022年各县市区“幸福屋场”撬动社会资金<\/p><\/news-chart>$/);
    assert.match(snippets.div, /<div class="news-chart" data-src="[^"]+\/scratch\/funds\.json" data-height="260">/);
    assert.match(snippets.iframe, /^<iframe data-newschart src="[^"]+\/embed\.html\?src=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fscratch%2Ffunds\.json&amp;height=260" title="[^"]+" width="100%" height="396"/);

    // each snippet, pasted into a blank page 900 px wide, draws the same chart as the desktop preview
    const reader = await launch({ viewport: { width: 916, height: 900 }, reducedMotion: 'reduce' });
    try {
      for (const form of ['element', 'div', 'iframe']) {
        const body = form === 'iframe' ? `${snippets.resizer}\n${snippets.iframe}` : snippets[form];
        writeFileSync(join(scratch, `pasted-${form}.html`), `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>pasted</title></head>\n<body>\n${body}\n</body></html>\n`);
        const p = await reader.context.newPage();
        const plog = watch(p);
        await p.goto(`${server.url}scratch/pasted-${form}.html`);
        let frame = p.mainFrame();
        if (form === 'iframe') {
          frame = await (await p.waitForSelector('iframe')).contentFrame();
          await frame.waitForFunction(() => document.querySelector('news-chart')?.getAttribute('data-state') === 'ready');
          await p.waitForFunction(() => document.querySelector('iframe').clientHeight === 260 + 136);
        } else {
          await settled(p, 1);
        }
        const got = await frame.evaluate(() => {
          const el = document.querySelector('news-chart');
          return { width: el.getBoundingClientRect().width, points: el.points() };
        });
        assert.equal(got.width, 900, `${form}: the chart is as wide as the desktop preview`);
        assert.deepEqual(shape(got.points), want, `${form}: same points as the preview`);
        await p.screenshot({ path: join(ARTIFACTS, `builder-pasted-${form}.png`) });
        assert.deepEqual(plog.errors, []);
        await p.close();
      }
    } finally {
      await reader.close();
    }
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  } finally {
    await close();
  }
});

test('work in progress survives a reload and a crash: data, every field, the address and the language', { timeout: TIMEOUT }, async () => {
  const b = await builder();
  const { context, close } = b;
  let { page } = b;
  try {
    await page.fill('#csv', CSV);
    await waitPreview(page, 5);
    await page.fill('#f-title', '自动保存的标题');
    await page.fill('#f-notes', '第一条\n第二条');
    await page.selectOption('#f-kind', 'line');
    await page.fill('#f-color-0', '#29335c');
    await page.fill('#feed-url', 'https://www.example.com/feeds/funds.json');
    await page.click('button[data-lang="en"]');
    // typed last, and the page reloaded at once: nothing waits for a timer to save it
    await page.fill('#f-subtitle', 'typed just before the reload');
    const before = await page.evaluate(() => [...document.querySelectorAll('input:not([type=file]), textarea, select')].map((e) => [e.id, e.value]));
    await page.waitForFunction(() => document.querySelector('#preview-desktop').shadowRoot.querySelector('.nc-subtitle').textContent === 'typed just before the reload');
    const preview = shape(await previewPoints(page, 'desktop'));
    assert.ok(preview.every((p) => p.bar.w === p.bar.h), 'the preview shows the line chart (point marks)');
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    await page.waitForFunction(() => document.querySelector('#preview-desktop').getAttribute('data-state') === 'ready');
    const after = await page.evaluate(() => [...document.querySelectorAll('input:not([type=file]), textarea, select')].map((e) => [e.id, e.value]));
    assert.deepEqual(after, before);
    assert.equal(await page.$eval('#f-subtitle', (i) => i.value), 'typed just before the reload');
    assert.equal(await page.textContent('h1'), 'Chart builder', 'the language too');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.match(await page.textContent('#saved'), /restored/);
    await page.waitForFunction(() => document.querySelector('#preview-desktop').shadowRoot.querySelector('.nc-subtitle').textContent === 'typed just before the reload');
    assert.deepEqual(shape(await previewPoints(page, 'desktop')), preview);
    // a crash (the renderer killed, no pagehide, no unload) loses nothing typed either
    await page.fill('#f-notes', '崩溃前最后输入的一行');
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash', { timeout: 10000 });
    cdp.send('Page.crash').catch(() => {}); // never answers: the page is gone
    await crashed;
    const again = await context.newPage();
    await again.goto(`${server.url}builder.html`);
    await again.waitForSelector('body[data-ready]');
    assert.equal(await again.$eval('#f-notes', (t) => t.value), '崩溃前最后输入的一行');
    await page.close().catch(() => {});
    page = again;
    // and "start over" clears it (after asking)
    page.once('dialog', (d) => d.accept());
    await page.click('#reset');
    await page.waitForFunction(() => document.querySelector('#csv').value === '' && document.querySelector('#preview-desktop').hidden);
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.$eval('#f-title', (i) => i.value), '');
    assert.equal(await page.textContent('h1'), 'Chart builder', 'the language choice stays');
  } finally {
    await close();
  }
});

test('messages point at the CSV line, the JSON line or the field; a GBK file is read; a feed loads from its address', { timeout: TIMEOUT }, async () => {
  const { page, log, close } = await builder();
  try {
    // a CSV with a bad cell on line 4: located, and the button selects that line
    await page.fill('#csv', '县市区,户数\n醴陵市,120\n攸县,98\n茶陵县,很多\n炎陵县,60\n');
    await page.waitForSelector('#csv-msgs li');
    const msg = await page.textContent('#csv-msgs li');
    assert.match(msg, /第4行，第2列/);
    assert.match(msg, /很多/);
    // "show" goes to the cell in the data grid, red, where it can be fixed in place
    await page.click('#csv-msgs li button.at');
    const cell = await page.evaluate(() => { const i = document.activeElement; return [i.dataset.cell, i.value, i.closest('td').className]; });
    assert.deepEqual(cell, ['4:1', '很多', 'bad']);
    assert.equal(await page.$eval('#preview-desktop', (e) => e.hidden), true, 'no preview of data that did not convert');

    // fixed: the feed's own problems go beside their field
    await page.fill('#csv', '县市区,户数\n醴陵市,120\n攸县,98\n');
    await waitPreview(page, 2);
    await page.fill('#f-sourceUrl', 'javascript:alert(1)');
    await page.waitForFunction(() => document.querySelector('#m-sourceUrl').textContent !== '');
    assert.equal(await page.getAttribute('#f-sourceUrl', 'aria-invalid'), 'true');
    assert.match(await page.textContent('#m-sourceUrl'), /http/);
    await page.fill('#f-sourceUrl', '');
    await page.fill('#f-title', '');
    await page.waitForFunction(() => document.querySelector('#m-title').textContent !== '' && document.querySelector('#m-sourceUrl').textContent === '');
    assert.equal(await page.getAttribute('#f-title', 'aria-invalid'), 'true');
    await page.fill('#f-height', '5');
    await page.waitForFunction(() => document.querySelector('#m-height').textContent !== '');
    await page.fill('#f-height', '');

    // pasted JSON with a syntax error: its line and column
    await page.click('#tab-json');
    await page.fill('#json', '{\n  "version": 1,\n  "datasets": [\n    { "kind": "bar", "title": "x" \n  ]\n}\n');
    await page.waitForSelector('#json-msgs li');
    assert.match(await page.textContent('#json-msgs'), /第5行/);

    // the English interface says the same in English
    await page.click('button[data-lang="en"]');
    await page.waitForFunction(() => /line 5/.test(document.querySelector('#json-msgs').textContent));
    assert.equal(await page.textContent('label[for="f-title"]'), 'Title');
    await page.click('button[data-lang="zh"]');
    assert.equal(await page.textContent('label[for="f-title"]'), '标题');

    // a GBK file, as Chinese Excel saves it: decoded in the browser, then converted
    await page.click('#tab-csv');
    await page.setInputFiles('#csv-file', join(REPO, 'tests', 'fixtures', 'csv', 'gbk-excel.csv'));
    await waitPreview(page, 3);
    assert.deepEqual((await previewPoints(page, 'desktop')).map((p) => [p.category, p.value]), [['醴陵市', 12000], ['攸县', 9800], ['茶陵县', 8600]]);
    assert.match(await page.textContent('#csv-msgs'), /GBK/);
    assert.match(await page.$eval('#csv', (t) => t.value), /^县市区,新建改建户厕（户）/);
    assert.equal(await page.$eval('#f-title', (i) => i.value), 'gbk-excel', 'the file name is the default title, as in the CLI');

    // a published feed, by its address: the snippets use that address
    await page.click('#tab-url');
    await page.fill('#url', '/examples/multi-dataset.json');
    await page.click('#load');
    await waitPreview(page, 1);
    assert.equal(await page.$eval('#feed-url', (i) => i.value), `${server.url}examples/multi-dataset.json`);
    assert.equal(await page.$eval('#dataset-row', (r) => r.hidden), false, 'a feed of several datasets offers them');
    await page.selectOption('#dataset', 'toilets');
    await waitPreview(page, 2);
    await page.waitForFunction(() => /dataset="toilets"/.test(document.querySelector('#snippet-element').value));
    assert.match(await page.$eval('#snippet-iframe', (t) => t.value), /&amp;dataset=toilets&amp;/);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});
