//! The claims of every document as the corpus stage reads them: held as extracted, or
//! packed (postcard bytes, about a third of the size), as a corpus snapshot keeps them, or
//! packed and written out ([`super::ClaimStore`]), as a check keeps them until a story
//! needs a document's claims.

use crate::extract::Claim;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;

/// Claims of many documents, packed one document after another.
#[derive(Default, Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PackedClaims {
    #[serde(with = "serde_bytes")]
    bytes: Vec<u8>,
    /// Where each document's claims end in `bytes`, and how many claims end there.
    ends: Vec<(usize, usize)>,
}

impl PackedClaims {
    /// Appends the next document's claims.
    pub fn push(&mut self, claims: &[Claim]) {
        pack(claims, &mut self.bytes);
        self.ends.push((self.bytes.len(), self.count() + claims.len()));
    }

    /// Appends the next document's claims, `count` of them packed as `bytes`.
    pub(super) fn push_packed(&mut self, bytes: &[u8], count: usize) {
        self.bytes.extend_from_slice(bytes);
        self.ends.push((self.bytes.len(), self.count() + count));
    }

    /// Every document's packed claims and how many they are, in order.
    pub(super) fn documents(&self) -> impl Iterator<Item = (&[u8], usize)> + '_ {
        (0..self.len()).map(|doc| {
            let ((bytes, count), end) = (self.start(doc), self.ends[doc]);
            (&self.bytes[bytes..end.0], end.1 - count)
        })
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Where document `doc`'s claims start: their bytes and how many claims precede them.
    fn start(&self, doc: usize) -> (usize, usize) {
        if doc == 0 {
            (0, 0)
        } else {
            self.ends[doc - 1]
        }
    }

    /// The claims of document `doc`.
    pub fn get(&self, doc: usize) -> Vec<Claim> {
        unpack(&self.bytes[self.start(doc).0..self.ends[doc].0])
    }

    /// Claims of all documents together.
    fn count(&self) -> usize {
        self.ends.last().map_or(0, |e| e.1)
    }
}

/// Appends one document's claims, packed, to `bytes`.
pub(super) fn pack(claims: &[Claim], bytes: &mut Vec<u8>) {
    // Encoding plain data into a vector cannot fail.
    if let Ok(packed) = postcard::to_extend(claims, std::mem::take(bytes)) {
        *bytes = packed;
    }
}

/// One document's claims from their packed bytes.
pub(super) fn unpack(bytes: &[u8]) -> Vec<Claim> {
    postcard::from_bytes(bytes).unwrap_or_default()
}

/// Every document's claims, held, or stored (packed, partly on disk).
#[derive(Clone, Copy)]
pub enum Claims<'a> {
    Held(&'a [Vec<Claim>]),
    Stored(&'a super::ClaimStore),
}

impl<'a> Claims<'a> {
    /// The claims of document `doc`.
    pub fn of(&self, doc: usize) -> Cow<'a, [Claim]> {
        match self {
            Claims::Held(held) => Cow::Borrowed(&held[doc][..]),
            Claims::Stored(stored) => Cow::Owned(stored.get(doc)),
        }
    }

    /// The claims of documents `docs`, unpacked in parallel.
    pub fn of_many(&self, docs: &[usize]) -> HashMap<usize, Cow<'a, [Claim]>> {
        docs.par_iter().map(|&d| (d, self.of(d))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_claims_read_back_as_extracted() {
        let extractor = crate::extract::Extractor::default();
        let texts =
            ["投入资金1.4万亿元，支持1172家县级医院。", "", "more than 170 billion yuan and nearly 100,000 people"];
        let held: Vec<Vec<Claim>> = texts.iter().map(|t| extractor.claims(t)).collect();
        let mut packed = PackedClaims::default();
        for c in &held {
            packed.push(c);
        }
        assert_eq!(packed.len(), 3);
        assert_eq!(packed.count(), held.iter().map(Vec::len).sum::<usize>());
        for (i, c) in held.iter().enumerate() {
            assert_eq!(&packed.get(i), c);
        }
        assert!(held[0].len() >= 2 && held[2].len() >= 2, "{held:?}");
        // Read back as they were packed, document by document.
        let documents: Vec<(Vec<Claim>, usize)> = packed.documents().map(|(b, n)| (unpack(b), n)).collect();
        assert_eq!(documents, held.iter().map(|c| (c.clone(), c.len())).collect::<Vec<_>>());
    }
}
