#!/usr/bin/env bash
# Regenerates the real-data corpus's expected feeds and problems
# (tests/fixtures/real/expected/) and the gallery (www/gallery.html,
# www/gallery/) with the CLI, from tests/fixtures/real/manifest.json.
# Review the diff against the source files by hand before committing it:
# tests/real_corpus.rs checks every number against the sources on its own.

set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
cargo build --quiet --bin newschart
node scripts/corpus.mjs "$REPO/target/debug/newschart"
