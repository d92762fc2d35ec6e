#!/usr/bin/env bash
# Fuzz the whole pipeline (fuzz/fuzz_targets/pipeline.rs) with cargo-fuzz on the pinned nightly
# (fuzz/rust-toolchain.toml, the same date as NEWSCHART_NIGHTLY in scripts/setup.sh).
#
#   bash scripts/fuzz.sh --repeatable       # the test stage: a fixed seed and a fixed number of runs
#   bash scripts/fuzz.sh --seed S --runs N  # the same with another seed or count
#   bash scripts/fuzz.sh [--minutes M]      # a longer search: a random seed (printed), M minutes (10)
#
# A fixed number of runs is repeatable: --repeatable runs seed NEWSCHART_FUZZ_SEED (default 1) for
# NEWSCHART_FUZZ_RUNS runs (default 100000, about 30-60 s on 2 busy cores), and executes the same
# inputs on every run and machine, so one commit passes or fails the same way. For that it turns
# off libFuzzer's compare-guided mutations (-use_cmp=0): they copy the operands of the target's
# comparisons into new inputs, and some are heap addresses, which differ from run to run (with
# ASLR off too: ASan's allocator). The timed search keeps them, and is not repeatable; a crash it
# finds reproduces from its file.
# Every mode starts from the committed corpus fuzz/corpus/pipeline and never writes into it: new
# inputs go to an empty scratch directory named first (libFuzzer writes into its first corpus
# directory only), removed at the end; -reload=0 stops libFuzzer re-reading that directory on a
# timer. A crash is saved in fuzz/artifacts/pipeline/; the script then says whether it is a
# committed corpus input or a new one, and how to keep it as a regression test.

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=scripts/setup.sh
source "$REPO/scripts/setup.sh" --env

seed="" runs="" minutes=10
while (($#)); do
  case "$1" in
    --repeatable) seed="${NEWSCHART_FUZZ_SEED:-1}" runs="${NEWSCHART_FUZZ_RUNS:-100000}" ;;
    --minutes) minutes="${2:?--minutes needs a number}"; shift ;;
    --seed) seed="${2:?--seed needs a number}"; shift ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    *) printf '==> ERROR: scripts/fuzz.sh: unknown argument: %s\n' "$1" >&2; exit 2 ;;
  esac
  shift
done
[[ -n "$seed" ]] || seed=$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483647 + 1 ))
if [[ -n "$runs" ]]; then
  limit=(-runs="$runs" -use_cmp=0)
  what="$runs runs"
else
  limit=(-max_total_time=$((minutes * 60)))
  what="$minutes minutes, not repeatable"
fi

CORPUS=fuzz/corpus/pipeline
ARTIFACTS=fuzz/artifacts/pipeline
# (no -C: cargo-fuzz must run inside fuzz/ for rustup to read its rust-toolchain.toml)
toolchain="$(cd fuzz && unset RUSTUP_TOOLCHAIN && rustc --version)"
printf '==> fuzz: seed %s, %s, corpus %s (%s files, read only), %s\n' \
  "$seed" "$what" "$CORPUS" "$(find "$CORPUS" -type f | wc -l)" "$toolchain"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/newschart-fuzz.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mark="$scratch/.start"
touch "$mark"
mkdir -p "$scratch/new" "$ARTIFACTS"
rc=0
(cd fuzz && unset RUSTUP_TOOLCHAIN && cargo fuzz run pipeline "$scratch/new" corpus/pipeline -- \
  -seed="$seed" "${limit[@]}" -reload=0 -max_len=4096 -dict=json.dict -timeout=20 -rss_limit_mb=2048 \
  -print_final_stats=1) || rc=$?

# what failed, and how to keep it
found=0
while IFS= read -r crash; do
  found=1
  input="a new input, $(wc -c <"$crash") bytes"
  for f in "$CORPUS"/*; do
    if cmp -s "$f" "$crash"; then input="the committed corpus input $f"; fi
  done
  printf '\n==> fuzz FAILED (seed %s, %s) on %s: %s\n' "$seed" "$what" "$crash" "$input"
  cat <<EOF
    reproduce:     (cd fuzz && cargo fuzz run pipeline ${crash#fuzz/})
    shrink it:     (cd fuzz && cargo fuzz tmin pipeline ${crash#fuzz/})   # then use the minimized file
    keep it:       cp $crash tests/fixtures/fuzz/
                   cargo test --test fuzz_regressions   # fails until the bug is fixed; commit both
EOF
done < <(find "$ARTIFACTS" -type f -newer "$mark" \( -name "crash-*" -o -name "leak-*" -o -name "timeout-*" -o -name "oom-*" \) | sort)
if ((rc != 0 && found == 0)); then
  printf '==> fuzz FAILED (exit %d, seed %s, %s) without a crash file: see the log above\n' "$rc" "$seed" "$what" >&2
fi
exit "$rc"
