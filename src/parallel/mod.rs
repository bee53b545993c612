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
mod describe;
pub mod pairs;
mod redundant;
pub mod relate;
pub mod segment;

use crate::corpus::Resident;
use crate::extract::mention::{Kind, Mention};
use crate::extract::{Claim, Extractor};
use crate::source::Document;
use crate::story::glossary::Glossary;
use crate::story::{DocClaims, ParallelResult};
pub use compare::{Comparison, Discrepancy, Found, Issue, SegmentPair};
pub use pairs::{Language, Pair, PairKind};
pub use relate::{Dateline, Problem};
use std::collections::HashMap;

/// Whether two documents of a story (`a`, `b`, with their claims) are parallel, and
/// which is the source.
pub fn pair_of(
    documents: &Resident<'_>,
    (a, va): (usize, &DocClaims<'_>),
    (b, vb): (usize, &DocClaims<'_>),
    source_language: Option<&str>,
) -> Option<Pair> {
    fn candidate<'c>(documents: &'c Resident<'_>, i: usize, v: &'c DocClaims<'_>) -> pairs::Candidate<'c> {
        let d = documents.get(i);
        pairs::Candidate {
            index: i,
            name: &d.name,
            language: if v.chinese { Language::Chinese } else { Language::English },
            day: d.date.as_deref().and_then(crate::story::group::day_number),
            claims: v.claims,
        }
    }
    if va.text.is_empty() || vb.text.is_empty() {
        return None;
    }
    let language = Some(source_language.unwrap_or(DEFAULT_SOURCE_LANGUAGE));
    pairs::pair(&candidate(documents, a, va), &candidate(documents, b, vb), language)
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
}

impl<'r, 'a> Compared<'r, 'a> {
    pub fn new(documents: &'r Resident<'a>, extractor: &'r Extractor, glossary: &'r Glossary) -> Self {
        Compared { documents, extractor, glossary, prepared: HashMap::new() }
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
        let comparison = compare::compare(&judge, &source, &target, rendering);
        let claim_at = |claims: &[Claim], m: &Mention| claims.iter().position(|c| c.start == m.start && c.end == m.end);
        let flagged: Vec<(usize, Option<usize>)> =
            comparison.discrepancies.iter().map(|d| (d.source, d.target)).collect();
        let agreeing = comparison
            .segments
            .iter()
            .flat_map(|s| s.matched.iter())
            .filter(|(s, t)| !flagged.contains(&(*s, Some(*t))))
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
        let confirmed = comparison
            .segments
            .iter()
            .flat_map(|s| s.matched.iter())
            .filter(|(s, t)| !flagged.contains(&(*s, Some(*t))))
            .map(|&(s, t)| {
                let (ms, mt) = (&source.mentions[s], &target.mentions[t]);
                (ms.start..ms.end, mt.start..mt.end)
            })
            .collect();
        let discrepancies = comparison.discrepancies.iter().map(|d| compare::found(d, &source, &target)).collect();
        (ParallelResult { pair, discrepancies, confirmed, segments: comparison.segments }, agreeing)
    }
}

/// A document made ready for comparison: its mentions, paragraphs and dateline.
pub struct Prepared {
    pub mentions: Vec<Mention>,
    pub paragraphs: Vec<segment::Paragraph>,
    pub dateline: Dateline,
    /// Spans whose numbers are not figures of the story: titles (`《十月围城》`) and
    /// publication stamps (`2020-07-26 19:44:50 来源：…`).
    pub titles: Vec<std::ops::Range<usize>>,
}

impl Prepared {
    pub fn of(extractor: &Extractor, document: &Document, claims: &[Claim]) -> Prepared {
        let mentions = extractor.mentions_with(&document.text, claims.to_vec());
        let paragraphs = segment::paragraphs(&document.text, &document.paragraphs);
        let dateline = dateline(document, &mentions);
        let mut titles = titles(&document.text);
        titles.extend(stamps(&document.text));
        titles.sort_by_key(|r| r.start);
        Prepared { mentions, paragraphs, dateline, titles }
    }

    pub fn side<'a>(&'a self, text: &'a str) -> compare::Side<'a> {
        compare::Side {
            text,
            mentions: &self.mentions,
            paragraphs: &self.paragraphs,
            dateline: self.dateline,
            titles: &self.titles,
        }
    }
}

/// Publication stamps: a date written `2020-07-26` with a clock time right after it
/// (`2020-07-26 19:44:50`, or run together as `2020-07-2619:44:50`).
fn stamps(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let digits = |at: usize, n: usize| at + n <= b.len() && b[at..at + n].iter().all(u8::is_ascii_digit);
    let mut out = Vec::new();
    let mut i = 0;
    while i + 8 <= b.len() {
        let boundary = i == 0 || !b[i - 1].is_ascii_digit();
        if boundary && digits(i, 4) && b[i + 4] == b'-' && digits(i + 5, 2) && b.get(i + 7) == Some(&b'-') {
            let mut end = i + 8;
            while end < b.len() && (b[end].is_ascii_digit() || b[end] == b':' || b[end] == b' ') {
                end += 1;
            }
            if text[i..end].contains(':') {
                out.push(i..end);
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Characters of a quoted name at most (`“千人计划”`): longer quotes are speech.
const MAX_QUOTED_NAME: usize = 8;

/// Spans between `《` and `》` (titles of books, films, laws, reports), and short quoted
/// names written without Arabic digits (`“千人计划”`, `“十四五”`).
fn titles(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut open, mut quote) = (None, None);
    for (i, c) in text.char_indices() {
        match c {
            '《' => open = Some(i),
            '》' => {
                if let Some(start) = open.take() {
                    out.push(start..i + c.len_utf8());
                }
            }
            '“' => quote = Some(i),
            '”' => {
                if let Some(start) = quote.take() {
                    let inner = &text[start + '“'.len_utf8()..i];
                    if inner.chars().count() <= MAX_QUOTED_NAME && !inner.bytes().any(|b| b.is_ascii_digit()) {
                        out.push(start..i + c.len_utf8());
                    }
                }
            }
            '\n' => {
                open = None;
                quote = None;
            }
            _ => {}
        }
    }
    out
}

/// Bytes at the start of a document's body where a dateline stands (`新华社西宁7月26日电`,
/// "XINING, July 26 (Xinhua)").
const DATELINE_BYTES: usize = 160;

/// The day a document's partial dates are counted from: its date, else the first full
/// day and month near the start of its text; the year, when neither gives one, from the
/// dates the text writes out in full.
pub fn dateline(document: &Document, mentions: &[Mention]) -> Dateline {
    let mut dl = Dateline::default();
    if let Some(day) = document.date.as_deref().and_then(crate::story::group::day_number) {
        let (y, m, d) = civil_from_days(day);
        return Dateline { year: Some(y), month: Some(m), day: Some(d) };
    }
    // The first paragraph may be a headline; the dateline opens the body.
    let starts: Vec<usize> = document.paragraphs.iter().take(3).map(|p| p.start).collect();
    let early = mentions.iter().find_map(|m| match &m.kind {
        Kind::Date(d) if d.month.is_some() && d.day.is_some() => {
            starts.iter().any(|&s| m.start >= s && m.start < s + DATELINE_BYTES).then_some(*d)
        }
        _ => None,
    });
    if let Some(d) = early {
        dl = Dateline { year: d.year, month: d.month, day: d.day };
    }
    if dl.year.is_none() {
        let mut years: Vec<(i32, usize)> = Vec::new();
        for m in mentions {
            if let Kind::Date(d) = &m.kind {
                if let (Some(y), Some(_)) = (d.year, d.month) {
                    match years.iter_mut().find(|(x, _)| *x == y) {
                        Some(e) => e.1 += 1,
                        None => years.push((y, 1)),
                    }
                }
            }
        }
        dl.year = years.iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| *y);
    }
    dl
}

/// (year, month, day) of a day number (days since 1970-01-01).
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    ((if m <= 2 { y + 1 } else { y }) as i32, m as u8, d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_and_titles_are_set_aside() {
        let text = "2020-07-26 19:44:50 来源：人民网\n《十月围城》和2020-07-2617:37:29 Source";
        let spans: Vec<&str> = titles(text).into_iter().chain(stamps(text)).map(|r| text[r].trim()).collect();
        assert_eq!(spans, ["《十月围城》", "2020-07-26 19:44:50", "2020-07-2617:37:29"]);
    }

    #[test]
    fn civil_days_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2020, 7, 26), (2000, 2, 29), (2021, 12, 10)] {
            let n = relate::days_from_civil(y, m, d).unwrap();
            assert_eq!(civil_from_days(n), (y, m, d));
        }
    }
}
