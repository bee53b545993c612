//! Flags a paragraph that repeats an earlier paragraph of the same document, exactly or
//! nearly (a few characters, the punctuation or one figure changed).
//!
//! Why: a paragraph pasted twice inflates every count taken from the text, and a near
//! copy whose figure changed is a contradiction inside one article.
//!
//! Chinese: 全县今年共招聘乡村教师3000名… pasted twice in one report is flagged at the
//! second copy, with the first as the related location; if the copy says 3500名, the help
//! names 3000 → 3500.
//! English: "The county recruited 3,000 teachers." repeated later as "The county recruited
//! 3,500 teachers." is flagged, and the help names 3,000 → 3,500.
//!
//! "Nearly" means: after folding full-width forms, case and whitespace, the two
//! paragraphs share at least 80% of their 3-character shingles (Jaccard). Paragraphs under
//! 20 characters and boilerplate lines never count. Defaults are in `rules/duplicates.toml`;
//! set `min-chars`, `shingle` and `near` under `[rules.duplicate-paragraph]` in
//! `factlint.toml` to change them.
//!
//! `factlint check --fix` deletes the second copy of a paragraph repeated byte for byte.

use super::boilerplate::Boilerplate;
use super::DuplicateSettings;
use super::{finding, Rule};
use crate::dedup::paragraph::{earlier_copies, normalize, normalize_into, Fingerprint};
use crate::finding::Edit;
use crate::finding::{Finding, Place, Related};
use crate::source::Document;

pub(super) const ID: &str = "duplicate-paragraph";

pub struct DuplicateParagraph {
    options: DuplicateSettings,
    boilerplate: Boilerplate,
}

impl DuplicateParagraph {
    pub fn new(options: DuplicateSettings, boilerplate: Boilerplate) -> DuplicateParagraph {
        DuplicateParagraph { options, boilerplate }
    }
}

/// Runs of digits (with separators and decimal points) in order: the figures of a text.
fn figures(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() || (!cur.is_empty() && matches!(c, '.' | ',')) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(cur.trim_end_matches(['.', ',']).to_string());
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(cur.trim_end_matches(['.', ',']).to_string());
    }
    out
}

/// The figures that differ between two near copies, as "3000 → 3500".
pub(super) fn changed_figures(first: &str, second: &str) -> Option<String> {
    let (a, b) = (figures(first), figures(second));
    if a == b || a.len() != b.len() {
        return None;
    }
    let pairs: Vec<String> = a.iter().zip(&b).filter(|(x, y)| x != y).map(|(x, y)| format!("{x} → {y}")).collect();
    (!pairs.is_empty()).then(|| pairs.join(", "))
}

/// What changed from `first` to `second`, character by character, shortly.
fn describe_change(first: &str, second: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_chars(first, second);
    let mut parts = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    let flush = |removed: &mut String, added: &mut String, parts: &mut Vec<String>| {
        if !removed.is_empty() || !added.is_empty() {
            parts.push(format!("`{removed}` → `{added}`"));
            removed.clear();
            added.clear();
        }
    };
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Delete => removed.push_str(change.value()),
            ChangeTag::Insert => added.push_str(change.value()),
            ChangeTag::Equal => flush(&mut removed, &mut added, &mut parts),
        }
    }
    flush(&mut removed, &mut added, &mut parts);
    let shown: Vec<String> = parts.iter().take(4).cloned().collect();
    let more = if parts.len() > 4 { format!(" and {} more changes", parts.len() - 4) } else { String::new() };
    format!("the second copy changes {}{more}", shown.join(", "))
}

impl Rule for DuplicateParagraph {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_document(&self, doc: usize, document: &Document) -> Vec<Finding> {
        let o = &self.options;
        // Each paragraph as its span and fingerprint: the normalized text itself is made
        // again only for the paragraphs reported.
        let mut normalized = String::new();
        let (spans, mut fingerprints): (Vec<std::ops::Range<usize>>, Vec<Fingerprint>) = document
            .paragraphs
            .iter()
            .filter(|r| !self.boilerplate.matches(&document.text[(*r).clone()]))
            .filter_map(|r| {
                let chars = normalize_into(&document.text[r.clone()], &mut normalized);
                (chars >= o.min_chars).then(|| (r.clone(), Fingerprint::of(&normalized, o.shingle)))
            })
            .unzip();
        let normalized = |i: usize| normalize(&document.text[spans[i].clone()]);
        let (earlier, crowded) = earlier_copies(&mut fingerprints, o.near, |i, j| normalized(i) == normalized(j));
        if crowded > 0 {
            log::warn!(
                "{}: {crowded} paragraphs look like too many others to compare them all; near \
                 copies among them may be missed (exact copies are not)",
                document.name
            );
        }
        let mut out = Vec::new();
        for (j, earlier) in earlier.into_iter().enumerate() {
            let Some((i, sim)) = earlier else { continue };
            let (rj, ri) = (spans[j].clone(), spans[i].clone());
            let nj = &normalized(j);
            let first = &document.text[ri.clone()];
            let second = &document.text[rj.clone()];
            let (message, help) = if sim >= 1.0 && normalize(first) == *nj {
                (
                    "paragraph repeated".to_string(),
                    "it is identical to an earlier paragraph; delete one copy".to_string(),
                )
            } else {
                let figures =
                    changed_figures(first, second).map(|f| format!("the figures differ: {f}; ")).unwrap_or_default();
                (
                    format!("paragraph nearly repeats an earlier one ({:.0}% alike)", sim * 100.0),
                    format!("{figures}{}; keep one version", describe_change(first, second)),
                )
            };
            let mut f = finding(ID, doc, document, rj.clone(), message, Some(help), nj);
            f.related.push(Related { place: Place::Text { doc, span: ri }, message: "first copy here".to_string() });
            out.push(f);
        }
        out
    }

    /// The second copy of a paragraph repeated byte for byte goes, with the break before
    /// it (its figures stay in the first copy); a near copy has no fix, as which version
    /// is right is for a person to say.
    fn fix(&self, document: &Document, span: std::ops::Range<usize>) -> Vec<Edit> {
        let text = &document.text;
        let copy = &text[span.clone()];
        let earlier = document.paragraphs.iter().take_while(|p| p.start < span.start);
        if !earlier.clone().any(|p| &text[p.clone()] == copy) {
            return Vec::new();
        }
        vec![Edit::removing_paragraph(document, span).of_a_copy()]
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_paragraph_pasted_twice_is_flagged_at_the_second_copy() {
        let para = "全县今年共招聘乡村教师3000名，覆盖全部乡镇中心学校和教学点。";
        let text = format!("{para}\n\n其他内容在这里。\n\n{para}\n");
        let found = crate::testing::check_texts(super::ID, &[("a.txt", &text)]);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].text.as_str(), found[0].message.as_str()), (para, "paragraph repeated"));
        let changed = format!("{para}\n\n{}\n", para.replace("3000名", "3500名"));
        let found = crate::testing::check_texts(super::ID, &[("a.txt", &changed)]);
        assert!(found[0].message.starts_with("paragraph nearly repeats"), "{}", found[0].message);
    }

    #[test]
    fn short_and_different_paragraphs_are_not() {
        let text = "记者 张三\n\n记者 张三\n\nThe county recruited 3,000 teachers this year across all towns.\n\nThe province opened 25 new clinics in rural areas this spring.\n";
        assert!(crate::testing::flagged_in(super::ID, text).is_empty());
    }
}
