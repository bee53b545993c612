//! Chinese numerals, alone or mixed with Arabic digits.
//!
//! Reads `一千七百万`, `十二萬三千`, `两万五` (elision: 25000), `壹佰伍拾`, `二〇一六`,
//! `1.4万亿`, `1700多亿`, `3千多`, `3万4000`, `四十九兆九千五百九十二億`, `十五点七`.
//! [`tokens`] reads the tokens with nom parsers; [`fold`] folds them by place value. The
//! numeral ends at the first token that cannot join it.

mod fold;
mod tokens;

use super::{Lang, Mode, NumberGrammar};
use crate::extract::lexicon::Lexicon;
use crate::extract::numeral::Numeral;
use fold::Fold;
use nom::IResult;
use tokens::{fraction_digits, token, Token};

/// The Chinese number grammar.
pub struct Chinese;

impl NumberGrammar for Chinese {
    fn lang(&self) -> Lang {
        Lang::Zh
    }

    /// Chinese numerals start with a digit, a numeral character or a decimal point;
    /// Latin letters belong to other grammars.
    fn can_start(&self, c: char) -> bool {
        !c.is_ascii_alphabetic()
    }

    fn numeral<'a>(&self, lex: &Lexicon, input: &'a str, mode: Mode) -> IResult<&'a str, Numeral> {
        zh_numeral(lex, input, mode)
    }
}

/// Parses a Chinese or mixed numeral at the start of `input`.
pub fn zh_numeral<'a>(lex: &Lexicon, input: &'a str, mode: Mode) -> IResult<&'a str, Numeral> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify));
    let mut fold = Fold::new();
    let mut end = input;
    loop {
        let at = if mode.is_permissive() && fold.started() { end.trim_start_matches([' ', '\u{3000}']) } else { end };
        let Ok((after, tok)) = token(lex, at) else { break };
        let taken = match tok {
            Token::Arabic(a) => {
                // 15k, 3.2K in test suites' Chinese: a thousand.
                let suffix = (mode.is_permissive() && fold.takes_arabic())
                    .then(|| after.strip_prefix(['k', 'K', 'Ｋ']))
                    .flatten()
                    .filter(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()));
                fold.arabic(a, suffix.is_some()).then_some(suffix.unwrap_or(after))
            }
            Token::Digit(d) => fold.digit(d).then_some(after),
            Token::Zero => fold.zero().then_some(after),
            Token::Place(p) => fold.place(lex, at, p).map_err(|_| fail())?.then_some(after),
            Token::Tens(t) => fold.tens(t).map_err(|_| fail())?.then_some(after),
            Token::Group(g) => fold.group(lex, at, g).map_err(|_| fail())?.then_some(after),
            Token::Point => {
                let (digits, after_digits) = fraction_digits(lex, after, mode.is_permissive());
                fold.point(&digits).map_err(|_| fail())?.then_some(after_digits)
            }
            Token::More => fold.vague_tail(false).map_err(|_| fail())?.then_some(after),
            Token::Few => fold.vague_tail(true).map_err(|_| fail())?.then_some(after),
        };
        let Some(after) = taken else { break };
        fold.took(matches!(tok, Token::Group(_) | Token::More | Token::Few | Token::Point));
        end = after;
    }
    let numeral = fold.finish(end.chars().next()).map_err(|_| fail())?;
    Ok((end, numeral))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(input: &str) -> Option<(String, String, &str)> {
        let lex = Lexicon::builtin();
        let (rest, n) = zh_numeral(&lex, input, Mode::Permissive).ok()?;
        Some((n.value.to_string(), n.precision.to_string(), rest))
    }

    #[test]
    fn values() {
        let cases = [
            ("1.4万亿元", "1400000000000", "元"),
            ("1700多亿元", "170000000000", "元"),
            ("11.8万人次", "118000", "人次"),
            ("3千多名", "3000", "名"),
            ("16.4亿", "1640000000", ""),
            ("一千七百万", "17000000", ""),
            ("两千零五十个", "2050", "个"),
            ("十二万三千张", "123000", "张"),
            ("十二萬三千", "123000", ""),
            ("3万4000", "34000", ""),
            ("两万五", "25000", ""),
            ("一万三", "13000", ""),
            ("九十二万四", "924000", ""),
            ("两千四百五", "2450", ""),
            ("四亿五千六百四十二万零一十五", "456420015", ""),
            ("五兆六十二亿四万五千二", "5006200045200", ""),
            ("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二", "4569831148725382", ""),
            ("一万五千亿", "1500000000000", ""),
            ("四万万", "400000000", ""),
            ("10万万", "1000000000", ""),
            ("三百五十一万亿", "351000000000000", ""),
            ("壹佰伍拾", "150", ""),
            ("倆千两百贰拾二", "2222", ""),
            ("一百零一万一千", "1011000", ""),
            ("一万零十二", "10012", ""),
            ("一百零十万", "1100000", ""),
            ("零十", "10", ""),
            ("廿五", "25", ""),
            ("十五点七", "15.7", ""),
            ("两千万点五五四四", "20000000.5544", ""),
            ("四百亿点零五零", "40000000000.05", ""),
            ("二〇一六年", "2016", "年"),
            ("5亿1万4千6百", "500014600", ""),
            ("1,100.9亿", "110090000000", ""),
            ("千三", "1300", ""),
            ("百三", "130", ""),
            ("一百 五 十 二", "152", ""),
            ("十多万", "100000", ""),
            ("二十几万", "200000", ""),
            ("五百 余万", "5000000", ""),
            ("15万多个", "150000", "个"),
            ("五十千", "50", "千"),
            ("两百点两", "200", "点两"),
            ("10点", "10", "点"),
            ("3千克", "3", "千克"),
            ("九九折", "99", "折"),
        ];
        for (input, value, rest) in cases {
            let got = parse(input).unwrap_or_else(|| panic!("{input}: no parse"));
            assert_eq!((got.0.as_str(), got.2), (value, rest), "{input}");
        }
    }

    #[test]
    fn precision() {
        let cases = [
            ("1700多亿", "100000000"),
            ("1.4万亿", "100000000000"),
            ("3千多", "1000"),
            ("15万多", "10000"),
            ("十多万", "100000"),
            ("两万五", "1000"),
            ("一千七百万", "1000000"),
        ];
        for (input, precision) in cases {
            assert_eq!(parse(input).unwrap().1, precision, "{input}");
        }
    }

    #[test]
    fn not_numerals() {
        for input in ["万", "万万", "亿元", "多", "点五", "二三十"] {
            assert_eq!(parse(input), None, "{input}");
        }
    }
}
