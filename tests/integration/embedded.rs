//! factlint as a library over records a caller holds (`factlint::embedded`, what the
//! Python package calls): the findings of `factlint check` on the same records written as
//! a JSON Lines file, with positions inside each record's text.

use crate::support::{factlint, stdout, LONG, REPORT, REWRITE};
use factlint::embedded::{Linter, LinterError};
use serde_json::{json, Map, Value};

const PARAGRAPH: &str = "有关方面表示，下一步将继续完善配套措施，推动各项政策尽快落到实处。";

/// Records with a contradiction, a copied record, a repeated paragraph, a turned-off
/// rule, two records without text, an integer id and one record with nothing but a title.
fn records() -> Vec<Value> {
    let filler = |i: i32| format!("第{i}号简报：当日最高气温{}摄氏度，空气质量良，东南风二级。", 10 + i);
    vec![
        json!({"id": "r1", "date": "2024-05-20", "title": "县级医院帮扶通报", "text": REPORT}),
        json!({"id": 2, "text": filler(2)}),
        json!({"id": "r3", "date": "2024-05-21", "text": REWRITE}),
        json!({"id": "r4", "text": format!("{}\n\n{PARAGRAPH}\n\n{PARAGRAPH}", filler(4))}),
        json!({"id": "r5", "body": 17}),
        json!({"id": "r6", "text": LONG}),
        json!({"id": "r7", "text": LONG}),
        json!({"text": LONG, "factlint_disable": ["duplicate-document"]}),
        json!({"id": "r9", "title": "只有标题"}),
    ]
}

/// What a finding says wherever its positions count: its fields other than positions,
/// and the text its place and related places point at.
fn said(finding: &Value, text_of: &dyn Fn(&str) -> String) -> String {
    let at = |place: &Value| -> String {
        let (start, end) =
            (place["byte_start"].as_u64().unwrap() as usize, place["byte_end"].as_u64().unwrap() as usize);
        text_of(place["doc"].as_str().unwrap()).get(start..end).unwrap_or_default().to_string()
    };
    let related: Vec<String> = finding["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{} {} {:?}", r["doc"], r["message"], at(r)))
        .collect();
    format!(
        "{} {} {} {} {} {:?} {related:?}",
        finding["rule"],
        finding["severity"],
        finding["doc"],
        finding["message"],
        finding["fingerprint"],
        at(finding)
    )
}

#[test]
fn records_get_the_findings_of_the_same_records_in_a_jsonl_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("batch.jsonl");
    let lines: String = records().iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(&path, &lines).unwrap();
    let shown = path.to_str().unwrap();
    let out = factlint(&["check", shown, "-f", "json"], None);
    let cli: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cli_findings = cli["findings"].as_array().unwrap();
    let rules: Vec<&str> = cli_findings.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    for rule in ["numeric-contradiction", "duplicate-document", "duplicate-paragraph", "unreadable-input"] {
        assert!(rules.contains(&rule), "the fixture must raise {rule}: {rules:?}");
    }

    let objects: Vec<Result<Map<String, Value>, String>> =
        records().into_iter().map(|r| Ok(r.as_object().unwrap().clone())).collect();
    let found = Linter::new(None, &[], &[]).unwrap().check(shown, objects);

    // Positions differ (inside the file against inside the text); what they point at may not.
    let file_text = |_: &str| lines.clone();
    let record_text = |doc: &str| {
        let id = doc.rsplit('#').next().unwrap();
        let record = records().into_iter().enumerate().find(|(i, r)| {
            r["id"].as_str() == Some(id)
                || r["id"].as_i64().map(|n| n.to_string()).as_deref() == Some(id)
                || (i + 1).to_string() == id
        });
        record.and_then(|(_, r)| r["text"].as_str().map(str::to_string)).unwrap_or_default()
    };
    let expected: Vec<String> = cli_findings.iter().map(|f| said(f, &file_text)).collect();
    let got: Vec<String> = found.iter().map(|f| said(f, &record_text)).collect();
    let readable = |v: &[String]| v.iter().filter(|s| !s.contains("unreadable-input")).cloned().collect::<Vec<_>>();
    assert_eq!(readable(&got), readable(&expected));
    for f in found.iter().filter(|f| f["rule"] != "unreadable-input") {
        assert_eq!(f["within"], "record", "{f}");
    }

    // Records without text are one finding at the first of them, as in the file.
    let unreadable = |v: &[Value]| -> Vec<(Value, Value)> {
        v.iter()
            .filter(|f| f["rule"] == "unreadable-input")
            .map(|f| (f["line"].clone(), f["message"].clone()))
            .collect()
    };
    let (cli_errors, errors) = (unreadable(cli_findings), unreadable(&found));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, cli_errors[0].0);
    assert!(
        errors[0]
            .1
            .as_str()
            .unwrap()
            .starts_with("record 5: no text field (text, content, body) holding a string (and 1 more records like it)"),
        "{errors:?}"
    );
}

#[test]
fn what_is_not_a_record_is_a_finding_on_its_number_and_the_rest_is_checked() {
    let select = ["duplicate-paragraph".to_string(), "unreadable-input".to_string()];
    let linter = Linter::new(None, &select, &[]).unwrap();
    let good = json!({"id": "x", "text": format!("{PARAGRAPH}\n\n{PARAGRAPH}")});
    let found = linter.check("batch", vec![Err("a Python `int`".to_string()), Ok(good.as_object().unwrap().clone())]);
    let rules: Vec<&str> = found.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["unreadable-input", "duplicate-paragraph"], "{found:?}");
    assert_eq!(found[0]["message"], "record 1: not a record but a Python `int`");
    assert_eq!((found[0]["doc"].as_str(), found[0]["line"].as_u64()), (Some("batch#1"), Some(1)));
    assert_eq!(found[1]["doc"], "batch#x");
}

#[test]
fn extract_gives_the_claims_of_one_text_inside_it() {
    let claims = Linter::new(None, &[], &[]).unwrap().extract(REPORT, "note");
    let texts: Vec<&str> = claims.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["五年", "1.4万亿元", "1172家", "1007家", "832个"]);
    let first = &claims[1];
    let (start, end) = (first["byte_start"].as_u64().unwrap() as usize, first["byte_end"].as_u64().unwrap() as usize);
    assert_eq!(&REPORT[start..end], "1.4万亿元");
    assert_eq!(
        (first["doc"].as_str(), first["within"].as_str(), first["line"].as_u64()),
        (Some("note"), Some("record"), Some(1))
    );
}

#[test]
fn an_unknown_rule_or_a_missing_configuration_is_refused() {
    let err = Linter::new(None, &["numeric-contradictoin".to_string()], &[]).unwrap_err();
    assert!(matches!(err, LinterError::UnknownRule(_)));
    assert_eq!(err.to_string(), "unknown rule `numeric-contradictoin`; did you mean `numeric-contradiction`?");
    let missing = Linter::new(Some(std::path::Path::new("/nonexistent/factlint.toml")), &[], &[]).unwrap_err();
    assert!(matches!(missing, LinterError::Config(_)), "{missing}");
}
