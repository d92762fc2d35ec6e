// "A WebAssembly too old for the module" (README, browser support): the browser has ES modules,
// custom elements and WebAssembly, but its engine cannot compile the module. Each chart then
// shows its error box in words ("图表无法显示 … 图表组件加载失败"), not a blank box and not its
// fallback content, and the rest of the article is untouched.
//
// The module served is pkg/'s real one with a single change: its memory is declared in the
// custom-page-sizes proposal's encoding (limits flag bit 0x08, then the page size as log2: 16,
// the usual 64 KiB). Binaryen validates it with that feature enabled; Chromium, which does not
// ship the proposal, refuses to compile it ("invalid memory limits flags"), as an engine of
// Chrome 85–95 refuses the reference types and bulk memory that the module uses. Playwright's
// page.route serves it in place of pkg/newschart_wasm_bg.wasm.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, launch, startServer, watch } from './helpers.mjs';

const WASM = join(REPO, 'pkg', 'newschart_wasm_bg.wasm');

/** Reads an unsigned LEB128 at `pos`: [value, position after it]. */
function leb(buf, pos) {
  let value = 0;
  let shift = 0;
  let b;
  do {
    b = buf[pos++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, pos];
}
/** Writes `n` as an unsigned LEB128. */
function uleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/**
 * `wasm` with its one memory's limits in the custom-page-sizes encoding: flag | 0x08 and a page
 * size of 2^16 after the limits. Everything else byte for byte the same (but the section's size).
 * Returns the module and where its flag and page size are.
 */
function withPageSize(wasm) {
  const parts = [wasm.subarray(0, 8)];
  let pos = 8;
  let memories = 0;
  let flagAt = 0;
  let sizeAt = 0;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = leb(wasm, pos + 1);
    const end = start + size;
    if (id === 5) { // the memory section
      const [count, at] = leb(wasm, start);
      assert.equal(count, 1, 'one memory');
      const flag = wasm[at];
      assert.equal(flag & 0x08, 0, 'no page size yet');
      let [, q] = leb(wasm, at + 1); // min
      if (flag & 1) [, q] = leb(wasm, q); // max
      const body = [...wasm.subarray(start, at), flag | 0x08, ...wasm.subarray(at + 1, q), 16, ...wasm.subarray(q, end)];
      const head = [5, ...uleb(body.length)];
      const offset = parts.reduce((n, x) => n + x.length, 0) + head.length - start;
      [flagAt, sizeAt] = [at + offset, q + offset];
      parts.push(Uint8Array.from([...head, ...body]));
      memories += count;
    } else {
      parts.push(wasm.subarray(pos, end));
    }
    pos = end;
  }
  assert.equal(memories, 1, 'the module defines its memory (a memory section)');
  return { bytes: Buffer.concat(parts), flagAt, sizeAt };
}

let server;
let browser;
let real;
let old;
let paged; // where old's flag and page size are
before(async () => {
  real = readFileSync(WASM);
  paged = withPageSize(real);
  old = paged.bytes;
  [server, browser] = await Promise.all([startServer(), launch()]);
});
after(async () => { await browser?.close(); server?.close(); });

test('the altered module is valid wasm with custom page sizes, and only that', () => {
  assert.equal(old.length, real.length + 1, 'one byte more: the page size');
  // the memory section grew by one byte: its size, its limits flag and the page size differ
  const at = old.findIndex((b, i) => b !== real[i]);
  assert.equal(old[at], real[at] + 1, 'the first difference is the memory section\'s size');
  assert.equal(old[paged.flagAt], real[paged.flagAt] | 0x08, 'the limits flag says a page size follows');
  assert.equal(old[paged.sizeAt], 16, 'the page size: 2^16, the usual 64 KiB');
  assert.deepEqual(old.subarray(paged.sizeAt + 1), real.subarray(paged.sizeAt), 'the rest as it was');
  assert.deepEqual(old.subarray(0, at), real.subarray(0, at), 'and everything before');
  const dir = mkdtempSync(join(tmpdir(), 'newschart-old-engine-'));
  try {
    // build.sh's feature flags for wasm-opt, plus the proposal: binaryen reads and validates it
    const flags = [...new Set(readFileSync(join(REPO, 'scripts', 'build.sh'), 'utf8').match(/--enable-[a-z0-9-]+/g))];
    assert.ok(flags.length >= 5, 'build.sh names the features of the module');
    const check = (bytes) => {
      const file = join(dir, 'paged.wasm');
      writeFileSync(file, bytes);
      try {
        execFileSync(join(REPO, 'node_modules', '.bin', 'wasm-opt'), [file, ...flags, '--enable-custom-page-sizes', '-o', join(dir, 'out.wasm')], { stdio: 'pipe' });
        return 'valid';
      } catch (e) { return String(e.stderr || e.message); }
    };
    assert.equal(check(old), 'valid');
    // binaryen does read the field: a page size the proposal does not allow (2^15) is refused
    const bad = Buffer.from(old);
    bad[paged.sizeAt] = 15;
    assert.match(check(bad), /error parsing wasm/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Opens the article with `module` served for pkg/newschart_wasm_bg.wasm; returns the page, its log and how many times the module was asked for. */
async function openWith(module) {
  const page = await browser.context.newPage();
  const log = watch(page);
  const asked = { n: 0 };
  await page.route('**/pkg/newschart_wasm_bg.wasm', (route) => {
    asked.n += 1;
    return route.fulfill({ status: 200, contentType: 'application/wasm', body: module });
  });
  await page.goto(`${server.url}e2e/old-engine.html`);
  // each chart in turn near the viewport (they load there), until it has settled; the
  // assertions that follow say which did not
  for (let i = 0; i < 3; i++) {
    await page.evaluate((k) => document.querySelectorAll('news-chart')[k].scrollIntoView({ block: 'center' }), i);
    await page.waitForFunction((k) => {
      const el = document.querySelectorAll('news-chart')[k];
      return ['ready', 'error'].includes(el.getAttribute('data-state')) && el.getAttribute('aria-busy') === 'false';
    }, i, { timeout: 20000 }).catch(() => {});
  }
  return { page, log, asked };
}

test('Chromium refuses the altered module and compiles the real one', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}e2e/old-engine.html`);
  const verdict = await page.evaluate(async ([a, b]) => {
    const why = async (bytes) => { try { await WebAssembly.compile(new Uint8Array(bytes)); return 'ok'; } catch (e) { return `${e.name}: ${e.message}`; } };
    return { real: await why(a), old: await why(b) };
  }, [[...real], [...old]]);
  assert.equal(verdict.real, 'ok');
  assert.match(verdict.old, /^CompileError: .*memory limits flags/);
  await page.close();
});

test('a module the engine cannot compile: every chart shows its error box in words; the article is whole', async () => {
  const { page, log, asked } = await openWith(old);
  const charts = await page.$$eval('news-chart', (els) => els.map((el) => {
    const box = el.shadowRoot?.querySelector('.nc-error');
    const fb = el.querySelector('.nc-fallback');
    const shown = (e) => !!e && !e.hidden && e.getBoundingClientRect().height > 0 && getComputedStyle(e).display !== 'none';
    return {
      id: el.id,
      state: el.getAttribute('data-state'),
      busy: el.getAttribute('aria-busy'),
      box: shown(box),
      title: box?.querySelector('strong')?.textContent,
      text: box?.textContent,
      retry: box?.querySelector('button')?.textContent,
      canvas: el.shadowRoot?.querySelector('canvas')?.getBoundingClientRect().height ?? 0,
      fallback: shown(fb),
      slot: !!el.shadowRoot?.querySelector('slot'),
    };
  }));
  assert.equal(charts.length, 3);
  for (const c of charts) {
    const zh = c.id !== 'english';
    assert.equal(c.state, 'error', `${c.id}:`);
    // the error box, not the element's own content (which a browser without modules would show)
    assert.equal(c.fallback, false, `${c.id}: its fallback content is not shown`);
    assert.equal(c.slot, false, `${c.id}: no slot for its own content`);
    assert.ok(c.box, `${c.id}: the error box shows`);
    assert.equal(c.busy, 'false', `${c.id}: not busy`);
    assert.equal(c.canvas, 0, `${c.id}: no empty chart area`);
    assert.equal(c.title, zh ? '图表无法显示' : 'This chart cannot be shown');
    assert.match(c.text, zh ? /图表组件加载失败：WebAssembly\.compile(Streaming)?\(\): invalid memory limits flags/
      : /the chart component failed to load: WebAssembly\.compile(Streaming)?\(\): invalid memory limits flags/, c.id);
    assert.equal(c.retry, zh ? '重试' : 'Retry');
  }
  // the module was asked for, at most once per chart (a chart that starts after a failed compile tries again)
  assert.ok(asked.n >= 1 && asked.n <= 3, `${asked.n} requests for the module`);
  const before = asked.n;
  // the article around the charts is whole and visible
  const article = await page.evaluate(() => ['headline', 'lede', 'middle', 'end'].map((id) => {
    const e = document.getElementById(id);
    return [id, e?.textContent, e ? e.getBoundingClientRect().height > 0 : false];
  }));
  assert.deepEqual(article, [
    ['headline', '株洲乡村振兴一年间', true],
    ['lede', '2022年，株洲农村改厕、幸福屋场建设和脱贫户就业都交出了成绩单。', true],
    ['middle', '各县市区“幸福屋场”的社会资金投入见下图。', true],
    ['end', '（完）', true],
  ]);
  assert.deepEqual(log.errors, [], 'no uncaught exception');
  assert.ok(log.console.some((m) => m.type === 'error' && /invalid memory limits flags/.test(m.text)), 'the console says why');

  // Retry downloads and compiles again, and fails the same way, in words
  await page.$eval('#toilets', (el) => el.shadowRoot.querySelector('.nc-error button').click());
  await page.waitForFunction(() => { const el = document.getElementById('toilets'); return el.getAttribute('data-state') === 'error' && el.getAttribute('aria-busy') === 'false'; }, null, { timeout: 20000 });
  assert.equal(asked.n, before + 1, 'Retry asked for the module again');
  assert.match(await page.$eval('#toilets', (el) => el.shadowRoot.querySelector('.nc-error').textContent), /图表组件加载失败：/);
  await page.close();
});

test('the same page and route with the real module: every chart draws', async () => {
  const { page, log, asked } = await openWith(real);
  assert.deepEqual(await page.$$eval('news-chart', (els) => els.map((el) => el.getAttribute('data-state'))), ['ready', 'ready', 'ready']);
  assert.equal(asked.n, 1);
  assert.deepEqual(log.errors, []);
  await page.close();
});
