//! A document's claims as story alignment and parallel comparison read them: its text,
//! claims and language, and what surrounds a figure (the words right around it, its
//! clause, and the period its sentence names), for telling which figures of two reports
//! state one quantity.

use crate::extract::{Claim, Dimension};

/// One document's text and claims, as alignment sees them.
pub struct DocClaims<'a> {
    pub text: &'a str,
    pub claims: &'a [Claim],
    pub lang: crate::extract::Lang,
}

impl DocClaims<'_> {
    pub fn text_of(&self, c: &Claim) -> &str {
        &self.text[c.start..c.end]
    }
}

/// Characters before and after a figure that must agree for a context match: reprints
/// copy the sentence, articles on a similar topic only its pattern.
pub(crate) const CONTEXT_CHARS: usize = 8;
const RIGHT_CONTEXT_CHARS: usize = 3;

/// The period a figure is stated for, when its sentence names one before it (`1-5月`,
/// `5月份`, `一季度`, `上半年`): reports of January–May and of May share sentences word for
/// word, and their figures are different quantities.
pub(crate) fn period(text: &str, c: &Claim, named: &[String]) -> Option<String> {
    let sentence_start = text[..c.start]
        .char_indices()
        .rev()
        .find(|(_, ch)| matches!(ch, '。' | '；' | '！' | '？' | '\n'))
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    let clause = &text[sentence_start..c.start];
    if let Some(m) = named.iter().filter_map(|m| clause.rfind(m.as_str()).map(|i| (i, m))).max() {
        return Some(m.1.clone());
    }
    let month = clause.rfind('月')?;
    let head = &clause[..month];
    let digits_start = head
        .char_indices()
        .rev()
        .take_while(|(_, ch)| ch.is_ascii_digit() || matches!(ch, '-' | '—' | '至' | '~' | '～'))
        .last()
        .map(|(i, _)| i)?;
    Some(clause[digits_start..month].to_string())
}

/// The text right before a claim (nearest first) and right after it, whitespace dropped.
pub(super) fn context(text: &str, c: &Claim) -> String {
    let mut out: String = text[..c.start].chars().rev().filter(|ch| !ch.is_whitespace()).take(CONTEXT_CHARS).collect();
    out.push('\u{1f}');
    out.extend(text[c.end..].chars().filter(|ch| !ch.is_whitespace()).take(RIGHT_CONTEXT_CHARS));
    out
}

/// The clause a claim is in (between punctuation marks): the words the glossary may know.
pub(super) fn clause<'a>(text: &'a str, c: &Claim) -> &'a str {
    let is_break = |ch: char| matches!(ch, '，' | '。' | '；' | '！' | '？' | ',' | ';' | '!' | '?' | '\n');
    let start =
        text[..c.start].char_indices().rev().find(|(_, ch)| is_break(*ch)).map_or(0, |(i, ch)| i + ch.len_utf8());
    let end = text[c.end..].char_indices().find(|(_, ch)| is_break(*ch)).map_or(text.len(), |(i, _)| c.end + i);
    &text[start..end]
}

/// The key of a distinctive figure: its value, when it has at least two significant digits
/// (1007, 1.4万亿, 11.8万) or three or more (832); `3000多` or `10万` are too round to tell
/// stories apart.
pub fn key(c: &Claim) -> Option<u64> {
    if c.dimension == Dimension::Measure && crate::extract::lexicon::is_duration_unit(&c.unit) {
        return None;
    }
    let digits = c.digits.trim_end_matches('0');
    if c.value.abs() < 10.0 || digits.len() < 2 {
        return None;
    }
    // Values equal to 9 significant digits share a key.
    let mut exponent = c.value.abs().log10().floor() as i32;
    let mut mantissa = (c.value / 10f64.powi(exponent - 8)).round() as i64;
    if mantissa.abs() >= 1_000_000_000 {
        mantissa /= 10;
        exponent += 1;
    }
    Some((mantissa as u64) ^ ((exponent as i64 as u64) << 40).rotate_left(7))
}
