//! Repeated paragraphs inside one document (`duplicate-paragraph`): each paragraph folded
//! and cut into character shingles once, and each paragraph's earliest earlier copy found,
//! exact or near. Most pairs of paragraphs are ruled out by a 256-bit shingle mask before
//! their shingles are sorted and compared, so a document costs about one pass over its
//! text.

use super::fast::{FNV_OFFSET, FNV_PRIME};
use rustc_hash::FxHashMap;

/// Folds full-width ASCII, case and whitespace away, into `out` (emptied first); returns
/// how many characters it holds.
pub fn normalize_into(s: &str, out: &mut String) -> usize {
    out.clear();
    let b = s.as_bytes();
    // Runs of characters that stay as they are, most of a text, are copied whole: Han
    // characters (three bytes led by E4–E9: U+4000–U+9FFF) and ASCII that is neither
    // upper case nor white space.
    let (mut chars, mut i, mut kept) = (0, 0, 0);
    while i < b.len() {
        let x = b[i];
        if (0xe4..=0xe9).contains(&x) {
            (i, chars) = (i + 3, chars + 1);
            continue;
        }
        if x.is_ascii() && !x.is_ascii_uppercase() && !(x as char).is_whitespace() {
            (i, chars) = (i + 1, chars + 1);
            continue;
        }
        out.push_str(&s[kept..i]);
        let c = s[i..].chars().next().expect("a character starts here");
        i += c.len_utf8();
        kept = i;
        chars += push_folded(c, out);
    }
    out.push_str(&s[kept..]);
    chars
}

/// Pushes what `c` folds to; how many characters that is.
fn push_folded(c: char, out: &mut String) -> usize {
    if c.is_whitespace() {
        return 0;
    }
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    };
    // Han characters, most of a Chinese paragraph, have no case.
    if c.is_ascii() || ('\u{3000}'..='\u{9fff}').contains(&c) {
        out.push(c.to_ascii_lowercase());
        return 1;
    }
    let mut n = 0;
    for lower in c.to_lowercase() {
        out.push(lower);
        n += 1;
    }
    n
}

/// [`normalize_into`] a new string.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// A normalized paragraph as it is compared: a hash of its text, and its `k`-character
/// shingles (32-bit FNV-1a hashes), sorted and made distinct only when a comparison needs
/// them. At a few hundred shingles per paragraph a collision moves a similarity by well
/// under a percent.
pub struct Fingerprint {
    pub text: u64,
    shingles: Vec<u32>,
    sorted: bool,
    /// Bit `b` is set when some shingle's hash falls on `b`.
    mask: [u64; 4],
}

impl Fingerprint {
    /// The fingerprint of a normalized paragraph.
    pub fn of(normalized: &str, k: usize) -> Fingerprint {
        let k = k.max(1);
        let text = std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, normalized);
        let (mut shingles, mut mask) = (Vec::with_capacity(normalized.len() / 3), [0u64; 4]);
        let mut add = |h: u64| {
            let s = (h ^ (h >> 32)) as u32;
            let bit = s.wrapping_mul(0x9e37_79b1) >> 24;
            mask[(bit >> 6) as usize] |= 1 << (bit & 63);
            shingles.push(s);
        };
        // FNV-1a over the characters' code points.
        let fnv = |h: u64, c: char| (h ^ u64::from(c)).wrapping_mul(FNV_PRIME);
        if k == 3 {
            // The default width, with its three characters in hand: no buffer of the
            // paragraph.
            let mut chars = normalized.chars();
            if let (Some(mut x), Some(mut y)) = (chars.next(), chars.next()) {
                for z in chars {
                    add(fnv(fnv(fnv(FNV_OFFSET, x), y), z));
                    (x, y) = (y, z);
                }
            }
        } else {
            let chars: Vec<char> = normalized.chars().collect();
            chars.windows(k).for_each(|w| add(w.iter().fold(FNV_OFFSET, |h, &c| fnv(h, c))));
        }
        Fingerprint { text, shingles, sorted: false, mask }
    }

    /// The sorted, distinct shingles.
    pub fn shingles(&mut self) -> &[u32] {
        if !self.sorted {
            self.shingles.sort_unstable();
            self.shingles.dedup();
            self.sorted = true;
        }
        &self.shingles
    }

    /// Whether the two paragraphs' shingle sets may be at least `near` alike (Jaccard).
    /// `false` is certain: each bit set in one mask and not the other stands for a shingle
    /// of one set only, and sets that alike differ in at most (1 − near)/(1 + near) of
    /// |A| + |B| shingles (bounded here by the shingles before they are made distinct).
    fn may_be_near(&self, other: &Fingerprint, near: f64) -> bool {
        let differing: u32 = self.mask.iter().zip(&other.mask).map(|(a, b)| (a ^ b).count_ones()).sum();
        let sizes = (self.shingles.len() + other.shingles.len()) as f64;
        f64::from(differing) <= (1.0 - near) / (1.0 + near) * sizes + 1e-9
    }
}

/// A shingle lists at most this many paragraphs; once full, later ones are not listed
/// under it.
const MAX_LISTED: usize = 64;
/// Earlier paragraphs verified for one paragraph, at most.
const MAX_VERIFIED: usize = 1024;
/// A document with at most this many paragraphs (most articles) compares every pair: it
/// costs less than building the index.
pub(crate) const FEW_PARAGRAPHS: usize = 64;

/// For each paragraph, the earliest earlier one that it copies exactly (`same_text(earlier,
/// later)` confirms what the hashes say) or shares at least `near` of its shingles with,
/// and how alike they are; and how many paragraphs found no copy but could not be compared
/// with every candidate.
///
/// Candidates come from prefix filtering: with the shingles of every paragraph put in one
/// order (rarest in the document first), two sets alike by `near` (Jaccard) share one of
/// the first `|s| − ⌈near·|s|⌉ + 1` of each, so each paragraph is listed under those alone
/// and looks up its own. Exact copies are found by text. Lists and checks are capped
/// ([`MAX_LISTED`], [`MAX_VERIFIED`]) so that a document of many look-alike paragraphs
/// costs linear time.
pub fn earlier_copies(
    paras: &mut [Fingerprint],
    near: f64,
    same_text: impl Fn(usize, usize) -> bool,
) -> (Vec<Option<(usize, f64)>>, usize) {
    if paras.len() <= FEW_PARAGRAPHS {
        let mut found = Vec::with_capacity(paras.len());
        for j in 0..paras.len() {
            let copy = (0..j).find_map(|i| {
                if paras[i].text == paras[j].text && same_text(i, j) {
                    return Some((i, 1.0));
                }
                if !paras[i].may_be_near(&paras[j], near) {
                    return None;
                }
                let (earlier, later) = paras.split_at_mut(j);
                crate::dedup::jaccard_at_least(earlier[i].shingles(), later[0].shingles(), near).map(|sim| (i, sim))
            });
            found.push(copy);
        }
        return (found, 0);
    }
    paras.iter_mut().for_each(|p| {
        p.shingles();
    });
    let copy_of = |i: usize, j: usize| {
        if paras[i].text == paras[j].text && same_text(i, j) {
            return Some((i, 1.0));
        }
        crate::dedup::jaccard_at_least(&paras[i].shingles, &paras[j].shingles, near).map(|sim| (i, sim))
    };
    let mut frequency: FxHashMap<u32, u32> = FxHashMap::default();
    for p in paras.iter() {
        for &h in &p.shingles {
            *frequency.entry(h).or_default() += 1;
        }
    }
    let mut first_with_text: FxHashMap<u64, usize> = FxHashMap::default();
    let mut listed: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    let mut out = Vec::with_capacity(paras.len());
    let (mut crowded, mut prefix, mut candidates) = (0, Vec::new(), Vec::new());
    for (j, p) in paras.iter().enumerate() {
        let shingles = &p.shingles;
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
        candidates.extend(first_with_text.get(&p.text).copied());
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
        first_with_text.entry(p.text).or_insert(j);
        for (_, h) in &prefix {
            let list = listed.entry(*h).or_default();
            if list.len() < MAX_LISTED {
                list.push(j);
            }
        }
    }
    (out, crowded)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every earlier paragraph tried in order, with its shingles sorted the plain way: what
    /// the candidate search must equal when no cap bites.
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

    /// Sorted distinct shingles, the way the rule took them before fingerprints.
    fn plain_shingles(s: &str, k: usize) -> Vec<u32> {
        let chars: Vec<char> = s.chars().collect();
        let mut out: Vec<u32> = chars
            .windows(k)
            .map(|w| {
                let h =
                    w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3));
                (h ^ (h >> 32)) as u32
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
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
        for near in [0.5, 0.8, 0.95] {
            let paras: Vec<(String, Vec<u32>)> = texts
                .iter()
                .map(|t| {
                    let n = normalize(t);
                    let sh = plain_shingles(&n, 3);
                    (n, sh)
                })
                .collect();
            let want = every_pair(&paras, near);
            let fingerprints = || paras.iter().map(|(n, _)| Fingerprint::of(n, 3)).collect::<Vec<_>>();
            let (got, crowded) = earlier_copies(&mut fingerprints(), near, |i, j| paras[i].0 == paras[j].0);
            assert_eq!(crowded, 0, "near {near}");
            assert_eq!(got, want, "near {near}");
            // A short document takes the other path (with masks), with the same answers.
            let few = FEW_PARAGRAPHS;
            let (got, _) = earlier_copies(&mut fingerprints()[..few], near, |i, j| paras[i].0 == paras[j].0);
            assert_eq!(got, want[..few], "near {near}, {few} paragraphs");
            assert!(want.iter().filter(|w| w.is_some()).count() > 20, "near {near}: the test needs copies");
        }
    }

    /// Normalizing character by character, the plain way.
    fn plain_normalize(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars().filter(|c| !c.is_whitespace()) {
            let c = match c {
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                _ => c,
            };
            out.extend(c.to_lowercase());
        }
        out
    }

    #[test]
    fn normalizing_by_runs_is_normalizing_character_by_character() {
        let pieces = [
            "全县",
            "投入",
            "ＡＢｃ",
            "１２",
            "ABC",
            "def",
            " ",
            "\t",
            "\u{b}",
            "\u{a0}",
            "\u{3000}",
            "\u{85}",
            "，",
            "。",
            "ΣΑΣ",
            "ǅ",
            "İ",
            "ß",
            "㐀",
            "\u{9fff}",
            "\u{a000}",
            "é",
            "😀",
            "\n",
        ];
        let mut next = crate::testing::xorshift(0x1234_5678_9abc_def1u64);
        let mut buffer = String::new();
        for _ in 0..3000 {
            let text: String = (0..next(30)).map(|_| pieces[next(pieces.len() as u64) as usize]).collect();
            let chars = normalize_into(&text, &mut buffer);
            assert_eq!(buffer, plain_normalize(&text), "{text:?}");
            assert_eq!(chars, buffer.chars().count(), "{text:?}");
        }
    }

    #[test]
    fn fingerprint_shingles_are_the_plain_ones_at_any_width() {
        for text in ["全县今年共招聘乡村教师3000名", "the county recruited 3,000 teachers", "ab", ""] {
            let n = normalize(text);
            for k in [1, 3, 5, 8, 12] {
                assert_eq!(Fingerprint::of(&n, k).shingles(), plain_shingles(&n, k), "{text:?} k={k}");
            }
        }
    }

    #[test]
    fn masks_never_rule_out_a_near_pair() {
        // Random pairs at every similarity: whenever the exact similarity reaches `near`,
        // the masks must have let the pair through.
        let mut next = crate::testing::xorshift(0x2545_f491_4f6c_dd1du64);
        let alphabet: Vec<char> = "资金医院学校教师投入新增城市乡村全县招聘0123456789".chars().collect();
        let mut checked = 0;
        for _ in 0..2000 {
            let len = 20 + next(300) as usize;
            let a: String = (0..len).map(|_| alphabet[next(alphabet.len() as u64) as usize]).collect();
            let mut b: Vec<char> = a.chars().collect();
            for _ in 0..next(12) {
                let at = next(b.len() as u64) as usize;
                b[at] = alphabet[next(alphabet.len() as u64) as usize];
            }
            let b: String = b.into_iter().collect();
            let (mut fa, mut fb) = (Fingerprint::of(&a, 3), Fingerprint::of(&b, 3));
            for near in [0.5, 0.8, 0.9] {
                if crate::dedup::jaccard_at_least(fa.shingles(), fb.shingles(), near).is_some() {
                    assert!(fa.may_be_near(&fb, near), "{a} / {b} at {near}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 500, "the test needs near pairs: {checked}");
    }
}
