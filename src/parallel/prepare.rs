//! A document made ready for comparison, once per story however many pairs it is in:
//! its mentions, paragraphs and sentences with what alignment needs of them (weights and
//! anchor keys), the wording of each paragraph for telling a reprint from a rewrite, its
//! dateline, and the spans whose numbers are names (titles, publication stamps).

use super::align::Segment;
use super::relate::{fill, Dateline};
use super::segment::{self, weight, Paragraph};
use crate::extract::mention::{Kind, Mention};
use crate::extract::{Claim, Extractor};
use crate::source::Document;
use std::ops::Range;

/// One side of a parallel pair: a document's text, mentions, paragraphs and dateline.
pub struct Side<'a> {
    pub text: &'a str,
    pub mentions: &'a [Mention],
    pub paragraphs: &'a [Paragraph],
    /// Each paragraph, and each of its sentences, as alignment sees it.
    pub paragraph_segments: &'a [Segment],
    pub sentence_segments: &'a [Vec<Segment>],
    pub wording: &'a [Wording],
    pub dateline: Dateline,
    pub titles: &'a [Range<usize>],
}

/// A document made ready for comparison: its mentions, paragraphs and dateline.
pub struct Prepared {
    pub mentions: Vec<Mention>,
    pub paragraphs: Vec<segment::Paragraph>,
    /// Each paragraph as alignment sees it, and each of its sentences.
    pub paragraph_segments: Vec<Segment>,
    pub sentence_segments: Vec<Vec<Segment>>,
    /// The wording of each paragraph ([`Wording`]).
    pub wording: Vec<Wording>,
    pub dateline: Dateline,
    /// Spans whose numbers are not figures of the story: titles (`《十月围城》`) and
    /// publication stamps (`2020-07-26 19:44:50 来源：…`).
    pub titles: Vec<std::ops::Range<usize>>,
}

impl Prepared {
    pub fn of(extractor: &Extractor, document: &Document, claims: &[Claim]) -> Prepared {
        let text = &document.text;
        let mentions = extractor.mentions_with(text, claims.to_vec());
        let paragraphs = segment::paragraphs(text, &document.paragraphs);
        let dateline = dateline(document, &mentions);
        let mut titles = titles(text);
        titles.extend(stamps(text));
        titles.sort_by_key(|r| r.start);
        let segment_of = |span: &Range<usize>| Segment {
            weight: weight(&text[span.clone()]),
            keys: keys(&mentions, &dateline, span),
        };
        let sentence_segments: Vec<Vec<Segment>> =
            paragraphs.iter().map(|p| p.sentences.iter().map(segment_of).collect()).collect();
        // A paragraph weighs what its sentences weigh: only whitespace lies between them.
        let paragraph_segments = paragraphs
            .iter()
            .zip(&sentence_segments)
            .map(|(p, s)| Segment {
                weight: s.iter().map(|x| x.weight).sum(),
                keys: keys(&mentions, &dateline, &p.span),
            })
            .collect();
        let wording = paragraphs.iter().map(|p| Wording::of(&text[p.span.clone()])).collect();
        Prepared { mentions, paragraphs, paragraph_segments, sentence_segments, wording, dateline, titles }
    }

    pub fn side<'a>(&'a self, text: &'a str) -> Side<'a> {
        Side {
            text,
            mentions: &self.mentions,
            paragraphs: &self.paragraphs,
            paragraph_segments: &self.paragraph_segments,
            sentence_segments: &self.sentence_segments,
            wording: &self.wording,
            dateline: self.dateline,
            titles: &self.titles,
        }
    }
}

/// The character pairs of a paragraph as a set of 1,024 hashed bits: enough to tell a
/// paragraph copied with changes from one rewritten, without keeping the pairs. Chinese
/// characters count in their simplified form, so a copy in the other script is a copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wording([u64; 16]);

impl Wording {
    pub fn of(text: &str) -> Wording {
        let mut bits = [0u64; 16];
        let mut previous: Option<char> = None;
        for c in text.chars().filter(|c| !c.is_whitespace()).map(super::script::simplified) {
            if let Some(p) = previous {
                let h = (u64::from(p as u32) << 21 | u64::from(c as u32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54;
                bits[(h >> 6) as usize] |= 1 << (h & 63);
            }
            previous = Some(c);
        }
        Wording(bits)
    }

    /// Jaccard similarity of two wordings' pair sets (estimated).
    pub fn similarity(&self, other: &Wording) -> f64 {
        let (mut both, mut either) = (0u32, 0u32);
        for (a, b) in self.0.iter().zip(&other.0) {
            both += (a & b).count_ones();
            either += (a | b).count_ones();
        }
        if either == 0 {
            0.0
        } else {
            f64::from(both) / f64::from(either)
        }
    }

    /// The wording of several paragraphs together.
    pub fn union<'w>(all: impl Iterator<Item = &'w Wording>) -> Wording {
        let mut bits = [0u64; 16];
        for w in all {
            for (b, x) in bits.iter_mut().zip(&w.0) {
                *b |= x;
            }
        }
        Wording(bits)
    }
}

/// Keys of the figures a span states, for alignment anchors: values of two or more
/// significant digits, dates and clock times, in a form both languages share.
fn keys(mentions: &[Mention], dl: &Dateline, span: &Range<usize>) -> Vec<u64> {
    let from = mentions.partition_point(|m| m.start < span.start);
    let mut out: Vec<u64> = mentions[from..]
        .iter()
        .take_while(|m| m.start < span.end)
        .filter(|m| m.end <= span.end)
        .filter_map(|m| anchor_key(m, dl))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A value to six significant digits, as a key both languages share (`1.72万` and
/// "17,200" give one).
fn canonical(tag: u64, x: f64) -> u64 {
    if x == 0.0 || !x.is_finite() {
        return tag;
    }
    let mut exponent = x.abs().log10().floor() as i32;
    let mut mantissa = (x / 10f64.powi(exponent - 5)).round() as i64;
    if mantissa.abs() >= 1_000_000 {
        mantissa /= 10;
        exponent += 1;
    }
    (mantissa as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (exponent as u64).rotate_left(32) ^ tag.rotate_left(61)
}

fn anchor_key(m: &Mention, dl: &Dateline) -> Option<u64> {
    match &m.kind {
        Kind::Quantity(c) if c.value.abs() >= 10.0 || c.value.fract() != 0.0 => Some(canonical(1, c.value)),
        Kind::Number(n) if !n.vague && !n.spelled && (n.value.abs() >= 10.0 || n.value.fract() != 0.0) => {
            Some(canonical(1, n.value))
        }
        Kind::Date(d) => {
            let d = fill(d, dl);
            match (d.year, d.month, d.day) {
                (_, Some(mo), Some(day)) => Some(canonical(2, f64::from(mo) * 100.0 + f64::from(day))),
                (Some(y), None, None) => Some(canonical(1, f64::from(y))),
                _ => None,
            }
        }
        Kind::Time(t) => Some(canonical(3, f64::from(t.hour) * 100.0 + f64::from(t.minute.unwrap_or(0)))),
        _ => None,
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
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
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

/// Bytes at the start of a document's body where a dateline stands (`本报杭州7月26日电`,
/// "HANGZHOU, July 26 (Reuters)").
const DATELINE_BYTES: usize = 160;

/// The day a document's partial dates are counted from: its date, else the first full
/// day and month near the start of its text; the year, when neither gives one, from the
/// dates the text writes out in full.
pub fn dateline(document: &Document, mentions: &[Mention]) -> Dateline {
    let mut dl = Dateline::default();
    if let Some(day) = document.date.as_deref().and_then(crate::dates::day_number) {
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
    fn wordings_tell_copies_from_rewrites() {
        let a = Wording::of("今年以来，基层诊疗量占比达到33.31%，累计安排专项资金3474多亿元。");
        let b = Wording::of("今年以来，基层诊疗量占比达到33.31%，累计安排专项资金3747多亿元。");
        let c = Wording::of("研究人员表示，服务能力仍有提升空间，考核评价机制逐步健全。");
        assert!(a.similarity(&b) > 0.7 && a.similarity(&c) < 0.2, "{} {}", a.similarity(&b), a.similarity(&c));
        assert_eq!(canonical(1, 17200.0), canonical(1, 1.72e4));
        assert_ne!(canonical(1, 17200.0), canonical(1, 17300.0));
    }

    #[test]
    fn civil_days_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2020, 7, 26), (2000, 2, 29), (2021, 12, 10)] {
            let n = super::super::relate::days_from_civil(y, m, d).unwrap();
            assert_eq!(civil_from_days(n), (y, m, d));
        }
    }
}
