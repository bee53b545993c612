//! What stands around a number: qualifiers and currency symbols before it, and the
//! signs that it is no claim at all (a year, a date, an ordinal, a list marker, a grade,
//! an idiom, an id).

use super::arabic::is_digit;
use super::claim::Dimension;
use super::lexicon::{Lexicon, Qualifier};
use super::numeral::{Numeral, Script};
use super::units::UnitMatch;

/// The text before `at`, with at most one space skipped when the text is English.
fn before_skipping_space(text: &str, at: usize) -> (&str, usize) {
    let head = &text[..at];
    let trimmed = head.strip_suffix(' ').unwrap_or(head);
    let english = trimmed.ends_with(|c: char| c.is_ascii_alphabetic());
    if english {
        (trimmed, head.len() - trimmed.len())
    } else {
        (head, 0)
    }
}

/// A qualifier right before the number: (qualifier, start of the qualifier).
pub fn qualifier_before(lex: &Lexicon, text: &str, at: usize) -> Option<(Qualifier, usize)> {
    let (head, _) = before_skipping_space(text, at);
    if let Some((n, q)) = lex.qualifier_before().suffix_of(head) {
        return Some((*q, head.len() - n));
    }
    // 最多补贴2万元: a few characters of verb between the qualifier and the figure.
    let mut cut = head.len();
    for _ in 0..lex.qualifier_distance() {
        let c = head[..cut].chars().next_back()?;
        if !super::script::is_han(c) || lex.is_zh_numeral_char(c) {
            return None;
        }
        cut -= c.len_utf8();
        if let Some((n, q)) = lex.qualifier_before().suffix_of(&head[..cut]) {
            let form = &head[cut - n..cut];
            if lex.qualifier_at_distance().contains(form) {
                return Some((*q, at));
            }
        }
    }
    None
}

/// At most the first `max` bytes of `s`, cut at a character boundary.
fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Why a number at `start..end` is not a claim, or `None` when it may be one.
pub fn not_a_claim(
    lex: &Lexicon,
    text: &str,
    start: usize,
    end: usize,
    numeral: &Numeral,
    unit: Option<&UnitMatch>,
    prefixed: bool,
) -> Option<&'static str> {
    let before = &text[..start];
    let after = &text[end..];
    let prev = prev_char(text, start);
    let next = next_char(text, end);

    if lex.zh_ordinal_before().suffix_of(before).is_some() {
        return Some("ordinal (第)");
    }
    if let Some(p) = prev {
        if (p.is_ascii_alphabetic() && !prefixed) || p == '_' || p == '#' || p == '@' {
            return Some("part of an id or code");
        }
        if matches!(p, '.' | '/' | ':' | '-' | '／' | '．')
            && prev_char(text, start - p.len_utf8()).is_some_and(is_digit)
        {
            return Some("part of a compound number (date, version, address)");
        }
        if p == '-' && prev_char(text, start - 1).is_some_and(|c| c.is_ascii_alphabetic()) {
            return Some("part of a name or code (COVID-19, SF-031)");
        }
        if is_digit(p) {
            return Some("inside a longer number");
        }
        if lex.is_zh_numeral_char(p) && numeral.script != Script::English {
            // 二三十: the second digit of a vague range
            return Some("inside a vague range of digits (二三十)");
        }
    }
    if numeral.script == Script::Arabic && glued_ordinal_suffix(lex, after) {
        return Some("ordinal (18th)");
    }
    if let Some(n) = next {
        if matches!(n, ':' | '：') && next_char(text, end + n.len_utf8()).is_some_and(is_digit) {
            return Some("clock time");
        }
        if matches!(n, '.' | '/') && next_char(text, end + 1).is_some_and(is_digit) {
            return Some("part of a compound number (date, version, address)");
        }
        if n.is_ascii_alphabetic()
            && unit.is_none_or(|u| u.len == 0 || !after.starts_with(|c: char| c.is_ascii_alphabetic()))
        {
            return Some("part of an id or code");
        }
    }
    if numeral.script != Script::English && numeral.script != Script::Arabic
        || !after.starts_with(|c: char| c.is_ascii())
    {
        if lex.zh_not_after().prefix_of(after).is_some() && unit.is_none_or(|u| u.dimension == Dimension::Count) {
            return Some("list marker, grade or congress (一是, 三级, 十八大)");
        }
        if lex.zh_not_before().suffix_of(before).is_some() {
            return Some("vague quantity (数十, 上万)");
        }
    }
    if calendar(lex, text, end, numeral, unit) {
        return Some("year or date");
    }
    if matches!(numeral.script, Script::Han | Script::Mixed) && in_idiom(lex, text, start, end) {
        return Some("idiom or name holding a numeral");
    }
    let english_context = numeral.script == Script::English || after.starts_with(' ') || before.ends_with(' ');
    if english_context && !prefixed && (numeral.script == Script::Arabic || numeral.script == Script::English) {
        if let Some(reason) = english_label(lex, before, after, numeral, &text[start..]) {
            return Some(reason);
        }
    }
    None
}

fn glued_ordinal_suffix(lex: &Lexicon, after: &str) -> bool {
    let letters = after.bytes().take_while(u8::is_ascii_alphabetic).count();
    (1..=2).contains(&letters) && lex.en_ordinal_suffixes().iter().any(|s| s.eq_ignore_ascii_case(&after[..letters]))
}

/// Labels and dates in English: "No. 5", "May 24", "24 May", "one of".
fn english_label(
    lex: &Lexicon,
    before: &str,
    after: &str,
    numeral: &Numeral,
    from_start: &str,
) -> Option<&'static str> {
    let word_before = before.trim_end_matches(' ');
    if word_before.len() < before.len() || !word_before.ends_with(|c: char| c.is_ascii_alphabetic()) {
        let last_word = word_before.rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '.')).next().unwrap_or("");
        let last_word = last_word.to_ascii_lowercase();
        if lex.en_months().contains(last_word.trim_end_matches('.')) && numeral.script == Script::Arabic {
            return Some("date (May 24)");
        }
        if lex.en_not_before().contains(&last_word) {
            return Some("label (No. 5, page 12)");
        }
    }
    if let Some(rest) = after.strip_prefix(' ') {
        let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let day = numeral.value.to_i128().is_some_and(|v| (1..=31).contains(&v)) && !numeral.has_point;
        if numeral.script == Script::Arabic && day && lex.en_months().contains(&rest[..len].to_ascii_lowercase()) {
            return Some("date (24 May)");
        }
    }
    let head = head(from_start, 24);
    // "in the first half", "the second quarter": a period, not a share.
    let word = head.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
    let previous = before.trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    if matches!(word.as_str(), "half" | "quarter")
        && ["first", "second", "third", "fourth", "last", "next", "this", "past"]
            .iter()
            .any(|p| previous.eq_ignore_ascii_case(p))
    {
        return Some("period (first half, second quarter)");
    }
    if lex
        .en_idioms()
        .iter()
        .any(|i| head.len() >= i.len() && head.as_bytes()[..i.len()].eq_ignore_ascii_case(i.as_bytes()))
    {
        return Some("idiom (one of)");
    }
    None
}

/// Bytes of the digit string that ends at `end`.
fn numeral_len(text: &str, end: usize) -> usize {
    text[..end].bytes().rev().take_while(u8::is_ascii_digit).count()
}

/// A year (`2016年`, `二〇一六年`, "in 2016"), a part of a date or the minutes of a clock
/// time: not a claim.
fn calendar(lex: &Lexicon, text: &str, end: usize, numeral: &Numeral, unit: Option<&UnitMatch>) -> bool {
    let after = &text[end..];
    let year_like = numeral.digit_string
        && !numeral.scaled
        && !numeral.has_point
        && !numeral.has_separator
        && !numeral.more
        && numeral.value.to_i128().is_some_and(|v| (1000..=2100).contains(&v))
        && (numeral.script != Script::Arabic || numeral.integer_digits == 4);
    after.starts_with("年代")
        || year_like && after.starts_with('年')
        || era_year(lex, text, end, numeral)
        || clock_minutes(lex, text, end)
        || year_like && numeral.script == Script::Arabic && english_year(text, end, unit)
        || day_or_month(lex, after, numeral)
}

/// 民國 years and dates written with them: 105年3月, 民國105年.
fn era_year(lex: &Lexicon, text: &str, end: usize, numeral: &Numeral) -> bool {
    let Some(after_year) = text[end..].strip_prefix('年') else { return false };
    if numeral.scaled || numeral.has_point {
        return false;
    }
    let month = after_year.trim_start_matches(|c: char| lex.is_numeral_char(c));
    let month_follows = month.len() < after_year.len() && month.starts_with('月');
    let before_year = text[..end].trim_end_matches(|c: char| lex.is_numeral_char(c));
    month_follows || lex.zh_eras().iter().any(|e| before_year.ends_with(e.as_str()))
}

/// 下午1時48分, 10点30分: the minutes of a clock time.
fn clock_minutes(lex: &Lexicon, text: &str, end: usize) -> bool {
    if !text[end..].starts_with('分') {
        return false;
    }
    let head = text[..end].trim_end_matches(|c: char| lex.is_numeral_char(c));
    let hour = head.strip_suffix(['时', '時', '点', '點']).unwrap_or("");
    hour.ends_with(|c: char| lex.is_numeral_char(c))
}

/// A four-digit year in English or mixed text: "for 1339 people" is a count; "in 2019
/// people…", "the 2008 Olympics" are years.
fn english_year(text: &str, end: usize, unit: Option<&UnitMatch>) -> bool {
    let previous_word = text[..end - numeral_len(text, end)]
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let year_word = matches!(
        previous_word.as_str(),
        "in" | "since"
            | "by"
            | "of"
            | "from"
            | "until"
            | "till"
            | "during"
            | "the"
            | "to"
            | "and"
            | "before"
            | "after"
            | ""
    );
    let counted = unit.is_some_and(|u| u.dimension == Dimension::Count && !u.unit.is_empty());
    let keeps_figure = unit.is_some_and(|u| matches!(u.dimension, Dimension::Currency | Dimension::Percent))
        || (counted && !year_word);
    let han_context = text[end..].starts_with(|c: char| !c.is_ascii());
    !keeps_figure && !han_context
}

/// A day (`24日`, `5号`) or a month (`5月`) of a date.
fn day_or_month(lex: &Lexicon, after: &str, numeral: &Numeral) -> bool {
    if numeral.script == Script::English || numeral.scaled || numeral.has_point {
        return false;
    }
    let v = numeral.value.to_i128().unwrap_or(0);
    let currency_follows = lex.currency_after().prefix_of(after).is_some_and(|(n, _)| n > 3);
    let day = (1..=31).contains(&v) && !currency_follows && after.starts_with(['日', '号', '號']);
    day || (1..=12).contains(&v) && after.starts_with('月')
}

/// Whether an idiom or name (`一切`, `统一`, `三明`, `千万不要`) covers the number's
/// first character.
pub fn in_idiom(lex: &Lexicon, text: &str, start: usize, _end: usize) -> bool {
    let mut chars = text[start..].chars();
    let Some(c) = chars.next() else { return false };
    let holds = |key: (char, Option<char>)| {
        lex.zh_idioms_by_char().get(&key).is_some_and(|idioms| {
            idioms.iter().any(|(off, idiom)| {
                start >= *off && text.get(start - off..).is_some_and(|t| t.starts_with(idiom.as_str()))
            })
        })
    };
    chars.next().is_some_and(|next| holds((c, Some(next)))) || holds((c, None))
}

pub fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
