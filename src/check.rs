//! `factlint check` as a library call: runs the selected rules over a corpus and
//! returns sorted findings. Output order is (path, byte offset, rule), identical at any
//! thread count.

use crate::config::Settings;
use crate::corpus::Corpus;
use crate::extract::Claim;
use crate::finding::{Finding, Place};
use crate::rules::{self, CorpusData, Rule};
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

/// How a run goes beyond the rules themselves.
#[derive(Default)]
pub struct RunOptions<'a> {
    /// Report only on these documents (by index); the others are context for the corpus
    /// rules (`--corpus-root`). `None`: every document.
    pub focus: Option<&'a [bool]>,
    /// Called once per document checked (a progress bar).
    pub on_document: Option<&'a (dyn Fn() + Sync)>,
    /// Claims of documents seen before (`None`: extract every document).
    pub cache: Option<&'a crate::cache::ClaimCache>,
    /// Per-document findings and claims already computed, one entry per document (joined
    /// shard indexes): only the corpus rules run.
    pub indexed: Option<&'a [(Vec<Finding>, Vec<Claim>)]>,
}

/// Every rule that is not turned off in the configuration, for work that precedes the
/// choice of rules (a shard index serves any `--select`).
pub fn document_rules(settings: &Settings) -> Vec<Box<dyn Rule>> {
    rules::registry(settings)
        .into_iter()
        .filter(|r| settings.severity(r.id(), rules::severity(r.id())).is_some())
        .collect()
}

/// The per-document findings and the claims of document `i`.
pub fn document_results(
    rules: &[Box<dyn Rule>],
    extractor: &crate::extract::Extractor,
    i: usize,
    document: &crate::source::Document,
) -> (Vec<Finding>, Vec<Claim>) {
    (rules.iter().flat_map(|r| r.check_document(i, document)).collect(), extractor.claims(&document.text))
}

/// Findings and counts of one run.
pub struct Report {
    pub findings: Vec<Finding>,
    pub claims: usize,
}

pub fn run(corpus: &Corpus, settings: &Settings, selection: &Selection, options: &RunOptions<'_>) -> Report {
    let enabled = |id: &str| selection.includes(id) && settings.severity(id, rules::severity(id)).is_some();
    let rules: Vec<Box<dyn Rule>> = rules::registry(settings).into_iter().filter(|r| enabled(r.id())).collect();
    let extractor = settings.extractor();
    let in_focus = |i: usize| options.focus.is_none_or(|f| f[i]);
    let cached_rules = options.cache.map(|_| document_rules(settings));
    let rule_ids: Vec<&'static str> = cached_rules.iter().flatten().map(|r| r.id()).collect();
    let settings_key = settings.results_key();
    let started = std::time::Instant::now();
    let per_doc: Vec<(Vec<Finding>, Vec<Claim>)> = match options.indexed {
        Some(indexed) => indexed
            .iter()
            .map(|(findings, claims)| (findings.iter().filter(|f| enabled(f.rule)).cloned().collect(), claims.clone()))
            .collect(),
        None => corpus
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                let results = match (options.cache, &cached_rules) {
                    // Cached findings are those of every configured rule, so that a later
                    // run with another --select can use them too.
                    (Some(cache), Some(all)) => {
                        let findings = if in_focus(i) {
                            let check = || all.iter().flat_map(|r| r.check_document(i, d)).collect();
                            let mut found = cache.findings(d, settings_key, (i, &rule_ids), check);
                            found.retain(|f| enabled(f.rule));
                            found
                        } else {
                            Vec::new()
                        };
                        (findings, cache.claims(&d.text, |t| extractor.claims(t)))
                    }
                    _ => document_results(if in_focus(i) { &rules } else { &[] }, &extractor, i, d),
                };
                if let Some(tick) = options.on_document {
                    tick();
                }
                results
            })
            .collect(),
    };
    let (per_doc_findings, claims): (Vec<Vec<Finding>>, Vec<Vec<Claim>>) = per_doc.into_iter().unzip();
    let mut findings: Vec<Finding> = per_doc_findings.into_iter().flatten().collect();
    log::debug!("per-document rules and claims in {:?}", started.elapsed());
    let mut data = CorpusData::new(corpus, &claims, settings);
    data.focus = options.focus;
    data.cache = options.cache;
    for rule in &rules {
        let started = std::time::Instant::now();
        findings.extend(rule.check_corpus(&data));
        log::debug!("{} over the corpus in {:?}", rule.id(), started.elapsed());
    }
    let claims = claims.iter().map(Vec::len).sum();
    if enabled("unreadable-input") {
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
    if let Some(focus) = options.focus {
        findings.retain(|f| match &f.place {
            Place::Text { doc, .. } => focus[*doc],
            Place::File { .. } => true,
        });
    }
    for f in &mut findings {
        if let Some(Some(severity)) = settings.severities.get(f.rule) {
            f.severity = *severity;
        }
    }
    crate::suppress::apply(&corpus.documents, &mut findings);
    findings.sort_by_cached_key(|f| sort_key(corpus, f));
    Report { findings, claims }
}

fn sort_key(corpus: &Corpus, f: &Finding) -> (String, usize, &'static str, String) {
    match &f.place {
        Place::Text { doc, span } => {
            let d = &corpus.documents[*doc];
            (d.file.path.clone(), d.file.base + d.map.start(span.start), f.rule, f.fingerprint.clone())
        }
        Place::File { path, offset, .. } => (path.clone(), *offset, f.rule, f.fingerprint.clone()),
    }
}
