// The npm package in real front-end builds: the tarball scripts/pack.sh made
// (target/npm/newschart.tgz) installed into small apps with pinned tools (each app's
// package-lock.json), built by Vite, webpack and Vite with React 19, served and opened in Chromium;
// and its types checked by tsc, in and out of React. Each app is copied to target/bundlers/APP and
// installed there (npm ci again only when its lockfile changed); the tarball is installed into it
// every run with `npm install --no-save`.
//
//   bash scripts/build.sh && bash scripts/pack.sh && node --test tests/bundlers/

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { tooltip } from '../e2e/expect.mjs';
import { REPO, launch, pointCenter, readBack, settled, startServer, watch } from '../e2e/helpers.mjs';

const TGZ = join(REPO, 'target', 'npm', 'newschart.tgz');
const WORK = join(REPO, 'target', 'bundlers');
const PKG_WASM = readFileSync(join(REPO, 'target', 'npm', 'package', 'newschart_wasm_bg.wasm'));
const BUILDER_WASM = readFileSync(join(REPO, 'target', 'npm', 'package', 'newschart_builder_bg.wasm'));
const CHARTS = { '#employment': 'feeds/employment.json', '#hamlets': 'feeds/hamlets.json' };
const feed = (src) => JSON.parse(readFileSync(join(REPO, 'www', src), 'utf8')).datasets[0];

/** Runs `cmd` in `cwd`; its output on failure. */
function run(cwd, cmd, args) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
function must(cwd, cmd, args) {
  const r = run(cwd, cmd, args);
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} in ${cwd} failed:\n${r.out}`);
  return r.out;
}

/** tests/bundlers/APP copied to target/bundlers/APP, its pinned tools installed, and the tarball. */
function prepare(app, { tgz = TGZ, as = app } = {}) {
  assert.ok(existsSync(tgz), `${tgz} is missing: run bash scripts/build.sh && bash scripts/pack.sh first`);
  const dir = join(WORK, as);
  mkdirSync(dir, { recursive: true });
  cpSync(join(REPO, 'tests', 'bundlers', app), dir, { recursive: true });
  const lock = createHash('sha256').update(readFileSync(join(dir, 'package-lock.json'))).digest('hex');
  const stamp = join(dir, 'node_modules', '.lock-sha256');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
    must(dir, 'npm', ['ci', '--no-audit', '--no-fund']);
    writeFileSync(stamp, lock);
  }
  must(dir, 'npm', ['install', '--no-save', '--no-audit', '--no-fund', tgz]);
  return dir;
}

/** www/feeds/ (the demo's real feeds) in `dir`/feeds. */
function copyFeeds(dir) {
  cpSync(join(REPO, 'www', 'feeds'), join(dir, 'feeds'), { recursive: true });
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * Serves `dist` and checks the page as a reader gets it: both charts drawn, a tooltip with the
 * feed's value, no failed request and no console error, and the wasm asked for once, by the name
 * the bundler gave it in `dist`.
 */
async function checkBuild(dist, name) {
  const server = await startServer(['--root', dist]);
  try {
    return await checkPage(server.url, name, dist);
  } finally {
    server.close();
  }
}

/** checkBuild's checks of the page at `url`; with `dist`, those of the wasm's file there too. */
async function checkPage(url, name, dist) {
  const page = await browser.context.newPage();
  const log = watch(page);
  try {
    await page.goto(url);
    await settled(page, Object.keys(CHARTS).length);
    for (const [sel, src] of Object.entries(CHARTS)) {
      assert.equal(await page.$eval(sel, (el) => el.getAttribute('data-state')), 'ready', `${name} ${src}: drawn`);
      const rb = await readBack(page, sel);
      const ds = feed(src);
      assert.equal(rb.bars.length, ds.series[0].values.filter((v) => v !== null).length, `${name} ${src}: one bar per value`);
      for (const px of rb.bars) assert.deepEqual(px, [0x00, 0x72, 0xb2, 255], `${name} ${src}: bar centre is the series colour`);
      assert.ok(rb.painted > rb.total * 0.02, `${name} ${src}: only ${rb.painted} of ${rb.total} pixels painted`);
      await page.locator(sel).scrollIntoViewIfNeeded();
      const { x, y } = await pointCenter(page, sel, 0);
      await page.mouse.move(x, y);
      const tip = page.locator(`${sel} .nc-tooltip`);
      await tip.waitFor({ state: 'visible', timeout: 5000 });
      assert.deepEqual(await tip.evaluate((t) => [...t.children].map((c) => c.textContent)), tooltip(ds, 0, 0), `${name} ${src}: tooltip`);
      await page.mouse.move(1, 1);
    }
    assert.deepEqual(log.failed, [], `${name}: failed requests`);
    assert.deepEqual(log.errors, [], `${name}: page errors`);
    assert.deepEqual(log.console.filter((m) => m.type === 'error'), [], `${name}: console errors`);
    const wasm = log.requested.filter((p) => p.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `${name}: the wasm is requested once: ${JSON.stringify(wasm)}`);
    if (!dist) return wasm[0];
    const file = join(dist, decodeURIComponent(wasm[0]));
    assert.ok(existsSync(file), `${name}: ${wasm[0]} is a file of the bundler's output`);
    assert.ok(PKG_WASM.equals(readFileSync(file)), `${name}: ${wasm[0]} is the package's standard wasm module`);
    assert.notEqual(basename(file), 'newschart_wasm_bg.wasm', `${name}: the bundler fingerprinted the wasm's name`);
    await lazyParts(page, log, dist, name);
    return wasm[0];
  } finally {
    await page.close();
  }
}

/**
 * What a page loads only when asked, found in the bundle too: a broken feed's problems with their
 * words (problems.js, then problem-words.js), and the PNG download (download.js, then the builder's
 * glue and wasm). `dist` has tests/fixtures/bad/different-lengths.json as feeds/broken.json.
 */
async function lazyParts(page, log, dist, name) {
  cpSync(join(REPO, 'tests', 'fixtures', 'bad', 'different-lengths.json'), join(dist, 'feeds', 'broken.json'));
  const detail = await page.evaluate(() => new Promise((done) => {
    const el = document.createElement('news-chart');
    el.id = 'broken';
    el.setAttribute('src', 'feeds/broken.json');
    el.addEventListener('newschart:error', (e) => done(e.detail));
    document.body.prepend(el);
  }));
  assert.equal(detail.problems[0].path, 'datasets[0].series[1].values', `${name}: the broken feed's problem`);
  assert.match(detail.problems[0].en, /has 2 values but there are 3 categories/, `${name}: the problem's words (problem-words.js)`);
  const box = await page.$eval('#broken', (el) => el.shadowRoot.querySelector('.nc-error ul').textContent);
  assert.match(box, /datasets\[0\]\.series\[1\]\.values/, `${name}: the error box`);
  assert.doesNotMatch(box, /详细说明未能加载/, `${name}: the error box has the words`);
  log.console = log.console.filter((m) => !(m.type === 'error' && m.text.startsWith('[newschart] feeds/broken.json')));

  await page.locator('#hamlets').scrollIntoViewIfNeeded();
  await page.locator('#hamlets .nc-tool').nth(1).click();
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#hamlets .nc-menu-item').nth(0).click()]);
  const bytes = readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${name}: the PNG download`);
  const builder = log.requested.filter((p) => p.endsWith('.wasm')).slice(1);
  if (name === 'webpack') {
    // webpack answers the import() of the builder's glue (a fresh copy, by a query) itself: the
    // PNG is drawn without the builder's module, as offline, and the console says so
    assert.deepEqual(builder, [], `${name}: no builder module`);
    const warned = log.console.filter((m) => m.type === 'warning').map((m) => m.text);
    assert.ok(warned.some((t) => /^\[newschart\] the PNG is drawn without the builder's module: Cannot find module '[^']+\.js\?download'/.test(t)), `${name}: ${JSON.stringify(warned)}`);
  } else {
    assert.equal(builder.length, 1, `${name}: the builder's wasm, once, for the PNG: ${JSON.stringify(builder)}`);
    assert.ok(BUILDER_WASM.equals(readFileSync(join(dist, decodeURIComponent(builder[0])))), `${name}: ${builder[0]} is the package's builder module`);
  }
  assert.deepEqual(log.failed, [], `${name}: failed requests`);
  assert.deepEqual(log.errors, [], `${name}: page errors`);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), [], `${name}: console errors`);
}

test('Vite: an app that imports newschart builds, and its charts draw and answer', { timeout: 600000 }, async () => {
  const dir = prepare('vite');
  copyFeeds(join(dir, 'public'));
  must(dir, 'npx', ['vite', 'build']);
  const wasm = await checkBuild(join(dir, 'dist'), 'vite');
  assert.match(wasm, /^\/assets\/newschart_wasm_bg-[\w-]{8}\.wasm$/);
});

test('Vite dev server: the same app, unbuilt, with no configuration', { timeout: 600000 }, async () => {
  const dir = prepare('vite');
  copyFeeds(join(dir, 'public'));
  const port = await new Promise((done) => { const srv = createServer().listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => done(p)); }); });
  // NO_COLOR: with CI set, Vite colours its output even into a pipe, and the port's digits then
  // sit between escape codes; they are stripped too, for any other colouring
  const vite = spawn(join(dir, 'node_modules', '.bin', 'vite'), ['--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  const plain = (d) => String(d).replace(/\x1b\[[0-9;]*m/g, '');
  vite.stdout.on('data', (d) => { out += plain(d); });
  vite.stderr.on('data', (d) => { out += plain(d); });
  try {
    await new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`vite did not start:\n${out}`)), 60000);
      vite.stdout.on('data', () => { if (out.includes(`:${port}/`)) { clearTimeout(timer); done(); } });
      vite.on('exit', (code) => { clearTimeout(timer); fail(new Error(`vite exited ${code}:\n${out}`)); });
    });
    // (Vite's dependency optimizer rewrites the package's addresses; the wasm is served from node_modules)
    const wasm = await checkPage(`http://127.0.0.1:${port}/`, 'vite dev');
    assert.match(wasm, /newschart_wasm_bg\.wasm$/);
    assert.doesNotMatch(out, /error/i, `vite dev's output:\n${out}`);
  } finally {
    vite.kill('SIGTERM');
  }
});

test('webpack 5: the same app, with no rule for the wasm, builds, and its charts draw and answer', { timeout: 600000 }, async () => {
  const dir = prepare('webpack');
  must(dir, 'npx', ['webpack']);
  const dist = join(dir, 'dist');
  cpSync(join(dir, 'index.html'), join(dist, 'index.html'));
  copyFeeds(dist);
  const wasm = await checkBuild(dist, 'webpack');
  assert.match(wasm, /^\/[0-9a-f]{20}\.wasm$/);
});

test('React 19: a component rendering <news-chart> type-checks, builds with Vite, and its charts draw', { timeout: 600000 }, async () => {
  const dir = prepare('react');
  must(dir, 'npx', ['tsc', '-p', 'tsconfig.json']);
  copyFeeds(join(dir, 'public'));
  must(dir, 'npx', ['vite', 'build']);
  await checkBuild(join(dir, 'dist'), 'react');
});

/** The `error: TSxxxx` marks of `file`: [line, code] for each. */
function marks(file) {
  return readFileSync(file, 'utf8').split('\n').flatMap((l, i) => {
    const m = l.match(/\/\/ error: (TS\d+)\s*$/);
    return m ? [[i + 1, m[1]]] : [];
  });
}

/** tsc -p `config` in `dir` must fail on exactly the marked lines of `file`, each with its code. */
function failsOnMarks(dir, config, file) {
  const r = run(dir, 'npx', ['tsc', '-p', config]);
  assert.notEqual(r.status, 0, `tsc -p ${config} must fail:\n${r.out}`);
  const got = [...r.out.matchAll(/^([^\s(]+)\((\d+),\d+\): error (TS\d+)/gm)].map((m) => [m[1], +m[2], m[3]]);
  const want = marks(join(dir, file)).map(([line, code]) => [file, line, code]);
  assert.ok(want.length > 0, `${file} has lines marked // error: TSxxxx`);
  assert.deepEqual(got, want, `tsc's errors on ${file}:\n${r.out}`);
}

test('TypeScript: code using the element, its properties and events compiles; wrong types do not', { timeout: 600000 }, () => {
  const dir = prepare('tsc');
  const ok = run(dir, 'npx', ['tsc', '-p', 'tsconfig.json']);
  assert.equal(ok.status, 0, `tsc over good.ts (no React installed, no skipLibCheck):\n${ok.out}`);
  assert.ok(!existsSync(join(dir, 'node_modules', '@types', 'react')), 'the tsc app has no React types');
  failsOnMarks(dir, 'tsconfig.bad.json', 'bad.ts');
});

test('TypeScript and React: wrong attribute and property types on <news-chart> fail in JSX', { timeout: 600000 }, () => {
  const dir = prepare('react');
  failsOnMarks(dir, 'tsconfig.bad.json', 'src/Bad.tsx');
});

// Not a test of the bundles: what the package weighs, for the size report (scripts/size.mjs
// weighs the tarball against its budget).
test('the tarball holds the files package.json lists, and nothing else', () => {
  const pkg = JSON.parse(execFileSync('tar', ['-xzOf', TGZ, 'package/package.json'], { encoding: 'utf8' }));
  const listed = execFileSync('tar', ['-tzf', TGZ], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  assert.deepEqual(listed, [...pkg.files, 'LICENSE', 'README.md', 'package.json'].sort());
  assert.equal(pkg.name, 'newschart');
  assert.equal(pkg.type, 'module');
  assert.deepEqual(Object.keys(pkg.dependencies || {}), []);
  assert.deepEqual(pkg.sideEffects, ['./newschart.js', './embed-resize.js']);
  assert.equal(pkg.exports['.'].types, './newschart.d.ts');
});

// After a trap. target/pkg-test is pkg/'s readers' modules with the test-only `panic-trigger`
// (tests/e2e/panic.test.mjs): a chart whose title is the marker traps in the wasm. The package
// with those modules in place of the shipped ones is built into the same apps: in Vite, the other
// charts move to a fresh instance in a fresh copy of the glue (the bundler copied its file) and
// keep drawing and answering; in webpack, which cannot follow that import, they show their error
// box and the console says why; in neither does a chart stay loading.
const TEST_PKG = join(REPO, 'target', 'pkg-test');
const MARKER = readFileSync(join(REPO, 'src', 'web', 'panic.rs'), 'utf8').match(/pub const MARKER: &str = "([^"\\]+)";/)?.[1];

/** The package with target/pkg-test's wasm modules and glue: target/bundlers/trap/newschart.tgz. */
function trapPackage() {
  for (const f of ['newschart_wasm_bg.wasm', 'newschart_large_bg.wasm', 'newschart_wasm.js']) {
    assert.ok(existsSync(join(TEST_PKG, f)), `${TEST_PKG}/${f} is missing: run bash scripts/build.sh --nightly --features panic-trigger,heap-stats --out target/pkg-test`);
  }
  const dir = join(WORK, 'trap');
  cpSync(join(REPO, 'target', 'npm', 'package'), join(dir, 'package'), { recursive: true });
  for (const f of ['newschart_wasm_bg.wasm', 'newschart_large_bg.wasm', 'newschart_wasm.js']) cpSync(join(TEST_PKG, f), join(dir, 'package', f));
  const out = JSON.parse(must(dir, 'npm', ['pack', './package', '--json', '--ignore-scripts']));
  cpSync(join(dir, out[0].filename), join(dir, 'newschart.tgz'));
  return join(dir, 'newschart.tgz');
}

/** Opens `dist`, adds a chart of the trapping feed once the two charts are drawn; returns the page's log and states. */
async function trapIn(dist, name) {
  const panic = JSON.parse(readFileSync(join(REPO, 'www', 'feeds', 'toilets.json'), 'utf8'));
  panic.datasets[0].title = MARKER;
  writeFileSync(join(dist, 'feeds', 'panic.json'), JSON.stringify(panic));
  const server = await startServer(['--root', dist]);
  const page = await browser.context.newPage();
  const log = watch(page);
  try {
    await page.goto(server.url);
    await settled(page, 2);
    await page.evaluate(() => {
      const el = document.createElement('news-chart');
      el.id = 'panic';
      el.setAttribute('src', 'feeds/panic.json');
      document.body.prepend(el);
    });
    await page.waitForFunction(() => document.querySelector('#panic').getAttribute('data-state') === 'error', null, { timeout: 20000 });
    // every chart settles: none stays loading
    await settled(page, 3);
    const states = await page.$$eval('news-chart', (els) => Object.fromEntries(els.map((e) => [e.id, e.getAttribute('data-state')])));
    return { page, log, states, close: async () => { await page.close(); server.close(); } };
  } catch (e) {
    await page.close();
    server.close();
    throw new Error(`${name}: ${e.message}\n${JSON.stringify(log, null, 1).slice(0, 2000)}`);
  }
}

test('after a trap, Vite: the other charts move to a fresh instance and keep answering', { timeout: 600000 }, async () => {
  assert.ok(MARKER, 'src/web/panic.rs has trigger::MARKER');
  const dir = prepare('vite', { tgz: trapPackage(), as: 'vite-trap' });
  copyFeeds(join(dir, 'public'));
  must(dir, 'npx', ['vite', 'build']);
  const { page, log, states, close } = await trapIn(join(dir, 'dist'), 'vite');
  try {
    assert.deepEqual(states, { panic: 'error', employment: 'ready', hamlets: 'ready' });
    const copies = log.requested.filter((p) => /newschart_wasm-[\w-]+\.js$/.test(p));
    assert.ok(copies.length >= 1, `vite: the glue's own file was imported for the fresh instance: ${JSON.stringify(log.requested)}`);
    for (const [sel, src] of Object.entries(CHARTS)) {
      const rb = await readBack(page, sel);
      assert.ok(rb.painted > rb.total * 0.02, `vite ${src}: drawn again after the trap`);
      await page.locator(sel).scrollIntoViewIfNeeded();
      const { x, y } = await pointCenter(page, sel, 0);
      await page.mouse.move(x, y);
      const tip = page.locator(`${sel} .nc-tooltip`);
      await tip.waitFor({ state: 'visible', timeout: 5000 });
      assert.deepEqual(await tip.evaluate((t) => [...t.children].map((c) => c.textContent)), tooltip(feed(src), 0, 0), `vite ${src}: tooltip after the trap`);
      await page.mouse.move(1, 1);
    }
    assert.deepEqual(log.failed, [], 'vite: failed requests');
  } finally {
    await close();
  }
});

test('after a trap, webpack: the other charts show their error box, and the console says why', { timeout: 600000 }, async () => {
  assert.ok(MARKER, 'src/web/panic.rs has trigger::MARKER');
  const dir = prepare('webpack', { tgz: trapPackage(), as: 'webpack-trap' });
  must(dir, 'npx', ['webpack']);
  const dist = join(dir, 'dist');
  cpSync(join(dir, 'index.html'), join(dist, 'index.html'));
  copyFeeds(dist);
  const { log, states, close } = await trapIn(dist, 'webpack');
  try {
    assert.deepEqual(states, { panic: 'error', employment: 'error', hamlets: 'error' });
    const errors = log.console.filter((m) => m.type === 'error').map((m) => m.text).join('\n');
    // webpack copies the glue's file (new URL) but answers the import() of it itself: not found
    assert.match(errors, /feeds\/employment\.json:\n.*Cannot find module '[^']+\.js\?instance=1'/, `webpack: the console names the import that failed:\n${errors}`);
  } finally {
    await close();
  }
});
