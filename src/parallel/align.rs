//! Monotone alignment of two sequences of segments (paragraphs, or the sentences of a
//! paragraph pair), by dynamic programming over 1-1, 1-0, 0-1, 2-1 and 1-2 steps. A step
//! is scored by how well the lengths fit the ratio of the two texts (a translation is
//! about as much longer than its source everywhere) and by the figures both sides state
//! (anchors). A segment one side lacks is a 1-0 step; two sentences merged into one are
//! a 2-1 step.

use std::ops::Range;

/// What alignment knows of a segment: its weight (see [`super::segment::weight`]) and
/// the keys of the figures it states, sorted.
#[derive(Clone, Debug, Default)]
pub struct Segment {
    pub weight: f64,
    pub keys: Vec<u64>,
}

/// One step of an alignment: segments `a` of one side rendered as segments `b` of the
/// other (either may be empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub a: Range<usize>,
    pub b: Range<usize>,
}

/// Score of one shared figure.
const ANCHOR: f64 = 2.0;
/// At most this many shared figures count for one step: a long table of figures must not
/// outweigh everything around it.
const MAX_ANCHORS: usize = 4;
/// Both sides state figures and share none (slight: a changed figure is what is sought).
const NO_SHARED_FIGURE: f64 = 0.3;
/// A segment with no counterpart.
const SKIP: f64 = 2.2;
/// Two segments merged into one.
const MERGE: f64 = 0.6;
/// Smooths the length ratio of short segments.
const SMOOTHING: f64 = 15.0;
/// Above this many cells, only a band around the diagonal is searched.
const MAX_CELLS: usize = 4_000_000;

/// How many keys two sorted, distinct key lists share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// One side's segments, with the keys of every two neighbours merged once, so that scoring
/// a step allocates nothing.
struct Blocks<'s> {
    segments: &'s [Segment],
    /// `pairs[i]`: the keys of segments `i` and `i + 1`, sorted and distinct.
    pairs: Vec<Vec<u64>>,
}

impl<'s> Blocks<'s> {
    fn new(segments: &'s [Segment]) -> Blocks<'s> {
        let pairs = segments
            .windows(2)
            .map(|w| {
                let mut k: Vec<u64> = w[0].keys.iter().chain(&w[1].keys).copied().collect();
                k.sort_unstable();
                k.dedup();
                k
            })
            .collect();
        Blocks { segments, pairs }
    }

    /// Weight and keys of segments `end - len .. end` (one or two of them).
    fn block(&self, end: usize, len: usize) -> (f64, &[u64]) {
        if len == 1 {
            let s = &self.segments[end - 1];
            (s.weight, &s.keys)
        } else {
            let w = self.segments[end - 2].weight + self.segments[end - 1].weight;
            (w, &self.pairs[end - 2])
        }
    }
}

/// The score of rendering a block of `a` (weight, keys, segments) as a block of `b`, with
/// `ratio` the expected weight of `b` per unit of `a`.
fn score((wa, ka, na): (f64, &[u64], usize), (wb, kb, nb): (f64, &[u64], usize), ratio: f64) -> f64 {
    let length = -((wb + SMOOTHING) / (ratio * wa + SMOOTHING)).ln().abs();
    let n = shared(ka, kb);
    let figures = if n > 0 {
        ANCHOR * n.min(MAX_ANCHORS) as f64
    } else if !ka.is_empty() && !kb.is_empty() {
        -NO_SHARED_FIGURE
    } else {
        0.0
    };
    let merge = if na + nb > 2 { -MERGE } else { 0.0 };
    length + figures + merge
}

/// The best monotone alignment of `a` with `b`. `ratio` is the weight of `b` per unit
/// weight of `a` over the whole texts.
pub fn align(a: &[Segment], b: &[Segment], ratio: f64) -> Vec<Step> {
    let (n, m) = (a.len(), b.len());
    let (ba, bb) = (Blocks::new(a), Blocks::new(b));
    let band = if (n + 1) * (m + 1) > MAX_CELLS { (MAX_CELLS / (n + m + 1)).max(8) } else { usize::MAX };
    let near = |i: usize, j: usize| {
        if band == usize::MAX {
            return true;
        }
        let diagonal = if n == 0 { 0.0 } else { i as f64 * m as f64 / n as f64 };
        (j as f64 - diagonal).abs() <= band as f64
    };
    const NONE: f64 = f64::NEG_INFINITY;
    let width = m + 1;
    let mut best = vec![NONE; (n + 1) * width];
    let mut back = vec![(0u8, 0u8); (n + 1) * width];
    best[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if (i, j) == (0, 0) || !near(i, j) {
                continue;
            }
            let mut top = NONE;
            let mut from = (0u8, 0u8);
            for (di, dj) in [(1usize, 1usize), (1, 0), (0, 1), (2, 1), (1, 2)] {
                if di > i || dj > j {
                    continue;
                }
                let prev = best[(i - di) * width + (j - dj)];
                if prev == NONE {
                    continue;
                }
                let step = if di == 0 || dj == 0 {
                    -SKIP
                } else {
                    let (wa, ka) = ba.block(i, di);
                    let (wb, kb) = bb.block(j, dj);
                    score((wa, ka, di), (wb, kb, dj), ratio)
                };
                if prev + step > top {
                    top = prev + step;
                    from = (di as u8, dj as u8);
                }
            }
            best[i * width + j] = top;
            back[i * width + j] = from;
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = back[i * width + j];
        if (di, dj) == (0, 0) {
            // Outside the band: should not happen, but never loop.
            break;
        }
        let (di, dj) = (di as usize, dj as usize);
        steps.push(Step { a: i - di..i, b: j - dj..j });
        i -= di;
        j -= dj;
    }
    steps.reverse();
    steps
}

/// The weight of `b` per unit of `a` over whole texts, kept within what translations do.
pub fn ratio(a: &[Segment], b: &[Segment]) -> f64 {
    let wa: f64 = a.iter().map(|s| s.weight).sum();
    let wb: f64 = b.iter().map(|s| s.weight).sum();
    if wa <= 0.0 || wb <= 0.0 {
        return 1.0;
    }
    (wb / wa).clamp(0.25, 4.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(weight: f64, keys: &[u64]) -> Segment {
        Segment { weight, keys: keys.to_vec() }
    }

    #[test]
    fn one_to_one_when_lengths_fit() {
        let a = [seg(100.0, &[1]), seg(40.0, &[]), seg(200.0, &[2, 3])];
        let b = [seg(110.0, &[1]), seg(45.0, &[]), seg(190.0, &[2, 3])];
        let steps = align(&a, &b, ratio(&a, &b));
        assert_eq!(steps, vec![Step { a: 0..1, b: 0..1 }, Step { a: 1..2, b: 1..2 }, Step { a: 2..3, b: 2..3 }]);
    }

    #[test]
    fn a_missing_paragraph_is_skipped_not_shifted() {
        let a = [seg(100.0, &[1]), seg(80.0, &[7]), seg(60.0, &[]), seg(150.0, &[2]), seg(90.0, &[3])];
        let b = [seg(100.0, &[1]), seg(80.0, &[7]), seg(150.0, &[2]), seg(90.0, &[3])];
        let steps = align(&a, &b, 1.0);
        // The paragraph is skipped or merged into a neighbour; what follows stays aligned.
        assert!(steps.contains(&Step { a: 4..5, b: 3..4 }), "{steps:?}");
        assert!(steps.iter().any(|s| s.a.contains(&3) && s.b == (2..3)), "{steps:?}");
        assert!(!steps.contains(&Step { a: 2..3, b: 2..3 }), "{steps:?}");
    }

    #[test]
    fn a_headline_repeated_on_one_side_and_merged_sentences() {
        let a = [seg(30.0, &[5]), seg(100.0, &[1]), seg(100.0, &[2]), seg(50.0, &[])];
        let b = [seg(30.0, &[5]), seg(30.0, &[5]), seg(200.0, &[1, 2]), seg(50.0, &[])];
        let steps = align(&a, &b, 1.0);
        assert!(steps.contains(&Step { a: 1..3, b: 2..3 }), "{steps:?}");
        assert!(steps.iter().any(|s| s.a == (0..1) && s.b.contains(&0)), "{steps:?}");
    }
}
