#!/usr/bin/env bash
# Time and memory of the Spark job in local[2] on SIZE MB of bench/gen_corpus.py output
# (default 100), beside `factlint check` on the same file. Memory is sampled every 0.2 s
# over the job's whole process tree (the driver's Python, Spark's JVM, the Python
# workers): the peak of their sum, of the JVM, and of the largest Python worker, which is
# where factlint's map and reduce run. Needs target/spark-venv (integrations/spark/test.sh
# --install makes it).
#
#   integrations/spark/bench.sh [SIZE_MB] [CORPUS_FILE]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/target/spark-venv"
size=${1:-100}
corpus=${2:-/tmp/factlint-bench/corpus-$size.jsonl}
[ -f "$corpus" ] || python3 "$root/bench/gen_corpus.py" --mb "$size" --out "$corpus" > /dev/null
"$venv/bin/pip" install --quiet --disable-pip-version-check "$root"
(cd "$root" && cargo build --release --quiet)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

/usr/bin/time -f "check: %e s, peak %M KB" "$root/target/release/factlint" check "$corpus" -f json -o "$out/cli.json" --exit-zero

"$venv/bin/python" -m factlint.spark "$corpus" --out "$out/job" --master 'local[2]' 2> "$out/job.log" &
job=$!
python3 - "$job" <<'PY' &
import os, sys, time
root = int(sys.argv[1])
def tree(pid):
    kids = [int(k) for t in os.listdir(f"/proc/{pid}/task") for k in open(f"/proc/{pid}/task/{t}/children").read().split()]
    return [pid] + [p for k in kids for p in tree(k)]
def rss(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0
def python_worker(pid):
    return b"pyspark.daemon" in open(f"/proc/{pid}/cmdline", "rb").read()
def jvm(pid):
    return open(f"/proc/{pid}/cmdline", "rb").read().startswith(b"java") or b"/java\0" in open(f"/proc/{pid}/cmdline", "rb").read()
peak_total = peak_worker = peak_jvm = 0
peak_at = 0.0
started = time.monotonic()
while os.path.exists(f"/proc/{root}"):
    try:
        pids = tree(root)
        sizes = {p: rss(p) for p in pids}
    except (FileNotFoundError, ProcessLookupError):
        continue
    peak_total = max(peak_total, sum(sizes.values()))
    peak_jvm = max([peak_jvm] + [s for p, s in sizes.items() if jvm(p)])
    worker_now = max([0] + [s for p, s in sizes.items() if python_worker(p)])
    if worker_now > peak_worker:
        peak_worker, peak_at = worker_now, time.monotonic() - started
    time.sleep(0.2)
print(f"spark job (local[2]): {time.monotonic() - started:.0f} s, peak {peak_total // 1024} MB over its processes, "
      f"Spark's JVM {peak_jvm // 1024} MB, largest Python worker {peak_worker // 1024} MB (at {peak_at:.0f} s)")
PY
sampler=$!
wait "$job" || [ $? -eq 1 ]
wait "$sampler"
grep '^factlint:' "$out/job.log"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["findings"]; b=[json.loads(l) for l in open(sys.argv[2])]; print("same findings:", a == b, len(a))' \
    "$out/cli.json" "$out/job/findings.jsonl"
