//! How dates, weekdays and clock times of two parallel documents relate: partial dates
//! filled from each document's dateline, weekdays computed from the civil calendar, and
//! clocks that may be either half of the day.

use super::relation::{Dateline, Problem, Relation};
use crate::dates::days_from_civil;
use crate::extract::mention::{Clock, Date, Kind, Relative};

/// A date with what it leaves out filled from the dateline: `26日` in a July dateline is
/// July 26; a month and day without a year take the dateline's year.
pub fn fill(d: &Date, dl: &Dateline) -> Date {
    let mut out = *d;
    if out.day.is_some() && out.month.is_none() {
        out.month = dl.month;
    }
    if out.month.is_some() && out.year.is_none() {
        out.year = dl.year;
    }
    out
}

/// Two dates, each as written and filled from its dateline: the month a day takes from
/// the dateline is compared, a year only where both wrote one (the years a dateline
/// lends serve weekdays).
pub(super) fn dates((wa, a): (&Date, &Date), (wb, b): (&Date, &Date)) -> Relation {
    let mut shared = 0;
    let years = if wa.year.is_some() && wb.year.is_some() { (a.year, b.year) } else { (None, None) };
    for (x, y) in [
        (years.0.map(i64::from), years.1.map(i64::from)),
        (a.month.map(i64::from), b.month.map(i64::from)),
        (a.day.map(i64::from), b.day.map(i64::from)),
    ] {
        if let (Some(x), Some(y)) = (x, y) {
            if x != y {
                return Relation::Differ(Problem::Date);
            }
            shared += 1;
        }
    }
    // Weekdays are compared where one side wrote one ("Monday, July 27").
    if wa.weekday.is_some() || wb.weekday.is_some() {
        if let (Some(x), Some(y)) = (weekday_of(a), weekday_of(b)) {
            if x != y {
                return Relation::Differ(Problem::Date);
            }
        }
    }
    if shared == 0 {
        Relation::Unrelated
    } else {
        Relation::Same
    }
}

/// A date against a mention of another kind: a day against an ordinal ("the 26th"), a
/// year against a bare number, a full date against a weekday or a relative day.
pub(super) fn date_and(d: &Date, other: &Kind, dl: &Dateline) -> Relation {
    let same_or_date = |same: bool| if same { Relation::Same } else { Relation::Differ(Problem::Date) };
    match other {
        // "the 26th": a day in digits; "first" is rarely a date.
        Kind::Ordinal(n, false) if *n <= 31 => match d.day {
            Some(day) if d.year.is_none() || d.month.is_some() => same_or_date(u32::from(day) == *n),
            _ => Relation::Unrelated,
        },
        Kind::Number(n) if !n.vague && n.value.fract() == 0.0 && (1000.0..3000.0).contains(&n.value) => {
            match (d.year, d.month, d.day) {
                (Some(y), None, None) => same_or_date(f64::from(y) == n.value),
                _ => Relation::Unrelated,
            }
        }
        Kind::Weekday(w) => match weekday_of(d) {
            Some(x) => same_or_date(x == *w),
            None => Relation::Unrelated,
        },
        Kind::Relative(Relative::Day(k)) => match (day_number(d), dateline_day(dl)) {
            (Some(x), Some(base)) if x == base + i64::from(*k) => Relation::Same,
            _ => Relation::Unrelated,
        },
        Kind::Relative(Relative::Year(k)) => match (d.year, dl.year, d.month) {
            (Some(y), Some(base), None) if y == base + k => Relation::Same,
            _ => Relation::Unrelated,
        },
        _ => Relation::Unrelated,
    }
}

pub(super) fn clocks(a: &Clock, b: &Clock) -> Relation {
    let minutes = |c: &Clock, hour: u8| i32::from(hour) * 60 + i32::from(c.minute.unwrap_or(0));
    // A 12-hour clock written without a.m. or p.m. ("7:54") may be either half of the day.
    let hours = |c: &Clock| {
        if c.hour <= 12 && !c.half_day_known {
            vec![c.hour, (c.hour + 12) % 24]
        } else {
            vec![c.hour]
        }
    };
    let slack = if a.approximate || b.approximate { 30 } else { 0 };
    let close = hours(a).iter().any(|&x| {
        hours(b).iter().any(|&y| {
            let d = (minutes(a, x) - minutes(b, y)).rem_euclid(24 * 60);
            d.min(24 * 60 - d) <= slack
        })
    });
    if close {
        Relation::Same
    } else {
        Relation::Differ(Problem::Date)
    }
}

/// Days since 1970-01-01 of a full date.
fn day_number(d: &Date) -> Option<i64> {
    days_from_civil(d.year?, d.month?, d.day?)
}

fn dateline_day(dl: &Dateline) -> Option<i64> {
    days_from_civil(dl.year?, dl.month?, dl.day?)
}

/// The weekday of a full date (Monday = 1), or the one written with it.
pub fn weekday_of(d: &Date) -> Option<u8> {
    if let Some(w) = d.weekday {
        return Some(w);
    }
    // 1970-01-01 was a Thursday.
    day_number(d).map(|n| ((n + 3).rem_euclid(7) + 1) as u8)
}
