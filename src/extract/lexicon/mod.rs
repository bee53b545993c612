//! The word lists the parsers read, loaded from the TOML files under `rules/lexicon/`.
//!
//! Nothing about which words mean what lives in Rust: the built-in lexicon is the TOML
//! compiled in with `include_str!`, and a user's extra lexicon files are merged on top
//! with [`Lexicon::extend_from_toml`]. Lookups are longest-match tables keyed on the first
//! (or last) character, so matching a unit after a number costs a few comparisons.

mod file;
mod queries;
mod table;

use file::LexiconFile;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
pub use table::Table;

const ZH_NUMERALS: &str = include_str!("../../../rules/lexicon/zh/numerals.toml");
const EN_NUMERALS: &str = include_str!("../../../rules/lexicon/en/numerals.toml");
const CURRENCIES: &str = include_str!("../../../rules/lexicon/currencies.toml");
const UNITS: &str = include_str!("../../../rules/lexicon/units.toml");
const QUALIFIERS: &str = include_str!("../../../rules/lexicon/qualifiers.toml");
const ZH_NOT_CLAIMS: &str = include_str!("../../../rules/lexicon/zh/not_claims.toml");
const EN_NOT_CLAIMS: &str = include_str!("../../../rules/lexicon/en/not_claims.toml");
const SUBJECTS: &str = include_str!("../../../rules/lexicon/subjects.toml");

/// How a qualifier bounds the figure it stands next to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, serde::Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    About,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Nearly,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Nearly => "nearly",
            Qualifier::Range => "range",
        }
    }
}

/// Idioms holding a numeral, each with the numeral's byte offset in it.
pub type IdiomPlaces = Vec<(usize, String)>;

/// A currency: its ISO code and the factor a written unit applies (分 = 0.01).
#[derive(Clone, Debug, PartialEq)]
pub struct CurrencyUnit {
    pub code: String,
    pub minor_exponent: i32,
}

/// How a measure converts to the base unit of its kind: `base = value × factor + offset`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    pub base: String,
    pub factor: f64,
    #[serde(default)]
    pub offset: f64,
}

/// Everything the extractor knows about words.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    zh_digits: HashMap<char, u8>,
    zh_no_decimal: HashSet<char>,
    zh_places: HashMap<char, i32>,
    zh_groups: HashMap<char, i32>,
    zh_tens: HashMap<char, u8>,
    zh_decimal_points: HashSet<char>,
    zh_negative: HashSet<char>,
    zh_more: HashSet<char>,
    zh_few: HashSet<char>,
    zh_half: HashSet<char>,
    zh_fraction: String,
    zh_mixed_fraction: HashSet<char>,
    zh_dozen: HashSet<char>,
    /// Words before a numeral that make it a percentage, with the power of ten that
    /// scales it to percent (百分之 0, 千分之 -1).
    zh_percent_of: Table<i32>,
    /// Era names before a year (民國105年): the figure is a date, not a claim.
    zh_eras: Vec<String>,

    en_ones: HashMap<String, u64>,
    en_tens: HashMap<String, u64>,
    en_hundred: HashSet<String>,
    en_scales: HashMap<String, i32>,
    en_scale_abbreviations: HashMap<String, i32>,
    en_ambiguous_abbreviations: HashSet<String>,
    en_denominators: HashMap<String, u64>,
    en_ordinal_ones: HashMap<String, u64>,
    en_dozen: HashSet<String>,
    en_negative: HashSet<String>,
    en_point: HashSet<String>,
    en_fraction_connectors: Vec<String>,
    vulgar_fractions: HashMap<char, (u32, u32)>,
    en_pronoun_one_after: HashSet<String>,

    currency_after: Table<CurrencyUnit>,
    currency_before: Table<CurrencyUnit>,
    counters: Table<()>,
    arabic_only_counters: HashSet<String>,
    percent: Table<()>,
    permille: Table<()>,
    percentage_points: Table<()>,
    /// Words inside a percentage-point unit that make it basis points (hundredths).
    basis_points: Vec<String>,
    tenths: Table<()>,
    discount: Table<()>,
    tenths_not_before: HashSet<char>,
    discount_not_before: HashSet<char>,
    measures: Table<String>,
    /// Measures written only after Arabic digits (`20里`; 千里 is an idiom).
    arabic_only_measures: HashSet<String>,
    /// Each measure symbol's kind (its base symbol) and how to convert to the base.
    conversions: HashMap<String, Conversion>,

    qualifier_before: Table<Qualifier>,
    qualifier_after: Table<Qualifier>,
    range_connectors: Table<()>,
    /// Qualifiers that reach across a short verb, and how many characters they reach.
    qualifier_at_distance: HashSet<String>,
    qualifier_distance: usize,

    zh_ordinal_before: Table<()>,
    zh_not_after: Table<()>,
    zh_not_before: Table<()>,
    zh_idioms: Vec<String>,
    /// Words stripped from the ends of a subject phrase, longest first, each with its
    /// first and last character.
    subject_fillers: Vec<(char, char, String)>,
    en_ordinal_suffixes: HashSet<String>,
    en_months: HashSet<String>,
    en_not_before: HashSet<String>,
    en_not_after: HashSet<String>,
    en_idioms: Vec<String>,
    en_noun_stopwords: HashSet<String>,
    /// For each numeral character and the character after it in the idiom (`None` when
    /// the numeral ends the idiom), the idioms holding it and its byte offset in them:
    /// keyed by the neighbour too, since 一 alone opens dozens of idioms.
    zh_idioms_by_char: HashMap<(char, Option<char>), IdiomPlaces>,
    /// Characters that can begin a number (numerals, full-width digits, currency signs),
    /// as a bitset over the Basic Multilingual Plane.
    candidate_bits: Vec<u64>,
    /// Chinese numeral characters, as a bitset over the BMP.
    numeral_bits: Vec<u64>,
    /// Every character a Chinese numeral token can be (digits, places, groups, tens,
    /// decimal points, vague tails), as a bitset over the BMP.
    numeral_token_bits: Vec<u64>,
    /// First characters of every unit, qualifier or connector that may follow a number.
    unit_start_bits: Vec<u64>,
}

fn bit(bits: &[u64], c: char) -> bool {
    let i = c as usize;
    i < 0x10000 && bits.get(i >> 6).is_some_and(|w| w >> (i & 63) & 1 == 1)
}

/// Whether a measure's unit symbol (`yr`, `d`, `min`) is a length of time: such figures
/// are not distinctive of a story, nor compared across reports (`[durations]` in
/// `rules/lexicon/units.toml`).
pub fn is_duration_unit(unit: &str) -> bool {
    static UNITS_OF_TIME: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let file: LexiconFile = toml::from_str(UNITS).expect("rules/lexicon/units.toml is valid");
        file.durations.map(|d| d.units).unwrap_or_default()
    });
    UNITS_OF_TIME.iter().any(|u| u == unit)
}

/// A lexicon file could not be read: what is wrong and where (a byte span in the file).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct LexiconError {
    pub message: String,
    pub span: Option<std::ops::Range<usize>>,
}

impl From<toml::de::Error> for LexiconError {
    fn from(e: toml::de::Error) -> Self {
        LexiconError { message: e.message().to_string(), span: e.span() }
    }
}

impl Lexicon {
    /// The lexicon compiled into the binary from `rules/lexicon/`.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        for text in [ZH_NUMERALS, EN_NUMERALS, CURRENCIES, UNITS, QUALIFIERS, ZH_NOT_CLAIMS, EN_NOT_CLAIMS, SUBJECTS] {
            lex.merge(toml::from_str(text).expect("built-in lexicon files are valid"));
        }
        lex.index();
        lex
    }

    /// Merges one lexicon file (any of the sections of the built-in files but
    /// `[durations]`) into this one.
    pub fn extend_from_toml(&mut self, text: &str) -> Result<(), LexiconError> {
        let file: LexiconFile = toml::from_str(text)?;
        if file.durations.is_some() {
            // Stories read the units of time as built in; an extension would be ignored.
            let message = "`[durations]` lists the built-in units of time and cannot be extended".to_string();
            let span = text.find("[durations]").map(|at| at..at + "[durations]".len());
            return Err(LexiconError { message, span });
        }
        self.merge(file);
        self.index();
        Ok(())
    }

    /// Whether `c` can begin a Chinese numeral.
    #[inline]
    pub fn is_zh_numeral_char(&self, c: char) -> bool {
        bit(&self.numeral_bits, c)
    }

    /// Whether `c` can be part of a number written in Arabic digits (any width) or in
    /// Chinese numerals.
    #[inline]
    pub fn is_numeral_char(&self, c: char) -> bool {
        super::arabic::is_digit(c) || self.is_zh_numeral_char(c)
    }

    /// Whether `c` may be a token of a Chinese numeral: false rules it out with one bit
    /// lookup (characters beyond the BMP are never ruled out).
    #[inline]
    pub fn may_be_zh_numeral_token(&self, c: char) -> bool {
        c as usize >= 0x10000 || bit(&self.numeral_token_bits, c)
    }

    /// Whether a non-ASCII `c` can begin a number: a one-bit lookup.
    #[inline]
    pub fn is_candidate(&self, c: char) -> bool {
        bit(&self.candidate_bits, c)
    }

    /// Whether a unit, qualifier, fraction or range connector can begin with `c`.
    #[inline]
    pub fn is_unit_start(&self, c: char) -> bool {
        bit(&self.unit_start_bits, c)
    }

    /// Rebuilds the lookup structures derived from the word lists.
    fn index(&mut self) {
        fn set(bits: &mut [u64], c: char) {
            let i = c as usize;
            if i < 0x10000 {
                bits[i >> 6] |= 1 << (i & 63);
            }
        }
        let mut bits = vec![0u64; 0x10000 / 64];
        for c in self.zh_digits.keys().chain(self.zh_places.keys()).chain(self.zh_tens.keys()) {
            set(&mut bits, *c);
        }
        self.numeral_bits = bits.clone();
        let mut tokens = bits.clone();
        let marks = self.zh_decimal_points.iter().chain(&self.zh_more).chain(&self.zh_few);
        for c in self.zh_groups.keys().chain(marks) {
            set(&mut tokens, *c);
        }
        self.numeral_token_bits = tokens;
        // Groups (万分之三) and halves (半成) begin some figures too.
        for c in self.zh_groups.keys().chain(self.zh_half.iter()) {
            set(&mut bits, *c);
        }
        ('０'..='９').for_each(|c| set(&mut bits, c));
        for c in self.vulgar_fractions.keys() {
            set(&mut bits, *c);
        }
        for form in self.currency_before.forms() {
            if let Some(c) = form.chars().next().filter(|c| !c.is_ascii() && !c.is_alphabetic()) {
                set(&mut bits, c);
            }
        }
        self.candidate_bits = bits;
        let mut units = vec![0u64; 0x10000 / 64];
        let firsts = self
            .counters
            .forms()
            .chain(self.measures.forms())
            .chain(self.currency_after.forms())
            .chain(self.percent.forms())
            .chain(self.permille.forms())
            .chain(self.percentage_points.forms())
            .chain(self.tenths.forms())
            .chain(self.discount.forms())
            .chain(self.qualifier_after.forms())
            .chain(self.range_connectors.forms())
            .chain(std::iter::once(self.zh_fraction.as_str()))
            .chain(std::iter::once("/"))
            .filter_map(|f| f.chars().next())
            .collect::<Vec<char>>();
        for c in firsts {
            set(&mut units, c);
            set(&mut units, c.to_ascii_uppercase());
        }
        self.unit_start_bits = units;
        let mut by_char: HashMap<(char, Option<char>), IdiomPlaces> = HashMap::default();
        for idiom in &self.zh_idioms {
            for (off, c) in idiom.char_indices() {
                if self.zh_digits.contains_key(&c)
                    || self.zh_places.contains_key(&c)
                    || self.zh_groups.contains_key(&c)
                    || self.zh_tens.contains_key(&c)
                {
                    let next = idiom[off + c.len_utf8()..].chars().next();
                    by_char.entry((c, next)).or_default().push((off, idiom.clone()));
                }
            }
        }
        self.zh_idioms_by_char = by_char;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_loads_every_section() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.zh_digits.get(&'兩'), Some(&2));
        assert_eq!(lex.zh_groups.get(&'億'), Some(&8));
        assert_eq!(lex.en_scales.get("billion"), Some(&9));
        assert_eq!(lex.currency_after.prefix_of("亿元").map(|(n, _)| n), None);
        assert_eq!(lex.currency_after.prefix_of("元，").map(|(n, u)| (n, u.code.as_str())), Some((3, "CNY")));
        assert_eq!(lex.currency_after.prefix_of("Yuan to").map(|(n, u)| (n, u.code.as_str())), Some((4, "CNY")));
        assert!(lex.currency_after.prefix_of("yuanfen").is_none(), "English forms match whole words");
        assert_eq!(lex.qualifier_before.suffix_of("累计招聘近").map(|(_, q)| *q), Some(Qualifier::Nearly));
        assert_eq!(lex.qualifier_before.suffix_of("a total of more than ").map(|(_, q)| *q), None);
        assert_eq!(lex.qualifier_before.suffix_of("a total of more than").map(|(_, q)| *q), Some(Qualifier::MoreThan));
        assert!(lex.counters.contains_prefix("人次的"));
        assert!(!lex.zh_idioms.is_empty());
        assert_eq!(lex.subject_fillers.first().map(|(_, _, f)| f.chars().count()), Some(2), "longest first");
    }

    #[test]
    fn a_user_file_adds_subject_fillers() {
        let text = "据悉，财政专项资金5亿元。";
        let subject = |lex: Lexicon| crate::extract::Extractor::new(lex).claims(text)[0].subject.clone();
        assert_eq!(subject(Lexicon::builtin()), "财政专项资金");
        let mut lex = Lexicon::builtin();
        lex.extend_from_toml("subject_fillers = [\"财政\"]").unwrap();
        assert_eq!(subject(lex), "专项资金");
    }

    #[test]
    fn user_file_adds_a_currency_and_a_qualifier() {
        let mut lex = Lexicon::builtin();
        lex.extend_from_toml(
            "[[currency]]\ncode = \"VND\"\nafter = [\"越南盾\"]\n\n[before]\n\"足足\" = \"at_least\"\n",
        )
        .unwrap();
        assert_eq!(lex.currency_after.prefix_of("越南盾").map(|(_, u)| u.code.as_str()), Some("VND"));
        assert_eq!(lex.qualifier_before.suffix_of("足足").map(|(_, q)| *q), Some(Qualifier::AtLeast));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_span() {
        let err = Lexicon::builtin().extend_from_toml("[[currency]]\ncode = \"X\"\nafterr = []\n").unwrap_err();
        assert!(err.message.contains("afterr"), "{}", err.message);
        assert!(err.span.is_some());
    }
}
#[cfg(test)]
mod extended {
    use super::Lexicon;
    use crate::extract::Extractor;

    /// Sections once loaded and never read: a word added to them must change what is read.
    #[test]
    fn words_added_to_a_section_are_read() {
        let values = |lex: &Lexicon, text: &str| {
            Extractor::new(lex.clone()).claims(text).iter().map(|c| c.value).collect::<Vec<_>>()
        };
        let mut lex = Lexicon::builtin();
        assert_eq!(values(&lex, "Growth was minus 5 percent."), [-5.0]);
        assert_eq!(values(&lex, "Growth was sub 5 percent."), [5.0]);
        assert_eq!(values(&lex, "增速为减5%。"), [5.0]);
        lex.extend_from_toml("[en]\nnegative = [\"sub\"]\n[zh]\nnegative = [\"减\"]\n").unwrap();
        assert_eq!(values(&lex, "Growth was sub 5 percent."), [-5.0]);
        assert_eq!(values(&lex, "增速为减5%。"), [-5.0]);
        assert_eq!(values(&lex, "皇紀2600年，涉及1007家。"), [2600.0, 1007.0]);
        assert_eq!(values(&lex, "占千份之五。"), [1000.0]);
        lex.extend_from_toml("[zh]\neras = [\"皇紀\"]\npercent_of = { \"千份之\" = -1 }\n").unwrap();
        assert_eq!(values(&lex, "皇紀2600年，涉及1007家。"), [1007.0]);
        assert_eq!(values(&lex, "占千份之五。"), [0.5]);
    }

    #[test]
    fn units_of_time_are_built_in_and_cannot_be_extended() {
        assert!(super::is_duration_unit("yr") && super::is_duration_unit("wk") && !super::is_duration_unit("km"));
        let e = Lexicon::builtin().extend_from_toml("[durations]\nunits = [\"qtr\"]\n").unwrap_err();
        assert!(e.message.contains("cannot be extended") && e.span == Some(0..11), "{e:?}");
    }
}
