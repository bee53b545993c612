//! Finding stories: documents that report the same event. The evidence is shared
//! distinctive figures (language-independent: 1172, 832 and 11.8万 appear in every report
//! of one press conference), found through an inverted index from normalized values to
//! documents, so the work grows with the number of shared figures, not with the number of
//! document pairs. Documents whose dates are far apart never join.

use super::linking::MAX_DAYS_APART;
pub use super::linking::{capable, close, key_cap, key_weight, linked, title_pairs, Side};
use crate::clusters::WeightedPair;
pub use crate::dates::{day_number, minute_number};
use crate::extract::Claim;
pub use crate::parallel::pairs::parallel_name;
pub use crate::view::key;
use rustc_hash::FxHashMap;

/// A document's evidence: its distinctive figures, its date (days since 1970), and for a
/// file named like a translation (`042.zh.txt`, `042.en-online-b.txt`) its folder and stem
/// without the language tag.
pub struct Evidence<'a> {
    pub keys: &'a [u64],
    pub day: Option<i64>,
    /// Its translation name and title, when it has either: boxed, because most records of
    /// a dataset have neither and a corpus holds evidence for every document at once.
    named: Option<Box<Named>>,
}

struct Named {
    parallel: Option<String>,
    /// The character pairs of its title, sorted (empty without a title).
    title: Vec<(char, char)>,
}

impl Evidence<'_> {
    pub fn parallel(&self) -> Option<&str> {
        self.named.as_ref()?.parallel.as_deref()
    }

    /// The character pairs of its title, sorted (empty without a title).
    pub fn title(&self) -> &[(char, char)] {
        self.named.as_ref().map_or(&[], |n| &n.title)
    }
}

/// The figure keys ([`key`]) of every document, packed one document after another: taken
/// while a document's claims are at hand, so that finding stories never unpacks claims.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoryKeys {
    keys: Vec<u64>,
    /// Where each document's keys end in `keys`.
    ends: Vec<usize>,
}

impl StoryKeys {
    /// The keys of one document's claims, sorted and distinct.
    pub fn keys_of(claims: &[Claim]) -> Vec<u64> {
        let mut keys: Vec<u64> = claims.iter().filter_map(key).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Appends the next document's keys ([`StoryKeys::keys_of`]).
    pub fn push(&mut self, keys: &[u64]) {
        self.keys.extend_from_slice(keys);
        self.ends.push(self.keys.len());
    }

    /// Appends the keys of documents `documents` of `other`.
    pub fn extend_from(&mut self, other: &StoryKeys, documents: std::ops::Range<usize>) {
        for d in documents {
            self.keys.extend_from_slice(other.get(d));
            self.ends.push(self.keys.len());
        }
    }

    /// The keys of document `doc`.
    pub fn get(&self, doc: usize) -> &[u64] {
        let start = if doc == 0 { 0 } else { self.ends[doc - 1] };
        &self.keys[start..self.ends[doc]]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The keys of documents with claims held in memory.
    pub fn of(claims: &[Vec<Claim>]) -> StoryKeys {
        let mut keys = StoryKeys::default();
        for c in claims {
            keys.push(&StoryKeys::keys_of(c));
        }
        keys
    }
}

pub fn evidence<'a>(keys: &'a [u64], date: Option<&str>, path: &str, title: Option<&str>) -> Evidence<'a> {
    let (parallel, title) = (parallel_name(path), title_pairs(title));
    let named = (parallel.is_some() || !title.is_empty()).then(|| Box::new(Named { parallel, title }));
    Evidence { keys, day: date.and_then(day_number), named }
}

/// A story's documents and its directly linked pairs of documents.
pub type Group = (Vec<usize>, Vec<(usize, usize)>);

/// Which documents share figures, and how much each figure weighs.
struct Index<'e, 'a> {
    evidence: &'e [Evidence<'a>],
    /// Each figure's place in `starts`: its documents are `docs[starts[s]..starts[s + 1]]`,
    /// ascending. Flat, because an index of every figure of a large corpus is the largest
    /// thing finding stories holds.
    slots: FxHashMap<u64, u32>,
    starts: Vec<usize>,
    docs: Vec<u32>,
    /// Figures found in more documents than this are not distinctive.
    cap: usize,
    /// Documents whose shared figures weigh enough, all together, to link them to
    /// another (with a similar title's help at most): the others are never paired, which
    /// spares a corpus of short texts the pairs of its common figures.
    capable: Vec<bool>,
}

impl<'e, 'a> Index<'e, 'a> {
    fn new(evidence: &'e [Evidence<'a>]) -> Self {
        // Counted first, then placed: the documents of a figure in one run.
        let mut slots: FxHashMap<u64, u32> = FxHashMap::default();
        let mut counts: Vec<usize> = Vec::new();
        for e in evidence {
            for &k in e.keys {
                let slot = *slots.entry(k).or_insert_with(|| {
                    counts.push(0);
                    (counts.len() - 1) as u32
                });
                counts[slot as usize] += 1;
            }
        }
        let mut starts = Vec::with_capacity(counts.len() + 1);
        starts.push(0);
        for c in counts {
            starts.push(starts.last().copied().unwrap_or(0) + c);
        }
        let mut next = starts.clone();
        // A corpus of 4 billion documents would not fit in memory long before this.
        let mut docs = vec![0u32; starts.last().copied().unwrap_or(0)];
        for (doc, e) in evidence.iter().enumerate() {
            for k in e.keys {
                let at = &mut next[slots[k] as usize];
                docs[*at] = doc as u32;
                *at += 1;
            }
        }
        drop(next);
        let cap = key_cap(evidence.len());
        let mut index = Index { evidence, slots, starts, docs, cap, capable: Vec::new() };
        let capable =
            (0..evidence.len()).map(|d| capable(evidence[d].keys.iter().filter_map(|&k| index.weight(k)))).collect();
        index.capable = capable;
        index
    }

    /// The documents that state figure `key`, ascending.
    fn postings(&self, key: u64) -> &[u32] {
        let slot = self.slots[&key] as usize;
        &self.docs[self.starts[slot]..self.starts[slot + 1]]
    }

    /// Whether a figure is distinctive: found in few enough documents (and in at least
    /// two for it to link any).
    fn distinctive(&self, key: u64) -> bool {
        self.postings(key).len() <= self.cap
    }

    /// A shared figure's weight, or `None` when it cannot link documents.
    fn weight(&self, key: u64) -> Option<f64> {
        let docs = self.postings(key);
        (docs.len() <= self.cap).then(|| key_weight(docs.len()))?
    }

    fn distinctive_count(&self, doc: usize) -> usize {
        self.evidence[doc].keys.iter().filter(|&&k| self.distinctive(k)).count()
    }

    fn close(&self, a: usize, b: usize) -> bool {
        close(self.evidence[a].day, self.evidence[b].day)
    }

    /// Whether `a` and `b`, sharing `shared` figures of total weight `weight`, are linked.
    /// `count(d)` is [`Index::distinctive_count`] of `d`.
    fn linked(&self, (a, b): (usize, usize), shares: (usize, f64), count: &dyn Fn(usize) -> usize) -> bool {
        let side =
            |d: usize| Side { day: self.evidence[d].day, title: self.evidence[d].title(), distinctive: count(d) };
        linked(&side(a), &side(b), shares)
    }

    /// Every linked pair, `a < b`, with the weight of what it shares: figures walked in
    /// ascending order, so that a pair's weight is summed in the same order as in
    /// [`Index::links_of`].
    fn all_links(&self) -> Vec<WeightedPair> {
        let mut keys: Vec<u64> = self.slots.keys().copied().collect();
        keys.sort_unstable();
        let mut shared: FxHashMap<(usize, usize), (usize, f64)> = FxHashMap::default();
        for k in keys {
            let Some(weight) = self.weight(k) else { continue };
            // Only documents dated close together (or undated) can join: pair those alone,
            // walking the documents in date order, rather than every two of them.
            let mut by_day: Vec<(i64, usize)> = self
                .postings(k)
                .iter()
                .map(|&d| d as usize)
                .filter(|&d| self.capable[d])
                .map(|d| (self.evidence[d].day.unwrap_or(i64::MIN), d))
                .collect();
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
        // A document's figures are few: a count fits in 32 bits, and there is one per document.
        let counts: Vec<u32> = (0..self.evidence.len()).map(|d| self.distinctive_count(d) as u32).collect();
        let count = |d: usize| counts[d] as usize;
        shared
            .into_iter()
            .filter(|&(pair, shares)| self.linked(pair, shares, &count))
            .map(|(pair, (_, weight))| (pair, weight))
            .collect()
    }

    /// The linked pairs that `a` is in, each `(smaller, larger)`, with their weights.
    fn links_of(&self, a: usize) -> Vec<WeightedPair> {
        if !self.capable[a] {
            return Vec::new();
        }
        let mut shared: FxHashMap<usize, (usize, f64)> = FxHashMap::default();
        for &k in self.evidence[a].keys {
            let Some(weight) = self.weight(k) else { continue };
            for b in self.postings(k).iter().map(|&b| b as usize) {
                if b != a && self.capable[b] && self.close(a, b) {
                    let e = shared.entry(b).or_default();
                    e.0 += 1;
                    e.1 += weight;
                }
            }
        }
        shared
            .into_iter()
            .map(|(b, counts)| ((a.min(b), a.max(b)), counts))
            .filter(|&(pair, shares)| self.linked(pair, shares, &|d| self.distinctive_count(d)))
            .map(|(pair, (_, weight))| (pair, weight))
            .collect()
    }
}

/// Stories: groups of ≥ 2 documents (indexes, ascending, ordered by their first
/// document), each with the pairs of its documents that are directly linked. Claims are
/// compared only along direct links, never through a chain of them, and a document joins
/// a story only when it is linked to enough of it ([`crate::clusters::dense_groups`]):
/// documents each sharing figures with the next do not make one story. With `focus`, only
/// the stories that hold a focused document, found by walking out from those documents
/// (the same stories as all of them filtered, at the cost of the stories walked).
pub fn stories(evidence: &[Evidence<'_>], focus: Option<&[bool]>) -> Vec<Group> {
    stories_linked(evidence, Linking::Figures(focus))
}

/// How the documents of [`stories_linked`] are linked by their figures.
pub enum Linking<'l> {
    /// By their shared figures, found here; only the stories holding a document in focus
    /// when one is given.
    Figures(Option<&'l [bool]>),
    /// By these links, decided over a larger corpus whose part these documents are (in
    /// its order): a figure's weight depends on how many documents of all of it hold it.
    Given(&'l [WeightedPair]),
}

/// [`stories`], with the figure links found here or given.
pub fn stories_linked(evidence: &[Evidence<'_>], linking: Linking<'_>) -> Vec<Group> {
    let n = evidence.len();
    // Files named as translations of one another are one story.
    let mut by_name: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (d, e) in evidence.iter().enumerate() {
        if let Some(name) = e.parallel() {
            by_name.entry(name).or_default().push(d);
        }
    }
    // Files named as translations of one another always join.
    let parallel_links = |docs: &[usize], out: &mut Vec<WeightedPair>| {
        for (i, &a) in docs.iter().enumerate() {
            out.extend(docs[i + 1..].iter().map(|&b| ((a, b), f64::INFINITY)));
        }
    };
    let focus = match linking {
        Linking::Figures(focus) => focus,
        Linking::Given(_) => None,
    };
    let links = match linking {
        Linking::Given(given) => {
            let mut links = given.to_vec();
            for docs in by_name.values() {
                parallel_links(docs, &mut links);
            }
            links
        }
        Linking::Figures(None) => {
            let mut links = Index::new(evidence).all_links();
            for docs in by_name.values() {
                parallel_links(docs, &mut links);
            }
            links
        }
        Linking::Figures(Some(focus)) => {
            let index = Index::new(evidence);
            crate::clusters::walk_links(
                n,
                (0..n).filter(|&d| focus[d]),
                |a| {
                    let mut found = index.links_of(a);
                    if let Some(docs) = evidence[a].parallel().and_then(|name| by_name.get(name)) {
                        parallel_links(docs, &mut found);
                    }
                    found
                },
                |link| link.0,
            )
        }
    };
    let mut groups = crate::clusters::dense_groups(n, &links);
    if let Some(focus) = focus {
        // The walk reached whole components; keep the stories of the focused documents.
        groups.retain(|docs| docs.iter().any(|&d| focus[d]));
    }
    let mut group_of: FxHashMap<usize, usize> = FxHashMap::default();
    for (g, docs) in groups.iter().enumerate() {
        group_of.extend(docs.iter().map(|&d| (d, g)));
    }
    let mut pairs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); groups.len()];
    let mut links: Vec<(usize, usize)> = links.into_iter().map(|((a, b), _)| (a.min(b), a.max(b))).collect();
    links.sort_unstable();
    links.dedup();
    for (a, b) in links {
        // A link between two stories (refused as too weak) compares nothing.
        match (group_of.get(&a), group_of.get(&b)) {
            (Some(x), Some(y)) if x == y => pairs[*x].push((a, b)),
            _ => log::debug!("documents {a} and {b} share figures but are in different stories"),
        }
    }
    groups.into_iter().zip(pairs).collect()
}

#[cfg(test)]
mod tests {
    use super::{day_number, minute_number};

    #[test]
    fn stories_around_a_focus_are_the_stories_holding_it() {
        use super::{evidence, stories};
        // Documents drawing figures from a small pool, some undated and some days apart,
        // a few named as translations: stories of many shapes, chains among them.
        let mut next = crate::testing::xorshift(0x2545_f491_4f6c_dd1du64);
        let documents: Vec<(Vec<u64>, Option<String>, String)> = (0..400)
            .map(|d| {
                // Figures of the document's event, and a few from anywhere.
                let event = next(60);
                let mut keys: Vec<u64> = (0..2 + next(5)).map(|_| 1000 + event * 6 + next(6)).collect();
                keys.extend((0..next(3)).map(|_| 5000 + next(200)));
                keys.sort_unstable();
                keys.dedup();
                let date = (next(5) > 0).then(|| format!("2022-05-{:02}", 1 + next(12)));
                let name = if d % 37 == 0 { format!("wmt/{}.zh.txt", d / 74) } else { format!("news/{d}.md") };
                (keys, date, name)
            })
            .collect();
        let evidence: Vec<_> =
            documents.iter().map(|(k, date, name)| evidence(k, date.as_deref(), name, None)).collect();
        let all = stories(&evidence, None);
        assert!(all.len() > 5 && all.iter().any(|g| g.0.len() > 3), "{all:?}");
        for round in 0..20 {
            let focus: Vec<bool> = (0..documents.len()).map(|d| (d * 7 + round) % 23 == 0).collect();
            let mut want = all.clone();
            want.retain(|(docs, _)| docs.iter().any(|&d| focus[d]));
            assert_eq!(stories(&evidence, Some(&focus)), want, "round {round}");
        }
    }

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
        let (early, late) =
            (minute_number("Wed, 3 Mar 2021 08:15:00 GMT"), minute_number("Wed, 3 Mar 2021 14:40:30 GMT"));
        assert!(early < late && early.is_some());
    }
}
