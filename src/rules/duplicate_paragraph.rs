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

use super::boilerplate::Boilerplate;
use super::{finding, Rule};
use crate::config::DuplicateSettings;
use crate::dedup::jaccard_at_least;
use crate::finding::{Finding, Place, Related};
use crate::source::Document;

const ID: &str = "duplicate-paragraph";

pub struct DuplicateParagraph {
    options: DuplicateSettings,
    boilerplate: Boilerplate,
}

impl DuplicateParagraph {
    pub fn new(options: DuplicateSettings, boilerplate: Boilerplate) -> DuplicateParagraph {
        DuplicateParagraph { options, boilerplate }
    }
}

/// Folds full-width ASCII, case and whitespace away.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        };
        // Han characters, most of a Chinese paragraph, have no case.
        if c.is_ascii() || ('\u{3000}'..='\u{9fff}').contains(&c) {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Sorted, distinct hashes of the `k`-character shingles of a normalized paragraph
/// (`chars` is a buffer to reuse).
fn shingles(s: &str, k: usize, chars: &mut Vec<char>) -> Vec<u64> {
    chars.clear();
    chars.extend(s.chars());
    let mut out: Vec<u64> = chars
        .windows(k.max(1))
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for c in w {
                h ^= u64::from(*c);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
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
        let mut buffer = Vec::new();
        let paras: Vec<(std::ops::Range<usize>, String, Vec<u64>)> = document
            .paragraphs
            .iter()
            .filter(|r| !self.boilerplate.matches(&document.text[(*r).clone()]))
            .filter_map(|r| {
                let n = normalize(&document.text[r.clone()]);
                (n.chars().count() >= o.min_chars).then(|| {
                    let sh = shingles(&n, o.shingle, &mut buffer);
                    (r.clone(), n, sh)
                })
            })
            .collect();
        let mut out = Vec::new();
        for j in 1..paras.len() {
            let (ref rj, ref nj, ref sj) = paras[j];
            let earlier = (0..j).find_map(|i| {
                let (ri, ni, si) = &paras[i];
                if ni == nj {
                    return Some((ri.clone(), 1.0));
                }
                jaccard_at_least(si, sj, o.near).map(|sim| (ri.clone(), sim))
            });
            let Some((ri, sim)) = earlier else { continue };
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
}
