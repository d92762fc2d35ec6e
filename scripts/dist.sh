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
#   dist/static/NAME.HASH.WIDTH.svg     each demo feed's static first paint (newschart render
#   dist/static/NAME.html               --static) at the demo article's widths, and its <picture>

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
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

# Each demo feed's static first paint, as the demo article shows it (www/index.html: the chart's
# height there; the article's column is 328 px on a 360 px phone and 720 px on a desktop). The
# file names carry the feed's fingerprint: a changed feed gets new names, so they cache forever.
printf '==> dist/static/: the static first paint of each demo feed (newschart render --static)\n'
mkdir -p "$REPO/dist/static"
for feed in "$REPO"/www/feeds/*.json; do
  name="$(basename "$feed" .json)"
  h="$(grep -o "<news-chart src=\"feeds/$name.json\" height=\"[0-9]*\"" "$REPO/www/index.html" | grep -o '[0-9]*"$' | tr -d '"' || true)"
  if [[ -z "$h" ]]; then printf '==> ERROR: www/index.html has no chart of feeds/%s.json with a height\n' "$name" >&2; exit 1; fi
  cargo run --quiet --manifest-path "$REPO/Cargo.toml" -- render "$feed" --static "$REPO/dist/static" --href static/ \
    --widths 328,720 --page-margin 32 --chart-height "$h" > "$REPO/dist/static/$name.html"
done
printf '/static/*.svg\n  Cache-Control: public, max-age=31536000, immutable\n' >> "$REPO/dist/_headers"
ls -l "$REPO/dist/static" | sed 1d | awk '{printf "    %-40s %8s\n", $9, $5}'
