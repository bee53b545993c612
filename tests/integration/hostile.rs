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

/// Every single-byte change of `file` (two kinds of flip per byte), each followed by
/// `check`, which sees the damaged file; the file is restored afterwards.
fn flip_every_byte(file: &std::path::Path, mut check: impl FnMut(usize)) {
    let clean = std::fs::read(file).unwrap();
    assert!(!clean.is_empty(), "{} is empty", file.display());
    for i in 0..clean.len() {
        for delta in [1u8, 0x80] {
            let mut bad = clean.clone();
            bad[i] = bad[i].wrapping_add(delta);
            std::fs::write(file, &bad).unwrap();
            check(i);
        }
    }
    std::fs::write(file, &clean).unwrap();
}

const STATE_TEXTS: [&str; 3] = [
    "十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院，医务人员下沉基层11.8万人次。",
    "The central government invested 1.4 trillion yuan over ten years in 1,172 county hospitals.",
    "全市新增就业岗位3.2万个，城镇调查失业率为5.1%，，扶持创业人员4863人。",
];

#[test]
fn a_damaged_cache_or_snapshot_is_computed_again() {
    use factlint::cache::ClaimCache;
    let extractor = factlint::extract::Extractor::default();
    let dir = tempfile::tempdir().unwrap();
    let cache = ClaimCache::open(dir.path(), 7);
    for text in STATE_TEXTS {
        cache.claims(text, |t| extractor.claims(t));
    }
    cache.save();
    let shards: Vec<_> = crate::support::files_under(dir.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    assert!(!shards.is_empty());
    for shard in &shards {
        flip_every_byte(shard, |i| {
            let cache = ClaimCache::open(dir.path(), 7);
            for text in STATE_TEXTS {
                let claims = cache.claims(text, |t| extractor.claims(t));
                assert_eq!(claims, extractor.claims(text), "byte {i} of {}", shard.display());
            }
        });
    }

    let snapshots = tempfile::tempdir().unwrap();
    let snapshot = factlint::cache::snapshot::Snapshot::open(snapshots.path(), 9);
    let entry = |len: u64| {
        let stamp = factlint::fsutil::Stamp { len, ..Default::default() };
        factlint::cache::snapshot::FileEntry::new(stamp, factlint::source::Format::Text, Vec::new(), Vec::new())
    };
    snapshot.save(vec![("a.txt".to_string(), entry(10)), ("b.txt".to_string(), entry(20))]);
    let file = crate::support::files_under(snapshots.path())
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "bin"))
        .unwrap();
    assert_eq!(factlint::cache::snapshot::Snapshot::open(snapshots.path(), 9).len(), 2);
    flip_every_byte(&file, |i| {
        let read = factlint::cache::snapshot::Snapshot::open(snapshots.path(), 9);
        assert_eq!(read.len(), 0, "byte {i}: a damaged snapshot must be dropped whole");
    });
}

#[test]
fn a_damaged_index_or_baseline_is_refused() {
    let dir = corpus(&[
        ("a.txt", STATE_TEXTS[0].as_bytes()),
        ("b.txt", STATE_TEXTS[0].replace("1172家", "1127家").as_bytes()),
        ("c.txt", STATE_TEXTS[2].as_bytes()),
    ]);
    let settings = factlint::config::Settings::default();
    let inputs = factlint::corpus::Inputs {
        paths: vec![dir.path().join("a.txt"), dir.path().join("b.txt"), dir.path().join("c.txt")],
        piped: Vec::new(),
        load: factlint::source::LoadOptions::default(),
        exclude: Default::default(),
        force_exclude: false,
        batch_bytes: None,
    };
    let index = dir.path().join("shard.fli");
    factlint::index::build(&inputs, &settings, &index).unwrap();
    let join = || factlint::index::join(std::slice::from_ref(&index), &settings, &inputs.load);
    let clean = join().unwrap().per_document;
    flip_every_byte(&index, |i| {
        if let Ok(joined) = join() {
            panic!("byte {i} of the index went unnoticed ({} documents)", joined.per_document.len());
        }
    });
    assert_eq!(join().unwrap().per_document, clean);

    let out = factlint_in(dir.path(), &["check", ".", "--no-config", "--write-baseline", "base.json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let baseline = dir.path().join("base.json");
    let accepted = factlint::baseline::Baseline::read(&baseline).unwrap().findings;
    assert!(accepted.len() >= 2, "{accepted:?}");
    flip_every_byte(&baseline, |i| {
        // JSON allows some harmless changes (a space for a newline); none may change what is accepted.
        if let Ok(read) = factlint::baseline::Baseline::read(&baseline) {
            assert_eq!(read.findings, accepted, "byte {i} changed the baseline unnoticed");
        }
    });
    let text = std::fs::read_to_string(&baseline).unwrap();
    std::fs::write(&baseline, text.replace("\"version\": 1", "\"version\": 99")).unwrap();
    let out = factlint_in(dir.path(), &["check", ".", "--no-config", "--baseline", "base.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("version 99"), "{}", stderr(&out));
}

#[test]
fn control_characters_of_articles_and_names_never_reach_the_terminal() {
    let text =
        "投入1.4万亿元，，支持医院。\u{1b}[2J\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7}\r\u{8}隐藏，，\u{202e}。\n";
    let dir = corpus(&[("news/a.txt", text.as_bytes()), ("news/b\nc.txt", text.as_bytes())]);
    for format in ["human", "concise", "github"] {
        let out = factlint_in(dir.path(), &["check", "news", "--no-config", "-f", format, "--color", "never"], None);
        let shown = String::from_utf8(out.stdout.clone()).unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        for hazard in ['\u{1b}', '\u{7}', '\r', '\u{8}', '\u{202e}'] {
            assert!(!shown.contains(hazard), "{format} printed {hazard:?}: {shown}");
        }
        if format == "concise" {
            // Each finding on one line, the escaped name included.
            assert!(shown.lines().all(|l| l.starts_with("news/")), "{shown}");
            assert_eq!(shown.lines().count(), 8, "{shown}");
            assert!(shown.contains("news/b\\nc.txt:1:9"), "{shown}");
        }
    }
}

#[cfg(unix)]
#[test]
fn odd_files_are_read_or_explained_never_skipped_in_silence() {
    use std::os::unix::ffi::OsStrExt;
    let text = "投入1.4万亿元，，支持医院。\n";
    let dir = corpus(&[("real/a.txt", text.as_bytes()), ("empty/notes.rs", b"fn main() {}\n")]);
    std::fs::create_dir(dir.path().join("links")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("real/a.txt"), dir.path().join("links/a.txt")).unwrap();
    // Only links, or nothing factlint reads: a usage error that says why.
    for folder in ["links", "empty"] {
        let out = factlint_in(dir.path(), &["check", folder, "--no-config"], None);
        assert_eq!(out.status.code(), Some(2), "{folder}");
        assert!(stderr(&out).contains("no files to check"), "{folder}: {}", stderr(&out));
    }
    assert!(stderr(&factlint_in(dir.path(), &["check", "links", "--no-config"], None))
        .contains("symbolic links not followed"));
    // A link named on the command line is read.
    let out = factlint_in(dir.path(), &["check", "links/a.txt", "--no-config", "-f", "concise"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    // A named pipe named on the command line is read like a file.
    let fifo = dir.path().join("pipe.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, "投入1.4万亿元，，支持医院。\n").unwrap())
    };
    let out = factlint_in(dir.path(), &["check", "pipe.txt", "--no-config", "-f", "concise"], None);
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(crate::support::stdout(&out).contains("pipe.txt:1:"), "{}", crate::support::stdout(&out));

    // Names that are not UTF-8 stay apart.
    let names = dir.path().join("names");
    std::fs::create_dir(&names).unwrap();
    for byte in [0xffu8, 0xfe] {
        let bytes = [b'x', byte, b'.', b't', b'x', b't'];
        std::fs::write(names.join(std::ffi::OsStr::from_bytes(&bytes)), text).unwrap();
    }
    let out = factlint_in(dir.path(), &["check", "names", "--no-config", "-f", "concise"], None);
    let shown = crate::support::stdout(&out);
    assert!(shown.contains("names/x\\xff.txt:1:") && shown.contains("names/x\\xfe.txt:1:"), "{shown}");
}

#[test]
fn a_chain_of_documents_does_not_make_one_story() {
    // Sixty records, each sharing two distinctive figures with the next and nothing with
    // the rest: joined link by link they would be one story of sixty, and the first
    // record's figures would be compared with the last's.
    let records: String = (0..60)
        .map(|i| {
            let (a, b) = (10001 + i * 7, 500003 + i * 13);
            let text =
                format!("本市今年新建学校{a}所，新增学位{}个。投入资金{b}万元，下一年计划{}万元。", a + 7, b + 13);
            serde_json::json!({ "id": i.to_string(), "text": text, "date": "2022-05-24" }).to_string() + "\n"
        })
        .collect();
    let dir = corpus(&[("chain.jsonl", records.as_bytes())]);
    let out = factlint_in(dir.path(), &["align", "chain.jsonl", "--no-config", "-f", "json"], None);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sizes: Vec<usize> =
        report["stories"].as_array().unwrap().iter().map(|s| s["documents"].as_array().unwrap().len()).collect();
    assert!(sizes.len() >= 12 && sizes.iter().all(|&n| (2..=5).contains(&n)), "{sizes:?}");
}
