#!/usr/bin/env bash
# The Spark job (factlint.spark) in local[2] against `factlint check` on the same inputs:
# examples/corpus, 100 MB of bench/gen_corpus.py output, and the same records written by
# Spark as a folder of Parquet shards. The findings must be the same, in the same order:
# the job's findings.jsonl against the findings of `-f json`, its findings.sarif against
# `-f sarif`.
#
#   integrations/spark/test.sh            skips (exit 0, with a message) without Java or
#                                         without the virtualenv target/spark-venv
#   integrations/spark/test.sh --install  makes target/spark-venv with pyspark first
#
# The factlint package is installed into the virtualenv from this checkout on every run.
# SPARK_TEST_MB sets the size of the generated corpus (100).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/target/spark-venv"
if ! command -v java > /dev/null; then
    echo "integrations/spark/test.sh: skipped: Java is not installed (Spark needs Java 17 or later)"
    exit 0
fi
if ! "$venv/bin/python" -c 'import pyspark' 2> /dev/null; then
    if [ "${1:-}" != --install ]; then
        echo "integrations/spark/test.sh: skipped: pyspark is not installed in target/spark-venv (run with --install)"
        exit 0
    fi
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'pyspark>=3.5'
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "$root"
(cd "$root" && cargo build --release --quiet)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
same() {
    local name=$1
    shift
    # Both reports of `check` come first, and the job writes beside its input, not into
    # it: a job's output inside an input folder would be read as part of the corpus.
    for format in json sarif; do
        (cd "$root" && target/release/factlint check "$@" -f $format -o "$work/$name-cli.$format" --exit-zero) \
            || { echo "$name: factlint check -f $format failed"; exit 1; }
    done
    local started=$SECONDS
    # Exit 1 means findings, as for `factlint check`.
    (cd "$root" && "$venv/bin/python" -m factlint.spark "$@" --out "$work/$name-job" --master 'local[2]' 2> "$work/$name.log") \
        || [ $? -eq 1 ] || { cat "$work/$name.log"; exit 1; }
    python3 - "$work/$name-cli.json" "$work/$name-job/findings.jsonl" "$name" "$((SECONDS - started))" <<'PY'
import json, sys
cli = json.load(open(sys.argv[1]))["findings"]
job = [json.loads(line) for line in open(sys.argv[2])]
if cli != job:
    for i, (a, b) in enumerate(zip(cli, job)):
        if a != b:
            print(f"first difference at finding {i}:\n  check: {a}\n  spark: {b}")
            break
    print(f"{sys.argv[3]}: factlint check gave {len(cli)} findings, the Spark job {len(job)}")
    sys.exit(1)
rules = sorted({f["rule"] for f in cli})
print(f"{sys.argv[3]}: the same {len(cli)} findings ({', '.join(rules)}), Spark in {sys.argv[4]} s")
PY
    python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' \
        "$work/$name-cli.sarif" "$work/$name-job/findings.sarif" || { echo "$name: the SARIF logs differ"; exit 1; }
}
same examples examples/corpus
python3 "$root/bench/gen_corpus.py" --mb "${SPARK_TEST_MB:-100}" --out "$work/generated.jsonl" > /dev/null
same generated "$work/generated.jsonl"
"$venv/bin/python" - "$work/generated.jsonl" "$work/shards" 2> /dev/null <<'PY'
import sys
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[2]").config("spark.ui.showConsoleProgress", "false").getOrCreate()
spark.read.json(sys.argv[1]).repartition(4).write.parquet(sys.argv[2])
spark.stop()
PY
same shards "$work/shards"
