#!/usr/bin/env node
// Minifies the JavaScript an article page loads (scripts/build.sh; scripts/dist.mjs imports it):
// esbuild (pinned in package.json), ES module in and out, so exports keep their names and
// `import.meta.url` and the lazy `import()` stay as written. A module's stylesheet, a template
// literal `const CSS = `...``, is minified as CSS first (its `${...}` parts kept as they are).
//
//   node scripts/minify.mjs FILE...      # minifies each file in place

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

/** The minified text of one ES module. */
export function minifyModule(code) {
  code = code.replace(/const CSS = `([^`]*)`;/, (_, css) => {
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
  return transformSync(code, { minify: true, format: 'esm', logLevel: 'warning' }).code;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const f of process.argv.slice(2)) writeFileSync(f, minifyModule(readFileSync(f, 'utf8')));
}
