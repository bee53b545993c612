//! The tokens of a Chinese numeral, each read by a small nom parser.
//!
//! A numeral is a run of tokens: Arabic figures (`1.4`, `1,100.9`), digits (`一`, `贰`,
//! `〇`), places that count inside a group (`十百千`), groups that multiply what comes
//! before them (`万亿兆`), the tens contractions (`廿卅`), the decimal point (`点`) and
//! the vague tails (`多余`, `几`). Which character is which comes from the lexicon.

use crate::extract::arabic::{arabic_number, is_digit, ArabicNumber};
use crate::extract::lexicon::Lexicon;
use nom::branch::alt;
use nom::character::complete::anychar;
use nom::combinator::{map, map_opt, peek};
use nom::sequence::preceded;
use nom::IResult;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Token {
    Arabic(ArabicNumber),
    Digit(u8),
    Zero,
    Place(i32),
    Group(i32),
    Tens(u8),
    Point,
    More,
    Few,
}

/// One token at the start of `input`.
pub(super) fn token<'a>(lex: &Lexicon, input: &'a str) -> IResult<&'a str, Token> {
    alt((map(arabic_figure, Token::Arabic), map_opt(anychar, |c| han_token(lex, c))))(input)
}

/// Arabic digits, or a decimal point right before one (`.5`).
fn arabic_figure(input: &str) -> IResult<&str, ArabicNumber> {
    preceded(peek(figure_start), arabic_number)(input)
}

/// A digit, or a decimal point before a digit. Written out rather than as `alt` of
/// `satisfy`: the numeral parser asks this at every token, and most tokens are Han.
fn figure_start(input: &str) -> IResult<&str, char> {
    let mut chars = input.chars();
    match chars.next() {
        Some(c) if is_digit(c) => Ok((chars.as_str(), c)),
        Some(c @ ('.' | '．')) if chars.as_str().starts_with(is_digit) => Ok((chars.as_str(), c)),
        _ => Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Digit))),
    }
}

/// The token a Chinese numeral character stands for.
fn han_token(lex: &Lexicon, c: char) -> Option<Token> {
    if !lex.may_be_zh_numeral_token(c) {
        None
    } else if let Some(&d) = lex.zh_digits().get(&c) {
        Some(if d == 0 { Token::Zero } else { Token::Digit(d) })
    } else if let Some(&p) = lex.zh_places().get(&c) {
        Some(Token::Place(p))
    } else if let Some(&g) = lex.zh_groups().get(&c) {
        Some(Token::Group(g))
    } else if let Some(&t) = lex.zh_tens().get(&c) {
        Some(Token::Tens(t))
    } else if lex.zh_decimal_points().contains(&c) {
        Some(Token::Point)
    } else if lex.zh_more().contains(&c) {
        Some(Token::More)
    } else if lex.zh_few().contains(&c) {
        Some(Token::Few)
    } else {
        None
    }
}

/// The digits after a decimal point, read one by one (`十五点七`, `点零五零`): the digits
/// as ASCII and the text after them. Spaces between them only in permissive mode.
pub(super) fn fraction_digits<'a>(lex: &Lexicon, input: &'a str, spaced: bool) -> (String, &'a str) {
    let mut digits = String::new();
    let mut after = input;
    let mut scan = input;
    loop {
        if spaced {
            scan = scan.trim_start_matches(' ');
        }
        let Some(c) = scan.chars().next() else { break };
        match lex.zh_digits().get(&c) {
            Some(&d) if !lex.zh_no_decimal().contains(&c) => {
                digits.push((b'0' + d) as char);
                scan = &scan[c.len_utf8()..];
                after = scan;
            }
            _ => break,
        }
    }
    (digits, after)
}

/// Digits written one by one (二〇一六), kept without allocating: the parser meets a
/// Chinese digit at every few characters of running text.
#[derive(Clone, Copy, Default)]
pub(super) struct DigitRun {
    digits: [u8; 32],
    len: usize,
}

impl DigitRun {
    pub(super) fn push(&mut self, digit: u8) {
        if self.len < self.digits.len() && digit < 10 {
            self.digits[self.len] = b'0' + digit;
            self.len += 1;
        }
    }

    pub(super) fn len(&self) -> usize {
        self.len
    }

    pub(super) fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(super) fn contains_zero(&self) -> bool {
        self.digits[..self.len].contains(&b'0')
    }

    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[..self.len]).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let lex = Lexicon::builtin();
        let cases: [(&str, Option<Token>, &str); 9] = [
            ("万人", Some(Token::Group(4)), "人"),
            ("千", Some(Token::Place(3)), ""),
            ("贰", Some(Token::Digit(2)), ""),
            ("〇一六", Some(Token::Zero), "一六"),
            ("廿五", Some(Token::Tens(20)), "五"),
            ("点七", Some(Token::Point), "七"),
            ("多亿", Some(Token::More), "亿"),
            (".元", None, ""),
            ("人", None, ""),
        ];
        for (input, want, rest) in cases {
            match token(&lex, input) {
                Ok((tail, tok)) => assert_eq!((Some(tok), tail), (want, rest), "{input}"),
                Err(_) => assert_eq!(want, None, "{input}"),
            }
        }
        let (tail, tok) = token(&lex, "1,100.9亿").unwrap();
        assert!(matches!(tok, Token::Arabic(a) if a.value.to_string() == "1100.9"));
        assert_eq!(tail, "亿");
        let (tail, tok) = token(&lex, ".5成").unwrap();
        assert!(matches!(tok, Token::Arabic(a) if a.value.to_string() == "0.5"));
        assert_eq!(tail, "成");
    }

    #[test]
    fn fraction_digits_stop_where_a_decimal_cannot_go_on() {
        let lex = Lexicon::builtin();
        assert_eq!(fraction_digits(&lex, "零五零亿", false), ("050".to_string(), "亿"));
        assert_eq!(fraction_digits(&lex, "两", false), (String::new(), "两"));
        assert_eq!(fraction_digits(&lex, "五 五", true), ("55".to_string(), ""));
    }
}
