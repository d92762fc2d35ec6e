// src/web/static.js's feed fingerprint is the one `newschart render --static` names the images
// with (render::element::feed_hash; tests/render/element.rs has the same vectors): the element
// tells a stale image by comparing the two. Run with `node --test tests/web/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feedHash } from '../../src/web/static.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('the fingerprint is FNV-1a over the text\'s UTF-16 code units, as the Rust side computes it', () => {
  assert.equal(feedHash(''), '811c9dc5');
  assert.equal(feedHash('a'), 'e40c292c');
  assert.equal(feedHash('foobar'), 'bf9cf968');
  assert.notEqual(feedHash('万'), feedHash('丈'));
});

test('each demo image is named with the fingerprint of its feed as the element reads it', () => {
  const images = readdirSync(join(REPO, 'www', 'static')).filter((f) => f.endsWith('.svg')).sort();
  // the article's three charts, each at the phone and the desktop width, in the light and the dark theme
  const expected = [];
  for (const name of ['employment', 'hamlets', 'toilets']) {
    const hash = feedHash(readFileSync(join(REPO, 'www', 'feeds', `${name}.json`), 'utf8'));
    for (const width of [328, 720]) expected.push(`${name}.${hash}.${width}.dark.svg`, `${name}.${hash}.${width}.svg`);
  }
  assert.deepEqual(images, expected.sort());
});
