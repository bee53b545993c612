//! Flags pinyin glued after Han characters, as pages with ruby annotations leave it when
//! scraped: `本報(bào)訊`, `衛(wèi)生`.
//!
//! Why: the romanization is not part of the text; it doubles the length of words, breaks
//! search and duplicate detection, and shows the source was converted carelessly.
//!
//! Chinese: `廣西壯族自治區(qū)衛(wèi)生計(jì)生委` — three artifacts in one name.
//! English: `Beijing (Peking)` is not flagged, as no Han character comes before the
//! parenthesis; "the Guangxi Health Commission (广西卫生计生委)" is not either.
//!
//! One finding per paragraph, at the first artifact, counting the rest. A parenthesis
//! counts when it follows a Han character and holds one Latin syllable with a tone mark
//! (or ü).
//!
//! `factlint check --fix` drops the pinyin of the paragraph (`本報(bào)訊` → `本報訊`).

use super::{content_key, finding, Rule};
use crate::extract::script::is_han;
use crate::finding::Edit;
use crate::finding::Finding;
use crate::source::Document;
use std::ops::Range;

pub struct RomanizationArtifact;

pub(super) const ID: &str = "romanization-artifact";

fn is_tone_vowel(c: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

/// The artifact starting at the `(` at `open`, if any: its end.
fn artifact_at(text: &str, open: usize) -> Option<usize> {
    let inner_start = open + 1;
    let close = text[inner_start..].find(')')? + inner_start;
    let inner = &text[inner_start..close];
    let letters = inner.chars().count();
    let latin = inner.chars().all(|c| c.is_ascii_lowercase() || is_tone_vowel(c));
    let marked = inner.chars().any(is_tone_vowel);
    ((1..=7).contains(&letters) && latin && marked).then_some(close + 1)
}

impl Rule for RomanizationArtifact {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_document(&self, doc: usize, document: &Document) -> Vec<Finding> {
        let text = &document.text;
        let mut out = Vec::new();
        for para in &document.paragraphs {
            let found = artifacts(text, para.clone());
            if let Some((han, pinyin)) = found.first() {
                let span = han.start..pinyin.end;
                let shown = &text[span.clone()];
                let count = found.len();
                let more =
                    if count > 1 { format!(" (and {} more in this paragraph)", count - 1) } else { String::new() };
                out.push(finding(
                    ID,
                    doc,
                    document,
                    span.clone(),
                    format!("romanization glued to the text: `{shown}`{more}"),
                    Some("strip the parenthesized pinyin after each character".to_string()),
                    &content_key(text, span),
                ));
            }
        }
        out
    }

    /// `本報(bào)訊` → `本報訊`: every parenthesized syllable of the finding's paragraph goes,
    /// the Han characters stay.
    fn fix(&self, document: &Document, span: Range<usize>) -> Vec<Edit> {
        let Some(para) = document.paragraphs.iter().find(|p| p.contains(&span.start)) else { return Vec::new() };
        artifacts(&document.text, para.clone())
            .into_iter()
            .map(|(_, pinyin)| Edit::new(pinyin, String::new()))
            .collect()
    }
}

/// The artifacts of a paragraph: the Han character and the parenthesized syllable after it.
fn artifacts(text: &str, para: Range<usize>) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    // `(` is one byte, never inside another character: it is found by byte.
    for i in memchr::memchr_iter(b'(', &text.as_bytes()[para.clone()]) {
        let at = para.start + i;
        let Some(before) = text[para.start..at].chars().next_back() else { continue };
        if is_han(before) {
            if let Some(end) = artifact_at(text, at) {
                out.push((at - before.len_utf8()..at, at..end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::flagged_in;

    #[test]
    fn pinyin_after_han_characters_is_flagged_once_per_paragraph() {
        let found = crate::testing::check_texts(super::ID, &[("a.txt", "廣西壯族自治區(qū)衛(wèi)生計(jì)生委\n")]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "區(qū)");
        assert!(found[0].message.ends_with("(and 2 more in this paragraph)"), "{}", found[0].message);
    }

    #[test]
    fn parentheses_that_are_not_pinyin_are_not() {
        let text = "Beijing (Peking) hosted it.\nthe Guangxi Health Commission (广西卫生计生委)\n投入(亿元)1.4\n";
        assert!(flagged_in(super::ID, text).is_empty());
    }
}
