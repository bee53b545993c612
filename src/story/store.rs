//! Every document's claims as a check keeps them for the corpus stage: packed, and past
//! a threshold written out to a temporary file ([`crate::spill`]), so that what a check
//! holds per document does not grow with the number of claims it states. A story reads a
//! document's claims back by their place.

use super::claims::{pack, unpack, PackedClaims};
use crate::extract::Claim;
use crate::spill::{Spill, SPILL_BYTES};

/// Claims of many documents, packed one document after another, the earlier ones on disk.
#[derive(Debug)]
pub struct ClaimStore {
    bytes: Spill,
    /// Where each document's claims end in `bytes`.
    ends: Vec<u64>,
    /// How many claims each document states.
    counts: Vec<u32>,
}

impl Default for ClaimStore {
    fn default() -> ClaimStore {
        ClaimStore::spilling_past(SPILL_BYTES)
    }
}

impl ClaimStore {
    /// A store that writes its bytes out whenever more than `limit` are held.
    pub fn spilling_past(limit: usize) -> ClaimStore {
        ClaimStore { bytes: Spill::new(limit, "claims"), ends: Vec::new(), counts: Vec::new() }
    }

    /// Appends the next document's claims.
    pub fn push(&mut self, claims: &[Claim]) {
        pack(claims, self.bytes.tail());
        self.close_document(claims.len());
    }

    /// Appends every document of `other`.
    pub fn append(&mut self, other: &PackedClaims) {
        for (bytes, count) in other.documents() {
            self.bytes.tail().extend_from_slice(bytes);
            self.close_document(count);
        }
    }

    fn close_document(&mut self, count: usize) {
        self.bytes.close();
        self.ends.push(self.bytes.len());
        self.counts.push(u32::try_from(count).unwrap_or(u32::MAX));
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Claims of all documents together.
    pub fn count(&self) -> usize {
        self.counts.iter().map(|&c| c as usize).sum()
    }

    /// The packed bytes of document `doc` (none when they cannot be read back: the
    /// document then states nothing).
    fn bytes(&self, doc: usize) -> Vec<u8> {
        let start = if doc == 0 { 0 } else { self.ends[doc - 1] };
        let mut bytes = Vec::new();
        self.bytes.read(start..self.ends[doc], &mut bytes);
        bytes
    }

    /// The claims of document `doc`.
    pub fn get(&self, doc: usize) -> Vec<Claim> {
        unpack(&self.bytes(doc))
    }

    /// The claims of documents `docs`, packed on their own (for a corpus snapshot).
    pub fn slice(&self, docs: std::ops::Range<usize>) -> PackedClaims {
        let mut part = PackedClaims::default();
        for doc in docs {
            part.push_packed(&self.bytes(doc), self.counts[doc] as usize);
        }
        part
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims_of(texts: &[&str]) -> Vec<Vec<Claim>> {
        let extractor = crate::extract::Extractor::default();
        texts.iter().map(|t| extractor.claims(t)).collect()
    }

    const TEXTS: [&str; 5] = [
        "投入资金1.4万亿元，支持1172家县级医院。",
        "",
        "more than 170 billion yuan and nearly 100,000 people",
        "全市1007家医院，6000多亩耕地。",
        "19时54分，3.5%的增长。",
    ];

    #[test]
    fn claims_written_out_read_back_as_extracted() {
        let held = claims_of(&TEXTS);
        // A limit of one byte writes every document out as soon as it is pushed.
        for limit in [0, 1, 40, usize::MAX] {
            let mut store = ClaimStore::spilling_past(limit);
            for c in &held {
                store.push(c);
            }
            assert_eq!(store.bytes.spilled(), limit < usize::MAX, "limit {limit}");
            assert_eq!(store.len(), held.len());
            assert_eq!(store.count(), held.iter().map(Vec::len).sum::<usize>());
            for (i, c) in held.iter().enumerate() {
                assert_eq!(&store.get(i), c, "limit {limit}, document {i}");
                assert_eq!(store.slice(i..i + 1).get(0), *c);
            }
        }
    }

    #[test]
    fn a_store_keeps_the_documents_of_a_packed_part_in_order() {
        let held = claims_of(&TEXTS);
        let mut packed = PackedClaims::default();
        for c in &held[1..4] {
            packed.push(c);
        }
        let mut store = ClaimStore::spilling_past(20);
        store.push(&held[0]);
        store.append(&packed);
        store.push(&held[4]);
        let read: Vec<Vec<Claim>> = (0..store.len()).map(|i| store.get(i)).collect();
        assert_eq!(read, held);
        assert_eq!(store.slice(1..4), packed);
        assert_eq!(store.slice(2..2), PackedClaims::default());
    }
}
