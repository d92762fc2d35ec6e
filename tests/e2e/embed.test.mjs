// End-to-end tests of the embeds an editor pastes into a CMS: the element, the div for CMSs
// that strip unknown tags, and the iframe for CMSs that strip scripts; isolation from hostile
// page CSS; theming; a strict Content-Security-Policy; a long page of 20 charts (one wasm
// download and compile, lazy feeds, no layout shift); the events and requests a host page sees;
// and dist/, the CDN build, with its Subresource Integrity hashes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng } from '../cross/png.mjs';
import { ARTIFACTS, REPO, launch, pointCenter, readBack, settled, startServer, watch } from './helpers.mjs';

const DIST = join(REPO, 'dist');
const PAGES = 'e2e/embed/';
/** No test may hang a run: each fails after this long. */
const TIMEOUT = 120000;
let server;
let browser;
let scratch; // a folder served at /scratch: pages written by the tests
before(async () => {
  if (!existsSync(join(DIST, 'snippets.json'))) {
    const r = spawnSync('bash', [join(REPO, 'scripts', 'dist.sh'), '--no-build'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `scripts/dist.sh failed:\n${r.stdout}\n${r.stderr}`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'newschart-embed-'));
  server = await startServer(['--mount', '/newschart=dist', '--mount', `/scratch=${scratch}`]);
  browser = await launch({ reducedMotion: 'reduce' });
});
after(async () => {
  await browser?.close();
  server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const other = (url) => url.replace('127.0.0.1', 'localhost'); // same server, another origin

/** Fraction of pixels that differ by more than `tol` in any channel; Infinity when the sizes differ. */
function pngDiff(a, b, tol = 24) {
  const A = decodePng(a);
  const B = decodePng(b);
  if (A.width !== B.width || A.height !== B.height) return Infinity;
  let bad = 0;
  for (let y = 0; y < A.height; y++) {
    for (let x = 0; x < A.width; x++) {
      const p = A.pixel(x, y);
      const q = B.pixel(x, y);
      if (p.some((v, i) => Math.abs(v - q[i]) > tol)) bad++;
    }
  }
  return bad / (A.width * A.height);
}

/** Records every newschart event that reaches the document, from the first script on. */
const RECORD_EVENTS = () => {
  window.__events = [];
  for (const type of ['newschart:ready', 'newschart:error', 'newschart:interact']) {
    document.addEventListener(type, (e) => {
      const host = e.target;
      window.__events.push({ type, id: host.id || host.parentElement?.id || '', tag: host.localName, detail: JSON.parse(JSON.stringify(e.detail)) });
    });
  }
};

test('the element and the div form render, a div added or changed later follows, and every event carries its details', { timeout: TIMEOUT }, async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.addInitScript(RECORD_EVENTS);
  await page.goto(`${server.url}${PAGES}forms.html`);
  await settled(page, 3);
  // the div kept its class and id, and got a chart with its data-* as attributes and its content as fallback
  const div = await page.$eval('#div', (d) => {
    const c = d.querySelector(':scope > news-chart');
    return { cls: d.className, n: d.children.length, src: c.getAttribute('src'), height: c.getAttribute('height'),
      fallback: c.querySelector('p')?.textContent, state: c.getAttribute('data-state'), points: c.points().length };
  });
  assert.deepEqual(div, { cls: 'news-chart cms-embed', n: 1, src: '/feeds/employment.json', height: '110',
    fallback: '已就业脱贫户7.25万人。', state: 'ready', points: 1 });
  assert.equal(await page.$eval('#tag', (e) => e.getAttribute('data-state')), 'ready');
  assert.equal(await page.$eval('#broken news-chart', (e) => e.getAttribute('data-state')), 'error');

  // ready and error, with details, from both forms (they bubble out of the div too)
  const events = await page.evaluate(() => window.__events);
  const ready = events.filter((e) => e.type === 'newschart:ready');
  assert.deepEqual(ready.map((e) => [e.id, e.tag, e.detail.src, e.detail.dataset, e.detail.points]).sort(), [
    ['div', 'news-chart', '/feeds/employment.json', 'employment', 1],
    ['tag', 'news-chart', '/feeds/toilets.json', 'toilets', 2],
  ]);
  const errors = events.filter((e) => e.type === 'newschart:error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].id, 'broken');
  assert.equal(errors[0].detail.src, '/e2e/feeds/invalid.json');
  assert.ok(errors[0].detail.problems.length > 0 && errors[0].detail.problems[0].line > 0, 'the problem is located');
  assert.ok(errors[0].detail.problems.every((p) => p.zh && p.en), 'each problem in Chinese and English');

  // interact: a hover and a key press, with what was pointed at
  await page.locator('#tag').scrollIntoViewIfNeeded();
  const { x, y } = await pointCenter(page, '#tag', 0);
  await page.mouse.move(x, y);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'newschart:interact'));
  await page.focus('#tag >> canvas');
  await page.keyboard.press('End');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'newschart:interact' && e.detail.how === 'keyboard'));
  const interact = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'newschart:interact');
  const hover = interact.find((e) => e.detail.how === 'hover');
  assert.deepEqual({ id: hover.id, ...hover.detail }, { id: 'tag', how: 'hover', dataset: 'toilets', category: '排查整改财政补助户厕', series: '户数', value: 1960000 });
  const key = interact.find((e) => e.detail.how === 'keyboard');
  assert.equal(key.detail.value, 54000);

  // a div the CMS adds later, and one that becomes a chart when it gets the class
  await page.$eval('#root', (root) => {
    root.insertAdjacentHTML('beforeend', '<div class="news-chart" id="late" data-src="/feeds/hamlets.json" data-height="200"><p>later</p></div>');
    const d = document.createElement('div');
    d.id = 'classed';
    d.dataset.src = '/feeds/toilets.json';
    root.append(d);
    d.className = 'news-chart';
  });
  await settled(page, 5);
  assert.equal(await page.$eval('#late news-chart', (c) => c.points().length), 9);
  assert.equal(await page.$eval('#classed news-chart', (c) => c.points().length), 2);
  // changing the div's data-src (and data-dataset) changes the chart
  await page.$eval('#late', (d) => { d.dataset.src = '/examples/multi-dataset.json'; d.dataset.dataset = 'toilets'; });
  await page.waitForFunction(() => {
    const c = document.querySelector('#late news-chart');
    return c.getAttribute('src') === '/examples/multi-dataset.json' && c.getAttribute('data-state') === 'ready' && c.points().length === 2;
  });
  assert.equal(await page.$eval('#late news-chart', (c) => c.getAttribute('dataset')), 'toilets');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('the widget makes no request but its own files and its feeds', { timeout: TIMEOUT }, async () => {
  const page = await browser.context.newPage();
  const requests = [];
  const foreign = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!url.startsWith(server.url)) { foreign.push(url); return route.abort(); }
    requests.push(url.slice(server.url.length - 1));
    return route.continue();
  });
  await page.goto(`${server.url}${PAGES}forms.html`);
  await settled(page, 3);
  // interaction and the tools must not fetch anything either
  const { x, y } = await pointCenter(page, '#tag', 1);
  await page.mouse.move(x, y);
  await page.waitForFunction(() => !document.querySelector('#tag').shadowRoot.querySelector('.nc-tooltip').hidden);
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.deepEqual(requests.sort(), [
    '/e2e/embed/forms.html',
    '/e2e/feeds/invalid.json',
    '/feeds/employment.json',
    '/feeds/toilets.json',
    '/pkg/newschart.js',
    '/pkg/newschart_wasm.js',
    '/pkg/newschart_wasm_bg.wasm',
    // the page has a broken feed: problems.js shows them, with their words from problem-words.js
    '/pkg/problem-words.js',
    '/pkg/problems.js',
    '/pkg/view.js',
  ]);
  await page.close();
});

test('hostile page CSS changes nothing in a chart (screenshots of both forms match a clean page), and the chart\'s CSS stays inside', { timeout: TIMEOUT }, async () => {
  const shots = {};
  for (const name of ['clean', 'hostile']) {
    const page = await browser.context.newPage();
    const log = watch(page);
    await page.goto(`${server.url}${PAGES}${name}.html`);
    await settled(page, 2);
    for (const [key, sel] of [['tag', '#tag'], ['div', '#div > news-chart']]) {
      await page.locator(sel).scrollIntoViewIfNeeded();
      const box = await page.$eval(sel, (el) => {
        const c = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
        const h = el.getBoundingClientRect();
        return { host: [h.width, h.height], canvas: [c.width, c.height], title: getComputedStyle(el.shadowRoot.querySelector('.nc-title')).fontSize };
      });
      const png = await page.locator(sel).screenshot({ path: join(ARTIFACTS, `embed-${name}-${key}.png`) });
      shots[`${name}-${key}`] = { png, box };
    }
    // the tooltip keeps its own size and place
    const { x, y } = await pointCenter(page, '#tag', 0);
    await page.mouse.move(x, y);
    await page.waitForFunction(() => !document.querySelector('#tag').shadowRoot.querySelector('.nc-tooltip').hidden);
    shots[`${name}-tip`] = await page.$eval('#tag', (el) => {
      const t = el.shadowRoot.querySelector('.nc-tooltip');
      const r = t.getBoundingClientRect();
      return { font: getComputedStyle(t).fontSize, box: [r.x, r.y, r.width, r.height].map(Math.round), text: t.textContent };
    });
    if (name === 'clean') {
      // nothing of the chart's CSS reaches the page: decoys with its class names and tags keep the browser's styles
      const decoys = await page.evaluate(() => ({
        figure: getComputedStyle(document.querySelector('#decoy-figure')).display,
        title: getComputedStyle(document.querySelector('#decoy-title')).fontWeight,
        tooltip: getComputedStyle(document.querySelector('#decoy-tooltip')).position,
        canvas: getComputedStyle(document.querySelector('#decoy-canvas')).display,
        notes: getComputedStyle(document.querySelector('#decoy-notes')).listStyleType,
        sheets: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length,
        styles: document.querySelectorAll('style').length,
      }));
      assert.deepEqual(decoys, { figure: 'block', title: '400', tooltip: 'static', canvas: 'inline', notes: 'disc', sheets: 1, adopted: 0, styles: 0 });
    }
    assert.deepEqual(log.errors, []);
    await page.close();
  }
  for (const key of ['tag', 'div']) {
    const a = shots[`clean-${key}`];
    const b = shots[`hostile-${key}`];
    assert.deepEqual(b.box, a.box, `${key}: element, canvas and title sizes`);
    assert.equal(a.box.canvas[0], a.box.host[0], `${key}: the canvas spans the chart`);
    const d = pngDiff(a.png, b.png);
    assert.ok(d < 0.002, `${key}: ${(d * 100).toFixed(2)}% of pixels differ from the clean page`);
  }
  assert.deepEqual(shots['hostile-tip'], shots['clean-tip']);
});

test('theming: --nc-* custom properties recolour the bars (pixel read-back), text and font; theme="dark"/"light" switch the whole chart', { timeout: TIMEOUT }, async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}${PAGES}theme.html`);
  await settled(page, 4);
  const bar = async (sel) => (await readBack(page, sel)).bars[0];
  await page.locator('#plain').scrollIntoViewIfNeeded();
  assert.deepEqual(await bar('#plain'), [0x00, 0x72, 0xb2, 255], 'default palette');
  await page.locator('#custom').scrollIntoViewIfNeeded();
  assert.deepEqual(await bar('#custom'), [0xe4, 0x57, 0x2e, 255], '--nc-palette');
  await page.locator('#dark').scrollIntoViewIfNeeded();
  assert.deepEqual(await bar('#dark'), [0x56, 0xb4, 0xe9, 255], 'dark palette');
  const style = (sel) => page.$eval(sel, (el) => {
    const cs = (q) => getComputedStyle(el.shadowRoot.querySelector(q));
    return { title: cs('.nc-title').color, subtitle: cs('.nc-subtitle').color, font: cs('.nc-title').fontFamily,
      size: cs('.nc-title').fontSize, background: cs('.nc').backgroundColor, focus: cs('canvas').getPropertyValue('--nc-accent').trim() };
  });
  const plain = await style('#plain');
  assert.equal(plain.title, 'rgb(26, 26, 26)');
  assert.equal(plain.background, 'rgba(0, 0, 0, 0)', 'without a theme the page shows through');
  const custom = await style('#custom');
  assert.equal(custom.title, 'rgb(18, 52, 86)', '--nc-text');
  assert.equal(custom.subtitle, 'rgb(101, 67, 33)', '--nc-muted');
  assert.match(custom.font, /^Georgia/, '--nc-font');
  assert.equal(custom.size, '18.9px', '--nc-font-size (title at 1.05em)');
  assert.equal(custom.focus, '#aa00aa', '--nc-accent reaches the shadow tree');
  const dark = await style('#dark');
  assert.equal(dark.title, 'rgb(236, 236, 236)');
  assert.equal(dark.background, 'rgb(18, 18, 18)');
  const light = await style('#light');
  assert.equal(light.title, 'rgb(26, 26, 26)');
  assert.equal(light.background, 'rgb(255, 255, 255)');
  // switching the attribute redraws in the other theme
  await page.$eval('#dark', (el) => el.setAttribute('theme', 'light'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#dark').shadowRoot.querySelector('.nc-title')).color === 'rgb(26, 26, 26)');
  await page.waitForFunction(() => {
    const el = document.querySelector('#dark');
    const c = el.shadowRoot.querySelector('canvas');
    const p = el.points()[0];
    const dpr = c.width / c.getBoundingClientRect().width;
    const px = c.getContext('2d').getImageData(Math.floor((p.bar.x + p.bar.w / 2) * dpr), Math.floor((p.bar.y + p.bar.h / 2) * dpr), 1, 1).data;
    return px[0] === 0x00 && px[1] === 0x72 && px[2] === 0xb2;
  });
  await page.locator('#custom').screenshot({ path: join(ARTIFACTS, 'embed-theme-custom.png') });
  await page.close();
});

test('under a strict Content-Security-Policy every chart renders with no violation', { timeout: TIMEOUT }, async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const res = await page.goto(`${server.url}${PAGES}csp.html`);
  assert.equal(res.headers()['content-security-policy'], "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  await settled(page, 4);
  const states = await page.$$eval('news-chart', (els) => els.map((e) => `${e.id || e.parentElement.id}:${e.getAttribute('data-state')}`));
  assert.deepEqual(states, ['bars:ready', 'div:ready', 'tabs:ready', 'broken:error']);
  // styles came from a constructed sheet, not a <style> element
  assert.deepEqual(await page.$$eval('news-chart', (els) => els.map((e) => [e.shadowRoot.adoptedStyleSheets.length, e.shadowRoot.querySelectorAll('style').length])),
    [[1, 0], [1, 0], [1, 0], [1, 0]]);
  // what moves things with CSSOM: the tooltip, a tab switch, the table toggle
  await page.locator('#bars').scrollIntoViewIfNeeded();
  const { x, y } = await pointCenter(page, '#bars', 0);
  await page.mouse.move(x, y);
  await page.waitForFunction(() => !document.querySelector('#bars').shadowRoot.querySelector('.nc-tooltip').hidden);
  await page.locator('#tabs .nc-tab').nth(1).click();
  await page.waitForFunction(() => document.querySelector('#tabs').points().length === 2);
  const { painted } = await readBack(page, '#bars');
  assert.ok(painted > 1000, 'the chart is drawn');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'securitypolicyviolation events');
  const cspConsole = log.console.filter((m) => /Content.Security.Policy|Refused to/i.test(m.text));
  assert.deepEqual(cspConsole, [], 'CSP messages in the console');
  const otherErrors = log.console.filter((m) => m.type === 'error' && !m.text.startsWith('[newschart] /e2e/feeds/invalid.json'));
  assert.deepEqual(otherErrors, [], 'console errors besides the broken feed\'s report');
  assert.deepEqual(log.errors, []);
  // the listener does catch what the policy forbids: an inline style and a <style> element
  await page.evaluate(() => {
    const s = document.createElement('style');
    s.textContent = 'body { color: red }';
    document.head.append(s);
    document.body.setAttribute('style', 'color: red');
  });
  await page.waitForFunction(() => window.__csp.length >= 2);
  await page.close();
});

test('a long page of 20 charts: one wasm download and compile, feeds only as charts near the viewport, no layout shift', { timeout: TIMEOUT }, async () => {
  const { context, close } = await launch({ viewport: { width: 1000, height: 800 }, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    const log = watch(page);
    const wasm = [];
    const feeds = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('.wasm')) wasm.push(u.pathname);
      if (u.searchParams.has('n')) feeds.push(Number(u.searchParams.get('n')));
    });
    await page.addInitScript(() => {
      window.__cls = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls.push({ value: e.value, at: Math.round(e.startTime), sources: (e.sources || []).map((s) => s.node?.nodeName || '?') });
      }).observe({ type: 'layout-shift', buffered: true });
      window.__compiles = 0;
      for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
        const f = WebAssembly[name];
        WebAssembly[name] = function (...args) {
          // instantiate(module) makes an instance of a compiled module: not a compile
          if (!(name === 'instantiate' && args[0] instanceof WebAssembly.Module)) window.__compiles++;
          return f.apply(this, args);
        };
      }
    });
    await page.goto(`${server.url}${PAGES}many.html`);
    const charts = () => page.$$eval('news-chart', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { n: Number(new URL(e.getAttribute('src'), location.href).searchParams.get('n')), top: r.top, bottom: r.bottom, state: e.getAttribute('data-state') };
    }));
    await page.waitForFunction(() => document.querySelectorAll('news-chart').length === 20);
    // the charts in or near the first screen load; the rest wait
    await page.waitForFunction(() => [...document.querySelectorAll('news-chart')].some((e) => e.getAttribute('data-state') === 'ready'));
    await page.waitForFunction(() => [...document.querySelectorAll('news-chart')]
      .filter((e) => e.getBoundingClientRect().top < innerHeight).every((e) => e.getAttribute('data-state') === 'ready'));
    const first = await charts();
    const fetchedAtTop = [...new Set(feeds)].sort((a, b) => a - b);
    assert.ok(fetchedAtTop.length >= 1 && fetchedAtTop.length < 6, `feeds fetched before scrolling: ${fetchedAtTop}`);
    for (const n of fetchedAtTop) {
      const c = first.find((k) => k.n === n);
      assert.ok(c.top < 800 + 600 + 1, `chart ${n} (top ${Math.round(c.top)} px) was fetched though far below the viewport`);
    }
    assert.ok(first.filter((c) => c.state === 'idle').length >= 14, 'charts far below the viewport are still idle');

    // scroll down as a reader does, a part of a screen at a time
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 500) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      await page.waitForFunction(() => [...document.querySelectorAll('news-chart')]
        .filter((e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })
        .every((e) => ['ready', 'error'].includes(e.getAttribute('data-state'))));
    }
    const last = await charts();
    assert.deepEqual(last.map((c) => c.state), Array(20).fill('ready'));
    assert.deepEqual([...feeds].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1), 'each feed fetched once, all after scrolling');
    assert.equal(wasm.length, 1, `wasm requests: ${wasm}`);
    assert.equal(await page.evaluate(() => window.__compiles), 1, 'wasm compiles');
    // cumulative layout shift: nothing moved while the charts loaded
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const shifts = await page.evaluate(() => window.__cls);
    const cls = shifts.reduce((a, e) => a + e.value, 0);
    assert.equal(cls, 0, `layout shifts: ${JSON.stringify(shifts)}`);
    assert.deepEqual(log.errors, []);
    // and the observer does see a shift when there is one
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.evaluate(() => { const d = document.createElement('div'); d.style.height = '200px'; document.querySelector('main').prepend(d); });
    await page.waitForFunction(() => window.__cls.reduce((a, e) => a + e.value, 0) > 0);
    await page.close();
  } finally {
    await close();
  }
});

test('the iframe form takes the height of its chart, passes its events on, and trusts only its own frame and origin', { timeout: TIMEOUT }, async () => {
  const page = await browser.context.newPage();
  const log = watch(page);
  const host = other(server.url); // the article's site; the embeds come from server.url, another origin
  await page.goto(`${host}${PAGES}iframe-host.html`);
  await page.evaluate(() => {
    window.__frameEvents = [];
    for (const type of ['newschart:ready', 'newschart:interact']) {
      document.addEventListener(type, (e) => window.__frameEvents.push({ type, id: e.target.id, detail: e.detail }));
    }
  });
  const embed = `${server.url}embed.html?src=${encodeURIComponent('/feeds/hamlets.json')}&height=300&theme=light`;
  const frames = {
    chart: `<iframe id="chart" data-newschart src="${embed.replace(/&/g, '&amp;')}" title="幸福屋场" width="100%" height="150" frameborder="0"></iframe>`,
    // a frame that navigates itself to another origin before it posts: its messages come from the wrong origin
    hop: `<iframe id="hop" data-newschart src="${server.url}${PAGES}hop.html?h=2345" width="300" height="150"></iframe>`,
    // the same poster from the frame's own origin: believed (so the hop is refused for its origin, nothing else)
    forge: `<iframe id="forge" data-newschart src="${server.url}${PAGES}forge.html?h=2345" width="300" height="150"></iframe>`,
    huge: `<iframe id="huge" data-newschart src="${server.url}${PAGES}forge.html?h=999999" width="300" height="150"></iframe>`,
    tiny: `<iframe id="tiny" data-newschart src="${server.url}${PAGES}forge.html?h=1" width="300" height="150"></iframe>`,
    // an iframe that is not a newschart embed
    stranger: `<iframe id="stranger" src="${server.url}${PAGES}forge.html?h=777" width="300" height="150"></iframe>`,
  };
  await page.$eval('#root', (root, html) => { root.innerHTML = html; }, Object.values(frames).join('\n'));
  const frameHeight = (id) => page.$eval(`#${id}`, (f) => f.clientHeight);
  await page.waitForFunction(() => document.querySelector('#forge').clientHeight === 2345);
  await page.waitForFunction(() => document.querySelector('#huge').clientHeight === 10000);
  await page.waitForFunction(() => document.querySelector('#tiny').clientHeight === 50);
  // the hop frame is now on the host's origin: wait until it has posted, then check nothing moved
  await page.waitForFunction(() => { try { return document.querySelector('#hop').contentDocument?.title === 'posted 2345'; } catch (_) { return false; } });
  const strangerFrame = page.frames().find((f) => f.url().includes('h=777'));
  await strangerFrame.waitForFunction(() => document.title === 'posted 777');
  // and the page itself posting is no frame's message
  await page.evaluate(() => window.postMessage({ type: 'newschart:height', height: 3333 }, '*'));
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0)));
  assert.equal(await frameHeight('hop'), 150, 'a message from another origin than the iframe\'s src');
  assert.equal(await frameHeight('stranger'), 150, 'an iframe that is not an embed');
  assert.ok(!(await page.evaluate(() => window.__frameEvents.some((e) => e.detail?.forged && e.id !== 'forge' && e.id !== 'huge' && e.id !== 'tiny'))), 'forged events only from believed frames');

  // the real embed: the chart draws inside, the iframe takes its height, no scrollbar
  const frame = page.frames().find((f) => f.url().startsWith(`${server.url}embed.html`));
  await frame.waitForFunction(() => document.querySelector('news-chart')?.getAttribute('data-state') === 'ready', null, { timeout: 20000 });
  const content = () => frame.evaluate(() => Math.ceil(document.body.clientHeight));
  let want = await content();
  assert.equal(want, 300 + 136, 'plot height + the words\' room');
  await page.waitForFunction((h) => document.querySelector('#chart').clientHeight === h, want);
  assert.deepEqual(await frame.evaluate(() => [document.documentElement.scrollHeight <= innerHeight, document.documentElement.scrollWidth <= innerWidth]), [true, true], 'no scrollbar');
  assert.equal(await frame.evaluate(() => document.querySelector('news-chart').points().length), 9);
  // a taller chart: the iframe follows
  await frame.evaluate(() => document.querySelector('news-chart').setAttribute('height', '420'));
  want = 420 + 136;
  await page.waitForFunction((h) => document.querySelector('#chart').clientHeight === h, want);
  assert.equal(await content(), want);
  // the chart's events reach the host page as events of the <iframe>
  await page.waitForFunction(() => window.__frameEvents.some((e) => e.id === 'chart' && e.type === 'newschart:ready'));
  const ready = await page.evaluate(() => window.__frameEvents.find((e) => e.id === 'chart' && e.type === 'newschart:ready').detail);
  assert.deepEqual([ready.dataset, ready.points, ready.src], ['hamlets', 9, `${server.url}feeds/hamlets.json`]);
  await page.locator('#chart').scrollIntoViewIfNeeded();
  const box = await page.$eval('#chart', (f) => f.getBoundingClientRect().toJSON());
  const p = await frame.evaluate(() => {
    const el = document.querySelector('news-chart');
    const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    const q = el.points()[2];
    return { x: r.left + q.bar.x + q.bar.w / 2, y: r.top + q.bar.y + q.bar.h / 2 };
  });
  await page.mouse.move(box.x + p.x, box.y + p.y);
  await page.waitForFunction(() => window.__frameEvents.some((e) => e.id === 'chart' && e.type === 'newschart:interact'));
  const hover = await page.evaluate(() => window.__frameEvents.find((e) => e.id === 'chart' && e.type === 'newschart:interact').detail);
  assert.equal(hover.how, 'hover');
  assert.equal(hover.dataset, 'hamlets');
  await page.locator('#chart').screenshot({ path: join(ARTIFACTS, 'embed-iframe.png') });
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('embed.html takes src as data: only relative or http(s) addresses, never markup', { timeout: TIMEOUT }, async () => {
  const page = await browser.context.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  for (const bad of ['javascript:alert(1)', 'data:application/json,{}', ' JAVASCRIPT:alert(1)', '']) {
    await page.goto(`${server.url}embed.html?src=${encodeURIComponent(bad)}`);
    await page.waitForSelector('.embed-error');
    assert.equal(await page.$$eval('news-chart', (els) => els.length), 0, `${JSON.stringify(bad)} is refused`);
  }
  const markup = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>.json';
  await page.goto(`${server.url}embed.html?src=${encodeURIComponent(markup)}&dataset=${encodeURIComponent('<b>x</b>')}`);
  await page.waitForFunction(() => document.querySelector('news-chart')?.getAttribute('data-state') === 'error');
  const state = await page.evaluate(() => ({ pwned: window.__pwned, imgs: document.querySelectorAll('img').length,
    src: document.querySelector('news-chart').getAttribute('src'), dataset: document.querySelector('news-chart').getAttribute('dataset'),
    shown: document.querySelector('news-chart').shadowRoot.querySelector('.nc-error-src').textContent }));
  assert.equal(state.pwned, undefined);
  assert.equal(state.imgs, 0);
  assert.equal(state.dataset, '<b>x</b>');
  assert.ok(state.src.startsWith(server.url) && state.shown.includes(state.src), 'the address is shown as text');
  assert.equal(dialogs, 0);
  await page.close();
});

test('dist/: hashed names match their content, the snippets\' SRI hashes match the files, and a page using only dist/ renders', { timeout: TIMEOUT }, async () => {
  const snippets = JSON.parse(readFileSync(join(DIST, 'snippets.json'), 'utf8'));
  const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;
  const names = Object.values(snippets.files).map((f) => f.name);
  assert.equal(names.length, 13);
  for (const f of Object.values(snippets.files)) {
    const buf = readFileSync(join(DIST, f.name));
    assert.equal(sri(buf), f.integrity, `${f.name}: SRI`);
    assert.equal(createHash('sha256').update(buf).digest('hex').slice(0, 12), f.name.split('.').at(-2), `${f.name}: the name's hash`);
  }
  // every integrity attribute in the snippets and in embed.html is the hash of the file it names
  const check = (html, where) => {
    const tags = [...html.matchAll(/(?:src|href)="([^"]+)"[^>]*? integrity="([^"]+)"/g)];
    assert.ok(tags.length > 0, `${where}: has integrity attributes`);
    for (const [, url, integrity] of tags) {
      const file = url.split('/').at(-1);
      assert.equal(sri(readFileSync(join(DIST, file))), integrity, `${where}: ${file}`);
    }
    return tags.length;
  };
  assert.equal(check(snippets.forms.element, 'element snippet'), 1);
  assert.equal(check(snippets.forms.div, 'div snippet'), 1);
  assert.equal(check(snippets.siteTemplate.resizer, 'resizer snippet'), 1);
  assert.equal(check(readFileSync(join(DIST, 'embed.html'), 'utf8'), 'embed.html'), 3);
  // the loader names the hashed view and carries the SRI of view and glue; the view, the wasm's
  const loader = readFileSync(join(DIST, snippets.files['newschart.js'].name), 'utf8');
  assert.match(loader, new RegExp(`["'\`]\\./${snippets.files['view.js'].name.replace(/\./g, '\\.')}["'\`]`), 'the loader imports the hashed view');
  // (it requests the wasm itself beside the view, so it carries the wasm's SRI too)
  assert.ok(loader.includes(snippets.files['view.js'].integrity) && loader.includes(snippets.files['newschart_wasm.js'].integrity));
  assert.ok(loader.includes(snippets.files['newschart_wasm_bg.wasm'].integrity), 'the loader checks the wasm it requests');
  const view = readFileSync(join(DIST, snippets.files['view.js'].name), 'utf8');
  assert.ok(view.includes(snippets.files['newschart_wasm_bg.wasm'].integrity));
  assert.ok(view.includes(snippets.files['newschart_large_bg.wasm'].integrity), 'the view checks the large-data module it loads');
  assert.ok(view.includes(snippets.files['download.js'].integrity), 'the view checks the downloads module it imports');
  assert.ok(view.includes(snippets.files['problems.js'].integrity), 'the view checks the problems module it imports');
  // which carries that of problem-words.js, which it loads for a broken feed's words (never the builder's module)
  const problems = readFileSync(join(DIST, snippets.files['problems.js'].name), 'utf8');
  assert.ok(problems.includes(snippets.files['problem-words.js'].integrity));
  assert.ok(!problems.includes(snippets.files['newschart_builder.js'].integrity) && !/newschart_builder/.test(problems), 'problems.js does not load the builder\'s module');
  assert.ok(!/['"]\.\/(view|download|problems|problem-words|newschart_wasm|newschart_wasm_bg|newschart_large_bg|newschart_builder|newschart_builder_bg)\.(js|wasm)['"?]/.test(loader + view + problems), 'no unhashed name left');
  const html = readFileSync(join(DIST, 'snippets.html'), 'utf8');
  assert.ok(!/<script|style=/.test(html.replace(/&lt;script/g, '')), 'snippets.html has no script or inline style of its own');

  // a blank page with the element and div snippets (the feed address filled in), served with dist/ only
  const feed = (s, src) => s.split(snippets.feed).join(src).split(encodeURIComponent(snippets.feed)).join(encodeURIComponent(src));
  writeFileSync(join(scratch, 'dist.html'), `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>dist</title><link rel="icon" href="data:,">
${snippets.siteTemplate.resizer}</head><body>
${feed(snippets.forms.element, '/feeds/toilets.json')}
${feed(snippets.forms.div, '/feeds/hamlets.json')}
${feed(snippets.forms.iframe, '/feeds/employment.json')}
</body></html>\n`);
  const page = await browser.context.newPage();
  const log = watch(page);
  const paths = log.requested;
  await page.goto(`${server.url}scratch/dist.html`);
  await settled(page, 2);
  assert.deepEqual(await page.$$eval('news-chart', (els) => els.map((e) => [e.getAttribute('data-state'), e.points().length])), [['ready', 2], ['ready', 9]]);
  const frame = page.frames().find((f) => f.url().includes('/newschart/embed.html'));
  await frame.waitForFunction(() => document.querySelector('news-chart')?.getAttribute('data-state') === 'ready');
  await page.waitForFunction(() => document.querySelector('iframe').clientHeight === 220 + 136);
  const widget = paths.filter((p) => !p.startsWith('/feeds/') && p !== '/scratch/dist.html');
  assert.ok(widget.every((p) => p.startsWith('/newschart/')), `only dist/ files: ${widget}`);
  assert.equal(widget.filter((p) => p.endsWith('.wasm')).length, 2, 'one wasm for the page, one for the iframe');
  // the downloads module comes only with a reader's first download, checked against its SRI
  assert.ok(!widget.some((p) => p.includes('/download.')), `no downloads module before a download: ${widget}`);
  assert.ok(!widget.some((p) => p.includes('/problems.')), `no problems module for good charts: ${widget}`);
  const first = page.locator('news-chart').first();
  await first.locator('.nc-tool').nth(1).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), first.locator('.nc-menu-item').nth(1).click()]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  assert.ok(paths.includes(`/newschart/${snippets.files['download.js'].name}`), 'the hashed downloads module was loaded');
  // large data (setColumns): dist/'s large-data module, only now, checked by its SRI
  assert.ok(!paths.some((p) => p.includes('/newschart_large_bg.')), 'no large-data module before large data');
  await first.evaluate((el) => el.setColumns({ x: Array.from({ length: 5000 }, (_, i) => i), series: [{ name: 'a', values: Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i / 99)) }], title: 'columns' }));
  assert.equal(await first.evaluate((el) => [el.getAttribute('data-state'), el.point(4999) !== null].join()), 'ready,true');
  assert.ok(paths.includes(`/newschart/${snippets.files['newschart_large_bg.wasm'].name}`), 'the hashed large-data module was loaded');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  await page.close();

  // a broken feed: its messages come from dist/'s problem-words.js, checked by its SRI (never the builder's module)
  writeFileSync(join(scratch, 'dist-broken.html'), `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>dist</title><link rel="icon" href="data:,"></head><body>
${feed(snippets.forms.element, '/e2e/feeds/missing-title.json')}
</body></html>\n`);
  const broken = await browser.context.newPage();
  const brokenPaths = [];
  broken.on('request', (r) => brokenPaths.push(new URL(r.url()).pathname));
  await broken.goto(`${server.url}scratch/dist-broken.html`);
  await broken.waitForFunction(() => document.querySelector('news-chart').getAttribute('data-state') === 'error' && document.querySelector('news-chart').getAttribute('aria-busy') === 'false');
  assert.match(await broken.$eval('news-chart', (el) => el.shadowRoot.querySelector('.nc-error').textContent), /datasets\[0\] \(第4行，第5列\)：缺少必填字段 "title"/);
  assert.ok(brokenPaths.includes(`/newschart/${snippets.files['problems.js'].name}`), `dist/'s problems module: ${brokenPaths}`);
  assert.ok(brokenPaths.includes(`/newschart/${snippets.files['problem-words.js'].name}`), `dist/'s words: ${brokenPaths}`);
  assert.ok(!brokenPaths.some((p) => /newschart_builder/.test(p)), `no builder module: ${brokenPaths}`);
  await broken.close();

  // a words file altered on the way fails its integrity check: the altered code never runs, and the
  // box still says where, with the generic sentence
  const badWords = await browser.context.newPage();
  await badWords.route(`**/newschart/${snippets.files['problem-words.js'].name}`, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: `${await res.text()}\n;window.__tampered = true;` });
  });
  await badWords.goto(`${server.url}scratch/dist-broken.html`);
  await badWords.waitForFunction(() => document.querySelector('news-chart').getAttribute('data-state') === 'error' && document.querySelector('news-chart').getAttribute('aria-busy') === 'false');
  assert.equal(await badWords.evaluate(() => window.__tampered), undefined, 'the altered words file did not run');
  assert.match(await badWords.$eval('news-chart', (el) => el.shadowRoot.querySelector('.nc-error').textContent), /datasets\[0\] \(第4行，第5列\)：此处有错误（详细说明未能加载）/);
  await badWords.close();

  // a problems module altered on the way fails its integrity check: the altered code never runs, and
  // the broken chart still shows a box (without the details) with its retry button, never a blank
  const badProblems = await browser.context.newPage();
  const badProblemsLog = watch(badProblems);
  await badProblems.route(`**/newschart/${snippets.files['problems.js'].name}`, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: `${await res.text()}\n;window.__tampered = true;` });
  });
  await badProblems.goto(`${server.url}scratch/dist-broken.html`);
  await badProblems.waitForFunction(() => document.querySelector('news-chart').getAttribute('data-state') === 'error' && document.querySelector('news-chart').getAttribute('aria-busy') === 'false');
  assert.equal(await badProblems.evaluate(() => window.__tampered), undefined, 'the altered problems module did not run');
  const fallback = await badProblems.$eval('news-chart', (el) => el.shadowRoot.querySelector('.nc-error').textContent);
  assert.match(fallback, /数据有误，详细说明未能加载 \/ the data has problems; the details could not be loaded/, fallback);
  assert.match(fallback, /missing-title\.json/, fallback);
  assert.ok(await badProblems.$eval('news-chart', (el) => !!el.shadowRoot.querySelector('.nc-error button')), 'a retry button');
  assert.ok(badProblemsLog.console.some((m) => m.type === 'error' && /详细说明未能加载/.test(m.text)), 'the console says why');
  await badProblems.close();

  // a view module altered on the way (a compromised CDN) fails its integrity check: the chart shows its fallback
  const bad = await browser.context.newPage();
  await bad.route(`**/newschart/${snippets.files['view.js'].name}`, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: `${await res.text()}\n;window.__tampered = true;` });
  });
  writeFileSync(join(scratch, 'tampered.html'), `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>dist</title><link rel="icon" href="data:,"></head><body>
${feed(snippets.forms.element, '/feeds/toilets.json').replace('></news-chart>', '><p id="fallback">排查整改196万户。</p></news-chart>')}
</body></html>\n`);
  await bad.goto(`${server.url}scratch/tampered.html`);
  await bad.waitForFunction(() => document.querySelector('news-chart').getAttribute('data-state') === 'error');
  assert.equal(await bad.evaluate(() => window.__tampered), undefined, 'the altered module did not run');
  assert.ok(await bad.$eval('#fallback', (p) => p.getBoundingClientRect().height > 0), 'the fallback sentence shows');
  await bad.close();

  // a downloads module altered on the way fails its integrity check: no file, no altered code run,
  // and the console says the download could not load
  const badDownload = await browser.context.newPage();
  const badLog = watch(badDownload);
  await badDownload.route(`**/newschart/${snippets.files['download.js'].name}`, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: `${await res.text()}\n;window.__tampered = true;` });
  });
  let saved = false;
  badDownload.on('download', () => { saved = true; });
  await badDownload.goto(`${server.url}scratch/dist.html`);
  await settled(badDownload, 2);
  const chart = badDownload.locator('news-chart').first();
  await chart.locator('.nc-tool').nth(1).click();
  await chart.locator('.nc-menu-item').nth(1).click();
  await badDownload.waitForTimeout(500);
  assert.equal(await badDownload.evaluate(() => window.__tampered), undefined, 'the altered downloads module did not run');
  assert.equal(saved, false, 'no file was saved');
  assert.ok(badLog.console.some((m) => m.type === 'error' && /下载功能加载失败|download could not load/.test(m.text)), 'the console says why');
  await badDownload.close();
});
