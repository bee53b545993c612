//! Exact decimal values for extracted figures.
//!
//! Every figure a news sentence can state is an integer times a power of ten
//! (`16.4亿` = 164 × 10^7), so a 128-bit mantissa with a decimal exponent keeps
//! the arithmetic exact without a general decimal library; conversion to `f64`
//! goes through the decimal string so it is correctly rounded.

use std::cmp::Ordering;
use std::fmt;

/// `mantissa × 10^exponent`, kept normalised (no trailing zeros in the mantissa).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Dec {
    mantissa: i128,
    exponent: i32,
}

impl Dec {
    pub const ZERO: Dec = Dec { mantissa: 0, exponent: 0 };
    pub const ONE: Dec = Dec { mantissa: 1, exponent: 0 };

    pub fn new(mantissa: i128, exponent: i32) -> Dec {
        let mut d = Dec { mantissa, exponent };
        d.normalise();
        d
    }

    pub fn from_int(n: i128) -> Dec {
        Dec::new(n, 0)
    }

    pub fn pow10(exponent: i32) -> Dec {
        Dec { mantissa: 1, exponent }
    }

    fn normalise(&mut self) {
        if self.mantissa == 0 {
            self.exponent = 0;
            return;
        }
        while self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.exponent += 1;
        }
    }

    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// Multiplies by 10^k exactly.
    pub fn shift(self, k: i32) -> Dec {
        if self.mantissa == 0 {
            return self;
        }
        Dec { mantissa: self.mantissa, exponent: self.exponent + k }
    }

    pub fn checked_mul(self, other: Dec) -> Option<Dec> {
        Some(Dec::new(self.mantissa.checked_mul(other.mantissa)?, self.exponent + other.exponent))
    }

    pub fn checked_add(self, other: Dec) -> Option<Dec> {
        if self.mantissa == 0 {
            return Some(other);
        }
        if other.mantissa == 0 {
            return Some(self);
        }
        let exp = self.exponent.min(other.exponent);
        let a = self.mantissa.checked_mul(pow10_i128(self.exponent - exp)?)?;
        let b = other.mantissa.checked_mul(pow10_i128(other.exponent - exp)?)?;
        Some(Dec::new(a.checked_add(b)?, exp))
    }

    pub fn checked_sub(self, other: Dec) -> Option<Dec> {
        self.checked_add(-other)
    }

    /// Place value of the last significant digit: 1700 → 100, 1.45 → 0.01, 0 → 1.
    pub fn last_digit_place(self) -> Dec {
        Dec::pow10(self.exponent)
    }

    /// Number of significant digits of the mantissa.
    pub fn significant_digits(self) -> u32 {
        let mut m = self.mantissa.unsigned_abs();
        let mut n = 0;
        while m > 0 {
            m /= 10;
            n += 1;
        }
        n.max(1)
    }

    /// The digits of the mantissa, without sign or exponent: 1.4e12 → "14".
    pub fn digits(self) -> compact_str::CompactString {
        use compact_str::ToCompactString;
        self.mantissa.unsigned_abs().to_compact_string()
    }

    pub fn to_f64(self) -> f64 {
        // Exact fast path: both operands are exact doubles, so one IEEE operation rounds
        // correctly (Clinger). Otherwise go through the decimal string.
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
            1e19, 1e20, 1e21, 1e22,
        ];
        if self.mantissa.unsigned_abs() < (1u128 << 53) && self.exponent.unsigned_abs() <= 22 {
            // Below 2^53 the value fits an i64, whose conversion is one instruction (i128's
            // is a library call).
            let m = self.mantissa as i64 as f64;
            let p = POW10[self.exponent.unsigned_abs() as usize];
            return if self.exponent >= 0 { m * p } else { m / p };
        }
        format!("{}e{}", self.mantissa, self.exponent).parse().unwrap_or(f64::NAN)
    }

    /// Whether the value is a whole number.
    pub fn is_integer(self) -> bool {
        self.exponent >= 0 || self.mantissa == 0
    }

    /// The value as an integer when it is one and fits.
    pub fn to_i128(self) -> Option<i128> {
        if self.exponent < 0 {
            return None;
        }
        self.mantissa.checked_mul(pow10_i128(self.exponent)?)
    }

    /// Parses plain decimal digits with an optional single `.`: "1007", "16.66", ".5".
    pub fn parse_digits(s: &str) -> Option<Dec> {
        let mut mantissa: i128 = 0;
        let mut exponent = 0i32;
        let mut seen_point = false;
        let mut any = false;
        for b in s.bytes() {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
                    if seen_point {
                        exponent -= 1;
                    }
                    any = true;
                }
                b'.' if !seen_point => seen_point = true,
                _ => return None,
            }
        }
        any.then(|| Dec::new(mantissa, exponent))
    }
}

fn pow10_i128(k: i32) -> Option<i128> {
    if !(0..=38).contains(&k) {
        return None;
    }
    10i128.checked_pow(k as u32)
}

impl std::ops::Neg for Dec {
    type Output = Dec;

    fn neg(self) -> Dec {
        Dec { mantissa: -self.mantissa, exponent: self.exponent }
    }
}

impl PartialOrd for Dec {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Dec {
    fn cmp(&self, other: &Self) -> Ordering {
        match self.checked_sub(*other) {
            Some(d) => d.mantissa.cmp(&0),
            None => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.exponent >= 0 {
            write!(f, "{}", self.mantissa)?;
            for _ in 0..self.exponent {
                f.write_str("0")?;
            }
            return Ok(());
        }
        let digits = self.mantissa.unsigned_abs().to_string();
        let frac = (-self.exponent) as usize;
        let sign = if self.mantissa < 0 { "-" } else { "" };
        if digits.len() > frac {
            let (int, dec) = digits.split_at(digits.len() - frac);
            write!(f, "{sign}{int}.{dec}")
        } else {
            write!(f, "{sign}0.{}{digits}", "0".repeat(frac - digits.len()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_words_are_exact() {
        let cases = [
            ("16.4", 8, 1_640_000_000f64),
            ("1.4", 12, 1.4e12),
            ("11.8", 4, 118_000.0),
            ("16.66", 8, 1_666_000_000.0),
            ("0.1", 0, 0.1),
        ];
        for (digits, scale, want) in cases {
            let d = Dec::parse_digits(digits).unwrap().shift(scale);
            assert_eq!(d.to_f64(), want, "{digits}e{scale}");
        }
    }

    #[test]
    fn last_digit_place_and_display() {
        let cases = [("1700", "100"), ("1.45", "0.01"), ("3000", "1000"), ("20.02", "0.01")];
        for (digits, place) in cases {
            let d = Dec::parse_digits(digits).unwrap();
            assert_eq!(d.last_digit_place().to_string(), place);
            assert_eq!(d.to_string(), digits);
        }
    }

    #[test]
    fn fast_and_slow_conversions_agree() {
        for (m, e) in [(2002i128, -2), (1666, 6), (3, -1), (123456789, -30), (1i128 << 60, 3), (7, 25)] {
            let d = Dec::new(m, e);
            let slow: f64 = format!("{m}e{e}").parse().unwrap();
            assert_eq!(d.to_f64(), slow, "{m}e{e}");
        }
    }

    #[test]
    fn addition_and_ordering() {
        let a = Dec::parse_digits("0.1").unwrap();
        let b = Dec::parse_digits("0.2").unwrap();
        assert_eq!(a.checked_add(b).unwrap().to_string(), "0.3");
        assert!(a < b);
        assert_eq!(Dec::parse_digits("12.50").unwrap(), Dec::parse_digits("12.5").unwrap());
        assert_eq!(Dec::parse_digits("."), None);
        assert_eq!(Dec::parse_digits("1.2.3"), None);
    }
}
