//! Hostile inputs and the user's files: a configuration that names files outside its
//! project, output paths that are inputs, and writes that must never leave a half file.

use crate::support::{corpus, factlint_in, stderr};

#[test]
fn a_configuration_cannot_read_files_outside_its_folder() {
    let secret = "TOKEN=hunter2-do-not-print";
    let dir = corpus(&[
        ("secret.toml", secret.as_bytes()),
        ("secret.env", secret.as_bytes()),
        ("project/a.txt", "投入1.4万亿元。\n".as_bytes()),
        ("project/notes.txt", secret.as_bytes()),
    ]);
    let outside = dir.path().join("secret.toml");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, dir.path().join("project/linked.toml")).unwrap();
    let mut names = vec![
        "../secret.toml".to_string(),
        outside.display().to_string(),
        "notes.txt".to_string(),
        "./../secret.env".into(),
    ];
    if cfg!(unix) {
        names.push("linked.toml".to_string());
    }
    for key in ["patterns", "lexicons", "glossaries"] {
        for name in &names {
            let config = format!("{key} = [{}]\n", toml_string(name));
            std::fs::write(dir.path().join("project/factlint.toml"), config).unwrap();
            let out = factlint_in(&dir.path().join("project"), &["check", "."], None);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{key} = {name}: {err}");
            assert!(!err.contains("hunter2"), "{key} = {name} printed the file: {err}");
            assert!(err.contains("outside") || err.contains("not a .toml file"), "{key} = {name}: {err}");
        }
    }
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn outputs_never_replace_inputs() {
    let article = "投入1.4万亿元，，支持1172家县级医院。\n";
    let dir = corpus(&[("corpus/article.txt", article.as_bytes()), ("corpus/b.md", "甲。\n".as_bytes())]);
    let run = |args: &[&str]| factlint_in(dir.path(), args, None);
    for args in [
        &["check", "corpus", "--no-config", "-o", "corpus/article.txt"][..],
        &["check", "corpus", "--no-config", "-o", "corpus/new-report.md"],
        &["check", "corpus", "--no-config", "--write-baseline", "corpus/b.md"],
        &["check", "corpus/article.txt", "--no-config", "-o", "./corpus/../corpus/article.txt"],
        &["index", "corpus", "--no-config", "-o", "corpus/article.txt"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("among the inputs"), "{args:?}: {}", stderr(&out));
        assert_eq!(std::fs::read_to_string(dir.path().join("corpus/article.txt")).unwrap(), article);
        assert!(!dir.path().join("corpus/new-report.md").exists());
    }
    // A report in a format factlint does not read, or an excluded path, is fine.
    let out = run(&["check", "corpus", "--no-config", "-f", "json", "-o", "corpus/report.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(std::fs::read_to_string(dir.path().join("corpus/report.json")).unwrap().contains("repeated-punctuation"));
    std::fs::write(dir.path().join("factlint.toml"), "exclude = [\"corpus/notes.txt\"]\n").unwrap();
    let out = run(&["check", "corpus", "-f", "concise", "-o", "corpus/notes.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_failed_write_keeps_the_old_file_and_leaves_nothing_behind() {
    let dir = corpus(&[("a.txt", "投入1.4万亿元，，支持医院。\n".as_bytes()), ("out/keep.txt", b"old")]);
    // The report path is a folder: the write fails at the rename, after the report was written.
    for args in [
        &["check", "a.txt", "--no-config", "-o", "out"][..],
        &["check", "a.txt", "--no-config", "--write-baseline", "out"],
        &["index", "a.txt", "--no-config", "-o", "out"],
    ] {
        let out = factlint_in(dir.path(), args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("tmp"))
            .collect();
        assert!(left.is_empty(), "{args:?} left {left:?}");
        assert_eq!(std::fs::read(dir.path().join("out/keep.txt")).unwrap(), b"old");
    }
    // A baseline written over an old one replaces it whole.
    std::fs::write(dir.path().join("base.json"), "{\"version\":1,\"findings\":[]}").unwrap();
    let out = factlint_in(dir.path(), &["check", "a.txt", "--no-config", "--write-baseline", "base.json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("base.json")).unwrap()).unwrap();
    assert_eq!(written["findings"].as_array().unwrap().len(), 1);
}
