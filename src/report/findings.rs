//! `factlint check` output: `json` (the design's shape) and `concise`
//! (`path:line:col: severity[rule] message`).

use super::Position;
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

#[derive(Serialize)]
struct Summary {
    files: usize,
    documents: usize,
    claims: usize,
    findings: usize,
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<FindingJson<'a>>,
    summary: Summary,
}

fn location<'a>(corpus: &'a Corpus, place: &'a Place, message: Option<&'a str>) -> LocationJson<'a> {
    match place {
        Place::Text { doc, span } => {
            let d = &corpus.documents[*doc];
            let l = d.locate(span.clone());
            LocationJson { path: &d.file.path, doc: &d.name, position: Position::from(&l), message }
        }
        Place::File { path, doc, offset, line, column } => LocationJson {
            path,
            doc: doc.as_deref().unwrap_or(path),
            position: Position {
                line: *line,
                column: *column,
                end_line: *line,
                end_column: *column,
                byte_start: *offset,
                byte_end: *offset,
            },
            message,
        },
    }
}

pub fn json(out: &mut dyn Write, corpus: &Corpus, findings: &[Finding], claims: usize) -> io::Result<()> {
    let list = findings
        .iter()
        .map(|f| FindingJson {
            rule: f.rule,
            severity: f.severity.as_str(),
            message: &f.message,
            help: f.help.as_deref(),
            location: location(corpus, &f.place, None),
            related: f.related.iter().map(|r| location(corpus, &r.place, Some(&r.message))).collect(),
            fingerprint: &f.fingerprint,
        })
        .collect();
    let summary = Summary { files: corpus.files, documents: corpus.documents.len(), claims, findings: findings.len() };
    serde_json::to_writer_pretty(&mut *out, &Output { version: 1, findings: list, summary })?;
    out.write_all(b"\n")
}

pub fn concise(out: &mut dyn Write, corpus: &Corpus, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        let l = location(corpus, &f.place, None);
        let p = l.position;
        writeln!(out, "{}:{}:{}: {}[{}] {}", l.doc, p.line, p.column, f.severity.as_str(), f.rule, f.message)?;
    }
    Ok(())
}
