//! Every numeric mention of a text, as a translation reviewer reads it: quantities (the
//! claims), dates and clock times, weekdays, days and years named relative to the
//! dateline, ordinals, bare numbers, vague amounts (`数亿`, "hundreds of") and counting
//! words ("a caravan", "both"). Stories compare claims only; parallel documents compare
//! every mention of one segment with those of its counterpart.

pub mod calendar;
mod en_dates;
pub mod grouping;
mod passes;
mod vague;
mod zh_dates;

pub use calendar::{Calendar, MonthPart, Relative};

use super::claim::{Claim, Dimension};
use super::scan::Extractor;
use passes::{join_spaced_groups, second_days};
use vague::vague_mention;

/// A calendar date, or the parts of one that were written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// A weekday written with the date ("Monday, July 27").
    pub weekday: Option<u8>,
    /// Early, middle or end of the month, for a month without a day (`8月底`).
    pub part: Option<MonthPart>,
}

/// A time of day, the hour on the 24-hour clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Clock {
    pub hour: u8,
    pub minute: Option<u8>,
    /// `10时许`, "about 10:00".
    pub approximate: bool,
    /// The half of the day is known: written (下午, "p.m.") or past noon on the clock. A
    /// bare "7:54" may be either.
    pub half_day_known: bool,
}

/// What a mention states.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A claim: an amount, a percentage, a count or a measure.
    Quantity(Claim),
    Date(Date),
    Time(Clock),
    /// A weekday alone ("on Wednesday", `周三`), Monday = 1.
    Weekday(u8),
    /// "today", `去年`: a day or year counted from the dateline.
    Relative(Relative),
    /// `第三届`, "third", "18th", and whether it is written in words (`三`, "third").
    Ordinal(u32, bool),
    /// A number with nothing that says what it counts, or a vague amount (`数亿`,
    /// "hundreds of"), with the interval it allows.
    Number(Number),
    /// "a", "an", "both": a count only where the other side has a numeral.
    Counting(u32),
}

/// A bare or vague number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    /// `数亿`, "hundreds of": an order of magnitude, not a figure.
    pub vague: bool,
    /// Written in words, Chinese (`三`, `两`) or English ("one"): in names, set phrases
    /// and pronouns as often as not.
    pub spelled: bool,
}

/// One numeric mention: its byte span in the text and what it states.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Mention {
    /// The number a mention states, however it is written: a quantity's value, a date's
    /// most specific part, an hour, an ordinal.
    pub fn value(&self) -> Option<f64> {
        Some(match &self.kind {
            Kind::Quantity(c) => c.value,
            Kind::Date(d) => f64::from(d.day.or(d.month).map(u32::from).or(d.year.map(|y| y as u32))?),
            Kind::Time(t) => f64::from(t.hour),
            Kind::Weekday(_) | Kind::Relative(_) => return None,
            Kind::Ordinal(n, _) | Kind::Counting(n) => f64::from(*n),
            Kind::Number(n) => n.value,
        })
    }
}

impl Extractor {
    /// Every numeric mention in `text`, in order, none overlapping another.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        self.mentions_with(text, self.claims(text))
    }

    /// [`Extractor::mentions`] for a text whose claims are known.
    pub fn mentions_with(&self, text: &str, claims: Vec<Claim>) -> Vec<Mention> {
        let cal = Calendar::builtin();
        let mut found = self.calendar_mentions(cal, text);
        // A claim beats a date or a counting word it overlaps, unless the other says more
        // about time (`3月` is March, not three months).
        let mut kept: Vec<Mention> = Vec::with_capacity(found.len() + claims.len());
        for c in claims {
            let clash = found.iter().position(|m| m.start < c.end && c.start < m.end);
            match clash {
                Some(i)
                    if matches!(found[i].kind, Kind::Date(_) | Kind::Time(_) | Kind::Ordinal(..))
                        && !matches!(c.dimension, Dimension::Currency | Dimension::Percent) =>
                {
                    continue;
                }
                Some(_) => found.retain(|m| !(m.start < c.end && c.start < m.end)),
                None => {}
            }
            kept.push(Mention { start: c.start, end: c.end, kind: Kind::Quantity(c) });
        }
        kept.extend(found);
        kept.sort_by_key(|m| (m.start, m.end));
        let mut numbers = Vec::new();
        // Bare numbers written in Chinese numerals (三峡, 两岸) take part in nothing: they are
        // not parsed.
        // Nor are numbers inside a claim or a date: they are mentions already.
        let lex = self.lexicon();
        let taken = |at: usize| {
            let i = kept.partition_point(|m| m.end <= at);
            kept.get(i).is_some_and(|m| m.start <= at)
        };
        let digits_or_words = |at: usize, c: char| {
            (c.is_ascii() || super::arabic::is_digit(c) || !lex.is_zh_numeral_char(c)) && !taken(at)
        };
        for n in self.numbers_where(text, &digits_or_words) {
            let overlaps = {
                let at = kept.partition_point(|m| m.end <= n.start);
                kept.get(at).is_some_and(|m| m.start < n.end)
            };
            if overlaps || is_code(text, n.start, n.end) {
                continue;
            }
            let written = &text[n.start..n.end];
            let spelled = !written.bytes().any(|b| b.is_ascii_digit());
            let year = written.len() == 4
                && written.bytes().all(|b| b.is_ascii_digit())
                && (1900.0..=2100.0).contains(&n.value);
            let kind = if year {
                Kind::Date(Date { year: Some(n.value as i32), ..Date::default() })
            } else if self.lexicon().zh_ordinal_before().suffix_of(&text[..n.start]).is_some() {
                match u32::try_from(n.value as i64) {
                    Ok(v) if n.value.fract() == 0.0 && n.value > 0.0 => Kind::Ordinal(v, spelled),
                    _ => continue,
                }
            } else {
                Kind::Number(Number { value: n.value, low: n.value, high: n.value, vague: false, spelled })
            };
            numbers.push(Mention { start: n.start, end: n.end, kind });
        }
        kept.extend(numbers);
        kept.sort_by_key(|m| (m.start, m.end));
        join_spaced_groups(text, &mut kept);
        second_days(text, &mut kept);
        // A bare number too large for a float would equal every other one.
        kept.retain(|m| !matches!(m.kind, Kind::Number(n) if !n.value.is_finite()));
        kept
    }

    /// Dates, times, weekdays, relative days, ordinals, vague amounts and counting words.
    fn calendar_mentions(&self, cal: &Calendar, text: &str) -> Vec<Mention> {
        let lex = self.lexicon();
        let mut out = Vec::new();
        let mut pos = 0usize;
        let bytes = text.as_bytes();
        while pos < text.len() {
            let c = text[pos..].chars().next().unwrap_or(' ');
            let width = c.len_utf8();
            let word_start = c.is_ascii_alphanumeric() && (pos == 0 || !bytes[pos - 1].is_ascii_alphanumeric());
            // Digits may begin a Chinese date (`7月26日`) or an English one ("26 July").
            let found = if c.is_ascii_digit() && word_start {
                self.chinese_at(cal, text, pos).or_else(|| self.english_at(cal, text, pos))
            } else if c.is_ascii() {
                if word_start {
                    self.english_at(cal, text, pos)
                } else {
                    None
                }
            } else if lex.is_candidate(c) || lex.is_zh_numeral_char(c) || cal.zh_starts_with(c) {
                self.chinese_at(cal, text, pos)
            } else {
                None
            };
            match found {
                Some(m) => {
                    pos = m.end.max(pos + width);
                    out.push(m);
                }
                None => pos += width,
            }
        }
        out
    }

    fn chinese_at(&self, cal: &Calendar, text: &str, at: usize) -> Option<Mention> {
        let lex = self.lexicon();
        let rest = &text[at..];
        let mention = |len: usize, kind: Kind| Some(Mention { start: at, end: at + len, kind });
        let starts_number = rest.starts_with(|c: char| lex.is_numeral_char(c));
        if let Ok((after, t)) = zh_dates::clock(lex, cal, rest) {
            return mention(rest.len() - after.len(), Kind::Time(t));
        }
        if starts_number {
            // 80年代: the 1980s; 90后: born in the 1990s.
            if let Ok((after, n)) = zh_dates::date_int(lex, rest) {
                let suffix = ["年代", "后", "後"].into_iter().find(|s| after.starts_with(s));
                if let Some(suffix) = suffix.filter(|_| n.chars == 2 && n.value % 10 == 0) {
                    let value = f64::from(century(n.value));
                    let decade = Number { value, low: value, high: value + 9.0, vague: false, spelled: !n.arabic };
                    return mention(rest.len() - after.len() + suffix.len(), Kind::Number(decade));
                }
            }
            // 1-6月: the first month of a range written with one 月.
            if let Ok((after, m)) = zh_dates::month_range_start(lex, cal, rest) {
                let d = Date { month: Some(m), ..Date::default() };
                return mention(rest.len() - after.len(), Kind::Date(d));
            }
            if let Ok((after, d)) = zh_dates::date(lex, cal, rest) {
                let end = at + rest.len() - after.len();
                let alone = d.year.is_none() && d.month.is_none();
                if !alone || zh_dates::day_alone_fits(cal, text, at, end) {
                    return mention(end - at, Kind::Date(d));
                }
            }
            return None;
        }
        // 第三届, 第18次: an ordinal, however its numeral is written.
        if let Some((n, ())) = cal.zh_ordinal_prefixes.prefix_of(rest) {
            if cal.zh_ordinal_idioms.prefix_of(rest).is_some() {
                return None;
            }
            let p = self.parse_number(text, at + n)?;
            let value = p.numeral.to_f64();
            if p.numeral.is_whole() && (1.0..1e6).contains(&value) {
                let spelled = !text[p.start..p.end].bytes().any(|b| b.is_ascii_digit());
                return Some(Mention { start: p.start, end: p.end, kind: Kind::Ordinal(value as u32, spelled) });
            }
            return None;
        }
        if let Ok((after, w)) = zh_dates::weekday(cal, rest) {
            // 每周一次 is once a week, not on Mondays.
            if !text[..at].ends_with('每') && !after.starts_with(['次', '天', '个', '個']) {
                return mention(rest.len() - after.len(), Kind::Weekday(w));
            }
        }
        if let Some((n, r)) = cal.zh_relative.prefix_of(rest) {
            return mention(n, Kind::Relative(*r));
        }
        if let Some((n, range)) = cal.zh_vague.prefix_of(rest) {
            // 数亿, 上百, 几十万: the place and group words after the vague one.
            let mut base = 1f64;
            let mut len = n;
            for ch in rest[n..].chars() {
                let power = lex.zh_places().get(&ch).or_else(|| lex.zh_groups().get(&ch));
                match power {
                    Some(&p) => {
                        base *= 10f64.powi(p);
                        len += ch.len_utf8();
                    }
                    None => break,
                }
            }
            if len > n && base >= 10.0 {
                let (low, high) = (f64::from(range[0]) * base, f64::from(range[1]) * base);
                return Some(vague_mention(lex, text, at, at + len, low, high));
            }
        }
        None
    }

    fn english_at(&self, cal: &Calendar, text: &str, at: usize) -> Option<Mention> {
        let rest = &text[at..];
        let mention = |len: usize, kind: Kind| Some(Mention { start: at, end: at + len, kind });
        // This runs at every English word: each parser is tried only where it can match.
        let first = rest.as_bytes()[0];
        let digit = first.is_ascii_digit();
        let upper = first.is_ascii_uppercase();
        let the = rest.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("the "));
        if digit || cal.en_half_day.prefix_of(rest).is_some() {
            if let Ok((after, t)) = en_dates::clock(cal, rest) {
                return mention(rest.len() - after.len(), Kind::Time(t));
            }
        }
        if digit {
            if let Some((len, value)) = en_dates::decade(rest) {
                let value = if value < 100.0 { f64::from(century(value as u32)) } else { value };
                let n = Number { value, low: value, high: value + 9.0, vague: false, spelled: false };
                return mention(len, Kind::Number(n));
            }
        }
        let date = if digit || upper || the { en_dates::date(cal, rest).ok() } else { None };
        if let Some((after, d)) = date {
            let len = rest.len() - after.len();
            // "the 18th" is a day only after "on", or with its month.
            let the_form = rest[..3].eq_ignore_ascii_case("the");
            if the_form && d.month.is_none() {
                let before = text[..at].trim_end().to_ascii_lowercase();
                let word = before.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
                if !matches!(word, "on" | "since" | "until" | "till" | "by" | "from" | "to" | "and") {
                    return mention(len, Kind::Ordinal(u32::from(d.day.unwrap_or(0)), false));
                }
            }
            return mention(len, Kind::Date(d));
        }
        if upper {
            if let Some((end, m)) = en_dates::month_alone(cal, text, at) {
                return mention(end - at, Kind::Date(Date { month: Some(m), ..Date::default() }));
            }
            if let Ok((after, w)) = en_dates::weekday(cal, rest) {
                return mention(rest.len() - after.len(), Kind::Weekday(w));
            }
        }
        if let Ok((after, n)) = en_dates::ordinal(cal, rest) {
            // "per second", "a second time" are not ordinals.
            let unit_second = n == 2 && {
                let before = text[..at].trim_end().to_ascii_lowercase();
                before.ends_with("per") || before.ends_with(" a") || before.ends_with(|c: char| c.is_ascii_digit())
            };
            if !unit_second {
                let spelled = !rest.starts_with(|c: char| c.is_ascii_digit());
                return mention(rest.len() - after.len(), Kind::Ordinal(n, spelled));
            }
        }
        if let Some((n, r)) = cal.en_relative.prefix_of(rest) {
            return mention(n, Kind::Relative(*r));
        }
        if let Some((n, range)) = cal.en_vague.prefix_of(rest) {
            return Some(vague_mention(self.lexicon(), text, at, at + n, range[0], range[1]));
        }
        if let Some((n, (value, unit))) = cal.en_durations.prefix_of(rest) {
            return mention(n, Kind::Quantity(duration(at, at + n, *value, unit)));
        }
        if let Some((n, &count)) = cal.en_counting.prefix_of(rest) {
            // "a" before a word, not "a." or "a 5G …" (the number is the figure).
            let next = rest[n..].strip_prefix(' ')?;
            if next.starts_with(|c: char| c.is_ascii_alphabetic()) {
                return mention(n, Kind::Counting(count));
            }
        }
        None
    }
}

/// A decade written with two digits (`80年代`, "the 90s") in full: 1930–2020s.
fn century(two_digits: u32) -> u32 {
    if two_digits < 30 {
        2000 + two_digits
    } else {
        1900 + two_digits
    }
}

/// A length of time named by a noun ("a decade").
fn duration(start: usize, end: usize, value: f64, unit: &str) -> Claim {
    Claim {
        start,
        end,
        number_start: start,
        number_end: end,
        value,
        low: Some(value),
        high: Some(value),
        qualifier: super::Qualifier::Exact,
        dimension: Dimension::Measure,
        unit: unit.into(),
        subject: Default::default(),
        digits: Default::default(),
        scale_exponent: 0,
    }
}

/// Digits that are part of a code or a name: `Z164`, `G109`, `COVID-19`, `卡-52M`, `#3`.
fn is_code(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let mut chars = before.chars().rev();
    let glued_before = match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || matches!(c, '#' | '_' | '@') => true,
        Some('-') => chars.next().is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit()),
        _ => false,
    };
    let written = &text[start..end];
    let glued_after = written.ends_with(|c: char| c.is_ascii_uppercase())
        || text[end..].starts_with(|c: char| c.is_ascii_alphabetic());
    glued_before || glued_after || written.starts_with('-') && chars_before_sign(text, start)
}

/// `卡-52`: a minus sign glued to a word before it is a hyphen.
fn chars_before_sign(text: &str, start: usize) -> bool {
    text[..start].chars().next_back().is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '（' | '，' | ','))
}

#[cfg(test)]
mod tests;
