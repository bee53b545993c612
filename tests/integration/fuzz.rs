//! Property test over arbitrary input: the loaders, the extractor, numeric mentions and
//! the comparison of parallel documents never panic, and every span they return lies
//! inside its text on character boundaries.

use factlint::extract::Extractor;
use factlint::source::{load_bytes, Format, LoadOptions};
use proptest::prelude::*;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::default)
}

/// Pieces that exercise the parsers: numerals, units, qualifiers, markup, escapes.
fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "1.4",
        "万",
        "亿",
        "萬億",
        "多",
        "余",
        "近",
        "约",
        "超过",
        "以上",
        "左右",
        "元",
        "家",
        "人次",
        "%",
        "％",
        "个百分点",
        "三分之二",
        "2/3",
        "百分之",
        "十",
        "百",
        "千",
        "零",
        "〇",
        "两",
        "壹",
        "廿",
        "点",
        "點",
        "１",
        "０",
        "．",
        "，",
        ",",
        ".",
        "-",
        "至",
        "~",
        "年",
        "月",
        "日",
        "第",
        "是",
        "级",
        "成",
        "折",
        "分之",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "<p>",
        "</p>",
        "<br>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "&amp;",
        "&#20013;",
        "&#x",
        ";",
        "\\n",
        "\\u4e2d",
        "\\ud83d",
        "\"",
        "{",
        "}",
        ":",
        "---\n",
        "title: x\n",
        "more than ",
        "nearly ",
        "million",
        "billion",
        " yuan",
        "one",
        "two",
        "hundred",
        "and",
        "a",
        "thirds",
        "$",
        "US$",
        "RMB",
        "http://a.b/1",
        "18th",
        "May",
        "😀",
        "é",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        6 => fixed,
        2 => "[0-9]{1,6}",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..48).prop_map(|v| v.concat())
}

fn check_claims(text: &str) {
    for c in extractor().claims(text) {
        assert!(c.start <= c.end && c.end <= text.len(), "span {}..{} outside {} bytes", c.start, c.end, text.len());
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end), "span splits a character");
        assert!(c.number_start >= c.start && c.number_end <= c.end && c.number_start <= c.number_end);
        assert!(c.value.is_finite(), "value {}", c.value);
        if let (Some(l), Some(h)) = (c.low, c.high) {
            assert!(l <= h, "low {l} > high {h}");
        }
    }
}

fn check_load(bytes: &[u8], format: Format) {
    let loaded = load_bytes("input", bytes, format, &LoadOptions::default());
    for doc in &loaded.documents {
        let file = &doc.file.text;
        for r in doc.paragraphs.iter().cloned().chain(std::iter::once(0..doc.text.len())) {
            assert!(r.start <= r.end && r.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
            let mapped = doc.map.span(r.clone());
            assert!(mapped.start <= mapped.end && mapped.end <= file.len(), "{mapped:?} outside {} bytes", file.len());
            assert!(
                file.is_char_boundary(mapped.start) && file.is_char_boundary(mapped.end),
                "mapped span splits a character"
            );
            let loc = doc.locate(r);
            assert!(loc.byte_end <= bytes.len() && loc.start.line >= 1 && loc.start.column >= 1);
        }
        check_claims(&doc.text);
    }
    for e in &loaded.errors {
        assert!(e.line >= 1 && e.column >= 1);
    }
}

fn check_mentions(text: &str) {
    for m in extractor().mentions(text) {
        assert!(m.start <= m.end && m.end <= text.len(), "mention {}..{} outside {} bytes", m.start, m.end, text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "mention splits a character");
    }
}

/// Two documents sharing `common` (so they form a story and likely a parallel pair),
/// named as a translation, compared: every reported span lies inside its document.
/// Returns how many pairs were compared.
fn check_parallel(common: &str, a: &str, b: &str) -> usize {
    let texts = [format!("{common}\n\n{a}"), format!("{b}\n\n{common}")];
    let mut documents = Vec::new();
    for (name, text) in ["x.zh.txt", "x.en.txt"].iter().zip(&texts) {
        documents.extend(load_bytes(name, text.as_bytes(), Format::Text, &LoadOptions::default()).documents);
    }
    // Spans are of the loaded text (line endings and markup normalized), not the bytes.
    let loaded: Vec<String> = documents.iter().map(|d| d.text.to_string()).collect();
    let corpus = factlint::corpus::Corpus::held(documents);
    let claims = corpus.claims(extractor());
    let options = factlint::story::ParallelOptions {
        extractor: Extractor::default(),
        source_language: None,
        keep_segments: true,
    };
    let analysis = factlint::story::analyze(&corpus, &claims, &factlint::glossary::Glossary::builtin(), &options);
    let text_of = |doc: usize| loaded.get(doc).map(String::as_str).unwrap_or_default();
    for r in &analysis.parallel {
        for d in &r.discrepancies {
            for (doc, span) in [(r.pair.source, &d.source), (r.pair.target, &d.target)] {
                let t = text_of(doc);
                assert!(span.start <= span.end && span.end <= t.len(), "{span:?} outside {} bytes", t.len());
                assert!(t.is_char_boundary(span.start) && t.is_char_boundary(span.end), "span splits a character");
            }
        }
    }
    analysis.parallel.len()
}

#[test]
fn the_parallel_property_compares_pairs() {
    let common = "十年来投入资金1.4万亿元，支持1172家县级医院，医务人员下沉基层11.8万人次。";
    assert_eq!(check_parallel(common, "其中1007家医院参与。", "<p>1070 hospitals"), 1);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn extractor_spans_stay_inside_the_text(s in text()) {
        check_claims(&s);
    }

    #[test]
    fn mention_spans_stay_inside_the_text(s in text()) {
        check_mentions(&s);
    }

    #[test]
    fn parallel_comparison_never_panics(common in text(), a in text(), b in text()) {
        check_parallel(&common, &a, &b);
    }

    #[test]
    fn loaders_never_panic_on_text(s in text(), format in prop::sample::select(vec![Format::Text, Format::Markdown, Format::Html, Format::Jsonl, Format::Csv])) {
        check_load(s.as_bytes(), format);
    }

    #[test]
    fn loaders_never_panic_on_bytes(b in prop::collection::vec(any::<u8>(), 0..256), format in prop::sample::select(vec![Format::Text, Format::Html, Format::Jsonl, Format::Csv])) {
        check_load(&b, format);
    }

    #[test]
    fn jsonl_records_with_arbitrary_text(s in text()) {
        let line = serde_json::json!({"id": "x", "text": s}).to_string();
        check_load(line.as_bytes(), Format::Jsonl);
    }
}
