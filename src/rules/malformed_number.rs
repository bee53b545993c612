//! Flags digit groupings that no locale writes: a thousands comma followed by two digits
//! or by four or more (`49,00`, `1,2345`), a space after a comma inside one number
//! (`1, 500,000`, `6, 000`), or a short number and a long one joined by a comma and a
//! space (`10, 30364`).
//!
//! Why: machine translation and OCR garble numbers this way, and a reader cannot tell
//! which figure was meant: `49,00` may be 49.00 or 49,000, `1, 500,000` reads as 1 and
//! 500,000. Any document is checked, parallel or not.
//!
//! Chinese: a translation of `全国已有4.9万台` that says "49,00 machines" is flagged; so are
//! `共计1, 500,000元` and `建成6, 000座` in a scraped page.
//! English: "participated in 10, 30364 flood fighting cases" is flagged on `10, 30364`;
//! "July 10, 2020" and "1,007 hospitals" are not.
//!
//! Lists of single digits (`1,2,3`), decimals (`3.5`), years after a comma (`10, 2020`),
//! a day and the next figure ("July 25, 135 cases"), Chinese commas (`10，30364` is two
//! numbers) and figures between Chinese characters that may be a list
//! (`满1000直降100,2000直降300`, `降100, 200元`) are left alone.

use super::{content_key, finding, Rule};
use crate::finding::Finding;
use crate::source::Document;

pub struct MalformedNumber;

pub(super) const ID: &str = "malformed-number";

/// A run of ASCII digits at `at`: its end.
fn digits_end(b: &[u8], at: usize) -> usize {
    at + b[at..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// Why the number starting at `start` (its first digit) is malformed, and where it ends.
fn malformed(text: &str, start: usize) -> Option<(usize, &'static str)> {
    let b = text.as_bytes();
    let mut groups: Vec<(usize, usize)> = vec![(start, digits_end(b, start))];
    let mut spaced = false;
    loop {
        let end = groups.last()?.1;
        let after = &b[end..];
        let (skip, space) = match after {
            [b',', b' ', c, ..] if c.is_ascii_digit() && groups.len() == 1 => (2, true),
            [b',', c, ..] if c.is_ascii_digit() => (1, false),
            _ => break,
        };
        let next = end + skip;
        groups.push((next, digits_end(b, next)));
        spaced |= space;
    }
    let end = groups.last()?.1;
    // A decimal part or a longer token (a version, an id): not a grouping question.
    if b.get(end).is_some_and(|c| *c == b'.' && b.get(end + 1).is_some_and(u8::is_ascii_digit))
        || b.get(end).is_some_and(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    if groups.len() < 2 {
        return None;
    }
    let lens: Vec<usize> = groups.iter().map(|(s, e)| e - s).collect();
    // 1,2,3: a list of single digits.
    if lens.iter().all(|&n| n == 1) {
        return None;
    }
    let first_ok = (1..=3).contains(&lens[0]);
    if spaced {
        if crate::extract::mention::grouping::spaced_grouping(text, start).is_some() {
            return Some((end, "a comma and a space inside one number"));
        }
        let rest = &lens[1..];
        let value_after: u64 = text[groups[1].0..groups[1].1].parse().unwrap_or(0);
        // "July 10, 2020", "pages 3, 1998": a year after the comma is a list or a date.
        let year = rest.len() == 1 && rest[0] == 4 && (1000..3000).contains(&value_after);
        let grouped = rest[0] == 3 && rest.len() > 1 && rest.iter().all(|&n| n == 3);
        if first_ok && !year && (grouped || rest.len() == 1 && rest[0] >= 4) {
            return Some((end, "a comma and a space inside one number"));
        }
        return None;
    }
    if first_ok && lens[1..].iter().any(|&n| n != 3) && lens.len() == 2 && lens[1] != 1 {
        return Some((end, "a thousands comma with a group that is not three digits"));
    }
    None
}

/// Chinese text uses the ASCII comma between figures as a list mark (`满1000直降100,2000直降300`).
fn between_han(text: &str, start: usize, end: usize) -> bool {
    let han = |c: Option<char>| c.is_some_and(|c| ('\u{3400}'..='\u{9fff}').contains(&c));
    han(text[..start].chars().next_back()) || han(text[end..].chars().next())
}

/// Whether a malformed number that Chinese stands around can still not be a list: a space
/// after the first comma and then thousands groups (`1, 500,000`), or a group no list item
/// starts with (`6, 000`).
fn garbled_among_han(written: &str) -> bool {
    let Some((_, rest)) = written.split_once(", ") else { return false };
    let groups: Vec<&str> = rest.split(',').collect();
    groups.iter().all(|g| g.len() == 3) && (groups.len() >= 2 || rest.starts_with('0'))
}

impl Rule for MalformedNumber {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_document(&self, doc: usize, document: &Document) -> Vec<Finding> {
        let text = &document.text;
        malformed_numbers(text)
            .into_iter()
            .map(|(span, why)| {
                let written = &text[span.clone()];
                finding(
                    ID,
                    doc,
                    document,
                    span.clone(),
                    format!("`{written}` is not a number any locale writes: {why}"),
                    Some("write the figure as the source states it (49,000 or 49.00; 1,500,000)".to_string()),
                    &content_key(text, span),
                )
            })
            .collect()
    }
}

/// The malformed numbers of a text and why each is.
fn malformed_numbers(text: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(skipped) = b[i..].iter().position(u8::is_ascii_digit) {
        i += skipped;
        let glued = i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'.' | b',' | b':' | b'-' | b'/'));
        if glued {
            i += 1;
            continue;
        }
        let garbled = |&(end, _): &(usize, &str)| !between_han(text, i, end) || garbled_among_han(&text[i..end]);
        match malformed(text, i).filter(garbled) {
            Some((end, why)) => {
                out.push((i..end, why));
                i = end;
            }
            None => i = digits_end(b, i).max(i + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groupings() {
        fn flagged(t: &str) -> Option<&str> {
            malformed(t, 0).map(|(end, _)| &t[..end])
        }
        assert_eq!(flagged("49,00 machines"), Some("49,00"));
        assert_eq!(flagged("1, 500,000 coupons"), Some("1, 500,000"));
        assert_eq!(flagged("10, 30364 cases"), Some("10, 30364"));
        assert_eq!(flagged("1,2345 yuan"), Some("1,2345"));
        assert_eq!(flagged("6, 000 heliostats"), Some("6, 000"));
        for fine in [
            "1,007 hospitals",
            "10, 2020",
            "1,2,3",
            "3.5",
            "16,048,100",
            "2, 3 and 4",
            "1,5",
            "12,345.6",
            "2, 30 and 4",
        ] {
            assert_eq!(flagged(fine), None, "{fine}");
        }
    }

    #[test]
    fn among_chinese_only_what_cannot_be_a_list() {
        let flagged = |t: &str| malformed_numbers(t);
        assert_eq!(flagged("共计1, 500,000元").len(), 1);
        assert_eq!(flagged("建成6, 000座").len(), 1);
        assert!(flagged("满1000直降100,2000直降300").is_empty());
        assert!(flagged("降100, 200元").is_empty());
        assert!(flagged("共有49,00台").is_empty());
    }
}
