// scripts/dist.sh's work: pkg/ → dist/ with content-hashed names, rewritten imports, SRI hashes
// and the embed snippets. Node and esbuild (pinned in package.json).
//
//   node scripts/dist.mjs --base URL --pkg DIR --www DIR --out DIR
//
// Names are hashed leaves first, so each file's hash covers what it imports: the wasm, then the
// glue (which names the wasm), problems.js (problem-words.js with its SRI: a broken feed's
// messages), the view (glue, wasm and the wasm's SRI, and download.js and problems.js with
// their SRI), the loader (the view's name and the SRI of view and glue). Every rewrite must match the source exactly once or more:
// if the source changes shape, this fails rather than ship a loader that imports a missing file.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, minifyModule } from './minify.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const { base = '/newschart/', pkg, www, out } = args;
if (!pkg || !www || !out) {
  console.error('usage: node scripts/dist.mjs --base URL --pkg DIR --www DIR --out DIR');
  process.exit(2);
}
const BASE = base.endsWith('/') ? base : `${base}/`;

const fail = (msg) => { console.error(`==> ERROR: ${msg}`); process.exit(1); };
const read = (dir, f) => {
  try { return readFileSync(join(dir, f)); } catch (e) { return fail(`${join(dir, f)} is missing (run bash scripts/build.sh)`); }
};
const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;
const short = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 12);
/** Replaces every `from` in `text` (at least once, or fails). */
const swap = (text, from, to, file) => {
  if (!text.includes(from)) fail(`${file}: expected to find ${JSON.stringify(from)} (has the source changed?)`);
  return text.split(from).join(to);
};

// pkg/'s loader and view are bundles (scripts/build.sh), minified, which renames the constants
// rewritten below: bundle the readable sources in src/web/ here as build.sh does, with the
// rewrites made in each source file (scripts/minify.mjs's bundle: each must match).
const SRC = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'src', 'web');

const files = {}; // logical name -> { name, integrity, bytes }
const emit = (logical, buf, ext) => {
  const stem = logical.replace(/\.[^.]+$/, '');
  const name = `${stem}.${short(buf)}.${ext}`;
  files[logical] = { name, integrity: sri(buf), bytes: buf.length, buf };
  return files[logical];
};

// 1. wasm, 2. glue
const wasm = emit('newschart_wasm_bg.wasm', read(pkg, 'newschart_wasm_bg.wasm'), 'wasm');
// (the glue names no wasm: view.js passes the module it compiled, by its hashed name below)
const glueFile = emit('newschart_wasm.js', read(pkg, 'newschart_wasm.js'), 'js');
// 2a. the large-data module, which the same glue instantiates: loaded only for a chart that needs it
const largeWasm = emit('newschart_large_bg.wasm', read(pkg, 'newschart_large_bg.wasm'), 'wasm');

// 2b. the builder's wasm and glue: a reader's page loads them only for a PNG download (download.js
// names the wasm: the glue has no default module path)
const builderWasm = emit('newschart_builder_bg.wasm', read(pkg, 'newschart_builder_bg.wasm'), 'wasm');
const builderGlueFile = emit('newschart_builder.js', read(pkg, 'newschart_builder.js'), 'js');
const BUILDER_SRI = ['const BUILDER_INTEGRITY = {};',
  `const BUILDER_INTEGRITY = ${JSON.stringify({ glue: builderGlueFile.integrity, wasm: builderWasm.integrity })};`];

// 2c. problems.js (a chart's problems, imported the first time it has some): the name and SRI of
// problem-words.js (the problems' words, generated from the Rust catalogue)
const wordsFile = emit('problem-words.js', Buffer.from(minifyModule(read(SRC, 'problem-words.js').toString('utf8'))), 'js');
const problemsFile = emit('problems.js', Buffer.from(await bundle(join(SRC, 'problems.js'), { 'problems.js': [
  ["'./problem-words.js'", `'./${wordsFile.name}'`],
  ["const WORDS_INTEGRITY = '';", `const WORDS_INTEGRITY = '${wordsFile.integrity}';`],
] })), 'js');

// 3. view: the names and SRI of the glue, the wasm modules, the downloads module and problems.js
// download.js draws the PNG in the builder's module: its names and SRI
const downloadFile = emit('download.js', Buffer.from(await bundle(join(SRC, 'download.js'), { 'download.js': [
  ["'./newschart_builder.js'", `'./${builderGlueFile.name}'`],
  ["'./newschart_builder_bg.wasm'", `'./${builderWasm.name}'`],
  BUILDER_SRI,
] })), 'js');
const viewFile = emit('view.js', Buffer.from(await bundle(join(SRC, 'view.js'), {
  'lazy.js': [
    ["'./download.js'", `'./${downloadFile.name}'`],
    ["const DOWNLOAD_INTEGRITY = '';", `const DOWNLOAD_INTEGRITY = '${downloadFile.integrity}';`],
    ["'./problems.js'", `'./${problemsFile.name}'`],
    ["const PROBLEMS_INTEGRITY = '';", `const PROBLEMS_INTEGRITY = '${problemsFile.integrity}';`],
  ],
  'wasm.js': [
    ['./newschart_wasm.js', `./${glueFile.name}`], // the import and the fresh copies' address
    ["'./newschart_wasm_bg.wasm'", `'./${wasm.name}'`],
    ["const WASM_INTEGRITY = '';", `const WASM_INTEGRITY = '${wasm.integrity}';`],
    ["'./newschart_large_bg.wasm'", `'./${largeWasm.name}'`],
    ["const LARGE_INTEGRITY = '';", `const LARGE_INTEGRITY = '${largeWasm.integrity}';`],
  ],
})), 'js');

// 4. loader: the view's name, and the SRI of the modules it imports
const integrity = { [`./${viewFile.name}`]: viewFile.integrity, [`./${glueFile.name}`]: glueFile.integrity };
const loaderFile = emit('newschart.js', Buffer.from(await bundle(join(SRC, 'newschart.js'), { 'newschart.js': [
  ["'./view.js'", `'./${viewFile.name}'`],
  ["'./newschart_wasm.js'", `'./${glueFile.name}'`], // preloaded beside the view
  ["'./newschart_wasm_bg.wasm'", `'./${wasm.name}'`], // requested beside the view
  ["const WASM_INTEGRITY = '';", `const WASM_INTEGRITY = '${wasm.integrity}';`],
  ['const INTEGRITY = {};', `const INTEGRITY = ${JSON.stringify(integrity)};`],
] })), 'js');

// 5. the iframe resizer, and the iframe page with its script and style
const resizer = emit('embed-resize.js', read(pkg, 'embed-resize.js'), 'js');
const embedJs = emit('embed.js', read(www, 'embed.js'), 'js');
const embedCss = emit('embed.css', read(www, 'embed.css'), 'css');
let embed = read(www, 'embed.html').toString('utf8');
embed = swap(embed, '<script type="module" src="pkg/newschart.js"></script>',
  `<script type="module" src="${loaderFile.name}" integrity="${loaderFile.integrity}"></script>`, 'embed.html');
embed = swap(embed, '<script type="module" src="embed.js"></script>',
  `<script type="module" src="${embedJs.name}" integrity="${embedJs.integrity}"></script>`, 'embed.html');
embed = swap(embed, '<link rel="stylesheet" href="embed.css">',
  `<link rel="stylesheet" href="${embedCss.name}" integrity="${embedCss.integrity}">`, 'embed.html');

// 6. the snippets: the feed address is the one thing an editor changes (the builder fills it in)
const FEED = 'https://www.example.com/feeds/chart.json';
const url = (f) => `${BASE}${f.name}`;
const script = `<script type="module" src="${url(loaderFile)}" integrity="${loaderFile.integrity}" crossorigin="anonymous" blocking="render"></script>`;
const snippets = {
  base: BASE,
  feed: FEED,
  files: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, { name: f.name, integrity: f.integrity, bytes: f.bytes }])),
  forms: {
    element: `${script}\n<news-chart src="${FEED}" height="220"></news-chart>`,
    div: `${script}\n<div class="news-chart" data-src="${FEED}" data-height="220"></div>`,
    iframe: `<iframe data-newschart src="${BASE}embed.html?src=${encodeURIComponent(FEED)}&amp;height=220" title="Chart" width="100%" height="356" frameborder="0" scrolling="no" loading="lazy"></iframe>`,
  },
  siteTemplate: {
    // once per site, for iframe embeds
    resizer: `<script src="${url(resizer)}" integrity="${resizer.integrity}" crossorigin="anonymous" defer></script>`,
  },
};

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newschart embed snippets</title>
<link rel="icon" href="data:,">
</head>
<body>
<h1>newschart embed snippets</h1>
<p>Files under <code>${esc(BASE)}</code>. Replace <code>${esc(FEED)}</code> with the address of the chart's feed
(the builder page, www/builder.html, does this for you). Every <code>&lt;script&gt;</code> carries a Subresource Integrity hash:
the browser runs the file only if it is exactly this build, and the loader checks the modules and the wasm it loads in turn.</p>
<h2>1. Script and element (most sites)</h2>
<pre><code>${esc(snippets.forms.element)}</code></pre>
<h2>2. Script and div (a CMS that strips unknown tags)</h2>
<pre><code>${esc(snippets.forms.div)}</code></pre>
<h2>3. iframe (a CMS that strips scripts)</h2>
<pre><code>${esc(snippets.forms.iframe)}</code></pre>
<p>Once, in the site's template, so iframes take the height of their chart:</p>
<pre><code>${esc(snippets.siteTemplate.resizer)}</code></pre>
<h2>Files</h2>
<table>
<thead><tr><th>file</th><th>bytes</th><th>integrity</th></tr></thead>
<tbody>
${Object.values(files).map((f) => `<tr><td>${esc(f.name)}</td><td>${f.bytes}</td><td><code>${f.integrity}</code></td></tr>`).join('\n')}
</tbody>
</table>
</body>
</html>
`;

const headers = `# Cache and CORS headers, for static hosts that read this file (Netlify, Cloudflare Pages).
# Hashed files never change: cache them forever. embed.html and the snippets name the current
# build: cache them briefly. Module scripts and the wasm are fetched with CORS from article pages.
/*
  Access-Control-Allow-Origin: *
  X-Content-Type-Options: nosniff
${Object.values(files).map((f) => `/${f.name}\n  Cache-Control: public, max-age=31536000, immutable`).join('\n')}
/embed.html
  Cache-Control: public, max-age=300
/snippets.*
  Cache-Control: public, max-age=300
`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const f of Object.values(files)) writeFileSync(join(out, f.name), f.buf);
writeFileSync(join(out, 'embed.html'), embed);
writeFileSync(join(out, 'snippets.json'), `${JSON.stringify(snippets, null, 2)}\n`);
writeFileSync(join(out, 'snippets.html'), html);
writeFileSync(join(out, '_headers'), headers);
for (const f of Object.values(files)) console.log(`    ${f.name.padEnd(40)} ${String(f.bytes).padStart(8)}  ${f.integrity}`);
console.log(`==> dist/: ${Object.keys(files).length} hashed files, embed.html, snippets.html, snippets.json, _headers`);
