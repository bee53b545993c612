//! Parallel documents: translations and reprints, compared segment by segment.
//!
//! [`pairs`] decides which documents of a story render one another and which is the
//! source; [`segment`] cuts each into paragraphs and sentences; [`align`] aligns them;
//! [`compare`] matches every numeric mention (quantities, dates, clock times, ordinals,
//! bare numbers) inside aligned segments and says what differs or is missing; [`relate`]
//! is the judgement of two mentions. The rules `numeric-contradiction`,
//! `magnitude-mismatch`, `unit-mismatch`, `date-mismatch` and `missing-figure` report
//! what this finds.

pub mod align;
pub mod compare;
mod days;
mod describe;
pub mod pairs;
mod prepare;
mod redundant;
pub mod relate;
pub mod relation;
mod script;
pub mod segment;

use crate::corpus::Resident;
use crate::extract::mention::{Kind, Mention};
use crate::extract::{Claim, Extractor};
use crate::glossary::Glossary;
use crate::view::DocClaims;
pub use compare::{Comparison, Discrepancy, Found, Issue, SegmentPair};
pub use pairs::{Pair, PairKind};
pub use prepare::{dateline, Prepared};
pub use relate::{Dateline, Problem};
use std::collections::HashMap;

/// One parallel pair and what its comparison found.
#[derive(Clone, Debug)]
pub struct ParallelResult {
    pub pair: Pair,
    pub discrepancies: Vec<compare::Found>,
    /// Spans of the figures the two documents state alike (source, target).
    pub confirmed: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
    /// The aligned segments, when kept.
    pub segments: Vec<SegmentPair>,
}

/// Drops the differences of a pair that a third document settles against the source: a
/// target figure stated the same way by another document of the story is right, and the
/// source's own pair with that document reports the source's figure.
pub fn settle(results: &mut [ParallelResult]) {
    let mut confirmed: Vec<(usize, std::ops::Range<usize>, usize)> = Vec::new();
    for r in results.iter() {
        for (s, t) in &r.confirmed {
            confirmed.push((r.pair.target, t.clone(), r.pair.source));
            confirmed.push((r.pair.source, s.clone(), r.pair.target));
        }
    }
    for r in results.iter_mut() {
        let (source, target) = (r.pair.source, r.pair.target);
        r.discrepancies.retain(|d| {
            let settled = matches!(d.issue, Issue::Differ(_))
                && d.target_is_figure
                && confirmed
                    .iter()
                    .any(|(doc, span, partner)| *doc == target && *span == d.target && *partner != source);
            if settled {
                log::debug!("a third document states the target's figure at {:?} the same way; not reported", d.target);
            }
            !settled
        });
    }
}

/// The source language when none is configured: factlint's corpora are Chinese news and
/// their English renderings.
pub const DEFAULT_SOURCE_LANGUAGE: &str = "zh";

/// Parallel pairs of one story compared, each document prepared once.
pub struct Compared<'r, 'a> {
    documents: &'r Resident<'a>,
    extractor: &'r Extractor,
    glossary: &'r Glossary,
    prepared: HashMap<usize, Prepared>,
    /// Each document's distinctive figures in order, for telling parallel pairs.
    figures: HashMap<usize, Vec<u64>>,
    /// Word shingles of documents that may be reprints with edited figures.
    shingles: HashMap<usize, Vec<u32>>,
}

/// Shingle size (words, or Han characters) for telling a reprint by its text.
const REPRINT_SHINGLE: usize = 5;

impl<'r, 'a> Compared<'r, 'a> {
    pub fn new(documents: &'r Resident<'a>, extractor: &'r Extractor, glossary: &'r Glossary) -> Self {
        Compared {
            documents,
            extractor,
            glossary,
            prepared: HashMap::new(),
            figures: HashMap::new(),
            shingles: HashMap::new(),
        }
    }

    /// Whether two documents of the story (`a`, `b`, with their claims) are parallel, and
    /// which is the source.
    pub fn pair(
        &mut self,
        (a, va): (usize, &DocClaims<'_>),
        (b, vb): (usize, &DocClaims<'_>),
        source_language: Option<&str>,
    ) -> Option<Pair> {
        if va.text.is_empty() || vb.text.is_empty() {
            return None;
        }
        for (i, v) in [(a, va), (b, vb)] {
            self.figures.entry(i).or_insert_with(|| pairs::sequence(v.claims));
        }
        let documents = self.documents;
        let candidate = |i: usize, v: &DocClaims<'_>| {
            let d = documents.get(i);
            pairs::Candidate {
                index: i,
                name: &d.name,
                language: v.lang,
                published: d.date.as_deref().and_then(crate::dates::minute_number),
                figures: &self.figures[&i],
            }
        };
        let language = Some(source_language.unwrap_or(DEFAULT_SOURCE_LANGUAGE));
        let (ca, cb) = (candidate(a, va), candidate(b, vb));
        if let Some(pair) = pairs::pair(&ca, &cb, language) {
            return Some(pair);
        }
        if !pairs::maybe_edited_reprint(&ca, &cb) {
            return None;
        }
        // Figures that no longer line up may be the very edits to report: a near copy of
        // the text, in either Chinese script, is a reprint all the same.
        let shingles = &mut self.shingles;
        for (i, v) in [(a, va), (b, vb)] {
            shingles.entry(i).or_insert_with(|| crate::dedup::shingles(&script::fold(v.text), REPRINT_SHINGLE));
        }
        let similarity = crate::dedup::jaccard(&shingles[&a], &shingles[&b]);
        log::debug!("documents {a} and {b}: figures partly in order, texts {similarity:.2} alike");
        (similarity >= pairs::MIN_REPRINT_TEXT_SHARE).then(|| pairs::edited_reprint(&ca, &cb, language))
    }

    fn prepare(&mut self, doc: usize, claims: &[Claim]) {
        if !self.prepared.contains_key(&doc) {
            let p = Prepared::of(self.extractor, self.documents.get(doc), claims);
            self.prepared.insert(doc, p);
        }
    }

    /// Compares a pair; also the claims (by index, source then target) that agree.
    pub fn compare(
        &mut self,
        pair: Pair,
        source_claims: &[Claim],
        target_claims: &[Claim],
    ) -> (ParallelResult, Vec<(usize, usize)>) {
        self.prepare(pair.source, source_claims);
        self.prepare(pair.target, target_claims);
        let (ps, pt) = (&self.prepared[&pair.source], &self.prepared[&pair.target]);
        let (source, target) =
            (ps.side(&self.documents.get(pair.source).text), pt.side(&self.documents.get(pair.target).text));
        let judge = relate::Judge { lexicon: self.extractor.lexicon(), glossary: self.glossary };
        let rendering = match pair.kind {
            PairKind::Named => compare::Rendering::Translation,
            PairKind::Translation => compare::Rendering::Rewrite,
            PairKind::Reprint => compare::Rendering::Reprint,
        };
        let mut comparison = compare::compare(&judge, &source, &target, rendering);
        // Reports of January–May and of May share sentences word for word: two figures
        // stated for periods that differ are two quantities, as they are in a story.
        let periods = self.glossary.periods();
        comparison.discrepancies.retain(|d| {
            let (Kind::Quantity(a), Some(Kind::Quantity(b))) =
                (&source.mentions[d.source].kind, d.target.map(|t| &target.mentions[t].kind))
            else {
                return true;
            };
            let (x, y) = (crate::view::period(source.text, a, periods), crate::view::period(target.text, b, periods));
            let apart = x.is_some() && y.is_some() && x != y;
            if apart {
                log::debug!(
                    "figures at bytes {} and {} are stated for periods {x:?} and {y:?}; not compared",
                    a.start,
                    b.start
                );
            }
            !apart
        });
        let claim_at = |claims: &[Claim], m: &Mention| claims.iter().position(|c| c.start == m.start && c.end == m.end);
        let flagged: Vec<(usize, Option<usize>)> =
            comparison.discrepancies.iter().map(|d| (d.source, d.target)).collect();
        let unflagged: Vec<(usize, usize)> = comparison
            .segments
            .iter()
            .flat_map(|s| s.matched.iter().copied())
            .filter(|&(s, t)| !flagged.contains(&(s, Some(t))))
            .collect();
        let agreeing = unflagged
            .iter()
            .filter_map(|&(s, t)| {
                let (ms, mt) = (&source.mentions[s], &target.mentions[t]);
                match (&ms.kind, &mt.kind) {
                    // Facts compare intervals as written: a figure and its conversion
                    // (20里, "10 kilometers") agree here, not there.
                    (Kind::Quantity(a), Kind::Quantity(b))
                        if a.dimension != crate::extract::Dimension::Measure || a.unit == b.unit =>
                    {
                        Some((claim_at(source_claims, ms)?, claim_at(target_claims, mt)?))
                    }
                    _ => None,
                }
            })
            .collect();
        let confirmed = unflagged
            .iter()
            .map(|&(s, t)| {
                let (ms, mt) = (&source.mentions[s], &target.mentions[t]);
                (ms.start..ms.end, mt.start..mt.end)
            })
            .collect();
        let discrepancies = comparison.discrepancies.iter().map(|d| compare::found(d, &source, &target)).collect();
        (ParallelResult { pair, discrepancies, confirmed, segments: comparison.segments }, agreeing)
    }
}
