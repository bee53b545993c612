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
/// (`chars` is a buffer to reuse). 32 bits: at a few hundred shingles per paragraph a
/// collision moves a similarity by well under a percent, and a long document's shingles
/// take half the memory.
fn shingles(s: &str, k: usize, chars: &mut Vec<char>) -> Vec<u32> {
    chars.clear();
    chars.extend(s.chars());
    let mut out: Vec<u32> = chars
        .windows(k.max(1))
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for c in w {
                h ^= u64::from(*c);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            (h ^ (h >> 32)) as u32
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

/// A shingle lists at most this many paragraphs; once full, later ones are not listed
/// under it.
const MAX_LISTED: usize = 64;
/// Earlier paragraphs verified for one paragraph, at most.
const MAX_VERIFIED: usize = 1024;
/// A document with at most this many paragraphs (most articles) compares every pair: it
/// costs less than building the index.
const FEW_PARAGRAPHS: usize = 64;

/// For each paragraph (a hash of its normalized text and its sorted shingle hashes), the
/// earliest earlier one that it copies exactly (`same_text(earlier, later)` confirms what
/// the hashes say) or shares at least `near` of its shingles with, and how alike they are;
/// and how many paragraphs found no copy but could not be compared with every candidate.
///
/// Candidates come from prefix filtering: with the shingles of every paragraph put in one
/// order (rarest in the document first), two sets alike by `near` (Jaccard) share one of
/// the first `|s| − ⌈near·|s|⌉ + 1` of each, so each paragraph is listed under those alone
/// and looks up its own. Exact copies are found by text. Lists and checks are capped
/// ([`MAX_LISTED`], [`MAX_VERIFIED`]) so that a document of many look-alike paragraphs
/// costs linear time.
fn earlier_copies(
    paras: &[(u64, &[u32])],
    near: f64,
    same_text: impl Fn(usize, usize) -> bool,
) -> (Vec<Option<(usize, f64)>>, usize) {
    use rustc_hash::FxHashMap;
    // Whether paragraph `j` copies the earlier `i`, and how alike they are.
    let copy_of = |i: usize, j: usize| {
        if paras[i].0 == paras[j].0 && same_text(i, j) {
            return Some((i, 1.0));
        }
        crate::dedup::jaccard_at_least(paras[i].1, paras[j].1, near).map(|sim| (i, sim))
    };
    if paras.len() <= FEW_PARAGRAPHS {
        return ((0..paras.len()).map(|j| (0..j).find_map(|i| copy_of(i, j))).collect(), 0);
    }
    let mut frequency: FxHashMap<u32, u32> = FxHashMap::default();
    for (_, shingles) in paras {
        for &h in *shingles {
            *frequency.entry(h).or_default() += 1;
        }
    }
    let mut first_with_text: FxHashMap<u64, usize> = FxHashMap::default();
    let mut listed: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    let mut out = Vec::with_capacity(paras.len());
    let (mut crowded, mut prefix, mut candidates) = (0, Vec::new(), Vec::new());
    for (j, &(text, shingles)) in paras.iter().enumerate() {
        // Alike by `near`, two sets share at least ⌈near·|s|⌉ shingles (a hair fewer, for
        // rounding): one of them is among the first |s| − that + 1.
        let overlap = ((near * shingles.len() as f64) - 1e-6).ceil().max(1.0) as usize;
        let length = (shingles.len() + 1).saturating_sub(overlap).min(shingles.len());
        prefix.clear();
        prefix.extend(shingles.iter().map(|&h| (frequency[&h], h)));
        if length < prefix.len() {
            prefix.select_nth_unstable(length);
            prefix.truncate(length);
        }
        candidates.clear();
        candidates.extend(first_with_text.get(&text).copied());
        let mut full = false;
        for (_, h) in &prefix {
            if let Some(list) = listed.get(h) {
                candidates.extend_from_slice(list);
                full |= list.len() >= MAX_LISTED;
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        full |= candidates.len() > MAX_VERIFIED;
        let found = candidates.iter().take(MAX_VERIFIED).find_map(|&i| copy_of(i, j));
        crowded += usize::from(full && found.is_none());
        out.push(found);
        first_with_text.entry(text).or_insert(j);
        for (_, h) in &prefix {
            let list = listed.entry(*h).or_default();
            if list.len() < MAX_LISTED {
                list.push(j);
            }
        }
    }
    (out, crowded)
}

impl Rule for DuplicateParagraph {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_document(&self, doc: usize, document: &Document) -> Vec<Finding> {
        let o = &self.options;
        let mut buffer = Vec::new();
        // Each paragraph as its span, a hash of its normalized text and its shingles: the
        // normalized text itself is made again only for the paragraphs reported.
        let text_hash = |n: &str| std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, n);
        let paras: Vec<(std::ops::Range<usize>, u64, Vec<u32>)> = document
            .paragraphs
            .iter()
            .filter(|r| !self.boilerplate.matches(&document.text[(*r).clone()]))
            .filter_map(|r| {
                let n = normalize(&document.text[r.clone()]);
                (n.chars().count() >= o.min_chars).then(|| {
                    let sh = shingles(&n, o.shingle, &mut buffer);
                    (r.clone(), text_hash(&n), sh)
                })
            })
            .collect();
        let keys: Vec<(u64, &[u32])> = paras.iter().map(|(_, h, sh)| (*h, sh.as_slice())).collect();
        let normalized = |i: usize| normalize(&document.text[paras[i].0.clone()]);
        let (earlier, crowded) = earlier_copies(&keys, o.near, |i, j| normalized(i) == normalized(j));
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
            let (rj, ri) = (paras[j].0.clone(), paras[i].0.clone());
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
    use super::{earlier_copies, normalize, shingles};

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

    /// Every earlier paragraph tried in order: what the candidate search must equal when
    /// no cap bites.
    fn every_pair(paras: &[(String, Vec<u32>)], near: f64) -> Vec<Option<(usize, f64)>> {
        (0..paras.len())
            .map(|j| {
                (0..j).find_map(|i| {
                    if paras[i].0 == paras[j].0 {
                        return Some((i, 1.0));
                    }
                    crate::dedup::jaccard_at_least(&paras[i].1, &paras[j].1, near).map(|sim| (i, sim))
                })
            })
            .collect()
    }

    #[test]
    fn the_candidate_search_finds_what_comparing_every_pair_finds() {
        let mut next = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15u64);
        let words = ["医院", "学校", "资金", "全县", "招聘", "教师", "投入", "新增", "城市", "乡村"];
        let mut texts: Vec<String> = Vec::new();
        for _ in 0..300 {
            let text = if !texts.is_empty() && next(3) == 0 {
                // A copy of an earlier paragraph, with a few characters changed or not.
                let mut chars: Vec<char> = texts[next(texts.len() as u64) as usize].chars().collect();
                for _ in 0..next(4) {
                    let at = next(chars.len() as u64) as usize;
                    chars[at] = char::from_digit(next(10) as u32, 10).unwrap();
                }
                chars.into_iter().collect()
            } else {
                (0..12).map(|_| words[next(words.len() as u64) as usize]).collect::<String>()
                    + &format!("{}家", next(5000))
            };
            texts.push(text);
        }
        let mut buffer = Vec::new();
        for near in [0.5, 0.8, 0.95] {
            let paras: Vec<(String, Vec<u32>)> = texts
                .iter()
                .map(|t| {
                    let n = normalize(t);
                    let sh = shingles(&n, 3, &mut buffer);
                    (n, sh)
                })
                .collect();
            let want = every_pair(&paras, near);
            let hashes: Vec<(u64, &[u32])> = paras
                .iter()
                .map(|(n, sh)| (n.chars().fold(7u64, |h, c| h.wrapping_mul(31) ^ u64::from(c)), sh.as_slice()))
                .collect();
            let (got, crowded) = earlier_copies(&hashes, near, |i, j| paras[i].0 == paras[j].0);
            assert_eq!(crowded, 0, "near {near}");
            assert_eq!(got, want, "near {near}");
            // A short document takes the other path, with the same answers.
            let few = super::FEW_PARAGRAPHS;
            let (got, _) = earlier_copies(&hashes[..few], near, |i, j| paras[i].0 == paras[j].0);
            assert_eq!(got, want[..few], "near {near}, {few} paragraphs");
            assert!(want.iter().filter(|w| w.is_some()).count() > 20, "near {near}: the test needs copies");
        }
    }
}
