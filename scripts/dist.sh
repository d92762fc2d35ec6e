#!/usr/bin/env bash
# Build dist/: the widget for any static host or CDN, with content-hashed file names (safe to
# cache forever) and the embed snippets with Subresource Integrity hashes.
#
#   bash scripts/dist.sh                       # snippets point at /newschart/ on the article's site
#   bash scripts/dist.sh --base https://static.example.com/newschart/
#   bash scripts/dist.sh --no-build            # use pkg/ as it is (scripts/build.sh made it)
#
# Output (dist/ is recreated each time; the same pkg/ always gives the same names):
#   dist/newschart.<hash>.js            the loader: the one file a page's <script> names
#   dist/view.<hash>.js                 what each chart does near the viewport
#   dist/newschart_wasm.<hash>.js       wasm-bindgen glue
#   dist/newschart_wasm_bg.<hash>.wasm  the module
#   dist/embed-resize.<hash>.js         the iframe resizer a site adds once to its template
#   dist/embed.html                     the iframe page (unhashed: its address is in every iframe
#                                       snippet; it names the hashed files, so give it a short cache)
#   dist/embed.<hash>.js, dist/embed.<hash>.css
#   dist/snippets.html, snippets.json   the three embed forms, ready to copy, with SRI (sha384)
#   dist/_headers                       cache and CORS headers for hosts that read this file
#                                       (Netlify, Cloudflare Pages); docs/EMBED.md has nginx's

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
BASE="/newschart/"
BUILD=1
while (($#)); do
  case "$1" in
    --base) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; BASE="$2"; shift ;;
    --base=*) BASE="${1#--base=}" ;;
    --no-build) BUILD=0 ;;
    -h | --help) usage; exit 0 ;;
    *) printf '==> ERROR: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

if ((BUILD)); then
  # what readers get: the readers' modules on the pinned nightly (smaller; docs/SIZE.md)
  bash "$REPO/scripts/setup.sh" --release
  bash "$REPO/scripts/build.sh" --nightly
fi
printf '==> dist/ from pkg/ (snippets for %s)\n' "$BASE"
node "$REPO/scripts/dist.mjs" --base "$BASE" --pkg "$REPO/pkg" --www "$REPO/www" --out "$REPO/dist"
