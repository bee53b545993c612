//! `-f json`: the design's finding shape, with a summary of the run.

use super::{resolve, Position};
use crate::corpus::Corpus;
use crate::finding::{Finding, Place};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct LocationJson<'a> {
    path: &'a str,
    doc: &'a str,
    #[serde(flatten)]
    position: Position,
    #[serde(skip_serializing_if = "Option::is_none")]
    within: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    #[serde(flatten)]
    location: LocationJson<'a>,
    related: Vec<LocationJson<'a>>,
    fingerprint: &'a str,
}

/// Counts of one run.
#[derive(Serialize, Clone, Copy, Debug)]
pub struct Summary {
    pub files: usize,
    pub documents: usize,
    pub claims: usize,
    pub findings: usize,
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<FindingJson<'a>>,
    summary: Summary,
}

fn location<'a>(corpus: &'a Corpus, place: &'a Place, message: Option<&'a str>) -> LocationJson<'a> {
    let r = resolve(corpus, place);
    LocationJson { path: r.path, doc: r.doc, position: r.position, within: r.within, message }
}

fn finding_json<'a>(corpus: &'a Corpus, f: &'a Finding) -> FindingJson<'a> {
    FindingJson {
        rule: f.rule,
        severity: f.severity.as_str(),
        message: &f.message,
        help: f.help.as_deref(),
        location: location(corpus, &f.place, None),
        related: f.related.iter().map(|r| location(corpus, &r.place, Some(&r.message))).collect(),
        fingerprint: &f.fingerprint,
    }
}

/// One finding as the JSON output writes it, on one line.
pub fn finding_text(corpus: &Corpus, f: &Finding) -> String {
    serde_json::to_string(&finding_json(corpus, f)).expect("a finding serializes")
}

/// One finding in the shape of the JSON output's `findings` items.
pub fn finding_value(corpus: &Corpus, f: &Finding) -> serde_json::Value {
    serde_json::to_value(finding_json(corpus, f)).unwrap_or_default()
}

pub fn write(out: &mut dyn Write, corpus: &Corpus, findings: &[Finding], summary: Summary) -> io::Result<()> {
    let list = findings.iter().map(|f| finding_json(corpus, f)).collect();
    serde_json::to_writer_pretty(&mut *out, &Output { version: 1, findings: list, summary })?;
    out.write_all(b"\n")
}
