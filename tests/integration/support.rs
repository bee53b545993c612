//! Helpers: running the binary and writing fixture files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs factlint in the repository root with `args` and optional stdin.
pub fn factlint(args: &[&str], stdin: Option<&[u8]>) -> Output {
    factlint_in(&repo(), args, stdin)
}

pub fn factlint_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint runs");
    if let Some(input) = stdin {
        // A run that refuses its arguments exits without reading stdin: the pipe is then
        // closed, which is that run's answer, not the test's failure.
        let written = child.stdin.take().unwrap().write_all(input);
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writing factlint's stdin: {e}");
        }
    }
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Claims of a `-f jsonl` run.
pub fn claims(o: &Output) -> Vec<serde_json::Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

/// Every file below `dir`, at any depth.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A temporary folder holding `files` (name, bytes).
pub fn corpus(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// A short report with four figures, for fixtures of records and stories.
pub const REPORT: &str = "市卫健委通报，五年来财政累计投入资金1.4万亿元，扶持1172家县级医院，\
并组织1007家城市三级医院开展对口帮扶，覆盖832个县。";
/// [`REPORT`] rewritten, with one figure changed.
pub const REWRITE: &str = "据市卫健委通报，五年来财政累计投入资金1.4万亿元，扶持1172家县级医院，\
并组织1070家城市三级医院开展对口帮扶，覆盖832个县。";
/// An article long enough (over 200 characters) for `duplicate-document`.
pub const LONG: &str = "本季度全区新增城镇就业2.6万人，调查失业率为4.9%，较去年同期回落0.4个百分点。\
全区发放创业担保贷款8.3亿元，扶持创业3100余人，带动就业1.1万人。人社部门举办招聘会214场，\
提供岗位6.7万个，重点帮助高校毕业生和返乡农民工就业。下一步还将新建零工市场12个、社区就业驿站150个，\
全年计划开展职业技能培训1.8万人次，其中新型学徒制培训900人，并向符合条件的企业发放稳岗返还资金3400万元，\
惠及职工5.2万人。";
