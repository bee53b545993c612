//! How strongly two documents are linked, decided one document or one pair at a time:
//! what makes a figure distinctive and how much it weighs, and when the figures two
//! documents share (with their dates and titles) make them reports of one story. Finding
//! stories over a corpus ([`super::group`]) and the distributed engine's joins
//! ([`crate::engine`]) decide with these, so both decide alike.

/// Figures common across the corpus say nothing about a story: a value found in more
/// documents than this share (or this floor) is not distinctive.
const MAX_DOCUMENT_SHARE: f64 = 0.02;
const MAX_DOCUMENTS_FLOOR: usize = 8;
/// …and never more than this many: a figure in hundreds of documents weighs too little to
/// link any two of them, while pairing them all would make the work quadratic.
const MAX_DOCUMENTS: usize = 100;
/// Two documents join when the figures they share weigh at least this much (a figure
/// found in `df` documents weighs 1/√(df−1): one shared by just the two weighs 1)…
const MIN_WEIGHT: f64 = 2.0;
/// …and those figures are at least this share of the smaller document's distinctive ones,
const MIN_SHARED_FRACTION: f64 = 0.34;
/// …or when they weigh this much, whatever the share.
const MANY_WEIGHT: f64 = 6.0;
/// Reports more than this many days apart are different events.
pub(super) const MAX_DAYS_APART: i64 = 3;

/// The character pairs of a title, sorted and distinct, whitespace and punctuation left out.
pub fn title_pairs(title: Option<&str>) -> Vec<(char, char)> {
    let chars: Vec<char> = title.unwrap_or("").chars().filter(|c| c.is_alphanumeric()).collect();
    let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Two titles this alike (Jaccard similarity of their character pairs) name one event…
const SIMILAR_TITLES: f64 = 0.6;
/// …and weigh as much as a shared distinctive figure: two outlets that headline one event
/// alike and share a figure report the same story.
const TITLE_WEIGHT: f64 = 1.0;

/// How many documents a figure may be found in and still be distinctive, in a corpus of
/// `documents`.
pub fn key_cap(documents: usize) -> usize {
    ((documents as f64 * MAX_DOCUMENT_SHARE) as usize).clamp(MAX_DOCUMENTS_FLOOR, MAX_DOCUMENTS)
}

/// The weight of a distinctive figure found in `documents` documents; `None` when it is
/// in one only and links nothing.
pub fn key_weight(documents: usize) -> Option<f64> {
    (documents >= 2).then(|| 1.0 / ((documents - 1) as f64).sqrt())
}

/// Whether a document whose figures weigh `weights` (in ascending order of their keys)
/// could be linked to another at all, with a similar title's help at most: the others
/// are never paired.
pub fn capable(weights: impl Iterator<Item = f64>) -> bool {
    weights.sum::<f64>() >= MIN_WEIGHT - TITLE_WEIGHT - 1e-9
}

/// Whether documents dated `a` and `b` (days; `None`: undated) can report one event.
pub fn close(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= MAX_DAYS_APART,
        _ => true,
    }
}

/// What deciding a link needs of one document of the pair.
pub struct Side<'a> {
    pub day: Option<i64>,
    /// Its title's character pairs ([`title_pairs`]).
    pub title: &'a [(char, char)],
    /// How many of its figures are distinctive.
    pub distinctive: usize,
}

/// Whether two documents sharing `shared` distinctive figures of total weight `weight`
/// (summed in ascending order of the figures' keys) report one story.
pub fn linked(a: &Side<'_>, b: &Side<'_>, (shared, weight): (usize, f64)) -> bool {
    let weight =
        if weight < MIN_WEIGHT - 1e-9 && similar_titles(a.title, b.title) { weight + TITLE_WEIGHT } else { weight };
    let smaller = a.distinctive.min(b.distinctive).max(1);
    let enough =
        weight >= MANY_WEIGHT || (weight >= MIN_WEIGHT - 1e-9 && shared as f64 >= MIN_SHARED_FRACTION * smaller as f64);
    let close = close(a.day, b.day);
    if enough && !close {
        log::debug!("two documents share {shared} figures but are dated far apart");
    }
    enough && close
}

/// Whether two titles' character pairs say they are near-identical.
fn similar_titles(x: &[(char, char)], y: &[(char, char)]) -> bool {
    if x.len() < 4 || y.len() < 4 {
        return false;
    }
    let shared = x.iter().filter(|p| y.binary_search(p).is_ok()).count();
    shared as f64 >= SIMILAR_TITLES * (x.len() + y.len() - shared) as f64
}
