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

#[test]
fn duplicate_documents_are_one_cluster_with_the_changed_figures_named() {
    let body = "国家统计局今天发布数据，全国规模以上工业企业实现利润总额3.2万亿元，同比增长10.2%。\n\n\
其中，采矿业实现利润总额4200亿元，同比增长1.3倍；制造业实现利润总额2.7万亿元，同比增长6.1%；\
电力、热力、燃气及水生产和供应业实现利润总额1900亿元，同比下降8.5%。\n\n\
在41个工业大类行业中，有28个行业利润总额比上年同期增长，13个行业下降。\
统计局工业司首席统计师表示，工业企业利润延续恢复态势，企业营业收入利润率为6.2%。";
    let changed = body.replace("4200亿元", "4800亿元");
    let other = "某县今年共招聘乡村教师3000名，分配到偏远山区的小学任教，每人每年补助两万元，服务期不少于五年。\n\n\
县教育局表示，新教师将在暑期接受为期两周的岗前培训，由市师范学院的教师授课，培训合格后上岗。\n\n\
据介绍，全县现有乡村小学86所，在校学生1.2万名，近三年来共投入资金1.6亿元改善办学条件，新建教学楼12栋。";
    let dir = corpus(&[
        ("a.txt", body.as_bytes()),
        ("b.txt", body.as_bytes()),
        ("c.txt", changed.as_bytes()),
        ("d.txt", other.as_bytes()),
        ("short-1.txt", "利润总额3.2万亿元。".as_bytes()),
        ("short-2.txt", "利润总额3.2万亿元。".as_bytes()),
    ]);
    let out =
        factlint_in(dir.path(), &["check", ".", "-f", "json", "--select", "duplicate-document", "--no-config"], None);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "one finding per cluster: {v}");
    let f = &findings[0];
    assert!(f["path"].as_str().unwrap().ends_with("a.txt"), "the first document is the original");
    let related: Vec<&str> = f["related"].as_array().unwrap().iter().map(|r| r["message"].as_str().unwrap()).collect();
    assert_eq!(related.len(), 2);
    assert_eq!(related[0], "identical copy");
    assert!(related[1].contains("figures differ: 4200 → 4800"), "{related:?}");
    assert!(f["help"].as_str().unwrap().contains("4200 → 4800"));
}
