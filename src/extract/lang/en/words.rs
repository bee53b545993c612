//! The words of an English number and what joins them, as nom parsers.
//!
//! A word is a run of ASCII letters, matched case-insensitively against the lexicon.
//! Words are joined by one space or one hyphen (`twenty-one`, `two million`); permissive
//! mode also takes runs of spaces and spaced hyphens (`fifty - two`), as test suites write.

use crate::extract::arabic::arabic_number;
use crate::extract::decimal::Dec;
use crate::extract::lang::Mode;
use crate::extract::lexicon::Lexicon;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char as one_char, one_of};
use nom::combinator::{not, opt, recognize};
use nom::sequence::{pair, terminated};
use nom::IResult;

/// A run of ASCII letters.
fn letters(s: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_alphabetic())(s)
}

/// The next word at the start of `s`: (lowercased word, bytes consumed).
pub(super) fn word(s: &str) -> Option<(String, usize)> {
    letters(s).ok().map(|(_, w)| (w.to_ascii_lowercase(), w.len()))
}

/// One space not followed by another space or a hyphen, or one hyphen not followed by
/// a space: how news joins number words.
fn tight_separator(s: &str) -> IResult<&str, &str> {
    alt((terminated(tag("-"), not(one_char(' '))), terminated(tag(" "), not(one_of(" -")))))(s)
}

/// Any spaces, then optionally a hyphen and any spaces.
fn loose_separator(s: &str) -> IResult<&str, &str> {
    let spaces = || take_while(|c| c == ' ');
    recognize(pair(spaces(), opt(pair(one_char('-'), spaces()))))(s)
}

/// The bytes of the separator between two words at the start of `s`; 0 when there is
/// none.
pub(super) fn separator(s: &str, mode: Mode) -> usize {
    let parsed = if mode.is_permissive() { loose_separator(s) } else { tight_separator(s) };
    parsed.map_or(0, |(_, sep)| sep.len())
}

/// Whether the next word after a separator is an ordinal that can end a denominator.
pub(super) fn ordinal_next(lex: &Lexicon, s: &str, mode: Mode) -> bool {
    let sep = separator(s, mode);
    sep > 0 && word(&s[sep..]).is_some_and(|(w, _)| lex.en_ordinal_ones().contains_key(&w))
}

/// The denominator word after a run of cardinal words: "three fifths" → "fifths".
pub(super) fn denominator_after_cardinal(lex: &Lexicon, s: &str, mode: Mode) -> Option<String> {
    let mut rest = s;
    let mut any = false;
    loop {
        let (w, n) = word(rest)?;
        if lex.en_ones().contains_key(&w) || lex.en_tens().contains_key(&w) || (w == "a" || w == "an") && !any {
            any = true;
            let sep = separator(&rest[n..], mode);
            if sep == 0 {
                return None;
            }
            rest = &rest[n + sep..];
            continue;
        }
        return (any && lex.en_denominators().contains_key(&w)).then_some(w);
    }
}

/// Whether digits are followed by "hundred" ("3 hundred and 2 hundred").
pub(super) fn hundred_after_digits(lex: &Lexicon, s: &str) -> bool {
    let Ok((rest, _)) = arabic_number(s) else { return false };
    let rest = rest.trim_start_matches(' ');
    word(rest).is_some_and(|(w, _)| lex.en_hundred().contains(&w))
}

/// Digits after "point", read one word at a time: "zero three" → .03, "seventy-one" → .71.
pub(super) fn point_digits(lex: &Lexicon, s: &str, mode: Mode) -> Option<(Dec, usize)> {
    let mut digits = String::new();
    let mut pos = 0usize;
    loop {
        let sep = separator(&s[pos..], mode);
        if sep == 0 {
            break;
        }
        let Some((w, n)) = word(&s[pos + sep..]) else { break };
        if let Some(&v) = lex.en_ones().get(&w) {
            digits.push_str(&v.to_string());
        } else if let Some(&v) = lex.en_tens().get(&w) {
            // "seventy-one": the tens and the ones that follow are two digits
            let after = &s[pos + sep + n..];
            let sep2 = separator(after, mode);
            match word(&after[sep2..])
                .and_then(|(w2, n2)| lex.en_ones().get(&w2).filter(|v| **v < 10 && sep2 > 0).map(|v| (*v, n2)))
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
pub fn denominator(lex: &Lexicon, input: &str, mode: Mode) -> Option<(u64, usize)> {
    let sep = separator(input, mode);
    if sep == 0 {
        return None;
    }
    let (w, n) = word(&input[sep..])?;
    let d = *lex.en_denominators().get(w.as_str())?;
    Some((d, sep + n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        let cases = [
            ("-one", 1, 1),
            (" one", 1, 1),
            ("  one", 0, 2),
            (" - one", 0, 3),
            ("- one", 0, 2),
            (" -one", 0, 2),
            ("one", 0, 0),
            (" ", 1, 1),
        ];
        for (input, news, permissive) in cases {
            assert_eq!(separator(input, Mode::News), news, "{input:?} in news");
            assert_eq!(separator(input, Mode::Permissive), permissive, "{input:?} permissive");
        }
    }
}
