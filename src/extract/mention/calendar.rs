//! The calendar lexicon (`rules/lexicon/{zh,en}/calendar.toml`): month and weekday names, the
//! words around dates and clock times, ordinal and counting words. Read by the mention
//! parsers; nothing about which word means what lives in Rust.

use crate::extract::lexicon::Table;
use serde::Deserialize;
use std::collections::BTreeMap;

const ZH_CALENDAR: &str = include_str!("../../../rules/lexicon/zh/calendar.toml");
const EN_CALENDAR: &str = include_str!("../../../rules/lexicon/en/calendar.toml");

/// Where in a month a date without a day falls (`8月底`, "late August").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MonthPart {
    Early,
    Mid,
    Late,
    End,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct CalendarFile {
    zh: ZhCalendar,
    en: EnCalendar,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct ZhCalendar {
    year: Vec<String>,
    month: Vec<String>,
    day: Vec<String>,
    day_unless_next: Vec<String>,
    day_unless_previous: Vec<String>,
    month_parts: BTreeMap<String, MonthPart>,
    hour: Vec<String>,
    minute: Vec<String>,
    morning: Vec<String>,
    afternoon: Vec<String>,
    noon: Vec<String>,
    approximate: Vec<String>,
    weekday_prefixes: Vec<String>,
    weekday_names: BTreeMap<String, u8>,
    relative_days: BTreeMap<String, i32>,
    relative_years: BTreeMap<String, i32>,
    ordinal_prefixes: Vec<String>,
    ordinal_idioms: Vec<String>,
    sequence_counters: Vec<String>,
    anaphoric: Vec<String>,
    listed_days: Vec<String>,
    list_marks: Vec<String>,
    list_incomplete: Vec<String>,
    vague: BTreeMap<String, [u32; 2]>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct EnCalendar {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    month_alone_after: Vec<String>,
    ordinal_suffixes: Vec<String>,
    ordinals: BTreeMap<String, u32>,
    am: Vec<String>,
    pm: Vec<String>,
    noon: Vec<String>,
    midnight: Vec<String>,
    oclock: Vec<String>,
    relative_days: BTreeMap<String, i32>,
    relative_years: BTreeMap<String, i32>,
    counting: BTreeMap<String, u32>,
    durations: BTreeMap<String, (f64, String)>,
    vague: BTreeMap<String, [f64; 2]>,
}

/// A part of the day written next to an hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HalfDay {
    Morning,
    Afternoon,
    Noon,
    Midnight,
}

/// What is relative to the dateline: a day or a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    Day(i32),
    Year(i32),
}

/// The calendar words, as lookup tables.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub zh_year: Table<()>,
    pub zh_month: Table<()>,
    pub zh_day: Table<()>,
    pub zh_day_unless_next: Table<()>,
    pub zh_day_unless_previous: Table<()>,
    pub zh_month_parts: Table<MonthPart>,
    pub zh_hour: Table<()>,
    pub zh_minute: Table<()>,
    pub zh_half_day: Table<HalfDay>,
    pub zh_approximate: Table<()>,
    pub zh_weekday_prefixes: Table<()>,
    pub zh_weekday_names: Table<u8>,
    pub zh_relative: Table<Relative>,
    pub zh_ordinal_prefixes: Table<()>,
    /// Words that hold an ordinal's characters and no ordinal figure (`第三方`).
    pub zh_ordinal_idioms: Table<()>,
    /// Counters of occurrences in sequence (`届`, `次`): 举办16届 is "the 16th".
    pub zh_sequence_counters: Table<()>,
    /// Words before a count that point back to things named before it (`以上4人`).
    pub zh_anaphoric: Table<()>,
    /// Characters naming days that a count after them sums up (`今明两天`).
    pub zh_listed_days: Table<()>,
    /// Marks between listed items (`、`, `和`).
    pub zh_list_marks: Table<()>,
    /// "Et cetera" (`等`): the list before a count is not all of it.
    pub zh_list_incomplete: Table<()>,
    pub zh_vague: Table<[u32; 2]>,
    pub en_months: Table<u8>,
    pub en_weekdays: Table<u8>,
    pub en_month_alone_after: Table<()>,
    pub en_ordinal_suffixes: Table<()>,
    pub en_ordinals: Table<u32>,
    pub en_half_day: Table<HalfDay>,
    pub en_oclock: Table<()>,
    pub en_relative: Table<Relative>,
    pub en_counting: Table<u32>,
    /// Nouns that are lengths of time ("a decade"): the number and its unit symbol.
    pub en_durations: Table<(f64, String)>,
    pub en_vague: Table<[f64; 2]>,
    /// First characters of the Chinese calendar words that can begin a mention without a
    /// numeral (`下午`, `星期`, `今天`, `数亿`, `第`): the scan skips every other character.
    zh_starts: rustc_hash::FxHashSet<char>,
}

fn table(forms: &[String]) -> Table<()> {
    let mut t = Table::default();
    for f in forms {
        t.insert(f, ());
    }
    t
}

fn table_of<T: Clone>(forms: impl IntoIterator<Item = (String, T)>) -> Table<T> {
    let mut t = Table::default();
    for (f, v) in forms {
        t.insert(&f, v);
    }
    t
}

impl Calendar {
    pub fn builtin() -> &'static Calendar {
        static BUILTIN: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            let parse = |text| -> CalendarFile { toml::from_str(text).expect("built-in calendar files are valid") };
            Calendar::from_file(CalendarFile { zh: parse(ZH_CALENDAR).zh, en: parse(EN_CALENDAR).en })
        })
    }

    /// Whether a Chinese calendar word can begin with `c`.
    pub fn zh_starts_with(&self, c: char) -> bool {
        self.zh_starts.contains(&c)
    }

    fn from_file(f: CalendarFile) -> Calendar {
        let (zh, en) = (f.zh, f.en);
        let zh_starts = [&zh.morning, &zh.afternoon, &zh.noon, &zh.weekday_prefixes, &zh.ordinal_prefixes]
            .into_iter()
            .flatten()
            .chain(zh.relative_days.keys())
            .chain(zh.relative_years.keys())
            .chain(zh.vague.keys())
            .filter_map(|w| w.chars().next())
            .collect();
        let half_days = |lists: [(&[String], HalfDay); 4]| {
            table_of(lists.into_iter().flat_map(|(forms, h)| forms.iter().map(move |f| (f.clone(), h))))
        };
        let named = |lists: &[Vec<String>]| {
            table_of(
                lists.iter().enumerate().flat_map(|(i, forms)| forms.iter().map(move |f| (f.clone(), i as u8 + 1))),
            )
        };
        let relative = |days: &BTreeMap<String, i32>, years: &BTreeMap<String, i32>| {
            table_of(
                days.iter()
                    .map(|(f, &d)| (f.clone(), Relative::Day(d)))
                    .chain(years.iter().map(|(f, &y)| (f.clone(), Relative::Year(y)))),
            )
        };
        Calendar {
            zh_year: table(&zh.year),
            zh_month: table(&zh.month),
            zh_day: table(&zh.day),
            zh_day_unless_next: table(&zh.day_unless_next),
            zh_day_unless_previous: table(&zh.day_unless_previous),
            zh_month_parts: table_of(zh.month_parts),
            zh_hour: table(&zh.hour),
            zh_minute: table(&zh.minute),
            zh_half_day: half_days([
                (&zh.morning, HalfDay::Morning),
                (&zh.afternoon, HalfDay::Afternoon),
                (&zh.noon, HalfDay::Noon),
                (&[], HalfDay::Midnight),
            ]),
            zh_approximate: table(&zh.approximate),
            zh_weekday_prefixes: table(&zh.weekday_prefixes),
            zh_weekday_names: table_of(zh.weekday_names),
            zh_relative: relative(&zh.relative_days, &zh.relative_years),
            zh_ordinal_prefixes: table(&zh.ordinal_prefixes),
            zh_ordinal_idioms: table(&zh.ordinal_idioms),
            zh_sequence_counters: table(&zh.sequence_counters),
            zh_anaphoric: table(&zh.anaphoric),
            zh_listed_days: table(&zh.listed_days),
            zh_list_marks: table(&zh.list_marks),
            zh_list_incomplete: table(&zh.list_incomplete),
            zh_vague: table_of(zh.vague),
            en_months: named(&en.months),
            en_weekdays: named(&en.weekdays),
            en_month_alone_after: table(&en.month_alone_after),
            en_ordinal_suffixes: table(&en.ordinal_suffixes),
            en_ordinals: table_of(en.ordinals),
            en_half_day: half_days([
                (&en.am, HalfDay::Morning),
                (&en.pm, HalfDay::Afternoon),
                (&en.noon, HalfDay::Noon),
                (&en.midnight, HalfDay::Midnight),
            ]),
            en_oclock: table(&en.oclock),
            en_relative: relative(&en.relative_days, &en.relative_years),
            en_counting: table_of(en.counting),
            en_durations: table_of(en.durations),
            en_vague: table_of(en.vague),
            zh_starts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_read() {
        let c = Calendar::builtin();
        assert_eq!(c.en_months.prefix_of("Sept. 3").map(|(_, m)| *m), Some(9));
        assert_eq!(c.en_weekdays.prefix_of("Sunday").map(|(_, d)| *d), Some(7));
        assert_eq!(c.zh_weekday_names.prefix_of("日").map(|(_, d)| *d), Some(7));
        assert_eq!(c.zh_month_parts.prefix_of("底首演").map(|(_, p)| *p), Some(MonthPart::End));
        assert_eq!(c.en_relative.prefix_of("the same day").map(|(_, r)| *r), Some(Relative::Day(0)));
        assert_eq!(c.zh_half_day.prefix_of("下午3点").map(|(_, h)| *h), Some(HalfDay::Afternoon));
        assert_eq!(c.en_vague.prefix_of("hundreds of acres").map(|(_, v)| v[0]), Some(200.0));
        assert!(c.zh_day_unless_next.contains_prefix("内"));
        assert!(c.zh_anaphoric.suffix_of("以上").is_some() && c.zh_list_incomplete.suffix_of("等").is_some());
        assert!(c.zh_listed_days.contains_prefix("今") && c.zh_list_marks.contains_prefix("、"));
        assert!(c.en_ordinal_suffixes.contains_prefix("th"));
        assert_eq!(c.en_counting.prefix_of("both sides").map(|(_, v)| *v), Some(2));
        assert_eq!(c.en_durations.prefix_of("decade of").map(|(_, v)| v.0), Some(10.0));
    }
}
