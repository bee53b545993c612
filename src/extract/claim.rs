//! A numeric claim and the interval of values it allows.
//!
//! The interval is what makes two statements comparable: `1700多亿元` allows
//! [1.7e11, 1.8e11), "more than 170 billion yuan" allows (1.7e11, ∞), and the two agree.
//! Figures written with a decimal point or a scale word allow the rounding interval of
//! their last written digit (`1.4万亿` → [1.35e12, 1.45e12]); plain integers are exact.

use super::decimal::Dec;
use super::lexicon::Qualifier;
use super::numeral::Numeral;
use compact_str::CompactString;

/// What kind of quantity a claim states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Currency,
    Percent,
    PercentagePoint,
    Count,
    Measure,
}

impl Dimension {
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Currency => "currency",
            Dimension::Percent => "percent",
            Dimension::PercentagePoint => "percentage_point",
            Dimension::Count => "count",
            Dimension::Measure => "measure",
        }
    }
}

/// One numeric claim, with byte spans into the text it was extracted from.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    /// Span of the whole statement: qualifier, number, scale, unit.
    pub start: usize,
    pub end: usize,
    /// Span of the number itself (digits and scale words).
    pub number_start: usize,
    pub number_end: usize,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub dimension: Dimension,
    // Compact strings: units, subjects and digit strings are short, and a corpus holds
    // millions of claims; inline storage saves three allocations per claim.
    pub unit: CompactString,
    pub subject: CompactString,
    /// Significant digits of the stated figure, without scale (`1.4万亿` → "14"), for
    /// telling a magnitude slip from a different figure.
    pub digits: CompactString,
    /// Power of ten a scale word applied (万 → 4, billion → 9), 0 when none.
    pub scale_exponent: i32,
}

impl Claim {
    /// Whether the claim's spans lie inside `text`, in order, on character boundaries,
    /// with a finite value: what a claim read back from a cache or an index must show
    /// before it is used.
    pub fn fits(&self, text: &str) -> bool {
        let ordered = self.start <= self.number_start
            && self.number_start <= self.number_end
            && self.number_end <= self.end
            && self.end <= text.len();
        ordered
            && [self.start, self.number_start, self.number_end, self.end].iter().all(|&i| text.is_char_boundary(i))
            && self.value.is_finite()
    }
}

/// How the stated figure bounds the true one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
}

/// Scales a numeral's value for its dimension (九成 → 90 percent).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scaling {
    /// Multiply value and precision by 10^exponent.
    pub exponent: i32,
    /// Whole numbers are rounded too (percentages: 98% stands for 97.5–98.5%).
    pub round_integers: bool,
}

impl Scaling {
    pub const NONE: Scaling = Scaling { exponent: 0, round_integers: false };
}

/// The interval a numeral with its qualifiers allows.
///
/// `upper`: the right end of a range (`3至5万`), already scaled like `numeral`.
pub fn bounds(numeral: &Numeral, qualifier: Qualifier, scaling: Scaling, upper: Option<&Numeral>) -> Bounds {
    if let Some((n, d)) = numeral.ratio {
        let v = n / d * 10f64.powi(scaling.exponent);
        let b = bounds_of_point(Dec::ZERO, v, v, qualifier);
        let scale = |x: Option<f64>, f: f64| x.map(|_| v * f);
        let (low, high) = match qualifier {
            Qualifier::About => (scale(b.low, 0.9), scale(b.high, 1.1)),
            Qualifier::Nearly => (scale(b.low, 0.9), Some(v)),
            Qualifier::MoreThan | Qualifier::AtLeast => (Some(v), None),
            Qualifier::LessThan | Qualifier::AtMost => (None, Some(v)),
            _ => (Some(v), Some(v)),
        };
        return Bounds { value: v, low, high, qualifier };
    }
    let value = numeral.value.shift(scaling.exponent);
    // A whole percentage is rounded to the whole percent however it is written:
    // 百分之五十 is read aloud as "50%" is, not as a figure between 45 and 55.
    let whole_percent = scaling.round_integers && scaling.exponent == 0 && !numeral.has_point && !numeral.scaled;
    let precision = if whole_percent && numeral.precision.to_f64() > 1.0 {
        Dec::ONE
    } else {
        numeral.precision.shift(scaling.exponent)
    };
    let v = value.to_f64();
    let sign = if numeral.negative { -1.0 } else { 1.0 };
    if let Some(up) = upper {
        let hi = up.value.shift(scaling.exponent);
        let hi = if up.more { hi.checked_add(up.precision.shift(scaling.exponent)).unwrap_or(hi) } else { hi };
        return Bounds { value: v, low: Some(v), high: Some(hi.to_f64()), qualifier: Qualifier::Range };
    }
    let rounded = numeral.has_point || numeral.scaled || scaling.exponent != 0 || scaling.round_integers;
    let half = Dec::new(5, -1).checked_mul(precision).unwrap_or(Dec::ZERO);
    let (round_low, round_high) = if rounded {
        (value.checked_sub(half).unwrap_or(value).to_f64(), value.checked_add(half).unwrap_or(value).to_f64())
    } else {
        (v, v)
    };
    if numeral.more {
        // 1700多亿: the places below the last non-zero digit are filled in.
        let step = value.last_digit_place().max(precision);
        let top = value.checked_add(step).unwrap_or(value).to_f64();
        let high = match qualifier {
            Qualifier::MoreThan | Qualifier::AtLeast => None,
            _ => Some(top),
        };
        let qualifier = match qualifier {
            Qualifier::Exact | Qualifier::MoreThan | Qualifier::AtLeast => Qualifier::MoreThan,
            q => q,
        };
        let low = if qualifier == Qualifier::About { Some(tenth_off(value, 9)) } else { Some(v) };
        if sign < 0.0 {
            // -1700多: the interval mirrors, (-1800, -1700]
            return Bounds { value: -v, low: high.map(|h| -h), high: low.map(|l| -l), qualifier };
        }
        return Bounds { value: v, low, high, qualifier };
    }
    let b = bounds_of_point(value, round_low, round_high, qualifier);
    if sign < 0.0 {
        return Bounds { value: -b.value, low: b.high.map(|h| -h), high: b.low.map(|l| -l), qualifier: b.qualifier };
    }
    b
}

/// `value` × n/10, exactly: the ±10% of `about` and `nearly`.
fn tenth_off(value: Dec, n: i128) -> f64 {
    value.checked_mul(Dec::new(n, -1)).unwrap_or(value).to_f64()
}

fn bounds_of_point(value: Dec, round_low: f64, round_high: f64, qualifier: Qualifier) -> Bounds {
    let v = value.to_f64();
    let (low, high) = match qualifier {
        Qualifier::Exact | Qualifier::Range => (Some(round_low), Some(round_high)),
        Qualifier::About => (Some(round_low.min(tenth_off(value, 9))), Some(round_high.max(tenth_off(value, 11)))),
        Qualifier::Nearly => (Some(tenth_off(value, 9)), Some(v)),
        Qualifier::MoreThan | Qualifier::AtLeast => (Some(v), None),
        Qualifier::LessThan | Qualifier::AtMost => (None, Some(v)),
    };
    Bounds { value: v, low, high, qualifier }
}

#[cfg(test)]
mod tests {
    use super::super::numeral::Script;
    use super::*;

    fn numeral(value: &str, precision: &str, scaled: bool, more: bool) -> Numeral {
        let mut n =
            Numeral::plain(Dec::parse_digits(value).unwrap(), Dec::parse_digits(precision).unwrap(), Script::Arabic);
        n.scaled = scaled;
        n.more = more;
        n
    }

    #[test]
    fn table() {
        let none = Scaling::NONE;
        // numeral, qualifier, want (value, low, high, qualifier)
        let cases = [
            (
                numeral("170000000000", "100000000", true, true),
                Qualifier::Exact,
                (1.7e11, Some(1.7e11), Some(1.8e11), Qualifier::MoreThan),
            ),
            (
                numeral("1400000000000", "100000000000", true, false),
                Qualifier::Exact,
                (1.4e12, Some(1.35e12), Some(1.45e12), Qualifier::Exact),
            ),
            (
                numeral("1007", "1", false, false),
                Qualifier::Exact,
                (1007.0, Some(1007.0), Some(1007.0), Qualifier::Exact),
            ),
            (
                numeral("170000000000", "1000000000", true, false),
                Qualifier::MoreThan,
                (1.7e11, Some(1.7e11), None, Qualifier::MoreThan),
            ),
            (
                numeral("100000", "10000", true, false),
                Qualifier::Nearly,
                (1e5, Some(9e4), Some(1e5), Qualifier::Nearly),
            ),
            (numeral("90", "10", false, false), Qualifier::AtLeast, (90.0, Some(90.0), None, Qualifier::AtLeast)),
            (
                numeral("50000000", "10000000", true, false),
                Qualifier::LessThan,
                (5e7, None, Some(5e7), Qualifier::LessThan),
            ),
            (numeral("3000", "1", false, true), Qualifier::MoreThan, (3000.0, Some(3000.0), None, Qualifier::MoreThan)),
        ];
        for (n, q, want) in cases {
            let b = bounds(&n, q, none, None);
            assert_eq!((b.value, b.low, b.high, b.qualifier), want, "{:?} {q:?}", n.value);
        }
    }

    #[test]
    fn tenths_and_ranges() {
        let b = bounds(
            &numeral("9", "1", false, false),
            Qualifier::AtLeast,
            Scaling { exponent: 1, round_integers: true },
            None,
        );
        assert_eq!((b.value, b.low, b.high), (90.0, Some(90.0), None));
        let low = numeral("30000", "10000", true, false);
        let high = numeral("50000", "10000", true, false);
        let b = bounds(&low, Qualifier::Exact, Scaling::NONE, Some(&high));
        assert_eq!((b.value, b.low, b.high, b.qualifier), (30000.0, Some(30000.0), Some(50000.0), Qualifier::Range));
    }
}
