//! Parallel documents as users meet them: a translation named as such, a reprint in the
//! other Chinese script, an English reprint of a wire story, and two outlets' reports of
//! one story. Each clean pair must raise nothing; each slip planted in it must be reported
//! by the rule that names it, on the document that holds it.

use crate::support::{corpus, factlint_in, stdout};
use serde_json::Value;
use std::path::Path;

/// (rule, file name, flagged text, message) of one finding.
type Finding = (String, String, String, String);

/// (pair, file changed, old text, new text, rule, flagged text) of one planted slip.
type Plant = ([&'static str; 2], &'static str, &'static str, &'static str, &'static str, &'static str);

const CONSISTENCY: [&str; 5] =
    ["numeric-contradiction", "magnitude-mismatch", "unit-mismatch", "date-mismatch", "missing-figure"];

/// Each finding of `check` in `dir`.
fn findings_in(dir: &Path, args: &[&str]) -> Vec<Finding> {
    let mut all = vec!["check", "-f", "json", "--fail-on", "never"];
    all.extend_from_slice(args);
    let out = factlint_in(dir, &all, None);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("check prints JSON");
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            let bytes = std::fs::read(dir.join(path)).unwrap();
            let (s, e) = (f["byte_start"].as_u64().unwrap() as usize, f["byte_end"].as_u64().unwrap() as usize);
            (
                f["rule"].as_str().unwrap().to_string(),
                path.rsplit('/').next().unwrap().to_string(),
                String::from_utf8_lossy(&bytes[s..e]).into_owned(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(crate::support::repo().join("tests/fixtures/parallel").join(name)).unwrap()
}

/// The pair `files` in a temporary folder, `old` replaced by `new` in `changed`, checked.
fn planted(files: [&str; 2], changed: &str, old: &str, new: &str) -> Vec<Finding> {
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|&f| {
            let text = fixture(f);
            if f == changed {
                assert!(text.contains(old), "{old} is not in {f}");
                (f.to_string(), text.replacen(old, new, 1))
            } else {
                (f.to_string(), text)
            }
        })
        .collect();
    let owned: Vec<(&str, &[u8])> = texts.iter().map(|(n, t)| (n.as_str(), t.as_bytes())).collect();
    let dir = corpus(&owned);
    findings_in(dir.path(), &[".", "--no-config"])
}

fn consistency(found: Vec<Finding>) -> Vec<Finding> {
    found.into_iter().filter(|f| CONSISTENCY.contains(&f.0.as_str())).collect()
}

const TRANSLATION: [&str; 2] = ["tea.zh.txt", "tea.en.txt"];
const SCRIPTS: [&str; 2] = ["port-hans.txt", "port-hant.txt"];
const REPRINT: [&str; 2] = ["bridge-wire.md", "bridge-reprint.md"];

#[test]
fn clean_parallel_pairs_raise_nothing() {
    for files in [TRANSLATION, SCRIPTS, REPRINT] {
        let found = consistency(planted(files, files[0], "", ""));
        assert!(found.is_empty(), "{files:?}: {found:?}");
    }
}

#[test]
fn every_planted_slip_is_reported_on_the_document_that_holds_it() {
    let table: &[Plant] = &[
        (TRANSLATION, "tea.en.txt", "4,350 tonnes", "4,530 tonnes", "numeric-contradiction", "4,530 tonnes"),
        (TRANSLATION, "tea.en.txt", "140 million yuan", "1.4 billion yuan", "magnitude-mismatch", "1.4 billion yuan"),
        (TRANSLATION, "tea.en.txt", "126,000 mu", "126,000 acres", "unit-mismatch", "126,000 acres"),
        (TRANSLATION, "tea.en.txt", "At 9:30 a.m.", "At 9:00 a.m.", "date-mismatch", "9:00"),
        (TRANSLATION, "tea.en.txt", "It runs for 3 days and ", "It ", "missing-figure", ""),
        (TRANSLATION, "tea.en.txt", "17,200", "17, 200", "malformed-number", "17, 200"),
        (SCRIPTS, "port-hant.txt", "386.5萬", "368.5萬", "numeric-contradiction", "368.5萬"),
        (SCRIPTS, "port-hant.txt", "1.27億噸", "1.27萬噸", "magnitude-mismatch", "1.27萬噸"),
        (SCRIPTS, "port-hant.txt", "1.27億噸", "1.27億公斤", "unit-mismatch", "1.27億公斤"),
        (SCRIPTS, "port-hant.txt", "10月12日", "10月21日", "date-mismatch", "10月21日"),
        (SCRIPTS, "port-hant.txt", "，比年初新增6條", "", "missing-figure", ""),
        (SCRIPTS, "port-hant.txt", "10萬噸級", "100, 000噸級", "malformed-number", "100, 000"),
        (REPRINT, "bridge-reprint.md", "48,000", "84,000", "numeric-contradiction", "84,000 vehicles"),
        (REPRINT, "bridge-reprint.md", "2.35 billion", "2.35 million", "magnitude-mismatch", "2.35 million dollars"),
        (REPRINT, "bridge-reprint.md", "2.1 kilometres", "2.1 miles", "unit-mismatch", "2.1 miles"),
        (REPRINT, "bridge-reprint.md", "on Saturday", "on Sunday", "date-mismatch", "Sunday"),
        (REPRINT, "bridge-reprint.md", " after 26 months of work", "", "missing-figure", ""),
        (REPRINT, "bridge-reprint.md", "1,150", "1, 150", "malformed-number", "1, 150"),
    ];
    for &(files, changed, old, new, rule, flagged) in table {
        let found = planted(files, changed, old, new);
        let hits: Vec<_> = found.iter().filter(|f| f.0 == rule && f.1 == changed).collect();
        assert_eq!(hits.len(), 1, "{old} -> {new}: want one {rule} on {changed}, got {found:?}");
        // A missing figure is reported on the segment it went missing from.
        if !flagged.is_empty() {
            assert!(hits[0].2.contains(flagged), "{old} -> {new}: flagged {:?}", hits[0].2);
        }
        let others: Vec<_> = consistency(found.clone()).into_iter().filter(|f| f.0 != rule).collect();
        assert!(others.is_empty(), "{old} -> {new}: only {rule} is wanted, also {others:?}");
    }
}

/// Findings of the consistency rules over one named translation pair.
fn translated(zh: &str, en: &str) -> Vec<Finding> {
    let dir = corpus(&[("note.zh.txt", zh.as_bytes()), ("note.en.txt", en.as_bytes())]);
    consistency(findings_in(dir.path(), &[".", "--no-config"]))
}

#[test]
fn one_figure_written_two_ways_is_no_finding_and_a_changed_one_is() {
    // (Chinese, faithful English, English with the figure changed, flagged text)
    let table = [
        (
            "合作社带动1.72万户茶农增收。",
            "The cooperatives helped 17,200 households raise their income.",
            "The cooperatives helped 17,300 households raise their income.",
            "17,300 households",
        ),
        (
            "两家龙头企业的产品抽检合格率达到百分之百。",
            "Products of both leading companies passed inspection, a 100% pass rate.",
            "Products of both leading companies passed inspection, a 90% pass rate.",
            "90%",
        ),
        (
            "去年全县茶叶综合产值13.97亿元。",
            "Last year the county's tea industry was worth about 1.4 billion yuan.",
            "Last year the county's tea industry was worth about 1.9 billion yuan.",
            "about 1.9 billion yuan",
        ),
        (
            "茶叶合作社带动茶农增收，全县共有合作社213家，户均增收3600元。",
            "Cooperatives helped growers. The county has 213 of them, and each household earned 3,600 yuan more.",
            "Cooperatives helped growers. The county has 231 of them, and each household earned 3,600 yuan more.",
            "231",
        ),
    ];
    for (zh, faithful, changed, flagged) in table {
        assert_eq!(translated(zh, faithful), vec![], "{faithful}");
        let found = translated(zh, changed);
        assert_eq!(found.len(), 1, "{changed}: {found:?}");
        assert_eq!((found[0].1.as_str(), found[0].2.as_str()), ("note.en.txt", flagged), "{found:?}");
    }
}

#[test]
fn the_source_language_decides_which_side_is_blamed() {
    let zh = "今年全县春茶产量4350吨，同比增长6.2%，茶农户均增收3600元。";
    let en =
        "Spring tea output reached 4,530 tonnes this year, up 6.2%, and each grower household earned 3,600 yuan more.";
    let dir = corpus(&[("t.zh.txt", zh.as_bytes()), ("t.en.txt", en.as_bytes())]);
    let blamed = |args: &[&str]| -> Vec<(String, String)> {
        let mut all = vec!["."];
        all.extend_from_slice(args);
        consistency(findings_in(dir.path(), &all)).into_iter().map(|f| (f.1, f.2)).collect()
    };
    assert_eq!(blamed(&["--no-config"]), [("t.en.txt".to_string(), "4,530 tonnes".to_string())]);
    assert_eq!(blamed(&["--no-config", "--source-lang", "en"]), [("t.zh.txt".to_string(), "4350吨".to_string())]);
    std::fs::write(dir.path().join("factlint.toml"), "source-language = \"en\"\n").unwrap();
    assert_eq!(blamed(&[]), [("t.zh.txt".to_string(), "4350吨".to_string())]);
    // The flag wins over the file.
    assert_eq!(blamed(&["--source-lang", "zh"]), [("t.en.txt".to_string(), "4,530 tonnes".to_string())]);
    let out = factlint_in(dir.path(), &["check", ".", "--source-lang", "fr"], None);
    assert_eq!(out.status.code(), Some(2));
}

/// The two outlets' reports of one story, `old` replaced by `new` in `changed`, in a folder.
fn outlets(changed: &str, old: &str, new: &str) -> tempfile::TempDir {
    let root = crate::support::repo().join("tests/fixtures/stories/two-outlets");
    let texts: Vec<(String, String)> = ["market-daily.md", "flash-wire.md"]
        .iter()
        .map(|&f| {
            let text = std::fs::read_to_string(root.join(f)).unwrap();
            let text = if f == changed { text.replacen(old, new, 1) } else { text };
            (format!("news/{f}"), text)
        })
        .collect();
    let owned: Vec<(&str, &[u8])> = texts.iter().map(|(n, t)| (n.as_str(), t.as_bytes())).collect();
    corpus(&owned)
}

#[test]
fn two_outlets_disagree_and_the_later_report_is_blamed() {
    let clean = outlets("", "", "");
    assert_eq!(consistency(findings_in(clean.path(), &["news", "--no-config"])), vec![]);
    for changed in ["market-daily.md", "flash-wire.md"] {
        let dir = outlets(changed, "合计发行规模500多亿元", "合计发行规模300多亿元");
        let found = consistency(findings_in(dir.path(), &["news", "--no-config"]));
        assert_eq!(found.len(), 1, "{changed}: {found:?}");
        // The wire published later: it is blamed whichever of the two was edited.
        assert_eq!(found[0].0, "numeric-contradiction");
        assert_eq!(found[0].1, "flash-wire.md");
        assert!(found[0].3.contains("in the source"), "{}", found[0].3);
        assert!(!found[0].3.contains("majority"), "two reports have no majority: {}", found[0].3);
    }
    // Checking the earlier file alone against the corpus still reports it, and fails.
    let dir = outlets("market-daily.md", "合计发行规模500多亿元", "合计发行规模300多亿元");
    let out = factlint_in(dir.path(), &["check", "news/market-daily.md", "--corpus-root", "news", "--no-config"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
}

#[test]
fn an_edited_figure_of_the_bundled_corpus_is_reported() {
    let root = crate::support::repo().join("examples/corpus");
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root, &dir.path().join("corpus"));
    let path = dir.path().join("corpus/health-funding.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("11.8万"));
    std::fs::write(&path, text.replacen("11.8万", "18.1万", 1)).unwrap();
    let found = consistency(findings_in(dir.path(), &["corpus", "--no-config"]));
    let edited: Vec<_> = found.iter().filter(|f| f.2.contains("18.1万")).collect();
    assert_eq!(edited.len(), 1, "{found:?}");
    assert_eq!(edited[0].1, "health-funding.md");
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
