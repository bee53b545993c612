//! English numbers: spelled (`one hundred and sixteen`, `twenty-one`), digits with scale
//! words (`2.3 million`, `170 billion`, `10k`, `1,674.5 M`), simple fractions
//! (`two-thirds`, `a half`, `one and a half`) and dozens.
//!
//! Words are matched case-insensitively against the lexicon; words may be joined by
//! spaces or hyphens. Scale words must decrease (`two million three thousand`), as in
//! the written language, so `thousand million` stops after `thousand`.

use super::arabic::arabic_number;
use super::decimal::Dec;
use super::lexicon::Lexicon;
use super::numeral::{Numeral, Script};
use nom::IResult;

/// Options for how much the parser accepts.
#[derive(Clone, Copy, Debug, Default)]
pub struct EnOptions {
    /// Accept several spaces and ` - ` between words (`fifty - two`), as test suites write.
    pub loose_spacing: bool,
}

/// The next ASCII word at the start of `s`: (lowercased word, bytes consumed).
fn word(s: &str) -> Option<(String, usize)> {
    let len = s.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    (len > 0).then(|| (s[..len].to_ascii_lowercase(), len))
}

/// Skips a separator between two words; returns the bytes skipped.
fn separator(s: &str, opts: EnOptions) -> usize {
    let b = s.as_bytes();
    let spaces = |from: usize| b[from..].iter().take_while(|&&c| c == b' ').count();
    let lead = spaces(0);
    if lead > 1 && !opts.loose_spacing {
        return 0;
    }
    if b.get(lead) == Some(&b'-') {
        if lead > 0 && !opts.loose_spacing {
            return 0;
        }
        let trail = spaces(lead + 1);
        if trail > 1 && !opts.loose_spacing || (trail > 0 && lead == 0 && !opts.loose_spacing) {
            return 0;
        }
        return lead + 1 + trail;
    }
    lead
}

#[derive(Default)]
struct Acc {
    total: Dec,
    current: Dec,
    has_ones: bool,
    has_tens: bool,
    has_hundred: bool,
    last_scale: i32,
    scaled: bool,
    words: usize,
    article: bool,
    precision: Dec,
    started_with_digits: bool,
    /// "and" joined the last words to a hundred ("one hundred and thirty").
    and_glued: bool,
    has_point: bool,
}

/// Parses an English number at the start of `input`.
pub fn en_numeral<'a>(lex: &Lexicon, input: &'a str, opts: EnOptions) -> IResult<&'a str, Numeral> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify));
    let mut acc = Acc { last_scale: i32::MAX, precision: Dec::ONE, ..Acc::default() };
    let mut pos = 0usize; // end of the accepted number
    let mut cursor = 0usize; // where the next word may start
    let mut arabic = None;

    if let Ok((rest, a)) = arabic_number(input) {
        acc.current = a.value;
        acc.precision = a.precision;
        acc.has_ones = true;
        acc.has_tens = true;
        acc.started_with_digits = true;
        pos = input.len() - rest.len();
        cursor = pos;
        arabic = Some(a);
        // Glued abbreviations: 10k, 2.5bn, 10M.
        if let Some((w, n)) = word(rest) {
            if let Some(&s) =
                lex.en_scale_abbreviations.get(w.as_str()).or_else(|| lex.en_scale_abbreviations.get(&rest[..n]))
            {
                let exact_case = lex.en_scale_abbreviations.contains_key(&rest[..n]);
                if exact_case {
                    acc.current = acc.current.shift(s);
                    acc.precision = acc.precision.shift(s);
                    acc.scaled = true;
                    acc.last_scale = s;
                    pos += n;
                    cursor = pos;
                }
            }
        }
    }

    let mut prev_was_scale = false;
    loop {
        let sep = if acc.words == 0 && !acc.started_with_digits { 0 } else { separator(&input[cursor..], opts) };
        // "4 thousand 3 hundred and 21": digits may follow a scale word.
        if sep > 0 && prev_was_scale && acc.current.is_zero() {
            if let Ok((rest, a)) = arabic_number(&input[cursor + sep..]) {
                if !a.has_point && a.value < Dec::from_int(1000) {
                    acc.current = a.value;
                    acc.has_ones = true;
                    acc.has_tens = true;
                    acc.words += 1;
                    pos = input.len() - rest.len();
                    cursor = pos;
                    prev_was_scale = false;
                    continue;
                }
            }
        }
        if acc.words > 0 || acc.started_with_digits {
            if sep == 0 && cursor < input.len() && !input[cursor..].starts_with(|c: char| !c.is_ascii_alphabetic()) {
                break;
            }
            if sep == 0 {
                break;
            }
        }
        let at = cursor + sep;
        let Some((w, n)) = word(&input[at..]) else { break };
        let w = w.as_str();
        let next_at = at + n;
        let mut accepted = true;
        if (w == "a" || w == "an") && acc.words == 0 && !acc.started_with_digits {
            // "a hundred", "a million", "a dozen", "a half"
            let after = &input[next_at..];
            let s = separator(after, opts);
            let follows = word(&after[s..]).map(|(w2, _)| w2).unwrap_or_default();
            if s == 0
                || !(lex.en_hundred.contains(&follows)
                    || lex.en_scales.contains_key(&follows)
                    || lex.en_dozen.contains(&follows)
                    || lex.en_denominators.contains_key(&follows))
            {
                return Err(fail());
            }
            acc.current = Dec::ONE;
            acc.article = true;
            acc.words += 1;
            cursor = next_at;
            pos = next_at;
            continue;
        }
        if let Some(&v) = lex.en_ones.get(w) {
            if acc.has_ones || (acc.has_tens && v >= 10) || (acc.has_tens && v == 0) || acc.article {
                accepted = false;
            } else {
                acc.current = acc.current.checked_add(Dec::from_int(i128::from(v))).ok_or_else(fail)?;
                acc.has_ones = true;
                acc.precision = Dec::ONE;
            }
        } else if let Some(&v) = lex.en_tens.get(w) {
            // "one twenty-fifth", "one hundred thirty fifths": a tens word right before an
            // ordinal belongs to the denominator when it cannot join the numerator.
            let ordinal_follows = ordinal_next(lex, &input[next_at..], opts);
            let blocked = acc.has_ones || acc.has_tens || (acc.has_hundred && !acc.and_glued);
            if acc.has_ones || acc.has_tens || acc.article || (ordinal_follows && blocked) {
                accepted = false;
            } else {
                acc.current = acc.current.checked_add(Dec::from_int(i128::from(v))).ok_or_else(fail)?;
                acc.has_tens = true;
                acc.precision = Dec::pow10(1);
            }
        } else if lex.en_hundred.contains(w) {
            if acc.current.is_zero() || acc.has_hundred || acc.last_scale <= 2 {
                accepted = false;
            } else {
                acc.current = acc.current.checked_mul(Dec::pow10(2)).ok_or_else(fail)?;
                acc.precision = acc.precision.shift(2);
                acc.has_hundred = true;
                acc.has_ones = false;
                acc.has_tens = false;
                acc.article = false;
            }
        } else if let Some(&s) = lex.en_scales.get(w) {
            if acc.current.is_zero()
                && acc.scaled
                && !acc.total.is_zero()
                && s > acc.last_scale.min(s - 1)
                && acc.words > 0
                && prev_was_scale
            {
                // "three lakh crore": adjacent scales multiply
                acc.total = acc.total.checked_mul(Dec::pow10(s)).ok_or_else(fail)?;
                acc.precision = acc.precision.shift(s);
                acc.last_scale = acc.last_scale.saturating_add(s);
            } else if acc.current.is_zero() || s >= acc.last_scale {
                accepted = false;
            } else {
                acc.total =
                    acc.total.checked_add(acc.current.checked_mul(Dec::pow10(s)).ok_or_else(fail)?).ok_or_else(fail)?;
                acc.precision = acc.precision.shift(s);
                acc.current = Dec::ZERO;
                acc.last_scale = s;
                acc.scaled = true;
                acc.has_ones = false;
                acc.has_tens = false;
                acc.has_hundred = false;
                acc.article = false;
            }
        } else if let (Some(&s), true) = (
            lex.en_scale_abbreviations.get(&input[at..next_at]).or_else(|| lex.en_scale_abbreviations.get(w)),
            acc.started_with_digits && acc.words == 0,
        ) {
            // "2.33 k", "10 bln": an abbreviation after a space, right after the digits.
            let ambiguous = lex.en_ambiguous_abbreviations.contains(&input[at..next_at])
                || lex.en_ambiguous_abbreviations.contains(w);
            if acc.scaled || ambiguous && !opts.loose_spacing {
                accepted = false;
            } else {
                acc.current = acc.current.shift(s);
                acc.precision = acc.precision.shift(s);
                acc.scaled = true;
                acc.last_scale = s;
            }
        } else if w == "and" {
            // "one hundred and six", "two million and three"
            let after = &input[next_at..];
            let s = separator(after, opts);
            let follows = word(&after[s..]).map(|(w2, _)| w2).unwrap_or_default();
            let digit_follows = after[s..].starts_with(|c: char| c.is_ascii_digit());
            let number_follows =
                lex.en_ones.contains_key(&follows) || lex.en_tens.contains_key(&follows) || digit_follows;
            if s == 0 || !(acc.has_hundred || acc.scaled) || !number_follows || follows == "a" {
                break;
            }
            // "twenty million and two thirds", "one hundred and three quarters": a fraction
            // after "and" is added, not read as the tail of the whole number.
            if let Some(den) = denominator_after_cardinal(lex, &after[s..], opts) {
                let added = acc.and_glued
                    || !acc.has_hundred
                    || acc.scaled
                    || [
                        "half",
                        "halves",
                        "quarter",
                        "quarters",
                        "hundredth",
                        "hundredths",
                        "thousandth",
                        "thousandths",
                    ]
                    .contains(&den.as_str());
                if added {
                    break;
                }
            }
            if digit_follows && hundred_after_digits(lex, &after[s..]) {
                break;
            }
            acc.and_glued = true;
            cursor = next_at;
            if digit_follows {
                // "3 hundred and 21"
                let (rest, a) = arabic_number(&after[s..])?;
                if a.has_point || a.value >= Dec::from_int(100) || a.value.is_zero() {
                    break;
                }
                acc.current = acc.current.checked_add(a.value).ok_or_else(fail)?;
                acc.has_ones = true;
                acc.has_tens = true;
                acc.precision = Dec::ONE;
                pos = input.len() - rest.len();
                cursor = pos;
                acc.words += 1;
            }
            continue;
        } else if lex.en_dozen.contains(w) {
            let base = if acc.current.is_zero() { Dec::ONE } else { acc.current };
            acc.current = base.checked_mul(Dec::from_int(12)).ok_or_else(fail)?;
            acc.precision = Dec::ONE;
            acc.article = false;
            acc.words += 1;
            pos = next_at;
            break;
        } else {
            accepted = false;
        }
        if !accepted {
            if lex.en_point.contains(w) && (acc.words > 0 || acc.started_with_digits) && !acc.scaled {
                // "two hundred point zero three", "point seventy-one"
                if let Some((frac, len)) = point_digits(lex, &input[next_at..], opts) {
                    let whole = acc.total.checked_add(acc.current).ok_or_else(fail)?;
                    acc.total = Dec::ZERO;
                    acc.current = whole.checked_add(frac).ok_or_else(fail)?;
                    acc.precision = frac.last_digit_place();
                    acc.words += 1;
                    pos = next_at + len;
                    acc.has_point = true;
                }
            }
            break;
        }
        prev_was_scale = lex.en_scales.contains_key(w);
        acc.words += 1;
        cursor = next_at;
        pos = next_at;
    }

    if acc.words == 0 && !acc.started_with_digits {
        return Err(fail());
    }
    if acc.article && !acc.scaled && !acc.has_hundred && acc.current == Dec::ONE && acc.words <= 1 {
        return Err(fail());
    }
    let value = acc.total.checked_add(acc.current).ok_or_else(fail)?;
    let script = if acc.started_with_digits { Script::Arabic } else { Script::English };
    let mut numeral = Numeral::plain(value, acc.precision, script);
    numeral.scaled = acc.scaled;
    numeral.has_point = acc.has_point;
    numeral.scale = if acc.scaled && acc.last_scale != i32::MAX { acc.last_scale } else { 0 };
    numeral.article = acc.article;
    if let Some(a) = arabic {
        numeral.has_point = a.has_point;
        numeral.integer_digits = a.integer_digits;
        numeral.has_separator = a.has_separator;
        numeral.digit_string = !a.has_point && !acc.scaled && acc.words == 0;
        if !acc.scaled && acc.words == 0 {
            numeral.precision = a.precision;
        }
    }
    Ok((&input[pos..], numeral))
}

/// Whether the next word after a separator is an ordinal that can end a denominator.
fn ordinal_next(lex: &Lexicon, s: &str, opts: EnOptions) -> bool {
    let sep = separator(s, opts);
    sep > 0 && word(&s[sep..]).is_some_and(|(w, _)| lex.en_ordinal_ones.contains_key(&w))
}

/// The denominator word after a run of cardinal words: "three fifths" → "fifths".
fn denominator_after_cardinal(lex: &Lexicon, s: &str, opts: EnOptions) -> Option<String> {
    let mut rest = s;
    let mut any = false;
    loop {
        let (w, n) = word(rest)?;
        if lex.en_ones.contains_key(&w) || lex.en_tens.contains_key(&w) || (w == "a" || w == "an") && !any {
            any = true;
            let sep = separator(&rest[n..], opts);
            if sep == 0 {
                return None;
            }
            rest = &rest[n + sep..];
            continue;
        }
        return (any && lex.en_denominators.contains_key(&w)).then_some(w);
    }
}

/// Whether digits are followed by "hundred" ("3 hundred and 2 hundred").
fn hundred_after_digits(lex: &Lexicon, s: &str) -> bool {
    let Ok((rest, _)) = arabic_number(s) else { return false };
    let rest = rest.trim_start_matches(' ');
    word(rest).is_some_and(|(w, _)| lex.en_hundred.contains(&w))
}

/// Digits after "point", read one word at a time: "zero three" → .03, "seventy-one" → .71.
fn point_digits(lex: &Lexicon, s: &str, opts: EnOptions) -> Option<(Dec, usize)> {
    let mut digits = String::new();
    let mut pos = 0usize;
    loop {
        let sep = separator(&s[pos..], opts);
        if sep == 0 {
            break;
        }
        let Some((w, n)) = word(&s[pos + sep..]) else { break };
        if let Some(&v) = lex.en_ones.get(&w) {
            digits.push_str(&v.to_string());
        } else if let Some(&v) = lex.en_tens.get(&w) {
            // "seventy-one": the tens and the ones that follow are two digits
            let after = &s[pos + sep + n..];
            let sep2 = separator(after, opts);
            match word(&after[sep2..])
                .and_then(|(w2, n2)| lex.en_ones.get(&w2).filter(|v| **v < 10 && sep2 > 0).map(|v| (*v, n2)))
            {
                Some((ones, n2)) => {
                    digits.push_str(&(v + ones).to_string());
                    pos += sep + n + sep2 + n2;
                    continue;
                }
                None => digits.push_str(&v.to_string()),
            }
        } else {
            break;
        }
        pos += sep + n;
    }
    if digits.is_empty() {
        return None;
    }
    Some((Dec::parse_digits(&format!("0.{digits}"))?, pos))
}

/// A fraction written in words right after a numerator: "two thirds", "a half",
/// "three-quarters". Returns the denominator and the bytes consumed.
pub fn denominator(lex: &Lexicon, input: &str, opts: EnOptions) -> Option<(u64, usize)> {
    let sep = separator(input, opts);
    if sep == 0 {
        return None;
    }
    let (w, n) = word(&input[sep..])?;
    let d = *lex.en_denominators.get(w.as_str())?;
    Some((d, sep + n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(input: &str) -> Option<(String, &str)> {
        let lex = Lexicon::builtin();
        let (rest, n) = en_numeral(&lex, input, EnOptions::default()).ok()?;
        Some((n.value.to_string(), rest))
    }

    #[test]
    fn values() {
        let cases = [
            ("1.4 trillion yuan", "1400000000000", " yuan"),
            ("170 billion yuan", "170000000000", " yuan"),
            ("2.3 million.", "2300000", "."),
            ("100,000 medical", "100000", " medical"),
            ("one hundred and sixteen", "116", ""),
            ("twenty-one trillion three hundred", "21000000000300", ""),
            ("two hundred and two thousand", "202000", ""),
            ("a million people", "1000000", " people"),
            ("Three hundred and thirty one", "331", ""),
            ("10k", "10000", ""),
            ("322 hundred", "32200", ""),
            ("3 hundred and 21 yuan", "321", " yuan"),
            ("a dozen eggs", "12", " eggs"),
            ("three dozens", "36", ""),
            ("sixteen", "16", ""),
            ("eight times", "8", " times"),
            ("1,674.5 million", "1674500000", ""),
            ("5 million in new funding", "5000000", " in new funding"),
        ];
        for (input, value, rest) in cases {
            let got = parse(input).unwrap_or_else(|| panic!("{input}: no parse"));
            assert_eq!((got.0.as_str(), got.1), (value, rest), "{input}");
        }
    }

    #[test]
    fn not_numbers() {
        for input in ["a", "an apple", "and", "hundred", "million", "the"] {
            assert_eq!(parse(input), None, "{input}");
        }
    }
}
