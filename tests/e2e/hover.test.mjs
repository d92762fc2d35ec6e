// Every point of a long line chart answers: hover (mouse), tap (touch) and the keyboard, over
// every index of a 10,000-point chart and over indices sampled across 10^5 and 10^6 points,
// every class of indices that starts with 9 included (9, 99, 999, …: the lazy points proxy once
// compared indices as strings, and 90–99, 900–999, … had no tooltip).
//
// The pointer goes where the chart says point i is drawn (el.point(i).bar): events are sent in
// batches inside the page, and the texts the tooltip and the live region show are compared with
// texts this file makes from the data it generated (with expect.mjs), never with the product's own points.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, watch } from './helpers.mjs';
import { rng } from '../common/rng.mjs';
import { said, tooltip, valueText } from './expect.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch({ viewport: { width: 1000, height: 700 } }); });
after(async () => { await browser?.close(); server?.close(); });

/**
 * Value i of a seeded series: whole numbers from 0 to 999, whose text is the same in every number
 * style (the tooltip's number format is not what these tests are about; expect.mjs writes it).
 */
function valueAt(seed, i) {
  let s = (seed ^ Math.imul(i + 1, 2654435761)) >>> 0;
  s = Math.imul(s ^ (s >>> 16), 2246822507) >>> 0;
  s = Math.imul(s ^ (s >>> 13), 3266489909) >>> 0;
  return ((s ^ (s >>> 16)) >>> 0) % 1000;
}
const group = (v) => v.toLocaleString('en-US', { maximumFractionDigits: 20 });

/**
 * Indices of an n-point chart to try: both ends, every 9…9 below n and the indices around it,
 * each power of ten's neighbours, the start of each 9 class (90, 900, …) and `random` more.
 */
function sample(n, random, seed) {
  const out = new Set([0, 1, n - 2, n - 1]);
  for (let p = 10; p / 10 < n; p *= 10) {
    for (const k of [p - 2, p - 1, p, p + 1, (p / 10) * 9, (p / 10) * 9 + 1, (p / 10) * 95]) if (k >= 0 && k < n) out.add(k);
  }
  const r = rng(seed);
  for (let k = 0; k < random; k++) out.add(Math.floor(r() * n));
  return [...out].sort((a, b) => a - b);
}

/**
 * In the page: for each index, sends `how` ('mouse': pointermove; 'touch': pointerdown) where
 * el.point(i) says the point is drawn, and returns what the tooltip then shows (its lines) and any
 * error the page threw meanwhile.
 */
function sweepInPage([sel, indices, how]) {
  const el = document.querySelector(sel);
  const canvas = el.shadowRoot.querySelector('canvas');
  const tip = el.shadowRoot.querySelector('.nc-tooltip');
  const r = canvas.getBoundingClientRect();
  const errors = [];
  const onError = (e) => errors.push(String(e.message || e.error));
  window.addEventListener('error', onError);
  const out = [];
  try {
    for (const i of indices) {
      const p = el.point(i);
      if (!p) { out.push({ i, missing: true }); continue; }
      // hide the last tooltip first, so a point that does not answer cannot pass on its text
      canvas.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
      if (how === 'touch') document.body.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true, composed: true }));
      const init = { clientX: r.left + p.bar.x + p.bar.w / 2, clientY: r.top + p.bar.y + p.bar.h / 2, pointerType: how, pointerId: 1, isPrimary: true, bubbles: true, composed: true };
      canvas.dispatchEvent(new PointerEvent(how === 'touch' ? 'pointerdown' : 'pointermove', init));
      if (how === 'touch') canvas.dispatchEvent(new PointerEvent('pointerup', init));
      out.push({ i, hidden: tip.hidden, lines: [...tip.children].map((c) => c.textContent) });
    }
  } finally {
    window.removeEventListener('error', onError);
  }
  return { out, errors };
}

/**
 * In the page: keyboard steps on the focused canvas (key events sent to it), each followed by
 * what the live region says. `steps` is a list of [key, index to tap first (touch) or -1].
 */
function keysInPage([sel, steps]) {
  const el = document.querySelector(sel);
  const canvas = el.shadowRoot.querySelector('canvas');
  const live = el.shadowRoot.querySelector('.nc-live');
  const r = canvas.getBoundingClientRect();
  canvas.focus();
  const errors = [];
  const onError = (e) => errors.push(String(e.message || e.error));
  window.addEventListener('error', onError);
  const out = [];
  try {
    for (const [key, from] of steps) {
      if (from >= 0) {
        const p = el.point(from);
        const init = { clientX: r.left + p.bar.x + p.bar.w / 2, clientY: r.top + p.bar.y + p.bar.h / 2, pointerType: 'touch', pointerId: 1, isPrimary: true, bubbles: true, composed: true };
        canvas.dispatchEvent(new PointerEvent('pointerdown', init));
      }
      live.textContent = '';
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      out.push(live.textContent);
    }
  } finally {
    window.removeEventListener('error', onError);
  }
  return { out, errors };
}

/** Sends the indices through the page in batches and checks each tooltip against `expect(i)`. */
async function sweep(page, sel, indices, how, expect) {
  const wrong = [];
  const errors = [];
  for (let k = 0; k < indices.length; k += 2000) {
    const got = await page.evaluate(sweepInPage, [sel, indices.slice(k, k + 2000), how]);
    errors.push(...got.errors);
    for (const r of got.out) {
      const want = expect(r.i);
      if (r.missing || r.hidden || r.lines.join('|') !== want.join('|')) wrong.push(`${r.i}: ${r.missing ? 'no point' : r.hidden ? 'no tooltip' : r.lines.join('|')} (want ${want.join('|')})`);
    }
  }
  assert.deepEqual(errors, [], `${how}: the page threw`);
  assert.equal(wrong.length, 0, `${how}: ${wrong.length} of ${indices.length} points did not answer, e.g.\n${wrong.slice(0, 12).join('\n')}`);
}

async function openBlank() {
  const page = await browser.context.newPage();
  const log = watch(page);
  await page.goto(`${server.url}e2e/blank.html`);
  // wide enough that each point has a strip of its own wider than the 1/100 px the chart rounds
  // its boxes to (tens of points share a pixel at 10^6)
  await page.$eval('#root', (root) => { root.innerHTML = '<news-chart id="c" height="300" style="width: 30000px"></news-chart>'; });
  return { page, log };
}

const SEED = 14;

test('every one of 10,000 points of a long line feed answers hover, tap and the keyboard', async () => {
  const { page, log } = await openBlank();
  const n = 10000;
  const cat = (i) => `d${i}`;
  const ds = { kind: 'line', title: 'Ten thousand', locale: 'en', categories: Array.from({ length: n }, (_, i) => cat(i)), series: [{ name: 's', values: Array.from({ length: n }, (_, i) => valueAt(SEED, i)) }] };
  await page.evaluate((d) => document.querySelector('#c').setFeed({ version: 1, datasets: [d] }), ds);
  await page.waitForFunction(() => document.querySelector('#c').getAttribute('data-state') === 'ready');
  const expect = (i) => tooltip(ds, 0, i);
  const all = Array.from({ length: n }, (_, i) => i);
  await sweep(page, '#c', all, 'mouse', expect);
  await sweep(page, '#c', all, 'touch', expect);

  // the keyboard: Home, then ArrowRight through every point, then End, from the live region
  const steps = [['Home', -1], ...Array.from({ length: n - 1 }, () => ['ArrowRight', -1]), ['End', -1], ['Home', -1]];
  const keys = await page.evaluate(keysInPage, ['#c', steps]);
  assert.deepEqual(keys.errors, []);
  const says = (i) => said(ds, 0, i);
  const want = [...all.map(says), says(n - 1), says(0)];
  const wrong = keys.out.map((t, k) => [t, want[k]]).filter(([t, w]) => t !== w);
  assert.equal(wrong.length, 0, `keyboard: ${wrong.length} steps wrong, e.g. ${JSON.stringify(wrong.slice(0, 5))}`);

  // real key presses too: End, then Left and Right across 9,999 / 9,998
  await page.$eval('#c', (el) => el.shadowRoot.querySelector('canvas').focus());
  const live = () => page.$eval('#c', (el) => el.shadowRoot.querySelector('.nc-live').textContent);
  await page.keyboard.press('End');
  assert.equal(await live(), says(9999));
  await page.keyboard.press('ArrowLeft');
  assert.equal(await live(), says(9998));
  await page.keyboard.press('Home');
  assert.equal(await live(), says(0));
  assert.deepEqual(log.errors, []);
  await page.close();
});

for (const [n, random] of [[100000, 3000], [1000000, 3000]]) {
  test(`indices sampled across ${group(n)} points given as columns answer hover, tap and the keyboard`, async () => {
    const { page, log } = await openBlank();
    await page.evaluate(async ([count, seed, src]) => {
      const valueAt = new Function(`return (${src})`)();
      const x = new Float64Array(count);
      const y = new Float64Array(count);
      for (let i = 0; i < count; i++) { x[i] = i; y[i] = valueAt(seed, i); }
      await document.querySelector('#c').setColumns({ title: 'Many', locale: 'en', numberStyle: 'full', x, series: [{ name: 's', values: y }] });
    }, [n, SEED, valueAt.toString()]);
    await page.waitForFunction(() => document.querySelector('#c').getAttribute('data-state') === 'ready');
    const indices = sample(n, random, n + SEED);
    for (const nines of [9, 99, 999, 9999, 99999, 999999].filter((k) => k < n)) assert.ok(indices.includes(nines) && indices.includes(nines + 1 < n ? nines + 1 : nines));
    // x is numbers: the category is written as a number too (grouped, every digit)
    const ds = { locale: 'en', numberStyle: 'full' };
    const expect = (i) => [group(i), valueText(ds, valueAt(SEED, i))];
    await sweep(page, '#c', indices, 'mouse', expect);
    await sweep(page, '#c', indices, 'touch', expect);
    // the keyboard from each sampled point: tap the one before, then ArrowRight; and End, Home
    const from = indices.filter((i) => i > 0);
    const keys = await page.evaluate(keysInPage, ['#c', [...from.map((i) => ['ArrowRight', i - 1]), ['End', -1], ['Home', -1]]]);
    assert.deepEqual(keys.errors, []);
    const says = (i) => `${group(i)}: ${valueText(ds, valueAt(SEED, i))}`;
    const want = [...from.map(says), says(n - 1), says(0)];
    const wrong = keys.out.map((t, k) => [t, want[k]]).filter(([t, w]) => t !== w);
    assert.equal(wrong.length, 0, `keyboard: ${wrong.length} of ${want.length} wrong, e.g. ${JSON.stringify(wrong.slice(0, 5))}`);
    assert.deepEqual(log.errors, []);
    await page.close();
  });
}
