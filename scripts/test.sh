#!/usr/bin/env bash
# Run every newschart test, in order, stopping at the first failing stage:
#   1 setup            install what is missing (scripts/setup.sh)
#   2 native           cargo test
#   2b fuzz           cargo +nightly fuzz run pipeline for 60 s (NEWSCHART_FUZZ_SECONDS), from fuzz/corpus/
#   3 browser-unit     cargo test --target wasm32-unknown-unknown --test web (wasm-bindgen-test in headless Chromium)
#   4 build            scripts/build.sh (release wasm into pkg/)
#   5 e2e              node --test tests/e2e/ (Playwright + system Chromium against scripts/serve.py)
# Prints one summary line per stage with its time. Exit status is non-zero if any stage fails.
# Screenshots and other artifacts of the end-to-end tests go to target/e2e-artifacts/.

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '==> %s\n' "$*"; }

ARTIFACTS="$REPO/target/e2e-artifacts"
export NEWSCHART_ARTIFACTS="$ARTIFACTS"
# wasm-bindgen-test-runner: drive the system Chromium through chromedriver. Set here rather than in
# .cargo/config.toml [env] so that native cargo builds are unaffected. The capabilities file
# (binary path, headless flags) is read from the current directory unless this points at it.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
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
  node --test --test-concurrency=1 tests/e2e/
}

# A bounded fuzz of the whole pipeline (fuzz/fuzz_targets/pipeline.rs), 60 s by default
# (NEWSCHART_FUZZ_SECONDS). New inputs go to a scratch corpus, so the committed one
# (fuzz/corpus/pipeline) stays small; a crash is saved in fuzz/artifacts/pipeline/ and fails the
# stage: copy it into tests/fixtures/fuzz/ to keep it as a regression test.
fuzz() {
  local scratch
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/newschart-fuzz.XXXXXX")" || return 1
  (cd fuzz && cargo +nightly fuzz run pipeline "$scratch" corpus/pipeline -- \
    -max_total_time="${NEWSCHART_FUZZ_SECONDS:-60}" -dict=json.dict -timeout=20 -rss_limit_mb=2048 -print_final_stats=1)
  local rc=$?
  rm -rf "$scratch"
  return $rc
}

stage setup bash scripts/setup.sh
stage native cargo test
stage fuzz fuzz
stage browser-unit cargo test --target wasm32-unknown-unknown --test web
stage build bash scripts/build.sh
stage e2e e2e

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
