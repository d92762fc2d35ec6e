#!/usr/bin/env bash
# Pack pkg/ (scripts/build.sh made it) as the npm package `newschart`, without touching pkg/:
#
#   bash scripts/pack.sh       # -> target/npm/newschart-VERSION.tgz (and target/npm/newschart.tgz)
#
# The package is a staging copy, target/npm/package/: the files a reader's page loads from pkg/
# (the loader, the view, the glue and wasm modules, the modules imported on demand, the builder's
# module that PNG downloads use, the iframe resizer), the types (src/npm/newschart.d.ts), a
# package.json written here with the version of Cargo.toml, docs/NPM.md as its README and the
# repository's LICENSE. The
# builder page's .xlsx reader is left out (readers' pages never load it). Running it again gives
# the same tarball for the same pkg/. docs/NPM.md has the exports and how a bundler finds the wasm.

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKG="${NEWSCHART_PKG_DIR:-$REPO/pkg}"
OUT="$REPO/target/npm"
STAGE="$OUT/package"
die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

# What the package ships from pkg/ (package.json's `files` lists exactly these, and the types).
FILES=(newschart.js view.js newschart_wasm.js newschart_wasm_bg.wasm newschart_large_bg.wasm
  download.js problems.js problem-words.js newschart_builder.js newschart_builder_bg.wasm
  embed-resize.js)
for f in "${FILES[@]}"; do
  [[ -f "$PKG/$f" ]] || die "$PKG/$f is missing (run bash scripts/build.sh first)"
done

# Cargo.toml's version (the first `version = "…"`, which is [package]'s)
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$REPO/Cargo.toml" | head -1)"
[[ -n "$VERSION" ]] || die "no version in Cargo.toml"

rm -rf "$STAGE" && mkdir -p "$STAGE"
for f in "${FILES[@]}"; do cp "$PKG/$f" "$STAGE/"; done
cp "$REPO/src/npm/newschart.d.ts" "$STAGE/"
cp "$REPO/docs/NPM.md" "$STAGE/README.md"
cp "$REPO/LICENSE" "$STAGE/LICENSE"

node - "$STAGE/package.json" "$VERSION" "${FILES[@]}" <<'EOF'
const fs = require('fs');
const [out, version, ...files] = process.argv.slice(2);
const pkg = {
  name: 'newschart',
  version,
  description: 'The <news-chart> element: newsroom charts from a JSON feed, drawn by WebAssembly (Rust, plotters)',
  license: 'MIT', // LICENSE, as Cargo.toml's
  keywords: ['chart', 'custom-element', 'web-component', 'webassembly', 'news'],
  type: 'module',
  // importing the loader defines <news-chart>; embed-resize.js is a classic script that listens
  // on the host page: both act by being loaded, so bundlers must keep them
  sideEffects: ['./newschart.js', './embed-resize.js'],
  main: './newschart.js',
  module: './newschart.js',
  types: './newschart.d.ts',
  exports: {
    '.': { types: './newschart.d.ts', default: './newschart.js' },
    './embed-resize': './embed-resize.js',
    './embed-resize.js': './embed-resize.js',
    './package.json': './package.json',
  },
  files: [...files, 'newschart.d.ts'],
};
fs.writeFileSync(out, JSON.stringify(pkg, null, 2) + '\n');
EOF

# npm pack writes the same bytes for the same files (it fixes the dates in the tarball)
TGZ="$OUT/newschart-$VERSION.tgz"
rm -f "$TGZ"
(cd "$OUT" && npm pack ./package --pack-destination "$OUT" --json --ignore-scripts >"$OUT/pack.json")
[[ -f "$TGZ" ]] || die "npm pack did not write $TGZ"
cp "$TGZ" "$OUT/newschart.tgz" # a name that does not change with the version (tests/bundlers/)
node -e '
  const [p] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`==> ${process.argv[2]}: ${p.files.length} files, ${p.size.toLocaleString("en-US")} B packed, ${p.unpackedSize.toLocaleString("en-US")} B unpacked`);
' "$OUT/pack.json" "${TGZ#"$REPO"/}"
