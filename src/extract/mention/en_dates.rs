//! English dates and clock times: "July 26", "July 26th, 2020", "26 July", "Jul. 26",
//! "July 2020", "in May", "on the 26th", "19:54", "7:54 p.m.", "3 pm", "noon", weekday
//! names, and ordinals ("18th", "third"). nom parsers over the calendar words.

use super::calendar::{Calendar, HalfDay};
use super::{Clock, Date};
use crate::extract::lexicon::Table;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1, take_while_m_n};
use nom::character::complete::{char as one_char, space0, space1};
use nom::combinator::{map, map_res, opt, verify};
use nom::sequence::{pair, preceded, terminated, tuple};
use nom::IResult;

fn fail(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
}

fn word<'a, T: Clone>(table: &Table<T>, input: &'a str) -> IResult<&'a str, T> {
    match table.prefix_of(input) {
        Some((n, v)) => Ok((&input[n..], v.clone())),
        None => Err(fail(input)),
    }
}

/// Between `min` and `max` ASCII digits, not followed by another digit or a thousands
/// group (`26,000`).
fn digits(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, u32> {
    move |input| {
        let (rest, n) = map_res(take_while_m_n(min, max, |c: char| c.is_ascii_digit()), str::parse::<u32>)(input)?;
        let grouped = rest.strip_prefix(',').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if grouped || rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(fail(input));
        }
        Ok((rest, n))
    }
}

/// A capitalized month name ("July", "Jul.", "Sept"); lowercase "may" and "march" are verbs.
fn month_name<'a>(cal: &'a Calendar, input: &'a str) -> IResult<&'a str, u8> {
    if !input.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Err(fail(input));
    }
    let (rest, m) = word(&cal.en_months, input)?;
    let (rest, _) = opt(one_char('.'))(rest)?;
    Ok((rest, m))
}

/// A day of the month with an optional ordinal suffix: "26", "26th".
fn day<'a>(cal: &'a Calendar, input: &'a str) -> IResult<&'a str, u8> {
    let (rest, d) = verify(digits(1, 2), |d| (1..=31).contains(d))(input)?;
    let (rest, _) = opt(|i| word(&cal.en_ordinal_suffixes, i))(rest)?;
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == ':') {
        return Err(fail(input));
    }
    Ok((rest, d as u8))
}

/// A day with its ordinal suffix, as "the 26th" writes it.
fn ordinal_day<'a>(cal: &'a Calendar, input: &'a str) -> IResult<&'a str, u8> {
    let (rest, d) = verify(digits(1, 2), |d| (1..=31).contains(d))(input)?;
    let (rest, ()) = suffix(cal, rest)?;
    Ok((rest, d as u8))
}

/// An ordinal suffix, alone as a word: "th", or " th" as machine translation spaces it.
fn suffix<'a>(cal: &'a Calendar, input: &'a str) -> IResult<&'a str, ()> {
    let spaced = input.strip_prefix(' ').unwrap_or(input);
    let (rest, ()) = word(&cal.en_ordinal_suffixes, spaced)?;
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(fail(input));
    }
    Ok((rest, ()))
}

/// ", 2020" or " 2020" after a month and day.
fn year_after(input: &str) -> IResult<&str, u32> {
    preceded(pair(opt(one_char(',')), space1), verify(digits(4, 4), |y| (1000..=2999).contains(y)))(input)
}

/// A date at the start of `input`.
pub fn date<'a>(cal: &'a Calendar, input: &'a str) -> IResult<&'a str, Date> {
    let month_day = map(tuple((|i| month_name(cal, i), space1, |i| day(cal, i), opt(year_after))), |(m, _, d, y)| {
        Date { year: y.map(|y| y as i32), month: Some(m), day: Some(d), ..Date::default() }
    });
    let day_month = map(
        tuple((|i| day(cal, i), space1, opt(pair(tag_no_case("of"), space1)), |i| month_name(cal, i), opt(year_after))),
        |(d, _, _, m, y)| Date { year: y.map(|y| y as i32), month: Some(m), day: Some(d), ..Date::default() },
    );
    let month_year = map(pair(|i| month_name(cal, i), year_after), |(m, y)| Date {
        year: Some(y as i32),
        month: Some(m),
        ..Date::default()
    });
    let the_day = map(
        tuple((
            tag_no_case("the"),
            space1,
            |i| ordinal_day(cal, i),
            opt(preceded(tuple((space1, tag_no_case("of"), space1)), |i| month_name(cal, i))),
        )),
        |(_, _, d, m)| Date { month: m, day: Some(d), ..Date::default() },
    );
    let iso = map(
        tuple((
            verify(digits(4, 4), |y| (1000..=2999).contains(y)),
            one_char('-'),
            verify(digits(2, 2), |m| (1..=12).contains(m)),
            one_char('-'),
            verify(digits(2, 2), |d| (1..=31).contains(d)),
        )),
        |(y, _, m, _, d)| Date { year: Some(y as i32), month: Some(m as u8), day: Some(d as u8), ..Date::default() },
    );
    alt((month_day, day_month, month_year, the_day, iso))(input)
}

/// A month name standing alone where only a month can stand ("in May", "early July").
pub fn month_alone<'a>(cal: &'a Calendar, text: &'a str, at: usize) -> Option<(usize, u8)> {
    let (rest, m) = month_name(cal, &text[at..]).ok()?;
    if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // Only "May" and "March" are also verbs; other month names stand alone.
    if !matches!(m, 3 | 5) {
        return Some((text.len() - rest.len(), m));
    }
    let before = text[..at].trim_end_matches([' ', '-']);
    if before.ends_with(',') {
        return Some((text.len() - rest.len(), m));
    }
    // ASCII letters are one byte each: the word starts that many bytes before the end.
    let word_start = before.len() - before.chars().rev().take_while(|c| c.is_ascii_alphabetic()).count();
    cal.en_month_alone_after.prefix_of(&before[word_start..]).filter(|(n, _)| *n == before.len() - word_start)?;
    Some((text.len() - rest.len(), m))
}

/// A clock time at the start of `input`: "19:54", "7:54 p.m.", "3 pm", "8 o'clock".
pub fn clock<'a>(cal: &'a Calendar, input: &'a str) -> IResult<&'a str, Clock> {
    let half = |i: &'a str| word(&cal.en_half_day, i);
    let colon = map(
        tuple((
            verify(digits(1, 2), |h| *h <= 24),
            one_char(':'),
            verify(digits(2, 2), |m| *m <= 59),
            opt(preceded(space0, half)),
        )),
        |(h, _, m, half)| Clock::new(h, Some(m), half, false),
    );
    let hour_half = map(
        pair(
            verify(digits(1, 2), |h| (1..=12).contains(h)),
            preceded(space0, verify(half, |h| matches!(h, HalfDay::Morning | HalfDay::Afternoon))),
        ),
        |(h, half)| Clock::new(h, None, Some(half), false),
    );
    let oclock = map(terminated(verify(digits(1, 2), |h| *h <= 24), pair(space1, |i| word(&cal.en_oclock, i))), |h| {
        Clock::new(h, None, None, false)
    });
    let named = map(verify(half, |h| matches!(h, HalfDay::Noon | HalfDay::Midnight)), |h| match h {
        HalfDay::Noon => Clock::new(12, Some(0), Some(HalfDay::Noon), false),
        _ => Clock::new(0, Some(0), None, false),
    });
    alt((colon, hour_half, oclock, named))(input)
}

/// "18th", "1st", "third", "twenty-first": an ordinal and its value.
pub fn ordinal<'a>(cal: &'a Calendar, input: &'a str) -> IResult<&'a str, u32> {
    let numeric = terminated(map_res(take_while1(|c: char| c.is_ascii_digit()), str::parse::<u32>), |i| suffix(cal, i));
    let tens_word = |i: &'a str| -> IResult<&'a str, u32> {
        let (rest, w) = take_while1(|c: char| c.is_ascii_alphabetic())(i)?;
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        let at = tens.iter().position(|t| w.eq_ignore_ascii_case(t)).ok_or_else(|| fail(i))?;
        Ok((rest, 20 + 10 * at as u32))
    };
    let compound = map(tuple((tens_word, alt((tag("-"), tag(" "))), |i| word(&cal.en_ordinals, i))), |(t, _, o)| {
        if o < 10 {
            t + o
        } else {
            u32::MAX
        }
    });
    let (rest, n) = alt((numeric, verify(compound, |n| *n != u32::MAX), |i| word(&cal.en_ordinals, i)))(input)?;
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(fail(input));
    }
    Ok((rest, n))
}

/// "1980s", "90s", "'90s": a decade, by its first year.
pub fn decade(input: &str) -> Option<(usize, f64)> {
    let digits = input.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &input[digits..];
    let suffix = if rest.starts_with('s') {
        1
    } else if rest.starts_with(" s") && digits == 2 {
        // "post-90 s", as machine translation spaces it
        2
    } else if rest.starts_with("'s") {
        2
    } else if rest.starts_with("’s") {
        "’s".len()
    } else {
        0
    };
    let whole = suffix > 0 && !rest[suffix..].starts_with(|c: char| c.is_ascii_alphanumeric());
    let value: u32 = input[..digits].parse().ok()?;
    (whole && matches!(digits, 2 | 4) && value % 10 == 0).then_some((digits + suffix, f64::from(value)))
}

/// A capitalized weekday name, Monday = 1.
pub fn weekday<'a>(cal: &'a Calendar, input: &'a str) -> IResult<&'a str, u8> {
    if !input.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Err(fail(input));
    }
    let (rest, d) = word(&cal.en_weekdays, input)?;
    let (rest, _) = opt(one_char('.'))(rest)?;
    Ok((rest, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cal = Calendar::builtin();
        let d = |y: Option<i32>, m: Option<u8>, day: Option<u8>| Date { year: y, month: m, day, ..Date::default() };
        let cases: &[(&str, Option<Date>, &str)] = &[
            ("July 26 (Xinhua)", Some(d(None, Some(7), Some(26))), " (Xinhua)"),
            ("July 26th, 2020, the", Some(d(Some(2020), Some(7), Some(26))), ", the"),
            ("26 July 2020.", Some(d(Some(2020), Some(7), Some(26))), "."),
            ("Jul. 6th and", Some(d(None, Some(7), Some(6))), " and"),
            ("July 2020 was", Some(d(Some(2020), Some(7), None)), " was"),
            ("the 26th, Dalian", Some(d(None, None, Some(26))), ", Dalian"),
            ("the 26th of July", Some(d(None, Some(7), Some(26))), ""),
            ("2020-07-26 report", Some(d(Some(2020), Some(7), Some(26))), " report"),
            ("may 26", None, ""),
            ("July 26,000", None, ""),
            ("the 18th National", Some(d(None, None, Some(18))), " National"),
        ];
        for (text, want, rest) in cases {
            let got = date(cal, text).ok();
            assert_eq!(got.map(|g| g.1), *want, "{text}");
            if let Some((r, _)) = got {
                assert_eq!(r, *rest, "{text}");
            }
        }
        let text = "The plan is due in May. May be late, and April too";
        assert_eq!(month_alone(cal, text, text.find("April").unwrap()).map(|m| m.1), Some(4));
        assert_eq!(month_alone(cal, text, text.find("May").unwrap()).map(|m| m.1), Some(5));
        assert_eq!(month_alone(cal, text, text.rfind("May").unwrap()), None);
    }

    #[test]
    fn clocks_ordinals_weekdays() {
        let cal = Calendar::builtin();
        let c =
            |h: u8, m: Option<u8>| Clock { hour: h, minute: m, approximate: false, half_day_known: h > 12 || h == 0 };
        let cases: &[(&str, Option<Clock>)] = &[
            ("19:54 on", Some(c(19, Some(54)))),
            ("7:54 p.m. on", Some(c(19, Some(54)))),
            ("3 pm", Some(c(15, None))),
            ("12 a.m.", Some(c(0, None))),
            ("4 a.m.", Some(Clock { half_day_known: true, ..c(4, None) })),
            ("8 o'clock", Some(c(8, None))),
            ("noon on", Some(Clock { half_day_known: true, ..c(12, Some(0)) })),
            ("4:00 of July", Some(c(4, Some(0)))),
            ("3 people", None),
            ("1:2", None),
        ];
        for (text, want) in cases {
            assert_eq!(clock(cal, text).ok().map(|r| r.1), *want, "{text}");
        }
        for (text, want) in
            [("18th", Some(18)), ("28 th,", Some(28)), ("third", Some(3)), ("twenty-first", Some(21)), ("thirds", None)]
        {
            assert_eq!(ordinal(cal, text).ok().map(|r| r.1), want, "{text}");
        }
        assert_eq!(weekday(cal, "Wednesday that").ok().map(|r| r.1), Some(3));
        assert!(weekday(cal, "sun").is_err());
    }
}
