//! `factlint check` as a library call: runs the selected rules over a corpus and
//! returns sorted findings. Output order is (path, byte offset, rule), identical at any
//! thread count.

use crate::corpus::Corpus;
use crate::extract::Extractor;
use crate::finding::{Finding, Place};
use crate::rules::{self, Rule};
use rayon::prelude::*;

/// Which rules run.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only these rules (all when empty).
    pub select: Vec<String>,
    /// Never these.
    pub ignore: Vec<String>,
}

impl Selection {
    pub fn includes(&self, id: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s == id)) && !self.ignore.iter().any(|s| s == id)
    }
}

/// Findings and counts of one run.
pub struct Report {
    pub findings: Vec<Finding>,
    pub claims: usize,
}

pub fn run(corpus: &Corpus, selection: &Selection) -> Report {
    let rules: Vec<Box<dyn Rule>> = rules::registry().into_iter().filter(|r| selection.includes(r.id())).collect();
    let extractor = Extractor::default();
    let per_doc: Vec<(Vec<Finding>, usize)> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let findings = rules.iter().flat_map(|r| r.check_document(i, d)).collect();
            (findings, extractor.claims(&d.text).len())
        })
        .collect();
    let claims = per_doc.iter().map(|(_, n)| n).sum();
    let mut findings: Vec<Finding> = per_doc.into_iter().flat_map(|(f, _)| f).collect();
    for rule in &rules {
        findings.extend(rule.check_corpus(corpus));
    }
    if selection.includes("unreadable-input") {
        findings.extend(corpus.errors.iter().map(|e| Finding {
            rule: "unreadable-input",
            severity: rules::severity("unreadable-input"),
            message: e.message.clone(),
            help: Some("fix or re-encode the input; the rest of the corpus was read".to_string()),
            place: Place::File {
                path: e.path.clone(),
                doc: e.doc.clone(),
                offset: e.offset,
                line: e.line,
                column: e.column,
            },
            related: Vec::new(),
            fingerprint: crate::finding::fingerprint(&[
                "unreadable-input",
                &e.path,
                e.doc.as_deref().unwrap_or(""),
                &e.message,
            ]),
        }));
    }
    findings.sort_by_cached_key(|f| sort_key(corpus, f));
    Report { findings, claims }
}

fn sort_key(corpus: &Corpus, f: &Finding) -> (String, usize, &'static str, String) {
    match &f.place {
        Place::Text { doc, span } => {
            let d = &corpus.documents[*doc];
            (d.file.path.clone(), d.map.start(span.start), f.rule, f.fingerprint.clone())
        }
        Place::File { path, offset, .. } => (path.clone(), *offset, f.rule, f.fingerprint.clone()),
    }
}
