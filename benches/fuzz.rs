//! A long-running fuzzer, run as a benchmark so that `cargo test` stays fast: random and
//! mutated inputs for the loaders, the extractor (claims and numeric mentions) and the
//! readers of state files (cache shards, snapshots, shard indexes, baselines). A crash is
//! a panic; each target runs for `FACTLINT_FUZZ_SECONDS` (default 10) and prints how many
//! inputs it tried.
//!
//!     FACTLINT_FUZZ_SECONDS=600 cargo bench --bench fuzz

use factlint::extract::Extractor;
use factlint::source::{load_bytes, Format, LoadOptions};
use std::time::{Duration, Instant};

/// xorshift64*: reproducible without a dependency; the seed is printed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[rustfmt::skip]
const PIECES: &[&str] = &[
    "1.4", "万", "亿", "萬億", "多", "余", "近", "约", "超过", "以上", "左右", "元", "家", "人次", "%", "％", "个百分点",
    "三分之二", "2/3", "百分之", "十", "百", "千", "零", "〇", "两", "壹", "廿", "点", "１", "０", "．", "，", ",", ".",
    "-", "至", "~", "年", "月", "日", "时", "分", "第", "届", "周三", "星期六", "今年", "去年", " ", "\n", "\n\n", "\r\n",
    "<p>", "</p>", "<br>", "<!--", "-->", "&nbsp;", "&#", "\\u4e07", "\"", "{", "}", "[", "]", ":", "\t", "$", "¥",
    "billion", "million", "thousand", "hundred", "one", "two", "a", "both", "dozen", "percent", "yuan", "acres", "mu",
    "July", "May", "Monday", "26th", "9:30", "a.m.", "p.m.", "about", "more than", "nearly", "---", "title:",
    "date: 2022-05-24", "本報(bào)訊", "，，", "\u{1b}[2J", "\u{202e}", "\u{feff}", "7", "0", "9", "99999999999",
];

fn text(rng: &mut Rng) -> String {
    let n = rng.below(64);
    let mut out = String::new();
    for _ in 0..n {
        if rng.below(8) == 0 {
            out.push(char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('?'));
        } else {
            out.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    out
}

/// `bytes` with a few random flips, cuts, insertions and duplications.
fn mutate(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..1 + rng.below(4) {
        match rng.below(5) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next() as u8;
            }
            2 => out.truncate(rng.below(out.len() + 1)),
            3 => {
                let i = rng.below(out.len() + 1);
                out.insert(i, rng.next() as u8);
            }
            _ if !out.is_empty() => {
                let (i, j) = (rng.below(out.len()), rng.below(out.len()));
                let (i, j) = (i.min(j), i.max(j));
                let copy = out[i..j].to_vec();
                out.extend(copy);
            }
            _ => {}
        }
    }
    out
}

fn run(name: &str, seconds: u64, seed: u64, mut one: impl FnMut(&mut Rng)) {
    let mut rng = Rng(seed | 1);
    let started = Instant::now();
    let mut tried = 0u64;
    while started.elapsed() < Duration::from_secs(seconds) {
        one(&mut rng);
        tried += 1;
    }
    println!("{name}: {tried} inputs in {:.0} s, no crash (seed {seed})", started.elapsed().as_secs_f64());
}

fn main() {
    // `cargo bench -- --list` and filters from the bench harness are not ours to serve.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let seconds: u64 = std::env::var("FACTLINT_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let seed: u64 = std::env::var("FACTLINT_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed);
    let extractor = Extractor::default();
    let formats = [Format::Text, Format::Markdown, Format::Html, Format::Jsonl, Format::Csv, Format::Parquet];

    run("loaders", seconds, seed, |rng| {
        let body = text(rng);
        let bytes = match rng.below(3) {
            0 => body.into_bytes(),
            1 => serde_json::json!({"id": "x", "text": body}).to_string().into_bytes(),
            _ => mutate(rng, body.as_bytes()),
        };
        let loaded = load_bytes("input", &bytes, formats[rng.below(formats.len())], &LoadOptions::default());
        for doc in &loaded.documents {
            for p in &doc.paragraphs {
                assert!(p.end <= doc.text.len() && doc.text.is_char_boundary(p.start));
            }
        }
    });

    run("extractor", seconds, seed, |rng| {
        let t = text(rng);
        for c in extractor.claims(&t) {
            assert!(c.fits(&t), "claim {}..{} does not fit {t:?}", c.start, c.end);
        }
        for m in extractor.mentions(&t) {
            assert!(m.end <= t.len() && t.is_char_boundary(m.start) && t.is_char_boundary(m.end), "{t:?}");
        }
    });

    let dir = tempfile::tempdir().expect("a temporary folder");
    let seeds: Vec<String> = (0..8).map(|i| format!("投入{i}.4万亿元，支持1172家医院，{i}月26日下午3时。")).collect();
    let cache = factlint::cache::ClaimCache::open(dir.path(), 1);
    for s in &seeds {
        cache.claims(s, |t| extractor.claims(t));
    }
    cache.save();
    let shard_files: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path().join(format!("results-{:016x}", 1)))
        .expect("the cache was written")
        .map(|e| e.expect("an entry").path())
        .collect();
    let corpus_dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(corpus_dir.path().join("a.txt"), &seeds[0]).expect("write");
    let settings = factlint::config::Settings::default();
    let inputs = factlint::corpus::Inputs {
        paths: vec![corpus_dir.path().join("a.txt")],
        piped: Vec::new(),
        load: LoadOptions::default(),
        exclude: Default::default(),
        force_exclude: false,
        batch_bytes: None,
    };
    let index = corpus_dir.path().join("a.fli");
    factlint::index::build(&inputs, &settings, &index).expect("an index");
    let index_bytes = std::fs::read(&index).expect("read");
    let baseline = br#"{"version":1,"findings":[{"rule":"repeated-punctuation","doc":"a.txt","fingerprint":"0123"}]}"#;
    let baseline_path = corpus_dir.path().join("base.json");

    run("state files", seconds, seed, |rng| match rng.below(3) {
        0 => {
            let file = &shard_files[rng.below(shard_files.len())];
            let clean = std::fs::read(file).expect("read");
            std::fs::write(file, mutate(rng, &clean)).expect("write");
            let read = factlint::cache::ClaimCache::open(dir.path(), 1);
            for s in &seeds {
                assert_eq!(read.claims(s, |t| extractor.claims(t)), extractor.claims(s));
            }
            std::fs::write(file, clean).expect("write");
        }
        1 => {
            std::fs::write(&index, mutate(rng, &index_bytes)).expect("write");
            let _ = factlint::index::join(std::slice::from_ref(&index), &settings, &inputs.load);
        }
        _ => {
            std::fs::write(&baseline_path, mutate(rng, baseline)).expect("write");
            let _ = factlint::baseline::Baseline::read(&baseline_path);
        }
    });
}
