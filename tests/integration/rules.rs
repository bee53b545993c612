//! Meta-tests over the rule registry: every rule `factlint rules` lists has its docs
//! (`explain`, with an example in Chinese and in English, and a section in docs/rules.md),
//! a fixture folder under `tests/fixtures/rules/<id>/` on which it fires, and a golden
//! snapshot of the human output on that fixture.

use crate::support::{factlint, repo, stdout};
use serde_json::Value;

fn rule_ids() -> Vec<String> {
    let out = factlint(&["rules", "-f", "json", "--no-config"], None);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    v["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

fn has_han(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_rule_is_explained_with_examples_in_both_languages() {
    let docs = std::fs::read_to_string(repo().join("docs/rules.md")).unwrap();
    let ids = rule_ids();
    assert!(ids.len() >= 13, "{ids:?}");
    for id in &ids {
        let out = factlint(&["explain", id, "--no-config"], None);
        assert_eq!(out.status.code(), Some(0), "explain {id}");
        let text = stdout(&out);
        assert!(text.len() > 200, "explain {id} says too little: {text}");
        // Each rule shows what it flags in a Chinese text and in an English one.
        let example = |label: &str| {
            let start = text.find(&format!("\n{label}"))? + 1;
            let rest = &text[start + label.len()..];
            let end = ["\n\n", "\nChinese:", "\nEnglish:"].iter().filter_map(|m| rest.find(m)).min();
            Some(rest[..end.unwrap_or(rest.len())].to_string())
        };
        let chinese = example("Chinese:").unwrap_or_default();
        assert!(has_han(&chinese), "explain {id} has no Chinese example");
        assert!(example("English:").is_some_and(|p| p.len() > 40), "explain {id} has no English example");
        assert!(docs.contains(&format!("\n## {id}\n")), "docs/rules.md lacks a section on {id}");
    }
}

#[test]
fn every_rule_fires_on_its_fixture_and_matches_its_snapshot() {
    for id in rule_ids() {
        let folder = format!("tests/fixtures/rules/{id}");
        assert!(repo().join(&folder).is_dir(), "{folder} is missing");
        let out =
            factlint(&["check", &folder, "--no-config", "--select", &id, "-f", "json", "--fail-on", "never"], None);
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let fired = v["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == id.as_str()).count();
        assert!(fired >= 1, "{id} does not fire on {folder}");
        let human = factlint(
            &["check", &folder, "--no-config", "--select", &id, "--color", "never", "--fail-on", "never"],
            None,
        );
        insta::assert_snapshot!(format!("rule_{id}"), stdout(&human));
    }
}
