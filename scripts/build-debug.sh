#!/usr/bin/env bash
# Build a debug (dev profile) wasm package for the end-to-end tests into target/pkg-debug/.
#
#   bash scripts/build-debug.sh
#
# Debug builds have what the release wasm must not: Chart::debug_panic_on_layout, a panic on
# purpose, with which tests/e2e/panic.test.mjs checks the panic hook's message (the release
# modules trap without one; their isolation is tested on target/pkg-test, built by
# scripts/build.sh --features panic-trigger), and test hooks such as label_boxes
# (tests/e2e/readers.test.mjs). Same layout as pkg/ (the element's JavaScript, the wasm-bindgen
# glue and the module), unoptimized.

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"
OUT="$TARGET_DIR/pkg-debug"
printf '==> cargo build --lib --target wasm32-unknown-unknown (debug)\n'
cargo build --lib --target wasm32-unknown-unknown
mkdir -p "$OUT"
printf '==> wasm-bindgen --target web -> %s\n' "${OUT#"$REPO"/}"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" --out-name newschart_wasm \
  "$TARGET_DIR/wasm32-unknown-unknown/debug/newschart.wasm"
cp "$REPO"/src/web/*.js "$OUT/"
grep -q debug_panic_on_layout "$OUT/newschart_wasm.js" || { printf '==> ERROR: the debug build lacks debug_panic_on_layout\n' >&2; exit 1; }
printf '==> built %s\n' "${OUT#"$REPO"/}"
