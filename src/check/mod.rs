//! `factlint check` as a library call: runs the selected rules over a corpus and
//! returns sorted findings. Output order is (path, byte offset, rule), identical at any
//! thread count.

use crate::config::Settings;
use crate::corpus::Corpus;
use crate::dedup::{Sketch, SketchStore};
use crate::extract::Claim;
use crate::finding::{Finding, Place};
use crate::rules::{self, CorpusData, Rule};
use crate::source::Document;
use crate::story::{ClaimStore, Claims, StoryKeys};
use rayon::prelude::*;

mod focus;
mod streamed;

pub use focus::Focus;

pub use streamed::run_streamed;

/// Which rules run.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only these rules (all when empty).
    pub select: Vec<String>,
    /// Never these.
    pub ignore: Vec<String>,
}

impl Selection {
    /// The rules that run, ruff's way: `select` (when not empty) replaces the configured
    /// selection and `extend_select` adds to it; a rule selected here is no longer ignored
    /// by the configuration; `ignore` and `extend_ignore` add to the configured ignores.
    pub fn of(settings: &Settings, (select, extend_select): (&[String], &[String]), ignore: &[String]) -> Selection {
        let mut chosen = if select.is_empty() { settings.select.clone() } else { select.to_vec() };
        if !chosen.is_empty() {
            chosen.extend(extend_select.iter().cloned());
        }
        let named = |id: &String| select.contains(id) || extend_select.contains(id);
        let configured = settings.ignore.iter().filter(|id| !named(id));
        Selection { select: chosen, ignore: configured.chain(ignore).cloned().collect() }
    }

    pub fn includes(&self, id: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| s == id)) && !self.ignore.iter().any(|s| s == id)
    }
}

/// How a run goes beyond the rules themselves.
#[derive(Default)]
pub struct RunOptions<'a> {
    /// Report only on the documents of files for which this says yes (by path); the
    /// others are context for the corpus rules (`--corpus-root`). `None`: every document.
    pub focus: Option<&'a (dyn Fn(&str) -> bool + Sync)>,
    /// Called once per document checked (a progress bar).
    pub on_document: Option<&'a (dyn Fn() + Sync)>,
    /// Claims of documents seen before (`None`: extract every document).
    pub cache: Option<&'a crate::cache::ClaimCache>,
    /// Per-document findings and claims already computed, one entry per document (joined
    /// shard indexes): only the corpus rules run.
    pub indexed: Option<&'a [(Vec<Finding>, Vec<Claim>)]>,
    /// The corpus is one component of a larger one, checked by the distributed engine:
    /// what was decided over all of it.
    pub scope: Option<&'a crate::rules::Scope>,
    /// Which rules run: all of them, or (in the distributed engine) those of one stage.
    pub stage: Stage,
}

/// The two stages of a check, for the distributed engine, which runs them on different
/// machines: the per-document rules on pieces of the corpus, the corpus rules on
/// components of linked documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stage {
    #[default]
    Both,
    /// Per-document rules and the findings on unreadable input; no corpus rule.
    Documents,
    /// Corpus rules only.
    Corpus,
}

impl RunOptions<'_> {
    /// Whether findings on the file shown as `path` are reported.
    fn focused(&self, path: &str) -> bool {
        self.focus.is_none_or(|f| f(path))
    }
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

/// What a run keeps of each document for the corpus stage.
#[derive(Default)]
struct Kept {
    findings: Vec<Finding>,
    claims: ClaimStore,
    keys: StoryKeys,
    signatures: SketchStore,
    focus: Vec<bool>,
}

/// The per-document work's results for one document.
struct Worked {
    findings: Vec<Finding>,
    claims: Vec<Claim>,
    /// Its figure keys, for finding stories.
    keys: Vec<u64>,
    signature: Option<Sketch>,
}

/// Whether rule `id` runs: selected, and not turned off in the configuration.
fn enabled(settings: &Settings, selection: &Selection, id: &str) -> bool {
    selection.includes(id) && settings.severity(id, rules::severity(id)).is_some()
}

/// The rules of a run and what the per-document work needs.
struct Plan<'a> {
    settings: &'a Settings,
    selection: &'a Selection,
    options: &'a RunOptions<'a>,
    rules: Vec<Box<dyn Rule>>,
    extractor: crate::extract::Extractor,
    cached_rules: Option<Vec<Box<dyn Rule>>>,
    rule_ids: Vec<&'static str>,
}

impl<'a> Plan<'a> {
    fn new(settings: &'a Settings, selection: &'a Selection, options: &'a RunOptions<'a>) -> Plan<'a> {
        let rules = rules::registry(settings).into_iter().filter(|r| enabled(settings, selection, r.id())).collect();
        let cached_rules = options.cache.map(|_| document_rules(settings));
        let rule_ids = cached_rules.iter().flatten().map(|r| r.id()).collect();
        Plan { settings, selection, options, rules, extractor: settings.extractor(), cached_rules, rule_ids }
    }

    fn enabled(&self, id: &str) -> bool {
        enabled(self.settings, self.selection, id)
    }

    /// The per-document work on `documents`, the corpus's documents from `first` on.
    fn documents(&self, first: usize, documents: &[Document], kept: &mut Kept) {
        let mut in_focus: Vec<bool> = Vec::with_capacity(documents.len());
        let mut by_file: std::collections::HashMap<&str, bool> = std::collections::HashMap::new();
        for d in documents {
            in_focus.push(*by_file.entry(&d.file.path).or_insert_with(|| self.options.focused(&d.file.path)));
        }
        warn_unknown_suppressions(documents, self.settings);
        let settings_key = self.settings.results_key();
        let results: Vec<Worked> = documents
            .par_iter()
            .enumerate()
            .map(|(k, d)| {
                let i = first + k;
                let (findings, claims) = match self.options.indexed {
                    Some(indexed) => {
                        let (findings, claims) = &indexed[i];
                        (findings.iter().filter(|f| self.enabled(f.rule)).cloned().collect(), claims.clone())
                    }
                    None => match (self.options.cache, &self.cached_rules) {
                        // Cached findings are those of every configured rule, so that a
                        // later run with another --select can use them too.
                        (Some(cache), Some(all)) => {
                            let findings = if in_focus[k] {
                                let check = || all.iter().flat_map(|r| r.check_document(i, d)).collect();
                                let mut found = cache.findings(d, settings_key, (i, &self.rule_ids), check);
                                found.retain(|f| self.enabled(f.rule));
                                found
                            } else {
                                Vec::new()
                            };
                            (findings, cache.claims(&d.text, |t| self.extractor.claims(t)))
                        }
                        _ => {
                            let rules =
                                if in_focus[k] && self.options.stage != Stage::Corpus { &self.rules[..] } else { &[] };
                            document_results(rules, &self.extractor, i, d)
                        }
                    },
                };
                let signature = self.rules.iter().find_map(|r| r.signature(d, self.options.cache));
                if let Some(tick) = self.options.on_document {
                    tick();
                }
                let keys = StoryKeys::keys_of(&claims);
                Worked { findings, claims, keys, signature }
            })
            .collect();
        for Worked { findings, claims, keys, signature } in results {
            kept.findings.extend(findings);
            kept.claims.push(&claims);
            kept.keys.push(&keys);
            kept.signatures.extend(signature);
        }
        kept.focus.extend(in_focus);
    }

    /// The corpus rules over what was kept, then the findings on files that could not be read.
    fn corpus(&self, corpus: &Corpus, kept: &mut Kept) {
        let focus = self.options.focus.map(|_| kept.focus.as_slice());
        let mut data =
            CorpusData::new(corpus, (Claims::Stored(&kept.claims), &kept.keys), &kept.signatures, self.settings);
        data.focus = focus;
        data.cache = self.options.cache;
        data.scope = self.options.scope;
        let mut found = Vec::new();
        let rules = if self.options.stage == Stage::Documents { &[] } else { &self.rules[..] };
        for rule in rules {
            let started = std::time::Instant::now();
            found.extend(rule.check_corpus(&data));
            log::debug!("{} over the corpus in {:?}", rule.id(), started.elapsed());
            // A rule's working set (near-copy bands, the story index) is let go before the
            // next rule builds its own.
            crate::memory::give_back();
        }
        kept.findings.extend(found);
        if self.enabled("unreadable-input") {
            kept.findings.extend(corpus.errors.iter().map(unreadable));
        }
        if focus.is_some() {
            let focus = &kept.focus;
            let focused = |place: &Place| match place {
                Place::Text { doc, .. } => focus[*doc],
                Place::File { .. } => true,
            };
            // A finding on another document stays when the focused documents are all it is
            // checked against: an edited figure that contradicts a report nobody staged must
            // still stop the commit, wherever the finding sits.
            kept.findings
                .retain(|f| focused(&f.place) || !f.related.is_empty() && f.related.iter().all(|r| focused(&r.place)));
        }
    }

    /// Severities from the configuration, suppression comments, and the output order.
    fn finish(&self, corpus: &Corpus, kept: Kept) -> Report {
        let mut findings = kept.findings;
        for f in &mut findings {
            if let Some(Some(severity)) = self.settings.severities.get(f.rule) {
                f.severity = *severity;
            }
        }
        crate::suppress::apply(&corpus.documents, &mut findings);
        if !self.settings.per_file_ignores.is_empty() {
            findings.retain(|f| {
                let path = match &f.place {
                    Place::Text { doc, .. } => &corpus.documents[*doc].file.path,
                    Place::File { path, .. } => path,
                };
                !self.settings.per_file_ignores.iter().any(|p| p.ignores(path, f.rule))
            });
        }
        findings.sort_by_cached_key(|f| sort_key(corpus, f));
        Report { findings, claims: kept.claims.count() }
    }
}

/// Warns, in document order, of suppression directives naming a rule that does not exist:
/// `factlint-disable boilerplat` would otherwise silence nothing without a word.
fn warn_unknown_suppressions(documents: &[Document], settings: &Settings) {
    let mut known: Option<Vec<String>> = None;
    for d in documents.iter().filter(|d| !d.comments.is_empty()) {
        let known = known.get_or_insert_with(|| settings.rule_ids());
        for (offset, id) in crate::suppress::unknown_rules(d, known) {
            let at = d.file.lines.position(&d.file.text, offset);
            let hint = match rules::closest_id(&id, known.iter().map(String::as_str)) {
                Some(near) => format!("; did you mean `{near}`?"),
                None => String::new(),
            };
            log::warn!(
                "{}:{}:{}: a suppression names the unknown rule `{id}`{hint}",
                d.file.path,
                at.line + d.file.first_line - 1,
                at.column
            );
        }
    }
}

fn unreadable(e: &crate::source::LoadError) -> Finding {
    Finding {
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
    }
}

/// Checks a corpus held in memory (or joined from shard indexes).
pub fn run(corpus: &Corpus, settings: &Settings, selection: &Selection, options: &RunOptions<'_>) -> Report {
    run_keeping(corpus, settings, selection, options).0
}

/// [`run`], also giving every document's figure keys and, when a rule that runs takes
/// them, near-copy sketches (one per document): what the distributed engine links
/// documents by.
pub fn run_keeping(
    corpus: &Corpus,
    settings: &Settings,
    selection: &Selection,
    options: &RunOptions<'_>,
) -> (Report, StoryKeys, Vec<Sketch>) {
    let plan = Plan::new(settings, selection, options);
    let mut kept = Kept::default();
    let started = std::time::Instant::now();
    plan.documents(0, &corpus.documents, &mut kept);
    log::debug!("per-document rules and claims in {:?}", started.elapsed());
    plan.corpus(corpus, &mut kept);
    let (keys, signatures) = (std::mem::take(&mut kept.keys), std::mem::take(&mut kept.signatures));
    (plan.finish(corpus, kept), keys, signatures.to_vec())
}

/// A finding's key in the output order: by file, then by record for a dataset whose
/// positions count inside each record (its unreadable records first), then by place and
/// rule.
pub fn sort_key(corpus: &Corpus, f: &Finding) -> (String, usize, usize, &'static str, String) {
    match &f.place {
        Place::Text { doc, span } => {
            let d = &corpus.documents[*doc];
            let record = if d.file.packing.is_record_relative() { d.record + 1 } else { 0 };
            (d.file.path.clone(), record, d.file.base + d.map.start(span.start), f.rule, f.fingerprint.clone())
        }
        Place::File { path, offset, .. } => (path.clone(), 0, *offset, f.rule, f.fingerprint.clone()),
    }
}
