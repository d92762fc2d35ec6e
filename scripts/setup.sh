#!/usr/bin/env bash
# Install what newschart needs, skipping what is already there. Idempotent: a second run installs
# nothing and takes a second or two.
#
#   bash scripts/setup.sh             # everything the tests need (scripts/test.sh runs this)
#   bash scripts/setup.sh --demo      # only what building and serving the demo need
#   bash scripts/setup.sh --release   # the demo's, and the pinned nightly (scripts/dist.sh)
#   source scripts/setup.sh --demo    # the same from another bash script (scripts/build.sh)
#   source scripts/setup.sh --env     # installs nothing: only PATH and NEWSCHART_NIGHTLY
#
# --demo installs when missing:
#   - rustup target wasm32-unknown-unknown
#   - wasm-bindgen CLI (wasm-bindgen + wasm-bindgen-test-runner) at exactly the version of the
#     `wasm-bindgen` crate in Cargo.lock
#   - node packages from package.json / package-lock.json (binaryen's wasm-opt, esbuild, ...)
# The full setup adds:
#   - Debian packages: chromium, chromium-driver, fonts-noto-cjk (screenshots), and for the other
#     two engines firefox-esr, webkit2gtk-driver (WebKitWebDriver + MiniBrowser), xvfb + xauth
#     (xvfb-run: MiniBrowser has no headless mode)
#   - geckodriver (Firefox's WebDriver) via `cargo install geckodriver --locked` (~150 s once)
#   - the pinned nightly NEWSCHART_NIGHTLY with rust-src: scripts/build.sh builds the readers'
#     modules with it (smaller, docs/SIZE.md), and the bounded fuzz of scripts/test.sh runs on it
#   - cargo-fuzz

set -euo pipefail

_ns_mode=test
case "${1:-}" in
  "") ;;
  --demo) _ns_mode=demo ;;
  --release) _ns_mode=release ;;
  --env) _ns_mode=env ;;
  *) printf '==> ERROR: scripts/setup.sh: unknown argument: %s (--demo, --release or --env)\n' "$1" >&2; exit 2 ;;
esac

# The nightly the readers' modules are built with (scripts/build.sh) and the fuzzer runs on: one
# date, so that builds repeat. fuzz/rust-toolchain.toml names it too (tests/fuzz_regressions.rs).
NEWSCHART_NIGHTLY=nightly-2026-05-20
export NEWSCHART_NIGHTLY

NEWSCHART_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NEWSCHART_REPO
# cargo-installed tools (wasm-bindgen) live here; a fresh login shell may not have it on PATH yet.
case ":$PATH:" in
  *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
  *) export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;;
esac

_ns_say() { printf '==> %s\n' "$*"; }
_ns_warn() { printf '==> WARNING: %s\n' "$*" >&2; }
_ns_die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

_ns_need_cmd() {
  command -v "$1" >/dev/null 2>&1 || _ns_die "'$1' is required but not on PATH. $2"
}

# --- Rust target --------------------------------------------------------------------------
_ns_setup_rust_target() {
  _ns_need_cmd rustup "Install Rust with rustup (https://rustup.rs)."
  _ns_need_cmd cargo "Install Rust with rustup (https://rustup.rs)."
  local installed
  installed="$(rustup target list --installed)" # (no pipe into grep -q: SIGPIPE + pipefail)
  if grep -qx 'wasm32-unknown-unknown' <<<"$installed"; then
    _ns_say "rust target wasm32-unknown-unknown: already installed"
  else
    _ns_say "rust target wasm32-unknown-unknown: installing"
    rustup target add wasm32-unknown-unknown
  fi
}

# --- wasm-bindgen CLI ---------------------------------------------------------------------
# Prints the version of the `wasm-bindgen` package recorded in Cargo.lock.
_ns_lock_wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { in_wb = 0 }
    /^name = "wasm-bindgen"$/ { in_wb = 1; next }
    in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$NEWSCHART_REPO/Cargo.lock"
}

# Prints the version of the wasm-bindgen on PATH, or nothing.
_ns_installed_wasm_bindgen_version() {
  if command -v wasm-bindgen >/dev/null 2>&1; then
    wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true
  fi
}

_ns_setup_wasm_bindgen() {
  if [[ ! -f "$NEWSCHART_REPO/Cargo.lock" ]]; then
    _ns_say "Cargo.lock missing: running cargo generate-lockfile"
    (cd "$NEWSCHART_REPO" && cargo generate-lockfile)
  fi
  local want have
  want="$(_ns_lock_wasm_bindgen_version)"
  [[ -n "$want" ]] || _ns_die "no 'wasm-bindgen' package in Cargo.lock (is wasm-bindgen a dependency in Cargo.toml?)"
  have="$(_ns_installed_wasm_bindgen_version)"

  # Another process may be installing the CLI right now: wait for it instead of racing it
  # (two concurrent `cargo install`s of the same crate fight over ~/.cargo/bin and the 2 cores).
  if [[ "$have" != "$want" ]] && pgrep -f "cargo install wasm-bindgen-cli" >/dev/null 2>&1; then
    _ns_say "wasm-bindgen-cli: another 'cargo install wasm-bindgen-cli' is running; waiting for it to finish"
    local waited=0
    while pgrep -f "cargo install wasm-bindgen-cli" >/dev/null 2>&1; do
      sleep 5
      waited=$((waited + 5))
      if (( waited % 60 == 0 )); then _ns_say "  ... still waiting (${waited}s)"; fi
    done
    hash -r
    have="$(_ns_installed_wasm_bindgen_version)"
  fi

  if [[ "$have" == "$want" ]] && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    _ns_say "wasm-bindgen-cli $want: already installed"
    return 0
  fi

  local force=()
  if [[ -n "$have" ]]; then
    _ns_say "wasm-bindgen-cli: found $have but Cargo.lock needs $want; reinstalling"
    force=(--force)
  else
    _ns_say "wasm-bindgen-cli $want: installing (cargo install, takes ~4 min on 2 cores)"
  fi
  # No --locked: the CLI's own Cargo.lock pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$want" "${force[@]}"
  hash -r
  have="$(_ns_installed_wasm_bindgen_version)"
  [[ "$have" == "$want" ]] || _ns_die "wasm-bindgen on PATH is '${have:-none}' after install, expected $want (is ${CARGO_HOME:-$HOME/.cargo}/bin early enough in PATH? $(command -v wasm-bindgen || true))"
}

# --- node packages ------------------------------------------------------------------------
# True when package-lock.json records exactly the dependency specs of package.json
# (otherwise `npm ci` refuses to run: someone added or changed a dependency).
_ns_lock_matches_package_json() {
  (cd "$NEWSCHART_REPO" && node -e '
    const fs = require("fs");
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    const root = (lock.packages && lock.packages[""]) || {};
    const same = (a = {}, b = {}) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
    const ok = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]
      .every((k) => same(pkg[k], root[k]));
    process.exit(ok ? 0 : 1);
  ')
}

_ns_setup_node() {
  _ns_need_cmd node "Install Node.js 20 or newer."
  _ns_need_cmd npm "Install npm (comes with Node.js)."
  local repo="$NEWSCHART_REPO"
  [[ -f "$repo/package.json" ]] || _ns_die "package.json is missing from $repo"
  local stamp="$repo/node_modules/.package-lock.json" # rewritten by npm on every install
  local npm_flags=(--no-audit --no-fund --loglevel=error)
  if [[ ! -f "$repo/package-lock.json" ]]; then
    _ns_say "node packages: no package-lock.json; running npm install (creates it)"
    (cd "$repo" && npm install "${npm_flags[@]}")
  elif ! _ns_lock_matches_package_json; then
    # package.json was edited (a dependency added) and the lock no longer matches it.
    _ns_say "node packages: package.json changed since package-lock.json; running npm install"
    (cd "$repo" && npm install "${npm_flags[@]}")
  elif [[ ! -d "$repo/node_modules" || ! -f "$stamp" || "$repo/package-lock.json" -nt "$stamp" ]]; then
    _ns_say "node packages: node_modules missing or older than package-lock.json; running npm ci"
    (cd "$repo" && npm ci "${npm_flags[@]}")
  else
    _ns_say "node packages: up to date"
  fi
  [[ -x "$repo/node_modules/.bin/wasm-opt" ]] || _ns_die "node_modules/.bin/wasm-opt missing after npm install (binaryen in package.json?)"
  [[ -x "$repo/node_modules/.bin/esbuild" ]] || _ns_die "node_modules/.bin/esbuild missing after npm install (esbuild in package.json?)"
  # npm ci/install rewrites the stamp; make sure it ends up newer than the lock so the next run skips.
  [[ -f "$stamp" ]] && touch "$stamp"
  # Safety: the `playwright` package would download its own browser; we use the system chromium.
  if [[ -d "$repo/node_modules/playwright" ]]; then
    _ns_warn "node_modules/playwright is installed; use playwright-core with /usr/bin/chromium instead"
  fi
}

# --- Debian packages ----------------------------------------------------------------------
_ns_apt_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

_ns_setup_apt() {
  # postgresql: the feed service's tests start a temporary server of their own (tests/serve/postgres.rs);
  # openssl makes the test CA of tests/serve/upstream_safety.rs; curl is used by examples/nine-counties
  local wanted=(chromium chromium-driver fonts-noto-cjk firefox-esr webkit2gtk-driver xvfb xauth postgresql openssl curl)
  local missing=() p
  for p in "${wanted[@]}"; do
    _ns_apt_installed "$p" || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    _ns_say "apt packages (${wanted[*]}): already installed"
    return 0
  fi
  _ns_need_cmd apt-get "This needs a Debian/Ubuntu machine to install: ${missing[*]}."
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || _ns_die "not root and no sudo: install as root: apt-get install -y ${missing[*]}"
    sudo=(sudo)
  fi
  # Wait for a dpkg/apt lock held by someone else instead of failing.
  local apt_opts=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
  _ns_say "apt packages: installing ${missing[*]} (apt-get update first)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -q "${missing[@]}"
  for p in "${missing[@]}"; do
    _ns_apt_installed "$p" || _ns_die "apt package $p still not installed"
  done
}

# --- geckodriver (Firefox's WebDriver) ----------------------------------------------------
# Not packaged by Debian and GitHub release binaries do not download here: build it from
# crates.io once (~150 s on 2 cores). --locked works for geckodriver (unlike wasm-bindgen-cli).
_ns_setup_geckodriver() {
  if geckodriver --version >/dev/null 2>&1; then
    _ns_say "geckodriver $(geckodriver --version 2>/dev/null | awk 'NR==1{print $2}'): already installed"
    return 0
  fi
  # Another process may be building it right now: wait instead of racing it for ~/.cargo/bin.
  if pgrep -f "cargo install geckodriver" >/dev/null 2>&1; then
    _ns_say "geckodriver: another 'cargo install geckodriver' is running; waiting for it to finish"
    local waited=0
    while pgrep -f "cargo install geckodriver" >/dev/null 2>&1; do
      sleep 5
      waited=$((waited + 5))
      if (( waited % 60 == 0 )); then _ns_say "  ... still waiting (${waited}s)"; fi
    done
    hash -r
    if geckodriver --version >/dev/null 2>&1; then
      _ns_say "geckodriver: installed by the other process"
      return 0
    fi
  fi
  _ns_say "geckodriver: installing (cargo install geckodriver --locked, ~150 s on 2 cores)"
  cargo install geckodriver --locked
  hash -r
  geckodriver --version >/dev/null 2>&1 || _ns_die "geckodriver does not run after install ($(command -v geckodriver || echo 'not on PATH'))"
}

# --- the pinned nightly ---------------------------------------------------------------------
# rust-src lets cargo rebuild std for the readers' modules (-Zbuild-std); no wasm32 rust-std needed.
# RUSTUP_AUTO_INSTALL=0: asking must not install it (the demo's setup never does).
_ns_nightly_ready() {
  local sysroot
  sysroot="$(RUSTUP_AUTO_INSTALL=0 rustc "+$NEWSCHART_NIGHTLY" --print sysroot 2>/dev/null)" || return 1
  [[ -d "$sysroot/lib/rustlib/src/rust/library/std" ]]
}

_ns_setup_nightly() {
  if _ns_nightly_ready; then
    _ns_say "rust $NEWSCHART_NIGHTLY with rust-src: already installed"
    return 0
  fi
  _ns_say "rust $NEWSCHART_NIGHTLY with rust-src: installing (minimal profile)"
  rustup toolchain install "$NEWSCHART_NIGHTLY" --profile minimal --component rust-src
  _ns_nightly_ready || _ns_die "$NEWSCHART_NIGHTLY or its rust-src is missing after install"
}

# --- cargo-fuzz (the bounded fuzz stage of scripts/test.sh, on the pinned nightly) ----------
_ns_setup_cargo_fuzz() {
  if cargo fuzz --version >/dev/null 2>&1; then
    _ns_say "cargo-fuzz: already installed"
  else
    _ns_say "cargo-fuzz: installing (cargo install cargo-fuzz --locked, ~1 min on 2 cores)"
    cargo install cargo-fuzz --locked
    hash -r
    cargo fuzz --version >/dev/null 2>&1 || _ns_die "cargo fuzz does not run after install"
  fi
}

# --- summary ------------------------------------------------------------------------------
_ns_summary() {
  local rustc_v wb_v opt_v node_v nightly
  rustc_v="$(rustc --version 2>/dev/null | awk '{print $2}')"
  wb_v="$(_ns_installed_wasm_bindgen_version)"
  opt_v="$("$NEWSCHART_REPO/node_modules/.bin/wasm-opt" --version 2>/dev/null | awk '{print $3}')"
  node_v="$(node --version 2>/dev/null)"
  nightly="$(_ns_nightly_ready && echo "$NEWSCHART_NIGHTLY" || echo "none (readers' modules on stable)")"
  if [[ "$_ns_mode" != test ]]; then
    _ns_say "setup ($_ns_mode) OK: rustc ${rustc_v:-?}, nightly $nightly, wasm-bindgen ${wb_v:-?}, wasm-opt ${opt_v:-?} (npm binaryen), node ${node_v:-?}"
    return 0
  fi
  local chromium_v driver_v firefox_v gecko_v webkit_v
  chromium_v="$(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}' || true)"
  driver_v="$(/usr/bin/chromedriver --version 2>/dev/null | awk '{print $2}' || true)"
  firefox_v="$(/usr/bin/firefox-esr --version 2>/dev/null | awk '{print $NF}' || true)"
  gecko_v="$(geckodriver --version 2>/dev/null | awk 'NR==1{print $2}' || true)"
  webkit_v="$(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null | cut -d- -f1 || true)"
  _ns_say "setup OK: rustc ${rustc_v:-?}, nightly $nightly, wasm-bindgen ${wb_v:-?}, wasm-opt ${opt_v:-?} (npm binaryen), node ${node_v:-?}, npm $(npm --version 2>/dev/null || echo '?'), chromium ${chromium_v:-?}, chromedriver ${driver_v:-?}, firefox-esr ${firefox_v:-?}, geckodriver ${gecko_v:-?}, WebKitGTK ${webkit_v:-?}"
}

newschart_setup() {
  _ns_setup_rust_target
  _ns_setup_node
  _ns_setup_wasm_bindgen
  if [[ "$_ns_mode" == test ]]; then
    _ns_setup_apt
    _ns_setup_geckodriver
  fi
  # what readers get (scripts/dist.sh) and what the test command checks: the pinned nightly's build
  [[ "$_ns_mode" == demo ]] || _ns_setup_nightly
  [[ "$_ns_mode" != test ]] || _ns_setup_cargo_fuzz
  _ns_summary
}

if [[ "$_ns_mode" != env ]]; then
  newschart_setup
fi
