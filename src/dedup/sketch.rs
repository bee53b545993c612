//! A text's near-copy sketch: MinHash over its shingles, kept as 64 bins of 16 bits
//! with the size of its shingle set, compared bin by bin and cut into the bands whose
//! buckets pair candidate texts ([`super::near_pairs`]).

use super::{hash64, shingles, BINS, ROWS};

/// A text ready for comparison: the size of its shingle set and its sketch. The set
/// itself is not kept (it is several times the size of the sketch); `near_pairs` asks
/// for it again for the few pairs that survive the sketch.
pub struct Sketch {
    pub(super) shingle_count: u32,
    /// `None` for a text with no shingles (most records of a corpus of short texts): a
    /// corpus keeps one sketch per document, and an empty one costs no bins.
    /// The low 16 bits of each bin's minimum: equality is all a sketch is asked about, and
    /// two different minima agree there once in 65,536 times (a corpus keeps one sketch
    /// per document: half the bins' memory).
    signature: Option<Box<[u16; BINS]>>,
    /// A 128-bit hash of the whole text: two texts with the same one are the same text, so
    /// their similarity is 1 without their shingles being read again. `None` when unknown
    /// (a sketch rebuilt from its bins).
    text: Option<std::num::NonZeroU128>,
}

/// The bins of a sketch with no shingles.
const EMPTY_BINS: [u16; BINS] = [u16::MAX; BINS];

impl Sketch {
    pub fn new(text: &str, k: usize) -> Sketch {
        Sketch::from_shingles(&shingles(text, k)).of_text(text)
    }

    /// The sketch, known to be that of `text` (when it came from elsewhere: a cache).
    pub fn of_text(mut self, text: &str) -> Sketch {
        let hash = twox_hash::XxHash3_128::oneshot(text.as_bytes());
        self.text = std::num::NonZeroU128::new(hash.max(1));
        self
    }

    /// Whether two sketches are of the very same text.
    pub(super) fn same_text(&self, other: &Sketch) -> bool {
        self.text.is_some() && self.text == other.text
    }

    /// The sketch of a text too short to compare: never paired.
    pub fn empty() -> Sketch {
        Sketch::from_shingles(&[])
    }

    /// A hash of the whole sketch, equal for equal sketches; `None` for an empty one.
    pub fn identity(&self) -> Option<u64> {
        (!self.is_empty())
            .then(|| self.bins().iter().fold(u64::from(self.shingle_count), |h, &v| hash64(h ^ u64::from(v))))
    }

    pub fn is_empty(&self) -> bool {
        self.shingle_count == 0
    }

    pub fn from_shingles(shingles: &[u32]) -> Sketch {
        // One permutation: a shingle goes to the bin of its top bits and competes there.
        const EMPTY: u32 = u32::MAX;
        let mut signature = [EMPTY; BINS];
        for &s in shingles {
            let h = hash64(u64::from(s));
            let bin = (h >> 58) as usize;
            signature[bin] = signature[bin].min((h as u32) >> 1);
        }
        // Densify: an empty bin borrows from the next non-empty one, salted by distance.
        if !shingles.is_empty() {
            for i in 0..BINS {
                if signature[i] == EMPTY {
                    let j = (1..BINS).find(|j| signature[(i + j) % BINS] != EMPTY).unwrap_or(0);
                    let src = signature[(i + j) % BINS];
                    signature[i] = (hash64(u64::from(src) ^ ((j as u64) << 40)) as u32 >> 1) | (1 << 31);
                }
            }
        }
        let signature = (!shingles.is_empty()).then(|| Box::new(signature.map(|v| v as u16)));
        Sketch { shingle_count: shingles.len() as u32, signature, text: None }
    }

    pub(super) fn bins(&self) -> &[u16; BINS] {
        self.signature.as_deref().unwrap_or(&EMPTY_BINS)
    }

    /// The sketch as plain numbers (for the cache): the shingle count, then the bins.
    pub fn to_bins(&self) -> Vec<u32> {
        std::iter::once(self.shingle_count).chain(self.bins().iter().map(|&b| u32::from(b))).collect()
    }

    /// A sketch from `to_bins`; `None` for numbers of another shape.
    pub fn from_bins(bins: &[u32]) -> Option<Sketch> {
        let (&shingle_count, rest) = bins.split_first()?;
        let bins: [u32; BINS] = rest.try_into().ok()?;
        // Bins kept whole by an earlier version read as the same 16 bits.
        let signature = (shingle_count > 0).then(|| Box::new(bins.map(|v| v as u16)));
        Some(Sketch { shingle_count, signature, text: None })
    }

    /// The share of bins two sketches agree on: an estimate of their Jaccard similarity.
    pub fn estimate(&self, other: &Sketch) -> f64 {
        let same = self.bins().iter().zip(other.bins()).filter(|(x, y)| x == y).count();
        same as f64 / BINS as f64
    }

    pub fn band(&self, b: usize) -> u64 {
        self.bins()[b * ROWS..(b + 1) * ROWS].iter().fold(b as u64, |h, &v| hash64(h ^ u64::from(v)))
    }
}
