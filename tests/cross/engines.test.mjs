// The demo article end to end in every reader's engine: Chromium (chromedriver), Firefox ESR
// (geckodriver) and WebKitGTK (WebKitWebDriver + MiniBrowser in a private Xvfb), all through the
// same W3C WebDriver client (./webdriver.mjs) and the same assertions.
//
//   node --test tests/cross/                              # all three engines
//   NEWSCHART_ENGINES=webkit node --test tests/cross/     # one engine (the comparison then fails:
//                                                         # it needs two engines)
//   NEWSCHART_PKG_DIR=/some/pkg node --test tests/cross/  # test another build of pkg/
//
// Needs a built pkg/ (bash scripts/build.sh) and the engines from scripts/setup.sh.
// Screenshots, per-engine times and the API report go to $NEWSCHART_ARTIFACTS
// (default target/e2e-artifacts): cross-<engine>-*.png and cross-engines.json, which also says,
// per engine, which touch checks ran on real touch input and which were NOT tested and why (TOUCH).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES, KEYS, Session, startDriver, until } from './webdriver.mjs';
import { decodePng } from './png.mjs';
import { readBackInPage } from '../common/readback.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTIFACTS = process.env.NEWSCHART_ARTIFACTS || join(REPO, 'target', 'e2e-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const WANTED = (process.env.NEWSCHART_ENGINES || 'chromium,firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);
for (const e of WANTED) if (!ENGINES[e]) throw new Error(`NEWSCHART_ENGINES: unknown engine "${e}" (chromium, firefox, webkit)`);

const CHARTS = ['feeds/employment.json', 'feeds/toilets.json', 'feeds/hamlets.json'];
const sel = (src) => `news-chart[src="${src}"]`;
const slug = (src) => src.replace(/^feeds\//, '').replace(/\.json$/, '');
const feed = (src) => JSON.parse(readFileSync(join(REPO, 'www', src), 'utf8')).datasets[0];
const BAR = [0x00, 0x72, 0xb2, 255]; // first palette colour, #0072b2
// What a reader sees on hovering: from the feeds' numbers, in our own Chinese-unit formatting.
const HOVER = [
  ['feeds/employment.json', 0, 72500, ['已就业脱贫户', '7.25万人', '完成年度任务的107.07%']],
  ['feeds/toilets.json', 1, 54000, ['“百日攻坚”新建改建', '5.4万户']],
  ['feeds/hamlets.json', 0, 28000000, ['醴陵市', '2800万元']],
];

// Real touch input, engine by engine, as found by trying each driver (the two "real touch" tests
// below log every pointer and touch event the page receives, and whether the browser made it).
// `true`: the engine's WebDriver makes real touch input, and the test fails if it ever stops.
// A sentence: why it cannot; the test still tries, and where it indeed cannot, it runs a partial
// check instead and records "NOT tested" with this reason (the log, cross-engines.json, and the
// summary line of scripts/test.sh). An engine that starts making real touch is tested for real,
// with a note to update this table and the README's browser table.
const TOUCH = {
  // (chromedriver's touch actions make the same trusted events as the DevTools protocol's
  // Input.dispatchTouchEvent, tried through chromedriver's goog/cdp/execute)
  chromium: { tap: true, swipe: true },
  // (also tried: Firefox under Xvfb instead of headless, dom.w3c_touch_events.enabled=1,
  // layers.async-pan-zoom.enabled and apz.allow_zooming: no touch swipe scrolled)
  firefox: {
    tap: true,
    swipe: 'geckodriver 0.37\'s touch swipe reaches the page as touch events but scrolls no page, not even plain text',
  },
  // (WebKitWebDriver turns touch into mouse unless built with touch interactions, which only the
  // iOS port and WPE with its new platform API are; and GTK's WebKit itself made touch
  // PointerEvents only after 2.50: WebKit pull request 54407 "[GTK] Enable touch Pointer Events")
  webkit: {
    tap: 'WebKitWebDriver 2.50 has no touch input: WebKitGTK is built with ENABLE_WEBDRIVER_TOUCH_INTERACTIONS off, '
      + 'so it turns a pointerType "touch" action into mouse events',
    swipe: 'WebKitWebDriver 2.50 has no touch input (a touch swipe arrives as a mouse drag)',
  },
};

// --- the static server (scripts/serve.py), as tests/e2e/helpers.mjs starts it ----------------------

function startServer() {
  const args = [join(REPO, 'scripts', 'serve.py'), '--port', '0', '--quiet',
    '--mount', '/e2e=tests/e2e/pages', '--mount', '/cross=tests/cross/pages'];
  if (process.env.NEWSCHART_PKG_DIR) args.push('--mount', `/pkg=${resolve(process.env.NEWSCHART_PKG_DIR)}`);
  const proc = spawn('python3', args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const killed = () => { try { proc.kill('SIGKILL'); } catch { /* gone */ } };
  process.on('exit', killed);
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => { killed(); fail(new Error(`server did not start: ${out}`)); }, 15000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); ok({ url: m[0], close: () => { proc.kill('SIGTERM'); process.off('exit', killed); } }); }
    });
    proc.stderr.on('data', (d) => { out += d; });
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited ${code}: ${out}`)); });
  });
}

// --- functions that run in the page (sent as source through WebDriver) ----------------------------

/** Scrolls a chart to the middle of the viewport and returns what a test needs about it. */
const chartInfo = (selector) => {
  const el = document.querySelector(selector);
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  const root = el.shadowRoot;
  const c = root.querySelector('canvas');
  const r = c.getBoundingClientRect();
  const host = el.getBoundingClientRect();
  const title = root.querySelector('.nc-title');
  // How many lines a block of text wraps to: its text boxes grouped into rows that do not
  // overlap vertically (runs in different fonts on one line have slightly different tops).
  const lines = (e) => {
    if (!e || !e.textContent) return 0;
    const rects = [];
    const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(t); // a text node's rects: one per line box it is in
      rects.push(...[...range.getClientRects()].filter((q) => q.width > 0 && q.height > 0));
    }
    rects.sort((a, b) => a.top - b.top);
    let n = 0;
    let bottom = -Infinity;
    for (const q of rects) {
      if (q.top >= bottom - 2) { n++; bottom = q.bottom; } else bottom = Math.max(bottom, q.bottom);
    }
    return n;
  };
  return {
    canvas: { left: r.left, top: r.top, width: r.width, height: r.height, pxWidth: c.width, pxHeight: c.height },
    host: { left: host.left, top: host.top, width: host.width, height: host.height },
    dpr: window.devicePixelRatio,
    points: el.points(),
    aria: c.getAttribute('aria-label'),
    title: title.textContent,
    lines: ['.nc-title', '.nc-subtitle', '.nc-notes', '.nc-source'].map((q) => lines(root.querySelector(q))),
    error: (() => { const b = root.querySelector('.nc-error'); return b.hidden || getComputedStyle(b).display === 'none' ? null : b.textContent; })(),
  };
};

/** Reads the canvas back: the pixel at every bar's centre and how much of the canvas is painted. */
const readBack = readBackInPage;

/** The tooltip's lines when it is visible, else null. */
const tooltip = (selector) => {
  const t = document.querySelector(selector).shadowRoot.querySelector('.nc-tooltip');
  if (t.hidden || getComputedStyle(t).display === 'none' || t.offsetHeight === 0) return null;
  return Array.from(t.children).map((c) => c.textContent);
};

/** Which browser APIs the widget touches exist here, and which path the widget took. */
const apiReport = () => {
  const el = document.querySelector('news-chart');
  const root = el.shadowRoot;
  let intlCompact = null;
  try { intlCompact = new Intl.NumberFormat('zh-CN', { notation: 'compact' }).format(72500); } catch (e) { intlCompact = `throws: ${e.message}`; }
  const mq = window.matchMedia('(resolution: 1dppx)');
  return {
    userAgent: navigator.userAgent,
    ResizeObserver: typeof ResizeObserver === 'function',
    IntersectionObserver: typeof IntersectionObserver === 'function',
    OffscreenCanvas: typeof OffscreenCanvas === 'function',
    adoptedStyleSheets: 'adoptedStyleSheets' in ShadowRoot.prototype,
    constructableStyleSheets: typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype,
    PointerEvent: typeof PointerEvent === 'function',
    TouchEvent: typeof TouchEvent === 'function',
    maxTouchPoints: navigator.maxTouchPoints,
    matchMediaAddEventListener: typeof mq.addEventListener === 'function',
    replaceChildren: typeof Element.prototype.replaceChildren === 'function',
    FinalizationRegistry: typeof FinalizationRegistry === 'function',
    instantiateStreaming: typeof WebAssembly.instantiateStreaming === 'function',
    intlCompactZh72500: intlCompact,
    widgetUsesAdoptedSheet: (root.adoptedStyleSheets || []).length > 0,
    widgetUsesStyleElement: !!root.querySelector('style'),
  };
};

// --- the run ----------------------------------------------------------------------------------------

let server;
const results = {}; // engine -> everything compared across engines, plus times and the API report
const runStart = Date.now();

before(async () => { server = await startServer(); });
after(async () => {
  server?.close();
  const summary = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, {
    browser: v.browser, seconds: v.seconds, skipped: v.skipped, touch: v.touch, restarts: v.restarts, api: v.api, layout: v.layout,
  }]));
  writeFileSync(join(ARTIFACTS, 'cross-engines.json'), JSON.stringify(summary, null, 2));
  const lines = Object.entries(results).flatMap(([k, v]) => [`  ${k.padEnd(9)} ${String(v.seconds ?? '?').padStart(5)} s  ${v.browser || ''}`,
    ...v.touch.notTested.map((n) => `  ${k.padEnd(9)} touch NOT tested: ${n.what}: ${n.why}`)]);
  console.log(`cross-engine end-to-end, time per engine (total ${((Date.now() - runStart) / 1000).toFixed(1)} s):\n${lines.join('\n')}`);
});

for (const name of WANTED) {
  describe(`${ENGINES[name].label} (${name})`, () => {
    let driver;
    let s;
    let t0;
    const r = results[name] = { texts: {}, skipped: [], touch: { tested: [], notTested: [], partial: [] } };
    const shot = (what) => join(ARTIFACTS, `cross-${name}-${what}.png`);

    before(async () => {
      t0 = Date.now();
      r.restarts = [];
      for (let attempt = 1; ; attempt++) {
        driver = await startDriver(name);
        s = await Session.create(driver.url, ENGINES[name].capabilities());
        s.abort = () => (driver.crashed() ? `the browser crashed: ${driver.crashed()}` : null);
        r.browser = `${s.browserName} ${s.browserVersion}`;
        try { await s.setWindowRect({ width: 1000, height: 900 }); } catch (e) { console.log(`# ${name}: could not size the window: ${e.message}`); }
        // Warm up: the demo article's first paint, where a crash of the engine itself shows up
        // (see ENGINES.webkit.crash). Such a crash gets one fresh browser, said so in the log;
        // any other failure, or a second crash, fails the tests.
        try {
          await s.navigate(server.url);
          await settled(false, 3);
          if (driver.crashed()) throw new Error(driver.crashed());
          break;
        } catch (e) {
          const crash = driver.crashed();
          await s.quit();
          await driver.stop();
          if (!crash || attempt > 1) throw e;
          r.restarts.push(crash);
          console.log(`# ${name}: the browser crashed on its first page (${crash}), an engine bug, not ours; starting a fresh one once`);
        }
      }
    });
    after(async () => {
      await s?.quit();
      await driver?.stop();
      r.seconds = Number(((Date.now() - t0) / 1000).toFixed(1));
    });

    // chartInfo once the page has stopped moving: fonts loaded (a late CJK fallback font reflows
    // the article) and the chart at the same place in two reads a frame apart, so that a pointer
    // aimed at a bar lands on it
    const steady = async (selector) => {
      let last = null;
      return until(async () => {
        await s.runAsync(() => (document.fonts ? document.fonts.ready.then(() => true) : true));
        const info = await s.run(chartInfo, selector);
        await s.runAsync(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));
        const key = JSON.stringify([info.canvas, info.points.map((p) => p.bar)]);
        const same = key === last;
        last = key;
        return same ? info : null;
      }, { timeout: 10000, interval: 50, message: `${selector} to stay in place` });
    };
    // The states of all n charts once none is loading (inFrame: in the check page's frame), nor
    // waiting for its problems' words (aria-busy).
    // Charts load lazily as they near the viewport, so unless `scroll` is false each poll
    // scrolls the first chart still idle into view, the way a reader reaches it.
    const settled = (inFrame, n, { scroll = true } = {}) => s.waitFor((inFrame, n, scroll) => {
      const doc = inFrame ? document.querySelector('iframe')?.contentDocument : document;
      if (!doc) return null;
      const els = [...doc.querySelectorAll('news-chart')];
      const idle = els.find((e) => e.getAttribute('data-state') === 'idle');
      if (idle && scroll) idle.scrollIntoView({ block: 'center' });
      const st = els.map((e) => e.getAttribute('data-state'));
      return st.length === n && st.every((x) => x === 'ready' || x === 'error') && els.every((e) => e.getAttribute('aria-busy') === 'false') ? st : null;
    }, [inFrame, n, scroll], { timeout: 30000, message: `${n} charts to finish loading` });

    test('the demo article loads with no errors (recorded from before any script runs)', async () => {
      await s.navigate(`${server.url}cross/check.html?page=/`);
      const states = await settled(true, 3);
      assert.deepEqual(states, ['ready', 'ready', 'ready']);
      const log = await s.run(() => document.querySelector('iframe').contentWindow.__ncLog);
      assert.ok(log, 'the recorder ran inside the page');
      assert.deepEqual(log.errors, [], 'uncaught errors or failed resource loads');
      assert.deepEqual(log.rejections, [], 'unhandled promise rejections');
      assert.deepEqual(log.console, [], 'console errors or warnings');
      // the same page loaded directly: every chart ready, no error box showing
      await s.navigate(server.url);
      assert.deepEqual(await settled(false, 3), ['ready', 'ready', 'ready']);
      for (const src of CHARTS) assert.equal((await s.run(chartInfo, sel(src))).error, null, `${src}: error box shown`);
      assert.match(await s.title(), /追风赶月谋振兴/);
    });

    test('every chart draws: pixels read back in the page, and a screenshot', async () => {
      await s.navigate(server.url);
      await settled(false, 3);
      r.layout = {};
      for (const src of CHARTS) {
        const info = await s.run(chartInfo, sel(src));
        const ds = feed(src);
        const values = ds.series[0].values.filter((v) => v !== null);
        assert.equal(info.points.length, values.length, `${src}: one bar per value`);
        assert.equal(info.canvas.pxWidth, Math.round(info.canvas.width * info.dpr), `${src}: backing store at devicePixelRatio`);
        const rb = await s.run(readBack, sel(src));
        for (const [i, px] of rb.bars.entries()) assert.deepEqual(px, BAR, `${src}: bar ${i} centre is the series colour`);
        assert.ok(rb.painted > rb.total * 0.02, `${src}: only ${rb.painted} of ${rb.total} pixels painted`);
        // the screenshot (what the engine composited on screen) shows the bars too
        const id = await s.findElement(sel(src));
        const png = await s.elementScreenshot(id);
        writeFileSync(shot(`chart-${slug(src)}`), png);
        const img = decodePng(png);
        const shown = await s.run(chartInfo, sel(src)); // the screenshot may have scrolled
        const k = img.width / shown.host.width;
        for (const [i, p] of shown.points.entries()) {
          const x = (shown.canvas.left - shown.host.left + p.bar.x + p.bar.w / 2) * k;
          const y = (shown.canvas.top - shown.host.top + p.bar.y + p.bar.h / 2) * k;
          const px = img.pixel(x, y);
          const near = px.slice(0, 3).every((c, j) => Math.abs(c - BAR[j]) <= 12);
          assert.ok(near, `${src}: screenshot pixel at bar ${i} is ${px} (want about #0072b2)`);
        }
        r.texts[src] = {
          points: info.points.map((p) => [p.category, p.series, p.valueText, p.label, p.detail ?? null]),
          aria: info.aria,
          title: info.title,
        };
        r.layout[src] = { lines: info.lines, width: info.canvas.width, height: info.canvas.height,
          bars: info.points.map((p) => [p.bar.x, p.bar.y, p.bar.w, p.bar.h].map((v) => Math.round(v * 10) / 10)) };
      }
      await s.run(() => window.scrollTo(0, 0));
      writeFileSync(shot('demo-top'), await s.screenshot());
    });

    test('hovering a bar shows its tooltip with the value in Chinese units', async () => {
      await s.navigate(server.url);
      await settled(false, 3);
      r.texts.hover = {};
      for (const [src, i, value, lines] of HOVER) {
        assert.equal(feed(src).series[0].values[i], value, `${src}: the feed holds ${value}`);
        const info = await steady(sel(src));
        const p = info.points[i];
        const x = Math.round(info.canvas.left + p.bar.x + p.bar.w / 2);
        const y = Math.round(info.canvas.top + p.bar.y + p.bar.h / 2);
        await s.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
          actions: [{ type: 'pointerMove', duration: 0, origin: 'viewport', x, y }] }]);
        const shown = await s.waitFor(tooltip, [sel(src)], { timeout: 5000, message: `${src}: tooltip on hover` });
        r.texts.hover[src] = shown;
        assert.deepEqual(shown, lines, `${src}: tooltip lines`);
        if (src === 'feeds/hamlets.json') {
          const id = await s.findElement(sel(src));
          writeFileSync(shot('tooltip-hover'), await s.elementScreenshot(id));
        }
        await s.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
          actions: [{ type: 'pointerMove', duration: 0, origin: 'viewport', x: 2, y: 2 }] }]);
        await s.waitFor((sel) => !document.querySelector(sel).shadowRoot.querySelector('.nc-tooltip').offsetHeight, [sel(src)],
          { timeout: 5000, message: `${src}: tooltip hides when the pointer leaves` });
      }
      await s.releaseActions();
    });

    // --- touch: real input where the engine's WebDriver can make it (see TOUCH above) ------------

    // Logs the pointer and touch events the page receives as "type:pointerType", marked
    // "(script)" when a script made them rather than the browser (isTrusted false). Passive
    // listeners, so that logging never holds up a scroll.
    const logTouch = () => s.run(() => {
      const fresh = !window.__ncTouchLog;
      window.__ncTouchLog = [];
      if (fresh) for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'touchstart', 'touchend']) {
        document.addEventListener(type, (e) => window.__ncTouchLog.push(
          `${type}${e.pointerType ? `:${e.pointerType}` : ''}${e.isTrusted ? '' : ' (script)'}`), { capture: true, passive: true });
      }
    });
    const touchLog = () => s.run(() => window.__ncTouchLog);
    const finger = (actions) => s.actions([{ type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' }, actions }]);
    const tap = (x, y) => finger([{ type: 'pointerMove', duration: 0, origin: 'viewport', x, y },
      { type: 'pointerDown', button: 0 }, { type: 'pause', duration: 50 }, { type: 'pointerUp', button: 0 }]);
    const swipe = (x, y0, y1) => finger([{ type: 'pointerMove', duration: 0, origin: 'viewport', x, y: y0 },
      { type: 'pointerDown', button: 0 }, { type: 'pointerMove', duration: 400, origin: 'viewport', x, y: y1 },
      { type: 'pointerUp', button: 0 }]);
    // `why`: the reason from TOUCH; `seen`: what the test saw that shows it
    const notTested = (key, what, why, seen) => {
      r.touch.notTested.push({ key, what, why, seen });
      console.log(`# touch NOT tested in ${name}: ${what}: ${why} (${seen})`);
    };

    test('real touch: a tap pins the tooltip, touch alone (no hover), and a tap elsewhere dismisses it', async (t) => {
      await s.navigate(server.url);
      await settled(false, 3);
      const src = sel('feeds/hamlets.json');
      // the expected tooltip from the feed: the third county and its value in 万元
      const ds = feed('feeds/hamlets.json');
      assert.deepEqual([ds.categories[2], ds.series[0].values[2], ds.unit], ['茶陵县', 20000000, '元']);
      const want = [ds.categories[2], `${ds.series[0].values[2] / 1e4}万${ds.unit}`];
      const info = await steady(src);
      const p = info.points[2];
      const x = Math.round(info.canvas.left + p.bar.x + p.bar.w / 2);
      const y = Math.round(info.canvas.top + p.bar.y + p.bar.h / 2);
      await logTouch();
      // what the widget tells the host page (docs/EMBED.md): a tap, never a hover
      await s.run(() => {
        window.__ncInteract = [];
        document.addEventListener('newschart:interact', (e) => window.__ncInteract.push(e.detail));
      });
      await tap(x, y);
      const events = await until(async () => { const l = await touchLog(); return l.length ? l : null; },
        { timeout: 3000, message: 'any event from the touch tap' }).catch(() => []);
      if (!events.includes('pointerdown:touch')) {
        // No real touch here. Said loudly (the log, cross-engines.json, the stage's summary line),
        // and the widget's touch path still runs from a script-dispatched touch PointerEvent: a
        // partial check (the event is untrusted: it proves the widget's logic, not the engine's
        // touch input), which does not count as touch tested.
        const seen = `its pointerType "touch" action arrived as [${events.join(', ') || 'no events'}]`;
        if (TOUCH[name].tap === true) assert.fail(`${ENGINES[name].label}'s WebDriver is listed as making real touch input (TOUCH.${name}.tap), but ${seen}`);
        await s.releaseActions().catch(() => {});
        await s.navigate(server.url);
        await settled(false, 3);
        const pinned = await s.run((sel, i) => {
          const el = document.querySelector(sel);
          el.scrollIntoView({ block: 'center' });
          const c = el.shadowRoot.querySelector('canvas');
          const r = c.getBoundingClientRect();
          const p = el.points()[i];
          const at = { clientX: r.left + p.bar.x + p.bar.w / 2, clientY: r.top + p.bar.y + p.bar.h / 2 };
          c.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'touch', isPrimary: true, bubbles: true, composed: true }));
          c.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'touch', isPrimary: true, bubbles: true, composed: true }));
          const t = el.shadowRoot.querySelector('.nc-tooltip');
          return t.hidden ? null : Array.from(t.children).map((d) => d.textContent);
        }, src, 2);
        assert.deepEqual(pinned, want, 'partial check: a script-dispatched touch PointerEvent pins the tooltip');
        r.touch.partial.push('a script-dispatched touch PointerEvent pins the tooltip');
        notTested('tap', 'tap pins the tooltip, tap elsewhere dismisses it', TOUCH[name].tap, seen);
        t.skip(`real touch NOT tested: ${TOUCH[name].tap}; partial check only: a script-dispatched touch PointerEvent pins the tooltip`);
        return;
      }
      if (TOUCH[name].tap !== true) console.log(`# NOTE: ${name} now makes real touch input: tested for real; update TOUCH.${name} and the README's browser table`);
      const shown = await s.waitFor(tooltip, [src], { timeout: 5000, message: 'tooltip after a tap' }).catch(async (e) => {
        throw new Error(`${e.message}; events seen: ${(await touchLog()).join(', ')}`);
      });
      assert.deepEqual(shown, want, 'the tapped bar\'s tooltip');
      r.texts.tap = shown;
      // pinned: still there once the finger has lifted and the engine's compatibility mouse
      // events (mousedown, mouseup, click) have passed
      await s.runAsync(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
      assert.deepEqual(await s.run(tooltip, src), shown, 'the tooltip stays pinned after the finger lifts');
      // touch alone: every event was the browser's own (trusted) and no mouse-type pointer event
      // reached the page, so the tooltip came from the widget's touch path, not from a hover
      const log = await touchLog();
      assert.deepEqual(log.filter((e) => /:mouse|\(script\)/.test(e)), [], `only touch input during the tap (events: ${log.join(', ')})`);
      assert.deepEqual(await s.run(() => window.__ncInteract.map((d) => [d.how, d.dataset, d.category, d.value])),
        [['tap', ds.id, ds.categories[2], ds.series[0].values[2]]], 'the widget reports one tap on the bar (newschart:interact), no hover');
      writeFileSync(shot('tap-tooltip'), await s.screenshot());
      await tap(3, 3);
      await s.waitFor((sel) => !document.querySelector(sel).shadowRoot.querySelector('.nc-tooltip').offsetHeight, [src],
        { timeout: 5000, message: 'a tap elsewhere dismisses the pinned tooltip' });
      await s.releaseActions();
      r.touch.tested.push('tap pins the tooltip (touch events only, reported as a tap, not a hover)', 'tap elsewhere dismisses it');
    });

    test('real touch: a vertical swipe that starts on a chart scrolls the page', async (t) => {
      await s.navigate(server.url);
      await settled(false, 3);
      const src = sel('feeds/hamlets.json');
      // scrollY once the page has stopped moving (a swipe may fling)
      const rest = async () => {
        let last = null;
        return (await until(async () => {
          const y = await s.run(() => window.scrollY);
          const same = y === last;
          last = y;
          return same ? { y } : null;
        }, { timeout: 10000, interval: 200, message: 'the page to stop scrolling' })).y;
      };
      const swipeDown = async (x, y0) => {
        const before = await rest();
        await swipe(x, y0, Math.min(y0 + 200, 880)); // the finger moves down: the page scrolls up
        await s.releaseActions();
        return before - await rest();
      };
      // control: the same swipe on the article's text, far from any chart
      const text = await s.run(() => {
        const p = [...document.querySelectorAll('p')].find((e) => !e.closest('news-chart') && e.getBoundingClientRect().height > 0
          && e.getBoundingClientRect().top + window.scrollY > 1500);
        p.scrollIntoView({ block: 'center' });
        const r = p.getBoundingClientRect();
        return { x: Math.round(r.left + Math.min(40, r.width / 2)), y: Math.round(r.top + r.height / 2) };
      });
      await logTouch();
      const onText = await swipeDown(text.x, text.y);
      const textLog = await touchLog();
      // the chart's own promise, checkable without touch input: its canvas lets vertical pans through
      const touchAction = () => s.run((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector('canvas')).touchAction, src);
      if (onText < 20) {
        assert.equal(await touchAction(), 'pan-y', 'the canvas lets a vertical swipe scroll the page (touch-action)');
        const seen = `a 200 px swipe on plain article text scrolled the page ${onText} px; events: ${[...new Set(textLog)].join(', ') || 'none'}`;
        if (TOUCH[name].swipe === true) assert.fail(`${ENGINES[name].label}'s WebDriver is listed as scrolling with a touch swipe (TOUCH.${name}.swipe), but ${seen}`);
        r.touch.partial.push('the canvas has touch-action: pan-y');
        notTested('swipe', 'a swipe on a chart scrolls the page', TOUCH[name].swipe, seen);
        t.skip(`real touch swipe NOT tested: ${TOUCH[name].swipe}; partial check only: the canvas has touch-action: pan-y`);
        return;
      }
      if (TOUCH[name].swipe !== true) console.log(`# NOTE: ${name}'s touch swipe now scrolls: tested for real; update TOUCH.${name} and the README's browser table`);
      // the same swipe starting on a bar of the chart (where the touch-down also pins its tooltip)
      const info = await steady(src);
      const p = info.points[2];
      const x = Math.round(info.canvas.left + p.bar.x + p.bar.w / 2);
      const y = Math.round(info.canvas.top + p.bar.y + p.bar.h / 2);
      await logTouch();
      const onChart = await swipeDown(x, y);
      const log = await touchLog();
      assert.ok(log.includes('pointerdown:touch'), `the swipe was touch input on the chart (events: ${log.join(', ')})`);
      assert.ok(onChart >= onText / 2, `a swipe starting on the chart scrolled the page ${onChart} px, on plain text ${onText} px`);
      // and the scroll dismissed any tooltip the touch-down had pinned
      await s.waitFor((sel) => !document.querySelector(sel).shadowRoot.querySelector('.nc-tooltip').offsetHeight, [src],
        { timeout: 5000, message: 'no tooltip left pinned after the swipe scrolled the page' });
      assert.equal(await touchAction(), 'pan-y', 'the canvas lets a vertical swipe scroll the page (touch-action)');
      r.touch.tested.push(`a swipe on a chart scrolls the page (${onChart} px, ${onText} px on text)`);
    });

    test('keyboard focus moves between data points and the live region reads each', async () => {
      await s.navigate(server.url);
      await settled(false, 3);
      const src = sel('feeds/hamlets.json');
      const info = await s.run(chartInfo, src);
      const focused = await s.run((sel) => {
        const el = document.querySelector(sel);
        const c = el.shadowRoot.querySelector('canvas');
        c.focus();
        return el.shadowRoot.activeElement === c && document.activeElement === el;
      }, src);
      assert.ok(focused, 'the chart canvas takes keyboard focus');
      const key = (k) => s.actions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }] }]);
      const live = (sel) => document.querySelector(sel).shadowRoot.querySelector('.nc-live').textContent;
      r.texts.keyboard = [];
      for (let i = 0; i < info.points.length; i++) {
        await key(KEYS.ArrowRight);
        const text = await until(async () => { const v = await s.run(live, src); return v === info.points[i].label ? v : null; },
          { timeout: 3000, message: `live region to read point ${i} (${info.points[i].label})` });
        r.texts.keyboard.push(text);
        assert.deepEqual(await s.run(tooltip, src), [info.points[i].category, info.points[i].valueText], `tooltip follows focus at ${i}`);
      }
      await key(KEYS.Home);
      await until(async () => (await s.run(live, src)) === info.points[0].label, { timeout: 3000, message: 'Home goes to the first point' });
      await key(KEYS.End);
      await until(async () => (await s.run(live, src)) === info.points.at(-1).label, { timeout: 3000, message: 'End goes to the last point' });
      await key(KEYS.Escape);
      await s.waitFor((sel) => document.querySelector(sel).shadowRoot.querySelector('.nc-tooltip').hidden, [src], { timeout: 3000, message: 'Escape hides the tooltip' });
      assert.match(info.aria, /醴陵市：2800万元/);
      await s.releaseActions();
    });

    test('a broken feed shows its error box, and the good chart beside it still draws', async () => {
      await s.navigate(`${server.url}e2e/broken.html`);
      const states = await settled(false, 4);
      assert.deepEqual(states, ['error', 'error', 'error', 'ready']);
      const box = (id) => s.run((id) => {
        const b = document.getElementById(id).shadowRoot.querySelector('.nc-error');
        const r = b.getBoundingClientRect();
        return b.hidden || getComputedStyle(b).display === 'none' || r.height === 0 ? null : b.textContent;
      }, id);
      const boxes = { missing: await box('missing'), syntax: await box('syntax'), field: await box('field'), good: await box('good') };
      assert.match(boxes.missing ?? '', /does-not-exist\.json.*404/);
      assert.match(boxes.syntax ?? '', /第4行，第38列.*不是有效的 JSON/);
      assert.match(boxes.field ?? '', /datasets\[0\].*第4行，第5列.*缺少必填字段 "title"/);
      assert.equal(boxes.good, null, 'no error box on the good chart');
      const rb = await s.run(readBack, '#good');
      assert.equal(rb.bars.length, 9);
      for (const px of rb.bars) assert.deepEqual(px, BAR);
      r.texts.errors = { syntax: boxes.syntax, field: boxes.field }; // (the 404 text names the port: not compared)
      writeFileSync(shot('broken'), await s.screenshot());
      // the recorder sees each failure reported once on the console, and nothing thrown uncaught
      await s.navigate(`${server.url}cross/check.html?page=/e2e/broken.html`);
      await settled(true, 4);
      const log = await s.run(() => document.querySelector('iframe').contentWindow.__ncLog);
      const errs = log.console.filter((m) => m.level === 'error').map((m) => m.text).join('\n');
      for (const f of ['does-not-exist.json', 'invalid.json', 'missing-title.json']) assert.ok(errs.includes(f), `console error names ${f}`);
      assert.deepEqual(log.errors.filter((e) => !/does-not-exist\.json/.test(e)), [], 'uncaught errors');
      assert.deepEqual(log.rejections, [], 'unhandled rejections');
    });

    test('the chart follows its box when the column is resized (ResizeObserver)', async () => {
      await s.navigate(server.url);
      await settled(false, 3);
      const src = sel('feeds/hamlets.json');
      const before = await s.run(chartInfo, src);
      await s.run((sel) => { document.querySelector(sel).style.width = '360px'; }, src);
      const narrow = await s.waitFor((sel) => {
        const el = document.querySelector(sel);
        const c = el.shadowRoot.querySelector('canvas');
        return Math.abs(c.getBoundingClientRect().width - 360) < 1 && Math.abs(c.width / devicePixelRatio - 360) < 1 ? el.points() : null;
      }, [src], { timeout: 5000, message: 'the canvas to be redrawn at 360 px' });
      assert.ok(before.canvas.width > 400, 'the chart was wider to begin with');
      assert.equal(narrow.length, before.points.length);
      assert.ok(narrow.at(-1).bar.x + narrow.at(-1).bar.w <= 360, 'the bars were laid out again inside 360 px');
      for (const px of (await s.run(readBack, src)).bars) assert.deepEqual(px, BAR);
    });

    test('fallbacks: without adoptedStyleSheets, ResizeObserver and IntersectionObserver the widget loads, is styled, draws and resizes', async () => {
      await s.navigate(`${server.url}cross/check.html?page=/&strip=adoptedStyleSheets,ResizeObserver,IntersectionObserver`);
      // without IntersectionObserver every chart loads at once: no scrolling needed
      assert.deepEqual(await settled(true, 3, { scroll: false }), ['ready', 'ready', 'ready']);
      const got = await s.run(() => {
        const w = document.querySelector('iframe').contentWindow;
        const el = w.document.querySelector('news-chart[src="feeds/hamlets.json"]');
        const root = el.shadowRoot;
        const c = root.querySelector('canvas');
        const ctx = c.getContext('2d');
        const p = el.points()[0];
        const dpr = c.width / c.getBoundingClientRect().width;
        return {
          stripped: w.__ncLog.stripped,
          log: w.__ncLog,
          style: !!root.querySelector('style'),
          adopted: 'adoptedStyleSheets' in root,
          titleWeight: w.getComputedStyle(root.querySelector('.nc-title')).fontWeight,
          bar: Array.from(ctx.getImageData(Math.floor((p.bar.x + p.bar.w / 2) * dpr), Math.floor((p.bar.y + p.bar.h / 2) * dpr), 1, 1).data),
          width: c.width,
        };
      });
      assert.deepEqual(got.stripped, ['adoptedStyleSheets', 'ResizeObserver', 'IntersectionObserver'], 'the APIs were removed before the widget loaded');
      assert.equal(got.adopted, false);
      assert.equal(got.style, true, 'the shadow root is styled by a <style> element instead');
      assert.equal(got.titleWeight, '700', 'the shadow CSS applies');
      assert.deepEqual(got.bar, BAR);
      assert.deepEqual([got.log.errors, got.log.rejections, got.log.console], [[], [], []]);
      // without ResizeObserver the widget follows window resizes: narrow the frame's window
      await s.run(() => { document.querySelector('iframe').style.width = '420px'; });
      await s.waitFor((w0) => {
        const el = document.querySelector('iframe').contentDocument.querySelector('news-chart[src="feeds/hamlets.json"]');
        const c = el.shadowRoot.querySelector('canvas');
        return c.width !== w0 && Math.abs(c.width / c.ownerDocument.defaultView.devicePixelRatio - c.getBoundingClientRect().width) < 1;
      }, [got.width], { timeout: 5000, message: 'a redraw at the new width after a window resize' });
    });

    test('an older browser gets the fallback text in place of each chart, never a blank box', async () => {
      // what a browser without ES modules or custom elements renders: the light-DOM fallback
      await s.navigate(`${server.url}cross/check.html?page=/&nomodule=1`);
      const fallbacks = () => {
        const w = document.querySelector('iframe')?.contentWindow;
        // (the frame's first document is an empty about:blank: wait for the checked page itself)
        if (!w || !w.__ncLog || w.document.readyState !== 'complete') return null;
        return [...w.document.querySelectorAll('news-chart')].map((el) => {
          // the chart's static image with its text alternative (the demo's charts), or its sentence
          const img = el.querySelector('picture img');
          const p = el.querySelector('.nc-fallback');
          const pic = !!img && img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().height > 0;
          return { defined: !!w.customElements.get('news-chart') || !!el.shadowRoot, text: pic ? img.alt : p?.textContent, visible: pic || (!!p && p.getBoundingClientRect().height > 0) };
        });
      };
      // poll until every fallback is laid out (or time runs out), then assert on the last reading
      let shown = null;
      await s.waitFor(fallbacks, [], { timeout: 10000, message: 'the page without its module' });
      await until(async () => { shown = await s.run(fallbacks); return shown.every((c) => c.visible); }, { timeout: 5000 }).catch(() => {});
      assert.equal(shown.length, 3);
      for (const c of shown) {
        assert.equal(c.defined, false);
        assert.ok(c.visible && c.text.length > 10, `fallback text shown: ${JSON.stringify(c)}`);
      }
      // a browser with modules and custom elements but no usable WebAssembly (too old for the
      // module's features): each chart says so in words, or shows its fallback text
      await s.navigate(`${server.url}cross/check.html?page=/&strip=WebAssembly`);
      assert.deepEqual(await settled(true, 3), ['error', 'error', 'error']);
      const words = await s.run(() => {
        const doc = document.querySelector('iframe').contentDocument;
        const visible = (e) => !!e && e.getBoundingClientRect().height > 0 && getComputedStyle(e).display !== 'none' && !e.hidden;
        return [...doc.querySelectorAll('news-chart')].map((el) => {
          const box = el.shadowRoot.querySelector('.nc-error');
          const fb = el.querySelector('.nc-fallback');
          // a chart with a static image keeps it (its figure, with the box, stays hidden under it)
          const img = el.shadowRoot.querySelector('.nc-static') && el.querySelector('picture img');
          const boxSeen = visible(box) && getComputedStyle(box).visibility !== 'hidden';
          return [boxSeen ? box.textContent : '', visible(fb) ? fb.textContent : '', img && visible(img) ? img.alt : ''].join(' ').trim();
        });
      });
      for (const w of words) assert.match(w, /图表|20\d\d年|万/, `a chart without WebAssembly shows words or its static image, not a blank box: "${w}"`);
    });

    test('the browser APIs the widget uses: present here, or its fallback runs', async () => {
      await s.navigate(server.url);
      await settled(false, 3);
      const api = await s.run(apiReport);
      r.api = api;
      console.log(`# ${name} APIs: ${JSON.stringify(api)}`);
      assert.equal(api.widgetUsesAdoptedSheet, api.adoptedStyleSheets && api.constructableStyleSheets, 'constructable sheet when available');
      assert.equal(api.widgetUsesStyleElement, !api.widgetUsesAdoptedSheet, '<style> element otherwise');
      // the engines we ship to all have these; the widget would need a fallback where one is missing
      for (const k of ['ResizeObserver', 'IntersectionObserver', 'PointerEvent', 'matchMediaAddEventListener', 'replaceChildren']) assert.ok(api[k], `${k} in ${name}`);
    });
  });
}

// What every engine records in r.texts, and what a run that could not make real touch may lack
// (when recorded as NOT tested, with its reason).
const COMPARED = [...CHARTS, 'hover', 'tap', 'keyboard', 'errors'];

test('tooltip, aria and error texts are the same strings in every engine, wrapped and laid out alike', () => {
  const names = Object.keys(results);
  assert.ok(names.length >= 2, `only ${names.join(', ') || 'no engine'} ran (NEWSCHART_ENGINES=${process.env.NEWSCHART_ENGINES}): `
    + 'the cross-engine comparison needs at least two engines, so this run does not show that the engines agree');
  // every key any engine recorded, or should have: present in every engine, unless that engine
  // recorded it as a touch check NOT tested there
  const keys = [...new Set([...COMPARED, ...names.flatMap((n) => Object.keys(results[n].texts))])];
  for (const key of keys) {
    for (const n of names) {
      if (key in results[n].texts) continue;
      const why = results[n].touch.notTested.find((x) => x.key === key);
      assert.ok(why, `"${key}" is missing from ${n}'s results (recorded in: ${names.filter((m) => key in results[m].texts).join(', ') || 'no engine'}); `
        + 'a check that did not run must fail, or be a touch check recorded as NOT tested');
    }
  }
  for (const key of keys) {
    const have = names.filter((n) => key in results[n].texts);
    for (const other of have.slice(1)) assert.deepEqual(results[other].texts[key], results[have[0]].texts[key], `${key}: ${other} differs from ${have[0]}`);
  }
  const [first, ...rest] = names;
  for (const other of rest) {
    for (const src of CHARTS) {
      const a = results[first].layout?.[src];
      const b = results[other].layout?.[src];
      assert.ok(a && b, `${src}: no layout recorded in ${[!a && first, !b && other].filter(Boolean).join(' and ')}`);
      // same wrapping: title, subtitle, notes and source break into as many lines everywhere
      assert.deepEqual(b.lines, a.lines, `${src}: lines of title, subtitle, notes, source in ${other} vs ${first}`);
      // same layout: fonts measure a little differently per engine (canvas measureText sets the
      // axis margin; the title and toolbar heights set the plot's), so the plot and its bars may
      // move by a pixel or two, never more than 1% of the chart's width
      const tol = Math.max(3, a.width / 100);
      assert.equal(b.width, a.width, `${src}: chart width in ${other} vs ${first}`);
      assert.ok(Math.abs(b.height - a.height) <= tol, `${src}: chart height ${b.height} in ${other}, ${a.height} in ${first}`);
      assert.equal(b.bars.length, a.bars.length);
      for (const [i, box] of b.bars.entries()) {
        const d = Math.max(...box.map((v, j) => Math.abs(v - a.bars[i][j])));
        assert.ok(d <= tol, `${src}: bar ${i} is ${d.toFixed(1)} px away from ${first}'s in ${other} (${box} vs ${a.bars[i]})`);
      }
    }
  }
});
