//! Comparing two parallel documents segment by segment, as a translation reviewer does:
//! align paragraphs, then sentences inside each paragraph pair; inside each aligned pair,
//! match every mention of the source with an equal one of the target (in the same
//! sentence first, then anywhere in the paragraph pair); pair what is left sentence by
//! sentence and say how the two disagree; a source figure stated nowhere near its place
//! in the target is missing.

mod block;
mod pairing;
mod presence;

use super::align::{self, Segment, Step};
use super::relate::{Judge, Problem};
use block::{unambiguous, Block};
use pairing::Pairing;
use presence::StepTargets;
use std::collections::HashSet;
use std::ops::Range;

pub use super::prepare::Side;

/// What is wrong with a figure of the source in the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Issue {
    Differ(Problem),
    /// The figure has no counterpart in the aligned target segment.
    Missing,
}

/// One figure of the source and what the target makes of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discrepancy {
    pub issue: Issue,
    /// Index of the source mention.
    pub source: usize,
    /// The target mention that disagrees; `None` for a missing figure.
    pub target: Option<usize>,
    /// Where the finding goes in the target: the mention, or the segment the figure is
    /// missing from (empty where a whole paragraph is missing).
    pub target_span: Range<usize>,
}

/// A discrepancy as findings report it: spans of both documents and what each states.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub issue: Issue,
    /// The source figure.
    pub source: Range<usize>,
    /// The target figure that disagrees, or the segment the figure is missing from.
    pub target: Range<usize>,
    /// Whether `target` is a figure (not a segment).
    pub target_is_figure: bool,
    /// What the source figure states, normalized (`6000多亩` → "6000 to 7000 mu").
    pub source_reads: String,
    /// What the target figure states, normalized; empty for a missing figure.
    pub target_reads: String,
}

/// The discrepancy with its spans and readings.
pub fn found(d: &Discrepancy, source: &Side<'_>, target: &Side<'_>) -> Found {
    let s = &source.mentions[d.source];
    let t = d.target.map(|t| &target.mentions[t]);
    Found {
        issue: d.issue,
        source: s.start..s.end,
        target: d.target_span.clone(),
        target_is_figure: t.is_some(),
        source_reads: super::describe::reads(s, &source.dateline),
        target_reads: t.map(|t| super::describe::reads(t, &target.dateline)).unwrap_or_default(),
    }
}

/// An aligned pair of sentence groups and how their mentions matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentPair {
    pub source: Range<usize>,
    pub target: Range<usize>,
    /// Source and target mention indexes stating the same figure.
    pub matched: Vec<(usize, usize)>,
}

/// Everything the comparison of one pair found.
#[derive(Clone, Debug, Default)]
pub struct Comparison {
    pub segments: Vec<SegmentPair>,
    pub discrepancies: Vec<Discrepancy>,
}

/// Mentions whose span lies inside `span`.
fn inside(side: &Side<'_>, span: &Range<usize>) -> Vec<usize> {
    let from = side.mentions.partition_point(|m| m.start < span.start);
    (from..side.mentions.len()).take_while(|&i| side.mentions[i].start < span.end).collect()
}

fn cover(spans: &[Range<usize>]) -> Range<usize> {
    match (spans.first(), spans.last()) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..0,
    }
}

/// Below this similarity of wording, two paragraphs of one language were rewritten, not
/// reprinted: a figure one of them leaves out is the editor's choice, not a loss.
const MIN_REPRINT_SIMILARITY: f64 = 0.5;

/// A source figure nothing in its sentence pair matched, waiting to be found near its
/// place or called missing.
struct Pending {
    source: usize,
    /// Its paragraph step.
    paragraph: usize,
    /// Where a missing-figure finding would go.
    span: Range<usize>,
    /// Whether missing here is a loss (not a reprint's rewritten paragraph).
    copied: bool,
}

/// What the comparison has taken so far, and found.
struct State {
    used_target: Vec<bool>,
    used_source: HashSet<usize>,
    pending: Vec<Pending>,
    /// Paragraph steps that state some figure alike on both sides.
    anchored: HashSet<usize>,
    out: Comparison,
}

/// How the target renders the source, which decides what a figure it leaves out means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rendering {
    /// A file named as the source's translation: every figure should be there.
    Translation,
    /// A translation nobody named: it may be a rewrite, which leaves figures out at will.
    Rewrite,
    /// A reprint in the same language: a paragraph left out or rewritten is the editor's
    /// choice; only a paragraph copied with changes loses figures.
    Reprint,
}

/// Compares `source` with `target`, a rendering of it.
pub fn compare<'a>(judge: &Judge<'_>, source: &Side<'a>, target: &Side<'a>, rendering: Rendering) -> Comparison {
    let reprint = rendering == Rendering::Reprint;
    let loses = rendering != Rendering::Rewrite;
    let para_spans = |s: &Side<'_>| s.paragraphs.iter().map(|p| p.span.clone()).collect::<Vec<_>>();
    let (sp, tp) = (para_spans(source), para_spans(target));
    let (sa, ta) = (source.paragraph_segments, target.paragraph_segments);
    let ratio = align::ratio(sa, ta);
    let steps = align::align(sa, ta, ratio);
    let pairing = Pairing::new(judge, source, target);
    let mut state = State {
        used_target: vec![false; target.mentions.len()],
        used_source: HashSet::new(),
        pending: Vec::new(),
        anchored: HashSet::new(),
        out: Comparison::default(),
    };
    let strict = rendering != Rendering::Translation;
    // Target mentions of each paragraph step, for looking a figure up near its place.
    let step_targets: Vec<StepTargets> = steps
        .iter()
        .map(|s| {
            let span = cover(&tp[s.b.clone()]);
            StepTargets { mentions: inside(target, &span), span }
        })
        .collect();
    for (k, step) in steps.iter().enumerate() {
        let src_paragraphs = &source.paragraphs[step.a.clone()];
        let tgt_paragraphs = &target.paragraphs[step.b.clone()];
        if src_paragraphs.is_empty() {
            continue;
        }
        if tgt_paragraphs.is_empty() {
            // A paragraph the target lacks: its figures are missing where it would stand.
            let at = next_target_start(target, &steps, k);
            for p in src_paragraphs {
                state.pending.extend(inside(source, &p.span).into_iter().map(|s| Pending {
                    source: s,
                    paragraph: k,
                    span: at..at,
                    copied: rendering == Rendering::Translation,
                }));
            }
            continue;
        }
        let ss: Vec<Range<usize>> = src_paragraphs.iter().flat_map(|p| p.sentences.iter().cloned()).collect();
        let ts: Vec<Range<usize>> = tgt_paragraphs.iter().flat_map(|p| p.sentences.iter().cloned()).collect();
        let (src_text, tgt_text) = (&source.text[cover(&sp[step.a.clone()])], &target.text[cover(&tp[step.b.clone()])]);
        if reprint && src_text == tgt_text {
            state.out.segments.push(SegmentPair { source: cover(&ss), target: cover(&ts), matched: Vec::new() });
            continue;
        }
        let wording =
            |side: &Side<'_>, r: &Range<usize>| super::prepare::Wording::union(side.wording[r.clone()].iter());
        let copied = loses
            && (!reprint || wording(source, &step.a).similarity(&wording(target, &step.b)) >= MIN_REPRINT_SIMILARITY);
        // The sentences of one paragraph are at hand; of several, gathered.
        let sentences = |side: &Side<'a>, r: &Range<usize>| -> std::borrow::Cow<'a, [Segment]> {
            match &side.sentence_segments[r.clone()] {
                [one] => std::borrow::Cow::Borrowed(&one[..]),
                many => std::borrow::Cow::Owned(many.iter().flatten().cloned().collect()),
            }
        };
        let sentence_steps = align::align(&sentences(source, &step.a), &sentences(target, &step.b), ratio);
        Block { pairing: &pairing, ss: &ss, ts: &ts, steps: &sentence_steps }.compare(&mut state, k, copied, strict);
    }
    across_paragraphs(&pairing, &step_targets, &mut state, strict);
    let State { used_target, pending, mut out, .. } = state;
    // A reprint that moved a paragraph still states its figures: look for them in the whole
    // target. A translation keeps its paragraphs in order: look where they should be.
    let whole = StepTargets { span: cover(&tp), mentions: (0..target.mentions.len()).collect() };
    for p in pending {
        let here = if reprint { &whole } else { &step_targets[p.paragraph] };
        if p.copied
            && source.eligible(p.source)
            && !presence::stated(judge, (source, target), p.source, here, &used_target)
        {
            out.discrepancies.push(Discrepancy {
                issue: Issue::Missing,
                source: p.source,
                target: None,
                target_span: p.span,
            });
        }
    }
    // One finding per figure.
    out.discrepancies.sort_by_key(|d| (d.source, d.issue, d.target));
    out.discrepancies.dedup_by(|b, a| a.source == b.source && (b.issue == Issue::Missing || a.target == b.target));
    out
}

/// Source figures left over, paired with target figures left over in their paragraph pair
/// or the ones next to it when the pairing is unambiguous and of one kind: a figure moved
/// across a paragraph break, or paragraphs aligned one off.
///
/// `strict`: only between paragraph pairs that each state some figure alike.
fn across_paragraphs(pairing: &Pairing<'_, '_>, steps: &[StepTargets], state: &mut State, strict: bool) {
    let mut found = Vec::new();
    for k in 0..steps.len() {
        if strict && !state.anchored.contains(&k) {
            continue;
        }
        let left_s: Vec<usize> = state
            .pending
            .iter()
            .filter(|p| p.paragraph == k && pairing.source.pairable(p.source))
            .map(|p| p.source)
            .collect();
        if left_s.is_empty() {
            continue;
        }
        let around: Vec<usize> =
            (k.saturating_sub(1)..(k + 2).min(steps.len())).filter(|j| !strict || state.anchored.contains(j)).collect();
        let left_t: Vec<usize> = around
            .iter()
            .flat_map(|&j| steps[j].mentions.iter().copied())
            .filter(|&t| !state.used_target[t] && pairing.target.pairable(t))
            .collect();
        for (s, t) in unambiguous(pairing, &left_s, &left_t, &|_| false, false) {
            if pairing.same_kind(s, t) {
                if let Some(problem) = pairing.differ(s, t).filter(|p| matches!(p, Problem::Value | Problem::Magnitude))
                {
                    found.push((s, t, problem));
                }
            }
        }
    }
    for (s, t, problem) in found {
        if state.used_target[t] || state.used_source.contains(&s) {
            continue;
        }
        state.take(s, t);
        state.differ(s, t, &pairing.target.mentions[t], problem);
    }
    let used = &state.used_source;
    state.pending.retain(|p| !used.contains(&p.source));
}

/// Where the target text after paragraph step `k` begins (its end when nothing follows).
fn next_target_start(target: &Side<'_>, steps: &[Step], k: usize) -> usize {
    steps[k + 1..]
        .iter()
        .find_map(|s| target.paragraphs.get(s.b.start).filter(|_| !s.b.is_empty()).map(|p| p.span.start))
        .unwrap_or_else(|| target.paragraphs.last().map_or(0, |p| p.span.end))
}
