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

use super::{content_key, finding, Rule};
use crate::finding::Finding;
use crate::source::Document;

pub struct RomanizationArtifact;

const ID: &str = "romanization-artifact";

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

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
            let mut first = None;
            let mut count = 0usize;
            let mut prev = ' ';
            for (i, c) in text[para.clone()].char_indices() {
                let at = para.start + i;
                if c == '(' && is_han(prev) {
                    if let Some(end) = artifact_at(text, at) {
                        count += 1;
                        first.get_or_insert(at - prev.len_utf8()..end);
                    }
                }
                prev = c;
            }
            if let Some(span) = first {
                let shown = &text[span.clone()];
                let more =
                    if count > 1 { format!(" (and {} more in this paragraph)", count - 1) } else { String::new() };
                out.push(finding(
                    ID,
                    doc,
                    document,
                    span.clone(),
                    format!("romanization glued to the text: `{shown}`{more}"),
                    Some("strip the parenthesized pinyin after each character".to_string()),
                    &content_key(text, span.clone()),
                ));
            }
        }
        out
    }
}
