#!/usr/bin/env bash
# Run every newschart test, in order, stopping at the first failing stage:
#   1 setup            install what is missing (scripts/setup.sh: browsers, drivers, the pinned nightly, cargo-fuzz too)
#   2 native           cargo test
#   2s schema         node --test tests/schema/: the JSON Schema and `newschart validate --json` give every
#                      feed of the site and ~17,000 mutations the same verdict, but for the rules it names;
#                      sweeps of dates, colours and links over every BMP character agree value by value
#   2v service        cargo test --features serve --test serve: the feed service (docs/SERVICE.md), real HTTP,
#                      SQLite and a temporary PostgreSQL (fails without one; NEWSCHART_SKIP_POSTGRES=1 skips, loudly)
#   2c crate          the crate as a Rust user gets it: cargo doc --no-deps with warnings denied (broken
#                      intra-doc links fail), then cargo package --features serve: the files it would ship
#                      (checked against the include list's kinds) built alone (the crates.io index is read;
#                      the build reuses target/). The doctests and examples/render_svg.rs (tests/
#                      example_render_svg.rs) run in native: cargo test runs both
#   2m modgraph       node scripts/modgraph.mjs: prints the module graph, fails on a cycle between modules
#   2a js-unit        node --test tests/web/ (the element's JavaScript modules that run in node: download.js's wrapping)
#   2b fuzz           scripts/fuzz.sh --repeatable: cargo fuzz run pipeline on the pinned nightly, seed 1, 100000 runs
#                      (NEWSCHART_FUZZ_SEED, NEWSCHART_FUZZ_RUNS), over the committed corpus fuzz/corpus/pipeline only
#   3 unit-build       cargo test --target wasm32-unknown-unknown --test web --no-run (builds the test wasm once)
#   4 unit-chromium    the browser unit tests (wasm-bindgen-test, tests/web.rs) in headless Chromium (chromedriver)
#   5 unit-firefox     the same in headless Firefox ESR (geckodriver)
#   6 unit-webkit      the same in WebKitGTK's MiniBrowser (WebKitWebDriver) under xvfb-run -a
#   7 build            scripts/build.sh --nightly (release wasm into pkg/; the readers' modules on the pinned nightly)
#   7n bundlers       scripts/pack.sh (the npm package, target/npm/newschart.tgz) and node --test tests/bundlers/:
#                      apps with pinned Vite, webpack, React 19 and tsc (npm ci per lockfile, cached in
#                      target/bundlers/) install the tarball, build, and draw their charts in Chromium,
#                      also after a trap (with target/pkg-test's modules, built here as the e2e stage does)
#   7a typecheck       scripts/typecheck.sh: tsc --checkJs over src/web/*.js against the wasm API's .d.ts
#                      (wasm-bindgen's, in target/boundary/) and src/web/boundary.js's JSON shapes
#   7b size            node scripts/size.mjs: what an article page loads, raw/gzip/brotli per file, against
#                      the budgets in scripts/size-budget.json (fails when the wasm or the total outgrows them)
#   7c dist            scripts/dist.sh --no-build: dist/ from pkg/ (hashed names, SRI snippets; tested in e2e)
#   8 e2e              node --test tests/e2e/ (Playwright + system Chromium against scripts/serve.py), after
#                      building target/pkg-debug and target/pkg-test (build.sh --features panic-trigger)
#                      (service.test.mjs builds the binary with the feed service itself: its loop in the builder)
#   9 e2e-engines      node --test tests/cross/ (the demo article in Chromium, Firefox and WebKitGTK over
#                      W3C WebDriver; prints the time per engine, and each touch check that the engine's
#                      WebDriver cannot make real touch input for, NOT tested, with the reason)
# Prints one summary line per stage with its time. Exit status is non-zero if any stage fails.
# Screenshots and other artifacts of the end-to-end tests go to target/e2e-artifacts/.

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# PATH and NEWSCHART_NIGHTLY (the pinned nightly), installing nothing: the setup stage does that.
# shellcheck source=scripts/setup.sh
source "$REPO/scripts/setup.sh" --env

say() { printf '==> %s\n' "$*"; }

ARTIFACTS="$REPO/target/e2e-artifacts"
export NEWSCHART_ARTIFACTS="$ARTIFACTS"
# Snapshot tests (insta, in cargo test): a golden that differs fails, and nothing is accepted or
# rewritten, whatever the shell sets (docs/DEVELOPMENT.md#snapshot-tests)
export INSTA_UPDATE=no
unset INSTA_FORCE_PASS
# wasm-bindgen-test-runner drives one browser per run, picked by which driver variable is set
# (it prefers GECKODRIVER, then SAFARIDRIVER, then CHROMEDRIVER): each unit stage sets exactly one.
# Set per stage rather than in .cargo/config.toml [env] so that native cargo builds are unaffected.
# The capabilities file (webdriver.json beside Cargo.toml: Chromium's and Firefox's binary and
# headless flags) is read from the current directory unless this points at it. For WebKit the
# runner 0.2.130 sends empty capabilities, and WebKitWebDriver then starts MiniBrowser
# --automation by itself (it has no headless mode: hence xvfb-run).
CHROMEDRIVER_BIN="${CHROMEDRIVER:-/usr/bin/chromedriver}"
GECKODRIVER_BIN="${GECKODRIVER:-$(command -v geckodriver || echo "${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver")}"
SAFARIDRIVER_BIN="${SAFARIDRIVER:-/usr/bin/WebKitWebDriver}"
unset CHROMEDRIVER GECKODRIVER SAFARIDRIVER
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${WASM_BINDGEN_TEST_WEBDRIVER_JSON:-$REPO/webdriver.json}"
# The runner can take a while to start Chromium on a busy 2-core machine (default timeout 20 s).
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}"

SUMMARY=()
FAILED=""
START=$SECONDS

stage() { # stage NAME COMMAND... ; runs the command, records "PASS/FAIL name time"
  local name="$1"
  shift
  if [[ -n "$FAILED" ]]; then
    SUMMARY+=("$(printf '%-13s %-5s' "$name" "SKIP")")
    return 0
  fi
  printf '\n==> [%s] %s\n' "$name" "$*"
  local t0=$SECONDS rc=0
  "$@" || rc=$?
  local dt=$((SECONDS - t0))
  if ((rc == 0)); then
    SUMMARY+=("$(printf '%-13s %-5s %4ds' "$name" "ok" "$dt")")
  else
    SUMMARY+=("$(printf '%-13s %-5s %4ds   (exit %d)' "$name" "FAIL" "$dt" "$rc")")
    FAILED="$name"
  fi
  return 0
}

e2e() {
  # (runs inside `stage`, where set -e does not apply: check each step)
  rm -rf "$ARTIFACTS" && mkdir -p "$ARTIFACTS" || return 1
  if [[ ! -d tests/e2e ]] || ! compgen -G 'tests/e2e/*.test.mjs' >/dev/null; then
    printf '==> ERROR: no end-to-end tests found (tests/e2e/*.test.mjs)\n' >&2
    return 1
  fi
  # the debug package (target/pkg-debug/): readers.test.mjs's label boxes, and panic.test.mjs's
  # check of the panic hook's message
  bash scripts/build-debug.sh || return 1
  # the readers' modules with the test-only panic trigger and heap counters, through every step of
  # the build stage's pkg/ (target/pkg-test/): panic.test.mjs makes them trap, memory.test.mjs
  # counts their live allocations
  bash scripts/build.sh --nightly --features panic-trigger,heap-stats --out target/pkg-test || return 1
  # a test or file that hangs fails after 10 minutes instead of hanging the run
  # (tests/e2e/helpers.mjs's within() gives a named message sooner)
  node --test --test-concurrency=1 --test-timeout=600000 tests/e2e/
}

# A reproducible fuzz of the whole pipeline (fuzz/fuzz_targets/pipeline.rs): a fixed seed and a
# fixed number of runs over the committed corpus, which it never writes, so one commit runs the
# same inputs on every machine. A crash is saved in fuzz/artifacts/pipeline/, fails the stage, and
# the script prints how to keep it in tests/fixtures/fuzz/. The longer randomized search is
# `bash scripts/fuzz.sh --minutes N`, not part of this command (docs/DEVELOPMENT.md#fuzzing).
fuzz() {
  bash scripts/fuzz.sh --repeatable
}

# The crate as published (issue 18; not published): its API docs build without a warning, and
# `cargo package` ships only the code, the migrations, the demo's feeds, the example and the README,
# and builds from them alone. With `serve`, so that the service's include_str! of the feeds and its
# migrations are built from the package too (the default build reads no file of its own).
crate_package() {
  # (runs inside `stage`: check each step)
  RUSTDOCFLAGS='-D warnings' cargo doc --no-deps || return 1
  local list extra
  list="$(cargo package --list --allow-dirty 2>/dev/null)" || { cargo package --list --allow-dirty; return 1; }
  extra="$(grep -vE '^(src/.+\.rs|migrations/[^/]+\.sql|www/feeds/[^/]+\.json|examples/render_svg\.rs|README\.md|LICENSE|Cargo\.(toml|toml\.orig|lock)|\.cargo_vcs_info\.json)$' <<<"$list" || true)"
  if [[ -n "$extra" ]]; then
    printf '==> ERROR: cargo package would ship files beyond the crate'"'"'s own (Cargo.toml include):\n%s\n' "$extra" >&2
    return 1
  fi
  # its "ignoring test" warnings are expected: tests/ is not shipped
  cargo package --allow-dirty --features serve || return 1
  printf '==> the crate: %s files, %s bytes compressed\n' "$(wc -l <<<"$list")" "$(stat -c %s "$(ls -t target/package/newschart-*.crate | head -1)")"
}

WEB_TEST=(cargo test --target wasm32-unknown-unknown --test web)

unit_engine() { # unit_engine chromium|firefox|webkit: the browser unit tests in one engine
  case "$1" in
    chromium) CHROMEDRIVER="$CHROMEDRIVER_BIN" "${WEB_TEST[@]}" ;;
    firefox) GECKODRIVER="$GECKODRIVER_BIN" "${WEB_TEST[@]}" ;;
    webkit)
      command -v xvfb-run >/dev/null || { printf '==> ERROR: xvfb-run missing (scripts/setup.sh installs xvfb)\n' >&2; return 1; }
      # WebKitGTK 2.50's web process sometimes dies on its first paint here (Skia's SkSL compiler
      # rejects its own built-in code, about 3% of launches): an engine bug, not a test failure.
      # Only that crash, recognised by its log lines, gets one more run; anything else fails.
      local log rc=0
      log="$(mktemp "${TMPDIR:-/tmp}/newschart-unit-webkit.XXXXXX")"
      xvfb-run -a -s "-screen 0 1280x800x24" env SAFARIDRIVER="$SAFARIDRIVER_BIN" "${WEB_TEST[@]}" 2>&1 | tee "$log"
      rc=${PIPESTATUS[0]}
      if ((rc != 0)) && grep -qE 'WebProcess CRASHED|sksl_shared|skia/.*fatal error' "$log"; then
        printf '==> WARNING: WebKitGTK crashed in Skia (%s); running the WebKit unit tests once more\n' \
          "$(grep -m1 -oE 'integer is too large[^"]*|Unable to load module [a-z_]+|WebProcess CRASHED' "$log")" >&2
        rc=0
        xvfb-run -a -s "-screen 0 1280x800x24" env SAFARIDRIVER="$SAFARIDRIVER_BIN" "${WEB_TEST[@]}" || rc=$?
      fi
      rm -f "$log"
      return "$rc" ;;
  esac
}

e2e_engines() {
  # (runs inside `stage`: check each step) Needs pkg/ from the build stage; writes its
  # screenshots (cross-<engine>-*.png) and cross-engines.json beside the Playwright ones.
  mkdir -p "$ARTIFACTS" || return 1
  rm -f "$ARTIFACTS"/cross-* || return 1
  node --test --test-concurrency=1 --test-timeout=600000 tests/cross/ || return 1
}

# Per-engine lines of the e2e-engines stage, from the report its tests write: the time and browser,
# which touch checks ran on real touch input, and, never silently, which were NOT tested and why
# (with the partial checks run instead, which do not count as touch tested).
engine_times() {
  [[ -f "$ARTIFACTS/cross-engines.json" ]] || return 0
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const pad = (s, n) => String(s).padEnd(n);
    for (const [k, v] of Object.entries(r)) {
      const t = v.touch || { tested: [], notTested: [], partial: [] };
      const skipped = (v.skipped || []).length ? ` (${v.skipped.length} skipped, reason in the log)` : "";
      const real = t.tested.length ? `real touch tested: ${t.tested.join(", ")}` : "no real touch";
      console.log(`  ${pad(k, 11)} ${pad("", 5)} ${String(Math.round(v.seconds ?? 0)).padStart(4)}s   ${v.browser || ""}; ${real}${skipped}`);
      for (const n of t.notTested) console.log(`  ${pad(k, 11)} touch NOT tested: ${n.what}: ${n.why}`);
      if (t.notTested.length && t.partial.length) console.log(`  ${pad(k, 11)} partial checks instead (not counted as touch tested): ${t.partial.join("; ")}`);
    }
  ' "$ARTIFACTS/cross-engines.json"
}

stage setup bash scripts/setup.sh
stage native cargo test
stage schema bash -c 'cargo build --bin newschart && node --test tests/schema/' # the CLI: built by native already
stage service cargo test --features serve --test serve
stage crate crate_package # after service: its package build reuses the serve feature's dependencies
stage modgraph node scripts/modgraph.mjs
stage js-unit node --test tests/web/
stage fuzz fuzz
stage unit-build "${WEB_TEST[@]}" --no-run
stage unit-chromium unit_engine chromium
stage unit-firefox unit_engine firefox
stage unit-webkit unit_engine webkit
stage build bash scripts/build.sh --nightly # the size stage checks the nightly build
# (before size, which weighs the tarball; target/pkg-test, the panic-trigger build, is the e2e stage's too)
stage bundlers bash -c 'bash scripts/build.sh --nightly --features panic-trigger,heap-stats --out target/pkg-test && bash scripts/pack.sh && node --test --test-concurrency=1 --test-timeout=600000 tests/bundlers/'
stage typecheck bash scripts/typecheck.sh
stage size node scripts/size.mjs
stage dist bash scripts/dist.sh --no-build
stage e2e e2e
stage e2e-engines e2e_engines
if [[ "${SUMMARY[-1]}" == e2e-engines* && "${SUMMARY[-1]}" != *SKIP* ]]; then
  while IFS= read -r line; do [[ -n "$line" ]] && SUMMARY+=("$line"); done < <(engine_times)
fi

echo
say "summary"
for line in "${SUMMARY[@]}"; do printf '    %s\n' "$line"; done
printf '    %-13s %-5s %4ds\n' "total" "" "$((SECONDS - START))"
echo "Screenshots and test artifacts: $ARTIFACTS"
if [[ -n "$FAILED" ]]; then
  say "FAILED at stage: $FAILED"
  exit 1
fi
say "all tests passed"
