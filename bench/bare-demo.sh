#!/usr/bin/env bash
# Times the README's demo command as a new user on a bare machine of this kind would meet it:
# a fresh clone, a fresh CARGO_HOME (no wasm-bindgen CLI, no crate cache), a RUSTUP_HOME with
# only the stable toolchain (no wasm32 target, no nightly) and an empty npm cache. apt packages
# cannot be taken away here, but the demo needs none beyond python3 and node.
#
#   bash bench/bare-demo.sh            # prints the seconds until the demo printed its URL
#
# Uses /tmp/newschart-bare (removed first) and port 8093; copies ~/.rustup's stable toolchain.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
B=/tmp/newschart-bare
RUSTUP_SRC="${RUSTUP_HOME:-$HOME/.rustup}"
CARGO_SRC="${CARGO_HOME:-$HOME/.cargo}"
STABLE=stable-x86_64-unknown-linux-gnu
rm -rf "$B" && mkdir -p "$B/cargo/bin" "$B/rustup/toolchains" "$B/home" "$B/npm-cache"

# rustup and its proxies only: no cargo-installed tools
cp "$RUSTUP_SRC/settings.toml" "$B/rustup/"
cp -a "$RUSTUP_SRC/toolchains/$STABLE" "$B/rustup/toolchains/"
for b in cargo rustc rustdoc rustup; do cp -a "$CARGO_SRC/bin/$b" "$B/cargo/bin/"; done
# the stable toolchain without its wasm32 target, as rustup installs it by default
lib="$B/rustup/toolchains/$STABLE/lib/rustlib"
rm -rf "$lib/wasm32-unknown-unknown" "$lib/manifest-rust-std-wasm32-unknown-unknown"
sed -i '/wasm32/d' "$lib/components"
python3 - "$lib/multirust-config.toml" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
s = s.replace('[[components]]\npkg = "rust-std"\ntarget = "wasm32-unknown-unknown"\nis_extension = false\n\n', '')
open(p, 'w').write(s)
PY

git clone -q "$REPO" "$B/newschart"
cd "$B/newschart"
start=$(date +%s)
env -i HOME="$B/home" CARGO_HOME="$B/cargo" RUSTUP_HOME="$B/rustup" npm_config_cache="$B/npm-cache" \
  PATH="$B/cargo/bin:/usr/local/bin:/usr/bin:/bin" PORT=8093 setsid bash scripts/demo.sh >"$B/demo.log" 2>&1 &
pid=$!
trap 'kill -- -$pid 2>/dev/null || true' EXIT
until grep -q "http://127.0.0.1:8093/" "$B/demo.log"; do
  kill -0 "$pid" 2>/dev/null || { cat "$B/demo.log"; echo "==> the demo command stopped before printing its URL" >&2; exit 1; }
  sleep 2
done
echo "==> the demo command printed its URL after $(($(date +%s) - start)) s (log: $B/demo.log)"
curl -s -o /dev/null -w "==> GET / -> %{http_code}\n" http://127.0.0.1:8093/
node scripts/size.mjs | sed -n '1,8p' || true
