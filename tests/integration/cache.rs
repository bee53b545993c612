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
        .starts_with("claims-")));
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
