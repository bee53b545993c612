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
        // Encoding plain data into a vector cannot fail.
        if let Ok(packed) = postcard::to_extend(claims, std::mem::take(&mut self.bytes)) {
            self.bytes = packed;
        }
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
    pub fn count(&self) -> usize {
        self.ends.last().map_or(0, |e| e.1)
    }

    /// The claims of documents `docs`, packed on their own.
    pub fn slice(&self, docs: std::ops::Range<usize>) -> PackedClaims {
        let mut part = PackedClaims::default();
        if !docs.is_empty() {
            let (bytes, count) = self.start(docs.start);
            part.bytes.extend_from_slice(&self.bytes[bytes..self.ends[docs.end - 1].0]);
            part.ends.extend(self.ends[docs].iter().map(|&(b, c)| (b - bytes, c - count)));
        }
        part
    }

    /// Appends every document of `other`.
    pub fn append(&mut self, other: &PackedClaims) {
        let (bytes, count) = (self.bytes.len(), self.count());
        self.bytes.extend_from_slice(&other.bytes);
        self.ends.extend(other.ends.iter().map(|&(b, c)| (b + bytes, c + count)));
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
        // Sliced and appended again, documents keep their claims.
        let mut joined = packed.slice(0..1);
        joined.append(&packed.slice(1..3));
        assert_eq!(joined, packed);
        assert_eq!(packed.slice(2..3).get(0), held[2]);
        assert_eq!(packed.slice(1..1), PackedClaims::default());
    }
}
