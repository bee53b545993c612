//! One aligned paragraph pair, sentence pair by sentence pair: equal figures matched
//! (in the same sentence pair first, then anywhere in the paragraph pair), what is left
//! paired when the pairing is unambiguous, and a second rendering in brackets checked
//! against the figure it renders. Source figures left over are pending: the caller looks
//! for them in the neighbouring paragraphs before calling them missing.

use super::pairing::Pairing;
use super::{cover, inside, Discrepancy, Issue, Pending, SegmentPair, State};
use crate::extract::mention::{Kind, Mention};
use crate::parallel::align::Step;
use crate::parallel::relate::Problem;
use std::ops::Range;

pub struct Block<'b, 'a> {
    pub pairing: &'b Pairing<'b, 'a>,
    /// Source and target sentences of the paragraph pair.
    pub ss: &'b [Range<usize>],
    pub ts: &'b [Range<usize>],
    /// Their alignment.
    pub steps: &'b [Step],
}

impl Block<'_, '_> {
    /// Compares the paragraph pair of paragraph step `paragraph`; `copied`: whether a
    /// figure missing here is a loss (false for a reprint's rewritten paragraph).
    ///
    /// `strict` (a reprint or a translation nobody named, whose paragraphs may be
    /// rewritten or reordered): figures left over are paired only in a paragraph pair that
    /// states some figure alike, the evidence that it is aligned right.
    pub fn compare(&self, state: &mut State, paragraph: usize, copied: bool, strict: bool) {
        let (source, target) = (self.pairing.source, self.pairing.target);
        let src: Vec<Vec<usize>> = self.steps.iter().map(|st| inside(source, &cover(&self.ss[st.a.clone()]))).collect();
        let tgt: Vec<Vec<usize>> = self.steps.iter().map(|st| inside(target, &cover(&self.ts[st.b.clone()]))).collect();
        let mut matched: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.steps.len()];
        for k in 0..self.steps.len() {
            self.match_equal(&src[k], &tgt[k], state, &mut matched[k]);
        }
        let (all_src, all_tgt): (Vec<usize>, Vec<usize>) =
            (src.iter().flatten().copied().collect(), tgt.iter().flatten().copied().collect());
        let mut across = Vec::new();
        self.match_equal(&all_src, &all_tgt, state, &mut across);
        let anchored = !across.is_empty() || matched.iter().any(|m| !m.is_empty());
        if anchored {
            state.anchored.insert(paragraph);
        }
        if anchored || !strict {
            for k in 0..self.steps.len() {
                self.pair_leftovers(&src[k], &tgt[k], state);
            }
            // A second rendering of a source figure that disagrees with it: "3,000 mu (200
            // hectares)" with 3,000 turned into 1,800.
            let renderings: Vec<(usize, usize)> = matched.iter().flatten().chain(&across).copied().collect();
            for k in 0..self.steps.len() {
                self.second_renderings(&src[k], &tgt[k], &renderings, state);
            }
        }
        for (k, step) in self.steps.iter().enumerate() {
            let span = cover(&self.ts[step.b.clone()]);
            let span = if span.is_empty() { cover(self.ts) } else { span };
            for &s in &src[k] {
                if !state.used_source.contains(&s) {
                    state.pending.push(Pending { source: s, paragraph, span: span.clone(), copied });
                }
            }
            let mut pairs = std::mem::take(&mut matched[k]);
            pairs.extend(across.iter().filter(|(s, _)| src[k].contains(s)).copied());
            pairs.sort_unstable();
            state.out.segments.push(SegmentPair {
                source: cover(&self.ss[step.a.clone()]),
                target: cover(&self.ts[step.b.clone()]),
                matched: pairs,
            });
        }
    }

    /// Matches each source mention of `src` with the target mention of `tgt` that states
    /// it most plainly, the plainest matches first over every figure, so that a looser
    /// match never takes the counterpart of an exact one (more than 140,000 is 逾14万, not
    /// 15万); nearest in relative position on ties.
    fn match_equal(&self, src: &[usize], tgt: &[usize], state: &mut State, matched: &mut Vec<(usize, usize)>) {
        let p = self.pairing;
        let rank =
            |list: &[usize], x: usize| list.iter().position(|&y| y == x).unwrap_or(0) as f64 / list.len().max(1) as f64;
        for level in [3, 2, 1] {
            for &s in src {
                if state.used_source.contains(&s) || !p.source.pairable(s) {
                    continue;
                }
                let best = tgt
                    .iter()
                    .copied()
                    .filter(|&t| !state.used_target[t] && p.target.pairable(t) && p.affinity(s, t) == level)
                    .min_by(|&x, &y| {
                        let dx = (rank(src, s) - rank(tgt, x)).abs();
                        let dy = (rank(src, s) - rank(tgt, y)).abs();
                        dx.total_cmp(&dy)
                    });
                let Some(t) = best else { continue };
                state.take(s, t);
                matched.push((s, t));
                if level == 1 {
                    if let crate::parallel::relate::Relation::Differ(problem) = p.relate(s, t) {
                        state.differ(s, t, &p.target.mentions[t], problem);
                    }
                }
            }
        }
    }

    /// Pairs the source and target mentions of one sentence pair that nothing matched,
    /// when the pairing is unambiguous: each has exactly one counterpart it can be compared
    /// with (the one of the same kind, when there are several), or both sides have the
    /// same number of them and each pair in order can be compared.
    fn pair_leftovers(&self, src: &[usize], tgt: &[usize], state: &mut State) {
        let p = self.pairing;
        let left_s: Vec<usize> =
            src.iter().copied().filter(|&s| !state.used_source.contains(&s) && p.source.pairable(s)).collect();
        let left_t: Vec<usize> =
            tgt.iter().copied().filter(|&t| !state.used_target[t] && p.target.pairable(t)).collect();
        // A source figure whose value a matched source figure already states is a repeat.
        let matched_values: Vec<f64> = src
            .iter()
            .filter(|s| state.used_source.contains(s))
            .filter_map(|&s| p.source.mentions[s].value())
            .collect();
        let repeat = |s: usize| p.source.mentions[s].value().is_some_and(|v| matched_values.contains(&v));
        let pairs = unambiguous(p, &left_s, &left_t, &repeat, true);
        for (s, t) in pairs {
            if let Some(problem) = p.differ(s, t) {
                state.take(s, t);
                state.differ(s, t, &p.target.mentions[t], problem);
            }
        }
    }

    /// Target quantities nothing matched, written next to the rendering of a source figure
    /// in brackets ("1,800 mu (200 hectares)"), that disagree with that source figure.
    fn second_renderings(&self, src: &[usize], tgt: &[usize], renderings: &[(usize, usize)], state: &mut State) {
        let p = self.pairing;
        let text = p.target.text;
        let beside = |a: &Mention, b: &Mention| {
            let (first, second) = if a.end <= b.start { (a, b) } else { (b, a) };
            let gap = text.get(first.end..second.start).unwrap_or("x");
            gap.chars().count() <= 3 && gap.contains(['(', '（']) && !gap.chars().any(char::is_alphanumeric)
        };
        for &t in tgt {
            let mt = &p.target.mentions[t];
            if state.used_target[t] || !p.target.pairable(t) || !matches!(mt.kind, Kind::Quantity(_)) {
                continue;
            }
            let differing: Vec<(usize, Problem)> = src
                .iter()
                .copied()
                .filter(|&s| p.source.pairable(s) && p.same_kind(s, t))
                .filter(|&s| renderings.iter().any(|&(rs, rt)| rs == s && beside(mt, &p.target.mentions[rt])))
                .filter_map(|s| match p.differ(s, t) {
                    Some(problem @ (Problem::Value | Problem::Magnitude)) => Some((s, problem)),
                    _ => None,
                })
                .collect();
            if let [(s, problem)] = differing[..] {
                state.used_target[t] = true;
                state.differ(s, t, mt, problem);
            }
        }
    }
}

/// Pairs of `left_s` and `left_t` that can only be each other's counterpart: each has one
/// candidate that disagrees with it (narrowed to the one of the same kind when there are
/// several), or, with `zip`, both sides have the same number of candidates and each pair in
/// order disagrees.
pub fn unambiguous(
    p: &Pairing<'_, '_>,
    left_s: &[usize],
    left_t: &[usize],
    repeat: &dyn Fn(usize) -> bool,
    zip: bool,
) -> Vec<(usize, usize)> {
    // Of several candidates: the one that is no repeat of a figure already matched (三个
    // 100% where the translation says "100%" once), then the one of the same kind, then
    // the one whose clause names the same glossary concepts.
    let narrow = |mut list: Vec<usize>, tests: &[&dyn Fn(usize) -> bool]| {
        for test in tests {
            let fitting: Vec<usize> = list.iter().copied().filter(|&x| test(x)).collect();
            if list.len() > 1 && !fitting.is_empty() && fitting.len() < list.len() {
                list = fitting;
            }
        }
        list
    };
    let candidates = |s: usize| {
        let list = left_t.iter().copied().filter(|&t| p.differ(s, t).is_some()).collect::<Vec<_>>();
        narrow(list, &[&|t| p.same_kind(s, t), &|t| p.concepts_agree(s, t)])
    };
    let rivals = |t: usize| {
        let list = left_s.iter().copied().filter(|&s| p.differ(s, t).is_some()).collect::<Vec<_>>();
        narrow(list, &[&|s| !repeat(s), &|s| p.same_kind(s, t), &|s| p.concepts_agree(s, t)])
    };
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &s in left_s {
        if let [t] = candidates(s)[..] {
            if rivals(t) == [s] {
                pairs.push((s, t));
            }
        }
    }
    if pairs.is_empty() && zip {
        let with_s: Vec<usize> = left_s.iter().copied().filter(|&s| !candidates(s).is_empty()).collect();
        let with_t: Vec<usize> = left_t.iter().copied().filter(|&t| !rivals(t).is_empty()).collect();
        if with_s.len() == with_t.len()
            && with_s.len() > 1
            && with_s.iter().zip(&with_t).all(|(&s, &t)| p.differ(s, t).is_some())
        {
            pairs.extend(with_s.into_iter().zip(with_t));
        }
    }
    pairs
}

impl State {
    /// Source `s` and target `t` are spoken for.
    pub fn take(&mut self, s: usize, t: usize) {
        self.used_target[t] = true;
        self.used_source.insert(s);
    }

    /// `t` states `s` with `problem`.
    pub fn differ(&mut self, s: usize, t: usize, m: &Mention, problem: Problem) {
        self.out.discrepancies.push(Discrepancy {
            issue: Issue::Differ(problem),
            source: s,
            target: Some(t),
            target_span: m.start..m.end,
        });
    }
}
