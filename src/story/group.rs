//! Finding stories: documents that report the same event. The evidence is shared
//! distinctive figures (language-independent: 1172, 832 and 11.8万 appear in every report
//! of one press conference), found through an inverted index from normalized values to
//! documents, so the work grows with the number of shared figures, not with the number of
//! document pairs. Documents whose dates are far apart never join.

use crate::extract::{Claim, Dimension};
use rustc_hash::{FxHashMap, FxHashSet};

/// A document's evidence: its distinctive figures, its date (days since 1970), and for a
/// file named like a translation (`042.zh.txt`, `042.en-online-b.txt`) its folder and stem
/// without the language tag.
pub struct Evidence {
    pub keys: Vec<u64>,
    pub day: Option<i64>,
    pub parallel: Option<String>,
}

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
const MAX_DAYS_APART: i64 = 3;

/// The key of a distinctive figure: its value, when it has at least two significant digits
/// (1007, 1.4万亿, 11.8万) or three or more (832); `3000多` or `10万` are too round to tell
/// stories apart.
pub fn key(c: &Claim) -> Option<u64> {
    if c.dimension == Dimension::Measure && matches!(c.unit.as_str(), "yr" | "mo" | "d" | "h" | "min" | "s") {
        return None;
    }
    let digits = c.digits.trim_end_matches('0');
    if c.value.abs() < 10.0 || digits.len() < 2 {
        return None;
    }
    // Values equal to 9 significant digits share a key.
    let canonical: f64 = format!("{:.8e}", c.value).parse().ok()?;
    Some(canonical.to_bits())
}

pub fn evidence(claims: &[Claim], date: Option<&str>, path: &str) -> Evidence {
    let mut keys: Vec<u64> = claims.iter().filter_map(key).collect();
    keys.sort_unstable();
    keys.dedup();
    Evidence { keys, day: date.and_then(day_number), parallel: parallel_name(path) }
}

/// A story's documents and its directly linked pairs of documents.
pub type Group = (Vec<usize>, Vec<(usize, usize)>);

/// Stories: groups of ≥ 2 documents (indexes, ascending, ordered by their first
/// document), each with the pairs of its documents that are directly linked. Claims are
/// compared only along direct links, never through a chain of them.
pub fn stories(evidence: &[Evidence]) -> Vec<Group> {
    let n = evidence.len();
    let mut postings: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (doc, e) in evidence.iter().enumerate() {
        for &k in &e.keys {
            postings.entry(k).or_default().push(doc);
        }
    }
    let cap = ((n as f64 * MAX_DOCUMENT_SHARE) as usize).clamp(MAX_DOCUMENTS_FLOOR, MAX_DOCUMENTS);
    let distinctive: FxHashSet<u64> = postings.iter().filter(|(_, d)| d.len() <= cap).map(|(k, _)| *k).collect();
    let mut shared: FxHashMap<(usize, usize), (usize, f64)> = FxHashMap::default();
    for (k, docs) in &postings {
        if docs.len() < 2 || !distinctive.contains(k) {
            continue;
        }
        let weight = 1.0 / ((docs.len() - 1) as f64).sqrt();
        // Only documents dated close together (or undated) can join: pair those alone,
        // walking the documents in date order, rather than every two of them.
        let mut by_day: Vec<(i64, usize)> = docs.iter().map(|&d| (evidence[d].day.unwrap_or(i64::MIN), d)).collect();
        by_day.sort_unstable();
        for (i, &(day, a)) in by_day.iter().enumerate() {
            for &(other_day, b) in &by_day[i + 1..] {
                if day != i64::MIN && other_day - day > MAX_DAYS_APART {
                    break;
                }
                let e = shared.entry((a.min(b), a.max(b))).or_default();
                e.0 += 1;
                e.1 += weight;
            }
        }
    }
    let counts: Vec<usize> =
        evidence.iter().map(|e| e.keys.iter().filter(|k| distinctive.contains(k)).count()).collect();
    let count = |d: usize| counts[d];
    let mut links: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&((a, b), (s, weight))| {
            let smaller = count(a).min(count(b)).max(1);
            let enough = weight >= MANY_WEIGHT
                || (weight >= MIN_WEIGHT - 1e-9 && s as f64 >= MIN_SHARED_FRACTION * smaller as f64);
            let close = match (evidence[a].day, evidence[b].day) {
                (Some(x), Some(y)) => (x - y).abs() <= MAX_DAYS_APART,
                _ => true,
            };
            if enough && !close {
                log::debug!("documents {a} and {b} share {s} figures but are dated far apart");
            }
            enough && close
        })
        .map(|(pair, _)| pair)
        .collect();
    // Files named as translations of one another are one story.
    let mut by_name: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (d, e) in evidence.iter().enumerate() {
        if let Some(name) = &e.parallel {
            by_name.entry(name.as_str()).or_default().push(d);
        }
    }
    for docs in by_name.values() {
        for (i, &a) in docs.iter().enumerate() {
            links.extend(docs[i + 1..].iter().map(|&b| (a, b)));
        }
    }
    links.sort_unstable();
    links.dedup();
    let out: Vec<Group> = crate::clusters::clusters(n, links.iter().copied())
        .into_iter()
        .map(|g| {
            let pairs = links.iter().copied().filter(|(a, _)| g.binary_search(a).is_ok()).collect();
            (g, pairs)
        })
        .collect();
    out
}

/// Days since 1970-01-01 of a date as news metadata writes it: `2022-05-24`,
/// `2022/5/24 10:00`, `Tue, 24 May 2022 11:59:07 GMT`, `2022年5月24日`.
pub fn day_number(date: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = date.to_lowercase();
    let numbers: Vec<i64> =
        lower.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    let month_name = MONTHS.iter().position(|m| lower.contains(m)).map(|i| i as i64 + 1);
    let (y, m, d) = match month_name {
        Some(m) => {
            let y = *numbers.iter().find(|&&n| n >= 1900)?;
            let d = *numbers.iter().find(|&&n| (1..=31).contains(&n))?;
            (y, m, d)
        }
        None => {
            let (y, m, d) = (*numbers.first()?, *numbers.get(1)?, *numbers.get(2)?);
            if y < 1900 {
                return None;
            }
            (y, m, d)
        }
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::day_number;

    #[test]
    fn translation_file_names_pair_up() {
        use super::parallel_name;
        assert_eq!(parallel_name("wmt/042.zh.txt").as_deref(), Some("wmt/042"));
        assert_eq!(parallel_name("wmt/042.en-online-b.txt").as_deref(), Some("wmt/042"));
        assert_eq!(parallel_name("news/2022.05.24.md"), None);
        assert_eq!(parallel_name("a.txt"), None);
    }

    #[test]
    fn dates_as_news_writes_them() {
        let d = day_number("2022-05-24").unwrap();
        assert_eq!(day_number("Tue, 24 May 2022 11:59:07 GMT"), Some(d));
        assert_eq!(day_number("2022/5/24 10:00"), Some(d));
        assert_eq!(day_number("2022年5月24日"), Some(d));
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("yesterday"), None);
    }
}
