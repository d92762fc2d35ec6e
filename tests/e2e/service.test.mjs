// The feed service's whole loop in a real browser (issue 15, "End-to-end"): an article on another
// origin embeds a live chart from `newschart serve` with refresh; a journalist signs in to the
// builder, loads a CSV through the file input and publishes it with a note; the article follows
// without a reload; an editor rolls back through the builder and the article follows back; a
// journalist who does not own the chart is refused in the builder, and nothing changes. Also: the
// builder on a static host shows nothing of the service; the service's 422 is shown beside the
// field it names; the versions view names a changed number.
//
// Builds the binary with the service itself (`cargo build --features serve`: a no-op when it is
// built; other e2e tests `cargo run` the CLI without the feature, which relinks it) and runs a
// copy of it, so nothing can swap it meanwhile. A build that fails fails here, loudly.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ARTIFACTS, REPO, launch, startServer, watch } from './helpers.mjs';

const TIMEOUT = 240000;
const BUILT = join(process.env.CARGO_TARGET_DIR ? resolve(REPO, process.env.CARGO_TARGET_DIR) : join(REPO, 'target'), 'debug', process.platform === 'win32' ? 'newschart.exe' : 'newschart');
let BIN = BUILT; // the copy in the test's folder, once built
const CHART = 'placements';
const USERS = {
  ana: { role: 'journalist', desk: 'county', password: 'ana-secret-1234' }, // owns the chart
  bo: { role: 'journalist', desk: 'county', password: 'bo-secret-12345' }, // does not
  ed: { role: 'editor', desk: 'county', password: 'ed-secret-12345' },
  cy: { role: 'journalist', desk: 'county', password: 'cy-secret-12345' }, // gets rate-limited
};
// the county office's figures: the first version, then June's file
const CSV_V1 = 'county,placements\nLiling,1200\nYouxian,860\nChaling,740\nYanling,410\n';
const CSV_JUNE = 'county,placements\nLiling,1350\nYouxian,905\nChaling,760\nYanling,415\n';

/** [category, number] of each row of a two-column CSV: what a chart of it must show. */
const rowsOf = (csv) => csv.trim().split('\n').slice(1).map((l) => { const [c, v] = l.split(','); return [c, Number(v)]; });

let dir;
let service; // { url, proc }
let article; // node http server on another port: another origin
let articleHtml = '';

/** Version n of a chart as stored, read back with `newschart backup` (its source file's name and bytes). */
function storedVersion(dir, chart, n) {
  const backup = spawnSync(BIN, ['backup', '--data', join(dir, 'newsroom.db')], { encoding: 'utf8' });
  return backup.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((l) => l.table === 'versions' && l.row.chart_id === chart && l.row.n === n).row;
}

function startService(data) {
  const proc = spawn(BIN, ['serve', '--data', data, '--listen', '127.0.0.1:0', '--www', join(REPO, 'www'), '--pkg', join(REPO, 'pkg'), '--allow-upstream-host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`newschart serve did not start: ${out}`)), 30000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); ok({ url: m[1], proc }); }
    });
    proc.stderr.on('data', (d) => { out += d; });
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`newschart serve exited ${code}: ${out}`)); });
  });
}

/** Signs in over HTTP (for setting up and checking, not for the steps under test). */
async function session(name) {
  const r = await fetch(`${service.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: USERS[name].password }) });
  assert.equal(r.status, 200, `${name} signs in`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  return { cookie, csrf: (await r.json()).csrf };
}

const chartInfo = async (s) => (await fetch(`${service.url}/api/charts/${CHART}`, { headers: { cookie: s.cookie } })).json();

/** The live feed as readers get it: status, ETag and bytes. */
async function liveFeed() {
  const r = await fetch(`${service.url}/feeds/${CHART}.json`, { cache: 'no-store' });
  return { status: r.status, etag: r.headers.get('etag'), body: await r.text() };
}

before(async () => {
  if (!existsSync(join(REPO, 'pkg', 'newschart.js'))) throw new Error('pkg/ is not built: run scripts/build.sh (NOT TESTED: the service\'s end-to-end loop)');
  const build = spawnSync('cargo', ['build', '--features', 'serve', '--bin', 'newschart'], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`cargo build --features serve failed (NOT TESTED: the service's end-to-end loop):\n${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'newschart-service-e2e-'));
  BIN = join(dir, 'newschart');
  copyFileSync(BUILT, BIN);
  const data = join(dir, 'newsroom.db');
  for (const [name, u] of Object.entries(USERS)) {
    const r = spawnSync(BIN, ['user', 'add', name, '--role', u.role, '--desk', u.desk, '--data', data], { input: `${u.password}\n`, encoding: 'utf8' });
    assert.equal(r.status, 0, `newschart user add ${name} (NOT TESTED: the service's end-to-end loop): ${r.stderr}`);
  }
  service = await startService(data);
  // the chart and its first version, as a script would make them (the builder's steps come later)
  const s = await session('ana');
  const w = { 'x-csrf-token': s.csrf, cookie: s.cookie };
  assert.equal((await fetch(`${service.url}/api/charts`, { method: 'POST', headers: { ...w, 'content-type': 'application/json' }, body: JSON.stringify({ id: CHART, title: 'Placements by county' }) })).status, 201);
  assert.equal((await fetch(`${service.url}/api/charts/${CHART}/versions?note=first&name=v1.csv`, { method: 'POST', headers: { ...w, 'content-type': 'text/csv' }, body: CSV_V1 })).status, 201);
  // the article: another origin (another port); its body is the builder's snippets (the test sets it)
  article = createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(articleHtml); });
  await new Promise((ok) => article.listen(0, '127.0.0.1', ok));
});

after(() => {
  service?.proc.kill('SIGTERM');
  article?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh browser at the builder's width, its page and log. */
async function browser(url) {
  const b = await launch({ viewport: { width: 1800, height: 1100 }, reducedMotion: 'reduce' });
  const page = await b.context.newPage();
  const log = watch(page);
  if (url) await page.goto(url);
  return { ...b, page, log };
}

/** Opens the builder from the service and signs `name` in through the form. */
async function signIn(page, name) {
  await page.goto(`${service.url}/builder.html`);
  await page.waitForSelector('#service[data-ready]');
  await page.fill('#svc-name', name);
  await page.fill('#svc-password', USERS[name].password);
  await page.click('#svc-signin');
  await page.waitForSelector('#svc-who');
}

async function openChart(page) {
  await page.selectOption('#svc-chart', CHART);
  await page.waitForSelector(`#svc-chart-page[data-chart="${CHART}"]`);
}

/** Chooses a CSV file in the builder's file input, and waits for its preview. */
async function loadCsv(page, name, csv) {
  await page.setInputFiles('#csv-file', { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const want = rowsOf(csv);
  await page.waitForFunction((w) => {
    const el = document.querySelector('#preview-desktop');
    return el.getAttribute('data-state') === 'ready' && JSON.stringify(el.points().map((p) => [p.category, p.value])) === JSON.stringify(w);
  }, want, { timeout: 30000 });
}

/**
 * Copies the chart page's element and div snippets with their copy buttons, as a journalist does:
 * each button says so once the clipboard has it, and the clipboard then holds its field's text.
 */
async function copySnippets({ context, page }) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: service.url });
  const copied = [];
  for (const k of ['', '-div']) {
    await page.click(`#svc-copy${k}`);
    await page.waitForFunction((id) => document.querySelector(id).textContent === '已复制', `#svc-copy${k}`, { timeout: 5000 });
    copied.push(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(copied.at(-1), await page.inputValue(`#svc-snippet${k}`), 'the copy button copies its snippet');
  }
  return copied;
}

/** Waits until each of the article's charts shows `rows` ([category, value]); fails naming what they show. */
async function articleShows(page, rows, what) {
  try {
    await page.waitForFunction((w) => {
      const els = [...document.querySelectorAll('news-chart')];
      return els.length === 2 && els.every((el) => el.getAttribute('data-state') === 'ready' && JSON.stringify(el.points().map((p) => [p.category, p.value])) === JSON.stringify(w));
    }, rows, { timeout: 30000 });
  } catch (_) {
    const shows = await page.$$eval('news-chart', (els) => els.map((el) => { try { return el.points().map((p) => [p.category, p.value]); } catch (e) { return String(e); } }));
    assert.fail(`${what}: the article should show ${JSON.stringify(rows)} but shows ${JSON.stringify(shows)}`);
  }
}

test('the loop: a journalist publishes a CSV in the builder, the article on another origin follows; an editor rolls back, the article follows back; a journalist without rights is refused and nothing changes', { timeout: TIMEOUT }, async () => {
  const reader = await browser();
  const jo = await browser();
  const ed = await browser();
  const bo = await browser();
  try {
    // the journalist signs in through the builder and opens the chart: its snippets, copied with
    // their buttons, for the stable address with refresh
    await signIn(jo.page, 'ana');
    assert.match(await jo.page.textContent('#svc-who'), /ana/);
    await openChart(jo.page);
    const copied = await copySnippets(jo);
    assert.match(copied[0], new RegExp(`^<script type="module" src="${service.url}/pkg/newschart\\.js"[^>]*></script>\n<news-chart refresh="60" src="${service.url}/feeds/${CHART}\\.json"`));
    assert.match(copied[1], new RegExp(`<div class="news-chart" data-refresh="60" data-src="${service.url}/feeds/${CHART}\\.json"`));

    // 1. an article on another origin embeds both forms, as copied, with refresh="1" instead of 60
    // (the smallest the widget allows, docs/EMBED.md: the test need not wait a minute)
    articleHtml = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body>
<h1>County placements</h1>\n${copied[0].replace('refresh="60"', 'refresh="1"')}\n<p>Between the charts.</p>\n${copied[1].replace('data-refresh="60"', 'data-refresh="1"')}\n</body></html>`;
    await reader.page.goto(`http://127.0.0.1:${article.address().port}/`);
    assert.notEqual(new URL(reader.page.url()).origin, new URL(service.url).origin, 'the article is on another origin');
    await articleShows(reader.page, rowsOf(CSV_V1), 'before any publish');
    await reader.page.evaluate(() => { window.notReloaded = true; });

    // 2. the journalist loads June's CSV through the file input and publishes it with a note
    await loadCsv(jo.page, 'placements-june.csv', CSV_JUNE);
    assert.equal(await jo.page.textContent('#svc-source-file'), '连同源文件 placements-june.csv 一起保存。');
    await jo.page.fill('#svc-note', 'June figures from the county office');
    await jo.page.click('#svc-publish');
    await jo.page.waitForSelector('#svc-chart-page[data-live="2"]');
    assert.match(await jo.page.textContent('#svc-status'), /已发布第 2 版/);
    // an older version now: a journalist sees no active button to make it live again, and why
    assert.deepEqual(await jo.page.$$eval('.svc-rollback', (bs) => bs.map((b) => [b.dataset.version, b.disabled])), [['2', true], ['1', true]], 'no active rollback for a journalist');
    assert.equal(await jo.page.textContent('#svc-versions-why'), '只有编辑能让旧版本重新上线。');
    const ana = await session('ana');
    const info = await chartInfo(ana);
    const v2 = info.versions.find((v) => v.n === 2);
    assert.deepEqual({ author: v2.author, note: v2.note, source: v2.source_name }, { author: 'ana', note: 'June figures from the county office', source: 'placements-june.csv' });
    // the CSV itself is stored with the version (as the backup shows it)
    const row = storedVersion(dir, CHART, 2);
    assert.equal(Buffer.from(row.source_hex, 'hex').toString('utf8'), CSV_JUNE, 'the source CSV is kept with version 2');

    // 3. the article shows June's numbers without a reload
    await articleShows(reader.page, rowsOf(CSV_JUNE), 'after the publish');
    assert.equal(await reader.page.evaluate(() => window.notReloaded), true, 'the article was not reloaded');

    // the versions view: version 1 beside the live one, and what changed in words
    await signIn(ed.page, 'ed');
    await openChart(ed.page);
    await ed.page.click('.svc-compare[data-version="1"]');
    await ed.page.waitForSelector('#svc-changes li');
    const changes = await ed.page.$$eval('#svc-changes li', (lis) => lis.map((l) => l.textContent));
    const [cat, from] = rowsOf(CSV_V1)[0];
    const to = rowsOf(CSV_JUNE)[0][1];
    assert.ok(changes.includes(`placements · ${cat}：${from.toLocaleString('zh-CN')} → ${to.toLocaleString('zh-CN')}`), `a line names the changed number: ${JSON.stringify(changes)}`);
    const sides = await ed.page.$$eval('#svc-compare news-chart', (els) => els.map((e) => new URL(e.getAttribute('src'), location.href).pathname));
    assert.deepEqual(sides, [`/feeds/${CHART}/v1.json`, `/feeds/${CHART}.json`]);
    await ed.page.waitForFunction(() => [...document.querySelectorAll('#svc-compare news-chart')].every((e) => e.getAttribute('data-state') === 'ready'), null, { timeout: 30000 });
    const shown = await ed.page.$$eval('#svc-compare news-chart', (els) => els.map((e) => e.points().map((p) => [p.category, p.value])));
    assert.deepEqual(shown, [rowsOf(CSV_V1), rowsOf(CSV_JUNE)], 'version 1 beside the live one');
    await ed.page.screenshot({ path: join(ARTIFACTS, 'service-versions.png'), fullPage: true });

    // 4. the editor rolls back through the builder; the article follows back
    await ed.page.fill('#svc-rollback-note', 'June figures not yet confirmed');
    await ed.page.click('.svc-rollback[data-version="1"]');
    await ed.page.waitForSelector('#svc-chart-page[data-live="1"]');
    await articleShows(reader.page, rowsOf(CSV_V1), 'after the rollback');
    assert.equal(await reader.page.evaluate(() => window.notReloaded), true, 'the article was not reloaded');
    // the audit log shows each write, with who and the versions
    const audit = await ed.page.$$eval('#svc-audit tbody tr', (trs) => trs.map((tr) => [...tr.cells].slice(1, 5).map((c) => c.textContent)));
    assert.deepEqual(audit.slice(0, 2), [['ed', '回滚', '2', '1'], ['ana', '发布', '1', '2']], JSON.stringify(audit));

    // 5. a journalist who does not own the chart: refused in the builder, in words; nothing changes
    const before = await liveFeed();
    await signIn(bo.page, 'bo');
    await openChart(bo.page);
    await loadCsv(bo.page, 'wrong.csv', CSV_JUNE);
    assert.equal(await bo.page.isDisabled('#svc-publish'), true, 'no active publish button');
    assert.equal(await bo.page.textContent('#svc-publish-why'), '你不能发布到这张图表：它属于 ana。请找它的负责人或本部门的编辑。');
    // and if the button is forced (as with the browser's tools), the service refuses and says so
    await bo.page.evaluate(() => { document.querySelector('#svc-publish').disabled = false; });
    const refused = bo.page.waitForResponse((r) => r.url().includes(`/api/charts/${CHART}/versions`));
    await bo.page.click('#svc-publish');
    const status = (await refused).status();
    assert.deepEqual(await liveFeed(), before, 'the live feed is unchanged after the refused publish: same ETag, same bytes');
    assert.equal(status, 403);
    await bo.page.waitForSelector('#svc-publish-msgs li');
    assert.equal(await bo.page.textContent('#svc-publish-msgs li'), '服务器拒绝了：你没有修改这张图表的权限。');
    // anonymous: refused
    const anon = await fetch(`${service.url}/api/charts/${CHART}/versions?note=x`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: CSV_JUNE });
    assert.equal(anon.status, 401, 'an anonymous publish is refused');
    const after = await liveFeed();
    assert.deepEqual(after, before, 'the live feed is unchanged: same ETag, same bytes');
    assert.equal((await chartInfo(ana)).versions.length, 2, 'no version was added');
    await articleShows(reader.page, rowsOf(CSV_V1), 'after the refused publishes');
    assert.deepEqual(reader.log.errors, []);
  } finally {
    for (const b of [reader, jo, ed, bo]) await b.close();
  }
});

test('a chart id the service refuses is explained; a 422 from the service is shown beside the field it names, and nothing is published; a broken live source is shown on the chart page; a workbook is kept with its version', { timeout: TIMEOUT }, async () => {
  const jo = await browser();
  try {
    await signIn(jo.page, 'ana');
    await jo.page.fill('#svc-new-id', 'County/Jobs');
    await jo.page.fill('#svc-new-title', 'Jobs');
    await jo.page.click('#svc-create');
    await jo.page.waitForSelector('#svc-new-msgs li');
    assert.match(await jo.page.textContent('#svc-new-msgs li'), /图表编号只能用小写字母/);
    assert.equal(await jo.page.getAttribute('#svc-new-id', 'aria-invalid'), 'true');
    // an id that exists: said in words
    await jo.page.fill('#svc-new-id', CHART);
    await jo.page.click('#svc-create');
    await jo.page.waitForFunction(() => /已经有一张编号为/.test(document.querySelector('#svc-new-msgs li')?.textContent || ''));
    await jo.page.fill('#svc-new-id', 'jobs');
    await jo.page.click('#svc-create');
    await jo.page.waitForSelector('#svc-chart-page[data-chart="jobs"]');
    await loadCsv(jo.page, 'jobs.csv', CSV_V1);
    // the builder finds no problem; the request is changed on its way (a title that is a number)
    // so that the service's own check refuses it
    let sent = '';
    await jo.page.route('**/api/charts/jobs/versions**', (route) => {
      const env = JSON.parse(route.request().postData());
      const feed = JSON.parse(env.feed);
      feed.datasets[0].title = 42;
      env.feed = `${JSON.stringify(feed, null, 2)}\n`;
      sent = env.feed;
      route.continue({ postData: JSON.stringify(env) });
    });
    const answer = jo.page.waitForResponse((r) => r.url().includes('/api/charts/jobs/versions'));
    await jo.page.click('#svc-publish');
    const res = await answer;
    assert.equal(res.status(), 422);
    const problems = (await res.json()).problems.filter((p) => p.severity === 'error');
    assert.ok(problems.some((p) => p.path === 'datasets[0].title'), JSON.stringify(problems));
    const words = problems.find((p) => p.path === 'datasets[0].title').zh; // "PATH（place）：message"
    await jo.page.waitForFunction((w) => { const m = document.querySelector('#m-title').textContent; return m && w.endsWith(m); }, words, { timeout: 10000 }).catch(async () => {
      assert.fail(`the service's problem belongs beside the title: #m-title says ${JSON.stringify(await jo.page.textContent('#m-title'))}, the publish list ${JSON.stringify(await jo.page.$$eval('#svc-publish-msgs li', (l) => l.map((x) => x.textContent)))}`);
    });
    const fromService = await jo.page.textContent('#m-title');
    assert.equal(await jo.page.getAttribute('#f-title', 'aria-invalid'), 'true');
    assert.equal(await jo.page.textContent('#svc-publish-msgs li'), '服务器检查数据时发现问题，没有发布：');
    // the same words in the same place as the builder's own check of the same feed
    await jo.page.click('#tab-json');
    await jo.page.fill('#json', sent);
    await jo.page.waitForFunction(() => document.querySelector('#m-title').textContent !== '');
    assert.equal(await jo.page.textContent('#m-title'), fromService);
    const s = await session('ana');
    const info = await (await fetch(`${service.url}/api/charts/jobs`, { headers: { cookie: s.cookie } })).json();
    assert.equal(info.versions.length, 0, 'nothing was published');
    assert.equal((await fetch(`${service.url}/feeds/jobs.json`)).status, 404);

    // a live data source whose upstream is broken: its problem is shown on the chart's page
    const upstream = createServer((req, res) => { res.writeHead(500); res.end('down'); });
    await new Promise((ok) => upstream.listen(0, '127.0.0.1', ok));
    try {
      await jo.page.fill('#svc-source-url', `http://127.0.0.1:${upstream.address().port}/jobs.csv`);
      await jo.page.fill('#svc-source-interval', '1');
      await jo.page.click('#svc-source-save');
      await jo.page.waitForFunction(() => /数据源已保存/.test(document.querySelector('#svc-status').textContent));
      // the page asks the service again by itself (every 15 s) and shows the source's last problem
      await jo.page.waitForFunction(() => /^数据源的问题（线上版本没有被替换）：.*500/.test(document.querySelector('#svc-source-state')?.textContent || ''), null, { timeout: 60000 }).catch(async () => {
        assert.fail(`the source's problem should be on the chart's page: it says ${JSON.stringify(await jo.page.textContent('#svc-source-state'))}`);
      });
      assert.equal(await jo.page.inputValue('#svc-source-url'), `http://127.0.0.1:${upstream.address().port}/jobs.csv`);
      assert.equal((await fetch(`${service.url}/feeds/jobs.json`)).status, 404, 'a broken upstream publishes nothing');
    } finally {
      upstream.close();
    }

    // a workbook: published from the builder, its bytes kept with the version as they came
    await jo.page.unroute('**/api/charts/jobs/versions**');
    const xlsx = join(REPO, 'tests', 'fixtures', 'csv', 'statistics-export.xlsx');
    await jo.page.click('#tab-csv');
    // what the publish button's reason said while the workbook was read
    await jo.page.evaluate(() => {
      const why = document.querySelector('#svc-publish-why');
      window.whys = [];
      new MutationObserver(() => window.whys.push([why.textContent, document.querySelector('#svc-publish').disabled])).observe(why, { childList: true, characterData: true, subtree: true });
    });
    await jo.page.setInputFiles('#csv-file', xlsx);
    // the publish button waits for the workbook: the panel names it once it is read and previewed
    await jo.page.waitForFunction(() => document.querySelector('#preview-desktop').getAttribute('data-state') === 'ready' && !document.querySelector('#svc-publish').disabled && /statistics-export\.xlsx/.test(document.querySelector('#svc-source-file').textContent), null, { timeout: 30000 });
    const whys = await jo.page.evaluate(() => window.whys);
    assert.ok(whys.some(([w, off]) => w === '正在读取“statistics-export.xlsx”：读完并预览后才能发布。' && off), `nothing is published from the old data while the workbook is read: ${JSON.stringify(whys)}`);
    await jo.page.fill('#svc-note', 'from the workbook');
    await jo.page.click('#svc-publish');
    await jo.page.waitForSelector('#svc-chart-page[data-live="1"]');
    const row = storedVersion(dir, 'jobs', 1);
    assert.equal(row.source_name, 'statistics-export.xlsx');
    assert.ok(Buffer.from(row.source_hex, 'hex').equals(readFileSync(xlsx)), 'the workbook is kept byte for byte');
    assert.equal(await jo.page.textContent('#svc-versions tbody tr td:nth-child(5)'), 'statistics-export.xlsx');

    // a CSV in GBK, as Excel saves it on a Chinese Windows: kept as the file was, not as the text read
    const gbk = join(REPO, 'tests', 'fixtures', 'csv', 'gbk-excel.csv');
    await jo.page.setInputFiles('#csv-file', gbk);
    await jo.page.waitForFunction(() => document.querySelector('#preview-desktop').getAttribute('data-state') === 'ready' && !document.querySelector('#svc-publish').disabled && /gbk-excel\.csv/.test(document.querySelector('#svc-source-file').textContent), null, { timeout: 30000 });
    await jo.page.fill('#svc-note', 'from a GBK file');
    await jo.page.click('#svc-publish');
    await jo.page.waitForSelector('#svc-chart-page[data-live="2"]');
    const v2 = storedVersion(dir, 'jobs', 2);
    assert.equal(v2.source_name, 'gbk-excel.csv');
    assert.ok(Buffer.from(v2.source_hex, 'hex').equals(readFileSync(gbk)), 'the GBK file is kept byte for byte');
  } finally {
    await jo.close();
  }
});

/** The feed's fingerprint a static image carries: FNV-1a over its UTF-16 code units (src/render/element.rs feed_hash). */
function feedHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Waits until every static image on the page has loaded (or failed); whether all loaded. */
const imagesIn = () => Promise.all([...document.images].map((i) => (i.complete ? 0 : new Promise((ok) => { i.onload = ok; i.onerror = ok; }))))
  .then(() => [...document.images].length > 0 && [...document.images].every((i) => i.naturalWidth > 0));

test('a published chart\'s snippet carries its static image: an article on another origin shows it before the loader runs, then the live chart; after a new publish the old snippet\'s image is stale and the live chart replaces it', { timeout: TIMEOUT }, async () => {
  const FIRST = 'firstpaint';
  const jo = await browser();
  const readers = [];
  try {
    // the journalist makes the chart in the builder, with an embed height of 240, and publishes
    await signIn(jo.page, 'ana');
    await jo.page.fill('#svc-new-id', FIRST);
    await jo.page.fill('#svc-new-title', 'First paint');
    await jo.page.click('#svc-create');
    await jo.page.waitForSelector(`#svc-chart-page[data-chart="${FIRST}"]`);
    await loadCsv(jo.page, 'first.csv', CSV_V1);
    await jo.page.fill('#f-height', '240');
    await jo.page.waitForFunction(() => document.querySelector('#preview-desktop').getAttribute('height') === '240');
    await jo.page.click('#svc-publish');
    await jo.page.waitForSelector('#svc-chart-page[data-live="1"]');
    const live1 = await (await fetch(`${service.url}/feeds/${FIRST}.json`)).text();
    const h1 = feedHash(live1);
    // the snippets carry the live version's picture, with the service's absolute addresses
    await jo.page.waitForFunction(() => /静态图/.test(document.querySelector('#svc-static')?.textContent || ''));
    assert.match(await jo.page.textContent('#svc-static'), /^嵌入代码带着这一版的静态图（高 240 像素，绘制用时 \d+ 毫秒）/);
    const copied = await copySnippets(jo);
    const img = (w) => `${service.url}/static/${FIRST}.${h1}.${w}.svg`;
    for (const c of copied) {
      // the dark images first, for a reader whose colour scheme is dark, then the light ones
      assert.ok(c.includes(`<picture slot="static" data-feed="${h1}"><source media="(prefers-color-scheme: dark) and (max-width: 639px)" srcset="${img('328.dark')}" width="328" height="`), c);
      assert.ok(c.includes(`<source media="(prefers-color-scheme: dark)" srcset="${img('640.dark')}" width="640" height="`), c);
      assert.ok(c.includes(`<source media="(max-width: 639px)" srcset="${img(328)}" width="328" height="`), c);
      assert.ok(c.includes(`<img class="nc-static" src="${img(640)}" width="640" height="`), c);
    }
    assert.match(copied[0], /<news-chart refresh="60" src="[^"]+" height="240"><picture/);
    assert.match(copied[1], /<div class="news-chart" data-refresh="60" data-src="[^"]+" data-height="240"><picture/);
    articleHtml = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body>
<h1>First paint</h1>\n${copied[0]}\n<p>Between the charts.</p>\n${copied[1]}\n</body></html>`;
    const at = `http://127.0.0.1:${article.address().port}/`;

    // 1. the loader never runs (its request is refused): the article shows the chart's image
    const off = await browser();
    readers.push(off);
    await off.page.setViewportSize({ width: 1000, height: 900 });
    await off.page.route('**/pkg/newschart.js', (route) => route.abort());
    await off.page.goto(at);
    assert.equal(await off.page.evaluate(imagesIn), true, 'both static images loaded from the service');
    const shown = await off.page.$$eval('img.nc-static', (is) => is.map((i) => { const r = i.getBoundingClientRect(); return [i.currentSrc, i.naturalWidth, Math.round(r.width) > 0 && Math.round(r.height) > 0]; }));
    assert.deepEqual(shown, [[img(640), 640, true], [img(640), 640, true]], 'the desktop width, shown');
    assert.equal(await off.page.evaluate(() => customElements.get('news-chart')), undefined, 'no script of the widget ran');
    await off.page.screenshot({ path: join(ARTIFACTS, 'service-static-before-loader.png') });
    // a phone gets the phone width
    await off.page.setViewportSize({ width: 360, height: 740 });
    await off.page.waitForFunction((u) => [...document.images].every((i) => i.currentSrc === u && i.complete && i.naturalWidth === 328), img(328), { timeout: 10000 });

    // 2. with the widget: the image until the live chart is ready, then the live chart in its place
    const on = await browser();
    readers.push(on);
    await on.page.setViewportSize({ width: 1000, height: 900 });
    let release;
    const held = new Promise((ok) => { release = ok; });
    await on.page.route('**/newschart_wasm_bg.wasm', async (route) => { await held; await route.continue(); });
    await on.page.goto(at);
    assert.equal(await on.page.evaluate(imagesIn), true);
    // the div form's <news-chart> is made inside its div by the loader: two elements either way
    const staticShown = () => [...document.querySelectorAll('news-chart')].map((el) => [el.getAttribute('data-state'), !!el.shadowRoot?.querySelector('.nc-static') || el.querySelector('img').getClientRects().length > 0, el.getAttribute('data-static')]);
    const waiting = await on.page.evaluate(staticShown);
    assert.ok(waiting.every(([state, shows]) => state !== 'ready' && shows), `the image is shown while the wasm is held: ${JSON.stringify(waiting)}`);
    await on.page.evaluate(() => {
      window.readyWithStatic = [];
      document.addEventListener('newschart:ready', (e) => { window.readyWithStatic.push(!!e.target.shadowRoot?.querySelector('.nc-static') || e.target.querySelector('img').getClientRects().length > 0); });
    });
    release();
    await on.page.waitForFunction(() => [...document.querySelectorAll('news-chart')].length === 2 && [...document.querySelectorAll('news-chart')].every((el) => el.getAttribute('data-state') === 'ready'), null, { timeout: 30000 });
    assert.deepEqual(await on.page.evaluate(staticShown), [['ready', false, null], ['ready', false, null]], 'the live charts replaced the images (not stale)');
    assert.deepEqual(await on.page.evaluate(() => window.readyWithStatic), [false, false], 'gone when each said ready');
    const points = await on.page.$$eval('news-chart', (els) => els.map((el) => el.points().map((p) => [p.category, p.value])));
    assert.deepEqual(points, [rowsOf(CSV_V1), rowsOf(CSV_V1)]);
    assert.deepEqual(on.log.errors, []);

    // 3. a new version, published as a script would: the old snippet's image is now stale
    const s = await session('ana');
    assert.equal((await fetch(`${service.url}/api/charts/${FIRST}/versions?note=june`, { method: 'POST', headers: { 'x-csrf-token': s.csrf, cookie: s.cookie, 'content-type': 'text/csv' }, body: CSV_JUNE })).status, 201);
    const h2 = feedHash(await (await fetch(`${service.url}/feeds/${FIRST}.json`)).text());
    assert.notEqual(h2, h1);
    const info = await (await fetch(`${service.url}/api/charts/${FIRST}`, { headers: { cookie: s.cookie } })).json();
    assert.equal(info.static.hash, h2, 'the builder\'s snippet now carries the new version');
    assert.ok(info.static.picture.includes(`data-feed="${h2}"`) && info.static.height === 240, JSON.stringify(info.static));
    let release2;
    const held2 = new Promise((ok) => { release2 = ok; });
    await on.page.unroute('**/newschart_wasm_bg.wasm');
    await on.page.route('**/newschart_wasm_bg.wasm', async (route) => { await held2; await route.continue(); });
    await on.page.reload();
    assert.equal(await on.page.evaluate(imagesIn), true, 'the old version\'s images are still served');
    assert.deepEqual(await on.page.$$eval('img.nc-static', (is) => is.map((i) => i.currentSrc)), [img(640), img(640)]);
    assert.ok((await on.page.evaluate(staticShown)).every(([state, shows]) => state !== 'ready' && shows), 'the old image until the live chart is ready');
    await on.page.evaluate(() => {
      window.readyWithStatic = [];
      document.addEventListener('newschart:ready', (e) => { window.readyWithStatic.push(!!e.target.shadowRoot?.querySelector('.nc-static') || e.target.querySelector('img').getClientRects().length > 0); });
    });
    release2();
    await on.page.waitForFunction(() => [...document.querySelectorAll('news-chart')].length === 2 && [...document.querySelectorAll('news-chart')].every((el) => el.getAttribute('data-state') === 'ready'), null, { timeout: 30000 });
    assert.deepEqual(await on.page.evaluate(staticShown), [['ready', false, 'stale'], ['ready', false, 'stale']], 'the stale images are replaced by the live charts');
    assert.deepEqual(await on.page.evaluate(() => window.readyWithStatic), [false, false], 'and never shown after');
    const june = await on.page.$$eval('news-chart', (els) => els.map((el) => el.points().map((p) => [p.category, p.value])));
    assert.deepEqual(june, [rowsOf(CSV_JUNE), rowsOf(CSV_JUNE)], 'the live charts show the new version');
    await on.page.screenshot({ path: join(ARTIFACTS, 'service-static-stale-replaced.png') });
  } finally {
    for (const b of [jo, ...readers]) await b.close();
  }
});

test('a wrong password and the sign-in limit are said in plain words', { timeout: TIMEOUT }, async () => {
  const b = await browser();
  try {
    await b.page.goto(`${service.url}/builder.html`);
    await b.page.waitForSelector('#service[data-ready]');
    await b.page.fill('#svc-name', 'cy');
    await b.page.fill('#svc-password', 'not-the-password');
    await b.page.click('#svc-signin');
    await b.page.waitForSelector('#svc-login-msgs li');
    assert.equal(await b.page.textContent('#svc-login-msgs li'), '用户名或密码不对。');
    assert.equal(await b.page.textContent('#svc-status'), '用户名或密码不对。', 'said in the polite live region too');
    // more failures, until the service stops counting them (a click empties the list at once)
    let said = '';
    for (let i = 0; i < 10 && !/15 分钟/.test(said); i++) {
      await b.page.click('#svc-signin');
      await b.page.waitForSelector('#svc-login-msgs li');
      said = await b.page.textContent('#svc-login-msgs li');
    }
    assert.equal(said, '登录失败次数太多，请 15 分钟后再试。');
  } finally {
    await b.close();
  }
});

test('the builder on a static host shows nothing of the service, asks it nothing that fails, and still previews a CSV', { timeout: TIMEOUT }, async () => {
  const server = await startServer();
  const b = await browser();
  try {
    await b.page.goto(`${server.url}builder.html`);
    await b.page.waitForSelector('body[data-ready]');
    await loadCsv(b.page, 'static.csv', CSV_V1);
    // the panel's module had its chance: it decided from the page's own answer
    await b.page.waitForTimeout(1000);
    assert.equal(await b.page.$('#service'), null, 'no service panel');
    assert.ok(!b.log.requested.includes('/api/me'), 'no question to a service that is not there');
    assert.deepEqual(b.log.failed, []);
    assert.deepEqual(b.log.errors, []);
    assert.deepEqual(b.log.console.filter((m) => m.type === 'error'), []);
  } finally {
    await b.close();
    server.close();
  }
});
