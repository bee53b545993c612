//! `factlint check` as a CI gate and pre-commit hook: every output format (golden
//! snapshots), SARIF validity, configuration and its errors, suppression comments,
//! baselines, `--corpus-root`, `--statistics` and stdin.

use crate::support::{corpus, factlint, factlint_in, repo, stderr, stdout};
use serde_json::Value;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/quality";

fn check(format: &str) -> String {
    let out = factlint(&["check", FIXTURE, "-f", format, "--no-config", "--color", "never"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn every_output_format_matches_its_snapshot() {
    for format in ["human", "concise", "json", "github", "sarif"] {
        insta::assert_snapshot!(format!("check_{format}_quality"), check(format));
    }
}

/// The official SARIF 2.1.0 schema, as shipped in the serde-sarif crate (a
/// dev-dependency), found through `cargo metadata`.
fn sarif_schema() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1"])
        .current_dir(repo())
        .output()
        .expect("cargo metadata runs");
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON");
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .and_then(|p| p["manifest_path"].as_str())
        .expect("serde-sarif is a dev-dependency");
    let schema = Path::new(manifest).parent().unwrap().join("src/schema.json");
    serde_json::from_str(&std::fs::read_to_string(schema).unwrap()).unwrap()
}

pub(crate) fn assert_valid_sarif(text: &str) {
    let log: Value = serde_json::from_str(text).unwrap();
    let schema = sarif_schema();
    assert!(schema["title"].as_str().unwrap().contains("2.1.0"));
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("sarif-schema.json", schema).unwrap();
    let index = compiler.compile("sarif-schema.json", &mut schemas).unwrap();
    if let Err(e) = schemas.validate(&log, index) {
        panic!("SARIF output does not validate: {e:#}");
    }
    // The typed model of the same schema reads it too.
    let typed: Result<serde_sarif::sarif::Sarif, _> = serde_json::from_value(log);
    assert!(typed.is_ok(), "{typed:?}");
}

#[test]
fn sarif_output_validates_against_the_official_schema() {
    let text = check("sarif");
    assert_valid_sarif(&text);
    let log: Value = serde_json::from_str(&text).unwrap();
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert!(results.iter().all(|r| r["partialFingerprints"]["factlint/v1"].is_string()));
    let dup = results.iter().find(|r| r["ruleId"] == "duplicate-paragraph").unwrap();
    assert_eq!(dup["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 1);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| r["helpUri"].as_str().is_some_and(|u| u.starts_with("https://"))));
    // A broken file (a point region) validates as well.
    let dir = corpus(&[("bad.jsonl", b"{oops\n"), ("新闻 1.txt", "投入资金1.4万亿元,,支持。".as_bytes())]);
    let out = factlint_in(dir.path(), &["check", ".", "-f", "sarif", "--no-config"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_valid_sarif(&stdout(&out));
    assert!(stdout(&out).contains("%E6%96%B0%E9%97%BB%201.txt"), "non-ASCII paths are percent-encoded");
}

#[test]
fn output_file_keeps_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.json");
    let out = factlint(&["check", FIXTURE, "-f", "json", "-o", file.to_str().unwrap(), "--no-config"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
}

#[test]
fn github_format_writes_a_step_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.args(["check", FIXTURE, "-f", "github", "--no-config"])
        .current_dir(repo())
        .env("GITHUB_STEP_SUMMARY", &summary);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let md = std::fs::read_to_string(summary).unwrap();
    assert!(md.contains("| `duplicate-paragraph` | warning | 1 |"), "{md}");
}

#[test]
fn statistics_count_findings_per_rule() {
    let out = factlint(&["check", FIXTURE, "--statistics", "--no-config"], None);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert!(first.contains("2  markup-residue"), "{text}");
    let out = factlint(&["check", FIXTURE, "--statistics", "-f", "json", "--no-config"], None);
    let rows: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows.as_array().unwrap().iter().map(|r| r["count"].as_u64().unwrap()).sum::<u64>(), 6);
}

#[test]
fn stdin_is_checked_under_its_given_name() {
    let text = "<!-- factlint-disable repeated-punctuation -->\n\n甲乙丙，，丁。\n";
    let out = factlint(
        &["check", "-", "--stdin-filename", "notes.md", "-f", "concise", "--no-config"],
        Some(text.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "suppressed: {}", stdout(&out));
    let out = factlint(
        &["check", "-", "--stdin-filename", "notes.txt", "-f", "concise", "--no-config"],
        Some("甲乙丙，，丁。\n".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("notes.txt:1:4: warning[repeated-punctuation]"), "{}", stdout(&out));
}

#[test]
fn suppression_comments_silence_a_region_in_markdown_and_html() {
    let md = "---\ntitle: t\n---\n\n甲，，乙。\n\n<!-- factlint-disable repeated-punctuation -->\n\n丙，，丁。\n\n<!-- factlint-enable -->\n\n戊，，己。\n";
    let html = "<html><body><p>甲，，乙。</p><!-- factlint-disable --><p>丙，，丁。</p></body></html>";
    let dir = corpus(&[("a.md", md.as_bytes()), ("b.html", html.as_bytes())]);
    let out = factlint_in(dir.path(), &["check", ".", "-f", "concise", "--no-config"], None);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("./a.md:5:") || lines[0].starts_with("a.md:5:"), "{text}");
    assert!(lines[1].contains("a.md:13:"), "{text}");
    assert!(lines[2].contains("b.html:1:"), "{text}");
}

#[test]
fn baseline_round_trip_survives_edits_elsewhere() {
    let dir = corpus(&[("a.txt", "前言。\n\n甲乙丙，，丁。\n".as_bytes())]);
    let out = factlint_in(dir.path(), &["check", ".", "--no-config", "--write-baseline", "baseline.json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap()).unwrap();
    assert_eq!(base["findings"].as_array().unwrap().len(), 1);
    assert!(base.to_string().contains("\"rule\":\"repeated-punctuation\""));
    // Lines added above: the baselined finding stays accepted.
    std::fs::write(dir.path().join("a.txt"), "新的第一段。\n\n前言。\n\n甲乙丙，，丁。\n").unwrap();
    let args = ["check", "a.txt", "--no-config", "--baseline", "baseline.json", "-f", "concise"];
    let out = factlint_in(dir.path(), &args, None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stderr(&out).contains("1 finding already in baseline baseline.json not shown"), "{}", stderr(&out));
    // A new defect is reported.
    std::fs::write(dir.path().join("a.txt"), "新的第一段。,,\n\n前言。\n\n甲乙丙，，丁。\n").unwrap();
    let out = factlint_in(dir.path(), &args, None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    let out = factlint_in(dir.path(), &["check", "a.txt", "--no-config", "--baseline", "missing.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.json"));
}

#[test]
fn corpus_root_reports_only_on_the_given_paths() {
    let dir =
        corpus(&[("corpus/a.txt", "甲乙丙，，丁。\n".as_bytes()), ("corpus/b.txt", "戊己庚，，辛。\n".as_bytes())]);
    let out = factlint_in(
        dir.path(),
        &["check", "corpus/b.txt", "--corpus-root", "corpus", "-f", "json", "--no-config"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let paths: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["corpus/b.txt"]);
    assert_eq!(v["summary"]["documents"], 2, "the whole corpus is read");
}

#[test]
fn configuration_sets_severities_options_excludes_and_patterns() {
    let config = r#"
exclude = ["drafts"]
ignore = ["boilerplate"]
patterns = ["house.toml"]

[rules.repeated-punctuation]
severity = "error"

[rules.duplicate-paragraph]
severity = "off"

[[pattern]]
id = "no-rumours"
kind = "existence"
tokens = ["据传"]
fail = ["据传有1007家"]
pass = ["据统计有1007家"]
"#;
    let house = std::fs::read(repo().join("examples/patterns/house-style.toml")).unwrap();
    let dir = corpus(&[
        ("factlint.toml", config.as_bytes()),
        ("house.toml", &house),
        ("a.txt", "据传投入1.4万亿人民币元，，用于医院。\n".as_bytes()),
        ("drafts/b.txt", "草稿，，未完。\n".as_bytes()),
    ]);
    let sub = dir.path().join("a-subfolder");
    std::fs::create_dir(&sub).unwrap();
    let out = factlint_in(dir.path(), &["check", ".", "-f", "concise"], None);
    let text = stdout(&out);
    assert!(text.contains("error[repeated-punctuation]"), "{text}");
    assert!(text.contains("warning[no-rumours]"), "{text}");
    assert!(text.contains("info[prefer-yuan] write `元`, not `人民币元`"), "{text}");
    assert!(!text.contains("drafts"), "{text}");
    // Found from a subfolder too (discovery walks up).
    let out = factlint_in(&sub, &["check", "../a.txt", "-f", "concise"], None);
    assert!(stdout(&out).contains("no-rumours"), "{}", stdout(&out));
    let out = factlint_in(dir.path(), &["check", ".", "-f", "concise", "--no-config"], None);
    assert!(!stdout(&out).contains("no-rumours"));
    let out = factlint_in(dir.path(), &["rules", "-f", "json"], None);
    assert!(stdout(&out).contains("\"id\": \"no-rumours\""));
    let out = factlint_in(dir.path(), &["explain", "prefer-yuan"], None);
    assert!(stdout(&out).contains("人民币元"), "{}", stdout(&out));
}

fn config_error(config: &str) -> String {
    let dir = corpus(&[("factlint.toml", config.as_bytes()), ("a.txt", "甲。\n".as_bytes())]);
    let out = factlint_in(dir.path(), &["check", "."], None);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    stderr(&out)
}

#[test]
fn configuration_errors_name_the_file_line_and_problem() {
    let e = config_error("[rules.repeated-punctuation]\nseverity = \"loud\"\n");
    assert!(e.contains("factlint.toml") && e.contains("unknown severity `loud`") && e.contains("2 │"), "{e}");
    let e = config_error("exclud = [\"x\"]\n");
    assert!(e.contains("unknown field `exclud`") && e.contains("1 │"), "{e}");
    let e = config_error("[rules.duplicate-paragraf]\nseverity = \"error\"\n");
    assert!(e.contains("unknown rule `duplicate-paragraf`") && e.contains("did you mean `duplicate-paragraph`"), "{e}");
    let e = config_error("[rules.boilerplate]\nnear = 0.5\n");
    assert!(e.contains("`boilerplate` takes no option `near`") && e.contains("2 │"), "{e}");
    let e = config_error("[rules.markup-residue]\nphrases = [\"x\"]\n");
    assert!(e.contains("`markup-residue` takes no option `phrases`"), "{e}");
    let e = config_error("[[pattern]]\nid = \"bad\"\nkind = \"existence\"\nregex = [\"(unclosed\"]\n");
    assert!(e.contains("invalid regular expression") && e.contains("4 │"), "{e}");
    let e = config_error("[[pattern]]\nid = \"p\"\nkind = \"existence\"\ntokens = [\"据传\"]\nfail = [\"没有\"]\n");
    assert!(e.contains("does not flag its `fail` example"), "{e}");
    let e = config_error("[rules.duplicate-paragraph]\nnear = 1.5\n");
    assert!(e.contains("near must be in (0, 1]"), "{e}");
    let dir = corpus(&[
        ("factlint.toml", b"glossaries = [\"g.toml\"]\n"),
        ("g.toml", b"[[term]]\nzh = [\"\xe5\x87\xba\xe5\xa2\x83\"]\nen = [\"outbound\"]\nfr = [\"sortant\"]\n"),
        ("a.txt", "甲。\n".as_bytes()),
    ]);
    let out = factlint_in(dir.path(), &["check", "."], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("g.toml") && stderr(&out).contains("unknown field `fr`"), "{}", stderr(&out));
    std::fs::write(dir.path().join("g.toml"), "[[term]]\nzh = [\"出境\"]\nen = [\"outbound\"]\n").unwrap();
    assert_eq!(factlint_in(dir.path(), &["check", "."], None).status.code(), Some(0), "a valid glossary file loads");
    let e = config_error("ignore = [\"nonsense\"]\n");
    assert!(e.contains("unknown rule `nonsense`"), "{e}");
    let out = factlint(&["check", FIXTURE, "--config", "no/such/factlint.toml"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/factlint.toml"));
}

#[test]
fn every_pattern_file_passes_its_own_examples() {
    let mut checked = 0;
    for dir in ["examples/patterns", "tests/fixtures/patterns"] {
        let Ok(entries) = std::fs::read_dir(repo().join(dir)) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let rules = factlint::config::load_pattern_file(&path).unwrap_or_else(|e| panic!("{e:?}"));
            assert!(!rules.is_empty(), "{}", path.display());
            checked += rules.len();
        }
    }
    assert!(checked >= 2);
}

#[test]
fn exit_code_2_on_usage_errors() {
    let out = factlint(&["check", FIXTURE, "--fail-on", "sometimes"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = factlint(&["check", FIXTURE, "--config", "x.toml", "--no-config"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn corpus_root_compares_the_given_paths_with_their_stories_only() {
    let health = |hospitals: &str| {
        format!(
            "十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院，全国{hospitals}城市三级医院参与帮扶，\
             医务人员下沉基层11.8万人次。\n"
        )
    };
    let jobs = |loans: &str| {
        format!(
            "今年以来全市新增就业岗位3.2万个，城镇调查失业率为5.1%，培训农民工8.7万人次，\
             累计发放创业担保贷款{loans}，扶持创业人员4863人。\n"
        )
    };
    let dir = corpus(&[
        ("corpus/health-a.txt", health("1007家").as_bytes()),
        ("corpus/health-b.txt", health("1070家").as_bytes()),
        ("corpus/health-c.txt", health("1007家").as_bytes()),
        ("corpus/jobs-a.txt", jobs("12.6亿元").as_bytes()),
        ("corpus/jobs-b.txt", jobs("12.6亿元").as_bytes()),
        ("corpus/jobs-c.txt", jobs("16.2亿元").as_bytes()),
    ]);
    let contradictions = |args: &[&str]| {
        let mut all = vec!["check", "-f", "json", "--no-config", "--select", "numeric-contradiction"];
        all.extend_from_slice(args);
        let v: Value = serde_json::from_str(&stdout(&factlint_in(dir.path(), &all, None))).unwrap();
        let mut paths: Vec<String> =
            v["findings"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().to_string()).collect();
        paths.sort();
        paths
    };
    assert_eq!(contradictions(&["corpus"]), ["corpus/health-b.txt", "corpus/jobs-c.txt"]);
    assert_eq!(contradictions(&["corpus/health-b.txt", "--corpus-root", "corpus"]), ["corpus/health-b.txt"]);
    assert_eq!(contradictions(&["corpus/jobs-a.txt", "--corpus-root", "corpus"]), Vec::<String>::new());
}
