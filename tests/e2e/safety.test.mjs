// Text safety in the page: feeds with script-injection payloads in every field
// (tests/e2e/pages/feeds/payloads*.json) run no script, and every payload shows
// literally, as text, in the shadow DOM: title, subtitle and byline, tabs,
// legend, notes, source, tooltip, aria-label, live region, table cells and the
// error box. A script link is refused. The SVG side is tests/safety.rs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, launch, watch } from './helpers.mjs';
import { startFaultServer } from './faultserver.mjs';

const feed = (name) => JSON.parse(readFileSync(join(REPO, 'tests', 'e2e', 'pages', 'feeds', name), 'utf8')).datasets;

let server;
let browser;
let page;
let log;
before(async () => {
  [server, browser] = await Promise.all([startFaultServer(), launch()]);
  page = await browser.context.newPage();
  log = watch(page);
  await page.goto(`${server.url}e2e/harness.html`);
  await page.waitForFunction(() => window.__ready === true);
});
after(async () => { await browser?.close(); await server?.close(); });

async function mount(id, src) {
  await page.evaluate(([id, src]) => {
    for (const old of document.querySelectorAll('news-chart')) old.remove();
    const el = document.createElement('news-chart');
    el.id = id;
    el.setAttribute('src', src);
    document.body.append(el);
  }, [id, src]);
  await page.waitForFunction((id) => ['ready', 'error'].includes(document.getElementById(id)?.getAttribute('data-state')), id, { timeout: 30000 });
}

/** No script ran: a control image inserted as HTML fires its onerror, and by then no payload has. */
async function noScriptRan() {
  await page.evaluate(() => new Promise((ok) => {
    window.__control = () => ok();
    const d = document.createElement('div');
    d.innerHTML = '<img src="/nothing-here.png" onerror="window.__control()">';
    document.body.append(d);
  }));
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a payload ran');
}

/** Elements and attributes in the chart's shadow root that markup in a feed would have made. */
function injected(id) {
  return page.$eval(`#${id}`, (el) => {
    const bad = [];
    for (const n of el.shadowRoot.querySelectorAll('*')) {
      if (['IMG', 'SCRIPT', 'IFRAME', 'svg', 'OBJECT', 'EMBED'].includes(n.tagName)) bad.push(n.tagName);
      for (const a of n.attributes) if (/^on/i.test(a.name)) bad.push(`${n.tagName}[${a.name}]`);
      if (n.tagName === 'A' && !/^https?:$/.test(n.protocol)) bad.push(`a[href=${n.getAttribute('href')}]`);
    }
    return bad;
  });
}

test('payloads in every field of a chart show literally and run nothing', async () => {
  const [ds, second] = feed('payloads.json');
  await mount('p', '/e2e/feeds/payloads.json');
  assert.equal(await page.$eval('#p', (el) => el.getAttribute('data-state')), 'ready');
  const text = await page.$eval('#p', (el) => {
    const r = el.shadowRoot;
    const q = (s) => r.querySelector(s);
    return {
      title: q('.nc-title').textContent,
      subtitle: q('.nc-subtitle').textContent,
      tabs: [...r.querySelectorAll('.nc-tab')].map((t) => t.textContent),
      legend: q('.nc-legend').textContent,
      notes: [...r.querySelectorAll('.nc-notes li')].map((li) => li.textContent),
      source: q('.nc-source').textContent,
      link: { href: q('.nc-source a').href, rel: q('.nc-source a').rel },
      aria: q('canvas').getAttribute('aria-label'),
    };
  });
  assert.equal(text.title, ds.title);
  assert.ok(text.subtitle.includes(ds.subtitle) && text.subtitle.includes(ds.byline), text.subtitle);
  assert.deepEqual(text.tabs, [ds.title, second.title]);
  for (const s of ds.series) assert.ok(text.legend.includes(s.name), `legend: ${text.legend}`);
  assert.deepEqual(text.notes, ds.notes);
  assert.equal(text.source, `Source: ${ds.source.text}`);
  assert.equal(text.link.rel, 'noopener noreferrer');
  assert.equal(text.link.href, new URL(ds.source.url).href);
  assert.ok(text.aria.includes(ds.title) && text.aria.includes(ds.categories[0]) && text.aria.includes(ds.unit), `aria-label: ${text.aria}`);

  // the tooltip: category, series and value with the unit, each as text
  await page.locator('#p').scrollIntoViewIfNeeded();
  const at = await page.evaluate(() => {
    const el = document.getElementById('p');
    const p = el.points()[0];
    const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: r.left + p.bar.x + p.bar.w / 2, y: r.top + p.bar.y + p.bar.h / 2 };
  });
  await page.mouse.move(at.x, at.y);
  const tip = page.locator('#p .nc-tooltip');
  await tip.waitFor({ state: 'visible', timeout: 5000 });
  const lines = await tip.evaluate((t) => [...t.children].map((c) => c.textContent));
  assert.equal(lines[0], ds.categories[0]);
  assert.equal(lines[1], ds.series[0].name);
  assert.ok(lines[2].endsWith(ds.unit), lines[2]);

  // the live region the keyboard fills
  await page.$eval('#p', (el) => el.shadowRoot.querySelector('canvas').focus());
  await page.keyboard.press('ArrowRight');
  const live = await page.$eval('#p', (el) => el.shadowRoot.querySelector('.nc-live').textContent);
  assert.ok(live.startsWith(ds.categories[0]), live);

  // the second tab's title, after switching to it
  await page.$eval('#p', (el) => el.selectDataset('two'));
  assert.equal(await page.$eval('#p', (el) => el.shadowRoot.querySelector('.nc-title').textContent), second.title);

  assert.deepEqual(await injected('p'), []);
  await noScriptRan();
});

test('payloads in a table chart: caption, headers and cells are text', async () => {
  const [ds] = feed('payloads-table.json');
  await mount('t', '/e2e/feeds/payloads-table.json');
  const cells = await page.$eval('#t', (el) => {
    const t = el.shadowRoot.querySelector('.nc-table table');
    return { caption: t.caption.textContent, head: [...t.tHead.rows[0].cells].map((c) => c.textContent), rows: [...t.tBodies[0].rows].map((r) => r.cells[0].textContent), text: t.textContent };
  });
  assert.ok(cells.caption.includes(ds.title), cells.caption);
  for (const s of ds.series) assert.ok(cells.head.some((h) => h.includes(s.name)), `headers: ${cells.head}`);
  assert.deepEqual(cells.rows, ds.categories);
  assert.deepEqual(await injected('t'), []);
  await noScriptRan();
});

test('a javascript: link is refused, and the error box shows it as text', async () => {
  await mount('l', '/e2e/feeds/payloads-link.json');
  assert.equal(await page.$eval('#l', (el) => el.getAttribute('data-state')), 'error');
  const box = await page.$eval('#l', (el) => el.shadowRoot.querySelector('.nc-error').textContent);
  assert.match(box, /datasets\[0\]\.source\.url/);
  assert.ok(box.includes('link "javascript:window.__pwned=4" is not allowed; only http:// and https:// addresses are'), box);
  assert.equal(await page.$eval('#l', (el) => el.shadowRoot.querySelectorAll('a').length), 0);
  assert.deepEqual(await injected('l'), []);
  await noScriptRan();
  assert.deepEqual(log.errors, [], 'no uncaught exception');
});
