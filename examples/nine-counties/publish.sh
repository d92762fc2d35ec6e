#!/usr/bin/env bash
# The same chart for each of Zhuzhou's nine county-level divisions, published from a script with
# one desk-scoped API token (issue 15's "Scripts" example). Each county's spreadsheet (here
# ID.csv, the shape of a county housing office's monthly progress table) becomes a feed with
# `newschart from-csv`, marked illustrative (the figures in this folder are invented), and is
# published to the chart ID, which is created on the first run.
#
#   NEWSCHART_TOKEN=nct_…  (a token with the scope desk:YOUR-DESK, made in the builder)
#   NEWSCHART_SERVER=http://127.0.0.1:8080  (default)
#   NEWSCHART=newschart    (the binary, built with --features serve)
#   NOTE="…"               (the history's note; default: monthly update)
#   bash examples/nine-counties/publish.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
bin="${NEWSCHART:-newschart}"
server="${NEWSCHART_SERVER:-http://127.0.0.1:8080}"
: "${NEWSCHART_TOKEN:?set NEWSCHART_TOKEN to a desk-scoped API token}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

while IFS=, read -r id name; do
  [ "$id" = id ] && continue
  # the chart, once: 201 made now, 409 made before
  code="$(curl -sS -o "$work/answer" -w '%{http_code}' -X POST "$server/api/charts" \
    -H "Authorization: Bearer $NEWSCHART_TOKEN" -H 'Content-Type: application/json' \
    --data "{\"id\":\"$id\",\"title\":\"$name 农村危房改造\"}")"
  case "$code" in
    201 | 409) ;;
    *) echo "$id: cannot create the chart (HTTP $code): $(cat "$work/answer")" >&2; exit 1 ;;
  esac
  "$bin" from-csv "$here/$id.csv" --id "$id" --kind column \
    --title "株洲市${name}：2024年农村危房改造进度" \
    --source "示意数据，非官方统计（illustrative figures, not official statistics）" \
    --illustrative > "$work/$id.json"
  "$bin" publish "$work/$id.json" --chart "$id" --server "$server" --note "${NOTE:-monthly update}"
done < "$here/counties.csv"
