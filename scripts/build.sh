#!/usr/bin/env bash
# Build the newschart widget for the browser into pkg/.
#
#   bash scripts/build.sh            # release build, optimized with wasm-opt -Oz
#   bash scripts/build.sh --dev      # same, but skip wasm-opt (faster while iterating)
#   bash scripts/build.sh --nightly  # fail unless the readers' modules can use the pinned nightly
#   bash scripts/build.sh --stable   # build the readers' modules on stable even with the nightly
#   bash scripts/build.sh --nightly --features panic-trigger --out target/pkg-test
#                                    # the readers' modules with extra cargo features (a comma
#                                    # list, test builds only), through the same steps, into
#                                    # another directory, never pkg/ (see "Test builds" below)
#
# The readers' modules are built on the pinned nightly when it is installed (the full
# scripts/setup.sh installs it), else on stable, bigger: docs/SIZE.md.
#
# Output (what a page loads):
#   pkg/newschart.js             custom-element loader (copied from src/web/newschart.js)
#   pkg/view.js                  what each chart does once near the viewport (src/web/view.js)
#   pkg/newschart_wasm.js        wasm-bindgen JS glue (--target web, an ES module)
#   pkg/newschart_wasm_bg.wasm   the module
#   pkg/newschart_large_bg.wasm  the same with large data (long line charts, setColumns): loaded
#                                only for those charts, through the same glue
#   pkg/download.js              the PNG and CSV downloads, imported on a reader's first download (src/web/download.js)
#   pkg/problems.js              a chart's problems (error box, console, events), imported the first
#                                time a chart has some to show (src/web/problems.js)
#   pkg/embed-resize.js          for sites that embed charts as iframes (src/web/embed-resize.js)
# and the builder's module (www/builder.html; a reader's page loads it only for a broken feed's
# messages, which the readers' module leaves out), also through wasm-opt -Oz:
#   pkg/newschart_builder.js, pkg/newschart_builder_bg.wasm   the same API plus the CSV import
#                                and the problems' messages (cargo feature `builder`)

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Test builds (--features, --out): the readers' two modules (standard and large) with extra cargo
# features, e.g. `panic-trigger` (tests/e2e/panic.test.mjs), through every step their pkg/ copies
# go through (nightly build-std with immediate-abort panics, wasm-bindgen, wasm-opt, the minified
# glue, the bundled element), into --out with the same file names. Their cargo artifacts and
# wasm-opt cache live apart (target/nightly-NAME, NAME the --out folder's name), so a test build
# never makes pkg/'s next build redo anything. The builder's modules are left out.

usage() { sed -n '2,37p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
DEV=0
TOOLCHAIN=auto
FEATURES=""
OUT=""
while (($#)); do
  case "$1" in
    --dev) DEV=1 ;;
    --nightly) TOOLCHAIN=nightly ;;
    --stable) TOOLCHAIN=stable ;;
    --features=*) FEATURES="${1#*=}" ;;
    --features) (($# > 1)) || { usage >&2; exit 2; }; FEATURES="$2"; shift ;;
    --out=*) OUT="${1#*=}" ;;
    --out) (($# > 1)) || { usage >&2; exit 2; }; OUT="$2"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) printf '==> ERROR: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

# Installs what building needs; defines NEWSCHART_REPO and NEWSCHART_NIGHTLY, puts ~/.cargo/bin on PATH.
# shellcheck source=scripts/setup.sh
source "$REPO/scripts/setup.sh" --demo

say() { printf '==> %s\n' "$*"; }
warn() { printf '==> WARNING: %s\n' "$*" >&2; }
die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

cd "$REPO"
CRATE=newschart
PKG="$REPO/pkg"
if [[ -n "$OUT" ]]; then
  [[ "$OUT" == /* ]] || OUT="$REPO/$OUT"
  OUT="${OUT%/}"
  [[ "$(realpath -m "$OUT")" != "$(realpath -m "$PKG")" ]] || die "--out: not pkg/ (what readers get is built without --out)"
  PKG="$OUT"
elif [[ -n "$FEATURES" ]]; then
  die "--features needs --out: extra features never go into pkg/"
fi
[[ "$FEATURES" =~ ^[A-Za-z0-9_,-]*$ ]] || die "--features: a comma list of cargo features, not '$FEATURES'"
TEST_NAME="$(basename "${OUT:-}")" # a test build's name: its cargo target subdir and wasm-opt cache
WASM_OPT="$REPO/node_modules/.bin/wasm-opt"
# wasm-opt: the features rustc enables for wasm32 (else wasm-opt rejects the module), and the
# passes and flags that measured smallest (docs/SIZE.md).
WASM_OPT_FLAGS=(--low-memory-unused --one-caller-inline-max-function-size=20 -Oz -Oz
  --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals
  --enable-call-indirect-overlong
  --strip-debug --strip-producers --strip-target-features)

TARGET_DIR="$(cargo metadata --format-version 1 --no-deps --offline 2>/dev/null |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).target_directory))' ||
  true)"
[[ -n "$TARGET_DIR" ]] || TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"
mkdir -p "$TARGET_DIR"

# Two builds writing pkg/ at once (a demo and a test run) would interleave: take turns.
exec 9>"$TARGET_DIR/.newschart-build.lock"
if ! flock -n 9; then
  say "another build of newschart is running; waiting for it"
  flock 9
fi

SECONDS=0
# The readers' modules (standard and large): on the pinned nightly, std is rebuilt with our
# profile and panics trap at once, without formatting a message; on stable, std's panic code
# stays (docs/SIZE.md). Either way a panic ends in a trap that view.js turns into the error box.
READERS_CARGO=(cargo build)
READERS_ENV=()
READERS_TARGET="$TARGET_DIR"
if [[ "$TOOLCHAIN" != stable ]] && _ns_nightly_ready; then
  READERS_CARGO=(cargo "+$NEWSCHART_NIGHTLY" build -Zbuild-std=std,panic_abort)
  READERS_ENV=(RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none")
  READERS_TARGET="$TARGET_DIR/nightly" # its own artifacts: switching never rebuilds the stable ones
  say "readers' modules: $NEWSCHART_NIGHTLY with -Zbuild-std and immediate-abort panics"
elif [[ "$TOOLCHAIN" == nightly ]]; then
  die "--nightly: $NEWSCHART_NIGHTLY with rust-src is not installed (bash scripts/setup.sh installs it)"
elif [[ "$TOOLCHAIN" == stable ]]; then
  say "readers' modules: stable (--stable), bigger than on $NEWSCHART_NIGHTLY (docs/SIZE.md)"
else
  say "readers' modules: stable, because $NEWSCHART_NIGHTLY is not installed: they work the same but are bigger (docs/SIZE.md; bash scripts/setup.sh installs it)"
fi
# A test build's artifacts live apart, beside pkg/'s (READERS_TARGET before this), and its first
# run starts from a copy of them (std and the dependencies are the same): only the crate itself is
# compiled again, and pkg/'s next build finds its own artifacts as they were.
if [[ -n "$TEST_NAME" ]]; then
  base="$READERS_TARGET"
  READERS_TARGET="$TARGET_DIR/$([[ "$base" == "$TARGET_DIR" ]] && echo stable || basename "$base")-$TEST_NAME"
  if [[ ! -d "$READERS_TARGET" && -d "$base/wasm32-unknown-unknown" ]]; then
    say "${READERS_TARGET#"$REPO"/}: starting from a copy of ${base#"$REPO"/}'s artifacts"
    mkdir -p "$READERS_TARGET"
    # (release/: the build scripts and proc macros, built for the host)
    for d in wasm32-unknown-unknown release; do
      [[ ! -d "$base/$d" ]] || cp -a --reflink=auto "$base/$d" "$READERS_TARGET/"
    done
  fi
fi
# readers_build [FEATURE]: the readers' module, with FEATURE and --features' list.
readers_build() {
  local features="${1:-}${1:+${FEATURES:+,}}$FEATURES"
  local args=(--lib --release --target wasm32-unknown-unknown ${features:+--features "$features"})
  say "${READERS_CARGO[*]} ${args[*]}"
  env "${READERS_ENV[@]}" "${READERS_CARGO[@]}" "${args[@]}" --target-dir "$READERS_TARGET"
}
readers_build
RAW_WASM="$READERS_TARGET/wasm32-unknown-unknown/release/$CRATE.wasm"
[[ -f "$RAW_WASM" ]] || die "cargo did not produce $RAW_WASM (is crate-type cdylib set in Cargo.toml?)"

# wasm-bindgen's options for every module: encodeInto is in every browser that draws charts.
WASM_BINDGEN_FLAGS=(--target web --no-typescript --encode-into always)

mkdir -p "$PKG"
# readers_bindgen DIR: the readers' module last built into DIR/newschart_wasm{.js,_bg.wasm}.
# No default module path in its glue: view.js always passes the module it compiled.
readers_bindgen() {
  say "wasm-bindgen -> ${1#"$REPO"/}/newschart_wasm"
  wasm-bindgen "${WASM_BINDGEN_FLAGS[@]}" --omit-default-module-path --out-dir "$1" --out-name newschart_wasm "$RAW_WASM"
}
readers_bindgen "$PKG"

# optimize NAME [GLUE]: runs pkg/NAME_bg.wasm through wasm-opt -Oz in place (pkg/GLUE.js, by
# default NAME.js, is its glue), or skips it with --dev.
SHOWN="${PKG#"$REPO"/}" # pkg, or --out's folder, as printed
optimize() {
  local name="$1"
  local out="$PKG/${name}_bg.wasm" glue="$PKG/${2:-$name}.js"
  if ((DEV)); then
    say "--dev: skipping wasm-opt for $SHOWN/${name}_bg.wasm"
    return 0
  fi
  [[ -x "$WASM_OPT" ]] || die "$WASM_OPT missing (run bash scripts/setup.sh --demo)"
  # wasm-opt takes ~20 s; cache its result keyed by input, binaryen version and flags, so an
  # unchanged crate rebuilds in a second. One cached module per NAME (and test build): the latest.
  local cache_dir="$TARGET_DIR/newschart-wasm-opt-cache${TEST_NAME:+-$TEST_NAME}" key cached
  key="$( { sha256sum <"$out"; "$WASM_OPT" --version; printf '%s\n' "${WASM_OPT_FLAGS[@]}"; } | sha256sum | cut -c1-32)"
  cached="$cache_dir/$name-$key.wasm"
  if [[ -f "$cached" ]]; then
    say "wasm-opt -Oz $SHOWN/${name}_bg.wasm: input unchanged, reusing the cached optimized module"
    cp "$cached" "$out"
    return 0
  fi
  say "wasm-opt -Oz $SHOWN/${name}_bg.wasm (npm binaryen $("$WASM_OPT" --version | awk '{print $3}'))"
  PRE="$(mktemp "${TMPDIR:-/tmp}/newschart-preopt.XXXXXX.wasm")"
  OPT="$out.opt"
  trap 'rm -f "$PRE" "$OPT"' EXIT
  cp "$out" "$PRE"
  "$WASM_OPT" "${WASM_OPT_FLAGS[@]}" "$PRE" -o "$OPT"
  # The optimized module must still compile with the same imports and exports, and must
  # instantiate through the glue whenever the unoptimized one does (Debian's old binaryen made
  # modules that compiled but failed at instantiation: "WebAssembly.Table.set(): Argument 1 is
  # invalid"). A module whose start code needs a browser cannot be instantiated in node; then
  # only the compile check applies.
  node --input-type=module -e '
    import fs from "node:fs";
    import { pathToFileURL } from "node:url";
    const [glue, pre, post] = process.argv.slice(1);
    const sig = (m) => JSON.stringify({ imports: WebAssembly.Module.imports(m), exports: WebAssembly.Module.exports(m) });
    const fail = (msg) => { console.error("==> ERROR: optimized wasm is unusable: " + msg); process.exit(1); };
    let a, b;
    try { a = await WebAssembly.compile(fs.readFileSync(pre)); b = await WebAssembly.compile(fs.readFileSync(post)); }
    catch (e) { fail(e.message); }
    if (sig(a) !== sig(b)) fail("wasm-opt changed the module interface (imports/exports)");
    const tryInit = async (tag, module) => {
      try {
        const g = await import(pathToFileURL(glue).href + "?" + tag); // separate module instance
        g.initSync({ module });
        return null;
      } catch (e) { return String(e && e.message || e); }
    };
    const errPre = await tryInit("pre", a);
    const errPost = await tryInit("post", b);
    if (errPre === null && errPost !== null) fail("instantiation fails after wasm-opt: " + errPost);
    console.log(errPre === null ? "==> optimized wasm compiles and instantiates (node)"
      : "==> optimized wasm compiles (instantiation needs a browser: " + errPre.split("\n")[0] + ")");
  ' "$glue" "$PRE" "$OPT"
  mv "$OPT" "$out"
  mkdir -p "$cache_dir" && rm -f "$cache_dir/$name"-*.wasm && cp "$out" "$cached"
  rm -f "$PRE"
  trap - EXIT
}

optimize newschart_wasm

# The readers' large-data module (cargo feature `large`): the same exports and imports, so the
# same glue (checked byte for byte) instantiates it; the element loads it only for long line charts
# and setColumns() (src/web/view.js).
readers_build large # the large-data module
LARGE_TMP="$TARGET_DIR/newschart-large-bindgen${TEST_NAME:+-$TEST_NAME}"
rm -rf "$LARGE_TMP" && mkdir -p "$LARGE_TMP"
readers_bindgen "$LARGE_TMP"
cmp -s "$LARGE_TMP/newschart_wasm.js" "$PKG/newschart_wasm.js" ||
  die "the large module's glue differs from the standard module's: their exports must be the same (src/web/mod.rs)"
mv "$LARGE_TMP/newschart_wasm_bg.wasm" "$PKG/newschart_large_bg.wasm"
optimize newschart_large newschart_wasm

if [[ -z "$TEST_NAME" ]]; then # (a test build has the readers' modules only)
  # The builder page's module: the default build plus the CSV import (cargo feature `builder`).
  # Cargo keeps both feature sets' artifacts, so rebuilding either is a no-op when nothing changed.
  # On stable: its panic hook logs a panic's message, which immediate-abort panics would drop.
  say "cargo build --lib --release --target wasm32-unknown-unknown --features builder (the builder page's module)"
  cargo build --lib --release --target wasm32-unknown-unknown --features builder
  RAW_WASM="$TARGET_DIR/wasm32-unknown-unknown/release/$CRATE.wasm"
  wasm-bindgen "${WASM_BINDGEN_FLAGS[@]}" --omit-default-module-path --out-dir "$PKG" --out-name newschart_builder "$RAW_WASM"
  # Readers' pages load it too when a feed is broken (problems.js reads the feed again there for the
  # problems' messages, which the readers' module leaves out): optimized the same way.
  optimize newschart_builder

  # The builder page's reader of .xlsx workbooks: the builder module plus calamine (cargo feature
  # `xlsx`), loaded by www/builder.js for the first workbook a journalist opens. Kept apart so that
  # readers' pages, which borrow newschart_builder for a broken feed's words or a PNG download, never
  # download calamine's zip and XML code.
  say "cargo build --lib --release --target wasm32-unknown-unknown --features xlsx (the builder page's .xlsx reader)"
  cargo build --lib --release --target wasm32-unknown-unknown --features xlsx
  wasm-bindgen "${WASM_BINDGEN_FLAGS[@]}" --out-dir "$PKG" --out-name newschart_xlsx "$RAW_WASM"
  optimize newschart_xlsx
fi

# The element's JavaScript (src/web/: one ES module per concern), bundled and minified by
# scripts/minify.mjs (esbuild, pinned in package.json): each file a page requests is one bundle
# of what it imports, so pkg/ ships the same files as before: the loader pages include
# (newschart.js), the view it imports (view.js, with its stylesheet), and the modules the view
# imports on demand (download.js, problems.js); the wasm-bindgen glue (the builder's too: a broken
# feed loads it) stays a file of its own, minified in place. ES modules in, ES modules out:
# exports keep their names, `import.meta.url` and the lazy `import()`s stay as written.
# scripts/dist.mjs bundles the same sources with hashed names and SRI written in.
[[ -f "$REPO/src/web/newschart.js" ]] || die "src/web/newschart.js (the custom-element loader) is missing"
[[ -x "$REPO/node_modules/.bin/esbuild" ]] || die "esbuild missing from node_modules (run bash scripts/setup.sh --demo)"
say "bundle (esbuild) into $SHOWN/: newschart.js, view.js, download.js, problems.js, problem-words.js; minify newschart_wasm.js$([[ -n "$TEST_NAME" ]] || echo ", newschart_builder.js")"
for js in newschart view download problems problem-words; do
  node "$REPO/scripts/minify.mjs" --bundle "$REPO/src/web/$js.js" "$PKG/$js.js"
done
cp "$REPO/src/web/embed-resize.js" "$PKG/" # a classic script for host pages, shipped as written
GLUES=("$PKG/newschart_wasm.js")
[[ -n "$TEST_NAME" ]] || GLUES+=("$PKG/newschart_builder.js")
node "$REPO/scripts/minify.mjs" "${GLUES[@]}"

say "built $SHOWN/${FEATURES:+ (features: $FEATURES)} in ${SECONDS}s$( ((DEV)) && echo ' (--dev: not optimized)')"
say "size report (what ships; bytes)"
node -e '
  const fs = require("fs"), path = require("path"), zlib = require("zlib");
  const repo = process.argv[1], files = process.argv.slice(2);
  const rows = [], total = { raw: 0, gz: 0, br: 0 };
  for (const f of files) {
    const p = path.resolve(repo, f);
    if (!fs.existsSync(p)) { rows.push([f, "missing", "", ""]); continue; }
    const buf = fs.readFileSync(p);
    const gz = zlib.gzipSync(buf, { level: 9 }).length;
    const br = zlib.brotliCompressSync(buf, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith(".wasm") ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    } }).length;
    total.raw += buf.length; total.gz += gz; total.br += br;
    rows.push([f, buf.length, gz, br]);
  }
  rows.push(["total", total.raw, total.gz, total.br]);
  const fmt = (n) => typeof n === "number" ? n.toLocaleString("en-US") : n;
  const head = ["file", "raw", "gzip -9", "brotli 11"];
  const table = [head, ...rows.map((r) => r.map(fmt))];
  const w = head.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
  for (const r of table) console.log("    " + r.map((c, i) => i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i])).join("  "));
' "$REPO" "$SHOWN/newschart.js" "$SHOWN/view.js" "$SHOWN/newschart_wasm.js" "$SHOWN/newschart_wasm_bg.wasm"
