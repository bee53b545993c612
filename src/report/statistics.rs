//! `--statistics`: how many findings each rule produced, most first, and how many of
//! them `--fix` repairs, instead of the findings themselves (as `ruff --statistics`).

use crate::finding::Finding;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Serialize)]
struct Row<'a> {
    rule: &'a str,
    severity: &'a str,
    count: usize,
    fixable: usize,
}

/// Rows of the findings; `fixable` tells whether the `k`th finding has a safe fix.
fn rows<'a>(findings: &'a [Finding], fixable: &dyn Fn(usize) -> bool) -> Vec<Row<'a>> {
    let mut counts: BTreeMap<&str, (usize, &str, usize)> = BTreeMap::new();
    for (k, f) in findings.iter().enumerate() {
        let e = counts.entry(f.rule).or_insert((0, f.severity.as_str(), 0));
        e.0 += 1;
        e.2 += usize::from(fixable(k));
    }
    let mut rows: Vec<Row<'_>> =
        counts.into_iter().map(|(rule, (count, severity, fixable))| Row { rule, severity, count, fixable }).collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    rows
}

pub fn text(out: &mut dyn Write, findings: &[Finding], fixable: &dyn Fn(usize) -> bool) -> io::Result<()> {
    for r in rows(findings, fixable) {
        let fixes = if r.fixable > 0 { format!("  [*] {} fixable", r.fixable) } else { String::new() };
        writeln!(out, "{:>6}  {:<24} {:<8}{fixes}", r.count, r.rule, r.severity)?;
    }
    Ok(())
}

pub fn json(out: &mut dyn Write, findings: &[Finding], fixable: &dyn Fn(usize) -> bool) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &rows(findings, fixable))?;
    out.write_all(b"\n")
}
