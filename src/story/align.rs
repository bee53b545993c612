//! What aligning the claims of two documents of one story asks of a pair of claims: the
//! same value, a comparable unit and kind, a counter that fits the other side's noun, a
//! glossary that does not say the two name different things. The passes that use these
//! tests are in [`super::passes`].

use super::DocClaims;
use crate::extract::{Claim, Dimension};
use crate::glossary::Glossary;
use crate::view::clause;

/// Two claims' values are the same figure.
pub fn same_value(a: &Claim, b: &Claim) -> bool {
    same_number(a.value, b.value)
}

fn same_number(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
}

/// Whether two claims can state the same kind of quantity at all.
pub(super) fn comparable(a: &Claim, b: &Claim, cross_language: bool) -> bool {
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
pub(super) const MIN_SUBJECT_CHARS: usize = 4;

/// Characters two subjects share at their ends.
pub(super) fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// One unit, or an amount and a scaled figure written without one (`500多亿元`, `500多亿`).
pub(super) fn same_unit(a: &Claim, b: &Claim) -> bool {
    let bare = |c: &Claim| c.dimension == Dimension::Count && c.unit.is_empty() && c.scale_exponent > 0;
    a.dimension == b.dimension && a.unit == b.unit
        || bare(a) && matches!(b.dimension, Dimension::Currency | Dimension::Count)
        || bare(b) && matches!(a.dimension, Dimension::Currency | Dimension::Count)
}

/// The glossary concepts each claim's clause names.
fn concepts_near(
    glossary: &Glossary,
    (a, ca): (&DocClaims<'_>, &Claim),
    (b, cb): (&DocClaims<'_>, &Claim),
) -> (Vec<usize>, Vec<usize>) {
    (glossary.concepts(clause(a.text, ca), a.lang), glossary.concepts(clause(b.text, cb), b.lang))
}

/// Whether the glossary says two claims (in different languages) name different things.
pub(super) fn glossary_disagrees(
    glossary: &Glossary,
    a: &DocClaims<'_>,
    ca: &Claim,
    b: &DocClaims<'_>,
    cb: &Claim,
) -> bool {
    let (near_a, near_b) = concepts_near(glossary, (a, ca), (b, cb));
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
pub(super) fn counts_fit(glossary: &Glossary, a: &DocClaims<'_>, ca: &Claim, cb: &Claim) -> bool {
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
pub(super) fn counter_and_noun<'c>(a: &DocClaims<'_>, ca: &'c Claim, cb: &'c Claim) -> (&'c str, &'c str) {
    // Chinese counts carry the counter, English ones the noun.
    if a.lang == crate::extract::Lang::Zh {
        (&ca.unit, &cb.unit)
    } else {
        (&cb.unit, &ca.unit)
    }
}

fn is_duration(c: &Claim) -> bool {
    c.dimension == Dimension::Measure && crate::extract::lexicon::is_duration_unit(&c.unit)
}

/// Whether a count's counter is one the glossary knows to fit the other side's noun (个
/// fits any plural; with `specific`, generic counters such as 个 never do); claims that
/// are not counts always fit.
pub(super) fn counter_known_to_fit(
    glossary: &Glossary,
    a: &DocClaims<'_>,
    (ca, cb): (&Claim, &Claim),
    specific: bool,
) -> bool {
    ca.dimension != Dimension::Count || {
        let (counter, noun) = counter_and_noun(a, ca, cb);
        !(specific && glossary.is_generic(counter)) && glossary.counter_known_fit(counter, noun)
    }
}

/// Short lengths of time (四年, "ten years") are too incidental to pair by order: only
/// the same value pairs them.
pub(super) fn short_durations(a: &Claim, b: &Claim) -> bool {
    is_duration(a) && a.value.max(b.value) <= MIN_CROSS_LANGUAGE_COUNT
}

/// Stricter than [`glossary_disagrees`]: when one side names a glossary concept, the
/// other must name the same one.
pub(super) fn glossary_agrees_or_silent(
    glossary: &Glossary,
    a: &DocClaims<'_>,
    ca: &Claim,
    b: &DocClaims<'_>,
    cb: &Claim,
) -> bool {
    let (near_a, near_b) = concepts_near(glossary, (a, ca), (b, cb));
    (near_a.is_empty() && near_b.is_empty()) || near_a.iter().any(|x| near_b.contains(x))
}

/// Indexes of claims whose value occurs exactly once in the list.
pub(super) fn unique_values(by_value: &ByValue<'_>) -> Vec<bool> {
    by_value.claims.iter().map(|c| by_value.same(c).take(2).count() == 1).collect()
}

/// Claims sorted by value, to find those that state a given value ([`same_value`])
/// without comparing every claim with every other.
pub(super) struct ByValue<'c> {
    claims: &'c [Claim],
    order: Vec<usize>,
}

impl<'c> ByValue<'c> {
    pub(super) fn of(claims: &'c [Claim]) -> Self {
        let mut order: Vec<usize> = (0..claims.len()).collect();
        order.sort_by(|&i, &j| claims[i].value.total_cmp(&claims[j].value).then(i.cmp(&j)));
        ByValue { claims, order }
    }

    /// Indices of the claims with `c`'s value, in no particular order.
    pub(super) fn same(&self, c: &Claim) -> impl Iterator<Item = usize> + '_ {
        // A little wider than `same_value`'s tolerance; each is then checked exactly.
        let reach = 1.01e-9 * c.value.abs().max(1.0) + f64::MIN_POSITIVE;
        let (low, high) = (c.value - reach, c.value + reach);
        let from = self.order.partition_point(|&i| self.claims[i].value < low);
        let to = self.order.partition_point(|&i| self.claims[i].value <= high);
        let value = c.value;
        self.order[from..to.max(from)].iter().copied().filter(move |&i| same_number(value, self.claims[i].value))
    }
}

/// Claims already paired, and the pairs.
pub(super) struct Taken<'t> {
    pub(super) a: &'t mut [bool],
    pub(super) b: &'t mut [bool],
    pub(super) pairs: &'t mut Vec<(usize, usize)>,
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
pub(super) struct Preference<'g> {
    pub(super) glossary: &'g Glossary,
    pub(super) repeat_a: Vec<bool>,
    pub(super) repeat_b: Vec<bool>,
    pub(super) concepts_a: Vec<Vec<usize>>,
    pub(super) concepts_b: Vec<Vec<usize>>,
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
pub(super) fn pair_up(
    a: &DocClaims<'_>,
    b: &DocClaims<'_>,
    (left, right): (&[usize], &[usize]),
    fits: &dyn Fn(usize, usize) -> bool,
    zip_fits: &dyn Fn(usize, usize) -> bool,
    preference: &Preference<'_>,
    taken: &mut Taken<'_>,
) {
    let known_fit =
        |i: usize, j: usize| counter_known_to_fit(preference.glossary, a, (&a.claims[i], &b.claims[j]), false);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;
    use crate::view::period;

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
