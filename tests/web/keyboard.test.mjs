// src/web/keyboard.js sends Chart.next_point a key's place in its KEYS list; the wasm side reads it
// as the place in scene::nav::KEYS (src/scene/nav.rs). The two lists must be the same, in order.
// Run with `node --test tests/web/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const list = (file, re) => {
  const m = readFileSync(join(REPO, file), 'utf8').match(re);
  assert.ok(m, `${file} has its list of keys`);
  return [...m[1].matchAll(/["']([^"']+)["']/g)].map((k) => k[1]);
};

test('the element and scene::nav number the keys alike', () => {
  const js = list('src/web/keyboard.js', /const KEYS = \[([^\]]*)\]/);
  const rust = list('src/scene/nav.rs', /pub const KEYS: \[&str; \d+\] = \[([^\]]*)\]/);
  assert.deepEqual(js, rust);
  assert.deepEqual([...rust].sort(), ['ArrowDown', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'End', 'Home']);
});
