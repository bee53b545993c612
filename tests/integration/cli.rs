//! `factlint extract` as a user runs it: formats, positions, inputs, errors, exit codes.

use crate::support::{claims, corpus, factlint, factlint_in, stderr, stdout};
use serde_json::Value;

fn find<'a>(all: &'a [Value], text: &str) -> Vec<&'a Value> {
    all.iter().filter(|c| c["text"] == text).collect()
}

#[test]
fn example_corpus_claims_have_the_contract_shape() {
    let out = factlint(&["extract", "examples/corpus", "-f", "jsonl"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = claims(&out);
    let keys = [
        "path",
        "doc",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "text",
        "value",
        "low",
        "high",
        "qualifier",
        "dimension",
        "unit",
        "subject",
    ];
    for c in &all {
        let obj = c.as_object().unwrap();
        assert_eq!(obj.keys().map(String::as_str).collect::<Vec<_>>().len(), keys.len(), "{c}");
        for k in keys {
            assert!(obj.contains_key(k), "{k} missing in {c}");
        }
    }
    let trillion = find(&all, "1.4万亿元");
    assert_eq!(trillion.len(), 3, "md, txt and jsonl state it in simplified script");
    assert!(trillion.iter().all(|c| c["value"] == 1.4e12 && c["unit"] == "CNY" && c["qualifier"] == "exact"));
    let planted = find(&all, "1070家");
    assert_eq!(planted.len(), 1);
    assert_eq!(planted[0]["path"], "examples/corpus/taipei-report.html");
    let more = &find(&all, "1700多亿元")[0];
    assert_eq!((more["low"].as_f64(), more["high"].as_f64()), (Some(1.7e11), Some(1.8e11)));
    let en = &find(&all, "More than 170 billion yuan")[0];
    assert_eq!(
        (en["value"].as_f64(), en["qualifier"].as_str(), en["high"].is_null()),
        (Some(1.7e11), Some("more_than"), true)
    );
}

#[test]
fn byte_spans_point_at_the_original_bytes() {
    let out = factlint(&["extract", "examples/corpus", "-f", "jsonl"], None);
    for c in claims(&out) {
        let path = crate::support::repo().join(c["path"].as_str().unwrap());
        let raw = std::fs::read(&path).unwrap();
        let (s, e) = (c["byte_start"].as_u64().unwrap() as usize, c["byte_end"].as_u64().unwrap() as usize);
        let shown = std::str::from_utf8(&raw[s..e]).expect("span on character boundaries");
        // Through JSON escapes the raw text may differ; everywhere else it is the same.
        if !shown.contains('\\') {
            assert_eq!(shown, c["text"].as_str().unwrap(), "{}", c["path"]);
        }
        // Line and column agree with the byte offset.
        let text = String::from_utf8(raw).unwrap();
        let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(c["line"].as_u64().unwrap() as usize, text[..s].matches('\n').count() + 1);
        assert_eq!(c["column"].as_u64().unwrap() as usize, text[line_start..s].chars().count() + 1);
    }
}

#[test]
fn json_format_is_one_document() {
    let out = factlint(&["extract", "examples/corpus/wire-english.txt", "-f", "json"], None);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = v["claims"].as_array().unwrap();
    assert!(list.iter().any(|c| c["text"] == "1,007 urban tertiary hospitals" && c["unit"] == "hospitals"));
    assert!(list.iter().all(|c| c["path"] == "examples/corpus/wire-english.txt"));
}

#[test]
fn stdin_is_read_as_the_named_format() {
    let input = "{\"id\": \"r1\", \"text\": \"累计招聘3000多名全科医生。\"}\n".as_bytes();
    let out = factlint(&["extract", "-", "--stdin-filename", "feed.jsonl", "-f", "jsonl"], Some(input));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = claims(&out);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0]["doc"].as_str(), all[0]["value"].as_f64()), (Some("feed.jsonl#r1"), Some(3000.0)));
}

#[test]
fn unreadable_input_is_reported_and_the_rest_still_read() {
    let dir = corpus(&[
        ("a-good.txt", "共有1007家医院参与。".as_bytes()),
        ("b-bad.txt", b"first line\nbad \xff\xfe\x00\x01 bytes 12\xc3"),
        (
            "c-records.jsonl",
            b"{\"text\": \"\xe6\x8a\x95\xe5\x85\xa51.4\xe4\xb8\x87\xe4\xba\xbf\xe5\x85\x83\"}\n{not json\n",
        ),
        ("d-post.md", "---\ntitle: 无结尾\n共有1007家".as_bytes()),
    ]);
    let out = factlint_in(dir.path(), &["extract", ".", "-f", "jsonl"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("b-bad.txt:2:5: error[unreadable-input]"), "{err}");
    assert!(err.contains("c-records.jsonl:2:"), "{err}");
    assert!(err.contains("d-post.md:1:1: error[unreadable-input]: front matter"), "{err}");
    let docs: Vec<String> = claims(&out).iter().map(|c| c["doc"].as_str().unwrap().to_string()).collect();
    assert_eq!(docs, ["a-good.txt", "c-records.jsonl#1"]);
}

#[test]
fn gb18030_files_are_decoded_and_mapped() {
    // "全省共投入资金一百六十五亿元，建设项目二千六百三十八个。" in GB18030
    let text = "全省共投入资金一百六十五亿元，建设项目二千六百三十八个，覆盖所有县区。";
    let bytes = encode_gb18030(text);
    let dir = corpus(&[("gb.txt", &bytes)]);
    let out = factlint_in(dir.path(), &["extract", "gb.txt", "-f", "jsonl"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = claims(&out);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["value"].as_f64(), Some(1.65e10));
    let (s, e) = (all[1]["byte_start"].as_u64().unwrap() as usize, all[1]["byte_end"].as_u64().unwrap() as usize);
    assert_eq!(&bytes[s..e], &encode_gb18030("二千六百三十八个")[..]);
}

fn encode_gb18030(s: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(s).0.into_owned()
}

#[test]
fn missing_path_is_an_input_error() {
    let out = factlint(&["extract", "no/such/dir"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/dir"));
}

#[test]
fn bad_arguments_are_usage_errors() {
    let out = factlint(&["extract", "-f", "yaml"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = factlint(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn gitignored_files_are_skipped() {
    let dir = corpus(&[
        (".gitignore", b"drafts/\n"),
        ("a.txt", "共有1007家。".as_bytes()),
        ("drafts/b.txt", "共有1172家。".as_bytes()),
    ]);
    let out = factlint_in(dir.path(), &["extract", ".", "-f", "jsonl"], None);
    let values: Vec<f64> = claims(&out).iter().map(|c| c["value"].as_f64().unwrap()).collect();
    assert_eq!(values, [1007.0]);
}

#[test]
fn human_output_of_the_example_corpus() {
    let out = factlint(&["extract", "examples/corpus"], None);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("extract_human_example_corpus", stdout(&out));
}

#[test]
fn jsonl_output_of_the_example_corpus() {
    let out = factlint(&["extract", "examples/corpus", "-f", "jsonl"], None);
    insta::assert_snapshot!("extract_jsonl_example_corpus", stdout(&out));
}

#[test]
fn output_is_identical_at_any_thread_count() {
    let one = factlint(&["extract", "examples/corpus", "-f", "jsonl", "--threads", "1"], None);
    let four = factlint(&["extract", "examples/corpus", "-f", "jsonl", "--threads", "4"], None);
    assert_eq!(stdout(&one), stdout(&four));
}

#[test]
fn an_option_given_twice_takes_its_last_value() {
    // What pre-commit runs: the hook's entry, then the user's args, then the staged files.
    let article = "---\ndate: 2022-05-24\n---\n\n全国共有1007家城市三级医院与1172家县级医院结对，投入1.4万亿元。\n";
    let reprint = article.replace("1007家", "1070家");
    let dir = corpus(&[("corpus/a.md", article.as_bytes()), ("corpus/b.md", reprint.as_bytes()), ("notes.md", b"x\n")]);
    let args =
        ["check", "--corpus-root", ".", "--corpus-root", "corpus", "corpus/b.md", "--no-config", "-f", "concise"];
    let out = factlint_in(dir.path(), &args, None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("corpus/b.md:5:") && stdout(&out).contains("numeric-contradiction"));
}

#[test]
fn output_format_is_an_alias_and_every_command_writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    for (command, name) in [("check", "check.json"), ("extract", "claims.json"), ("align", "stories.json")] {
        let out = factlint(&[command, "examples/corpus", "--output-format", "json", "-o", &file(name)], None);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{command}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{command} wrote to stdout");
        let written: Value = serde_json::from_str(&std::fs::read_to_string(file(name)).unwrap()).unwrap();
        assert!(written.is_object(), "{command}");
    }
    let out = factlint(&["rules", "--output-format", "json"], None);
    assert!(serde_json::from_slice::<Value>(&out.stdout).is_ok());
    // An output that is one of the inputs is refused, for extract and align too.
    let input = corpus(&[("a.txt", "投入1.4万亿元。\n".as_bytes())]);
    for command in ["extract", "align"] {
        let out = factlint_in(input.path(), &[command, ".", "--no-config", "-o", "a.txt"], None);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert_eq!(std::fs::read_to_string(input.path().join("a.txt")).unwrap(), "投入1.4万亿元。\n");
    }
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    for command in ["check", "extract", "align"] {
        let out = factlint(&[command, "no/such/place", "--no-config"], None);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(stderr(&out).contains("no/such/place: no such file or folder"), "{command}: {}", stderr(&out));
        assert!(!stdout(&out).contains("unreadable-input"), "{command}");
    }
}

#[test]
fn a_mistyped_text_field_is_said_once_with_the_fields_records_have() {
    let records: String =
        (0..200).map(|i| format!("{{\"id\": {i}, \"content\": \"投入{i}万元\", \"title\": \"t\"}}\n")).collect();
    let dir = corpus(&[("d.jsonl", records.as_bytes())]);
    let out =
        factlint_in(dir.path(), &["check", "d.jsonl", "--no-config", "--text-field", "txt", "-f", "concise"], None);
    assert_eq!(out.status.code(), Some(2));
    let shown = stdout(&out);
    assert_eq!(shown.lines().filter(|l| l.contains("unreadable-input")).count(), 1, "{shown}");
    assert!(shown.contains("and 199 more records") && shown.contains("content, title"), "{shown}");
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    use std::io::Read;
    for args in [
        &["rules"][..],
        &["explain", "numeric-contradiction"],
        &["extract", "examples/corpus", "-f", "jsonl"],
        &["check", "examples/corpus", "-f", "json"],
        &["align", "examples/corpus"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(args)
            .current_dir(crate::support::repo())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Read a byte, then close the pipe, as `| head -c 1` does.
        let mut first = [0u8; 1];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        let status = child.wait().unwrap();
        assert!(status.code().is_some_and(|c| c <= 2), "{args:?}: {status:?} {err}");
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{args:?}: {err}");
    }
}

#[test]
fn a_mistyped_rule_id_gets_a_suggestion() {
    for args in [
        &["explain", "numeric-contradction"][..],
        &["check", "examples/corpus", "--select", "numeric-contradction,unit-mismatsh"],
    ] {
        let out = factlint(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("did you mean `"), "{args:?}: {}", stderr(&out));
    }
    let out = factlint(&["explain", "zzz"], None);
    assert!(stderr(&out).contains("`factlint rules` lists them"), "{}", stderr(&out));
}

#[test]
fn completions_name_the_commands_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = factlint(&["completions", shell], None);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        assert!(script.contains("factlint") && script.contains("check") && script.contains("corpus-root"), "{shell}");
    }
    assert_eq!(factlint(&["completions", "tcsh"], None).status.code(), Some(2));
}

#[test]
fn exclude_takes_globs_and_force_exclude_applies_to_named_files() {
    let text = "投入1.4万亿元，，支持医院。\n";
    let dir = corpus(&[
        ("corpus/a.txt", text.as_bytes()),
        ("corpus/2022/b.txt", text.as_bytes()),
        ("corpus/drafts/c.md", text.as_bytes()),
    ]);
    let shown = |args: &[&str]| {
        let out = factlint_in(dir.path(), args, None);
        let mut files: Vec<String> =
            stdout(&out).lines().filter_map(|l| l.split(':').next()).map(str::to_string).collect();
        files.dedup();
        (out.status.code(), files)
    };
    let base = ["check", "corpus", "--no-config", "-f", "concise", "--select", "repeated-punctuation"];
    let with = |extra: &[&'static str]| [&base[..], extra].concat();
    assert_eq!(shown(&with(&["--exclude", "**/*.txt"])).1, ["corpus/drafts/c.md"]);
    assert_eq!(shown(&with(&["--exclude", "drafts"])).1, ["corpus/2022/b.txt", "corpus/a.txt"]);
    assert_eq!(shown(&with(&["--exclude", "corpus/*.txt"])).1, ["corpus/2022/b.txt", "corpus/drafts/c.md"]);
    let (code, _) = shown(&with(&["--exclude", "corpus/[a"]));
    assert_eq!(code, Some(2));
    // A file named on the command line is read unless --force-exclude says otherwise.
    let named = ["check", "corpus/drafts/c.md", "--no-config", "-f", "concise", "--exclude", "drafts"];
    assert_eq!(shown(&named).1, ["corpus/drafts/c.md"]);
    let (code, files) = shown(&[&named[..], &["--force-exclude"]].concat());
    assert!(files.is_empty(), "{files:?}");
    assert_eq!(code, Some(0), "every named file excluded on purpose: nothing to check");
}

#[test]
fn verbose_runs_say_why_a_figure_was_not_compared() {
    let article = "---\ndate: 2022-05-24\n---\n\n国家卫生健康委介绍，全国共有1007家城市三级医院与1172家县级医院建立对口帮扶关系。\n\n\
                   中央财政累计投入资金1.4万亿元，派出医务人员11.8万人次。\n";
    let far = article.replace("1007家", "5070家").replace("05-24", "05-25");
    let dir = corpus(&[("a.md", article.as_bytes()), ("b.md", far.as_bytes())]);
    let args = ["check", ".", "--no-config", "-v", "-f", "concise", "--select", "numeric-contradiction"];
    let out = factlint_in(dir.path(), &args, None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stderr(&out).contains("not compared: 5070 家"), "{}", stderr(&out));
    assert!(stderr(&out).contains("more than 3× apart"), "{}", stderr(&out));
}

#[test]
fn quiet_prints_findings_only() {
    let dir = corpus(&[("a.txt", "投入1.4万亿元，，支持医院。\n".as_bytes())]);
    let loud = factlint_in(dir.path(), &["check", ".", "--no-config"], None);
    assert!(stdout(&loud).contains("Found 1 finding"));
    let out = factlint_in(dir.path(), &["check", ".", "--no-config", "-q"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("repeated-punctuation") && !stdout(&out).contains("Found 1 finding"));
    factlint_in(dir.path(), &["check", ".", "--no-config", "--write-baseline", "b.json"], None);
    let out = factlint_in(dir.path(), &["check", ".", "--no-config", "-q", "--baseline", "b.json"], None);
    assert_eq!((out.status.code(), stdout(&out).as_str(), stderr(&out).as_str()), (Some(0), "", ""));
}
