//! What a mention states, in words a finding can show: `6000多亩` reads "6000 to 7000
//! mu", `26日` in a July dateline "July 26", `19时54分` "19:54".

use super::relate::{fill, Dateline};
use crate::extract::mention::{Kind, Mention, Relative};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A normalized reading of `m`.
pub fn reads(m: &Mention, dl: &Dateline) -> String {
    match &m.kind {
        Kind::Quantity(c) => {
            let unit = if c.unit.is_empty() { String::new() } else { format!(" {}", c.unit) };
            match (c.low, c.high) {
                (Some(l), Some(h)) if (h - l).abs() > 1e-9 * h.abs().max(1.0) && c.digits.is_empty() => {
                    format!("{} to {}{unit}", number(l), number(h))
                }
                (Some(l), None) if c.value == l => format!("more than {}{unit}", number(c.value)),
                _ => format!("{}{unit}", number(c.value)),
            }
        }
        Kind::Date(d) => {
            let d = fill(d, dl);
            let mut parts = Vec::new();
            if let Some(m) = d.month {
                parts.push(MONTHS[usize::from(m.clamp(1, 12)) - 1].to_string());
            }
            if let Some(day) = d.day {
                if d.month.is_some() {
                    parts.push(day.to_string());
                } else {
                    parts.push(format!("day {day}"));
                }
            }
            let mut out = parts.join(" ");
            if let Some(y) = d.year {
                out = if out.is_empty() { y.to_string() } else { format!("{out}, {y}") };
            }
            if let Some(w) = super::relate::weekday_of(&d) {
                out.push_str(&format!(" ({})", WEEKDAYS[usize::from(w.clamp(1, 7)) - 1]));
            }
            out
        }
        Kind::Time(t) => format!("{:02}:{:02}", t.hour, t.minute.unwrap_or(0)),
        Kind::Weekday(w) => WEEKDAYS[usize::from((*w).clamp(1, 7)) - 1].to_string(),
        Kind::Relative(Relative::Day(k)) => format!("{k:+} days from the dateline"),
        Kind::Relative(Relative::Year(k)) => format!("{k:+} years from the dateline"),
        Kind::Ordinal(n, _) => format!("ordinal {n}"),
        Kind::Number(n) if n.vague => format!("{} to {}", number(n.low), number(n.high)),
        Kind::Number(n) => number(n.value),
        Kind::Counting(n) => format!("{n} (a counting word)"),
    }
}
