//! The shapes of a lexicon file and how one is merged into a [`Lexicon`]. The built-in
//! data is split over several files by topic and language; a user's file may hold any
//! of the sections.

use super::{Conversion, CurrencyUnit, Lexicon, Qualifier, Table};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One lexicon file. The built-in data is split over several files by topic, and a
/// user's extra file may hold any of these sections.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub(super) struct LexiconFile {
    zh: Option<ZhNumerals>,
    en: Option<EnNumerals>,
    currency: Vec<CurrencyEntry>,
    counters: Vec<String>,
    arabic_only_counters: Vec<String>,
    percent: Vec<String>,
    permille: Vec<String>,
    percentage_points: Vec<String>,
    basis_points: Vec<String>,
    tenths: Vec<String>,
    discount: Vec<String>,
    tenths_not_before: Vec<String>,
    discount_not_before: Vec<String>,
    measures: BTreeMap<String, String>,
    arabic_only_measures: Vec<String>,
    conversions: BTreeMap<String, Conversion>,
    pub(super) durations: Option<Durations>,
    before: BTreeMap<String, Qualifier>,
    after: BTreeMap<String, Qualifier>,
    range: Option<RangeSection>,
    at_distance: Option<AtDistance>,
    not_claims: Option<NotClaims>,
    subject_fillers: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AtDistance {
    distance: usize,
    forms: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct ZhNumerals {
    digits: BTreeMap<String, u8>,
    no_decimal: Vec<String>,
    places: BTreeMap<String, i32>,
    groups: BTreeMap<String, i32>,
    tens: BTreeMap<String, u8>,
    decimal_points: Vec<String>,
    negative: Vec<String>,
    more: Vec<String>,
    few: Vec<String>,
    half: Vec<String>,
    fraction: String,
    mixed_fraction: Vec<String>,
    dozen: Vec<String>,
    percent_of: BTreeMap<String, i32>,
    eras: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct EnNumerals {
    ones: BTreeMap<String, u64>,
    tens: BTreeMap<String, u64>,
    hundred: Vec<String>,
    scales: BTreeMap<String, i32>,
    scale_abbreviations: BTreeMap<String, i32>,
    ambiguous_abbreviations: Vec<String>,
    denominators: BTreeMap<String, u64>,
    ordinal_ones: BTreeMap<String, u64>,
    dozen: Vec<String>,
    negative: Vec<String>,
    point: Vec<String>,
    fraction_connectors: Vec<String>,
    vulgar_fractions: BTreeMap<String, [u32; 2]>,
    pronoun_one_after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrencyEntry {
    code: String,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    tenth: Vec<String>,
    #[serde(default)]
    minor: Vec<String>,
    /// Codes that mean a million of the unit: MUSD, MEUR.
    #[serde(default)]
    millions: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct Durations {
    pub(super) units: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RangeSection {
    connectors: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct NotClaims {
    zh: Option<ZhNotClaims>,
    en: Option<EnNotClaims>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct ZhNotClaims {
    ordinal_before: Vec<String>,
    after: Vec<String>,
    before: Vec<String>,
    idioms: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct EnNotClaims {
    ordinal_suffixes: Vec<String>,
    months: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
    idioms: Vec<String>,
    noun_stopwords: Vec<String>,
}

fn one_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

fn chars_of(list: &[String], out: &mut HashSet<char>) {
    out.extend(list.iter().filter_map(|s| one_char(s)));
}

impl Lexicon {
    /// Adds a file's words; the caller rebuilds the indexes once all files are in.
    pub(super) fn merge(&mut self, file: LexiconFile) {
        self.add_numerals(file.zh, file.en);
        self.add_currencies(file.currency);
        Self::add_units([
            (file.percent, &mut self.percent),
            (file.permille, &mut self.permille),
            (file.percentage_points, &mut self.percentage_points),
            (file.tenths, &mut self.tenths),
            (file.discount, &mut self.discount),
            (file.counters, &mut self.counters),
        ]);
        self.arabic_only_counters.extend(file.arabic_only_counters);
        self.basis_points.extend(file.basis_points);
        chars_of(&file.tenths_not_before, &mut self.tenths_not_before);
        chars_of(&file.discount_not_before, &mut self.discount_not_before);
        for (form, symbol) in file.measures {
            self.measures.insert(&form, symbol);
        }
        self.arabic_only_measures.extend(file.arabic_only_measures);
        self.conversions.extend(file.conversions);
        for (form, q) in file.before {
            self.qualifier_before.insert(&form, q);
        }
        for (form, q) in file.after {
            self.qualifier_after.insert(&form, q);
        }
        if let Some(r) = file.range {
            for form in r.connectors {
                self.range_connectors.insert(&form, ());
            }
        }
        if let Some(d) = file.at_distance {
            self.qualifier_distance = d.distance;
            self.qualifier_at_distance.extend(d.forms);
        }
        if let Some(nc) = file.not_claims {
            self.add_not_claims(nc);
        }
        for form in file.subject_fillers {
            let (Some(first), Some(last)) = (form.chars().next(), form.chars().next_back()) else { continue };
            if !self.subject_fillers.iter().any(|(_, _, f)| *f == form) {
                self.subject_fillers.push((first, last, form));
            }
        }
        // Longest first, so 下达 is taken whole rather than its last character.
        self.subject_fillers.sort_by_key(|(_, _, f)| std::cmp::Reverse(f.len()));
    }

    fn add_numerals(&mut self, zh: Option<ZhNumerals>, en: Option<EnNumerals>) {
        if let Some(zh) = zh {
            for (k, v) in zh.digits {
                if let Some(c) = one_char(&k) {
                    self.zh_digits.insert(c, v);
                }
            }
            chars_of(&zh.no_decimal, &mut self.zh_no_decimal);
            for (k, v) in zh.places {
                if let Some(c) = one_char(&k) {
                    self.zh_places.insert(c, v);
                }
            }
            for (k, v) in zh.groups {
                if let Some(c) = one_char(&k) {
                    self.zh_groups.insert(c, v);
                }
            }
            for (k, v) in zh.tens {
                if let Some(c) = one_char(&k) {
                    self.zh_tens.insert(c, v);
                }
            }
            chars_of(&zh.decimal_points, &mut self.zh_decimal_points);
            chars_of(&zh.negative, &mut self.zh_negative);
            chars_of(&zh.more, &mut self.zh_more);
            chars_of(&zh.few, &mut self.zh_few);
            chars_of(&zh.half, &mut self.zh_half);
            chars_of(&zh.mixed_fraction, &mut self.zh_mixed_fraction);
            chars_of(&zh.dozen, &mut self.zh_dozen);
            for (form, exp) in zh.percent_of {
                self.zh_percent_of.insert(&form, exp);
            }
            self.zh_eras.extend(zh.eras);
            if !zh.fraction.is_empty() {
                self.zh_fraction = zh.fraction;
            }
        }
        if let Some(en) = en {
            self.en_ones.extend(en.ones);
            self.en_tens.extend(en.tens);
            self.en_hundred.extend(en.hundred);
            self.en_scales.extend(en.scales);
            self.en_scale_abbreviations.extend(en.scale_abbreviations);
            self.en_ambiguous_abbreviations.extend(en.ambiguous_abbreviations);
            self.en_denominators.extend(en.denominators);
            self.en_ordinal_ones.extend(en.ordinal_ones);
            self.en_dozen.extend(en.dozen);
            self.en_negative.extend(en.negative);
            self.en_point.extend(en.point);
            self.en_fraction_connectors.extend(en.fraction_connectors);
            for (k, [n, d]) in en.vulgar_fractions {
                if let Some(c) = one_char(&k) {
                    self.vulgar_fractions.insert(c, (n, d));
                }
            }
            self.en_pronoun_one_after.extend(en.pronoun_one_after);
        }
    }

    fn add_currencies(&mut self, currencies: Vec<CurrencyEntry>) {
        for c in currencies {
            let unit = |minor_exponent| CurrencyUnit { code: c.code.clone(), minor_exponent };
            for form in &c.after {
                self.currency_after.insert(form, unit(0));
            }
            for form in &c.tenth {
                self.currency_after.insert(form, unit(-1));
            }
            for form in &c.minor {
                self.currency_after.insert(form, unit(-2));
            }
            for form in &c.before {
                self.currency_before.insert(form, unit(0));
            }
            for form in &c.millions {
                self.currency_after.insert(form, unit(6));
                self.currency_before.insert(form, unit(6));
            }
        }
    }

    fn add_units<const N: usize>(tables: [(Vec<String>, &mut Table<()>); N]) {
        for (forms, table) in tables {
            for form in forms {
                table.insert(&form, ());
            }
        }
    }

    fn add_not_claims(&mut self, file: NotClaims) {
        if let Some(zh) = file.zh {
            for f in &zh.ordinal_before {
                self.zh_ordinal_before.insert(f, ());
            }
            for f in &zh.after {
                self.zh_not_after.insert(f, ());
            }
            for f in &zh.before {
                self.zh_not_before.insert(f, ());
            }
            self.zh_idioms.extend(zh.idioms);
        }
        if let Some(en) = file.en {
            self.en_ordinal_suffixes.extend(en.ordinal_suffixes);
            self.en_months.extend(en.months);
            self.en_not_before.extend(en.before);
            self.en_not_after.extend(en.after);
            self.en_idioms.extend(en.idioms);
            self.en_noun_stopwords.extend(en.noun_stopwords);
        }
    }
}
