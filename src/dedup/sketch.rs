//! A text's near-copy sketch: MinHash over its shingles, kept as 64 bins of 16 bits
//! with the size of its shingle set, compared bin by bin and cut into the bands whose
//! buckets pair candidate texts ([`super::near_pairs`]).

use super::{each_shingle, hash64, BINS, ROWS};

/// A text ready for comparison: the size of its shingle set and its sketch. The set
/// itself is not kept (it is several times the size of the sketch); `near_pairs` asks
/// for it again for the few pairs that survive the sketch.
#[derive(Clone, Debug, PartialEq)]
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

/// Bytes of a sketch written out ([`Sketch::write_slot`]).
pub(super) const SLOT_BYTES: usize = 2 * BINS + 16;

/// The bins of a sketch with no shingles.
const EMPTY_BINS: [u16; BINS] = [u16::MAX; BINS];

impl Sketch {
    /// The sketch of a text's `k`-token shingles: `from_shingles(&shingles(text, k))`,
    /// taken as the shingles come, without sorting them.
    pub fn new(text: &str, k: usize) -> Sketch {
        let mut minima = Minima::new();
        let count = SEEN.with_borrow_mut(|seen| {
            seen.clear();
            each_shingle(text, k, |s| match s {
                Some(s) if seen.insert(s) => minima.add(s),
                Some(_) => {}
                None => {
                    seen.clear();
                    minima = Minima::new();
                }
            });
            let count = seen.len as u32;
            seen.shrink();
            count
        });
        minima.sketch(count).of_text(text)
    }

    /// The sketch, known to be that of `text` (when it came from elsewhere: a cache).
    pub fn of_text(mut self, text: &str) -> Sketch {
        let hash = twox_hash::XxHash3_128::oneshot(text.as_bytes());
        self.text = std::num::NonZeroU128::new(hash.max(1));
        self
    }

    /// The sketch in `SLOT_BYTES` bytes, less its shingle count: the bins, then the text's
    /// hash (0 when unknown), little-endian.
    pub(super) fn write_slot(&self, out: &mut Vec<u8>) {
        out.extend(self.bins().iter().flat_map(|b| b.to_le_bytes()));
        out.extend(self.text.map_or(0, std::num::NonZeroU128::get).to_le_bytes());
    }

    /// The sketch of `shingle_count` shingles written as `slot` ([`Sketch::write_slot`]).
    pub(super) fn from_slot(shingle_count: u32, slot: &[u8]) -> Sketch {
        let mut sketch = Sketch::empty();
        sketch.refill_from_slot(shingle_count, slot);
        sketch
    }

    /// Makes this sketch the one of `shingle_count` shingles written as `slot`, keeping its
    /// bins' allocation: reading a corpus's sketches in order allocates nothing.
    pub(super) fn refill_from_slot(&mut self, shingle_count: u32, slot: &[u8]) {
        let (bins, text) = slot.split_at(2 * BINS);
        self.shingle_count = shingle_count;
        self.text = text.try_into().ok().map(u128::from_le_bytes).and_then(std::num::NonZeroU128::new);
        if shingle_count == 0 {
            self.signature = None;
            return;
        }
        let signature = self.signature.get_or_insert_with(|| Box::new(EMPTY_BINS));
        for (b, v) in signature.iter_mut().zip(slot_bins(bins)) {
            *b = v;
        }
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

    /// The sketch of a sorted, distinct shingle set.
    pub fn from_shingles(shingles: &[u32]) -> Sketch {
        let mut minima = Minima::new();
        shingles.iter().for_each(|&s| minima.add(s));
        minima.sketch(shingles.len() as u32)
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
        band_of(b, self.bins()[b * ROWS..(b + 1) * ROWS].iter().copied())
    }

    /// Band `b` of the sketch written as `slot` ([`Sketch::write_slot`]), without reading
    /// the rest of it.
    pub(super) fn band_in_slot(slot: &[u8], b: usize) -> u64 {
        band_of(b, slot_bins(&slot[2 * b * ROWS..2 * (b + 1) * ROWS]))
    }
}

/// The bins written in `bytes` of a slot ([`Sketch::write_slot`]).
fn slot_bins(bytes: &[u8]) -> impl Iterator<Item = u16> + '_ {
    bytes.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
}

/// The hash of band `b` whose bins are `rows`.
fn band_of(b: usize, rows: impl Iterator<Item = u16>) -> u64 {
    rows.fold(b as u64, |h, v| hash64(h ^ u64::from(v)))
}

/// The bins of a one-permutation MinHash as shingles are added: a shingle goes to the bin
/// of its hash's top bits and competes there. Adding a shingle twice changes nothing.
struct Minima([u32; BINS]);

/// A bin no shingle has reached.
const UNREACHED: u32 = u32::MAX;

impl Minima {
    fn new() -> Minima {
        Minima([UNREACHED; BINS])
    }

    #[inline]
    fn add(&mut self, shingle: u32) {
        let h = hash64(u64::from(shingle));
        let bin = (h >> 58) as usize;
        self.0[bin] = self.0[bin].min((h as u32) >> 1);
    }

    /// The sketch of the `count` distinct shingles added.
    fn sketch(self, count: u32) -> Sketch {
        let mut signature = self.0;
        // Densify: an empty bin borrows from the next non-empty one, salted by distance.
        if count > 0 {
            for i in 0..BINS {
                if signature[i] == UNREACHED {
                    let j = (1..BINS).find(|j| signature[(i + j) % BINS] != UNREACHED).unwrap_or(0);
                    let src = signature[(i + j) % BINS];
                    signature[i] = (hash64(u64::from(src) ^ ((j as u64) << 40)) as u32 >> 1) | (1 << 31);
                }
            }
        }
        let signature = (count > 0).then(|| Box::new(signature.map(|v| v as u16)));
        Sketch { shingle_count: count, signature, text: None }
    }
}

/// Slots a thread's set keeps between texts, at most (64 kB, enough for an article): a
/// longer text's set is let go after it, so that later texts do not clear it all.
const MAX_KEPT_SLOTS: usize = 1 << 14;

thread_local! {
    static SEEN: std::cell::RefCell<Distinct> = std::cell::RefCell::new(Distinct::default());
}

/// A set of shingle hashes that only says whether a hash is new: open addressing with
/// linear probing over a power-of-two table at most half full. Counting distinct shingles
/// this way costs less than sorting them. A slot holds the text's number beside the hash,
/// so that the next text starts with an empty set without the table being cleared.
#[derive(Default)]
struct Distinct {
    /// `text << 32 | hash`; a slot of another text is empty.
    slots: Vec<u64>,
    /// The number of the current text; slots start at 0, so texts count from 1.
    text: u32,
    len: usize,
}

impl Distinct {
    fn clear(&mut self) {
        if self.slots.is_empty() {
            self.slots.resize(1 << 10, 0);
        }
        self.text = self.text.wrapping_add(1);
        if self.text == 0 {
            // Numbers wrapped: old slots could pass for new ones.
            self.slots.fill(0);
            self.text = 1;
        }
        self.len = 0;
    }

    /// Lets go of a table grown past what a thread keeps.
    fn shrink(&mut self) {
        if self.slots.len() > MAX_KEPT_SLOTS {
            self.slots = Vec::new();
        }
    }

    /// Adds `hash`; whether it was new.
    #[inline]
    fn insert(&mut self, hash: u32) -> bool {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let key = u64::from(self.text) << 32 | u64::from(hash);
        let mask = self.slots.len() - 1;
        // Shingle hashes are well mixed already: their low bits pick the slot.
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == key {
                return false;
            }
            if (slot >> 32) as u32 != self.text {
                self.slots[i] = key;
                self.len += 1;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (2 * self.slots.len()).max(1 << 10);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        let mask = size - 1;
        for key in old.into_iter().filter(|&k| (k >> 32) as u32 == self.text) {
            let mut i = key as u32 as usize & mask;
            while (self.slots[i] >> 32) as u32 == self.text {
                i = (i + 1) & mask;
            }
            self.slots[i] = key;
        }
    }
}
