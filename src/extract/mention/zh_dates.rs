//! Chinese dates and clock times: `2020年7月10日`, `7月26日`, `26日`, `8月底`, `6月份`,
//! `19时54分`, `下午3点半`, `14:40`, `星期一`, and ordinals after `第`. The small numbers
//! dates are written with (`二十六`, `二〇二〇`, `２６`) are read by [`date_int`]; the
//! date and time grammars are nom parsers composed from it and the calendar words.

use super::calendar::{Calendar, HalfDay};
use super::{Clock, Date};
use crate::extract::arabic::digit_value;
use crate::extract::lexicon::Table;
use crate::extract::Lexicon;
use nom::branch::alt;
use nom::combinator::{map, opt, verify};
use nom::sequence::{pair, preceded, tuple};
use nom::IResult;

/// A whole number as a date or a time writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateInt {
    pub value: u32,
    /// Written in Arabic digits (half or full width).
    pub arabic: bool,
    /// Characters it took.
    pub chars: usize,
}

fn fail(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
}

/// Arabic digits (up to four), a string of Chinese digits (`二〇二〇`), or a Chinese
/// numeral below a hundred (`二十六`, `十二`, `九`).
pub fn date_int<'a>(lex: &Lexicon, input: &'a str) -> IResult<&'a str, DateInt> {
    let mut value = 0u32;
    let mut chars = 0usize;
    let mut end = 0usize;
    for (i, c) in input.char_indices() {
        match digit_value(c) {
            Some(d) if chars < 4 => {
                value = value * 10 + u32::from(d);
                chars += 1;
                end = i + c.len_utf8();
            }
            Some(_) => return Err(fail(input)),
            None => break,
        }
    }
    if chars > 0 {
        return Ok((&input[end..], DateInt { value, arabic: true, chars }));
    }
    // Chinese: digits with at most one 十 among them.
    let mut digits: Vec<u32> = Vec::new();
    let mut tens_at: Option<usize> = None;
    for (i, c) in input.char_indices() {
        if let Some(&d) = lex.zh_digits().get(&c) {
            digits.push(u32::from(d));
        } else if lex.zh_places().get(&c) == Some(&1) && tens_at.is_none() {
            tens_at = Some(digits.len());
        } else {
            break;
        }
        chars += 1;
        end = i + c.len_utf8();
    }
    let value = match (tens_at, digits.len()) {
        (_, n) if n > 4 => return Err(fail(input)),
        (None, 0) => return Err(fail(input)),
        // 二〇二〇: digit by digit, as years are written (一二月 is January and February).
        (None, 1 | 4) => digits.iter().fold(0, |v, d| v * 10 + d),
        (None, _) => return Err(fail(input)),
        // 十, 十二, 二十, 二十六
        (Some(0), 0) => 10,
        (Some(0), 1) => 10 + digits[0],
        (Some(1), 1) => digits[0] * 10,
        (Some(1), 2) => digits[0] * 10 + digits[1],
        _ => return Err(fail(input)),
    };
    Ok((&input[end..], DateInt { value, arabic: false, chars }))
}

/// A word of `table` at the start of `input`.
fn word<'a, T: Clone>(table: &Table<T>, input: &'a str) -> IResult<&'a str, T> {
    match table.prefix_of(input) {
        Some((n, v)) => Ok((&input[n..], v.clone())),
        None => Err(fail(input)),
    }
}

/// A number in `range` followed by a word of `suffix`.
fn number_then<'a>(
    lex: &'a Lexicon,
    suffix: &'a Table<()>,
    range: std::ops::RangeInclusive<u32>,
) -> impl Fn(&'a str) -> IResult<&'a str, DateInt> + 'a {
    move |input| {
        let (rest, n) = verify(|i| date_int(lex, i), |n: &DateInt| range.contains(&n.value))(input)?;
        let (rest, ()) = word(suffix, rest)?;
        Ok((rest, n))
    }
}

/// A date at the start of `input`: year, month and day, any of them from the largest down.
pub fn date<'a>(lex: &'a Lexicon, cal: &'a Calendar, input: &'a str) -> IResult<&'a str, Date> {
    let year = verify(number_then(lex, &cal.zh_year, 1000..=2999), |n: &DateInt| n.chars == 4);
    let month = number_then(lex, &cal.zh_month, 1..=12);
    let day = |i: &'a str| {
        let (rest, n) = number_then(lex, &cal.zh_day, 1..=31)(i)?;
        if cal.zh_day_unless_next.contains_prefix(rest) {
            return Err(fail(i));
        }
        Ok((rest, n))
    };
    let part = |i| word(&cal.zh_month_parts, i);
    let with_year = map(tuple((year, opt(pair(month, opt(day))))), |(y, md)| Date {
        year: Some(y.value as i32),
        month: md.map(|(m, _)| m.value as u8),
        day: md.and_then(|(_, d)| d).map(|d| d.value as u8),
        ..Date::default()
    });
    // 7月17和7月22日: the day word written once for two dates.
    let shared_day = |i: &'a str| {
        let (rest, n) = verify(|x| date_int(lex, x), |n: &DateInt| (1..=31).contains(&n.value))(i)?;
        let joined = rest.starts_with(['和', '、', '及', '与', '與', '至', '到', '-', '—', '~', '～']);
        let day_follows = rest.chars().take(8).any(|c| c == '日' || c == '号');
        if joined && day_follows {
            Ok((rest, n))
        } else {
            Err(fail(i))
        }
    };
    let month_day =
        map(tuple((number_then(lex, &cal.zh_month, 1..=12), opt(alt((day, shared_day))), opt(part))), |(m, d, p)| {
            Date {
                month: Some(m.value as u8),
                day: d.map(|d| d.value as u8),
                part: if d.is_none() { p } else { None },
                ..Date::default()
            }
        });
    let day_only = map(day, |d| Date { day: Some(d.value as u8), ..Date::default() });
    alt((with_year, month_day, day_only))(input)
}

/// Whether a day written alone at `at` (`26日`) stands where a count of days cannot
/// (`连续3日`, `每日`), and is written as dates are: `号` only after a month.
pub fn day_alone_fits(cal: &Calendar, text: &str, at: usize, end: usize) -> bool {
    let before = &text[..at];
    if cal.zh_day_unless_previous.suffix_of(before).is_some() {
        return false;
    }
    text[..end].ends_with('日')
}

/// Months of a range written with the month word once (`1-6月`, `1至6月`): the first
/// month's number and where it ends.
pub fn month_range_start<'a>(lex: &'a Lexicon, cal: &'a Calendar, input: &'a str) -> IResult<&'a str, u8> {
    let (rest, first) = verify(|i| date_int(lex, i), |n: &DateInt| (1..=12).contains(&n.value))(input)?;
    let connector = |i: &'a str| {
        let c = i.chars().next().ok_or_else(|| fail(i))?;
        if matches!(c, '-' | '—' | '–' | '~' | '～' | '至' | '到') {
            Ok((&i[c.len_utf8()..], ()))
        } else {
            Err(fail(i))
        }
    };
    let (_, _) = preceded(connector, number_then(lex, &cal.zh_month, 1..=12))(rest)?;
    Ok((rest, first.value as u8))
}

/// A clock time at the start of `input`: `19时54分`, `7点半`, `14:40`, `10时许`, with the
/// part of the day before it (`下午3点` = 15:00).
pub fn clock<'a>(lex: &'a Lexicon, cal: &'a Calendar, input: &'a str) -> IResult<&'a str, Clock> {
    let (rest, half) = opt(|i| word(&cal.zh_half_day, i))(input)?;
    if let Ok((after, (h, m))) = colon_time(rest) {
        return Ok((after, Clock::new(h, Some(m), half, false)));
    }
    let (rest, hour) = verify(|i| date_int(lex, i), |n: &DateInt| n.value <= 24)(rest)?;
    let (rest, ()) = word(&cal.zh_hour, rest)?;
    let dot = matches!(input[..input.len() - rest.len()].chars().next_back(), Some('点' | '點'));
    // 一时 (for a while), 三点 (three points): a Chinese numeral before 时/点 is a time
    // only with a part of the day, or with minutes after it.
    let minute = |i: &'a str| -> IResult<&'a str, u32> {
        if let Some(r) = i.strip_prefix('半') {
            return Ok((r, 30));
        }
        let (r, m) = verify(|x| date_int(lex, x), |n: &DateInt| n.value <= 59)(i)?;
        let (r, ()) = word(&cal.zh_minute, r)?;
        Ok((r, m.value))
    };
    let (rest, minutes) = opt(minute)(rest)?;
    let (rest, approx) = opt(|i| word(&cal.zh_approximate, i))(rest)?;
    let plain = half.is_none() && minutes.is_none() && approx.is_none();
    if plain && (!hour.arabic || dot) {
        return Err(fail(input));
    }
    // 3点5: a decimal point, not a clock.
    if dot && minutes.is_none() && rest.starts_with(|c: char| digit_value(c).is_some()) {
        return Err(fail(input));
    }
    Ok((rest, Clock::new(hour.value, minutes, half, approx.is_some())))
}

/// `14:40`, `2：40`: an hour and two digits of minutes.
fn colon_time(input: &str) -> IResult<&str, (u32, u32)> {
    let digits = |i| {
        let mut value = 0u32;
        let mut n = 0usize;
        let mut end = 0usize;
        for (k, c) in <&str>::clone(&i).char_indices() {
            match digit_value(c) {
                Some(d) if n < 2 => {
                    value = value * 10 + u32::from(d);
                    n += 1;
                    end = k + c.len_utf8();
                }
                _ => break,
            }
        }
        if n == 0 {
            Err(fail(i))
        } else {
            Ok((&i[end..], (value, n)))
        }
    };
    let (rest, (h, _)) = verify(digits, |(h, _)| *h <= 24)(input)?;
    let rest = rest.strip_prefix([':', '：']).ok_or_else(|| fail(input))?;
    let (rest, (m, n)) = digits(rest)?;
    if n != 2 || m > 59 || rest.starts_with(|c: char| digit_value(c).is_some() || c == ':') {
        return Err(fail(input));
    }
    Ok((rest, (h, m)))
}

/// `星期一`, `周日`, `礼拜天`: the weekday, Monday = 1.
pub fn weekday<'a>(cal: &'a Calendar, input: &'a str) -> IResult<&'a str, u8> {
    preceded(|i| word(&cal.zh_weekday_prefixes, i), |i| word(&cal.zh_weekday_names, i))(input)
}

impl Clock {
    /// A clock time from what was written: the hour in 24-hour form.
    pub fn new(hour: u32, minute: Option<u32>, half: Option<HalfDay>, approximate: bool) -> Clock {
        let hour = match half {
            Some(HalfDay::Afternoon) if hour < 12 => hour + 12,
            Some(HalfDay::Noon) if hour < 6 => hour + 12,
            Some(HalfDay::Midnight) if hour == 12 => 0,
            Some(HalfDay::Morning) if hour == 12 => 0,
            _ => hour,
        };
        let half_day_known = half.is_some() || hour > 12 || hour == 0;
        Clock { hour: hour as u8, minute: minute.map(|m| m as u8), approximate, half_day_known }
    }
}

#[cfg(test)]
mod tests {
    use super::super::calendar::MonthPart;
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::builtin()
    }

    #[test]
    fn date_ints() {
        let lex = lex();
        let cases = [("26日", 26, 2), ("二十六日", 26, 3), ("二〇二〇年", 2020, 4), ("十二月", 12, 2), ("２６", 26, 2)];
        for (text, value, chars) in cases {
            let (_, n) = date_int(&lex, text).unwrap();
            assert_eq!((n.value, n.chars), (value, chars), "{text}");
        }
        assert!(date_int(&lex, "日").is_err());
    }

    #[test]
    fn dates() {
        let (lex, cal) = (lex(), Calendar::builtin());
        let d = |y: Option<i32>, m: Option<u8>, day: Option<u8>| Date { year: y, month: m, day, ..Date::default() };
        let cases: &[(&str, Option<Date>, usize)] = &[
            ("2020年7月10日，", Some(d(Some(2020), Some(7), Some(10))), 16),
            ("7月26日电", Some(d(None, Some(7), Some(26))), 9),
            ("7月17和7月22日", Some(d(None, Some(7), Some(17))), 6),
            ("26日称", Some(d(None, None, Some(26))), 5),
            ("二〇一六年", Some(d(Some(2016), None, None)), 15),
            ("6月全国", Some(d(None, Some(6), None)), 4),
            ("8月底首演", Some(Date { part: Some(MonthPart::End), ..d(None, Some(8), None) }), 7),
            ("7日内核酸", None, 0),
            ("13月", None, 0),
            ("100日元", None, 0),
        ];
        for (text, want, len) in cases {
            let got = date(&lex, cal, text).ok();
            assert_eq!(got.map(|g| g.1), *want, "{text}");
            if let Ok((rest, _)) = date(&lex, cal, text) {
                assert_eq!(text.len() - rest.len(), *len, "{text}");
            }
        }
        assert_eq!(month_range_start(&lex, cal, "1-6月").map(|r| r.1).ok(), Some(1));
        assert!(month_range_start(&lex, cal, "1-6日").is_err());
    }

    #[test]
    fn clocks() {
        let (lex, cal) = (lex(), Calendar::builtin());
        let c = |h: u8, m: Option<u8>| Clock { hour: h, minute: m, approximate: false, half_day_known: h > 12 };
        let cases: &[(&str, Option<Clock>)] = &[
            ("19时54分进入", Some(c(19, Some(54)))),
            ("下午3点半", Some(c(15, Some(30)))),
            ("上午10时", Some(Clock { half_day_known: true, ..c(10, None) })),
            ("14:40)", Some(c(14, Some(40)))),
            ("12时20分，", Some(c(12, Some(20)))),
            ("晚上8点", Some(c(20, None))),
            ("7时", Some(c(7, None))),
            ("10时许", Some(Clock { approximate: true, ..c(10, None) })),
            ("三点意见", None),
            ("一时间", None),
            ("3点5亿", None),
            ("19:5", None),
        ];
        for (text, want) in cases {
            assert_eq!(clock(&lex, cal, text).ok().map(|r| r.1), *want, "{text}");
        }
        assert_eq!(weekday(cal, "星期日").map(|r| r.1).ok(), Some(7));
        assert_eq!(weekday(cal, "周三上午").map(|r| r.1).ok(), Some(3));
    }
}
