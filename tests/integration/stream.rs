//! A streamed check (the corpus read in small batches, large datasets in windows, texts
//! let go and read back for stories, near copies and findings) reports exactly what a
//! check of the corpus held in memory does, positions and snippets included.

use crate::support::corpus;
use factlint::check::{self, RunOptions, Selection};
use factlint::config::Settings;
use factlint::corpus::{Corpus, Inputs};
use factlint::report::{self, json::Summary};
use factlint::source::LoadOptions;

const ZH: &str = "十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院，全国1007家城市三级医院参与帮扶，\
医务人员下沉基层11.8万人次。";
const REWRITE: &str = "记者获悉，十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院，全国1070家城市三级医院\
参与帮扶，医务人员下沉基层11.8万人次。";
const EN: &str = "Over ten years the state invested 1.4 billion yuan, supported 1,172 county-level hospitals \
and paired 1,007 urban tertiary hospitals with them; medical staff made 118,000 visits.";
const LONG: &str = "全市新增就业岗位3.2万个，城镇调查失业率为5.1%，比上年同期下降0.3个百分点。\
今年以来，全市累计发放创业担保贷款12.6亿元，扶持创业人员4800余人，带动就业1.5万人。\
人社部门组织各类招聘活动326场，提供岗位信息8.9万条，帮助高校毕业生、农民工等重点群体实现就业。\
下一步，全市将继续落实稳岗返还、技能培训补贴等政策，开发更多公益性岗位，兜牢民生底线，\
确保全年就业形势总体稳定。据介绍，今年还将新建零工市场15个、家门口就业服务站200个。";
const PARAGRAPH: &str = "有关负责人表示，下一步将继续完善配套政策，加强统筹协调，确保各项措施落地见效。";

fn record(id: &str, text: &str) -> String {
    format!("{{\"id\":\"{id}\",\"date\":\"2022-05-24\",\"text\":{}}}\n", serde_json::to_string(text).unwrap())
}

/// A dataset whose findings span many windows: a contradiction and a scale slip between
/// far-apart records, a repeated record, a record with a repeated paragraph, a bad line.
fn dataset() -> String {
    let mut out = String::new();
    for i in 0..30 {
        let text = match i {
            2 => ZH.to_string(),
            9 => format!("{LONG}\n\n{PARAGRAPH}\n\n{PARAGRAPH}"),
            14 => LONG.to_string(),
            17 => EN.to_string(),
            21 => "{not json".to_string(),
            25 => LONG.to_string(),
            28 => REWRITE.to_string(),
            _ => format!("第{i}条消息：今天天气晴朗，气温{}摄氏度。", 10 + i),
        };
        if text.starts_with('{') {
            out.push_str(&text);
            out.push('\n');
        } else {
            out.push_str(&record(&format!("r{i}"), &text));
        }
    }
    out
}

fn render(corpus: &Corpus, result: &check::Report) -> (String, String) {
    let summary = Summary {
        files: corpus.files,
        documents: corpus.documents.len(),
        claims: result.claims,
        findings: result.findings.len(),
    };
    let mut json = Vec::new();
    report::json::write(&mut json, corpus, &result.findings, summary).unwrap();
    let mut human = Vec::new();
    report::human::write(&mut human, corpus, &result.findings, report::human::Style { color: false, width: 100 })
        .unwrap();
    (String::from_utf8(json).unwrap(), String::from_utf8(human).unwrap())
}

#[test]
fn a_streamed_check_or_extract_reports_what_a_run_in_memory_does() {
    let post = format!(
        "---\ntitle: 报道\ndate: 2022-05-24\n---\n\n<!-- factlint-disable duplicate-paragraph -->\n\n{PARAGRAPH}\n\n\
{PARAGRAPH}\n\n<!-- factlint-enable -->\n"
    );
    // Read back whole and mapped to its raw bytes: a legacy encoding.
    let legacy = format!("旧稿。\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n");
    let (gbk, _, _) = encoding_rs::GBK.encode(&legacy);
    let table = format!("id,text\nt1,\"今天天气晴朗。\"\nt2,\"{LONG}\"\n");
    let dir = corpus(&[
        ("corpus/news.jsonl", dataset().as_bytes()),
        ("corpus/post.md", post.as_bytes()),
        ("corpus/legacy.txt", &gbk),
        ("corpus/table.csv", table.as_bytes()),
    ]);
    let settings = Settings::default();
    let inputs = |window_bytes: usize, batch_bytes: Option<usize>| Inputs {
        paths: vec![dir.path().join("corpus")],
        piped: Vec::new(),
        load: LoadOptions { window_bytes, ..LoadOptions::default() },
        exclude: Default::default(),
        force_exclude: false,
        batch_bytes,
    };
    let whole = Corpus::load(&inputs(1 << 20, None));
    let expected = render(&whole, &check::run(&whole, &settings, &Selection::default(), &RunOptions::default()));
    // The comparison means something: per-document, corpus and load-error findings, one of
    // them on a record read back from far into the dataset.
    for rule in
        ["numeric-contradiction", "magnitude-mismatch", "duplicate-paragraph", "duplicate-document", "unreadable-input"]
    {
        assert!(expected.0.contains(rule), "{rule} missing from {}", expected.0);
    }
    assert!(expected.0.contains("news.jsonl#r28"), "{}", expected.0);
    assert!(expected.0.contains("legacy.txt"), "{}", expected.0);
    assert!(!expected.0.contains("post.md"), "the suppressed region is honoured: {}", expected.0);

    for (window, batch) in [(1 << 20, None), (300, Some(200)), (1, Some(1)), (2000, Some(5000))] {
        let (corpus, result) =
            check::run_streamed(&inputs(window, batch), &settings, &Selection::default(), &RunOptions::default());
        assert_eq!(corpus.documents.len(), whole.documents.len());
        assert_eq!(render(&corpus, &result), expected, "window {window}, batch {batch:?}");
        // A corpus read in one batch keeps its documents; a larger one keeps shells of
        // those no finding is on.
        let held = corpus.documents.iter().filter(|d| !d.text.is_empty()).count();
        match batch {
            None => assert_eq!(held, corpus.documents.len(), "one batch: every document kept"),
            Some(1) => assert!(held < corpus.documents.len(), "one byte a batch: shells kept"),
            Some(_) => {}
        }
    }

    // `extract -f jsonl` streams too: the lines of the whole corpus at any window and batch.
    let extractor = settings.extractor();
    let claims = whole.claims(&extractor);
    let mut expected = Vec::new();
    for (document, claims) in whole.documents.iter().zip(&claims) {
        report::claims::jsonl(&mut expected, &factlint::corpus::locate(document, claims)).unwrap();
    }
    let expected = String::from_utf8(expected).unwrap();
    assert!(expected.lines().count() > 50, "{expected}");
    for (window, batch) in [(1 << 20, None), (300, Some(200)), (1, Some(1)), (2000, Some(5000))] {
        let mut out = Vec::new();
        let (corpus, written) =
            factlint::cli::extract::write_claims_streamed(&inputs(window, batch), &extractor, &mut out);
        written.unwrap();
        assert_eq!(corpus.errors.len(), whole.errors.len());
        assert!(corpus.documents.is_empty(), "extract keeps no document once written");
        assert_eq!(String::from_utf8(out).unwrap(), expected, "window {window}, batch {batch:?}");
    }
}
