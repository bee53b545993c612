#!/usr/bin/env python3
"""Growth of `factlint check` on pathological inputs: each input at two sizes ten times
apart, whole-process time of each, and their ratio. Linear work gives a ratio near 10
(less for small inputs, where start-up dominates); quadratic work gives 100. Exits 1
when a ratio reaches MAX_RATIO.

    bench/hostile-growth.py [--bin target/release/factlint] [--small-kb 100]

Inputs: runs of one numeral character (两, fullwidth １), a run of digits, "$1 " and
"one hundred thousand" repeated, English with no sentence punctuation, two
near-identical documents (one character apart), one line holding a finding every few
bytes (rendered as human, concise and SARIF output), and, at twenty times the size (their
quadratic costs hide behind start-up at small sizes), one document of many distinct
paragraphs and a chain of records each sharing two figures with the next.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

MAX_RATIO = 40

SYLLABLES = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里'
WORDS = ['the', 'city', 'said', 'more', 'than', 'people', 'and', 'hospitals', 'were', 'built', 'in', 'years']


def repeat(unit, size):
    return unit * max(1, size // len(unit.encode()))


def english(size, rng):
    out, n = [], 0
    while n < size:
        w = rng.choice(WORDS) if rng.random() > 0.1 else str(rng.randint(2, 9999))
        out.append(w)
        n += len(w) + 1
    return ' '.join(out)


def chinese(size, rng):
    out, n = [], 0
    while n < size:
        s = ''.join(rng.choice(SYLLABLES) for _ in range(40)) + f'{rng.randint(10, 9999)}家。'
        if rng.random() < 0.2:
            s += '\n\n'
        out.append(s)
        n += len(s.encode())
    return ''.join(out)


def chain(size):
    """Records each sharing two distinctive figures with the next, all dated alike: every
    link is real, but the first and the last have nothing in common."""
    lines = []
    for i in range(max(2, size // 120)):
        a, b, c, d = 10001 + i * 7, 10008 + i * 7, 500003 + i * 13, 500016 + i * 13
        text = f'本市今年新建学校{a}所，新增学位{b}个。投入资金{c}万元，下一年计划{d}万元。'
        lines.append(json.dumps({'id': str(i), 'text': text, 'date': '2022-05-24'}, ensure_ascii=False))
    return '\n'.join(lines) + '\n'


def inputs(size):
    rng = random.Random(size)
    near = chinese(size // 2, rng)
    middle = len(near) // 2
    return {
        'run of 两': {'a.txt': repeat('两', size)},
        'run of １': {'a.txt': repeat('１', size)},
        'run of digits': {'a.txt': repeat('7', size)},
        '"$1 " repeated': {'a.txt': repeat('$1 ', size)},
        '"one hundred thousand"': {'a.txt': repeat('one hundred thousand ', size)},
        'English, no full stop': {'a.txt': english(size, rng)},
        'two near-identical documents': {'a.txt': near, 'b.txt': near[:middle] + '改' + near[middle + 1:]},
        # One line holding a finding every few bytes, rendered in each format.
        'findings on one line, -f human': {'a.txt': repeat('甲，，', size), 'format': 'human'},
        'findings on one line, -f concise': {'a.txt': repeat('甲，，', size), 'format': 'concise'},
        'findings on one line, -f sarif': {'a.txt': repeat('甲，，', size), 'format': 'sarif'},
        'one document of many paragraphs (20x)': {'a.txt': chinese(size * 20, rng)},
        'chained records (20x)': {'a.jsonl': chain(size * 20)},
    }


def timed(binary, folder, format):
    start = time.perf_counter()
    subprocess.run([binary, 'check', folder, '--no-config', '--no-cache', '-f', format, '--fail-on', 'never'],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=1800)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default='target/release/factlint')
    ap.add_argument('--small-kb', type=int, default=100)
    a = ap.parse_args()
    small = a.small_kb * 1000
    print('| input | small (s) | 10x (s) | ratio |')
    print('| --- | ---: | ---: | ---: |')
    worst = 0.0
    cases = {size: inputs(size) for size in (small, small * 10)}
    for name in cases[small]:
        times = []
        for size in (small, small * 10):
            with tempfile.TemporaryDirectory() as d:
                case = dict(cases[size][name])
                format = case.pop('format', 'json')
                for file, text in case.items():
                    with open(os.path.join(d, file), 'w', encoding='utf-8') as f:
                        f.write(text)
                times.append(timed(a.bin, d, format))
        ratio = times[1] / max(times[0], 0.01)
        worst = max(worst, ratio)
        print(f'| {name} | {times[0]:.2f} | {times[1]:.2f} | {ratio:.1f} |')
    if worst >= MAX_RATIO:
        print(f'a ratio of {worst:.0f} reaches {MAX_RATIO}: some work grows faster than the input', file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
