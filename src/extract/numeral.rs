//! The parsed form of one written number, shared by the Chinese and English parsers.

use super::decimal::Dec;

/// How the number was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Arabic,
    Han,
    Mixed,
    English,
}

/// A number as written, before units and qualifiers: `1700多亿`, `十二万三千`, `2.3 million`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numeral {
    /// Value with every scale word applied. For a fraction, the quotient rounded to
    /// 18 decimal places (`ratio` holds it unrounded).
    pub value: Dec,
    /// Place value of the last written digit, scale applied: `1700多亿` → 1e8, `1.4万亿` → 1e11.
    pub precision: Dec,
    /// `多`, `余`, `几` inside or right after the number: the figure is "and some more".
    pub more: bool,
    pub script: Script,
    /// A scale word (万, 亿, million) multiplied the digits.
    pub scaled: bool,
    /// The power of ten the scale words applied (万亿 → 12, million → 6), 0 when none.
    pub scale: i32,
    pub has_point: bool,
    /// Written digit by digit with no units: `2016`, `二〇一六`.
    pub digit_string: bool,
    /// Digits before the decimal point when written in Arabic digits.
    pub integer_digits: usize,
    /// One Chinese digit alone: `一`, `两`, `三`.
    pub single_han_digit: bool,
    /// `a`/`an` stood for one: "a million".
    pub article: bool,
    pub negative: bool,
    pub has_separator: bool,
    /// numerator / denominator for fractions (`三分之二`, `2/3`, `two-thirds`).
    pub ratio: Option<(f64, f64)>,
}

impl Numeral {
    pub fn plain(value: Dec, precision: Dec, script: Script) -> Numeral {
        Numeral {
            value,
            precision,
            more: false,
            script,
            scaled: false,
            scale: 0,
            has_point: false,
            digit_string: false,
            integer_digits: 0,
            single_han_digit: false,
            article: false,
            negative: false,
            has_separator: false,
            ratio: None,
        }
    }

    /// A whole number with no fraction or decimal point written.
    pub fn is_whole(&self) -> bool {
        self.ratio.is_none() && !self.has_point && self.value.is_integer()
    }

    /// The value as a float; fractions use the exact quotient.
    pub fn to_f64(&self) -> f64 {
        let v = match self.ratio {
            Some((n, d)) => n / d,
            None => self.value.to_f64(),
        };
        if self.negative && v > 0.0 {
            -v
        } else {
            v
        }
    }
}
