//! Texts as tokens and shingles for near-copy detection: tokens are NFKC-folded,
//! lowercased and cut at UAX #29 word bounds (one per Han character, one per English
//! word); a shingle is `k` tokens in a row, hashed by a rolling polynomial so that each
//! costs one mix whatever `k`.

use super::{fast, hash64};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// FNV-1a over the token's bytes: the fast path hashes its tokens the same way.
fn token_hash(token: &str) -> u64 {
    token.chars().fold(fast::FNV_OFFSET, fast::hash_char)
}

/// Token hashes of a text: NFKC-folded, lowercased, split at UAX #29 word bounds.
pub fn tokens(text: &str) -> Vec<u64> {
    fast::tokens(text).unwrap_or_else(|| general_tokens(text))
}

pub(super) fn general_tokens(text: &str) -> Vec<u64> {
    let folded: String = text.nfkc().flat_map(char::to_lowercase).collect();
    folded.unicode_words().map(token_hash).collect()
}

/// Sorted distinct hashes of the `k`-token shingles of a text. 32-bit hashes halve the
/// memory; at a few hundred shingles per text a collision moves a similarity by well
/// under a percent.
pub fn shingles(text: &str, k: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(text.len() / 3);
    each_shingle(text, k, |s| match s {
        Some(s) => out.push(s),
        None => out.clear(),
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// Calls `each` with the hash of every `k`-token shingle of a text in order, repeats
/// included ([`shingles`] without the sorting); a text of fewer than `k` tokens is one
/// shingle. Tokens are hashed as they come: the fast path holds no copy of the text
/// (the general one folds it first). `each(None)` means
/// "forget what came so far": the fast tokenizer gave up part way through, and the
/// shingles come again from the start.
pub(crate) fn each_shingle(text: &str, k: usize, mut each: impl FnMut(Option<u32>)) {
    let k = k.max(1);
    let mut roller = Roller::new(k);
    if !fast::each_token(text, |t| {
        if let Some(s) = roller.push(t) {
            each(Some(s));
        }
    }) {
        each(None);
        roller = Roller::new(k);
        for t in general_tokens(text) {
            if let Some(s) = roller.push(t) {
                each(Some(s));
            }
        }
    }
    if let Some(s) = roller.short() {
        each(Some(s));
    }
}

/// The multiplier of a shingle's polynomial hash: odd, so that it is invertible modulo
/// 2⁶⁴, and with its bits spread.
const SHINGLE_BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// A rolling hash over the last `k` token hashes: the polynomial Σ tᵢ·Bᵏ⁻¹⁻ⁱ, updated in
/// two multiplications as a token comes and one leaves, then mixed. A shingle costs one
/// mix, not one per token.
pub(super) struct Roller {
    k: usize,
    /// The window's tokens, oldest at `next` once full.
    window: Vec<u64>,
    next: usize,
    polynomial: u64,
    /// Bᵏ⁻¹: the weight of the token about to leave.
    leaving: u64,
}

impl Roller {
    pub(super) fn new(k: usize) -> Roller {
        let leaving = SHINGLE_BASE.wrapping_pow(k as u32 - 1);
        Roller { k, window: Vec::with_capacity(k), next: 0, polynomial: 0, leaving }
    }

    /// Adds a token; the hash of the shingle it completes.
    #[inline]
    pub(super) fn push(&mut self, t: u64) -> Option<u32> {
        if self.window.len() < self.k {
            self.window.push(t);
            self.polynomial = self.polynomial.wrapping_mul(SHINGLE_BASE).wrapping_add(t);
            return (self.window.len() == self.k).then(|| mix(self.polynomial));
        }
        let old = std::mem::replace(&mut self.window[self.next], t);
        self.next += 1;
        if self.next == self.k {
            self.next = 0;
        }
        self.polynomial =
            self.polynomial.wrapping_sub(old.wrapping_mul(self.leaving)).wrapping_mul(SHINGLE_BASE).wrapping_add(t);
        Some(mix(self.polynomial))
    }

    /// The one shingle of a text of fewer than `k` tokens (none without tokens).
    fn short(&self) -> Option<u32> {
        (!self.window.is_empty() && self.window.len() < self.k).then(|| mix(self.polynomial))
    }
}

/// A shingle's 32-bit hash from its polynomial.
fn mix(polynomial: u64) -> u32 {
    (hash64(polynomial) >> 32) as u32
}
