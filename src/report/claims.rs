//! `factlint extract` output: one claim per line as JSON (`jsonl`), one JSON document
//! (`json`), or aligned text for people (`human`).

use super::Position;
use crate::corpus::LocatedClaim;
use serde::Serialize;
use std::io::{self, Write};

/// The claim shape of the design contract.
#[derive(Serialize)]
pub struct ClaimJson<'a> {
    pub path: &'a str,
    pub doc: &'a str,
    #[serde(flatten)]
    pub position: Position,
    /// `"record"` when positions count inside a Parquet record's text value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<&'static str>,
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
            position: Position::from(l),
            within: super::within(c.doc),
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

/// The design's claim shape as a JSON value (for outputs that nest claims).
pub fn claim_json(doc: &crate::source::Document, claim: &crate::extract::Claim) -> serde_json::Value {
    let location = doc.locate(claim.start..claim.end);
    let located = LocatedClaim { doc, claim, location };
    serde_json::to_value(ClaimJson::new(&located)).unwrap_or_default()
}

/// One claim per line. Written field by field (same bytes as serializing [`ClaimJson`])
/// so that a document's path and name are escaped once, not once per claim: output is a
/// large share of `extract`'s time on big corpora.
pub fn jsonl(out: &mut dyn Write, claims: &[LocatedClaim<'_>]) -> io::Result<()> {
    let Some(first) = claims.first() else { return Ok(()) };
    let path = serde_json::to_string(&first.doc.file.path)?;
    let doc = serde_json::to_string(&first.doc.name)?;
    let mut int = itoa::Buffer::new();
    let mut float = ryu::Buffer::new();
    let mut buf = Vec::with_capacity(512);
    for c in claims {
        let j = ClaimJson::new(c);
        buf.clear();
        buf.extend_from_slice(b"{\"path\":");
        if std::ptr::eq(c.doc, first.doc) {
            buf.extend_from_slice(path.as_bytes());
            buf.extend_from_slice(b",\"doc\":");
            buf.extend_from_slice(doc.as_bytes());
        } else {
            serde_json::to_writer(&mut buf, j.path)?;
            buf.extend_from_slice(b",\"doc\":");
            serde_json::to_writer(&mut buf, j.doc)?;
        }
        let p = j.position;
        for (key, n) in [
            ("line", p.line),
            ("column", p.column),
            ("end_line", p.end_line),
            ("end_column", p.end_column),
            ("byte_start", p.byte_start),
            ("byte_end", p.byte_end),
        ] {
            buf.extend_from_slice(b",\"");
            buf.extend_from_slice(key.as_bytes());
            buf.extend_from_slice(b"\":");
            buf.extend_from_slice(int.format(n).as_bytes());
        }
        if let Some(within) = j.within {
            buf.extend_from_slice(b",\"within\":");
            serde_json::to_writer(&mut buf, within)?;
        }
        buf.extend_from_slice(b",\"text\":");
        serde_json::to_writer(&mut buf, j.text)?;
        for (key, v) in [("value", Some(j.value)), ("low", j.low), ("high", j.high)] {
            buf.extend_from_slice(b",\"");
            buf.extend_from_slice(key.as_bytes());
            buf.extend_from_slice(b"\":");
            match v {
                Some(x) if x.is_finite() => buf.extend_from_slice(float.format_finite(x).as_bytes()),
                _ => buf.extend_from_slice(b"null"),
            }
        }
        for (key, v) in
            [("qualifier", j.qualifier), ("dimension", j.dimension), ("unit", j.unit), ("subject", j.subject)]
        {
            buf.extend_from_slice(b",\"");
            buf.extend_from_slice(key.as_bytes());
            buf.extend_from_slice(b"\":");
            serde_json::to_writer(&mut buf, v)?;
        }
        buf.extend_from_slice(b"}\n");
        out.write_all(&buf)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{locate, Corpus, Inputs};
    use crate::extract::Extractor;

    #[test]
    fn hand_written_lines_match_serde() {
        let inputs = Inputs { paths: vec!["examples/corpus".into()], ..Inputs::default() };
        let corpus = Corpus::load(&inputs);
        let claims = corpus.claims(&Extractor::default());
        let mut fast = Vec::new();
        let mut slow = Vec::new();
        for (d, c) in corpus.documents.iter().zip(&claims) {
            let located = locate(d, c);
            jsonl(&mut fast, &located).unwrap();
            for l in &located {
                serde_json::to_writer(&mut slow, &ClaimJson::new(l)).unwrap();
                slow.push(b'\n');
            }
        }
        assert!(!fast.is_empty());
        assert_eq!(String::from_utf8(fast).unwrap(), String::from_utf8(slow).unwrap());
    }
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
            j.position.line,
            j.position.column,
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
