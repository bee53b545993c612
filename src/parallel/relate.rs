//! How two numeric mentions of parallel segments relate: the same figure written two
//! ways (`1.72万` = "17,200", `7月26日` = "July 26", `19时54分` = "19:54", `两` = "both"),
//! two statements of one figure that disagree (and how), or two different things.

use super::days::{clocks, date_and, dates};
pub use super::days::{fill, weekday_of};
pub use super::relation::{Dateline, Problem, Relation};
pub use crate::dates::days_from_civil;
use crate::extract::lexicon::Conversion;
use crate::extract::mention::{Kind, Mention, Relative};
use crate::extract::Lexicon;
use crate::extract::{Claim, Dimension, Lang};
use crate::glossary::Glossary;

/// Beyond this ratio two figures are more likely different quantities than one misreported.
const MAX_VALUE_RATIO: f64 = 3.0;
/// Converted values this close are one figure, rounded by the translator.
const CONVERSION_TOLERANCE: f64 = 0.05;

/// What the comparison needs beyond the two mentions: the lexicon (units and their
/// conversions) and the glossary (what counters count, which terms name one concept).
pub struct Judge<'a> {
    pub lexicon: &'a Lexicon,
    pub glossary: &'a Glossary,
}

impl Judge<'_> {
    /// Whether two counts count things a reader must not confuse (`户`, "villagers").
    fn referents_differ(&self, a: &str, b: &str) -> bool {
        self.glossary.counts_differ(a, b)
    }

    /// Whether a Chinese counter can count what an English noun names (`辆`, "caravan"),
    /// by the glossary's counters; the generic counter (`个`) counts nothing in particular.
    pub fn counter_fits(&self, counter: &str, noun: &str) -> bool {
        !self.glossary.is_generic(counter) && self.glossary.counter_known_fit(counter, noun)
    }

    /// The measure symbol an English word names ("acres" → `acre`), if any.
    pub fn measure_of(&self, word: &str) -> Option<&str> {
        self.lexicon.measures().prefix_of(word).filter(|(n, _)| *n == word.len()).map(|(_, symbol)| symbol.as_str())
    }

    /// Whether a counter counts occurrences in sequence (`届`, `次`): such a count and an
    /// ordinal state one figure.
    fn sequence_counter(&self, counter: &str) -> bool {
        crate::extract::mention::Calendar::builtin()
            .zh_sequence_counters
            .prefix_of(counter)
            .is_some_and(|(n, _)| n == counter.len())
    }

    /// The glossary concepts a piece of text names, in its language.
    pub fn concepts(&self, text: &str) -> Vec<usize> {
        // A clause with any Han character is read as Chinese.
        let lang = if crate::extract::script::has_han(text) { Lang::Zh } else { Lang::En };
        self.glossary.concepts(text, lang)
    }
}

/// What a numeric mention states, for comparing values.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Family<'m> {
    Currency(&'m str),
    Percent,
    Count(&'m str),
    Measure(&'m str),
    Bare,
    Ordinal,
    Counting,
}

struct Figure<'m> {
    value: f64,
    low: f64,
    high: f64,
    family: Family<'m>,
    vague: bool,
}

fn figure(m: &Mention) -> Option<Figure<'_>> {
    fn of_claim(c: &Claim) -> Figure<'_> {
        let family = match c.dimension {
            Dimension::Currency => Family::Currency(&c.unit),
            Dimension::Percent | Dimension::PercentagePoint => Family::Percent,
            // 筹资43.60亿, "280 billion central and provincial funds": a scaled figure with
            // no unit, or whose noun comes later, may be an amount or a count.
            Dimension::Count if c.unit.is_empty() || c.scale_exponent >= 6 => Family::Bare,
            Dimension::Count => Family::Count(&c.unit),
            Dimension::Measure => Family::Measure(&c.unit),
        };
        let vague = c.qualifier == crate::extract::Qualifier::Range && c.digits.is_empty();
        Figure {
            value: c.value,
            low: c.low.unwrap_or(f64::NEG_INFINITY),
            high: c.high.unwrap_or(f64::INFINITY),
            family,
            vague,
        }
    }
    Some(match &m.kind {
        Kind::Quantity(c) => of_claim(c),
        Kind::Number(n) => Figure { value: n.value, low: n.low, high: n.high, family: Family::Bare, vague: n.vague },
        Kind::Ordinal(n, _) => {
            let v = f64::from(*n);
            Figure { value: v, low: v, high: v, family: Family::Ordinal, vague: false }
        }
        Kind::Counting(n) => {
            let v = f64::from(*n);
            Figure { value: v, low: v, high: v, family: Family::Counting, vague: false }
        }
        _ => return None,
    })
}

/// The values a figure states, for comparing two renderings of one statement: its
/// interval when bounded on both sides (rounding, `多`, "about"), else its bound itself.
/// `80人以内` and "50 people and under" are both bounds, and say different things.
fn stated(f: &Figure<'_>) -> (f64, f64) {
    if f.low.is_finite() && f.high.is_finite() {
        (f.low, f.high)
    } else {
        (f.value, f.value)
    }
}

fn overlap(a: (f64, f64), b: (f64, f64), tolerance: f64) -> bool {
    let eps = |x: f64| tolerance * x.abs().max(1e-9);
    !(a.1 + eps(a.1) < b.0 - eps(b.0) || b.1 + eps(b.1) < a.0 - eps(a.0))
}

/// Two values a power of ten apart, with the same significant digits, one of them large
/// enough that a scale word could have slipped (2 and 20 are two small numbers).
fn power_of_ten_apart(a: f64, b: f64) -> bool {
    if a <= 0.0 || b <= 0.0 || a.max(b) < 100.0 {
        return false;
    }
    let k = (a / b).log10();
    k.abs() >= 0.5 && (k - k.round()).abs() < 1e-6
}

/// Disjoint values: a slip of scale, a different value, or too far apart to say.
fn disjoint(a: f64, b: f64) -> Relation {
    if power_of_ten_apart(a, b) {
        return Relation::Differ(Problem::Magnitude);
    }
    if a > 0.0 && b > 0.0 && a.max(b) / a.min(b) <= MAX_VALUE_RATIO {
        return Relation::Differ(Problem::Value);
    }
    Relation::Unrelated
}

impl Judge<'_> {
    /// How mention `a` (of a document with dateline `da`) relates to `b` (dateline `db`).
    pub fn relate(&self, a: &Mention, da: &Dateline, b: &Mention, db: &Dateline) -> Relation {
        if let (Some(x), Some(y)) = (figure(a), figure(b)) {
            return self.figures(&x, &y);
        }
        match (&a.kind, &b.kind) {
            (Kind::Date(x), Kind::Date(y)) => dates((x, &fill(x, da)), (y, &fill(y, db))),
            (Kind::Date(d), other) | (other, Kind::Date(d)) => {
                let dl = if matches!(a.kind, Kind::Date(_)) { da } else { db };
                date_and(&fill(d, dl), other, dl)
            }
            (Kind::Time(x), Kind::Time(y)) => clocks(x, y),
            (Kind::Weekday(x), Kind::Weekday(y)) => {
                if x == y {
                    Relation::Same
                } else {
                    Relation::Differ(Problem::Date)
                }
            }
            _ => Relation::Unrelated,
        }
    }

    fn figures(&self, a: &Figure<'_>, b: &Figure<'_>) -> Relation {
        use Family::*;
        let (fa, fb) = (a.family, b.family);
        let comparable = match (fa, fb) {
            // "a caravan" against 两辆大篷车: small counts only; "no" states a zero and
            // differs from nothing.
            (Counting, Count(_)) | (Count(_), Counting) => a.value.max(b.value) <= 3.0 && a.value.min(b.value) >= 1.0,
            (Counting, Counting) => true,
            (Counting, _) | (_, Counting) => false,
            (Currency(x), Currency(y)) => x == y,
            (Percent, Percent) | (Count(_), Count(_)) | (Ordinal, Ordinal) => true,
            // 举办16届 is "the 16th", 第3次 "the third time".
            (Count(x), Ordinal) | (Ordinal, Count(x)) => self.sequence_counter(x),
            (Measure(x), Measure(y)) => return self.measures((x, a), (y, b)),
            (Bare, _) | (_, Bare) => true,
            _ => false,
        };
        if !comparable {
            return Relation::Unrelated;
        }
        if overlap(stated(a), stated(b), 1e-9) {
            if let (Count(x), Count(y)) = (fa, fb) {
                if self.referents_differ(x, y) {
                    return Relation::Differ(Problem::Referent);
                }
            }
            return Relation::Same;
        }
        // Vague amounts (数亿, "hundreds of") only slip by a scale.
        if a.vague || b.vague {
            return if power_of_ten_apart(a.low, b.low) {
                Relation::Differ(Problem::Magnitude)
            } else {
                Relation::Unrelated
            };
        }
        if matches!(fa, Counting) || matches!(fb, Counting) {
            return Relation::Differ(Problem::Value);
        }
        disjoint(a.value, b.value)
    }

    /// Two measures: the same unit, or two units of one kind converted.
    fn measures(&self, (ua, a): (&str, &Figure<'_>), (ub, b): (&str, &Figure<'_>)) -> Relation {
        if ua == ub {
            return if overlap(stated(a), stated(b), 1e-9) { Relation::Same } else { disjoint(a.value, b.value) };
        }
        let (Some(ca), Some(cb)) = (self.lexicon.conversions().get(ua), self.lexicon.conversions().get(ub)) else {
            return Relation::Unrelated;
        };
        if ca.base != cb.base {
            return Relation::Unrelated;
        }
        // The same number in two units: wrong, however wide its qualifiers make it. "The
        // same number" is the same stated value, or two bounded intervals that overlap
        // ("more than ten days" is not the number of 22岁).
        let factor = (ca.factor / cb.factor).max(cb.factor / ca.factor);
        let same_number = overlap(stated(a), stated(b), 1e-9);
        if same_number && factor > 1.0 + CONVERSION_TOLERANCE {
            return Relation::Differ(Problem::Unit);
        }
        let to_base = |c: &Conversion, x: f64| x * c.factor + c.offset;
        let ((la, ha), (lb, hb)) = (stated(a), stated(b));
        let (la, ha) = (to_base(ca, la), to_base(ca, ha));
        let (lb, hb) = (to_base(cb, lb), to_base(cb, hb));
        if overlap((la.min(ha), la.max(ha)), (lb.min(hb), lb.max(hb)), CONVERSION_TOLERANCE) {
            return Relation::Same;
        }
        disjoint(to_base(ca, a.value), to_base(cb, b.value))
    }

    /// Whether `a` is stated among `candidates` in any form: an equal mention, or any
    /// mention with the same number (a date's day, a clock's hour), or, for a date, a
    /// weekday or a day named relative to the dateline that cannot be checked.
    pub fn stated_among(&self, a: &Mention, da: &Dateline, candidates: &[&Mention], db: &Dateline) -> bool {
        let numbers = readings(a);
        candidates.iter().any(|b| {
            // "a" and "an" are everywhere: they state a one only by the noun they count.
            if matches!(b.kind, Kind::Counting(1)) {
                return false;
            }
            if self.relate(a, da, b, db) == Relation::Same {
                return true;
            }
            let loose = match (&a.kind, &b.kind) {
                (Kind::Date(d), Kind::Weekday(_) | Kind::Relative(Relative::Day(_))) => d.day.is_some(),
                (Kind::Date(d), Kind::Relative(Relative::Year(_))) => d.year.is_some(),
                _ => false,
            };
            // A bounded figure of the target inside the source's interval ("a dozen" for
            // 十几); "more than 140,000" says nothing of 15万.
            let overlapping = match (figure(a), figure(b)) {
                (Some(x), Some(y)) => {
                    y.low.is_finite() && y.high.is_finite() && overlap((x.low, x.high), (y.low, y.high), 1e-9)
                }
                _ => false,
            };
            loose
                || overlapping
                || b.value().is_some_and(|v| {
                    numbers.iter().any(|n| (n - v).abs() <= 1e-9 * n.abs().max(1.0))
                        || figure(b).is_some_and(|f| {
                            // "hundreds" for 百余: a vague amount stands for half its low end too.
                            let low = if f.vague { f.low / 2.0 } else { f.low };
                            numbers.iter().any(|&n| low <= n && n <= f.high)
                        })
                })
        })
    }
}

/// The numbers a mention may be written as: a quantity's value (and a percentage as a
/// share: 20% is "a fifth"), a date's day, month and year, a clock's hour either half of
/// the day.
pub fn readings(a: &Mention) -> Vec<f64> {
    let mut numbers: Vec<f64> = match &a.kind {
        Kind::Date(d) => {
            [d.day.map(f64::from), d.month.map(f64::from), d.year.map(f64::from)].into_iter().flatten().collect()
        }
        Kind::Time(t) => vec![f64::from(t.hour), f64::from((t.hour + 12) % 24)],
        // 增长1倍 is "doubled", "twice as much": a multiple reads as itself and one more.
        Kind::Quantity(c) if c.unit == "x" => vec![c.value, c.value + 1.0],
        _ => a.value().into_iter().collect(),
    };
    // 五分之一 is 20%, "a fifth"; 百分之百 is 100%, "all".
    if let Kind::Quantity(c) = &a.kind {
        if c.dimension == Dimension::Percent && c.value > 0.0 {
            numbers.push(c.value / 100.0);
            let share = 100.0 / c.value;
            if (share - share.round()).abs() < 1e-9 {
                numbers.push(share.round());
            }
        }
    }
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::mention::Date;
    use crate::extract::Extractor;

    fn judge_pair(a: &str, b: &str) -> Relation {
        let ex = Extractor::default();
        let glossary = Glossary::builtin();
        let judge = Judge { lexicon: ex.lexicon(), glossary: &glossary };
        let (ma, mb) = (ex.mentions(a), ex.mentions(b));
        assert_eq!((ma.len(), mb.len()), (1, 1), "{a:?} {ma:?} / {b:?} {mb:?}");
        let dl = Dateline { year: Some(2020), month: Some(7), day: Some(26) };
        judge.relate(&ma[0], &dl, &mb[0], &dl)
    }

    #[test]
    fn same_figure_written_two_ways() {
        use Relation::*;
        let cases = [
            ("覆盖1.72万人", "covering 17,200 people", Same),
            ("约4.9万台", "about 49,000 machines", Same),
            ("增长百分之百", "grew 100%", Same),
            ("26日召开", "on July 26", Same),
            ("26日召开", "on Sunday", Same),
            ("23日宣布", "announced on Wednesday", Differ(Problem::Date)),
            ("19时54分进入", "at 19:00", Differ(Problem::Date)),
            ("19时54分进入", "at 7:54 p.m.", Same),
            ("6000多亩耕地", "6,000 acres of land", Differ(Problem::Unit)),
            ("6000多亩耕地", "about 400 hectares of land", Same),
            ("30斤", "15 kilograms", Same),
            ("30斤", "30 kilograms", Differ(Problem::Unit)),
            ("1.4万亿元", "1.4 billion yuan", Differ(Problem::Magnitude)),
            ("1983年创办", "in 1982", Differ(Problem::Date)),
            ("第三届", "the third", Same),
            ("数亿欧元", "billions of euros", Differ(Problem::Magnitude)),
            ("逾1500亿元", "more than 150 billion yuan", Same),
            ("1007家", "1,070 hospitals", Differ(Problem::Value)),
            ("1007家", "4,000 hospitals", Unrelated),
        ];
        for (a, b, want) in cases {
            assert_eq!(judge_pair(a, b), want, "{a} / {b}");
        }
    }

    #[test]
    fn weekdays() {
        let d = Date { year: Some(2020), month: Some(7), day: Some(26), ..Date::default() };
        assert_eq!(weekday_of(&d), Some(7));
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
    }
}
