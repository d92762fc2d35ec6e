// The element's modules (src/web/*.js): one per concern, and no import cycles between them, so each
// can be read (and tested) from its own imports down; view.js keeps only the element's lifecycle.
// Run with `node --test tests/web/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'web');
const modules = readdirSync(WEB).filter((f) => f.endsWith('.js'));
/** The modules of src/web each module imports (static imports; the glue is not ours). */
const imports = Object.fromEntries(modules.map((f) => [f, [...readFileSync(join(WEB, f), 'utf8')
  .matchAll(/^(?:import|export)\b[^;]*?\bfrom '\.\/([\w-]+\.js)';$/gm)].map((m) => m[1]).filter((d) => modules.includes(d))]));

/** An import cycle through `f`, as a list of modules, or null. */
function cycle(f, path = []) {
  if (path.includes(f)) return [...path.slice(path.indexOf(f)), f];
  for (const d of imports[f]) {
    const c = cycle(d, [...path, f]);
    if (c) return c;
  }
  return null;
}

test('no import cycles between the element\'s modules', () => {
  assert.ok(imports['view.js'].length >= 10, `view.js imports its concerns: ${imports['view.js']}`);
  for (const f of modules) assert.equal(cycle(f)?.join(' -> ') ?? null, null, `a cycle through ${f}`);
});

test('view.js keeps the lifecycle only: under 400 lines', () => {
  const lines = readFileSync(join(WEB, 'view.js'), 'utf8').split('\n').length;
  assert.ok(lines < 400, `view.js has ${lines} lines`);
});
