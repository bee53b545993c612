//! Arabic-digit numbers: `1007`, `1,007`, `16.66`, `１００７`, `１１．６`, `.5`.
//!
//! Full-width digits and the full-width decimal point are read as they stand, so spans
//! stay on the original characters. A comma groups thousands only when exactly three
//! digits follow it; anything else ends the number (`1, 234` is two numbers).

use super::decimal::Dec;
use nom::IResult;

/// The value of an ASCII or full-width digit.
pub fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | '，' | '\u{202f}')
}

fn is_decimal_point(c: char) -> bool {
    matches!(c, '.' | '．')
}

/// A parsed run of Arabic digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArabicNumber {
    pub value: Dec,
    /// Place value of the last written digit: `1700` → 1, `1.40` → 0.01.
    pub precision: Dec,
    /// Digits before the decimal point, as written (`2016` → 4).
    pub integer_digits: usize,
    pub has_point: bool,
    pub has_separator: bool,
    /// Every digit was full-width.
    pub full_width: bool,
}

/// Whether the group separator `c`, followed by `rest`, separates thousands: exactly three
/// digits follow and then no fourth, a full-width comma only between full-width digits,
/// the first group at most three digits long, and every group before it three long.
fn separates_thousands(
    c: char,
    rest: &str,
    full_width: bool,
    since_separator: Option<usize>,
    integer_digits: usize,
) -> bool {
    let mut ahead_buf = ['\0'; 4];
    let mut ahead_len = 0;
    for (slot, ch) in ahead_buf.iter_mut().zip(rest.chars()) {
        *slot = ch;
        ahead_len += 1;
    }
    let ahead = &ahead_buf[..ahead_len];
    let three = ahead.len() >= 3 && ahead[..3].iter().all(|&d| is_digit(d));
    let fourth = ahead.get(3).copied().is_some_and(is_digit);
    let width_ok = c != '，' || (ahead[..3.min(ahead.len())].iter().all(|&d| d > '9') && full_width);
    let first_group_ok = since_separator.is_some() || integer_digits <= 3;
    three && !fourth && width_ok && first_group_ok && since_separator.is_none_or(|n| n == 3)
}

/// nom parser for one Arabic number at the start of `input`.
pub fn arabic_number(input: &str) -> IResult<&str, ArabicNumber> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Digit));
    let mut chars = input.char_indices().peekable();
    // The value is accumulated as the digits are read (no string per number); a value
    // that no longer fits fails the parse at once, as `Dec::parse_digits` would, so a run
    // of a million digits costs the scanner forty digits at each place, not the window.
    let mut mantissa: i128 = 0;
    let mut integer_digits = 0usize;
    let mut has_point = false;
    let mut has_separator = false;
    let mut full_width = true;
    let mut end = 0usize;
    let mut frac_digits = 0i32;
    let mut since_separator: Option<usize> = None;

    // A leading point is allowed only before a digit: ".5".
    if let Some(&(_, c)) = chars.peek() {
        if is_decimal_point(c) {
            let rest = &input[c.len_utf8()..];
            if !rest.chars().next().is_some_and(is_digit) {
                return Err(fail());
            }
            chars.next();
            has_point = true;
        }
    }

    while let Some(&(i, c)) = chars.peek() {
        if let Some(d) = digit_value(c) {
            full_width &= c > '9';
            mantissa = mantissa.checked_mul(10).and_then(|m| m.checked_add(i128::from(d))).ok_or_else(fail)?;
            if has_point {
                frac_digits += 1;
            } else {
                integer_digits += 1;
                if let Some(n) = since_separator.as_mut() {
                    *n += 1;
                    if *n > 3 {
                        return Err(fail());
                    }
                }
            }
            end = i + c.len_utf8();
            chars.next();
            continue;
        }
        let rest = &input[i + c.len_utf8()..];
        if is_group_separator(c) && !has_point && integer_digits > 0 {
            if !separates_thousands(c, rest, full_width, since_separator, integer_digits) {
                break;
            }
            has_separator = true;
            since_separator = Some(0);
            chars.next();
            continue;
        }
        if is_decimal_point(c) && !has_point && rest.chars().next().is_some_and(is_digit) {
            if c == '．' && !full_width {
                break;
            }
            has_point = true;
            chars.next();
            continue;
        }
        break;
    }
    if integer_digits == 0 && frac_digits == 0 {
        return Err(fail());
    }
    if since_separator.is_some_and(|n| n != 3) {
        return Err(fail());
    }
    let value = Dec::new(mantissa, -frac_digits);
    let precision = Dec::pow10(-frac_digits);
    Ok((&input[end..], ArabicNumber { value, precision, integer_digits, has_point, has_separator, full_width }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // input, value, rest
        let cases = [
            ("1007家", "1007", "家"),
            ("1,007 urban", "1007", " urban"),
            ("16.66億", "16.66", "億"),
            ("１００７家", "1007", "家"),
            ("１１．６％", "11.6", "％"),
            ("４，５６５", "4565", ""),
            ("1, 234", "1", ", 234"),
            ("1,050,000,000", "1050000000", ""),
            ("10,000.233", "10000.233", ""),
            (".5", "0.5", ""),
            ("192.168.1.2", "192.168", ".1.2"),
            ("2.3万", "2.3", "万"),
            ("100,00", "100", ",00"),
            ("1,2345", "1", ",2345"),
            ("25，支持", "25", "，支持"),
        ];
        for (input, value, rest) in cases {
            let (r, n) = arabic_number(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!((n.value.to_string().as_str(), r), (value, rest), "{input}");
        }
    }

    #[test]
    fn precision_follows_written_digits() {
        let cases = [("1700", "1"), ("1.40", "0.01"), ("3000", "1"), ("1007", "1")];
        for (input, precision) in cases {
            let (_, n) = arabic_number(input).unwrap();
            assert_eq!(n.precision.to_string(), precision, "{input}");
        }
    }

    #[test]
    fn not_numbers() {
        for input in ["", "abc", ".", ".x", "，1"] {
            assert!(arabic_number(input).is_err(), "{input}");
        }
    }
}
