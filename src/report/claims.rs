//! `factlint extract` output: one claim per line as JSON (`jsonl`), one JSON document
//! (`json`), or aligned text for people (`human`).

use crate::corpus::LocatedClaim;
use serde::Serialize;
use std::io::{self, Write};

/// The claim shape of the design contract.
#[derive(Serialize)]
pub struct ClaimJson<'a> {
    pub path: &'a str,
    pub doc: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub text: &'a str,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: &'static str,
    pub dimension: &'static str,
    pub unit: &'a str,
    pub subject: &'a str,
}

impl<'a> ClaimJson<'a> {
    pub fn new(c: &'a LocatedClaim<'a>) -> ClaimJson<'a> {
        let l = &c.location;
        ClaimJson {
            path: &c.doc.file.path,
            doc: &c.doc.name,
            line: l.start.line,
            column: l.start.column,
            end_line: l.end.line,
            end_column: l.end.column,
            byte_start: l.byte_start,
            byte_end: l.byte_end,
            text: &c.doc.text[c.claim.start..c.claim.end],
            value: c.claim.value,
            low: c.claim.low,
            high: c.claim.high,
            qualifier: c.claim.qualifier.as_str(),
            dimension: c.claim.dimension.as_str(),
            unit: &c.claim.unit,
            subject: &c.claim.subject,
        }
    }
}

pub fn jsonl(out: &mut dyn Write, claims: &[LocatedClaim<'_>]) -> io::Result<()> {
    for c in claims {
        serde_json::to_writer(&mut *out, &ClaimJson::new(c))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    claims: Vec<ClaimJson<'a>>,
}

pub fn json(out: &mut dyn Write, claims: &[LocatedClaim<'_>]) -> io::Result<()> {
    let doc = Document { version: 1, claims: claims.iter().map(ClaimJson::new).collect() };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// `path:line:col  text  = value unit  qualifier  subject`
pub fn human(out: &mut dyn Write, claims: &[LocatedClaim<'_>]) -> io::Result<()> {
    for c in claims {
        let j = ClaimJson::new(c);
        let unit = if j.unit.is_empty() { String::new() } else { format!(" {}", j.unit) };
        let bounds = match (j.low, j.high) {
            (Some(l), Some(h)) if l == h => String::new(),
            (l, h) => format!(" [{}, {}]", fmt_bound(l, "-∞"), fmt_bound(h, "∞")),
        };
        writeln!(
            out,
            "{}:{}:{}  {}  = {}{unit}{bounds}  {} {}{}",
            j.doc,
            j.line,
            j.column,
            j.text,
            fmt_value(j.value),
            j.dimension,
            j.qualifier,
            if j.subject.is_empty() { String::new() } else { format!("  ({})", j.subject) }
        )?;
    }
    Ok(())
}

fn fmt_bound(v: Option<f64>, unbounded: &str) -> String {
    v.map_or(unbounded.to_string(), fmt_value)
}

/// Whole numbers without a decimal point; others as Rust prints them.
pub fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
