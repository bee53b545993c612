//! `check --fix` and `--diff`: what each safe fix writes, in every input format; that
//! `--diff` shows exactly what `--fix` writes; and that fixing the seeds and the real
//! corpora leaves every figure they state as it was.

use crate::support::{claims, corpus, factlint_in, stderr, stdout};
use std::collections::BTreeSet;
use std::path::Path;

fn check(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["check", "--no-cache", "--no-config"];
    all.extend_from_slice(args);
    factlint_in(dir, &all, None)
}

const ARTICLE: &str = "本報(bào)訊 廣西(xī)投入1.4萬億元，，支持醫院。\n\n\
                       全区一共有1007家基层医院完成了改造工作。\n\n\
                       全区一共有1007家基层医院完成了改造工作。\n\n\
                       责任编辑：张三\n\n\
                       来源：新华社 2022-05-24\n";

const FIXED: &str = "本報訊 廣西投入1.4萬億元，支持醫院。\n\n\
                     全区一共有1007家基层医院完成了改造工作。\n\n\
                     来源：新华社 2022-05-24\n";

#[test]
fn fix_writes_what_diff_shows_in_every_format() {
    let jsonl = "{\"id\":\"r1\",\"text\":\"甲<br/>乙，，丙&amp;丁\",\"n\":1}\n{\"id\":\"r2\",\"text\":\"戊。\"}\n";
    let csv = "id,text\n1,甲，，乙\n2,\"丙，，丁, 戊\"\n";
    let files: [(&str, &[u8]); 3] =
        [("a.txt", ARTICLE.as_bytes()), ("b.jsonl", jsonl.as_bytes()), ("c.csv", csv.as_bytes())];
    let dir = corpus(&files);
    let diff = check(dir.path(), &["--diff", "."]);
    assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
    let shown = stdout(&diff);
    let want = "--- a/a.txt\n+++ b/a.txt\n@@ -1,9 +1,5 @@\n-本報(bào)訊 廣西(xī)投入1.4萬億元，，支持醫院。\n-\n\
                -全区一共有1007家基层医院完成了改造工作。\n+本報訊 廣西投入1.4萬億元，支持醫院。\n \n\
                \x20全区一共有1007家基层医院完成了改造工作。\n-\n-责任编辑：张三\n \n 来源：新华社 2022-05-24\n\
                --- a/b.jsonl\n+++ b/b.jsonl\n@@ -1,2 +1,2 @@\n-{\"id\":\"r1\",\"text\":\"甲<br/>乙，，丙&amp;丁\",\"n\":1}\n\
                +{\"id\":\"r1\",\"text\":\"甲乙，丙&丁\",\"n\":1}\n {\"id\":\"r2\",\"text\":\"戊。\"}\n\
                --- a/c.csv\n+++ b/c.csv\n@@ -1,3 +1,3 @@\n id,text\n-1,甲，，乙\n-2,\"丙，，丁, 戊\"\n\
                +1,甲，乙\n+2,\"丙，丁, 戊\"\n";
    assert_eq!(shown, want);
    for (name, _) in files {
        assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), files.iter().find(|f| f.0 == name).unwrap().1);
    }

    let fixed = check(dir.path(), &["--fix", "-f", "concise", "."]);
    assert_eq!(fixed.status.code(), Some(0), "{}{}", stdout(&fixed), stderr(&fixed));
    assert!(stderr(&fixed).contains("fixed 9 findings in 3 files"), "{}", stderr(&fixed));
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("a.txt"), FIXED);
    assert_eq!(
        read("b.jsonl"),
        "{\"id\":\"r1\",\"text\":\"甲乙，丙&丁\",\"n\":1}\n{\"id\":\"r2\",\"text\":\"戊。\"}\n"
    );
    assert_eq!(read("c.csv"), "id,text\n1,甲，乙\n2,\"丙，丁, 戊\"\n");
    let again = check(dir.path(), &["--diff", "."]);
    assert_eq!((again.status.code(), stdout(&again).as_str()), (Some(0), ""), "a fixed corpus has nothing left to fix");
}

#[test]
fn fix_refuses_standard_input_and_statistics_count_what_it_fixes() {
    let dir = corpus(&[("a.txt", "甲，，乙。\n".as_bytes())]);
    let out = factlint_in(dir.path(), &["check", "--no-config", "--fix", "-"], Some("甲，，乙。\n".as_bytes()));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--diff shows the fixes"), "{}", stderr(&out));
    let statistics = check(dir.path(), &["--statistics", "."]);
    assert!(stdout(&statistics).contains("[*] 1 fixable"), "{}", stdout(&statistics));
}

/// Every distinct figure of every document: its document, text, value and unit.
fn figures(dir: &Path) -> BTreeSet<String> {
    let out = factlint_in(dir, &["extract", "--no-config", "-f", "jsonl", "."], None);
    claims(&out)
        .iter()
        .map(|c| format!("{} {} {} {} {}", c["doc"], c["text"], c["value"], c["low"], c["unit"]))
        .collect()
}

#[test]
fn fixing_the_seeds_and_corpora_keeps_every_figure() {
    let shared = crate::support::repo().join("../shared");
    if !shared.join("seeds").is_dir() || !shared.join("corpus").is_dir() {
        eprintln!("skipped: ../shared/seeds and ../shared/corpus are not beside the repository");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for part in ["seeds", "corpus"] {
        let copied = std::process::Command::new("cp").arg("-r").arg(shared.join(part)).arg(dir.path()).status();
        assert!(copied.unwrap().success());
    }
    let before = figures(dir.path());
    let fixed = check(dir.path(), &["--fix", "-q", "."]);
    let said = stderr(&fixed);
    assert!(said.is_empty() || !said.contains("error"), "{said}");
    let after = figures(dir.path());
    assert!(before.len() > 10_000, "the corpora state many figures: {}", before.len());
    assert_eq!(before, after);
    let left = check(dir.path(), &["--statistics", "."]);
    assert!(!stdout(&left).contains("fixable"), "{}", stdout(&left));
    let loud = check(dir.path(), &["--diff", "."]);
    assert_eq!(stdout(&loud), "", "nothing is left to fix");
    // The run did fix something: the seed with the repeated paragraph lost it.
    let seed = std::fs::read_to_string(dir.path().join("seeds/003_e0373c0928995e16.txt")).unwrap();
    assert!(!seed.contains("(bào)") && !seed.contains(",,"), "{seed}");
}

#[test]
fn fix_never_writes_into_a_compressed_or_parquet_file() {
    use std::io::Write;
    let jsonl = "{\"id\":\"r1\",\"text\":\"甲，，乙\"}\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(jsonl.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let zst = zstd::encode_all(jsonl.as_bytes(), 3).unwrap();
    let parquet = crate::packed::parquet(&[("r1".to_string(), Some("甲，，乙".to_string()))], 1);
    let dir =
        corpus(&[("a.jsonl.gz", &gz), ("b.jsonl.zst", &zst), ("c.jsonl", jsonl.as_bytes()), ("d.parquet", &parquet)]);
    let fixed = check(dir.path(), &["--fix", "-f", "concise", "."]);
    assert_eq!(fixed.status.code(), Some(1), "{}", stderr(&fixed));
    // The plain file is fixed; the compressed ones keep their bytes and their findings.
    assert!(stderr(&fixed).contains("fixed 1 finding in 1 file"), "{}", stderr(&fixed));
    let shown = stdout(&fixed);
    for name in ["a.jsonl.gz:1:", "b.jsonl.zst:1:", "d.parquet:1:"] {
        assert!(shown.contains(name), "{name} missing from {shown}");
    }
    assert_eq!(std::fs::read(dir.path().join("d.parquet")).unwrap(), parquet);
    assert_eq!(std::fs::read(dir.path().join("a.jsonl.gz")).unwrap(), gz);
    assert_eq!(std::fs::read(dir.path().join("b.jsonl.zst")).unwrap(), zst);
    assert_eq!(std::fs::read_to_string(dir.path().join("c.jsonl")).unwrap(), "{\"id\":\"r1\",\"text\":\"甲，乙\"}\n");
}
