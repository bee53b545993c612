//! The near-copy sketches of a corpus, one per text, as [`super::near_pairs`] reads them:
//! by number, a few at a time, or all in order. A check keeps them in a [`SketchStore`],
//! which holds only each text's shingle count in memory and writes the bins out past a
//! threshold ([`crate::spill`]): the bins are most of what a check would otherwise hold
//! per document. Anything else holds them as a slice.

use super::sketch::SLOT_BYTES;
use super::Sketch;
use crate::spill::{Spill, SPILL_BYTES};
use std::borrow::Cow;

/// Sketches read by number, a few at a time, or all in order.
pub trait SketchSet: Sync {
    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sketches `ids`, in their order.
    fn sketches(&self, ids: &[usize]) -> Vec<Cow<'_, Sketch>>;

    /// `f` of every sketch with shingles, in order.
    fn each(&self, f: &mut dyn FnMut(usize, &Sketch));

    /// `f` of the number and band `b` ([`Sketch::band`]) of every sketch with shingles, in
    /// order: what the buckets of one band are made of, read without the rest.
    fn each_band(&self, b: usize, f: &mut dyn FnMut(usize, u64)) {
        self.each(&mut |i, s| f(i, s.band(b)));
    }
}

impl SketchSet for Vec<Sketch> {
    fn len(&self) -> usize {
        <[Sketch]>::len(self)
    }

    fn sketches(&self, ids: &[usize]) -> Vec<Cow<'_, Sketch>> {
        ids.iter().map(|&i| Cow::Borrowed(&self[i])).collect()
    }

    fn each(&self, f: &mut dyn FnMut(usize, &Sketch)) {
        self.iter().enumerate().filter(|(_, s)| !s.is_empty()).for_each(|(i, s)| f(i, s));
    }
}

/// Sketches read in order this many at a time.
const SCAN_SKETCHES: usize = 4096;

/// Sketches kept for a check: shingle counts in memory, the rest in fixed-size slots.
#[derive(Debug)]
pub struct SketchStore {
    counts: Vec<u32>,
    slots: Spill,
}

impl Default for SketchStore {
    fn default() -> SketchStore {
        SketchStore::spilling_past(SPILL_BYTES)
    }
}

impl SketchStore {
    /// A store that writes its slots out whenever more than `limit` bytes are held.
    pub fn spilling_past(limit: usize) -> SketchStore {
        SketchStore { counts: Vec::new(), slots: Spill::new(limit, "near-copy sketches") }
    }

    pub fn push(&mut self, sketch: &Sketch) {
        sketch.write_slot(self.slots.tail());
        self.slots.close();
        self.counts.push(sketch.shingle_count);
    }

    pub fn extend(&mut self, sketches: impl IntoIterator<Item = Sketch>) {
        sketches.into_iter().for_each(|s| self.push(&s));
    }

    /// The slots of sketches `ids` into `bytes`; false when they cannot be read back.
    fn read_slots(&self, ids: std::ops::Range<usize>, bytes: &mut Vec<u8>) -> bool {
        let at = |i: usize| (i * SLOT_BYTES) as u64;
        self.slots.read(at(ids.start)..at(ids.end), bytes)
    }

    /// Sketches `ids`, read in one piece.
    fn read(&self, ids: std::ops::Range<usize>, out: &mut Vec<Sketch>) {
        let mut bytes = Vec::new();
        let read = self.read_slots(ids.clone(), &mut bytes);
        for (k, i) in ids.enumerate() {
            // Unreadable bins: the text is taken as too short to compare, never paired.
            out.push(match bytes.get(k * SLOT_BYTES..(k + 1) * SLOT_BYTES) {
                Some(slot) if read => Sketch::from_slot(self.counts[i], slot),
                _ => Sketch::empty(),
            });
        }
    }

    /// Sketches `docs`, for a corpus snapshot.
    pub fn slice(&self, docs: std::ops::Range<usize>) -> Option<Vec<Sketch>> {
        (docs.end <= self.len()).then(|| {
            let mut out = Vec::with_capacity(docs.len());
            self.read(docs, &mut out);
            out
        })
    }

    pub fn to_vec(&self) -> Vec<Sketch> {
        self.slice(0..self.len()).unwrap_or_default()
    }

    /// `f` of the number and slot of every sketch with shingles, in order, read a block
    /// at a time.
    fn each_slot(&self, f: &mut dyn FnMut(usize, &[u8])) {
        let mut bytes = Vec::new();
        for start in (0..self.len()).step_by(SCAN_SKETCHES) {
            let ids = start..(start + SCAN_SKETCHES).min(self.len());
            if !self.read_slots(ids.clone(), &mut bytes) {
                continue;
            }
            for (i, slot) in ids.zip(bytes.chunks_exact(SLOT_BYTES)).filter(|(i, _)| self.counts[*i] > 0) {
                f(i, slot);
            }
        }
    }
}

impl SketchSet for SketchStore {
    fn len(&self) -> usize {
        self.counts.len()
    }

    fn sketches(&self, ids: &[usize]) -> Vec<Cow<'_, Sketch>> {
        let mut out = Vec::with_capacity(ids.len());
        for &i in ids {
            self.read(i..i + 1, &mut out);
        }
        out.into_iter().map(Cow::Owned).collect()
    }

    fn each(&self, f: &mut dyn FnMut(usize, &Sketch)) {
        let mut sketch = Sketch::empty();
        self.each_slot(&mut |i, slot| {
            sketch.refill_from_slot(self.counts[i], slot);
            f(i, &sketch);
        });
    }

    fn each_band(&self, b: usize, f: &mut dyn FnMut(usize, u64)) {
        self.each_slot(&mut |i, slot| f(i, Sketch::band_in_slot(slot, b)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sketches_written_out_read_back_as_taken() {
        let texts: Vec<String> = (0..9000)
            .map(|n| match n % 3 {
                0 => String::new(),
                1 => format!("全县今年共招聘乡村教师{n}名，分配到偏远山区的小学任教。"),
                _ => format!("The county recruited {n} rural teachers for remote schools this year."),
            })
            .collect();
        let taken: Vec<Sketch> = texts.iter().map(|t| Sketch::new(t, 3)).collect();
        for limit in [0, 1000, usize::MAX] {
            let mut store = SketchStore::spilling_past(limit);
            store.extend(taken.iter().cloned());
            assert_eq!(store.slots.spilled(), limit < usize::MAX);
            assert_eq!(store.to_vec(), taken, "limit {limit}");
            let ids = [8999, 1, 4097, 4096];
            let read: Vec<Sketch> = store.sketches(&ids).into_iter().map(Cow::into_owned).collect();
            assert_eq!(read, ids.map(|i| taken[i].clone()), "limit {limit}");
            let mut seen = Vec::new();
            store.each(&mut |i, s| seen.push((i, s.clone())));
            let mut want = Vec::new();
            taken.each(&mut |i, s| want.push((i, s.clone())));
            assert_eq!(seen, want, "limit {limit}");
            assert_eq!(want.len(), 6000);
            for b in [0, 7, 15] {
                let (mut bands, mut want) = (Vec::new(), Vec::new());
                store.each_band(b, &mut |i, band| bands.push((i, band)));
                taken.each_band(b, &mut |i, band| want.push((i, band)));
                assert_eq!(bands, want, "limit {limit}, band {b}");
            }
        }
    }
}
