//! Saying what to check: suppression directives in every input format, per-file ignores,
//! `--extend-select`/`--extend-ignore`, configuration found from the checked path, and
//! `--show-settings`/`--show-files`.

use crate::support::{corpus, factlint_in, stderr, stdout};

fn concise(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["check", "--no-cache", "-f", "concise"];
    all.extend_from_slice(args);
    let out = factlint_in(dir, &all, None);
    (out.status.code(), stdout(&out), stderr(&out))
}

#[test]
fn plain_text_jsonl_and_csv_take_suppressions() {
    let dir = corpus(&[
        (
            "a.txt",
            "第一段，，重复。\n\n# factlint-disable-next-line repeated-punctuation\n第二段，，重复。\n\n\
             factlint-disable repeated-punctuatio\n第三段，，重复。\n"
                .as_bytes(),
        ),
        (
            "b.jsonl",
            "{\"text\":\"甲，，乙\",\"factlint_disable\":\"repeated-punctuation\"}\n{\"text\":\"丙，，丁\"}\n"
                .as_bytes(),
        ),
        ("c.csv", "id,text,factlint_disable\n1,\"庚，，辛\",all\n2,\"壬，，癸\",\n".as_bytes()),
    ]);
    let (code, out, err) = concise(dir.path(), &["."]);
    assert_eq!(code, Some(1));
    let places: Vec<&str> = out.lines().filter_map(|l| l.split(": ").next()).collect();
    assert_eq!(places, ["a.txt:1:4", "a.txt:7:4", "b.jsonl:2:11", "c.csv:3:5"], "{out}");
    assert!(!out.contains("markup-residue"), "a directive line is no residue: {out}");
    assert!(
        err.contains("a.txt:6:1: a suppression names the unknown rule `repeated-punctuatio`; did you mean `repeated-punctuation`?"),
        "{err}"
    );
}

#[test]
fn per_file_ignores_and_extend_flags_choose_the_rules() {
    let dir = corpus(&[
        (
            "proj/factlint.toml",
            b"ignore = [\"repeated-punctuation\"]\n[per-file-ignores]\n\"drafts\" = [\"markup-residue\"]\n\"*.md\" = [\"all\"]\n",
        ),
        ("proj/a.txt", "甲，，乙<br>\n".as_bytes()),
        ("proj/drafts/b.txt", "丙，，丁<br>\n".as_bytes()),
        ("proj/c.md", "戊，，己&nbsp;\n".as_bytes()),
    ]);
    let rules_at = |out: &str| -> Vec<String> {
        out.lines()
            .map(|l| format!("{} {}", l.split(':').next().unwrap(), l.split(['[', ']']).nth(1).unwrap()))
            .collect()
    };
    // The configuration is found from the checked path, not only from the working folder.
    let (code, out, _) = concise(dir.path(), &["proj"]);
    assert_eq!((code, rules_at(&out)), (Some(1), vec!["proj/a.txt markup-residue".to_string()]), "{out}");
    let (_, out, _) = concise(dir.path(), &["proj", "--extend-select", "repeated-punctuation"]);
    let want =
        ["proj/a.txt repeated-punctuation", "proj/a.txt markup-residue", "proj/drafts/b.txt repeated-punctuation"];
    assert_eq!(rules_at(&out), want, "a rule selected on the command line is no longer ignored");
    let (_, out, _) = concise(dir.path(), &["proj", "--extend-ignore", "markup-residue"]);
    assert_eq!((out.as_str()), "");
    let (code, _, err) = concise(dir.path(), &["proj", "--extend-select", "markup-residu"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("did you mean `markup-residue`"), "{err}");
}

#[test]
fn a_per_file_ignore_naming_an_unknown_rule_is_a_config_error() {
    let dir = corpus(&[("factlint.toml", b"[per-file-ignores]\n\"*.txt\" = [\"boilerplat\"]\n"), ("a.txt", b"x\n")]);
    let (code, _, err) = concise(dir.path(), &["."]);
    assert_eq!(code, Some(2));
    assert!(err.contains("unknown rule `boilerplat`") && err.contains("did you mean `boilerplate`"), "{err}");
}

#[test]
fn show_settings_and_show_files_say_what_a_run_would_use() {
    let dir = corpus(&[
        (
            "proj/factlint.toml",
            b"exclude = [\"old\"]\nignore = [\"boilerplate\"]\n[rules.markup-residue]\nseverity = \"error\"\n",
        ),
        ("proj/a.txt", "甲。\n".as_bytes()),
        ("proj/old/b.txt", "乙。\n".as_bytes()),
        ("proj/c.jsonl", "{\"body\":\"丙\"}\n\n{\"body\":\"丁\"}\n".as_bytes()),
        ("proj/d.csv", b"id,words\n1,x\n"),
    ]);
    let out = factlint_in(dir.path(), &["check", "proj", "--show-settings", "--select", "markup-residue"], None);
    assert_eq!(out.status.code(), Some(0));
    let settings = stdout(&out);
    let config = dir.path().join("proj/factlint.toml").canonicalize().unwrap();
    assert!(settings.starts_with(&format!("# configuration: {}\n", config.display())), "{settings}");
    for line in
        ["exclude = [\"old\"]", "select = [\"markup-residue\"]", "markup-residue = \"error\"", "boilerplate = \"off\""]
    {
        assert!(settings.lines().any(|l| l == line), "{line} in\n{settings}");
    }
    let out = factlint_in(dir.path(), &["check", "proj", "--show-files"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "proj/a.txt\ttext\nproj/c.jsonl\tjsonl\t2 records, text field `body`\n\
         proj/d.csv\tcsv\t1 record, no text field (text, content, body)\n"
    );
}

#[test]
fn a_pattern_rule_turned_off_does_not_run() {
    let pattern =
        "[[pattern]]\nid = \"unsourced\"\nkind = \"existence\"\ntokens = [\"据传\"]\nfail = [\"据传有1007家。\"]\n";
    let dir = corpus(&[("factlint.toml", pattern.as_bytes()), ("a.txt", "据传全国有1007家医院。\n".as_bytes())]);
    let (code, out, _) = concise(dir.path(), &["."]);
    assert_eq!(code, Some(1));
    assert!(out.contains("[unsourced]"), "{out}");
    let off = format!("{pattern}severity = \"off\"\n");
    std::fs::write(dir.path().join("factlint.toml"), off).unwrap();
    let (code, out, _) = concise(dir.path(), &["."]);
    assert_eq!((code, out.as_str()), (Some(0), ""));
}
