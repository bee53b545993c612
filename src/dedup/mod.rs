//! Near-duplicate detection in linear time: texts are normalized (NFKC, case), cut into
//! tokens (UAX #29 word bounds: one token per Han character, one per English word),
//! shingled, sketched with one-permutation MinHash, and bucketed by LSH bands; every
//! candidate pair is then verified by the exact Jaccard similarity of its shingle sets.
//! Figures stay in the text, so two copies that differ only in a number differ in a few
//! shingles and are still found, never hidden.

mod fast;
pub mod paragraph;
mod shingle;
mod sketch;
mod store;

pub use shingle::{shingles, tokens};
pub use sketch::Sketch;
pub use store::{SketchSet, SketchStore};

use rayon::prelude::*;
use shingle::each_shingle;
#[cfg(test)]
use shingle::general_tokens;

/// Texts whose shingle sets are asked for at once when pairs are verified: enough to read
/// texts back from disk a file at a time, few enough to spread over the threads.
const VERIFY_BATCH: usize = 512;
/// Texts whose shingle sets are held at once while candidate pairs are verified.
const VERIFY_TEXTS: usize = 8192;

/// A `shingles_of` for [`near_pairs`] from a function of one text.
pub fn one_by_one(of: impl Fn(usize) -> Vec<u32> + Sync) -> impl Fn(&[usize]) -> Vec<Vec<u32>> + Sync {
    move |ids| ids.iter().map(|&i| of(i)).collect()
}

/// Sketch size: bins of the one-permutation MinHash.
const BINS: usize = 64;
/// The bins of a sketch ([`Sketch::to_bins`] also gives its shingle count).
pub const SKETCH_BINS: usize = BINS;
/// LSH bands × rows = bins. With 16 bands of 4 rows, a pair with Jaccard 0.8 becomes a
/// candidate with probability 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9998.
pub const BANDS: usize = 16;
const ROWS: usize = BINS / BANDS;
/// Buckets holding more texts than this are page furniture or templates, not copies;
/// they are skipped (and logged) so one common text cannot make the work quadratic.
pub const MAX_BUCKET: usize = 256;
/// How far below the threshold a sketch estimate may fall and still be verified: five
/// standard deviations of a 64-bin estimate at a similarity of 0.8.
const SKETCH_MARGIN: f64 = 0.25;

fn hash64(mut x: u64) -> u64 {
    // splitmix64 finalizer: cheap and well mixed.
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Exact Jaccard similarity of two sorted, distinct hash lists.
pub fn jaccard<T: Ord>(a: &[T], b: &[T]) -> f64 {
    // Every similarity is at least 0, so nothing is given up.
    jaccard_at_least(a, b, 0.0).unwrap_or_default()
}

/// The Jaccard similarity of two sorted, distinct sets when it is at least `near`; `None`
/// as soon as what is left to compare cannot reach it (sets too different in size at
/// once, most other far-apart pairs after a few mismatches).
pub fn jaccard_at_least<T: Ord>(a: &[T], b: &[T], near: f64) -> Option<f64> {
    // inter / (|a| + |b| - inter) >= near  <=>  inter >= near (|a| + |b|) / (1 + near)
    // A little under, so rounding never gives up on a pair right at the threshold: the
    // final test is the exact one.
    let needed = (near * (a.len() + b.len()) as f64 / (1.0 + near) - 1e-9).ceil().max(0.0) as usize;
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    // The intersection can still grow by what is left of the smaller remainder.
    let reachable = |i: usize, j: usize, inter: usize| inter + (a.len() - i).min(b.len() - j) >= needed;
    if !reachable(0, 0, 0) {
        return None;
    }
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
                continue;
            }
        }
        if !reachable(i, j, inter) {
            return None;
        }
    }
    let sim = jaccard_of(a.len(), b.len(), inter);
    (sim >= near).then_some(sim)
}

fn jaccard_of(a: usize, b: usize, inter: usize) -> f64 {
    let union = a + b - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// Near-copy buckets, `(band, hash)`, that hold more than [`MAX_BUCKET`] distinct texts
/// over a larger corpus than the one at hand (see [`crate::engine`]): skipped here too.
pub type Crowded = rustc_hash::FxHashSet<(usize, u64)>;

/// Pairs `(i, j, similarity)`, `i < j`, of sketches whose shingle sets have a Jaccard
/// similarity of at least `near`, sorted. Empty sketches are skipped. `shingles_of(ids)`
/// gives the shingle sets (`shingles`) of texts `ids`, in order: asked once per text that
/// needs verifying, a batch at a time, so that texts held on disk are read back together.
/// With `focus`, only pairs that could join a cluster holding a focused text are verified
/// (and returned): the clusters of copies that hold one are the same as without it. With
/// `crowded_elsewhere`, the buckets skipped are those, whatever their size here.
pub fn near_pairs(
    sketches: &dyn SketchSet,
    near: f64,
    (focus, crowded_elsewhere): (Option<&[bool]>, Option<&Crowded>),
    shingles_of: &(dyn Fn(&[usize]) -> Vec<Vec<u32>> + Sync),
) -> Vec<(usize, usize, f64)> {
    // Texts with one sketch (exact copies, above all) meet through the first of them: the
    // bands see only that one, so a text copied thousands of times fills no bucket, and
    // each copy is verified against it.
    let (representative, copies) = same_sketches(sketches);
    // Per band, the texts sorted by their band's hash: a bucket is a run of equal hashes.
    let keyed = |b: usize| {
        let mut keyed: Vec<(u64, u32)> = Vec::new();
        sketches.each_band(b, &mut |i, band| {
            if representative[i] == i as u32 {
                keyed.push((band, i as u32));
            }
        });
        keyed.par_sort_unstable();
        keyed
    };
    let crowded = std::sync::atomic::AtomicUsize::new(0);
    let usable = |band: usize, bucket: &[(u64, u32)]| {
        if let Some(elsewhere) = crowded_elsewhere {
            return bucket.len() >= 2 && !elsewhere.contains(&(band, bucket[0].0));
        }
        if bucket.len() > MAX_BUCKET {
            crowded.fetch_max(bucket.len(), std::sync::atomic::Ordering::Relaxed);
        }
        bucket.len() >= 2 && bucket.len() <= MAX_BUCKET
    };
    // Cheap rejections first, in the bands, so that rejected pairs are never stored (see
    // `worth_verifying`). The members of a bucket are read together.
    let pairs_in = |bucket: &[(u64, u32)], pairs: &mut Vec<(u32, u32)>| {
        let ids: Vec<usize> = bucket.iter().map(|&(_, i)| i as usize).collect();
        let read = sketches.sketches(&ids);
        for (x, &(_, i)) in bucket.iter().enumerate() {
            let later = bucket.iter().zip(&read).skip(x + 1);
            pairs.extend(later.filter(|(_, b)| worth_verifying(&read[x], b, near)).map(|(&(_, j), _)| (i, j)));
        }
    };
    let star = |i: u32| copies.get(&i).into_iter().flatten().map(move |&j| (i, j));
    let candidates: Vec<(u32, u32)> = match focus {
        // One band at a time, sorted and paired by all threads: all of them at once are 16
        // entries per text, the largest thing a check of a large corpus would hold.
        None => {
            let mut pairs: Vec<(u32, u32)> = Vec::new();
            for band in 0..BANDS {
                let keyed = keyed(band);
                let buckets: Vec<&[(u64, u32)]> =
                    keyed.chunk_by(|x, y| x.0 == y.0).filter(|b| usable(band, b)).collect();
                pairs.par_extend(buckets.par_iter().flat_map_iter(|bucket| {
                    let mut found = Vec::new();
                    pairs_in(bucket, &mut found);
                    found
                }));
            }
            pairs.par_extend(copies.par_iter().flat_map_iter(|(&i, members)| members.iter().map(move |&j| (i, j))));
            pairs
        }
        // A verified cluster lies within one group of candidates: walking out from the
        // focused texts through their buckets finds every group that holds one.
        Some(focus) => {
            let bands: Vec<Vec<(u64, u32)>> = (0..BANDS).into_par_iter().map(keyed).collect();
            let pairs_of = |i: usize| {
                let first = representative[i];
                if first != i as u32 {
                    // A copy meets the others through the first text of its sketch.
                    return vec![(first as usize, i)];
                }
                let mut pairs: Vec<(u32, u32)> = star(i as u32).collect();
                let sketch = sketches.sketches(&[i]).swap_remove(0);
                for (b, keyed) in bands.iter().enumerate().filter(|_| !sketch.is_empty()) {
                    let hash = sketch.band(b);
                    let from = keyed.partition_point(|x| x.0 < hash);
                    let to = from + keyed[from..].partition_point(|x| x.0 == hash);
                    let bucket = &keyed[from..to];
                    if !bucket.is_empty() && usable(b, bucket) {
                        // The pairs of `i` alone, not every pair of the bucket.
                        let ids: Vec<usize> = bucket.iter().map(|&(_, j)| j as usize).collect();
                        let read = sketches.sketches(&ids);
                        let i = i as u32;
                        let near_i =
                            bucket.iter().zip(&read).filter(|(&(_, j), s)| j != i && worth_verifying(&sketch, s, near));
                        pairs.extend(near_i.map(|(&(_, j), _)| (i.min(j), i.max(j))));
                    }
                }
                pairs.into_iter().map(|(x, y)| (x as usize, y as usize)).collect()
            };
            let walked = crate::clusters::walk(sketches.len(), (0..sketches.len()).filter(|&i| focus[i]), pairs_of);
            walked.into_iter().map(|(x, y)| (x as u32, y as u32)).collect()
        }
    };
    let crowded = crowded.into_inner();
    if crowded > 0 {
        log::warn!(
            "{crowded} different texts looked alike in one near-copy bucket (more than {MAX_BUCKET}); \
             near copies among them may be missed, exact copies are not"
        );
    }
    verify(sketches, near, candidates, shingles_of)
}

/// Whether two texts' sketches leave their similarity possibly at `near` or above: sets of
/// very different sizes cannot be near, and the sketch estimates the similarity within a
/// few percent (a pair at the threshold falls below this margin with odds under one in a
/// million).
pub fn worth_verifying(a: &Sketch, b: &Sketch, near: f64) -> bool {
    let (small, large) = (a.shingle_count.min(b.shingle_count), a.shingle_count.max(b.shingle_count));
    f64::from(small) >= near * f64::from(large) && a.estimate(b) >= near - SKETCH_MARGIN
}

/// The candidate pairs whose shingle sets are at least `near` alike, with their
/// similarity, sorted (see [`near_pairs`]).
pub fn verify(
    sketches: &dyn SketchSet,
    near: f64,
    candidates: Vec<(u32, u32)>,
    shingles_of: &(dyn Fn(&[usize]) -> Vec<Vec<u32>> + Sync),
) -> Vec<(usize, usize, f64)> {
    verify_in_blocks(sketches, near, candidates, shingles_of, VERIFY_TEXTS)
}

/// [`verify`], holding the sketches and shingle sets of about `block_texts` texts at once.
fn verify_in_blocks(
    sketches: &dyn SketchSet,
    near: f64,
    mut candidates: Vec<(u32, u32)>,
    shingles_of: &(dyn Fn(&[usize]) -> Vec<Vec<u32>> + Sync),
    block_texts: usize,
) -> Vec<(usize, usize, f64)> {
    candidates.par_sort_unstable();
    candidates.dedup();
    let mut out: Vec<(usize, usize, f64)> = Vec::new();
    let (mut verified, mut read, mut identical) = (0, 0, 0);
    // A block of pairs at a time, so that what is held is bounded however many pairs
    // there are.
    let mut rest = &candidates[..];
    while !rest.is_empty() {
        let mut texts = rustc_hash::FxHashSet::default();
        let take = rest
            .iter()
            .take_while(|&&(i, j)| {
                let open = texts.len() < block_texts;
                if open {
                    texts.extend([i, j]);
                }
                open
            })
            .count();
        let (block, after) = rest.split_at(take);
        rest = after;
        let mut ids: Vec<usize> = texts.into_iter().map(|i| i as usize).collect();
        ids.sort_unstable();
        let sketched: rustc_hash::FxHashMap<u32, _> =
            ids.iter().map(|&i| i as u32).zip(sketches.sketches(&ids)).collect();
        // Copies of one text are alike through and through: only the others are verified.
        let same_text = |&(i, j): &(u32, u32)| sketched[&i].same_text(&sketched[&j]);
        let (copies, block): (Vec<_>, Vec<_>) = block.iter().copied().partition(same_text);
        identical += copies.len();
        out.extend(copies.into_iter().map(|(i, j)| (i as usize, j as usize, 1.0)));
        let mut needed: Vec<usize> = block.iter().flat_map(|&(i, j)| [i as usize, j as usize]).collect();
        needed.sort_unstable();
        needed.dedup();
        (verified, read) = (verified + block.len(), read + needed.len());
        let sets: rustc_hash::FxHashMap<u32, Vec<u32>> = needed
            .par_chunks(VERIFY_BATCH)
            .flat_map_iter(|ids| ids.iter().map(|&i| i as u32).zip(shingles_of(ids)))
            .collect();
        out.par_extend(block.par_iter().filter_map(|&(i, j)| {
            let (a, b) = (&sets[&i], &sets[&j]);
            let sim = if a == b { 1.0 } else { jaccard(a, b) };
            (sim >= near).then_some((i as usize, j as usize, sim))
        }));
    }
    log::debug!("{verified} candidate pairs verified, reading {read} texts; {identical} pairs of identical texts");
    out.sort_by_key(|p| (p.0, p.1));
    out
}

/// For each text, the first text with the same sketch (itself when none comes before);
/// and for each such first text, the later ones that share its sketch.
fn same_sketches(sketches: &dyn SketchSet) -> (Vec<u32>, rustc_hash::FxHashMap<u32, Vec<u32>>) {
    let mut keyed: Vec<(u64, u32)> = Vec::new();
    sketches.each(&mut |i, s| keyed.extend(s.identity().map(|id| (id, i as u32))));
    keyed.par_sort_unstable();
    let mut representative: Vec<u32> = (0..sketches.len() as u32).collect();
    let mut copies: rustc_hash::FxHashMap<u32, Vec<u32>> = Default::default();
    for run in keyed.chunk_by(|x, y| x.0 == y.0).filter(|r| r.len() > 1) {
        let ids: Vec<usize> = run.iter().map(|&(_, i)| i as usize).collect();
        let read = sketches.sketches(&ids);
        // Equal hashes of unequal sketches are possible: each text joins the first it equals.
        let mut firsts: Vec<usize> = Vec::new();
        for (k, &(_, i)) in run.iter().enumerate() {
            let same = |f: &usize| {
                let (a, b) = (&read[*f], &read[k]);
                a.shingle_count == b.shingle_count && a.bins() == b.bins()
            };
            match firsts.iter().copied().find(same) {
                Some(f) => {
                    let f = run[f].1;
                    representative[i as usize] = f;
                    copies.entry(f).or_default().push(i);
                }
                None => firsts.push(k),
            }
        }
    }
    (representative, copies)
}

#[cfg(test)]
mod tests;
