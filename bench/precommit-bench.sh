#!/usr/bin/env bash
# The pre-commit case: one changed file checked with `--corpus-root` against a large
# corpus (bench/gen_corpus.py), cold (empty cache), warm (cache and corpus snapshot from
# the run before) and without the cache. Prints a Markdown table of whole-process times.
#
#   bench/precommit-bench.sh [SIZE_MB]      default: 115 (about 100,000 documents)
#
# The corpus is generated once into ${FACTLINT_BENCH_DIR:-/tmp/factlint-bench}.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
dir=${FACTLINT_BENCH_DIR:-/tmp/factlint-bench}
mb=${1:-115}
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/factlint"
work="$dir/precommit-$mb"
mkdir -p "$work/corpus"
[ -s "$work/corpus/data.jsonl" ] || python3 "$here/gen_corpus.py" --mb "$mb" --out "$work/corpus/data.jsonl" > /dev/null
# The corpus was committed long ago; the staged file is new.
touch -d '1 hour ago' "$work/corpus/data.jsonl"
# The staged file reprints the corpus's first report with one figure changed: it joins a
# story and a cluster of copies, as a real edit would.
python3 - "$work/corpus/data.jsonl" "$work/corpus/staged.md" <<'PY'
import json, re, sys
with open(sys.argv[1], encoding="utf-8") as f:
    first = json.loads(f.readline())
text = re.sub(r"\d{4,}", lambda m: str(int(m.group()) + 1), first["text"], count=1)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(f"---\ntitle: reprint\ndate: {first['date']}\n---\n\n{text}\n")
PY
cd "$work"
documents=$(wc -l < corpus/data.jsonl)
seconds() {
    local start end
    start=$(date +%s.%N)
    "$bin" check --corpus-root corpus corpus/staged.md -f json --fail-on never "$@" > /dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}
rm -rf .factlint_cache
cold=$(seconds)
warm=()
for _ in 1 2 3 4 5; do warm+=("$(seconds)"); done
median=$(printf '%s\n' "${warm[@]}" | sort -n | sed -n 3p)
uncached=$(seconds --no-cache)
echo "| corpus | run | time (s) |"
echo "| --- | --- | ---: |"
echo "| $documents documents, $mb MB | cold (empty cache) | $cold |"
echo "| $documents documents, $mb MB | warm (median of 5) | $median |"
echo "| $documents documents, $mb MB | --no-cache | $uncached |"
