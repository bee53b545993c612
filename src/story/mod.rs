//! Stories and facts: which documents report the same event ([`group`]), which of their
//! claims state the same quantity ([`align`]), and whether those statements can all be
//! true. Shared by `factlint align` and the contradiction rules.

pub mod align;
pub mod claims;
pub mod group;
mod linking;
mod majority;
mod passes;
mod store;

use crate::corpus::{Corpus, Resident};
use crate::extract::Claim;
use crate::glossary::Glossary;
pub use crate::parallel::ParallelResult;
pub use crate::view::DocClaims;
pub use claims::{Claims, PackedClaims};
pub use group::StoryKeys;
use majority::{judge, leave_to_the_majority};
use rayon::prelude::*;
use std::borrow::Cow;
pub use store::ClaimStore;

/// How the statements of one quantity relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Agree,
    Conflict,
    Magnitude,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Agree => "agree",
            Status::Conflict => "conflict",
            Status::Magnitude => "magnitude",
        }
    }
}

/// A claim by document index and claim index.
pub type ClaimRef = (usize, usize);

/// One quantity stated in several documents of a story.
#[derive(Clone, Debug)]
pub struct Fact {
    pub claims: Vec<ClaimRef>,
    pub status: Status,
}

#[derive(Clone, Debug)]
pub struct Story {
    pub documents: Vec<usize>,
    pub facts: Vec<Fact>,
}

/// A statement that disagrees with what most documents of its story say.
#[derive(Clone, Debug)]
pub struct Outlier {
    pub status: Status,
    pub claim: ClaimRef,
    /// The statement the majority makes (the first of them).
    pub majority: ClaimRef,
    /// Every other statement of the quantity, and whether it agrees with the majority.
    pub others: Vec<(ClaimRef, bool)>,
    /// No majority: as many documents state `majority` as state `claim`. The finding goes
    /// on the document that is not the source (the later one, or the one not in the
    /// configured source language), and says so.
    pub tie: bool,
}

pub struct Analysis {
    pub stories: Vec<Story>,
    pub outliers: Vec<Outlier>,
    /// Every parallel pair of documents found inside the stories, compared.
    pub parallel: Vec<ParallelResult>,
}

/// How to compare parallel documents, and what to keep of the comparison.
pub struct ParallelOptions {
    pub extractor: crate::extract::Extractor,
    /// The language of the source side (`zh`, `en`); see [`crate::parallel::pairs`].
    pub source_language: Option<String>,
    /// Keep the aligned segments (for `factlint align`), not only the discrepancies.
    pub keep_segments: bool,
}

/// Two claims of one document that repeat one statement: value, unit and subject.
fn same_value_and_subject(a: &Claim, b: &Claim) -> bool {
    align::same_value(a, b) && a.unit == b.unit && a.subject == b.subject && a.dimension == b.dimension
}

/// Whether two claims' intervals overlap (a tiny tolerance for float noise).
pub fn overlap(a: &Claim, b: &Claim) -> bool {
    let eps = 1e-9 * a.value.abs().max(b.value.abs()).max(1.0);
    let below = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(hi), Some(lo)) => hi + eps < lo,
        _ => false,
    };
    !(below(a.high, b.low) || below(b.high, a.low))
}

/// Disjoint and a power of ten apart with the same significant digits (万 ↔ thousand).
pub fn magnitude_slip(a: &Claim, b: &Claim) -> bool {
    if a.value <= 0.0 || b.value <= 0.0 || a.digits.trim_end_matches('0') != b.digits.trim_end_matches('0') {
        return false;
    }
    let k = (a.value / b.value).log10();
    k.abs() >= 0.5 && (k - k.round()).abs() < 1e-6
}

/// Disjoint statements further apart than this ratio are more likely different
/// quantities than one misreported: say nothing.
const MAX_CONFLICT_RATIO: f64 = 3.0;

/// Whether two figures could be compared at all: they agree, slip by a power of ten, or
/// are close enough to conflict. Figures further apart are never paired by order alone:
/// such a pair would be reported as nothing and would only block the right partner.
pub(crate) fn comparable_values(a: &Claim, b: &Claim) -> bool {
    relation(a, b).is_some()
}

fn relation(a: &Claim, b: &Claim) -> Option<Status> {
    if overlap(a, b) {
        return Some(Status::Agree);
    }
    if magnitude_slip(a, b) {
        return Some(Status::Magnitude);
    }
    let (x, y) = (a.value, b.value);
    if x > 0.0 && y > 0.0 && x.max(y) / x.min(y) <= MAX_CONFLICT_RATIO {
        return Some(Status::Conflict);
    }
    None
}

pub fn analyze(corpus: &Corpus, claims: &[Vec<Claim>], glossary: &Glossary, parallel: &ParallelOptions) -> Analysis {
    analyze_focused(
        corpus,
        Claims::Held(claims),
        &StoryKeys::of(claims),
        (glossary, parallel),
        group::Linking::Figures(None),
    )
}

/// Documents of stories read back at once for alignment: enough to keep both cores busy,
/// few enough that a streamed run holds little text.
const ALIGN_BATCH_DOCUMENTS: usize = 4096;

/// `analyze`, aligning only the stories that hold a document in focus (when `linking`
/// gives one): findings elsewhere would not be reported (`--corpus-root`); or over links
/// decided elsewhere. `keys` are every document's figure keys.
pub fn analyze_focused(
    corpus: &Corpus,
    claims: Claims<'_>,
    keys: &StoryKeys,
    (glossary, parallel): (&Glossary, &ParallelOptions),
    linking: group::Linking<'_>,
) -> Analysis {
    let started = std::time::Instant::now();
    let evidence: Vec<group::Evidence> = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| group::evidence(keys.get(i), d.date.as_deref(), &d.name, d.title.as_deref()))
        .collect();
    let groups = group::stories_linked(&evidence, linking);
    drop(evidence);
    log::debug!("{} stories found in {:?}", groups.len(), started.elapsed());
    let mut stories = Vec::with_capacity(groups.len());
    let mut outliers = Vec::new();
    let mut pairs = Vec::new();
    let mut groups = groups.into_iter().peekable();
    while groups.peek().is_some() {
        // Stories are aligned independently, in parallel, a batch of documents at a time;
        // the collected order is the groups' order.
        let mut batch = Vec::new();
        let mut size = 0;
        while size < ALIGN_BATCH_DOCUMENTS {
            let Some(g) = groups.next() else { break };
            size += g.0.len();
            batch.push(g);
        }
        let ids: Vec<usize> = batch.iter().flat_map(|g| g.0.iter().copied()).collect();
        let resident = corpus.resident(&ids);
        let held = claims.of_many(&ids);
        let analysed: Vec<(Story, Vec<Outlier>, Vec<ParallelResult>)> = batch
            .into_par_iter()
            .map(|(docs, links)| align_story(&resident, &held, (glossary, parallel), docs, links))
            .collect();
        for (story, outs, parallel) in analysed {
            stories.push(story);
            outliers.extend(outs);
            pairs.extend(parallel);
        }
    }
    outliers.sort_by_key(|o| o.claim);
    Analysis { stories, outliers, parallel: pairs }
}

/// The facts of one story and the outliers among them, and its parallel pairs compared.
fn align_story(
    documents: &Resident<'_>,
    claims: &std::collections::HashMap<usize, Cow<'_, [Claim]>>,
    (glossary, parallel): (&Glossary, &ParallelOptions),
    docs: Vec<usize>,
    links: Vec<(usize, usize)>,
) -> (Story, Vec<Outlier>, Vec<ParallelResult>) {
    // One view per document of the story: a document is in many of its links.
    let views: Vec<DocClaims<'_>> = docs
        .iter()
        .map(|&d| {
            let text = &documents.get(d).text;
            // A document that could not be read back (its file changed) states nothing here.
            let claims = if text.is_empty() { &[][..] } else { &claims[&d][..] };
            DocClaims { text, claims, lang: crate::extract::Lang::of(text) }
        })
        .collect();
    let view = |d: usize| &views[docs.binary_search(&d).expect("a link joins documents of its story")];
    let (mut aligned, mut results) = align_links(documents, &view, (glossary, parallel), links);
    crate::parallel::settle(&mut results);
    aligned.extend(repeated_statements(&aligned, claims));
    // The order of documents as sources: the configured source language first, then the
    // earliest date, then the first by name.
    let rank = |d: usize| {
        let doc = documents.get(d);
        let in_source = parallel.source_language.as_deref().is_some_and(|l| view(d).lang.is(l));
        (!in_source, doc.date.as_deref().and_then(group::minute_number).unwrap_or(i64::MAX), d)
    };
    let claim = |r: ClaimRef| &claims[&r.0][r.1];
    let (facts, outliers) = facts_of(&aligned, &claim, &rank);
    leave_to_the_majority(&mut results, &facts, &claim);
    for r in &mut results {
        r.confirmed = Vec::new();
    }
    (Story { documents: docs, facts }, outliers, results)
}

/// The claims each link of a story aligns, and the comparison of each link that is a
/// translation or a reprint.
fn align_links<'v>(
    documents: &Resident<'_>,
    view: &dyn Fn(usize) -> &'v DocClaims<'v>,
    (glossary, parallel): (&Glossary, &ParallelOptions),
    links: Vec<(usize, usize)>,
) -> (Vec<(ClaimRef, ClaimRef)>, Vec<ParallelResult>) {
    let mut compared = crate::parallel::Compared::new(documents, &parallel.extractor, glossary);
    let mut aligned: Vec<(ClaimRef, ClaimRef)> = Vec::new();
    let mut results = Vec::new();
    for (a, b) in links {
        let as_reports = |aligned: &mut Vec<(ClaimRef, ClaimRef)>| {
            aligned.extend(passes::align(view(a), view(b), glossary).into_iter().map(|(i, j)| ((a, i), (b, j))));
        };
        let Some(pair) = compared.pair((a, view(a)), (b, view(b)), parallel.source_language.as_deref()) else {
            as_reports(&mut aligned);
            continue;
        };
        let (mut result, agreeing) = compared.compare(pair, view(pair.source).claims, view(pair.target).claims);
        aligned.extend(agreeing.into_iter().map(|(i, j)| ((pair.source, i), (pair.target, j))));
        // A pair nobody named may be a rewrite that moved its paragraphs: its figures
        // also meet as the figures of any two reports of a story do.
        if pair.kind != crate::parallel::PairKind::Named {
            as_reports(&mut aligned);
        }
        if !parallel.keep_segments {
            result.segments = Vec::new();
        }
        results.push(result);
    }
    (aligned, results)
}

/// A document that states a quantity twice (a repeated paragraph) states one fact: each
/// aligned claim is joined to the document's other statements of the same value and
/// subject. Claims are grouped by document, unit and subject, so each looks only at its
/// own group: a long document must not compare every claim with every other.
fn repeated_statements(
    aligned: &[(ClaimRef, ClaimRef)],
    claims: &std::collections::HashMap<usize, Cow<'_, [Claim]>>,
) -> Vec<(ClaimRef, ClaimRef)> {
    let endpoints: std::collections::HashSet<ClaimRef> = aligned.iter().flat_map(|&(p, q)| [p, q]).collect();
    let mut groups: std::collections::HashMap<(usize, &str, &str), Vec<usize>> = std::collections::HashMap::new();
    let mut grouped: Vec<ClaimRef> = endpoints.iter().copied().collect();
    grouped.sort_unstable();
    for (doc, j) in grouped {
        let c = &claims[&doc][j];
        groups.entry((doc, c.unit.as_str(), c.subject.as_str())).or_default().push(j);
    }
    let mut repeats = Vec::new();
    for &(x, _) in aligned {
        let cx = &claims[&x.0][x.1];
        for &j in groups.get(&(x.0, cx.unit.as_str(), cx.subject.as_str())).into_iter().flatten() {
            if j != x.1 && same_value_and_subject(cx, &claims[&x.0][j]) {
                repeats.push((x, (x.0, j)));
            }
        }
    }
    repeats
}

/// The facts aligned pairs join (over an index of the claims they name), each judged,
/// and the outliers the judging finds.
fn facts_of<'c>(
    aligned: &[(ClaimRef, ClaimRef)],
    claim: &dyn Fn(ClaimRef) -> &'c Claim,
    rank: &dyn Fn(usize) -> (bool, i64, usize),
) -> (Vec<Fact>, Vec<Outlier>) {
    let mut index: Vec<ClaimRef> = aligned.iter().flat_map(|&(x, y)| [x, y]).collect();
    index.sort_unstable();
    index.dedup();
    let at = |r: ClaimRef| index.binary_search(&r).expect("every aligned claim is indexed");
    let groups = crate::clusters::clusters(index.len(), aligned.iter().map(|&(x, y)| (at(x), at(y))));
    let (mut facts, mut outliers) = (Vec::new(), Vec::new());
    for group in groups {
        let members: Vec<ClaimRef> = group.into_iter().map(|i| index[i]).collect();
        // A document may state a quantity twice (a repeated paragraph), but two of its
        // statements that disagree mean the alignment went wrong: say nothing.
        let consistent =
            members.iter().all(|&x| members.iter().filter(|y| y.0 == x.0).all(|&y| overlap(claim(x), claim(y))));
        if !consistent {
            log::debug!("one document states a quantity two ways: {members:?}; not compared");
            continue;
        }
        let (status, outs) = judge(&members, &claim, &rank);
        outliers.extend(outs);
        facts.push(Fact { claims: members, status });
    }
    facts.sort_by(|a, b| a.claims.cmp(&b.claims));
    (facts, outliers)
}
