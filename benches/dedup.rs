//! Near-duplicate benchmark: 1,000,000 synthetic paragraphs (mixed Chinese and English)
//! with 10% planted near-copies (one figure changed, a character swapped, punctuation
//! changed), run through the MinHash/LSH finder of `duplicate-document` (with the
//! paragraph rule's 3-token shingles). `cargo bench --bench dedup [-- N]`. Targets: under 60 s,
//! recall of planted copies ≥ 0.95, no false pair, peak memory under 2 GB.

use factlint::dedup::{near_pairs, one_by_one, shingles, Sketch};
use rayon::prelude::*;
use std::collections::HashSet;
use std::time::Instant;

const SHINGLE: usize = 3;
const NEAR: f64 = 0.8;

/// A small deterministic generator (xorshift), so every run plants the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const EN_WORDS: &[&str] = &[
    "the",
    "county",
    "hospital",
    "funding",
    "province",
    "teachers",
    "growth",
    "rural",
    "report",
    "doctors",
    "investment",
    "billion",
    "yuan",
    "percent",
    "year",
    "new",
    "schools",
    "villages",
    "health",
    "workers",
    "national",
    "policy",
    "market",
    "prices",
    "exports",
    "reached",
    "rose",
    "fell",
    "total",
    "according",
];

/// A paragraph: Han characters from a wide range (or English words), with figures.
fn paragraph(rng: &mut Rng) -> String {
    let mut s = String::new();
    if rng.below(4) == 0 {
        for i in 0..(25 + rng.below(20)) {
            if i > 0 {
                s.push(' ');
            }
            if rng.below(6) == 0 {
                s.push_str(&(rng.below(100_000)).to_string());
            } else {
                s.push_str(EN_WORDS[rng.below(EN_WORDS.len())]);
            }
        }
        s.push('.');
    } else {
        for _ in 0..(50 + rng.below(60)) {
            if rng.below(12) == 0 {
                s.push_str(&(rng.below(100_000)).to_string());
            } else if rng.below(15) == 0 {
                s.push('，');
            } else {
                s.push(char::from_u32(0x4e00 + rng.below(3000) as u32).unwrap_or('中'));
            }
        }
        s.push('。');
    }
    s
}

/// A light edit: a figure changed, one character swapped, or a comma changed.
fn edit(rng: &mut Rng, text: &str) -> String {
    match rng.below(3) {
        0 => {
            if let Some(i) = text.find(|c: char| c.is_ascii_digit()) {
                let mut out = text.to_string();
                out.replace_range(i..i + 1, if &text[i..i + 1] == "7" { "3" } else { "7" });
                return out;
            }
            format!("{text}…")
        }
        1 => {
            let chars: Vec<char> = text.chars().collect();
            let at = chars.len() / 2;
            chars.iter().enumerate().map(|(i, &c)| if i == at { '国' } else { c }).collect()
        }
        _ => text.replacen('，', ",", 1),
    }
}

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(1_000_000);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let t = Instant::now();
    let mut texts: Vec<String> = Vec::with_capacity(n);
    let mut planted: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        if i > 10 && rng.below(10) == 0 {
            let original = rng.below(i);
            let copy = edit(&mut rng, &texts[original]);
            texts.push(copy);
            planted.push((original, i));
        } else {
            texts.push(paragraph(&mut rng));
        }
    }
    println!("generated {n} paragraphs ({} planted copies) in {:.1} s", planted.len(), t.elapsed().as_secs_f64());
    let t = Instant::now();
    let sketches: Vec<Sketch> = texts.par_iter().map(|p| Sketch::new(p, SHINGLE)).collect();
    let sketch_time = t.elapsed().as_secs_f64();
    let t2 = Instant::now();
    let pairs = near_pairs(&sketches, NEAR, (None, None), &one_by_one(|i| shingles(&texts[i], SHINGLE)));
    let pair_time = t2.elapsed().as_secs_f64();
    let total = t.elapsed().as_secs_f64();

    // A planted copy counts as found when it is paired with its original, or with another
    // copy of the same original (the cluster then holds both).
    let origin = |i: usize| planted.binary_search_by_key(&i, |p| p.1).ok().map_or(i, |k| planted[k].0);
    let root = |mut i: usize| {
        while origin(i) != i {
            i = origin(i);
        }
        i
    };
    let found: HashSet<(usize, usize)> = pairs.iter().map(|&(a, b, _)| (a, b)).collect();
    let mut in_pairs: HashSet<usize> = HashSet::new();
    let mut false_pairs = 0;
    for &(a, b, _) in &pairs {
        if root(a) == root(b) {
            in_pairs.insert(a);
            in_pairs.insert(b);
        } else {
            false_pairs += 1;
        }
    }
    let above: Vec<&(usize, usize)> = planted
        .iter()
        .filter(|&&(o, c)| {
            factlint::dedup::jaccard(&shingles(&texts[o], SHINGLE), &shingles(&texts[c], SHINGLE)) >= NEAR
        })
        .collect();
    let hit = above
        .iter()
        .filter(|&&&(o, c)| found.contains(&(o.min(c), o.max(c))) || (in_pairs.contains(&c) && in_pairs.contains(&o)))
        .count();
    let recall = hit as f64 / above.len().max(1) as f64;
    println!(
        "sketch {sketch_time:.1} s, candidates + verification {pair_time:.1} s, total {total:.1} s on {} threads",
        rayon::current_num_threads()
    );
    println!(
        "planted copies {} ({} at Jaccard ≥ {NEAR}); found {hit}; recall {recall:.3}; false pairs {false_pairs}; peak memory {:.0} MB",
        planted.len(),
        above.len(),
        peak_memory_mb().unwrap_or(f64::NAN)
    );
    let ok = total < 60.0 && recall >= 0.95 && false_pairs == 0 && peak_memory_mb().is_none_or(|m| m < 2048.0);
    println!("{}", if ok { "ok" } else { "TARGET MISSED (< 60 s, recall ≥ 0.95, no false pair, < 2 GB)" });
}
