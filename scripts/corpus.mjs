// Regenerates the real-data corpus's expected files and the gallery from
// tests/fixtures/real/manifest.json with the CLI given as the first argument:
//   expected/NAME.feed.json      what `from-csv FILE ARGS` prints (files that must give a feed)
//   expected/NAME.problems.json  the errors it reports (files that must be refused)
//   www/gallery/NAME.json        the feed again, for www/gallery.html
//   www/gallery.html             one <news-chart> per feed, with its origin line
//   target/corpus-print/NAME.png each gallery chart as a print PNG (120 mm, 300 dpi)
// A file that must give a feed but is refused today gets no expected feed (a
// stale one is removed): tests/real_corpus.rs then fails for it, saying why.
// Review the diff by hand against the sources before committing it.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REAL = join(REPO, 'tests', 'fixtures', 'real');
const EXPECTED = join(REAL, 'expected');
const GALLERY = join(REPO, 'www', 'gallery');
const cli = process.argv[2] && resolve(process.argv[2]);
if (!cli) {
  console.error('usage: node scripts/corpus.mjs PATH/TO/newschart');
  process.exit(2);
}
mkdirSync(EXPECTED, { recursive: true });
mkdirSync(GALLERY, { recursive: true });

const manifest = JSON.parse(readFileSync(join(REAL, 'manifest.json'), 'utf8'));
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const LOCATED = /^(.*?):(\d+):(\d+): (error|warning): (.*)$/;

const sections = [];
let refusedToday = 0;
for (const e of manifest.files) {
  const run = spawnSync(cli, ['from-csv', e.file, ...e.args], { cwd: REAL, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  const problems = run.stderr.split('\n').map((l) => l.match(LOCATED)).filter(Boolean)
    .map((m) => ({ severity: m[4], line: Number(m[2]), column: Number(m[3]), message: m[5] }));
  const feedPath = join(EXPECTED, `${e.name}.feed.json`);
  const problemsPath = join(EXPECTED, `${e.name}.problems.json`);
  const galleryPath = join(GALLERY, `${e.name}.json`);
  if (e.expect === 'feed') {
    rmSync(problemsPath, { force: true });
    if (run.status === 0) {
      writeFileSync(feedPath, run.stdout);
      writeFileSync(galleryPath, run.stdout);
      const warnings = problems.filter((p) => p.severity === 'warning');
      console.log(`${e.name}: feed (${run.stdout.length} bytes, ${warnings.length} warnings)`);
      sections.push({ e, chart: true, warnings });
    } else {
      refusedToday++;
      rmSync(feedPath, { force: true });
      rmSync(galleryPath, { force: true });
      const first = run.stderr.split('\n').slice(0, 3).join('\n    ');
      console.log(`${e.name}: REFUSED today (exit ${run.status}), must give a feed:\n    ${first}`);
      sections.push({ e, chart: false, refused: run.stderr.split('\n').filter(Boolean).slice(0, 5), exit: run.status });
    }
  } else {
    rmSync(feedPath, { force: true });
    rmSync(galleryPath, { force: true });
    const errors = problems.filter((p) => p.severity === 'error');
    if (run.status === 0) {
      // accepted today although it must be refused: no expected problems to record
      rmSync(problemsPath, { force: true });
      console.log(`${e.name}: ACCEPTED today (exit 0), must be refused`);
      sections.push({ e, chart: false, accepted: true, exit: 0 });
      continue;
    }
    writeFileSync(problemsPath, JSON.stringify({ exit: run.status, errors }, null, 2) + '\n');
    console.log(`${e.name}: problems (exit ${run.status}, ${errors.length} errors)`);
    sections.push({ e, chart: false, problems: errors, exit: run.status });
  }
}

const body = sections.map(({ e, chart, warnings, refused, problems, exit, accepted }) => {
  const head = `<section class="example" id="${esc(e.name)}">\n  <h2>${esc(e.file)}</h2>`;
  const origin = `  <p class="example-source">${esc(e.origin)} · tests/fixtures/real/${esc(e.file)} · <code>newschart from-csv ${esc(e.file)} ${esc(e.args.map((a) => (/[\s,"']/.test(a) ? JSON.stringify(a) : a)).join(' '))}</code></p>`;
  if (chart) {
    const warn = warnings.length ? `\n  <p class="example-source">from-csv warned: ${esc(warnings.map((w) => w.message).join(' · '))}</p>` : '';
    return `${head}\n  <news-chart src="gallery/${esc(e.name)}.json"><p class="nc-fallback">${esc(e.file)}</p></news-chart>\n${origin}${warn}\n</section>`;
  }
  if (accepted) {
    return `${head}\n  <p class="example-source">from-csv accepted this file (exit 0); it should refuse it and say where.</p>\n${origin}\n</section>`;
  }
  if (refused) {
    return `${head}\n  <p class="example-source">from-csv refused this file (exit ${exit}); it should give a chart:</p>\n  <pre>${esc(refused.join('\n'))}</pre>\n${origin}\n</section>`;
  }
  return `${head}\n  <p class="example-source">Refused, as it should be (exit ${exit}):</p>\n  <pre>${esc(problems.map((p) => `${e.file}:${p.line}:${p.column}: ${p.message}`).join('\n'))}</pre>\n${origin}\n</section>`;
}).join('\n');

writeFileSync(join(REPO, 'www', 'gallery.html'), `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newschart · real data gallery / 真实数据图库</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="article.css">
<link rel="stylesheet" href="gallery.css">
<script type="module" src="pkg/newschart.js"></script>
</head>
<body>
<main class="gallery">
<article>
<h1>Real data gallery / 真实数据图库</h1>
<p>Every file of the real-data corpus (<code>tests/fixtures/real/</code>, origins and licences in its README), imported with <code>newschart from-csv</code> and the flags shown, exactly as a journalist would. Generated by <code>bash scripts/corpus.sh</code>; do not edit by hand.</p>
${body}
</article>
</main>
</body>
</html>
`);
console.log(`www/gallery.html: ${sections.filter((s) => s.chart).length} charts, ${refusedToday} files refused that should give a feed`);

// print PNGs of every gallery chart (120 mm at 300 dpi), to look at beside the gallery
const printDir = join(REPO, 'target', 'corpus-print');
mkdirSync(printDir, { recursive: true });
for (const { e } of sections.filter((s) => s.chart)) {
  const out = join(printDir, `${e.name}.png`);
  const run = spawnSync(cli, ['render', join(GALLERY, `${e.name}.json`), '--width', '120mm', '--dpi', '300', '-o', out], { encoding: 'utf8' });
  if (run.status !== 0) console.log(`${e.name}: print PNG failed: ${run.stderr.split('\n')[0]}`);
}
console.log(`print PNGs (120 mm, 300 dpi): ${printDir}`);
