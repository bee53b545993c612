//! Thousands groups that machine translation spaces apart: `6, 000`, `4, 404 fishermen`,
//! `1, 500,000`. A number of one to three digits, a comma and a space, and a group of
//! exactly three digits is one garbled number: lists of figures are not written so.

/// The end and value of a number with a spaced thousands group starting at `start`.
pub fn spaced_grouping(text: &str, start: usize) -> Option<(usize, f64)> {
    let b = text.as_bytes();
    if start > 0 && (b[start - 1].is_ascii_digit() || matches!(b[start - 1], b',' | b'.' | b':' | b'-' | b'/')) {
        return None;
    }
    let run = |at: usize| at + b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = run(start);
    if !(1..=3).contains(&(first - start)) || b.get(first..first + 2) != Some(b", ") {
        return None;
    }
    // "July 25, 135 cases": a day of a month, then the next figure.
    let word_before = text[..start].trim_end_matches(' ');
    if word_before.len() < start
        && super::Calendar::builtin().en_months.suffix_of(word_before.trim_end_matches('.')).is_some()
    {
        return None;
    }
    let second = first + 2;
    let second_end = run(second);
    if second_end - second != 3 {
        return None;
    }
    let mut end = second_end;
    while b.get(end) == Some(&b',') && end + 4 <= b.len() && run(end + 1) == end + 4 {
        end += 4;
    }
    if end < b.len() && (b[end].is_ascii_digit() || b[end] == b'.' && b.get(end + 1).is_some_and(u8::is_ascii_digit)) {
        return None;
    }
    let digits: String = text[start..end].chars().filter(char::is_ascii_digit).collect();
    Some((end, digits.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_groups() {
        assert_eq!(spaced_grouping("6, 000 heliostats", 0), Some((6, 6000.0)));
        assert_eq!(spaced_grouping("1, 500,000 coupons", 0), Some((10, 1_500_000.0)));
        assert_eq!(spaced_grouping("10, 30364 cases", 0), None);
        assert_eq!(spaced_grouping("4, 404 fishermen", 0), Some((6, 4404.0)));
        assert_eq!(spaced_grouping("14:00, 210,000 samples", 3), None);
        assert_eq!(spaced_grouping("July 25, 135 cases", 5), None);
        assert_eq!(spaced_grouping("2019, 2020", 0), None);
    }
}
