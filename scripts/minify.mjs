#!/usr/bin/env node
// Bundles and minifies the JavaScript an article page loads (scripts/build.sh; scripts/dist.mjs
// imports it), with esbuild (pinned in package.json). The element's source is one ES module per
// concern in src/web/; each file a page requests (the loader, the view, the modules it imports on
// demand) is one bundle of what it imports, so the shipped files and the requests stay as they
// are. ES modules in and out: exports keep their names, `import.meta.url` and the lazy `import()`s
// stay as written, and the wasm-bindgen glue stays a file of its own (imported, never inlined). A
// module's stylesheet, a template literal `const CSS = `...``, is minified as CSS first (its
// `${...}` parts kept as they are).
//
//   node scripts/minify.mjs --bundle SRC OUT   # bundles the module SRC and what it imports into OUT
//   node scripts/minify.mjs FILE...            # minifies each file in place (the glue)

import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transformSync } from 'esbuild';

/** `code` with its `const CSS = `...`` minified as CSS. */
function minifyCss(code) {
  return code.replace(/const CSS = `([^`]*)`;/, (_, css) => {
    const parts = [];
    const marked = css.replace(/\$\{[^}]*\}/g, (m) => `.nc-keep${parts.push(m) - 1}{--k:0}`);
    let out = transformSync(marked, { loader: 'css', minify: true, logLevel: 'warning' }).code.trim();
    parts.forEach((p, i) => {
      const mark = `.nc-keep${i}{--k:0}`;
      if (!out.includes(mark)) throw new Error(`minify: the CSS part ${p} did not survive`);
      out = out.replace(mark, p);
    });
    return `const CSS = \`${out}\`;`;
  });
}

/** The minified text of one ES module. */
export function minifyModule(code) {
  return transformSync(minifyCss(code), { minify: true, format: 'esm', logLevel: 'warning' }).code;
}

/**
 * The minified bundle of the ES module `entry` and the modules it imports. `swaps` rewrites
 * sources before bundling (scripts/dist.mjs: hashed names and SRI): for a file name, a list of
 * [from, to], each of which must occur in that file (every occurrence is replaced). The glue
 * (`./newschart_wasm*.js`) and the modules imported on demand (`import('./view.js')`) stay external.
 * @param {string} entry
 * @param {{ [file: string]: [string, string][] }} [swaps]
 * @returns {Promise<string>}
 */
export async function bundle(entry, swaps = {}) {
  const used = new Set();
  const sources = {
    name: 'newschart-sources',
    setup(b) {
      b.onResolve({ filter: /^\.\/newschart_wasm[^/]*\.js/ }, (args) => ({ path: args.path, external: true }));
      // a module imported on demand (the view, the downloads, problems.js) is a file of its own
      b.onResolve({ filter: /^\.\// }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
      b.onLoad({ filter: /\.js$/ }, (args) => {
        const file = basename(args.path);
        let code = readFileSync(args.path, 'utf8');
        for (const [from, to] of swaps[file] || []) {
          if (!code.includes(from)) throw new Error(`${file}: expected to find ${JSON.stringify(from)} (has the source changed?)`);
          code = code.split(from).join(to);
        }
        if (swaps[file]) used.add(file);
        return { contents: minifyCss(code), loader: 'js' };
      });
    },
  };
  const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', minify: true, write: false, logLevel: 'warning', plugins: [sources] });
  for (const file of Object.keys(swaps)) if (!used.has(file)) throw new Error(`${basename(entry)}: ${file} is not part of the bundle`);
  return out.outputFiles[0].text;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--bundle') writeFileSync(args[2], await bundle(args[1]));
  else for (const f of args) writeFileSync(f, minifyModule(readFileSync(f, 'utf8')));
}
