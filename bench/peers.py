#!/usr/bin/env python3
"""Times the tools users would otherwise reach for against factlint on the same input.

Extraction: Recognizers-Text (NumberRecognizer, Chinese culture), cn2an (transform,
cn2an mode) and JioNLP (extract_money) over the text fields of a Chinese JSONL sample,
against `factlint extract` on the same records. Near-duplicates: datasketch MinHash-LSH
(128 permutations, 5-character shingles, threshold 0.8) over the documents of a corpus,
against `factlint check --select duplicate-document` on it. Peers run in-process and are
timed on their work alone (imports and model loading excluded); factlint is timed as a
whole process, start-up included, on one thread (`--threads 1`) unless --threads says
otherwise. Prints a Markdown table. Run through bench/peers.sh, which installs the peers
into a throwaway virtualenv.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings


def texts_of(path, limit_bytes):
    out, size = [], 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            text = json.loads(line).get('text', '')
            out.append(text)
            size += len(text.encode('utf-8'))
            if size >= limit_bytes:
                break
    return out, size


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def factlint(binary, threads, *args):
    cmd = [binary, '--threads', str(threads), *args]
    started = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if p.returncode not in (0, 1):
        sys.exit(f'{" ".join(cmd)} failed: {p.stderr[-1000:]}')
    return elapsed, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--factlint', required=True)
    ap.add_argument('--zh', required=True, help='JSONL of Chinese news with a text field')
    ap.add_argument('--extract-mb', type=float, default=3.0)
    ap.add_argument('--dedup', required=True, help='JSONL corpus for the near-duplicate comparison')
    ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    warnings.filterwarnings('ignore')  # cn2an warns on every numeral it cannot convert
    rows = []

    texts, size = texts_of(a.zh, int(a.extract_mb * 1e6))
    mb = size / 1e6
    with tempfile.TemporaryDirectory() as d:
        sample = os.path.join(d, 'sample.jsonl')
        with open(sample, 'w', encoding='utf-8') as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({'id': str(i), 'text': t}, ensure_ascii=False) + '\n')
        ours, out = factlint(a.factlint, a.threads, 'extract', sample, '-f', 'jsonl', '--no-config')
    claims = out.count('\n')
    rows.append(('extract', f'factlint extract ({claims} claims)', mb, ours, None))

    from recognizers_number import Culture, recognize_number
    spent, found = timed(lambda: sum(len(recognize_number(t, Culture.Chinese)) for t in texts))
    rows.append(('extract', f'Recognizers-Text numbers ({found} numbers)', mb, spent, ours))
    import cn2an
    spent, _ = timed(lambda: [cn2an.transform(t, 'cn2an') for t in texts])
    rows.append(('extract', 'cn2an transform', mb, spent, ours))
    import jionlp
    spent, found = timed(lambda: sum(len(jionlp.ner.extract_money(t)) for t in texts))
    rows.append(('extract', f'JioNLP extract_money ({found} amounts)', mb, spent, ours))

    docs, size = texts_of(a.dedup, float('inf'))
    mb = size / 1e6
    ours, out = factlint(a.factlint, a.threads, 'check', a.dedup, '--select', 'duplicate-document', '-f', 'json',
                         '--fail-on', 'never', '--no-cache', '--no-config')
    clusters = len(json.loads(out)['findings'])
    rows.append(('near-duplicates', f'factlint duplicate-document ({clusters} clusters)', mb, ours, None))

    from datasketch import MinHash, MinHashLSH

    def lsh_pairs():
        lsh = MinHashLSH(threshold=0.8, num_perm=128)
        hashes = []
        for i, t in enumerate(docs):
            m = MinHash(num_perm=128)
            m.update_batch([t[j:j + 5].encode('utf-8') for j in range(max(1, len(t) - 4))])
            lsh.insert(str(i), m)
            hashes.append(m)
        return sum(len(lsh.query(m)) - 1 for m in hashes) // 2

    spent, pairs = timed(lsh_pairs)
    rows.append(('near-duplicates', f'datasketch MinHash-LSH ({pairs} unverified candidate pairs)', mb, spent, ours))

    print('| task | tool | input (MB) | time (s) | MB/s | factlint is faster by |')
    print('| --- | --- | ---: | ---: | ---: | ---: |')
    for task, tool, size_mb, secs, baseline in rows:
        ratio = f'{secs / baseline:.0f}×' if baseline else '—'
        print(f'| {task} | {tool} | {size_mb:.1f} | {secs:.2f} | {size_mb / secs:.2f} | {ratio} |')


if __name__ == '__main__':
    main()
