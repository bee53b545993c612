//! Passes over a text's mentions once they are found: what one mention means depends on
//! its neighbour (a second day written with one month, a number split by a spaced
//! thousands separator).

use super::{grouping, Clock, Date, Kind, Mention, Number};

/// "July 24 and 25", "July 24-25": the second day of a pair written with one month.
pub(super) fn second_days(text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(i);
        let (prev, m) = (&before[i - 1], &mut rest[0]);
        let Kind::Number(n) = m.kind else { continue };
        let joined = matches!(text.get(prev.end..m.start), Some(" and " | " to " | "-" | "–" | " - "));
        if !joined || n.spelled || n.value.fract() != 0.0 {
            continue;
        }
        match prev.kind {
            Kind::Date(d) if d.month.is_some() && d.day.is_some() && (1.0..=31.0).contains(&n.value) => {
                m.kind = Kind::Date(Date { day: Some(n.value as u8), ..d });
            }
            // "from 0:00 to 24": the second clock of a span.
            Kind::Time(t) if (0.0..=24.0).contains(&n.value) => {
                m.kind = Kind::Time(Clock { hour: n.value as u8, minute: None, ..t });
            }
            _ => {}
        }
    }
}

/// `6, 000 heliostats`: a number written with a spaced thousands group is one figure,
/// with the unit of what follows.
pub(super) fn join_spaced_groups(text: &str, mentions: &mut Vec<Mention>) {
    let mut i = 0;
    while i < mentions.len() {
        let start = mentions[i].start;
        let Some((end, value)) = grouping::spaced_grouping(text, start) else {
            i += 1;
            continue;
        };
        // The mention that holds the last group carries the unit, if any.
        let last = (i..mentions.len()).take_while(|&j| mentions[j].start < end).last().unwrap_or(i);
        let mut joined = mentions[last].clone();
        joined.start = start;
        match &mut joined.kind {
            Kind::Quantity(c) => {
                c.start = start;
                c.number_start = start;
                c.value = value;
                c.low = Some(value);
                c.high = Some(value);
            }
            kind => *kind = Kind::Number(Number { value, low: value, high: value, vague: false, spelled: false }),
        }
        joined.end = joined.end.max(end);
        mentions.splice(i..=last, [joined]);
        i += 1;
    }
}
