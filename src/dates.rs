//! Publication dates as news metadata writes them (`2022-05-24`, `2022/5/24 10:00`,
//! `Tue, 24 May 2022 11:59:07 GMT`, `2022年5月24日`), as day and minute numbers: how far
//! apart two reports are, and which came first.

/// Minutes since 1970-01-01 of a date and, when written, its clock time (`Wed, 3 Mar 2021
/// 08:15:00 GMT`, `2022-05-24 20:50:09`): which of two reports came first.
pub fn minute_number(date: &str) -> Option<i64> {
    let day = day_number(date)?;
    let clock = date.split_whitespace().find_map(|w| {
        let mut parts = w.split(':');
        let h: i64 = parts.next()?.parse().ok()?;
        let m: i64 = parts.next()?.parse().ok()?;
        ((0..24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
    });
    Some(day * 1440 + clock.unwrap_or(0))
}

/// Days since 1970-01-01 of a date as news metadata writes it: `2022-05-24`,
/// `2022/5/24 10:00`, `Tue, 24 May 2022 11:59:07 GMT`, `2022年5月24日`.
pub fn day_number(date: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = date.to_lowercase();
    let numbers: Vec<i64> =
        lower.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    let month_name = MONTHS.iter().position(|m| lower.contains(m)).map(|i| i as i64 + 1);
    let (y, m, d) = match month_name {
        Some(m) => {
            let y = *numbers.iter().find(|&&n| n >= 1900)?;
            let d = *numbers.iter().find(|&&n| (1..=31).contains(&n))?;
            (y, m, d)
        }
        None => {
            let (y, m, d) = (*numbers.first()?, *numbers.get(1)?, *numbers.get(2)?);
            if y < 1900 {
                return None;
            }
            (y, m, d)
        }
    };
    days_from_civil(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar; `None` for a
/// month or day out of range.
pub fn days_from_civil(y: i32, m: u8, d: u8) -> Option<i64> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}
