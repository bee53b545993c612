//! Every document's claims as a check keeps them for the corpus stage: packed, and once
//! they pass a threshold written out to an unnamed temporary file, so that what a check
//! holds per document does not grow with the number of claims it states. A story reads
//! a document's claims back by their place in the file. Nothing is written for a corpus
//! whose claims stay under the threshold, and when no temporary file can be made the
//! claims stay in memory: slower to fit, never lost.

use super::claims::{unpack, PackedClaims};
use crate::extract::Claim;
use std::fs::File;

/// Packed bytes held before they are written out: big writes, a bounded buffer.
pub const SPILL_BYTES: usize = 16 << 20;

/// Claims of many documents, packed one document after another, the earlier ones on disk.
#[derive(Debug)]
pub struct ClaimStore {
    /// Bytes from `written` on, not yet written out.
    tail: Vec<u8>,
    /// The file the first `written` bytes are in; `None` while nothing is written out.
    file: Option<File>,
    written: u64,
    /// Where each document's claims end, over written and held bytes together.
    ends: Vec<u64>,
    /// How many claims each document states.
    counts: Vec<u32>,
    total: usize,
    /// Held bytes past which the tail is written out (`usize::MAX`: never).
    limit: usize,
}

impl Default for ClaimStore {
    fn default() -> ClaimStore {
        ClaimStore::spilling_past(SPILL_BYTES)
    }
}

impl ClaimStore {
    /// A store that writes its bytes out whenever more than `limit` are held.
    pub fn spilling_past(limit: usize) -> ClaimStore {
        ClaimStore { tail: Vec::new(), file: None, written: 0, ends: Vec::new(), counts: Vec::new(), total: 0, limit }
    }

    /// Appends the next document's claims.
    pub fn push(&mut self, claims: &[Claim]) {
        // Encoding plain data into a vector cannot fail.
        if let Ok(packed) = postcard::to_extend(claims, std::mem::take(&mut self.tail)) {
            self.tail = packed;
        }
        self.close_document(claims.len());
    }

    /// Appends every document of `other`.
    pub fn append(&mut self, other: &PackedClaims) {
        for (bytes, count) in other.documents() {
            self.tail.extend_from_slice(bytes);
            self.close_document(count);
        }
    }

    fn close_document(&mut self, count: usize) {
        self.ends.push(self.written + self.tail.len() as u64);
        self.counts.push(u32::try_from(count).unwrap_or(u32::MAX));
        self.total += count;
        if self.tail.len() > self.limit {
            self.write_out();
        }
    }

    /// Moves the held bytes to the file, making it first; on failure they stay held, and
    /// the store holds everything from then on.
    fn write_out(&mut self) {
        use std::io::Write;
        if self.file.is_none() {
            match tempfile::tempfile() {
                Ok(file) => self.file = Some(file),
                Err(e) => {
                    log::warn!("cannot make a temporary file for claims ({e}); they are kept in memory");
                    self.limit = usize::MAX;
                    return;
                }
            }
        }
        let Some(file) = &mut self.file else { return };
        // A failed write may have written part: the file's length is unknown from here, so
        // it is read only up to `written`, and what was held stays held.
        match file.write_all(&self.tail) {
            Ok(()) => {
                self.written += self.tail.len() as u64;
                self.tail = Vec::new();
            }
            Err(e) => {
                log::warn!("cannot write claims to a temporary file ({e}); they are kept in memory");
                self.limit = usize::MAX;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Claims of all documents together.
    pub fn count(&self) -> usize {
        self.total
    }

    /// The packed bytes of document `doc`.
    fn bytes(&self, doc: usize) -> Vec<u8> {
        let start = if doc == 0 { 0 } else { self.ends[doc - 1] };
        let end = self.ends[doc];
        if start >= self.written {
            let at = |b: u64| (b - self.written) as usize;
            return self.tail[at(start)..at(end)].to_vec();
        }
        // A document is written out whole: the tail is cut only between documents.
        let mut bytes = vec![0; (end - start) as usize];
        match self.file.as_ref().map(|f| read_at(f, &mut bytes, start)) {
            Some(Ok(())) => bytes,
            failed => {
                log::warn!("cannot read claims back from their temporary file: {failed:?}; the document states none");
                Vec::new()
            }
        }
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

#[cfg(unix)]
fn read_at(file: &File, bytes: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

#[cfg(windows)]
fn read_at(file: &File, mut bytes: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !bytes.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, bytes, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                bytes = &mut bytes[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
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
            assert_eq!(store.file.is_some(), limit < usize::MAX, "limit {limit}");
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
