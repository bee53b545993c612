//! The decisions behind the engine's joins, one document or one pair at a time, so that
//! an engine that groups documents by figure key decides links exactly as `factlint check`
//! does over the whole corpus ([`crate::story::group`]).

use crate::story::group;

/// How many documents a figure may be found in and still be distinctive, in a corpus of
/// `documents` documents.
pub fn key_cap(documents: usize) -> usize {
    group::key_cap(documents)
}

/// What a document's figures say about it, given each figure key with the number of
/// documents of the corpus that hold it: whether it can be linked at all (capable), and
/// how many of its figures are distinctive.
pub fn document_link(keys: &mut [(u64, u64)], cap: usize) -> (bool, usize) {
    keys.sort_unstable();
    let distinctive = keys.iter().filter(|&&(_, df)| df as usize <= cap).count();
    let weights =
        keys.iter().filter(|&&(_, df)| df as usize <= cap).filter_map(|&(_, df)| group::key_weight(df as usize));
    (group::capable(weights), distinctive)
}

/// One document of a candidate pair.
pub struct LinkSide<'a> {
    pub day: Option<i64>,
    pub title: Option<&'a str>,
    /// How many of its figures are distinctive ([`document_link`]).
    pub distinctive: usize,
}

/// The link between two capable documents that share the figures `shared` (each key with
/// the number of documents that hold it): its weight when they report one story.
pub fn pair_link(a: &LinkSide<'_>, b: &LinkSide<'_>, shared: &mut [(u64, u64)], cap: usize) -> Option<f64> {
    shared.sort_unstable();
    let weights: Vec<f64> = shared
        .iter()
        .filter(|&&(_, df)| df as usize <= cap)
        .filter_map(|&(_, df)| group::key_weight(df as usize))
        .collect();
    // Summed in ascending order of the keys, as the whole-corpus index sums them.
    let weight = weights.iter().fold(0.0, |sum, w| sum + w);
    let (title_a, title_b) = (group::title_pairs(a.title), group::title_pairs(b.title));
    let side_a = group::Side { day: a.day, title: &title_a, distinctive: a.distinctive };
    let side_b = group::Side { day: b.day, title: &title_b, distinctive: b.distinctive };
    group::linked(&side_a, &side_b, (weights.len(), weight)).then_some(weight)
}

/// Whether documents dated `a` and `b` (days since 1970) may be paired at all.
pub fn close(a: Option<i64>, b: Option<i64>) -> bool {
    group::close(a, b)
}
