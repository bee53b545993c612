//! Fractions, and the number forms only test suites write.
//!
//! `三分之二`, `2/3` and `two-thirds` become ratios (stated as percents in claims).
//! In permissive mode (the peer-suite harness) also: mixed fractions (`三百五又三分之一`,
//! `1 3/5`), exponents (`2e5`, `1.1^23`) and dozens (`十打`), which news text does not use.

use super::arabic;
use super::lang::en::denominator;
use super::lang::zh::zh_numeral;
use super::lang::Mode;
use super::numeral::Script;
use super::scan::{Extractor, Parsed};

impl Extractor {
    /// 三分之二, 2/3, two-thirds: the numeral becomes a ratio, stated as a percent.
    pub(crate) fn fraction(&self, text: &str, p: &mut Parsed) {
        let lex = self.lexicon();
        let permissive = self.mode.is_permissive();
        let after = &text[p.end..];
        let denominator_value = p.numeral.value.to_f64();
        if let Some(num_len) = zh_fraction_marker(after, permissive) {
            let mut num_text = &after[num_len..];
            let sign = num_text.chars().next().filter(|c| permissive && lex.zh_negative().contains(c));
            let negative_numerator = sign.is_some();
            if let Some(sign) = sign {
                num_text = &num_text[sign.len_utf8()..];
            }
            if let Ok((tail, n)) = zh_numeral(lex, num_text, self.mode) {
                if denominator_value != 0.0 && !p.numeral.more && !n.more {
                    let sign = if negative_numerator != p.numeral.negative { -1.0 } else { 1.0 };
                    p.numeral.ratio = Some((sign * n.value.to_f64(), denominator_value));
                    p.numeral.negative = false;
                    p.numeral.scaled = false;
                    p.end = text.len() - tail.len();
                    p.percent_scale = Some(2);
                }
            }
            return;
        }
        if p.numeral.script == Script::Arabic && p.numeral.digit_string && after.starts_with(['/', '／']) {
            let num = p.numeral.value.to_f64();
            let slash = after.chars().next().map_or(1, char::len_utf8);
            if let Ok((tail, d)) = arabic::arabic_number(&after[slash..]) {
                let den = d.value.to_f64();
                let next = tail.chars().next();
                let compound = next.is_some_and(|c| c == '/' || c == '.' || arabic::is_digit(c));
                let before_ok = !text[..p.start].ends_with('/');
                // 4/15 and 5/24 are dates; a fraction has a small denominator or says so.
                let marked = ["以上", "以下", "的", " of"].iter().any(|m| tail.starts_with(m));
                let plausible = den > num && den <= 1000.0 && num > 0.0 && (den <= 10.0 || marked);
                if !d.has_point && den > 0.0 && !compound && before_ok && (plausible || permissive) {
                    p.numeral.ratio = Some((num, den));
                    p.end = text.len() - tail.len();
                    p.percent_scale = Some(2);
                }
            }
            return;
        }
        if matches!(p.numeral.script, Script::English | Script::Arabic) {
            self.english_fraction(text, p);
        }
    }

    /// Mixed fractions, exponents and dozens (permissive mode only).
    pub(crate) fn test_suite_forms(&self, text: &str, p: &mut Parsed) {
        let lex = self.lexicon();
        let after = &text[p.end..];
        // 三百五又三分之一, 1 3/5
        let mixed = after.trim_start_matches(' ');
        let joiner = if let Some(rest) = mixed.strip_prefix(|c: char| lex.zh_mixed_fraction().contains(&c)) {
            Some(rest.trim_start_matches(' '))
        } else if p.numeral.script == Script::Arabic
            && after.starts_with(' ')
            && mixed.starts_with(|c: char| arabic::is_digit(c))
        {
            Some(mixed)
        } else {
            None
        };
        if let (Some(rest), None) = (joiner, p.numeral.ratio) {
            let at = text.len() - rest.len();
            if let Some(frac) = self.parse_number(text, at) {
                if let Some((n, d)) = frac.numeral.ratio {
                    let whole = p.numeral.value.to_f64();
                    p.numeral.ratio = Some((whole * d + n, d));
                    p.end = frac.end;
                    p.percent_scale = Some(2);
                    return;
                }
            }
        }
        // 1 234 567: digits grouped by single spaces, three to a group
        if p.numeral.script == Script::Arabic && p.numeral.digit_string && p.numeral.integer_digits <= 3 {
            let mut value = p.numeral.value;
            let mut end = p.end;
            while let Some(group) = text[end..].strip_prefix(' ') {
                let digits = group.bytes().take_while(u8::is_ascii_digit).count();
                let next = group[digits..].chars().next();
                let decimal = (next == Some('.') || next == Some(','))
                    && group[digits + 1..].starts_with(|c: char| c.is_ascii_digit());
                if digits != 3 || next.is_some_and(|c| c.is_ascii_digit()) || decimal {
                    break;
                }
                value = value
                    .shift(3)
                    .checked_add(super::Dec::parse_digits(&group[..3]).unwrap_or_default())
                    .unwrap_or(value);
                end += 4;
            }
            if end > p.end {
                p.numeral.value = value;
                p.end = end;
                return;
            }
        }
        if p.numeral.script == Script::Arabic && p.numeral.ratio.is_none() {
            if let Some((value, len)) = comma_decimal(&text[p.start..p.end], after) {
                p.numeral.ratio = Some((value, 1.0));
                p.end += len;
                return;
            }
            if let Some((len, value)) = exponent(after, p.numeral.value.to_f64()) {
                p.numeral.ratio = Some((value, 1.0));
                p.end += len;
                return;
            }
        }
        if let Some(rest) = after.strip_prefix(|c: char| lex.zh_dozen().contains(&c)) {
            if p.numeral.ratio.is_none() && !p.numeral.scaled {
                p.numeral.value = p.numeral.value.checked_mul(super::Dec::from_int(12)).unwrap_or(p.numeral.value);
                p.end = text.len() - rest.len();
            }
        }
    }
}

impl Extractor {
    /// "two thirds", "one and a half", "three twenty-firsts", "two thirds of a million",
    /// and in permissive mode "one over three": the numeral becomes a ratio.
    fn english_fraction(&self, text: &str, p: &mut Parsed) {
        let lex = self.lexicon();
        let permissive = self.mode.is_permissive();
        let whole = p.numeral.value.to_f64();
        let after = &text[p.end..];
        let english = p.numeral.script == Script::English;
        // W Dths: the whole number is the numerator.
        if english && (!p.numeral.scaled || permissive) {
            if let Some((den, len)) = denominator_phrase(lex, after, self.mode) {
                let hyphen = after.starts_with('-');
                let rest = &text[p.end + len..];
                let of_follows = rest.trim_start().to_ascii_lowercase().starts_with("of ");
                if hyphen || of_follows || permissive {
                    let (scale, scale_len) = scale_after(lex, rest);
                    p.numeral.ratio = Some((whole * scale, den));
                    p.end += len + scale_len;
                    p.percent_scale = (scale_len == 0).then_some(2);
                    p.numeral.scaled |= scale_len > 0;
                }
                return;
            }
        }
        // W and a half, W and three fifths, three million and a quarter
        if let Some(rest) = after.strip_prefix(" and ") {
            let at = text.len() - rest.len();
            if let Some((n, d, len)) = self.fraction_words(text, at) {
                let tail = &text[at + len..];
                let (scale, scale_len) = scale_after(lex, tail);
                let part = n / d;
                let value = if scale_len > 0 && p.numeral.scaled {
                    whole + part * scale
                } else if scale_len > 0 {
                    (whole + part) * scale
                } else if p.numeral.scaled {
                    whole + part * 10f64.powi(p.numeral.scale)
                } else {
                    whole + part
                };
                p.numeral.ratio = Some((value, 1.0));
                p.numeral.scaled |= scale_len > 0;
                p.end = at + len + scale_len;
                return;
            }
        }
        if permissive {
            for word in lex.en_fraction_connectors() {
                let connector = format!(" {word} ");
                if let Some(rest) = after.strip_prefix(connector.as_str()) {
                    let at = text.len() - rest.len();
                    let den = self.parse_number_plain(text, at).filter(|q| q.numeral.ratio.is_none());
                    if let Some(q) = den.filter(|q| q.numeral.value.to_f64() != 0.0) {
                        let d = q.numeral.value.to_f64();
                        // "2000 over 3" is a quotient, "$2000 over 3 years" a duration;
                        // "one out of three" is a share, "12 out of 10" is not.
                        let word_follows =
                            text[q.end..].trim_start_matches(' ').starts_with(|c: char| c.is_ascii_alphabetic());
                        let ok = if word == "over" { !word_follows } else { whole < d };
                        if ok {
                            p.numeral.ratio = Some((whole, d));
                            p.end = q.end;
                        }
                        return;
                    }
                }
            }
        }
    }

    /// A fraction in words at `at`: "a half", "three fifths", "one fourth": (n, d, bytes).
    pub(crate) fn fraction_words(&self, text: &str, at: usize) -> Option<(f64, f64, usize)> {
        let lex = self.lexicon();
        let rest = &text[at..];
        let lower = rest.get(..rest.len().min(3)).unwrap_or("").to_ascii_lowercase();
        let (n, n_len) = if lower.starts_with("a ") || lower.starts_with("an ") {
            (1.0, if lower.starts_with("a ") { 1 } else { 2 })
        } else {
            let q = self.parse_number_plain(text, at)?;
            (q.numeral.value.to_f64(), q.end - at)
        };
        let (d, d_len) = denominator_phrase(lex, &rest[n_len..], self.mode)?;
        Some((n, d, n_len + d_len))
    }
}

/// A denominator right after a numerator: " thirds", "-quarters", " twenty-firsts",
/// " thirty fifths": (denominator, bytes).
fn denominator_phrase(lex: &super::Lexicon, after: &str, mode: Mode) -> Option<(f64, usize)> {
    if let Some((d, len)) = denominator(lex, after, mode) {
        return Some((d as f64, len));
    }
    // a tens word and an ordinal: twenty-first (21), thirty fifths (35)
    let (tens_word, tens_end) = spaced_word(after)?;
    let tens = *lex.en_tens().get(&tens_word)?;
    let (ord_word, ord_end) = spaced_word(&after[tens_end..])?;
    let ones = *lex.en_ordinal_ones().get(&ord_word)?;
    Some(((tens + ones) as f64, tens_end + ord_end))
}

/// A word after one to three spaces or hyphens: (lowercased word, bytes up to its end).
fn spaced_word(s: &str) -> Option<(String, usize)> {
    let sep = s.len() - s.trim_start_matches([' ', '-']).len();
    if sep == 0 || sep > 3 {
        return None;
    }
    let len = s[sep..].bytes().take_while(u8::is_ascii_alphabetic).count();
    (len > 0).then(|| (s[sep..sep + len].to_ascii_lowercase(), sep + len))
}

/// A scale word after a fraction: " million", " of a million": (10^scale, bytes).
fn scale_after(lex: &super::Lexicon, rest: &str) -> (f64, usize) {
    for lead in [" of a ", " of an ", " "] {
        if let Some(r) = rest.strip_prefix(lead) {
            let len = r.bytes().take_while(u8::is_ascii_alphabetic).count();
            if let Some(&s) = lex.en_scales().get(&r[..len].to_ascii_lowercase()) {
                return (10f64.powi(s), lead.len() + len);
            }
        }
    }
    (1.0, 0)
}

/// `分之` (with spaces in permissive mode): the bytes it takes.
fn zh_fraction_marker(after: &str, permissive: bool) -> Option<usize> {
    if permissive {
        let rest = after.trim_start_matches(' ').strip_prefix('分')?.trim_start_matches(' ').strip_prefix('之')?;
        let rest_trimmed = rest.trim_start_matches(' ');
        return Some(after.len() - rest_trimmed.len());
    }
    after.starts_with("分之").then_some("分之".len())
}

/// Decimal commas and Indian grouping, as some suites write: `5,00`, `1,3`,
/// `1.111,11` (European), `12,34,567.89` (lakh grouping): (value, extra bytes).
fn comma_decimal(number: &str, after: &str) -> Option<(f64, usize)> {
    let digits_after = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = after.strip_prefix(',')?;
    let n = digits_after(rest);
    let next = rest[n..].chars().next();
    if (1..=2).contains(&n)
        && !next
            .is_some_and(|c| c.is_ascii_digit() || c == ',' && rest[n + 1..].starts_with(|d: char| d.is_ascii_digit()))
    {
        // 5,00 and 1,3 and 1.111,11
        let whole: String = number.chars().filter(|c| c.is_ascii_digit()).collect();
        let value: f64 = format!("{whole}.{}", &rest[..n]).parse().ok()?;
        return Some((value, 1 + n));
    }
    if number.contains('.') || number.len() > 2 {
        return None;
    }
    // 12,34,567.89: two-digit groups, then a three-digit group
    let mut digits = number.to_string();
    let mut pos = 0usize;
    let mut groups = Vec::new();
    while let Some(r) = after[pos..].strip_prefix(',') {
        let n = digits_after(r);
        groups.push(n);
        digits.push_str(&r[..n]);
        pos += 1 + n;
        if n != 2 {
            break;
        }
    }
    if groups.len() < 2 || groups.last() != Some(&3) || groups[..groups.len() - 1].iter().any(|g| *g != 2) {
        return None;
    }
    let mut value: f64 = digits.parse().ok()?;
    if let Some(frac) = after[pos..].strip_prefix('.') {
        let n = digits_after(frac);
        value = format!("{digits}.{}", &frac[..n]).parse().ok()?;
        pos += 1 + n;
    }
    Some((value, pos))
}

/// `e5`, `E-1`, `^23`, `^-1` after a number: (bytes, resulting value).
fn exponent(after: &str, base: f64) -> Option<(usize, f64)> {
    let (power, rest) = if let Some(r) = after.strip_prefix("x10^").or_else(|| after.strip_prefix("×10^")) {
        (false, r)
    } else if let Some(r) = after.strip_prefix(['e', 'E']) {
        (false, r)
    } else {
        (true, after.strip_prefix('^')?)
    };
    let signs: String = rest.chars().take_while(|c| matches!(c, '+' | '-' | '－')).collect();
    let digits_from = &rest[signs.len()..];
    let (tail, n) = arabic::arabic_number(digits_from).ok()?;
    if n.has_point {
        return None;
    }
    let negative = signs.chars().filter(|c| *c != '+').count() % 2 == 1;
    let e = n.value.to_f64() * if negative { -1.0 } else { 1.0 };
    let value = if power { base.powf(e) } else { base * 10f64.powf(e) };
    Some((after.len() - tail.len(), value))
}
