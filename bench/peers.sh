#!/usr/bin/env bash
# Side-by-side timings of factlint and the Python tools users would otherwise use
# (bench/peers.py): Recognizers-Text, cn2an and JioNLP for extraction, datasketch
# MinHash-LSH for near-duplicates. The peers are installed from PyPI into a throwaway
# virtualenv (${FACTLINT_PEERS_VENV:-/tmp/factlint-peers-venv}); nothing is installed
# into the system or the repository.
#
#   bench/peers.sh [--extract-mb MB] [--threads N]
#
# Needs ../shared/corpus/cnews/cnews-1000.jsonl beside the repository, and the 10 MB
# synthetic corpus of bench/corpus-bench.sh (generated here when missing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
venv=${FACTLINT_PEERS_VENV:-/tmp/factlint-peers-venv}
dir=${FACTLINT_BENCH_DIR:-/tmp/factlint-bench}
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    # Recognizers-Text still imports UNICODE_EMOJI, which emoji 1.0 removed.
    "$venv/bin/pip" install --quiet recognizers-text-suite cn2an jionlp datasketch "emoji<1"
fi
mkdir -p "$dir"
[ -s "$dir/corpus-10.jsonl" ] || python3 "$here/gen_corpus.py" --mb 10 --out "$dir/corpus-10.jsonl" > /dev/null
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
"$venv/bin/python" "$here/peers.py" --factlint "$root/target/release/factlint" \
    --zh "$root/../shared/corpus/cnews/cnews-1000.jsonl" --dedup "$dir/corpus-10.jsonl" "$@" | grep -v "^# jio"
