//! Fractions, and the number forms only test suites write.
//!
//! `三分之二`, `2/3` and `two-thirds` become ratios (stated as percents in claims).
//! In permissive mode (the peer-suite harness) also: mixed fractions (`三百五又三分之一`,
//! `1 3/5`), exponents (`2e5`, `1.1^23`) and dozens (`十打`), which news text does not use.

use super::en::denominator;
use super::numeral::Script;
use super::scan::{Extractor, Parsed};
use super::{arabic, zh::zh_numeral};

impl Extractor {
    /// 三分之二, 2/3, two-thirds: the numeral becomes a ratio, stated as a percent.
    pub(crate) fn fraction(&self, text: &str, p: &mut Parsed) {
        let lex = self.lexicon();
        let permissive = self.zh_opts.spaces;
        let after = &text[p.end..];
        let denominator_value = p.numeral.value.to_f64();
        if let Some(num_len) = zh_fraction_marker(after, permissive) {
            let mut num_text = &after[num_len..];
            let negative_numerator = permissive && (num_text.starts_with('负') || num_text.starts_with('負'));
            if negative_numerator {
                num_text = &num_text['负'.len_utf8()..];
            }
            if let Ok((tail, n)) = zh_numeral(lex, num_text, self.zh_opts) {
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
        if p.numeral.script == Script::English && !p.numeral.scaled {
            if let Some((den, len)) = denominator(lex, after, self.en_opts) {
                let hyphen = after.starts_with('-');
                let of_follows = text[p.end + len..].trim_start().to_ascii_lowercase().starts_with("of ");
                let num = p.numeral.value.to_f64();
                if (hyphen || of_follows || permissive) && num < den as f64 {
                    p.numeral.ratio = Some((num, den as f64));
                    p.end += len;
                    p.percent_scale = Some(2);
                }
            }
        }
    }

    /// Mixed fractions, exponents and dozens (permissive mode only).
    pub(crate) fn test_suite_forms(&self, text: &str, p: &mut Parsed) {
        let lex = self.lexicon();
        let after = &text[p.end..];
        // 三百五又三分之一, 1 3/5
        let mixed = after.trim_start_matches(' ');
        let joiner = if let Some(rest) = mixed.strip_prefix('又') {
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
                if let Some((n, d)) = frac.numeral.ratio.filter(|(n, d)| n.abs() < d.abs() || rest.len() < mixed.len())
                {
                    let whole = p.numeral.value.to_f64();
                    p.numeral.ratio = Some((whole * d + n, d));
                    p.end = frac.end;
                    p.percent_scale = Some(2);
                    return;
                }
            }
        }
        if p.numeral.script == Script::Arabic && p.numeral.ratio.is_none() {
            if let Some((len, value)) = exponent(after, p.numeral.value.to_f64()) {
                p.numeral.ratio = Some((value, 1.0));
                p.end += len;
                return;
            }
        }
        if let Some(rest) = after.strip_prefix(|c: char| lex.zh_dozen.contains(&c)) {
            if p.numeral.ratio.is_none() && !p.numeral.scaled {
                p.numeral.value = p.numeral.value.checked_mul(super::Dec::from_int(12)).unwrap_or(p.numeral.value);
                p.end = text.len() - rest.len();
            }
        }
    }
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

/// `e5`, `E-1`, `^23`, `^-1` after a number: (bytes, resulting value).
fn exponent(after: &str, base: f64) -> Option<(usize, f64)> {
    let (power, rest) =
        if let Some(r) = after.strip_prefix(['e', 'E']) { (false, r) } else { (true, after.strip_prefix('^')?) };
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
