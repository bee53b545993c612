#!/usr/bin/env bash
# Whole-process time, throughput and peak memory of `factlint extract` and `factlint check`
# on synthetic corpora of growing size (bench/gen_corpus.py), so growth with size shows.
#
#   bench/corpus-bench.sh [SIZE_MB ...]      default: 10 100 1000
#
# Corpora are generated once into ${FACTLINT_BENCH_DIR:-/tmp/factlint-bench}. Prints a
# Markdown table; the README's performance table is its output.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
dir=${FACTLINT_BENCH_DIR:-/tmp/factlint-bench}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 100 1000)
mkdir -p "$dir"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/factlint"

# Runs a command under /usr/bin/time -v: prints "seconds peak_MB".
measure() {
    local log
    log=$(mktemp)
    /usr/bin/time -v "$@" > /dev/null 2> "$log" || true
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
        /Maximum resident set size/ { kb = $2 }
        END { printf "%.2f %.0f\n", s, kb / 1024 }' "$log"
    rm -f "$log"
}

echo "| corpus | command | time (s) | MB/s | peak memory (MB) |"
echo "| --- | --- | ---: | ---: | ---: |"
for mb in "${sizes[@]}"; do
    corpus="$dir/corpus-$mb.jsonl"
    [ -s "$corpus" ] || python3 "$here/gen_corpus.py" --mb "$mb" --out "$corpus" > /dev/null
    size=$(stat -c %s "$corpus")
    for cmd in extract check; do
        if [ "$cmd" = extract ]; then
            read -r secs peak < <(measure "$bin" extract "$corpus" -f jsonl)
        else
            read -r secs peak < <(measure "$bin" check "$corpus" -f json --fail-on never --no-cache)
        fi
        rate=$(awk -v b="$size" -v s="$secs" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }')
        echo "| ${mb} MB | $cmd | $secs | $rate | $peak |"
    done
done
