//! Which documents are parallel: one renders the other. Files named as translations
//! (`042.zh.txt`, `042.en-online-b.txt`), documents of two languages whose figures line
//! up in the same order over most of both (a translation nobody named), and documents of
//! one language that state the same figures in the same order (a reprint). Only documents
//! already linked as one story are tried, so the work grows with the corpus, not with its
//! pairs. Which side is the source: the configured source language, else the file named
//! after the other (a `-SYSTEM` translation), else the earlier date or the first by name.

use crate::extract::{Claim, Lang};

/// Language tags that mark parallel files of a translation set.
const LANGUAGE_TAGS: [&str; 8] = ["zh", "en", "zh-cn", "zh-tw", "zh-hk", "zh-hans", "zh-hant", "en-us"];

/// `dir/042.zh.txt` → `dir/042`; `dir/042.en-online-b.txt` → `dir/042` (a translation
/// variant); anything without a language tag → `None`.
pub fn parallel_name(path: &str) -> Option<String> {
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    let mut parts: Vec<&str> = file.split('.').collect();
    if parts.len() < 3 {
        return None;
    }
    parts.pop();
    let tag = parts.pop()?.to_ascii_lowercase();
    let lang = tag.split_once('-').map_or(tag.as_str(), |(l, _)| l);
    let known = LANGUAGE_TAGS.contains(&tag.as_str()) || matches!(lang, "zh" | "en");
    known.then(|| format!("{dir}/{}", parts.join(".")))
}

/// Why two documents are parallel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairKind {
    /// Files named as translations of one another.
    Named,
    /// Different languages whose figures line up.
    Translation,
    /// One language, the same figures in the same order.
    Reprint,
}

impl PairKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PairKind::Named => "named",
            PairKind::Translation => "translation",
            PairKind::Reprint => "reprint",
        }
    }
}

/// Two parallel documents, by index, the source first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub source: usize,
    pub target: usize,
    pub kind: PairKind,
    /// Whether something says which side is the source (the configured language, a file
    /// named after a system, an earlier date), not only the order of their names.
    pub source_known: bool,
}

impl Pair {
    fn ordered(a: &Candidate<'_>, b: &Candidate<'_>, kind: PairKind, source_language: Option<&str>) -> Pair {
        let (a_first, source_known) = source_first(a, b, source_language);
        let (source, target) = if a_first { (a.index, b.index) } else { (b.index, a.index) };
        Pair { source, target, kind, source_known }
    }
}

/// What pairing knows of one document.
pub struct Candidate<'a> {
    pub index: usize,
    pub name: &'a str,
    pub language: Lang,
    /// Its date and time in minutes ([`crate::dates::minute_number`]).
    pub published: Option<i64>,
    /// Its distinctive figures in order ([`sequence`]).
    pub figures: &'a [u64],
}

/// Of the figures of the shorter side, at least this share must line up in order…
const MIN_TRANSLATION_SHARE: f64 = 0.6;
/// …and for a reprint, this share of both sides.
const MIN_REPRINT_SHARE: f64 = 0.85;
/// A reprint whose figures were edited may keep only this share of them in order; it
/// is a reprint when its text is a near copy ([`MIN_REPRINT_TEXT_SHARE`]).
const MIN_EDITED_REPRINT_SHARE: f64 = 0.5;
/// Jaccard similarity of word shingles at or above which two texts of one language are a
/// reprint and its original: far above two outlets' own reports of one story, which
/// share facts but not wording, and below a copy whose headline and dateline changed.
pub const MIN_REPRINT_TEXT_SHARE: f64 = 0.5;
/// Fewer figures than this say too little to call two documents parallel.
const MIN_FIGURES: usize = 3;
/// Longer figure sequences are cut here (a table of figures is not a translation test).
const MAX_FIGURES: usize = 400;

/// The distinctive figures of a document in order of appearance.
pub fn sequence(claims: &[Claim]) -> Vec<u64> {
    claims.iter().filter_map(crate::view::key).take(MAX_FIGURES).collect()
}

/// Length of the longest common subsequence of two figure sequences.
fn common_in_order(a: &[u64], b: &[u64]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { above.max(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Whether `a` and `b` are parallel, and which is the source. `source_language` is the
/// configured one, if any.
pub fn pair(a: &Candidate<'_>, b: &Candidate<'_>, source_language: Option<&str>) -> Option<Pair> {
    let named = match (parallel_name(a.name), parallel_name(b.name)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    };
    let kind = if named {
        PairKind::Named
    } else {
        let (sa, sb) = (a.figures, b.figures);
        let shorter = sa.len().min(sb.len());
        if shorter < MIN_FIGURES {
            return None;
        }
        let common = common_in_order(sa, sb) as f64;
        if a.language != b.language {
            if common < MIN_TRANSLATION_SHARE * shorter as f64 || common < MIN_FIGURES as f64 {
                return None;
            }
            PairKind::Translation
        } else {
            let longer = sa.len().max(sb.len());
            if common < MIN_REPRINT_SHARE * longer as f64 {
                return None;
            }
            PairKind::Reprint
        }
    };
    Some(Pair::ordered(a, b, kind, source_language))
}

/// Whether `a` and `b` may be a reprint with edited figures: one language, and at least
/// half of the figures of the longer still in order. Their texts decide
/// ([`edited_reprint`]).
pub fn maybe_edited_reprint(a: &Candidate<'_>, b: &Candidate<'_>) -> bool {
    let longer = a.figures.len().max(b.figures.len());
    a.language == b.language
        && a.figures.len().min(b.figures.len()) >= MIN_FIGURES
        && common_in_order(a.figures, b.figures) as f64 >= MIN_EDITED_REPRINT_SHARE * longer as f64
}

/// `a` and `b`, whose texts are near copies, as a reprint and its source.
pub fn edited_reprint(a: &Candidate<'_>, b: &Candidate<'_>, source_language: Option<&str>) -> Pair {
    Pair::ordered(a, b, PairKind::Reprint, source_language)
}

/// Whether `a` is the source of the pair (`a`, `b`), and whether anything but the order
/// of names says so.
fn source_first(a: &Candidate<'_>, b: &Candidate<'_>, source_language: Option<&str>) -> (bool, bool) {
    if let Some(tag) = source_language {
        match (a.language.is(tag), b.language.is(tag)) {
            (true, false) => return (true, true),
            (false, true) => return (false, true),
            _ => {}
        }
    }
    // A translation named after a system (`042.en-online-b.txt`) renders the other file.
    match (system_named(a.name), system_named(b.name)) {
        (false, true) => return (true, true),
        (true, false) => return (false, true),
        _ => {}
    }
    match (a.published, b.published) {
        (Some(x), Some(y)) if x != y => (x < y, true),
        _ => ((a.name, a.index) <= (b.name, b.index), false),
    }
}

/// `042.en-online-b.txt`: a language tag with a system name after it.
fn system_named(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    let parts: Vec<&str> = file.split('.').collect();
    parts.len() >= 3 && parts[parts.len() - 2].contains('-') && parallel_name(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    fn candidate<'a>(index: usize, name: &'a str, figures: &'a [u64], language: Lang) -> Candidate<'a> {
        Candidate { index, name, language, published: None, figures }
    }

    #[test]
    fn named_translations_pair_and_the_system_file_is_the_target() {
        let none: Vec<u64> = Vec::new();
        let zh = candidate(0, "wmt/042.zh.txt", &none, Lang::Zh);
        let mt = candidate(1, "wmt/042.en-online-b.txt", &none, Lang::En);
        let p = pair(&mt, &zh, None).expect("named files pair");
        assert_eq!((p.source, p.target, p.kind), (0, 1, PairKind::Named));
        let other = candidate(2, "wmt/043.en.txt", &none, Lang::En);
        assert_eq!(pair(&zh, &other, None), None);
        // The configured source language decides first.
        let en = candidate(3, "wmt/042.en.txt", &none, Lang::En);
        assert_eq!(pair(&zh, &en, Some("en")).map(|p| p.source), Some(3));
        assert_eq!(pair(&zh, &en, Some("zh")).map(|p| p.source), Some(0));
    }

    #[test]
    fn figures_in_order_make_a_translation_or_a_reprint() {
        let ex = Extractor::default();
        let zh = sequence(&ex.claims("投入1.4万亿元，建成1007家医院，服务11.8万人次，增长11.6%。"));
        let en =
            sequence(&ex.claims("It invested 1.4 trillion yuan in 1,007 hospitals serving 118,000 visits, up 11.6%."));
        let shuffled = sequence(&ex.claims("11.6% more; 118,000 visits; 1,007 hospitals; 1.4 trillion yuan."));
        let (a, b) = (candidate(0, "a.txt", &zh, Lang::Zh), candidate(1, "b.txt", &en, Lang::En));
        assert_eq!(pair(&a, &b, None).map(|p| p.kind), Some(PairKind::Translation));
        let c = candidate(2, "c.txt", &shuffled, Lang::En);
        assert_eq!(pair(&a, &c, None), None, "figures out of order are no translation");
        let reprint = candidate(3, "d.txt", &zh, Lang::Zh);
        assert_eq!(pair(&a, &reprint, None).map(|p| p.kind), Some(PairKind::Reprint));
    }
}
