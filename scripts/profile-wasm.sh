#!/usr/bin/env bash
# Where the bytes of the readers' wasm go: the same release build as scripts/build.sh, optimized
# with the same wasm-opt -Oz but keeping function names (-g), then twiggy.
#
#   bash scripts/profile-wasm.sh           # the 40 largest items, and bytes per module of the crate
#   bash scripts/profile-wasm.sh 100       # the 100 largest items
#   bash scripts/profile-wasm.sh --features builder   # the builder page's module instead
#
# Sizes are raw bytes of code and data (names excluded); gzip shrinks code about 2x. Installs
# twiggy (cargo install, about 2 minutes once) when it is missing. Writes target/wasm-profile/.

set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/setup.sh
source "$REPO/scripts/setup.sh" --demo
cd "$REPO"

TOP=40
FEATURES=()
while (($#)); do
  case "$1" in
    --features) FEATURES=(--features "$2"); shift 2 ;;
    [0-9]*) TOP="$1"; shift ;;
    -h | --help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) printf '==> ERROR: unknown argument: %s\n' "$1" >&2; exit 2 ;;
  esac
done

if ! command -v twiggy >/dev/null; then
  printf '==> twiggy missing: cargo install twiggy --locked\n'
  cargo install twiggy --locked
fi

OUT="$REPO/target/wasm-profile"
mkdir -p "$OUT"
RAW="$REPO/target/wasm32-unknown-unknown/release/newschart.wasm"
# the readers' module as scripts/build.sh makes it: on the pinned nightly when installed
if ((${#FEATURES[@]} == 0)) && _ns_nightly_ready; then
  RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    cargo "+$NEWSCHART_NIGHTLY" build -Zbuild-std=std,panic_abort --lib --release \
    --target wasm32-unknown-unknown --target-dir "$REPO/target/nightly"
  RAW="$REPO/target/nightly/wasm32-unknown-unknown/release/newschart.wasm"
else
  cargo build --lib --release --target wasm32-unknown-unknown "${FEATURES[@]}"
fi
wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$OUT" --out-name profile "$RAW"
# build.sh's flags, with -g (names kept) instead of stripping them
"$REPO/node_modules/.bin/wasm-opt" --low-memory-unused --one-caller-inline-max-function-size=20 -Oz -Oz -g \
  --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals --enable-call-indirect-overlong \
  "$OUT/profile_bg.wasm" -o "$OUT/named.wasm"
twiggy top -n 100000 --format csv "$OUT/named.wasm" >"$OUT/top.csv"

node - "$OUT/top.csv" "$TOP" <<'EOF'
const fs = require('fs');
const [file, top] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => {
  const m = line.match(/^"?(.*?)"?,(\d+),/);
  return m ? { name: m[1].replace(/""/g, '"'), size: +m[2] } : null;
}).filter((r) => r && !/subsection/.test(r.name));
const total = rows.reduce((a, r) => a + r.size, 0);
console.log(`==> ${total.toLocaleString('en-US')} bytes of code and data (names excluded); the ${top} largest items:`);
for (const r of [...rows].sort((a, b) => b.size - a.size).slice(0, +top)) console.log(`${String(r.size).padStart(8)}  ${r.name.slice(0, 120)}`);
// by where the code comes from: newschart's modules, std's crates, the other crates
const group = (name) => {
  const own = name.match(/newschart(?:\[[0-9a-f]+\])?::([a-z_]+)/);
  if (own) return `newschart::${own[1]}`;
  if (/^data segment/.test(name)) return 'data (strings, tables)';
  if (/^chart_/.test(name)) return 'exports (wasm-bindgen shims, bodies inlined)';
  const krate = name.replace(/^<+/, '').match(/^([a-z_][a-z0-9_]*)/);
  return krate ? krate[1] : 'other';
};
const by = new Map();
for (const r of rows) by.set(group(r.name), (by.get(group(r.name)) || 0) + r.size);
console.log('==> by origin (functions inlined into a caller count there):');
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${String(v).padStart(8)}  ${k}`);
EOF
