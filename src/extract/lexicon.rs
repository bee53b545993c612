//! The word lists the parsers read, loaded from the TOML files under `rules/lexicon/`.
//!
//! Nothing about which words mean what lives in Rust: the built-in lexicon is the TOML
//! compiled in with `include_str!`, and a user's extra lexicon files are merged on top
//! with [`Lexicon::extend_from_toml`]. Lookups are longest-match tables keyed on the first
//! (or last) character, so matching a unit after a number costs a few comparisons.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::collections::BTreeMap;

const NUMERALS: &str = include_str!("../../rules/lexicon/numerals.toml");
const CURRENCIES: &str = include_str!("../../rules/lexicon/currencies.toml");
const UNITS: &str = include_str!("../../rules/lexicon/units.toml");
const QUALIFIERS: &str = include_str!("../../rules/lexicon/qualifiers.toml");
const NOT_CLAIMS: &str = include_str!("../../rules/lexicon/not_claims.toml");
const SUBJECTS: &str = include_str!("../../rules/lexicon/subjects.toml");

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

/// A longest-match table of written forms. English forms match case-insensitively and
/// only as whole words.
#[derive(Debug, Clone)]
pub struct Table<T> {
    by_first: HashMap<char, Vec<(String, T)>>,
    by_last: HashMap<char, Vec<(String, T)>>,
    /// Which first (last) characters occur, as a one-hash filter of [`MASK_BITS`] bits:
    /// most lookups fail, and this rejects them without a hash map. (A filter of the low
    /// byte alone let most Han characters through: the tables' Han characters cover it.)
    first_mask: Box<[u64; MASK_WORDS]>,
    last_mask: Box<[u64; MASK_WORDS]>,
}

const MASK_BITS: usize = 4096;
const MASK_WORDS: usize = MASK_BITS / 64;

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            by_first: HashMap::default(),
            by_last: HashMap::default(),
            first_mask: Box::new([0; MASK_WORDS]),
            last_mask: Box::new([0; MASK_WORDS]),
        }
    }
}

fn mask_bit(c: char) -> usize {
    // Fibonacci hashing: the top bits of the product spread neighbouring code points.
    ((c as u32).wrapping_mul(0x9e37_79b9) >> (32 - MASK_BITS.trailing_zeros())) as usize
}

fn mask_has(mask: &[u64; MASK_WORDS], c: char) -> bool {
    let i = mask_bit(c);
    mask[i >> 6] >> (i & 63) & 1 == 1
}

fn mask_add(mask: &mut [u64; MASK_WORDS], c: char) {
    let i = mask_bit(c);
    mask[i >> 6] |= 1 << (i & 63);
}

fn fold(c: char) -> char {
    c.to_ascii_lowercase()
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

impl<T: Clone> Table<T> {
    pub fn insert(&mut self, form: &str, value: T) {
        let form: String = form.chars().map(fold).collect();
        let (Some(first), Some(last)) = (form.chars().next(), form.chars().last()) else {
            return;
        };
        mask_add(&mut self.first_mask, first);
        mask_add(&mut self.last_mask, last);
        for (map, key) in [(&mut self.by_first, first), (&mut self.by_last, last)] {
            let list = map.entry(key).or_default();
            if let Some(slot) = list.iter_mut().find(|(f, _)| *f == form) {
                slot.1 = value.clone();
            } else {
                list.push((form.clone(), value.clone()));
                list.sort_by_key(|(form, _)| std::cmp::Reverse(form.len()));
            }
        }
    }

    /// The longest form that `text` starts with: (its byte length in `text`, value).
    pub fn prefix_of(&self, text: &str) -> Option<(usize, &T)> {
        let first = fold(text.chars().next()?);
        if !mask_has(&self.first_mask, first) {
            return None;
        }
        let list = self.by_first.get(&first)?;
        list.iter().find_map(|(form, value)| {
            let len = starts_with_folded(text, form)?;
            let wordy = form.chars().last().is_some_and(is_word_char);
            if wordy && text[len..].chars().next().is_some_and(is_word_char) {
                return None;
            }
            Some((len, value))
        })
    }

    /// The longest form that `text` ends with: (its byte length in `text`, value).
    pub fn suffix_of(&self, text: &str) -> Option<(usize, &T)> {
        let last = fold(text.chars().next_back()?);
        if !mask_has(&self.last_mask, last) {
            return None;
        }
        let list = self.by_last.get(&last)?;
        list.iter().find_map(|(form, value)| {
            let len = ends_with_folded(text, form)?;
            let wordy = form.chars().next().is_some_and(is_word_char);
            if wordy && text[..text.len() - len].chars().next_back().is_some_and(is_word_char) {
                return None;
            }
            Some((len, value))
        })
    }

    pub fn contains_prefix(&self, text: &str) -> bool {
        self.prefix_of(text).is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Every form in the table (lowercased).
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.by_first.values().flatten().map(|(f, _)| f.as_str())
    }
}

// Forms are stored folded (ASCII lowercase) and folding changes no byte length, so a
// case-insensitive byte comparison is the character-by-character one, without decoding.
fn starts_with_folded(text: &str, form: &str) -> Option<usize> {
    let head = text.as_bytes().get(..form.len())?;
    head.eq_ignore_ascii_case(form.as_bytes()).then_some(form.len())
}

fn ends_with_folded(text: &str, form: &str) -> Option<usize> {
    let tail = text.as_bytes().get(text.len().checked_sub(form.len())?..)?;
    tail.eq_ignore_ascii_case(form.as_bytes()).then_some(form.len())
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
    pub zh_digits: HashMap<char, u8>,
    pub zh_no_decimal: HashSet<char>,
    pub zh_places: HashMap<char, i32>,
    pub zh_groups: HashMap<char, i32>,
    pub zh_tens: HashMap<char, u8>,
    pub zh_decimal_points: HashSet<char>,
    pub zh_negative: HashSet<char>,
    pub zh_more: HashSet<char>,
    pub zh_few: HashSet<char>,
    pub zh_half: HashSet<char>,
    pub zh_fraction: String,
    pub zh_mixed_fraction: HashSet<char>,
    pub zh_dozen: HashSet<char>,
    /// Words before a numeral that make it a percentage, with the power of ten that
    /// scales it to percent (百分之 0, 千分之 -1).
    pub zh_percent_of: Table<i32>,
    /// Era names before a year (民國105年): the figure is a date, not a claim.
    pub zh_eras: Vec<String>,

    pub en_ones: HashMap<String, u64>,
    pub en_tens: HashMap<String, u64>,
    pub en_hundred: HashSet<String>,
    pub en_scales: HashMap<String, i32>,
    pub en_scale_abbreviations: HashMap<String, i32>,
    pub en_ambiguous_abbreviations: HashSet<String>,
    pub en_denominators: HashMap<String, u64>,
    pub en_ordinal_ones: HashMap<String, u64>,
    pub en_dozen: HashSet<String>,
    pub en_negative: HashSet<String>,
    pub en_point: HashSet<String>,
    pub en_fraction_connectors: Vec<String>,
    pub vulgar_fractions: HashMap<char, (u32, u32)>,
    pub en_pronoun_one_after: HashSet<String>,

    pub currency_after: Table<CurrencyUnit>,
    pub currency_before: Table<CurrencyUnit>,
    pub counters: Table<()>,
    pub arabic_only_counters: HashSet<String>,
    pub percent: Table<()>,
    pub permille: Table<()>,
    pub percentage_points: Table<()>,
    /// Words inside a percentage-point unit that make it basis points (hundredths).
    pub basis_points: Vec<String>,
    pub tenths: Table<()>,
    pub discount: Table<()>,
    pub tenths_not_before: HashSet<char>,
    pub discount_not_before: HashSet<char>,
    pub measures: Table<String>,
    /// Measures written only after Arabic digits (`20里`; 千里 is an idiom).
    pub arabic_only_measures: HashSet<String>,
    /// Each measure symbol's kind (its base symbol) and how to convert to the base.
    pub conversions: HashMap<String, Conversion>,

    pub qualifier_before: Table<Qualifier>,
    pub qualifier_after: Table<Qualifier>,
    pub range_connectors: Table<()>,
    /// Qualifiers that reach across a short verb, and how many characters they reach.
    pub qualifier_at_distance: HashSet<String>,
    pub qualifier_distance: usize,

    pub zh_ordinal_before: Table<()>,
    pub zh_not_after: Table<()>,
    pub zh_not_before: Table<()>,
    pub zh_idioms: Vec<String>,
    /// Words stripped from the ends of a subject phrase, longest first, each with its
    /// first and last character.
    pub subject_fillers: Vec<(char, char, String)>,
    pub en_ordinal_suffixes: HashSet<String>,
    pub en_months: HashSet<String>,
    pub en_not_before: HashSet<String>,
    pub en_not_after: HashSet<String>,
    pub en_idioms: Vec<String>,
    pub en_noun_stopwords: HashSet<String>,
    /// For each numeral character and the character after it in the idiom (`None` when
    /// the numeral ends the idiom), the idioms holding it and its byte offset in them:
    /// keyed by the neighbour too, since 一 alone opens dozens of idioms.
    pub zh_idioms_by_char: HashMap<(char, Option<char>), IdiomPlaces>,
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

/// One lexicon file. The built-in data is split over several files by topic, and a
/// user's extra file may hold any of these sections.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct LexiconFile {
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
    durations: Option<Durations>,
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
struct Durations {
    units: Vec<String>,
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
    /// The lexicon compiled into the binary from `rules/lexicon/`.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        for text in [NUMERALS, CURRENCIES, UNITS, QUALIFIERS, NOT_CLAIMS, SUBJECTS] {
            lex.merge(toml::from_str(text).expect("built-in lexicon files are valid"));
        }
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
        Ok(())
    }

    fn merge(&mut self, file: LexiconFile) {
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
        self.index();
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

    /// Whether `c` can begin a Chinese numeral.
    #[inline]
    pub fn is_zh_numeral_char(&self, c: char) -> bool {
        bit(&self.numeral_bits, c)
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
