#!/usr/bin/env bash
# Refactors that must keep every output byte-identical: runs `extract -f jsonl`,
# `check -f json` and `align -f json` of two factlint binaries over every `../shared/corpus` folder, the seeds,
# the example corpus and a synthetic corpus (bench/gen_corpus.py), and compares them.
#
#   bench/same-output.sh OLD_BINARY [NEW_BINARY] [SYNTHETIC_MB]
#
# NEW_BINARY defaults to target/release/factlint, SYNTHETIC_MB to 100 (0 skips it).
# Exit 0 when every output is identical; otherwise the first differing lines are shown.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
old=$1
new=${2:-$root/target/release/factlint}
mb=${3:-100}
shared="$root/../shared"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=("$root/examples/corpus" "$shared/seeds")
for folder in "$shared"/corpus/*/; do inputs+=("${folder%/}"); done
if [ "$mb" -gt 0 ]; then
    synthetic="${FACTLINT_BENCH_DIR:-/tmp/factlint-bench}/same-output-$mb.jsonl"
    mkdir -p "$(dirname "$synthetic")"
    [ -f "$synthetic" ] || python3 "$root/bench/gen_corpus.py" --mb "$mb" --out "$synthetic"
    inputs+=("$synthetic")
fi
status=0
for input in "${inputs[@]}"; do
    for command in extract check align; do
        extra=(-f json)
        [ "$command" = check ] && extra=(-f json --no-cache --fail-on never)
        [ "$command" = extract ] && extra=(-f jsonl)
        "$old" "$command" --no-config "$input" "${extra[@]}" > "$work/old.json" 2> /dev/null || true
        "$new" "$command" --no-config "$input" "${extra[@]}" > "$work/new.json" 2> /dev/null || true
        if cmp -s "$work/old.json" "$work/new.json"; then
            echo "same      $command $(basename "$input") ($(wc -c < "$work/new.json") bytes)"
        else
            echo "DIFFERENT $command $input"
            diff "$work/old.json" "$work/new.json" | head -20
            status=1
        fi
    done
done
exit $status
