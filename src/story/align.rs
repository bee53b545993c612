//! Aligning the claims of two documents of one story: which of them state the same
//! quantity. Three passes, most certain first:
//!
//! 1. anchors: the same value, stated once in each document;
//! 2. context: in the same language, the same words right before the figure and the same
//!    unit (reprints and rewrites copy sentences: 中央财政累计投入资金 1.4万亿元);
//! 3. order: a translation keeps the order of its figures, so between two consecutive
//!    anchors a single remaining figure on each side, of the same kind, is the same
//!    quantity — unless the glossary says the two sides name different things.
//!
//! Anything else stays unaligned: silence beats a false alarm.

use super::context::{clause, context, period, CONTEXT_CHARS};
use super::glossary::Glossary;
use super::DocClaims;
use crate::extract::{Claim, Dimension};

/// Two claims' values are the same figure.
pub fn same_value(a: &Claim, b: &Claim) -> bool {
    same_number(a.value, b.value)
}

fn same_number(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
}

/// Whether two claims can state the same kind of quantity at all.
fn comparable(a: &Claim, b: &Claim, cross_language: bool) -> bool {
    if a.dimension != b.dimension {
        return false;
    }
    match a.dimension {
        Dimension::Currency | Dimension::Measure => a.unit == b.unit,
        Dimension::Percent | Dimension::PercentagePoint => true,
        Dimension::Count => cross_language || a.unit == b.unit,
    }
}

/// Characters at the end of two subjects that must agree to pair their figures by subject:
/// a noun such as 医务人员 or 贷款环比多增.
const MIN_SUBJECT_CHARS: usize = 4;

/// Characters two subjects share at their ends.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// One unit, or an amount and a scaled figure written without one (`500多亿元`, `500多亿`).
fn same_unit(a: &Claim, b: &Claim) -> bool {
    let bare = |c: &Claim| c.dimension == Dimension::Count && c.unit.is_empty() && c.scale_exponent > 0;
    a.dimension == b.dimension && a.unit == b.unit
        || bare(a) && matches!(b.dimension, Dimension::Currency | Dimension::Count)
        || bare(b) && matches!(a.dimension, Dimension::Currency | Dimension::Count)
}

/// Whether the glossary says two claims (in different languages) name different things.
fn glossary_disagrees(glossary: &Glossary, a: &DocClaims<'_>, ca: &Claim, b: &DocClaims<'_>, cb: &Claim) -> bool {
    let near_a = glossary.concepts(clause(a.text, ca), a.chinese);
    let near_b = glossary.concepts(clause(b.text, cb), b.chinese);
    if near_a.is_empty() || near_b.is_empty() {
        return false;
    }
    !near_a.iter().any(|x| near_b.contains(x))
}

/// Below this, counts across languages are not compared: small numbers are spelled out,
/// merged or dropped freely in translation (三个方面 → "three aspects" or nothing).
const MIN_CROSS_LANGUAGE_COUNT: f64 = 10.0;

/// For counts across languages: the Chinese counter can count the English noun, and the
/// figures are not both small.
fn counts_fit(glossary: &Glossary, a: &DocClaims<'_>, ca: &Claim, cb: &Claim) -> bool {
    if ca.dimension != Dimension::Count {
        return true;
    }
    if ca.value.max(cb.value) < MIN_CROSS_LANGUAGE_COUNT {
        return false;
    }
    let (counter, noun) = counter_and_noun(a, ca, cb);
    glossary.counter_fits(counter, noun)
}

/// The Chinese counter and the English noun of two counts in different languages, where
/// `ca` is in document `a`.
fn counter_and_noun<'c>(a: &DocClaims<'_>, ca: &'c Claim, cb: &'c Claim) -> (&'c str, &'c str) {
    if a.chinese {
        (&ca.unit, &cb.unit)
    } else {
        (&cb.unit, &ca.unit)
    }
}

fn is_duration(c: &Claim) -> bool {
    c.dimension == Dimension::Measure && crate::extract::lexicon::is_duration_unit(&c.unit)
}

/// Short lengths of time (四年, "ten years") are too incidental to pair by order: only
/// the same value pairs them.
fn short_durations(a: &Claim, b: &Claim) -> bool {
    is_duration(a) && a.value.max(b.value) <= MIN_CROSS_LANGUAGE_COUNT
}

/// Stricter than [`glossary_disagrees`]: when one side names a glossary concept, the
/// other must name the same one.
fn glossary_agrees_or_silent(
    glossary: &Glossary,
    a: &DocClaims<'_>,
    ca: &Claim,
    b: &DocClaims<'_>,
    cb: &Claim,
) -> bool {
    let near_a = glossary.concepts(clause(a.text, ca), a.chinese);
    let near_b = glossary.concepts(clause(b.text, cb), b.chinese);
    (near_a.is_empty() && near_b.is_empty()) || near_a.iter().any(|x| near_b.contains(x))
}

/// Indexes of claims whose value occurs exactly once in the list.
fn unique_values(by_value: &ByValue<'_>) -> Vec<bool> {
    by_value.claims.iter().map(|c| by_value.same(c).take(2).count() == 1).collect()
}

/// Claims sorted by value, to find those that state a given value ([`same_value`])
/// without comparing every claim with every other.
struct ByValue<'c> {
    claims: &'c [Claim],
    order: Vec<usize>,
}

impl<'c> ByValue<'c> {
    fn of(claims: &'c [Claim]) -> Self {
        let mut order: Vec<usize> = (0..claims.len()).collect();
        order.sort_by(|&i, &j| claims[i].value.total_cmp(&claims[j].value).then(i.cmp(&j)));
        ByValue { claims, order }
    }

    /// Indices of the claims with `c`'s value, in no particular order.
    fn same(&self, c: &Claim) -> impl Iterator<Item = usize> + '_ {
        // A little wider than `same_value`'s tolerance; each is then checked exactly.
        let reach = 1.01e-9 * c.value.abs().max(1.0) + f64::MIN_POSITIVE;
        let (low, high) = (c.value - reach, c.value + reach);
        let from = self.order.partition_point(|&i| self.claims[i].value < low);
        let to = self.order.partition_point(|&i| self.claims[i].value <= high);
        let value = c.value;
        self.order[from..to.max(from)].iter().copied().filter(move |&i| same_number(value, self.claims[i].value))
    }
}

/// Pairs (claim in `a`, claim in `b`) that state the same quantity.
pub fn align(a: &DocClaims<'_>, b: &DocClaims<'_>, glossary: &Glossary) -> Vec<(usize, usize)> {
    let cross = a.chinese != b.chinese;
    let values_b = ByValue::of(b.claims);
    let (ua, ub) = (unique_values(&ByValue::of(a.claims)), unique_values(&values_b));
    let mut taken_a = vec![false; a.claims.len()];
    let mut taken_b = vec![false; b.claims.len()];
    let mut pairs = Vec::new();
    // 1. Anchors.
    for (i, ca) in a.claims.iter().enumerate() {
        if !ua[i] {
            continue;
        }
        if let Some(j) = values_b.same(ca).filter(|&j| ub[j]).min() {
            if comparable(ca, &b.claims[j], cross) {
                pairs.push((i, j));
                taken_a[i] = true;
                taken_b[j] = true;
            }
        }
    }
    // 1b. A value stated more than once on either side: statements pair up by nearest
    //     relative position in their documents (a translation keeps the layout).
    let relative = |text: &str, c: &Claim| c.start as f64 / text.len().max(1) as f64;
    let mut repeats: Vec<(f64, usize, usize)> = Vec::new();
    for (i, ca) in a.claims.iter().enumerate() {
        if taken_a[i] {
            continue;
        }
        for j in values_b.same(ca) {
            let cb = &b.claims[j];
            if !taken_b[j] && comparable(ca, cb, cross) {
                repeats.push(((relative(a.text, ca) - relative(b.text, cb)).abs(), i, j));
            }
        }
    }
    repeats.sort_by(|x, y| x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    for (_, i, j) in repeats {
        if !taken_a[i] && !taken_b[j] {
            pairs.push((i, j));
            taken_a[i] = true;
            taken_b[j] = true;
        }
    }
    let anchors = monotone(&pairs);
    // 2. Context, in one language.
    if !cross {
        // Claims of `b` by context: each claim of `a` looks up its own, never all of `b`.
        let mut by_context: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
        for (j, c) in b.claims.iter().enumerate() {
            by_context.entry(context(b.text, c)).or_default().push(j);
        }
        for (i, ca) in a.claims.iter().enumerate() {
            if taken_a[i] {
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
                .filter(|&j| !taken_b[j] && comparable(ca, &b.claims[j], false))
                .filter(|&j| period(a.text, ca, glossary.periods()) == period(b.text, &b.claims[j], glossary.periods()))
                .collect();
            if let [j] = matches[..] {
                pairs.push((i, j));
                taken_a[i] = true;
                taken_b[j] = true;
            }
        }
    }
    // 2b. Subject, in one language: the same unit and the same noun phrase before the
    //     figure (医务人员 in 先后派出医务人员18.1万人次 and 累计派驻医务人员11.8万人次),
    //     closer than any other figure's, in the same period. Outlets reword the sentence
    //     around a figure they copy; an edited figure still meets its counterpart.
    if !cross {
        // Subjects that share their last MIN_SUBJECT_CHARS characters, by those characters:
        // the only candidates, looked up rather than searched for.
        let ending = |c: &Claim| -> Option<String> {
            let n = c.subject.chars().count();
            (n >= MIN_SUBJECT_CHARS).then(|| c.subject.chars().skip(n - MIN_SUBJECT_CHARS).collect())
        };
        let index = |claims: &[Claim]| {
            let mut by_ending: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
            for (k, c) in claims.iter().enumerate() {
                if let Some(e) = ending(c) {
                    by_ending.entry(e).or_default().push(k);
                }
            }
            by_ending
        };
        let (endings_a, endings_b) = (index(a.claims), index(b.claims));
        type Endings = std::collections::HashMap<String, Vec<usize>>;
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
            if taken_a[i] {
                continue;
            }
            let Some(j) = best(&a.claims[i], (b.claims, &endings_b), &taken_b, a.text, b.text) else { continue };
            if best(&b.claims[j], (a.claims, &endings_a), &taken_a, b.text, a.text) == Some(i) {
                pairs.push((i, j));
                taken_a[i] = true;
                taken_b[j] = true;
            }
        }
    }
    // Counts zipped in order need a specific counter (not 个) that the glossary knows to
    // fit the noun: generic counters would pair any two counts in order.
    let known_count_fit = |i: usize, j: usize| {
        let (ca, cb) = (&a.claims[i], &b.claims[j]);
        ca.dimension != Dimension::Count || {
            let (counter, noun) = counter_and_noun(a, ca, cb);
            !glossary.is_generic(counter) && glossary.counter_known_fit(counter, noun)
        }
    };
    // A figure left over whose value a paired figure of its own document already states
    // may be a repeat (三个100% where the translation says "100%" once): when a figure
    // has several candidates, repeats give way.
    let repeats_paired = |claims: &[Claim], taken: &[bool]| -> Vec<bool> {
        claims
            .iter()
            .enumerate()
            .map(|(i, c)| !taken[i] && claims.iter().zip(taken).any(|(d, &t)| t && same_value(c, d)))
            .collect()
    };
    let concepts_of = |d: &DocClaims<'_>| -> Vec<Vec<usize>> {
        if cross {
            d.claims.iter().map(|c| glossary.concepts(clause(d.text, c), d.chinese)).collect()
        } else {
            Vec::new()
        }
    };
    let preference = Preference {
        glossary,
        repeat_a: repeats_paired(a.claims, &taken_a),
        repeat_b: repeats_paired(b.claims, &taken_b),
        concepts_a: concepts_of(a),
        concepts_b: concepts_of(b),
    };
    // 3. Order, across languages: one figure left on each side between two anchors.
    if cross && !anchors.is_empty() {
        let mut bounds: Vec<(isize, isize)> = vec![(-1, -1)];
        bounds.extend(anchors.iter().map(|&(i, j)| (i as isize, j as isize)));
        bounds.push((a.claims.len() as isize, b.claims.len() as isize));
        for w in bounds.windows(2) {
            let ((a0, b0), (a1, b1)) = (w[0], w[1]);
            let left: Vec<usize> = ((a0 + 1)..a1).map(|i| i as usize).filter(|&i| !taken_a[i]).collect();
            let right: Vec<usize> = ((b0 + 1)..b1).map(|j| j as usize).filter(|&j| !taken_b[j]).collect();
            let fits = |i: usize, j: usize| {
                let (ca, cb) = (&a.claims[i], &b.claims[j]);
                comparable(ca, cb, true)
                    && !short_durations(ca, cb)
                    && super::comparable_values(ca, cb)
                    && counts_fit(glossary, a, ca, cb)
                    && !glossary_disagrees(glossary, a, ca, b, cb)
            };
            let mut taken = Taken { a: &mut taken_a, b: &mut taken_b, pairs: &mut pairs };
            pair_up(a, b, (&left, &right), &fits, &known_count_fit, &preference, &mut taken);
        }
    }
    // 4. Across languages, what is left: a figure whose kind occurs once among the
    //    leftovers of each side (translations move clauses past the anchors).
    if cross {
        // Far from any anchor, a count needs its counter and noun known to fit.
        let fits = |i: usize, j: usize| {
            let (ca, cb) = (&a.claims[i], &b.claims[j]);
            if short_durations(ca, cb) {
                return false;
            }
            let known = ca.dimension != Dimension::Count || {
                let (counter, noun) = counter_and_noun(a, ca, cb);
                glossary.counter_known_fit(counter, noun)
            };
            known
                && comparable(ca, cb, true)
                && super::comparable_values(ca, cb)
                && counts_fit(glossary, a, ca, cb)
                && if ca.dimension == Dimension::Count {
                    glossary_agrees_or_silent(glossary, a, ca, b, cb)
                } else {
                    !glossary_disagrees(glossary, a, ca, b, cb)
                }
        };
        let left: Vec<usize> = (0..a.claims.len()).filter(|&i| !taken_a[i]).collect();
        let right: Vec<usize> = (0..b.claims.len()).filter(|&j| !taken_b[j]).collect();
        let mut taken = Taken { a: &mut taken_a, b: &mut taken_b, pairs: &mut pairs };
        pair_up(a, b, (&left, &right), &fits, &known_count_fit, &preference, &mut taken);
    }
    pairs.sort_unstable();
    pairs
}

/// Claims already paired, and the pairs.
struct Taken<'t> {
    a: &'t mut [bool],
    b: &'t mut [bool],
    pairs: &'t mut Vec<(usize, usize)>,
}

impl Taken<'_> {
    fn take(&mut self, i: usize, j: usize) {
        self.pairs.push((i, j));
        self.a[i] = true;
        self.b[j] = true;
    }
}

/// How to choose when a figure has several candidates: figures that only repeat the
/// value of a paired figure of their own document give way, then a candidate whose clause
/// names exactly the glossary concepts of the figure's clause wins.
struct Preference<'g> {
    glossary: &'g Glossary,
    repeat_a: Vec<bool>,
    repeat_b: Vec<bool>,
    concepts_a: Vec<Vec<usize>>,
    concepts_b: Vec<Vec<usize>>,
}

/// The figure whose candidates are narrowed: figure `i` of `a` (candidates in `b`) or
/// figure `j` of `b` (candidates in `a`).
enum For {
    A(usize),
    B(usize),
}

impl Preference<'_> {
    /// Narrows the candidates of one figure.
    fn narrow(&self, mut candidates: Vec<usize>, figure: For, known_fit: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let (repeat, concepts, own) = match figure {
            For::A(i) => (&self.repeat_b, &self.concepts_b, self.concepts_a.get(i)),
            For::B(j) => (&self.repeat_a, &self.concepts_a, self.concepts_b.get(j)),
        };
        if candidates.len() > 1 && candidates.iter().any(|&k| !repeat[k]) {
            candidates.retain(|&k| !repeat[k]);
        }
        if let Some(own) = own.filter(|o| !o.is_empty() && candidates.len() > 1) {
            let same: Vec<usize> = candidates.iter().copied().filter(|&k| concepts.get(k) == Some(own)).collect();
            if same.len() == 1 {
                return same;
            }
        }
        // A counter the glossary knows to count the noun beats one it merely does not rule out.
        if candidates.len() > 1 {
            let known: Vec<usize> = candidates.iter().copied().filter(|&k| known_fit(k)).collect();
            if known.len() == 1 {
                return known;
            }
        }
        candidates
    }
}

/// Pairs figures of `left` (in `a`) with figures of `right` (in `b`) that `fits` allows:
/// first a figure with the one candidate that has no other candidate either; then, for
/// amounts, percentages and measures, the k figures of one kind on each side in order,
/// when both sides have exactly k of that kind.
fn pair_up(
    a: &DocClaims<'_>,
    b: &DocClaims<'_>,
    (left, right): (&[usize], &[usize]),
    fits: &dyn Fn(usize, usize) -> bool,
    zip_fits: &dyn Fn(usize, usize) -> bool,
    preference: &Preference<'_>,
    taken: &mut Taken<'_>,
) {
    // Counts whose counter the glossary knows to fit the noun (个 fits any plural).
    let known_fit = |i: usize, j: usize| {
        let (ca, cb) = (&a.claims[i], &b.claims[j]);
        ca.dimension != Dimension::Count || {
            let (counter, noun) = counter_and_noun(a, ca, cb);
            preference.glossary.counter_known_fit(counter, noun)
        }
    };
    for &i in left {
        if taken.a[i] {
            continue;
        }
        let candidates: Vec<usize> = right.iter().copied().filter(|&j| !taken.b[j] && fits(i, j)).collect();
        let [j] = preference.narrow(candidates.clone(), For::A(i), &|j| known_fit(i, j))[..] else {
            log::debug!("figure {} has {} candidates", a.text_of(&a.claims[i]), candidates.len());
            continue;
        };
        let rivals: Vec<usize> = left.iter().copied().filter(|&k| !taken.a[k] && fits(k, j)).collect();
        if preference.narrow(rivals, For::B(j), &|k| known_fit(k, j)) == [i] {
            taken.take(i, j);
        }
    }
    // Counts across languages carry a counter on one side and a noun on the other: their
    // kind is just "count", and `fits` decides (it requires a known counter–noun fit).
    let kind = |c: &Claim| {
        (
            c.dimension,
            if c.dimension == Dimension::Count { compact_str::CompactString::default() } else { c.unit.clone() },
        )
    };
    let rest_a: Vec<usize> = left.iter().copied().filter(|&i| !taken.a[i]).collect();
    let mut kinds: Vec<(Dimension, compact_str::CompactString)> = rest_a.iter().map(|&i| kind(&a.claims[i])).collect();
    kinds.sort();
    kinds.dedup();
    for k in kinds {
        let of_a: Vec<usize> = rest_a.iter().copied().filter(|&i| kind(&a.claims[i]) == k).collect();
        let of_b: Vec<usize> = right.iter().copied().filter(|&j| !taken.b[j] && kind(&b.claims[j]) == k).collect();
        if of_a.len() == of_b.len()
            && of_a.len() > 1
            && of_a.iter().zip(&of_b).all(|(&i, &j)| fits(i, j) && zip_fits(i, j))
        {
            for (&i, &j) in of_a.iter().zip(&of_b) {
                taken.take(i, j);
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    fn period_of(text: &str, figure: &str) -> Option<String> {
        let claims = Extractor::default().claims(text);
        let c = claims.iter().find(|c| &text[c.start..c.end] == figure).expect("the figure is a claim");
        period(text, c, Glossary::builtin().periods())
    }

    #[test]
    fn periods_are_read_from_the_sentence_before_the_figure() {
        assert_eq!(period_of("1-5月，企业利润同比增长10.2%。", "10.2%").as_deref(), Some("1-5"));
        assert_eq!(period_of("5月份，企业利润同比增长9.8%。", "9.8%").as_deref(), Some("5"));
        assert_eq!(period_of("上半年，企业利润同比增长9.8%。", "9.8%").as_deref(), Some("上半年"));
        assert_eq!(period_of("企业利润同比增长9.8%。", "9.8%"), None);
    }
}
