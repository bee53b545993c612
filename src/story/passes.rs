//! Aligning the claims of two documents of one story: which of them state the same
//! quantity. Six passes, most certain first, each a method of [`Aligner`] over the state
//! they share (which claims of either document are taken, and the pairs so far):
//!
//! 1. anchors: the same value, stated once in each document;
//! 2. repeated values: a value stated more than once pairs by nearest relative position;
//! 3. context, in one language: the same words right before the figure and the same unit
//!    (reprints and rewrites copy sentences: 中央财政累计投入资金 1.4万亿元);
//! 4. subject, in one language: the same unit and noun phrase before the figure;
//! 5. order, across languages: a translation keeps the order of its figures, so between
//!    two consecutive anchors a single remaining figure on each side, of the same kind,
//!    is the same quantity — unless the glossary says the two sides name different things;
//! 6. leftovers, across languages: a figure whose kind occurs once among what is left on
//!    each side.
//!
//! Anything else stays unaligned: silence beats a false alarm.

use super::align::{
    common_suffix, comparable, counter_known_to_fit, counts_fit, glossary_agrees_or_silent, glossary_disagrees,
    pair_up, same_unit, same_value, short_durations, unique_values, ByValue, Preference, Taken, MIN_SUBJECT_CHARS,
};
use super::DocClaims;
use crate::extract::{Claim, Dimension};
use crate::glossary::Glossary;
use crate::view::{clause, context, period, CONTEXT_CHARS};
use std::collections::HashMap;

/// Pairs (claim in `a`, claim in `b`) that state the same quantity: the passes of the
/// module's documentation, in order.
pub fn align(a: &DocClaims<'_>, b: &DocClaims<'_>, glossary: &Glossary) -> Vec<(usize, usize)> {
    let mut run = Aligner::new(a, b, glossary);
    run.unique_values();
    run.repeated_values();
    let anchors = monotone(&run.pairs);
    if !run.cross {
        run.same_context();
        run.same_subject();
    }
    if run.cross {
        let preference = run.preference();
        if !anchors.is_empty() {
            run.between_anchors(&anchors, &preference);
        }
        run.leftovers(&preference);
    }
    run.pairs.sort_unstable();
    run.pairs
}

/// The longest run of anchors in the same order in both documents.
fn monotone(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted = pairs.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    let mut best = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if sorted[j].1 < sorted[i].1 && best[j] + 1 > best[i] {
                best[i] = best[j] + 1;
                prev[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (best[i], std::cmp::Reverse(i))) else { return Vec::new() };
    let mut out = vec![sorted[at]];
    while prev[at] != usize::MAX {
        at = prev[at];
        out.push(sorted[at]);
    }
    out.reverse();
    out
}

/// Two documents being aligned.
pub(super) struct Aligner<'a, 'd> {
    a: &'a DocClaims<'d>,
    b: &'a DocClaims<'d>,
    glossary: &'a Glossary,
    /// The two documents are in different languages.
    pub(super) cross: bool,
    values_b: ByValue<'a>,
    taken_a: Vec<bool>,
    taken_b: Vec<bool>,
    pub(super) pairs: Vec<(usize, usize)>,
}

impl<'a, 'd> Aligner<'a, 'd> {
    pub(super) fn new(a: &'a DocClaims<'d>, b: &'a DocClaims<'d>, glossary: &'a Glossary) -> Self {
        Aligner {
            a,
            b,
            glossary,
            cross: a.lang != b.lang,
            values_b: ByValue::of(b.claims),
            taken_a: vec![false; a.claims.len()],
            taken_b: vec![false; b.claims.len()],
            pairs: Vec::new(),
        }
    }

    fn take(&mut self, i: usize, j: usize) {
        self.pairs.push((i, j));
        self.taken_a[i] = true;
        self.taken_b[j] = true;
    }

    /// 1. Anchors: the same value, stated once in each document.
    pub(super) fn unique_values(&mut self) {
        let (a, b) = (self.a, self.b);
        let (ua, ub) = (unique_values(&ByValue::of(a.claims)), unique_values(&self.values_b));
        for (i, ca) in a.claims.iter().enumerate() {
            if !ua[i] {
                continue;
            }
            if let Some(j) = self.values_b.same(ca).filter(|&j| ub[j]).min() {
                if comparable(ca, &b.claims[j], self.cross) {
                    self.take(i, j);
                }
            }
        }
    }

    /// 2. A value stated more than once on either side: statements pair up by nearest
    ///    relative position in their documents (a translation keeps the layout).
    pub(super) fn repeated_values(&mut self) {
        let (a, b) = (self.a, self.b);
        let relative = |text: &str, c: &Claim| c.start as f64 / text.len().max(1) as f64;
        let mut repeats: Vec<(f64, usize, usize)> = Vec::new();
        for (i, ca) in a.claims.iter().enumerate() {
            if self.taken_a[i] {
                continue;
            }
            for j in self.values_b.same(ca) {
                let cb = &b.claims[j];
                if !self.taken_b[j] && comparable(ca, cb, self.cross) {
                    repeats.push(((relative(a.text, ca) - relative(b.text, cb)).abs(), i, j));
                }
            }
        }
        repeats.sort_by(|x, y| x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        for (_, i, j) in repeats {
            if !self.taken_a[i] && !self.taken_b[j] {
                self.take(i, j);
            }
        }
    }

    /// 3. Context, in one language: the same words right before the figure.
    pub(super) fn same_context(&mut self) {
        let (a, b, glossary) = (self.a, self.b, self.glossary);
        // Claims of `b` by context: each claim of `a` looks up its own, never all of `b`.
        let mut by_context: HashMap<String, Vec<usize>> = HashMap::new();
        for (j, c) in b.claims.iter().enumerate() {
            by_context.entry(context(b.text, c)).or_default().push(j);
        }
        for (i, ca) in a.claims.iter().enumerate() {
            if self.taken_a[i] {
                continue;
            }
            let ctx = context(a.text, ca);
            if ctx.chars().count() < CONTEXT_CHARS + 1 {
                continue;
            }
            let matches: Vec<usize> = by_context
                .get(&ctx)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&j| !self.taken_b[j] && comparable(ca, &b.claims[j], false))
                .filter(|&j| period(a.text, ca, glossary.periods()) == period(b.text, &b.claims[j], glossary.periods()))
                .collect();
            if let [j] = matches[..] {
                self.take(i, j);
            }
        }
    }

    /// 4. Subject, in one language: the same unit and the same noun phrase before the
    ///    figure (医务人员 in 先后派出医务人员18.1万人次 and 累计派驻医务人员11.8万人次),
    ///    closer than any other figure's, in the same period. Outlets reword the sentence
    ///    around a figure they copy; an edited figure still meets its counterpart.
    pub(super) fn same_subject(&mut self) {
        let (a, b, glossary) = (self.a, self.b, self.glossary);
        // Subjects that share their last MIN_SUBJECT_CHARS characters, by those characters:
        // the only candidates, looked up rather than searched for.
        let ending = |c: &Claim| -> Option<String> {
            let n = c.subject.chars().count();
            (n >= MIN_SUBJECT_CHARS).then(|| c.subject.chars().skip(n - MIN_SUBJECT_CHARS).collect())
        };
        let index = |claims: &[Claim]| {
            let mut by_ending: HashMap<String, Vec<usize>> = HashMap::new();
            for (k, c) in claims.iter().enumerate() {
                if let Some(e) = ending(c) {
                    by_ending.entry(e).or_default().push(k);
                }
            }
            by_ending
        };
        let (endings_a, endings_b) = (index(a.claims), index(b.claims));
        type Endings = HashMap<String, Vec<usize>>;
        let best = |c: &Claim, (others, endings): (&[Claim], &Endings), taken: &[bool], text_c: &str, text_o: &str| {
            let candidates = ending(c).and_then(|e| endings.get(&e)).map_or(&[][..], Vec::as_slice);
            let mut scored: Vec<(usize, usize)> = candidates
                .iter()
                .copied()
                .filter(|&k| !taken[k] && same_unit(c, &others[k]) && super::comparable_values(c, &others[k]))
                .filter(|&k| {
                    // Two periods that differ are two quantities; one named is no contradiction.
                    let (x, y) =
                        (period(text_c, c, glossary.periods()), period(text_o, &others[k], glossary.periods()));
                    x.is_none() || y.is_none() || x == y
                })
                .map(|k| (common_suffix(&c.subject, &others[k].subject), k))
                .filter(|&(n, _)| n >= MIN_SUBJECT_CHARS)
                .collect();
            scored.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            // Ties between statements of one value are a repeated paragraph: the first.
            let top = scored.first()?.0;
            let tied: Vec<usize> = scored.iter().take_while(|(n, _)| *n == top).map(|&(_, k)| k).collect();
            tied.iter().all(|&k| same_value(&others[tied[0]], &others[k])).then_some(tied[0])
        };
        for i in 0..a.claims.len() {
            if self.taken_a[i] {
                continue;
            }
            let Some(j) = best(&a.claims[i], (b.claims, &endings_b), &self.taken_b, a.text, b.text) else { continue };
            if best(&b.claims[j], (a.claims, &endings_a), &self.taken_a, b.text, a.text) == Some(i) {
                self.take(i, j);
            }
        }
    }

    /// How the order passes choose among candidates, from what is taken now.
    pub(super) fn preference(&self) -> Preference<'a> {
        let glossary = self.glossary;
        // A figure left over whose value a paired figure of its own document already
        // states may be a repeat (三个100% where the translation says "100%" once): when a
        // figure has several candidates, repeats give way.
        let repeats_paired = |claims: &[Claim], taken: &[bool]| -> Vec<bool> {
            claims
                .iter()
                .enumerate()
                .map(|(i, c)| !taken[i] && claims.iter().zip(taken).any(|(d, &t)| t && same_value(c, d)))
                .collect()
        };
        let concepts_of = |d: &DocClaims<'_>| -> Vec<Vec<usize>> {
            d.claims.iter().map(|c| glossary.concepts(clause(d.text, c), d.lang)).collect()
        };
        Preference {
            glossary,
            repeat_a: repeats_paired(self.a.claims, &self.taken_a),
            repeat_b: repeats_paired(self.b.claims, &self.taken_b),
            concepts_a: concepts_of(self.a),
            concepts_b: concepts_of(self.b),
        }
    }

    /// 5. Order, across languages: one figure left on each side between two anchors.
    pub(super) fn between_anchors(&mut self, anchors: &[(usize, usize)], preference: &Preference<'_>) {
        let (a, b, glossary) = (self.a, self.b, self.glossary);
        let mut bounds: Vec<(isize, isize)> = vec![(-1, -1)];
        bounds.extend(anchors.iter().map(|&(i, j)| (i as isize, j as isize)));
        bounds.push((a.claims.len() as isize, b.claims.len() as isize));
        let fits = |i: usize, j: usize| {
            let (ca, cb) = (&a.claims[i], &b.claims[j]);
            comparable(ca, cb, true)
                && !short_durations(ca, cb)
                && super::comparable_values(ca, cb)
                && counts_fit(glossary, a, ca, cb)
                && !glossary_disagrees(glossary, a, ca, b, cb)
        };
        for w in bounds.windows(2) {
            let ((a0, b0), (a1, b1)) = (w[0], w[1]);
            let left: Vec<usize> = ((a0 + 1)..a1).map(|i| i as usize).filter(|&i| !self.taken_a[i]).collect();
            let right: Vec<usize> = ((b0 + 1)..b1).map(|j| j as usize).filter(|&j| !self.taken_b[j]).collect();
            self.pair_up((&left, &right), &fits, preference);
        }
    }

    /// 6. Across languages, what is left: a figure whose kind occurs once among the
    ///    leftovers of each side (translations move clauses past the anchors).
    pub(super) fn leftovers(&mut self, preference: &Preference<'_>) {
        let (a, b, glossary) = (self.a, self.b, self.glossary);
        // Far from any anchor, a count needs its counter and noun known to fit.
        let fits = |i: usize, j: usize| {
            let (ca, cb) = (&a.claims[i], &b.claims[j]);
            if short_durations(ca, cb) {
                return false;
            }
            counter_known_to_fit(glossary, a, (ca, cb), false)
                && comparable(ca, cb, true)
                && super::comparable_values(ca, cb)
                && counts_fit(glossary, a, ca, cb)
                && if ca.dimension == Dimension::Count {
                    glossary_agrees_or_silent(glossary, a, ca, b, cb)
                } else {
                    !glossary_disagrees(glossary, a, ca, b, cb)
                }
        };
        let left: Vec<usize> = (0..a.claims.len()).filter(|&i| !self.taken_a[i]).collect();
        let right: Vec<usize> = (0..b.claims.len()).filter(|&j| !self.taken_b[j]).collect();
        self.pair_up((&left, &right), &fits, preference);
    }

    /// Pairs figures of `left` and `right` that `fits` allows (see [`pair_up`]).
    fn pair_up(
        &mut self,
        sides: (&[usize], &[usize]),
        fits: &dyn Fn(usize, usize) -> bool,
        preference: &Preference<'_>,
    ) {
        let (a, b, glossary) = (self.a, self.b, self.glossary);
        // Counts zipped in order need a specific counter (not 个) that the glossary knows
        // to fit the noun: generic counters would pair any two counts in order.
        let known = |i: usize, j: usize| counter_known_to_fit(glossary, a, (&a.claims[i], &b.claims[j]), true);
        let mut taken = Taken { a: &mut self.taken_a, b: &mut self.taken_b, pairs: &mut self.pairs };
        pair_up(a, b, sides, fits, &known, preference, &mut taken);
    }
}
