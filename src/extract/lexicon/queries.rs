//! What the rest of the extractor may ask the lexicon: one query per section, read-only.
//!
//! The fields of [`Lexicon`] are private and these queries are crate-private, so a section
//! that is loaded and never consulted is dead code, and `cargo clippy -- -D warnings`
//! (run by `.ci/run`) fails on it: the lexicon cannot again hold word lists nobody reads.

use super::{Conversion, CurrencyUnit, IdiomPlaces, Lexicon, Qualifier, Table};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

impl Lexicon {
    pub(crate) fn zh_digits(&self) -> &HashMap<char, u8> {
        &self.zh_digits
    }

    pub(crate) fn zh_no_decimal(&self) -> &HashSet<char> {
        &self.zh_no_decimal
    }

    pub(crate) fn zh_places(&self) -> &HashMap<char, i32> {
        &self.zh_places
    }

    pub(crate) fn zh_groups(&self) -> &HashMap<char, i32> {
        &self.zh_groups
    }

    pub(crate) fn zh_tens(&self) -> &HashMap<char, u8> {
        &self.zh_tens
    }

    pub(crate) fn zh_decimal_points(&self) -> &HashSet<char> {
        &self.zh_decimal_points
    }

    pub(crate) fn zh_negative(&self) -> &HashSet<char> {
        &self.zh_negative
    }

    pub(crate) fn zh_more(&self) -> &HashSet<char> {
        &self.zh_more
    }

    pub(crate) fn zh_few(&self) -> &HashSet<char> {
        &self.zh_few
    }

    pub(crate) fn zh_half(&self) -> &HashSet<char> {
        &self.zh_half
    }

    pub(crate) fn zh_fraction(&self) -> &str {
        &self.zh_fraction
    }

    pub(crate) fn zh_mixed_fraction(&self) -> &HashSet<char> {
        &self.zh_mixed_fraction
    }

    pub(crate) fn zh_dozen(&self) -> &HashSet<char> {
        &self.zh_dozen
    }

    pub(crate) fn zh_percent_of(&self) -> &Table<i32> {
        &self.zh_percent_of
    }

    pub(crate) fn zh_eras(&self) -> &[String] {
        &self.zh_eras
    }

    pub(crate) fn en_ones(&self) -> &HashMap<String, u64> {
        &self.en_ones
    }

    pub(crate) fn en_tens(&self) -> &HashMap<String, u64> {
        &self.en_tens
    }

    pub(crate) fn en_hundred(&self) -> &HashSet<String> {
        &self.en_hundred
    }

    pub(crate) fn en_scales(&self) -> &HashMap<String, i32> {
        &self.en_scales
    }

    pub(crate) fn en_scale_abbreviations(&self) -> &HashMap<String, i32> {
        &self.en_scale_abbreviations
    }

    pub(crate) fn en_ambiguous_abbreviations(&self) -> &HashSet<String> {
        &self.en_ambiguous_abbreviations
    }

    pub(crate) fn en_denominators(&self) -> &HashMap<String, u64> {
        &self.en_denominators
    }

    pub(crate) fn en_ordinal_ones(&self) -> &HashMap<String, u64> {
        &self.en_ordinal_ones
    }

    pub(crate) fn en_dozen(&self) -> &HashSet<String> {
        &self.en_dozen
    }

    pub(crate) fn en_negative(&self) -> &HashSet<String> {
        &self.en_negative
    }

    pub(crate) fn en_point(&self) -> &HashSet<String> {
        &self.en_point
    }

    pub(crate) fn en_fraction_connectors(&self) -> &[String] {
        &self.en_fraction_connectors
    }

    pub(crate) fn vulgar_fractions(&self) -> &HashMap<char, (u32, u32)> {
        &self.vulgar_fractions
    }

    pub(crate) fn en_pronoun_one_after(&self) -> &HashSet<String> {
        &self.en_pronoun_one_after
    }

    pub(crate) fn currency_after(&self) -> &Table<CurrencyUnit> {
        &self.currency_after
    }

    pub(crate) fn currency_before(&self) -> &Table<CurrencyUnit> {
        &self.currency_before
    }

    pub(crate) fn counters(&self) -> &Table<()> {
        &self.counters
    }

    pub(crate) fn arabic_only_counters(&self) -> &HashSet<String> {
        &self.arabic_only_counters
    }

    pub(crate) fn percent(&self) -> &Table<()> {
        &self.percent
    }

    pub(crate) fn permille(&self) -> &Table<()> {
        &self.permille
    }

    pub(crate) fn percentage_points(&self) -> &Table<()> {
        &self.percentage_points
    }

    pub(crate) fn basis_points(&self) -> &[String] {
        &self.basis_points
    }

    pub(crate) fn tenths(&self) -> &Table<()> {
        &self.tenths
    }

    pub(crate) fn discount(&self) -> &Table<()> {
        &self.discount
    }

    pub(crate) fn tenths_not_before(&self) -> &HashSet<char> {
        &self.tenths_not_before
    }

    pub(crate) fn discount_not_before(&self) -> &HashSet<char> {
        &self.discount_not_before
    }

    pub(crate) fn measures(&self) -> &Table<String> {
        &self.measures
    }

    pub(crate) fn arabic_only_measures(&self) -> &HashSet<String> {
        &self.arabic_only_measures
    }

    pub(crate) fn conversions(&self) -> &HashMap<String, Conversion> {
        &self.conversions
    }

    pub(crate) fn qualifier_before(&self) -> &Table<Qualifier> {
        &self.qualifier_before
    }

    pub(crate) fn qualifier_after(&self) -> &Table<Qualifier> {
        &self.qualifier_after
    }

    pub(crate) fn range_connectors(&self) -> &Table<()> {
        &self.range_connectors
    }

    pub(crate) fn qualifier_at_distance(&self) -> &HashSet<String> {
        &self.qualifier_at_distance
    }

    pub(crate) fn qualifier_distance(&self) -> usize {
        self.qualifier_distance
    }

    pub(crate) fn zh_ordinal_before(&self) -> &Table<()> {
        &self.zh_ordinal_before
    }

    pub(crate) fn zh_not_after(&self) -> &Table<()> {
        &self.zh_not_after
    }

    pub(crate) fn zh_not_before(&self) -> &Table<()> {
        &self.zh_not_before
    }

    pub(crate) fn subject_fillers(&self) -> &[(char, char, String)] {
        &self.subject_fillers
    }

    pub(crate) fn en_ordinal_suffixes(&self) -> &HashSet<String> {
        &self.en_ordinal_suffixes
    }

    pub(crate) fn en_months(&self) -> &HashSet<String> {
        &self.en_months
    }

    pub(crate) fn en_not_before(&self) -> &HashSet<String> {
        &self.en_not_before
    }

    pub(crate) fn en_not_after(&self) -> &HashSet<String> {
        &self.en_not_after
    }

    pub(crate) fn en_idioms(&self) -> &[String] {
        &self.en_idioms
    }

    pub(crate) fn en_noun_stopwords(&self) -> &HashSet<String> {
        &self.en_noun_stopwords
    }

    pub(crate) fn zh_idioms_by_char(&self) -> &HashMap<(char, Option<char>), IdiomPlaces> {
        &self.zh_idioms_by_char
    }
}
