//! The claim cache: a warm run reports exactly what a cold one does, a changed document
//! is read afresh, and `factlint clean` removes the cache and nothing else.

use crate::support::{corpus, factlint_in, stdout};

const ZH: &str = "十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院，全国1007家城市三级医院参与帮扶，\
医务人员下沉基层11.8万人次。\n";
const REPRINT: &str =
    "记者获悉，十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院，全国1007家城市三级医院参与帮扶，\
医务人员下沉基层11.8万人次。\n";
const EN: &str = "Over ten years the state invested 1.4 trillion yuan, supported 1,172 county-level hospitals \
and paired 1,007 urban tertiary hospitals with them; medical staff made 118,000 visits.\n";

fn check(dir: &std::path::Path, extra: &[&str]) -> String {
    let mut args = vec!["check", "corpus", "-f", "json", "--no-config", "--fail-on", "never"];
    args.extend_from_slice(extra);
    stdout(&factlint_in(dir, &args, None))
}

#[test]
fn a_warm_run_reports_what_a_cold_run_does() {
    let dir = corpus(&[
        ("corpus/a.txt", ZH.as_bytes()),
        ("corpus/b.txt", REPRINT.as_bytes()),
        ("corpus/c.txt", EN.as_bytes()),
    ]);
    let uncached = check(dir.path(), &["--no-cache"]);
    assert!(!dir.path().join(".factlint_cache").exists(), "--no-cache writes nothing");
    let cold = check(dir.path(), &[]);
    let cache = dir.path().join(".factlint_cache");
    assert!(std::fs::read_dir(&cache).unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with("results-")));
    let warm = check(dir.path(), &[]);
    assert_eq!(cold, uncached);
    assert_eq!(warm, cold);

    // A changed figure is extracted again, not served from the cache.
    std::fs::write(dir.path().join("corpus/b.txt"), REPRINT.replace("1007家", "1070家")).unwrap();
    let changed = check(dir.path(), &[]);
    assert!(changed.contains("numeric-contradiction"), "{changed}");
    assert_eq!(changed, check(dir.path(), &["--no-cache"]));
}

/// Long enough for `duplicate-document`, whose sketches the cache also keeps.
const LONG: &str = "全市新增就业岗位3.2万个，城镇调查失业率为5.1%，比上年同期下降0.3个百分点。\
今年以来，全市累计发放创业担保贷款12.6亿元，扶持创业人员4800余人，带动就业1.5万人。\
人社部门组织各类招聘活动326场，提供岗位信息8.9万条，帮助高校毕业生、农民工等重点群体实现就业。\
下一步，全市将继续落实稳岗返还、技能培训补贴等政策，开发更多公益性岗位，兜牢民生底线。\
据介绍，今年还将新建零工市场15个、家门口就业服务站200个，让求职者在家门口就能找到合适的工作。\n";

#[test]
fn near_copies_are_found_alike_from_a_warm_cache() {
    let dir = corpus(&[
        ("corpus/jobs.txt", LONG.as_bytes()),
        ("corpus/jobs-reprint.txt", LONG.replace("326场", "362场").as_bytes()),
        ("corpus/a.txt", ZH.as_bytes()),
        ("corpus/typo.txt", "记者获悉，，全市新增就业岗位3.2万个。\n".as_bytes()),
    ]);
    let uncached = check(dir.path(), &["--no-cache"]);
    for rule in ["duplicate-document", "repeated-punctuation"] {
        assert!(uncached.contains(rule), "{rule} missing from {uncached}");
    }
    let cold = check(dir.path(), &[]);
    let warm = check(dir.path(), &[]);
    assert_eq!(cold, uncached);
    assert_eq!(warm, cold);
    // Per-document findings are cached for every rule, and a warm run with --select
    // reports only the selected ones, as an uncached run does.
    let select = ["--select", "repeated-punctuation"];
    assert_eq!(check(dir.path(), &select), check(dir.path(), &["--no-cache", select[0], select[1]]));
}

#[test]
fn the_cache_folder_can_be_chosen_and_cleaned() {
    let dir = corpus(&[("corpus/a.txt", ZH.as_bytes()), ("corpus/c.txt", EN.as_bytes())]);
    check(dir.path(), &["--cache-dir", "elsewhere"]);
    assert!(dir.path().join("elsewhere/.gitignore").exists());
    assert!(!dir.path().join(".factlint_cache").exists());
    let out = factlint_in(dir.path(), &["clean", "--cache-dir", "elsewhere"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(!dir.path().join("elsewhere").exists());
    // A folder factlint did not make is left alone.
    let out = factlint_in(dir.path(), &["clean", "--cache-dir", "corpus"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(dir.path().join("corpus/a.txt").exists());
}

/// Sets a file's modification time an hour back: a file changed within the last second
/// is never kept in a corpus snapshot.
fn age(path: &std::path::Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(path).unwrap().set_modified(hour_ago).unwrap();
}

fn record(id: &str, date: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "date": date, "text": text }).to_string() + "\n"
}

#[test]
fn a_warm_corpus_root_run_reads_only_the_files_that_changed() {
    // A dataset holding a story and a long report, and a new file that reprints the
    // report with a changed figure and reports the story with another.
    let dataset = [
        record("1", "2022-05-24", ZH),
        record("2", "2022-05-24", &REPRINT.replace("记者获悉，", "本报讯 ")),
        record("3", "2022-03-01", LONG),
    ]
    .concat();
    let dir = corpus(&[
        ("corpus/data.jsonl", dataset.as_bytes()),
        ("corpus/old.txt", "The city opened 15 new job markets and 200 employment stations this spring.\n".as_bytes()),
        ("corpus/new/copy.txt", LONG.replace("326场", "362场").as_bytes()),
        ("corpus/new/story.md", format!("---\ndate: 2022-05-24\n---\n\n{}", ZH.replace("1007家", "1070家")).as_bytes()),
    ]);
    for old in ["corpus/data.jsonl", "corpus/old.txt"] {
        age(&dir.path().join(old));
    }
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "corpus/new", "--corpus-root", "corpus", "-f", "json", "--no-config", "-vv"];
        args.extend_from_slice(extra);
        let out = factlint_in(dir.path(), &args, None);
        (stdout(&out), crate::support::stderr(&out))
    };
    let taken = |log: &str| log.lines().filter(|l| l.contains("taken from the corpus snapshot")).count();
    let (uncached, _) = run(&["--no-cache"]);
    for rule in ["duplicate-document", "numeric-contradiction"] {
        assert!(uncached.contains(rule), "{rule} missing from {uncached}");
    }
    assert!(uncached.contains("`1070家` here is `1007家` in 2 other reports"), "{uncached}");
    // The copy is reported on the new file, naming the dataset record it copies.
    assert!(uncached.contains("\"doc\": \"corpus/data.jsonl#3\""), "{uncached}");
    let (cold, log) = run(&[]);
    assert_eq!(taken(&log), 0, "{log}");
    let cache = dir.path().join(".factlint_cache");
    assert!(std::fs::read_dir(&cache).unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with("corpus-")));
    let (warm, log) = run(&[]);
    assert_eq!(taken(&log), 2, "both files that are not checked come from the snapshot: {log}");
    assert_eq!(cold, uncached);
    assert_eq!(warm, cold);

    // A changed dataset is read again: the story now agrees with the new file's figure.
    let changed = dataset.replace("1007家", "1070家");
    std::fs::write(dir.path().join("corpus/data.jsonl"), changed).unwrap();
    age(&dir.path().join("corpus/data.jsonl"));
    let (after, log) = run(&[]);
    assert_eq!(taken(&log), 1, "only old.txt is unchanged: {log}");
    assert_eq!(after, run(&["--no-cache"]).0);
    assert_ne!(after, warm, "{after}");
    let (again, log) = run(&[]);
    assert_eq!((taken(&log), again), (2, after));
}
