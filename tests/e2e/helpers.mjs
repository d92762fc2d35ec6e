// Shared helpers for the end-to-end tests: a static server on a free port,
// Chromium through playwright-core (never a downloaded browser), console
// capture and an artifacts folder for screenshots.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { readBackInPage } from '../common/readback.mjs';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = process.env.NEWSCHART_ARTIFACTS || join(REPO, 'target', 'e2e-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** Starts scripts/serve.py on a free port, with tests/e2e/pages mounted at /e2e. */
export async function startServer(extraArgs = []) {
  const proc = spawn('python3', [join(REPO, 'scripts', 'serve.py'), '--port', '0', '--quiet', '--mount', '/e2e=tests/e2e/pages', ...extraArgs], {
    cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out}`)), 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); ok(m[0]); }
    });
    proc.stderr.on('data', (d) => { out += d; });
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited ${code}: ${out}`)); });
  });
  return { url, close: () => proc.kill('SIGTERM') };
}

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** A fresh persistent Chromium context (system /usr/bin/chromium). */
export async function launch(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'newschart-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 1000, height: 900 },
    ...options,
  });
  const close = async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); };
  return { context, close };
}

/** Records console messages, page errors, failed requests and the paths of every request of a page. */
export function watch(page) {
  const log = { console: [], errors: [], failed: [], requested: [] };
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('request', (r) => log.requested.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  // Chromium reports a fetch whose body was read as a stream to EOF from a
  // `Cache-Control: no-store` response as ERR_ABORTED (playwright issue #42742),
  // although the page got every byte: only requests without an answer count.
  page.on('requestfailed', (r) => {
    const done = r.failure()?.errorText === 'net::ERR_ABORTED' && answered.has(r);
    if (!done) log.failed.push(`${r.url()} ${r.failure()?.errorText}`);
  });
  const answered = new WeakSet();
  page.on('response', (r) => { if (r.status() < 400) answered.add(r.request()); });
  page.on('response', (r) => { if (r.status() >= 400) log.failed.push(`${r.url()} ${r.status()}`); });
  return log;
}

/**
 * Waits until every <news-chart> on the page has left the loading state (and an error box has its
 * problems' words: aria-busy until then).
 * Charts load only near the viewport, so each one is scrolled to in turn;
 * the page is scrolled back to the top at the end.
 */
export async function settled(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('news-chart').length === n, count, { timeout: 20000 });
  for (let i = 0; i < count; i++) {
    await page.evaluate((k) => document.querySelectorAll('news-chart')[k].scrollIntoView({ block: 'center' }), i);
    await page.waitForFunction((k) => document.querySelectorAll('news-chart')[k].getAttribute('data-state') !== 'idle', i, { timeout: 20000 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction((n) => {
    const els = [...document.querySelectorAll('news-chart')];
    return els.length === n && els.every((e) => ['ready', 'error'].includes(e.getAttribute('data-state')) && e.getAttribute('aria-busy') === 'false');
  }, count, { timeout: 20000 });
}

/** Page coordinates of the middle of data point `i` of the chart matched by `selector`. */
export async function pointCenter(page, selector, i) {
  return page.evaluate(([sel, idx]) => {
    const el = document.querySelector(sel);
    const p = el.points()[idx];
    const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: r.left + p.bar.x + p.bar.w / 2, y: r.top + p.bar.y + p.bar.h / 2, point: p };
  }, [selector, i]);
}

/** The pixel at each bar's centre and how much of the chart's canvas is painted (tests/common/readback.mjs). */
export async function readBack(page, selector) {
  return page.evaluate(readBackInPage, selector);
}

/**
 * `promise`, or a failure saying `what` did not finish within `ms`: for waits that could otherwise
 * never end (a page.evaluate awaiting something in the page that never comes), so that the test
 * fails with a message instead of hanging until the runner's own timeout.
 */
export async function within(ms, promise, what) {
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
