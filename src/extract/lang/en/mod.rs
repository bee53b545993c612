//! English numbers: spelled (`one hundred and sixteen`, `twenty-one`), digits with scale
//! words (`2.3 million`, `170 billion`, `10k`, `1,674.5 M`), simple fractions
//! (`two-thirds`, `a half`, `one and a half`) and dozens.
//!
//! [`words`] reads the words and what joins them; [`reader`] folds them into a value.
//! Scale words must decrease (`two million three thousand`), as in the written
//! language, so `thousand million` stops after `thousand`.

mod reader;
mod words;

use super::{Lang, Mode, NumberGrammar};
use crate::extract::lexicon::Lexicon;
use crate::extract::numeral::Numeral;
use nom::IResult;
use reader::{Next, Reader};
pub use words::denominator;

/// The English number grammar.
pub struct English;

impl NumberGrammar for English {
    fn lang(&self) -> Lang {
        Lang::En
    }

    /// English numbers start with a letter, a digit or a decimal point.
    fn can_start(&self, c: char) -> bool {
        c.is_ascii_alphabetic() || crate::extract::arabic::is_digit(c) || c == '.' || c == '．'
    }

    fn numeral<'a>(&self, lex: &Lexicon, input: &'a str, mode: Mode) -> IResult<&'a str, Numeral> {
        en_numeral(lex, input, mode)
    }

    /// English scale words follow a space or are glued letters: "2.3 million", "10k".
    fn may_read_past_digits(&self, tail: &str) -> bool {
        tail.starts_with(|c: char| c == ' ' || c.is_ascii_alphabetic())
    }
}

/// Parses an English number at the start of `input`.
pub fn en_numeral<'a>(lex: &Lexicon, input: &'a str, mode: Mode) -> IResult<&'a str, Numeral> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify));
    let mut reader = Reader::new(lex, input, mode);
    reader.digits_first();
    loop {
        let sep = reader.separator();
        // "4 thousand 3 hundred and 21": digits may follow a scale word.
        if sep > 0 && reader.digits_after_scale(sep) {
            continue;
        }
        if sep == 0 && reader.started() {
            break;
        }
        let at = reader.cursor() + sep;
        let Some((word, len)) = words::word(&input[at..]) else { break };
        match reader.word(&word, at, at + len).map_err(|_| fail())? {
            Next::Took => reader.took(&word, at + len),
            Next::Again => {}
            Next::Refused => {
                reader.point(&word, at + len).map_err(|_| fail())?;
                break;
            }
            Next::Stop => break,
        }
    }
    let (end, numeral) = reader.finish().map_err(|_| fail())?;
    Ok((&input[end..], numeral))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(input: &str) -> Option<(String, &str)> {
        let lex = Lexicon::builtin();
        let (rest, n) = en_numeral(&lex, input, Mode::News).ok()?;
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
