//! Shard indexes: `check --index` over the indexes of two shards reports exactly what
//! `check` over the whole corpus does, and shards that cannot be joined are refused.

use crate::support::{corpus, factlint_in, stderr, stdout};

const ZH: &str = "十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院，全国1007家城市三级医院参与帮扶，\
医务人员下沉基层11.8万人次。\n\n有关负责人表示，下一步将继续完善配套政策，加强统筹协调，确保各项措施落地见效。\n\n\
有关负责人表示，下一步将继续完善配套政策，加强统筹协调，确保各项措施落地见效。\n";
// A rewrite in the other shard that changes one figure: the contradiction spans shards.
const REWRITE: &str = "记者获悉，十年来中央财政累计投入资金1.4万亿元，支持1172家县级医院，全国1070家城市三级医院\
参与帮扶，医务人员下沉基层11.8万人次。\n";
const EN: &str = "Over ten years the state invested 1.4 billion yuan, supported 1,172 county-level hospitals \
and paired 1,007 urban tertiary hospitals with them; medical staff made 118,000 visits.\n";
// The same record twice in one dataset: a duplicate document inside a shard.
const RECORD: &str = "全市新增就业岗位3.2万个，城镇调查失业率为5.1%，比上年同期下降0.3个百分点。\
今年以来，全市累计发放创业担保贷款12.6亿元，扶持创业人员4800余人，带动就业1.5万人。\
人社部门组织各类招聘活动326场，提供岗位信息8.9万条，帮助高校毕业生、农民工等重点群体\
实现就业。下一步，全市将继续落实稳岗返还、技能培训补贴等政策，开发更多公益性岗位，\
兜牢民生底线，确保全年就业形势总体稳定。据介绍，今年还将新建零工市场15个、家门口就业服务站200个，\
让求职者在家门口就能找到合适的工作。";

fn dataset() -> String {
    format!("{{\"id\":\"r1\",\"text\":\"{RECORD}\"}}\n{{\"id\":\"r2\",\"text\":\"{RECORD}\"}}\n")
}

fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--no-config"]);
    factlint_in(dir, &all, None)
}

#[test]
fn two_shard_indexes_give_the_findings_of_the_whole_corpus() {
    let dir = corpus(&[
        ("corpus/a/report.txt", ZH.as_bytes()),
        ("corpus/a/records.jsonl", dataset().as_bytes()),
        ("corpus/b/rewrite.txt", REWRITE.as_bytes()),
        ("corpus/b/translation.txt", EN.as_bytes()),
    ]);
    let whole = run(dir.path(), &["check", "corpus", "-f", "json", "--fail-on", "never", "--no-cache"]);
    let whole = stdout(&whole);
    // The corpus has per-document and cross-shard findings, so the comparison means something.
    for rule in ["numeric-contradiction", "magnitude-mismatch", "duplicate-paragraph", "duplicate-document"] {
        assert!(whole.contains(rule), "{rule} missing from {whole}");
    }
    for (shard, out) in [("corpus/a", "a.idx"), ("corpus/b", "b.idx")] {
        let o = run(dir.path(), &["index", shard, "-o", out]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stderr(&o).contains("indexed"), "{}", stderr(&o));
    }
    let joined = run(dir.path(), &["check", "--index", "b.idx", "a.idx", "-f", "json", "--fail-on", "never"]);
    assert_eq!(joined.status.code(), Some(0), "{}", stderr(&joined));
    assert_eq!(stdout(&joined), whole);

    // The rule selection applies at the join, to stored per-document findings too.
    let selected = ["-f", "json", "--fail-on", "never", "--select", "duplicate-paragraph"];
    let mut whole_args = vec!["check", "corpus", "--no-cache"];
    whole_args.extend_from_slice(&selected);
    let mut joined_args = vec!["check", "--index", "a.idx", "b.idx"];
    joined_args.extend_from_slice(&selected);
    assert_eq!(stdout(&run(dir.path(), &joined_args)), stdout(&run(dir.path(), &whole_args)));
}

#[test]
fn shards_that_cannot_be_joined_are_refused() {
    let dir =
        corpus(&[("corpus/a.txt", ZH.as_bytes()), ("factlint.toml", b"[rules.boilerplate]\nseverity = \"off\"\n")]);
    assert_eq!(run(dir.path(), &["index", "corpus", "-o", "a.idx"]).status.code(), Some(0));

    // The same file in two shards.
    let o = run(dir.path(), &["check", "--index", "a.idx", "a.idx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("corpus/a.txt is in two shard indexes"), "{}", stderr(&o));

    // Built with other settings than the joining run.
    let o = factlint_in(dir.path(), &["check", "--index", "a.idx"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("other settings"), "{}", stderr(&o));

    // Not an index at all, and paths given besides the indexes.
    let o = run(dir.path(), &["check", "--index", "corpus/a.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("corpus/a.txt: not a factlint index"), "{}", stderr(&o));
    let o = run(dir.path(), &["check", "corpus", "--index", "a.idx"]);
    assert_eq!(o.status.code(), Some(2));
}
