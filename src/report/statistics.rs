//! `--statistics`: how many findings each rule produced, most first, instead of the
//! findings themselves (as `ruff --statistics`).

use crate::finding::Finding;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Serialize)]
struct Row<'a> {
    rule: &'a str,
    severity: &'a str,
    count: usize,
}

fn rows(findings: &[Finding]) -> Vec<Row<'_>> {
    let mut counts: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for f in findings {
        let e = counts.entry(f.rule).or_insert((0, f.severity.as_str()));
        e.0 += 1;
    }
    let mut rows: Vec<Row<'_>> =
        counts.into_iter().map(|(rule, (count, severity))| Row { rule, severity, count }).collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    rows
}

pub fn text(out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    for r in rows(findings) {
        writeln!(out, "{:>6}  {:<24} {}", r.count, r.rule, r.severity)?;
    }
    Ok(())
}

pub fn json(out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &rows(findings))?;
    out.write_all(b"\n")
}
