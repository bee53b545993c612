//! `factlint check`, `rules` and `explain` as users run them.

use crate::support::{corpus, factlint, factlint_in, stderr, stdout};
use serde_json::Value;

fn check_json(args: &[&str]) -> (Option<i32>, Value) {
    let mut all = vec!["check", "tests/fixtures/quality", "-f", "json"];
    all.extend_from_slice(args);
    let out = factlint(&all, None);
    let v = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    (out.status.code(), v)
}

fn rules_at(v: &Value) -> Vec<(String, String, u64)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            (f["rule"].as_str().unwrap().to_string(), file, f["line"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn data_quality_rules_find_their_defects_and_nothing_else() {
    let (code, v) = check_json(&[]);
    assert_eq!(code, Some(1));
    let found = rules_at(&v);
    let want = [
        ("boilerplate", "promo.md", 7),
        ("duplicate-paragraph", "dup.txt", 5),
        ("markup-residue", "records.jsonl", 1),
        ("markup-residue", "records.jsonl", 1),
        ("romanization-artifact", "ruby.txt", 1),
        ("repeated-punctuation", "ruby.txt", 1),
    ];
    let mut got = found.clone();
    got.sort();
    let mut want: Vec<(String, String, u64)> =
        want.iter().map(|(r, f, l)| (r.to_string(), f.to_string(), *l)).collect();
    want.sort();
    assert_eq!(got, want, "{found:?}");
    assert_eq!(v["summary"]["documents"], 6);
    let dup = v["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "duplicate-paragraph").unwrap();
    assert_eq!(dup["related"][0]["line"], 1);
    let help = dup["help"].as_str().unwrap();
    assert!(help.contains("the figures differ: 3000 → 3500"), "the changed figure is named: {help}");
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["fingerprint"].as_str().is_some_and(|s| s.len() == 16)));
}

#[test]
fn exit_codes_follow_fail_on_and_exit_zero() {
    assert_eq!(check_json(&["--fail-on", "never"]).0, Some(0));
    assert_eq!(check_json(&["--exit-zero"]).0, Some(0));
    assert_eq!(check_json(&["--fail-on", "error"]).0, Some(0), "the fixture has warnings and infos only");
    assert_eq!(check_json(&["--select", "boilerplate"]).0, Some(0), "boilerplate is info");
    assert_eq!(check_json(&["--select", "boilerplate", "--fail-on", "info"]).0, Some(1));
    let out = factlint(&["check", "tests/fixtures/quality", "--select", "no-such-rule"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unreadable_input_is_a_finding_and_exit_2() {
    let dir = corpus(&[("good.txt", "累计投入资金1.4万亿元,,支持。".as_bytes()), ("bad.jsonl", b"{oops\n")]);
    let out = factlint_in(dir.path(), &["check", ".", "-f", "json", "--fail-on", "never"], None);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rules: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["unreadable-input", "repeated-punctuation"]);
}

#[test]
fn concise_output_names_file_line_and_rule() {
    let out = factlint(&["check", "tests/fixtures/quality/ruby.txt", "-f", "concise"], None);
    let text = stdout(&out);
    assert!(text.contains("tests/fixtures/quality/ruby.txt:1:2: warning[romanization-artifact]"), "{text}");
    assert!(text.contains("warning[repeated-punctuation] repeated punctuation `,,`"), "{text}");
}

#[test]
fn rules_and_explain() {
    let out = factlint(&["rules", "-f", "json"], None);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = v["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"numeric-contradiction") && ids.contains(&"romanization-artifact"));
    let out = factlint(&["explain", "romanization-artifact"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("本報(bào)訊"));
    assert_eq!(factlint(&["explain", "nope"], None).status.code(), Some(2));
}
