#!/usr/bin/env bash
# Type-checks the element's JavaScript against the wasm API, as declared once:
#   - wasm-bindgen writes the module's TypeScript declarations (every Chart method, its arguments
#     and results) into target/boundary/newschart_wasm.d.ts, from the builder's build (cargo
#     feature `builder`: the readers' API and what the builder and download.js add);
#   - src/web/boundary.js declares the JSON answers (@typedef), src/web/state.d.ts the View's state;
#   - `tsc --noEmit` (typescript, pinned in package.json; tsconfig.json: checkJs over src/web/*.js)
#     checks every module's calls and fields against them.
# tests/e2e/boundary.test.mjs checks the declarations against the built module's real answers.
#
#   bash scripts/typecheck.sh

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
say() { printf '==> %s\n' "$*"; }

TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"
OUT="$REPO/target/boundary" # where tsconfig.json's rootDirs looks
say "cargo build --lib --release --target wasm32-unknown-unknown --features builder (a no-op after scripts/build.sh)"
cargo build --lib --release --target wasm32-unknown-unknown --features builder
rm -rf "$OUT" && mkdir -p "$OUT"
say "wasm-bindgen --target web (declarations only) -> ${OUT#"$REPO"/}/newschart_wasm.d.ts"
wasm-bindgen --target web --out-dir "$OUT" --out-name newschart_wasm "$TARGET_DIR/wasm32-unknown-unknown/release/newschart.wasm"
find "$OUT" -type f ! -name '*.d.ts' -delete # only the declarations: tsc must not read the glue itself
say "tsc --noEmit -p tsconfig.json (checkJs over src/web/*.js)"
"$REPO/node_modules/.bin/tsc" --noEmit -p tsconfig.json
say "the element's JavaScript agrees with the wasm API's declarations"
