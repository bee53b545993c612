//! Micro-benchmarks of the three stages of `check` (divan): the extractor on Chinese and
//! English news text and on pathological inputs at two sizes, the near-copy finder, and
//! story grouping with alignment.
//! `cargo bench --bench pipeline`. The whole-process figures at 10 MB to 1 GB come from
//! `bench/corpus-bench.sh`.

use factlint::corpus::Corpus;
use factlint::dedup::{near_pairs, one_by_one, shingles, Sketch};
use factlint::extract::Extractor;
use factlint::glossary::Glossary;
use factlint::source::{load_bytes, Document, Format, LoadOptions};
use factlint::story::analyze;

fn main() {
    divan::main();
}

/// The figures of story `n`: each story its own, shared by its reports.
struct Figures {
    trillions: String,
    counties: usize,
    tertiary: usize,
    visits: String,
    share: String,
    funds: usize,
}

impl Figures {
    fn of(n: usize) -> Self {
        Figures {
            trillions: format!("{}.{}", 1 + n % 9, n % 97),
            counties: 1000 + n * 7 % 90000,
            tertiary: 1000 + n * 13 % 9000,
            visits: format!("{}.{}", 10 + n % 89, n % 10),
            share: format!("{}.{}", 10 + n % 80, n % 97),
            funds: 1200 + n * 3 % 8000,
        }
    }
}

/// A Chinese report of story `n`.
fn zh_report(n: usize) -> String {
    let f = Figures::of(n);
    let city = ["江城", "海州", "云川", "北原"][n % 4];
    format!(
        "{city}讯 十年来财政累计投入资金{}万亿元，支持{}家县级医院提标扩能。\n\
         全市{}家城市三级医院与县级医院建立对口帮扶关系，医务人员下沉基层{}万人次。\n\
         有关负责人表示，下一步将继续完善配套政策，加强统筹协调，确保各项措施落地见效。\n\
         今年以来，基层诊疗量占比达到{}%，累计安排专项资金{}多亿元。\n",
        f.trillions, f.counties, f.tertiary, f.visits, f.share, f.funds
    )
}

/// The English translation of story `n` (万 visits written out in thousands).
fn en_report(n: usize) -> String {
    let f = Figures::of(n);
    let visits: f64 = f.visits.parse().unwrap();
    format!(
        "Over ten years the government invested {} trillion yuan and supported {} county-level hospitals. \
         In all, {} urban tertiary hospitals were paired with county hospitals, and medical personnel made \
         {} visits. Officials said supporting policies will keep improving. Primary care now handles \
         {}% of visits.\n",
        f.trillions,
        f.counties,
        f.tertiary,
        (visits * 10_000.0).round(),
        f.share
    )
}

#[divan::bench(args = ["zh", "en"])]
fn extract(bencher: divan::Bencher, language: &str) {
    let text: String = (0..200).map(|n| if language == "zh" { zh_report(n) } else { en_report(n) }).collect();
    let extractor = Extractor::default();
    bencher.counter(divan::counter::BytesCount::of_str(&text)).bench(|| extractor.claims(divan::black_box(&text)));
}

/// Real Chinese news (the Sina sample beside the repository, when it is there): the
/// extractor's throughput on ordinary text, where most characters start no figure.
#[divan::bench(sample_count = 20)]
fn extract_sina_news(bencher: divan::Bencher) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/cnews/cnews-1000.jsonl");
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("skipped: {path} is not there");
        return;
    };
    let documents = load_bytes("cnews-1000.jsonl", &bytes, Format::Jsonl, &LoadOptions::default()).documents;
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let extractor = Extractor::default();
    let size: usize = texts.iter().map(|t| t.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(size))
        .bench(|| texts.iter().map(|t| extractor.claims(divan::black_box(t)).len()).sum::<usize>());
}

/// The per-document work of each rule on the same real news (`signature`: the near-copy
/// sketch of `duplicate-document`): what `check` adds to `extract` document by document.
#[divan::bench(
    args = ["duplicate-paragraph", "signature", "malformed-number", "markup-residue", "repeated-punctuation", "romanization-artifact"],
    sample_count = 10
)]
fn rule_on_sina_news(bencher: divan::Bencher, rule: &str) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/cnews/cnews-1000.jsonl");
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("skipped: {path} is not there");
        return;
    };
    let documents = load_bytes("cnews-1000.jsonl", &bytes, Format::Jsonl, &LoadOptions::default()).documents;
    let settings = factlint::config::Settings::default();
    let rules = factlint::rules::registry(&settings);
    let size: usize = documents.iter().map(|d| d.text.len()).sum();
    let bencher = bencher.counter(divan::counter::BytesCount::new(size));
    if rule == "signature" {
        let sketcher = rules.iter().find(|r| r.has_signature()).expect("a rule takes sketches");
        return bencher
            .bench(|| documents.iter().filter_map(|d| sketcher.signature(divan::black_box(d), None)).count());
    }
    let rule = rules.iter().find(|r| r.id() == rule).expect("a known rule");
    bencher.bench(|| {
        documents.iter().enumerate().map(|(i, d)| rule.check_document(i, divan::black_box(d)).len()).sum::<usize>()
    });
}

/// Inputs whose cost could grow faster than their size, at two sizes ten times apart:
/// the per-byte times of the two sizes should match (linear growth). A run of digits is
/// a number at no place, and each place must give up early.
#[divan::bench(args = [100_000, 1_000_000], sample_count = 5)]
fn extract_pathological(bencher: divan::Bencher, bytes: usize) {
    let digits = "7".repeat(bytes);
    let numerals = "两".repeat(bytes / 3);
    let spelled = "one hundred thousand ".repeat(bytes / 21);
    let extractor = Extractor::default();
    let size = digits.len() + numerals.len() + spelled.len();
    bencher.counter(divan::counter::BytesCount::new(size)).bench(|| {
        [&digits, &numerals, &spelled].iter().map(|t| extractor.claims(divan::black_box(t)).len()).sum::<usize>()
    });
}

#[divan::bench(args = [1_000, 10_000])]
fn near_copies(bencher: divan::Bencher, texts: usize) {
    // Every tenth text is a reprint of the one before it with one figure changed.
    let corpus: Vec<String> =
        (0..texts).map(|i| if i % 10 == 9 { zh_report(i - 1).replacen('万', "千", 1) } else { zh_report(i) }).collect();
    bencher.counter(divan::counter::ItemsCount::new(texts)).bench(|| {
        let sketches: Vec<Sketch> = corpus.iter().map(|t| Sketch::new(t, 5)).collect();
        near_pairs(&sketches, 0.8, (None, None), &one_by_one(|i| shingles(&corpus[i], 5)))
    });
}

#[divan::bench(args = [1_000, 4_000])]
fn stories(bencher: divan::Bencher, reports: usize) {
    // Two reports per story, a Chinese one and its English translation.
    let options = LoadOptions::default();
    let documents: Vec<Document> = (0..reports)
        .flat_map(|i| {
            let (text, name) = if i % 2 == 0 {
                (zh_report(i / 2), format!("{:05}.zh.txt", i / 2))
            } else {
                (en_report(i / 2), format!("{:05}.en.txt", i / 2))
            };
            load_bytes(&name, text.as_bytes(), Format::Text, &options).documents
        })
        .collect();
    let extractor = Extractor::default();
    let claims: Vec<_> = documents.iter().map(|d| extractor.claims(&d.text)).collect();
    let glossary = Glossary::builtin();
    let corpus = Corpus::held(documents);
    // Named translations: each story is also one parallel pair, compared segment by segment.
    let parallel = factlint::story::ParallelOptions { extractor, source_language: None, keep_segments: false };
    bencher
        .counter(divan::counter::ItemsCount::new(reports))
        .bench(|| analyze(divan::black_box(&corpus), &claims, &glossary, &parallel));
}
