//! Chinese numerals, alone or mixed with Arabic digits.
//!
//! Reads `一千七百万`, `十二萬三千`, `两万五` (elision: 25000), `壹佰伍拾`, `二〇一六`,
//! `1.4万亿`, `1700多亿`, `3千多`, `3万4000`, `四十九兆九千五百九十二億`, `十五点七`.
//! The token parsers are nom functions; the tokens are folded by the usual place-value
//! rules: places (十百千) count inside a group, groups (万亿兆) multiply everything
//! before them that is smaller, and two groups side by side multiply (万亿 = 10^12).

use super::arabic::{arabic_number, ArabicNumber};
use super::decimal::Dec;
use super::lexicon::Lexicon;
use super::numeral::{Numeral, Script};
use nom::IResult;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Token {
    Digit(u8),
    Zero,
    Arabic(ArabicNumber),
    Place(i32),
    Group(i32),
    Tens(u8),
    Point,
    More,
    Few,
}

/// One token at the start of `input`.
fn token<'a>(lex: &Lexicon, input: &'a str) -> IResult<&'a str, Token> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Char));
    let c = input.chars().next().ok_or_else(fail)?;
    let rest = &input[c.len_utf8()..];
    if super::arabic::is_digit(c)
        || ((c == '.' || c == '．') && rest.chars().next().is_some_and(super::arabic::is_digit))
    {
        let (rest, n) = arabic_number(input)?;
        return Ok((rest, Token::Arabic(n)));
    }
    let tok = if let Some(&d) = lex.zh_digits.get(&c) {
        if d == 0 {
            Token::Zero
        } else {
            Token::Digit(d)
        }
    } else if let Some(&p) = lex.zh_places.get(&c) {
        Token::Place(p)
    } else if let Some(&g) = lex.zh_groups.get(&c) {
        Token::Group(g)
    } else if let Some(&t) = lex.zh_tens.get(&c) {
        Token::Tens(t)
    } else if lex.zh_decimal_points.contains(&c) {
        Token::Point
    } else if lex.zh_more.contains(&c) {
        Token::More
    } else if lex.zh_few.contains(&c) {
        Token::Few
    } else {
        return Err(fail());
    };
    Ok((rest, tok))
}

/// Options for how much the parser accepts.
#[derive(Clone, Copy, Debug, Default)]
pub struct ZhOptions {
    /// Accept spaces between numeral characters (`一百 五 十 二`), as test suites write.
    pub spaces: bool,
}

/// Digits written one by one (二〇一六), kept without allocating: the parser meets
/// a Chinese digit at every few characters of running text.
#[derive(Clone, Copy, Default)]
struct DigitRun {
    digits: [u8; 32],
    len: usize,
}

impl DigitRun {
    fn push(&mut self, c: char) {
        if self.len < self.digits.len() && c.is_ascii_digit() {
            self.digits[self.len] = c as u8;
            self.len += 1;
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn contains(&self, c: char) -> bool {
        self.digits[..self.len].contains(&(c as u8))
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[..self.len]).unwrap_or("")
    }
}

struct Fold {
    total: Dec,
    section: Dec,
    pending: Option<(Dec, bool)>, // value, is a single digit that elision may scale
    last_place: Option<i32>,
    max_group: i32,
    last_group: i32,
    scale: i32,
    zero_gap: bool,
    prev_group: bool,
    precision: Dec,
    any_han: bool,
    any_arabic: bool,
    scaled: bool,
    more: bool,
    has_point: bool,
    digit_run: Option<DigitRun>,
    tokens: usize,
    /// The pending digit came right after a group unit (一万三).
    pending_after_group: bool,
    arabic: Option<ArabicNumber>,
}

impl Fold {
    fn new() -> Fold {
        Fold {
            total: Dec::ZERO,
            section: Dec::ZERO,
            pending: None,
            last_place: None,
            max_group: 0,
            last_group: 0,
            scale: 0,
            zero_gap: false,
            prev_group: false,
            precision: Dec::ONE,
            any_han: false,
            any_arabic: false,
            scaled: false,
            more: false,
            has_point: false,
            digit_run: Some(DigitRun::default()),
            tokens: 0,
            pending_after_group: false,
            arabic: None,
        }
    }

    /// Adds the pending digit to the section; a lone digit after a place unit is elided
    /// (`两千四百五` → 2450, `一万三` → 13000).
    fn flush_pending(&mut self, allow_elision: bool) -> Option<()> {
        if let Some((n, single)) = self.pending.take() {
            let elided = if single && allow_elision && !self.zero_gap {
                match (self.last_place, self.pending_after_group) {
                    (Some(p), _) if p >= 1 => Some(p - 1),
                    (None, true) if self.last_group >= 1 && self.section.is_zero() => Some(self.last_group - 1),
                    _ => None,
                }
            } else {
                None
            };
            match elided {
                Some(p) if self.pending_after_group => {
                    // 一万三: the digit belongs to the group below the one just applied.
                    let part = n.shift(p);
                    self.total = self.total.checked_add(part)?;
                    self.precision = n.last_digit_place().shift(p);
                }
                Some(p) => {
                    self.section = self.section.checked_add(n.shift(p))?;
                    self.precision = n.last_digit_place().shift(p);
                }
                None => {
                    self.section = self.section.checked_add(n)?;
                    self.precision = match self.arabic {
                        Some(a) if a.value == n => a.precision,
                        _ => n.last_digit_place(),
                    };
                }
            }
        }
        Some(())
    }
}

/// Parses a Chinese or mixed numeral at the start of `input`.
pub fn zh_numeral<'a>(lex: &Lexicon, input: &'a str, opts: ZhOptions) -> IResult<&'a str, Numeral> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify));
    let mut f = Fold::new();
    let mut rest = input;
    let mut end = input; // rest after the last accepted token
    loop {
        let mut probe = rest;
        if opts.spaces && f.tokens > 0 {
            probe = probe.trim_start_matches([' ', '\u{3000}']);
        }
        let Ok((mut after, tok)) = token(lex, probe) else { break };
        let accepted = match tok {
            Token::Arabic(a) => {
                if f.pending.is_some() || f.has_point || (f.any_arabic && f.last_place.is_none() && !f.prev_group) {
                    false
                } else {
                    let single = !a.has_point && a.integer_digits == 1;
                    let mut a = a;
                    // 15k, 3.2K in test suites' Chinese: a thousand.
                    if opts.spaces {
                        if let Some(rest) = after.strip_prefix(['k', 'K', 'Ｋ']) {
                            if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                                a.value = a.value.shift(3);
                                a.precision = a.precision.shift(3);
                                after = rest;
                                f.scaled = true;
                                f.scale = 3;
                            }
                        }
                    }
                    f.pending = Some((a.value, single));
                    f.pending_after_group = f.prev_group;
                    f.arabic = Some(a);
                    f.any_arabic = true;
                    f.has_point |= a.has_point;
                    f.digit_run = None;
                    true
                }
            }
            Token::Digit(d) => {
                if f.has_point {
                    false
                } else if let Some((_, _)) = f.pending {
                    // Two digits in a row: only a digit string (二〇一六) goes on.
                    match f.digit_run.as_mut() {
                        Some(run) if !run.is_empty() => {
                            run.push((b'0' + d) as char);
                            f.pending = None;
                            true
                        }
                        _ => false,
                    }
                } else {
                    if let Some(run) = f.digit_run.as_mut() {
                        if f.tokens == 0 || !run.is_empty() {
                            run.push((b'0' + d) as char);
                        } else {
                            f.digit_run = None;
                        }
                    }
                    if f.digit_run.as_ref().is_some_and(|r| r.len() > 1) {
                        true
                    } else {
                        f.pending = Some((Dec::from_int(i128::from(d)), true));
                        f.pending_after_group = f.prev_group;
                        f.any_han = true;
                        true
                    }
                }
            }
            Token::Zero => {
                if f.has_point {
                    false
                } else if let Some(run) = f.digit_run.as_mut().filter(|r| !r.is_empty()) {
                    run.push('0');
                    f.pending = None;
                    true
                } else if f.tokens == 0 {
                    // 零 alone, or 零十 (= 10) and 零点五
                    f.any_han = true;
                    f.digit_run = None;
                    f.zero_gap = true;
                    true
                } else if f.pending.is_some() {
                    false
                } else {
                    f.zero_gap = true;
                    f.any_han = true;
                    f.prev_group = false;
                    true
                }
            }
            Token::Place(p) => {
                let before_measure = lex
                    .measures
                    .prefix_of(probe)
                    .is_some_and(|(n, _)| n > probe.chars().next().map_or(0, char::len_utf8))
                    || lex.counters.prefix_of(probe).is_some_and(|(n, _)| n > 3)
                    || probe.starts_with("百分点")
                    || probe.starts_with("百分點")
                    // 百分之五 is a percent; 一百分之五 is five hundredths.
                    || f.tokens == 0 && (probe.starts_with("百分") || probe.starts_with("千分"));
                let decreasing = f.last_place.is_none_or(|lp| p < lp);
                if f.has_point || before_measure || !decreasing || f.more {
                    false
                } else {
                    if f.digit_run.as_ref().is_some_and(|r| r.len() > 1) {
                        // 二三十: two digits before a place is a vague range, not a number.
                        return Err(fail());
                    }
                    let n = match f.pending.take() {
                        Some((n, _)) => n,
                        None => Dec::ONE,
                    };
                    f.section =
                        f.section.checked_add(n.checked_mul(Dec::pow10(p)).ok_or_else(fail)?).ok_or_else(fail)?;
                    f.precision = n.last_digit_place().shift(p);
                    if let Some(a) = f.arabic.filter(|a| a.value == n) {
                        f.precision = a.precision.shift(p);
                        if f.total.is_zero() && f.section == n.shift(p) {
                            // 3千, 5百: an Arabic figure with a scale word
                            f.scale = p;
                            f.scaled = true;
                        }
                    }
                    f.last_place = Some(p);
                    f.zero_gap = false;
                    f.prev_group = false;
                    f.any_han = true;
                    f.digit_run = None;
                    true
                }
            }
            Token::Tens(t) => {
                if f.pending.is_some() || f.has_point || f.last_place.is_some_and(|lp| lp <= 1) {
                    false
                } else {
                    f.section = f.section.checked_add(Dec::from_int(i128::from(t))).ok_or_else(fail)?;
                    f.precision = Dec::pow10(1);
                    f.last_place = Some(1);
                    f.any_han = true;
                    f.digit_run = None;
                    true
                }
            }
            Token::Group(g) => {
                let before_measure = lex.measures.prefix_of(probe).is_some_and(|(n, _)| n > 3)
                    || probe.starts_with(lex.zh_fraction.as_str());
                let has_content = f.pending.is_some() || !f.section.is_zero() || f.zero_gap && f.tokens > 0;
                let han_digit_run = f.digit_run.as_ref().is_some_and(|r| r.len() > 1) && !f.any_arabic;
                if before_measure || f.tokens == 0 || han_digit_run {
                    false
                } else if !has_content && f.prev_group {
                    // 万亿, 万万: adjacent groups multiply.
                    f.total = f.total.checked_mul(Dec::pow10(g)).ok_or_else(fail)?;
                    f.precision = f.precision.shift(g);
                    f.max_group = f.max_group.max(g + f.max_group.min(g));
                    f.scale += g;
                    f.scaled = true;
                    true
                } else if !has_content {
                    false
                } else {
                    f.flush_pending(false).ok_or_else(fail)?;
                    let section = f.section;
                    f.last_group = g;
                    if g > f.max_group {
                        f.total = f
                            .total
                            .checked_add(section)
                            .ok_or_else(fail)?
                            .checked_mul(Dec::pow10(g))
                            .ok_or_else(fail)?;
                        f.max_group = g;
                        f.scale = g;
                    } else {
                        f.total = f.total.checked_add(section.shift(g)).ok_or_else(fail)?;
                    }
                    f.precision = f.precision.shift(g);
                    f.section = Dec::ZERO;
                    f.last_place = None;
                    f.zero_gap = false;
                    f.prev_group = true;
                    f.scaled = true;
                    f.any_han = true;
                    f.digit_run = None;
                    true
                }
            }
            Token::Point => {
                // 十五点七: digits after the point are read one by one.
                let mut frac = String::new();
                let mut after_frac = after;
                let mut scan = after;
                loop {
                    if opts.spaces {
                        scan = scan.trim_start_matches(' ');
                    }
                    let Some(c) = scan.chars().next() else { break };
                    match lex.zh_digits.get(&c) {
                        Some(&d) if !lex.zh_no_decimal.contains(&c) => {
                            frac.push((b'0' + d) as char);
                            scan = &scan[c.len_utf8()..];
                            after_frac = scan;
                        }
                        _ => break,
                    }
                }
                let has_int = f.pending.is_some() || !f.section.is_zero() || !f.total.is_zero() || f.zero_gap;
                if frac.is_empty() || f.has_point || !has_int || f.any_arabic && !f.any_han {
                    false
                } else {
                    if let Some(run) = f.digit_run.take().filter(|r| r.len() > 1) {
                        f.pending = Some((Dec::parse_digits(run.as_str()).ok_or_else(fail)?, false));
                    }
                    f.flush_pending(true).ok_or_else(fail)?;
                    let fraction = Dec::parse_digits(&format!("0.{frac}")).ok_or_else(fail)?;
                    f.section = f.section.checked_add(fraction).ok_or_else(fail)?;
                    f.precision = Dec::pow10(-(frac.len() as i32));
                    f.has_point = true;
                    f.last_place = Some(0);
                    f.tokens += 1;
                    rest = after_frac;
                    end = after_frac;
                    continue;
                }
            }
            Token::More | Token::Few => {
                let has_number = f.pending.is_some() || !f.section.is_zero() || !f.total.is_zero();
                if !has_number || f.more {
                    false
                } else {
                    if matches!(tok, Token::Few) && f.pending.is_some() {
                        false
                    } else {
                        if matches!(tok, Token::Few) {
                            // 二十几: the few stand in the place below the last one.
                            if let Some(lp) = f.last_place {
                                f.precision = Dec::pow10(lp);
                            }
                        }
                        f.flush_pending(false).ok_or_else(fail)?;
                        f.more = true;
                        f.digit_run = None;
                        true
                    }
                }
            }
        };
        if !accepted {
            break;
        }
        f.tokens += 1;
        if !matches!(tok, Token::Group(_)) && !matches!(tok, Token::More | Token::Few) {
            f.prev_group = false;
        }
        rest = after;
        end = after;
    }

    if f.tokens == 0 {
        return Err(fail());
    }
    let digit_string = f.digit_run.as_ref().is_some_and(|r| r.len() > 1);
    let mut single_han_digit = false;
    if digit_string {
        let run = f.digit_run.take().unwrap_or_default();
        // Han digits one by one are a year or a discount (二〇一六年, 九五折); 两两 is not a number.
        let next = end.chars().next();
        if !f.any_arabic && !run.contains('0') && !matches!(next, Some('年' | '折')) {
            return Err(fail());
        }
        f.section = Dec::parse_digits(run.as_str()).ok_or_else(fail)?;
        f.precision = Dec::ONE;
        f.pending = None;
    } else {
        single_han_digit = f.tokens == 1 && f.any_han && matches!(f.pending, Some((_, true)));
        f.flush_pending(true).ok_or_else(fail)?;
    }
    let value = f.total.checked_add(f.section).ok_or_else(fail)?;
    if value.is_zero() && !f.zero_gap && !f.has_point {
        return Err(fail());
    }
    let script = match (f.any_han, f.any_arabic) {
        (true, true) => Script::Mixed,
        (false, true) => Script::Arabic,
        _ => Script::Han,
    };
    let arabic = f.arabic;
    let numeral = Numeral {
        value,
        precision: f.precision,
        more: f.more,
        script,
        scaled: f.scaled,
        scale: f.scale,
        has_point: f.has_point,
        digit_string: digit_string || (script == Script::Arabic && !f.has_point),
        integer_digits: arabic.map_or(0, |a| a.integer_digits),
        single_han_digit,
        article: false,
        negative: false,
        has_separator: arabic.is_some_and(|a| a.has_separator),
        ratio: None,
    };
    let _ = rest;
    Ok((end, numeral))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(input: &str) -> Option<(String, String, &str)> {
        let lex = Lexicon::builtin();
        let (rest, n) = zh_numeral(&lex, input, ZhOptions { spaces: true }).ok()?;
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
