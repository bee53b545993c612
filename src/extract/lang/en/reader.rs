//! The English fold: number words, one at a time, into a value.
//!
//! Ones and tens add, `hundred` multiplies what came before it, a scale word closes a
//! group (`two million | three thousand`) and must be smaller than the one before,
//! adjacent scales multiply (`three lakh crore`), `and` joins a hundred or a scale to
//! what follows, `point` starts digits read one by one, and `dozen` ends the number.

use super::words::{denominator_after_cardinal, hundred_after_digits, ordinal_next, point_digits, separator, word};
use crate::extract::arabic::{arabic_number, ArabicNumber};
use crate::extract::decimal::Dec;
use crate::extract::lang::Mode;
use crate::extract::lang::{Invalid, OrInvalid};
use crate::extract::lexicon::Lexicon;
use crate::extract::numeral::{Numeral, Script};

/// What the reader does after a word.
pub(super) enum Next {
    /// The word belongs to the number.
    Took,
    /// The reader moved on by itself (an article, `and`); read the next word.
    Again,
    /// The word does not belong; `point` may still start a decimal tail.
    Refused,
    /// The number ends here.
    Stop,
}

/// Denominators that "and" adds to a whole hundred rather than reading as its tail.
const ADDED_AFTER_AND: [&str; 8] =
    ["half", "halves", "quarter", "quarters", "hundredth", "hundredths", "thousandth", "thousandths"];

pub(super) struct Reader<'a> {
    lex: &'a Lexicon,
    input: &'a str,
    mode: Mode,
    total: Dec,
    current: Dec,
    has_ones: bool,
    has_tens: bool,
    has_hundred: bool,
    last_scale: i32,
    scaled: bool,
    words: usize,
    article: bool,
    precision: Dec,
    started_with_digits: bool,
    /// "and" joined the last words to a hundred ("one hundred and thirty").
    and_glued: bool,
    has_point: bool,
    prev_was_scale: bool,
    arabic: Option<ArabicNumber>,
    /// End of the number read so far.
    pos: usize,
    /// Where the next word may start.
    cursor: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(lex: &'a Lexicon, input: &'a str, mode: Mode) -> Reader<'a> {
        Reader {
            lex,
            input,
            mode,
            total: Dec::ZERO,
            current: Dec::ZERO,
            has_ones: false,
            has_tens: false,
            has_hundred: false,
            last_scale: i32::MAX,
            scaled: false,
            words: 0,
            article: false,
            precision: Dec::ONE,
            started_with_digits: false,
            and_glued: false,
            has_point: false,
            prev_was_scale: false,
            arabic: None,
            pos: 0,
            cursor: 0,
        }
    }

    /// Whether a word or digits were read.
    pub(super) fn started(&self) -> bool {
        self.words > 0 || self.started_with_digits
    }

    pub(super) fn cursor(&self) -> usize {
        self.cursor
    }

    /// The separator before the next word; none before the first.
    pub(super) fn separator(&self) -> usize {
        if self.started() {
            separator(&self.input[self.cursor..], self.mode)
        } else {
            0
        }
    }

    /// Digits the number starts with, and an abbreviation glued to them (`10k`, `2.5bn`).
    pub(super) fn digits_first(&mut self) {
        let Ok((rest, a)) = arabic_number(self.input) else { return };
        self.current = a.value;
        self.precision = a.precision;
        self.has_ones = true;
        self.has_tens = true;
        self.started_with_digits = true;
        self.pos = self.input.len() - rest.len();
        self.cursor = self.pos;
        self.arabic = Some(a);
        let Some((w, n)) = word(rest) else { return };
        let abbreviations = &self.lex.en_scale_abbreviations();
        let scale = abbreviations.get(w.as_str()).or_else(|| abbreviations.get(&rest[..n]));
        // Only as written: "10M" and "10m" are not the same abbreviation.
        if let Some(&s) = scale.filter(|_| abbreviations.contains_key(&rest[..n])) {
            self.current = self.current.shift(s);
            self.precision = self.precision.shift(s);
            self.scaled = true;
            self.last_scale = s;
            self.pos += n;
            self.cursor = self.pos;
        }
    }

    /// Digits right after a scale word ("4 thousand 3 hundred"): whether they were read.
    pub(super) fn digits_after_scale(&mut self, sep: usize) -> bool {
        if !self.prev_was_scale || !self.current.is_zero() {
            return false;
        }
        let Ok((rest, a)) = arabic_number(&self.input[self.cursor + sep..]) else { return false };
        if a.has_point || a.value >= Dec::from_int(1000) {
            return false;
        }
        self.current = a.value;
        self.has_ones = true;
        self.has_tens = true;
        self.words += 1;
        self.pos = self.input.len() - rest.len();
        self.cursor = self.pos;
        self.prev_was_scale = false;
        true
    }

    /// Reads the word `w` found at `at..next_at`.
    pub(super) fn word(&mut self, w: &str, at: usize, next_at: usize) -> Result<Next, Invalid> {
        let lex = self.lex;
        if (w == "a" || w == "an") && !self.started() {
            return self.article(next_at).map(|()| Next::Again);
        }
        let took = if let Some(&v) = lex.en_ones().get(w) {
            self.ones(v)?
        } else if let Some(&v) = lex.en_tens().get(w) {
            self.tens(v, next_at)?
        } else if lex.en_hundred().contains(w) {
            self.hundred()?
        } else if let Some(&s) = lex.en_scales().get(w) {
            self.scale(s)?
        } else if let Some(s) = self.abbreviation(w, &self.input[at..next_at]) {
            self.spaced_abbreviation(s, w, &self.input[at..next_at])
        } else if w == "and" {
            return self.and(next_at);
        } else if lex.en_dozen().contains(w) {
            self.dozen(next_at)?;
            return Ok(Next::Stop);
        } else {
            false
        };
        Ok(if took { Next::Took } else { Next::Refused })
    }

    /// Counts a word taken at `..next_at`.
    pub(super) fn took(&mut self, w: &str, next_at: usize) {
        self.prev_was_scale = self.lex.en_scales().contains_key(w);
        self.words += 1;
        self.cursor = next_at;
        self.pos = next_at;
    }

    /// "a hundred", "a million", "a dozen", "a half": the article stands for one.
    fn article(&mut self, next_at: usize) -> Result<(), Invalid> {
        let lex = self.lex;
        let after = &self.input[next_at..];
        let s = separator(after, self.mode);
        let follows = word(&after[s..]).map(|(w2, _)| w2).unwrap_or_default();
        if s == 0
            || !(lex.en_hundred().contains(&follows)
                || lex.en_scales().contains_key(&follows)
                || lex.en_dozen().contains(&follows)
                || lex.en_denominators().contains_key(&follows))
        {
            return Err(Invalid);
        }
        self.current = Dec::ONE;
        self.article = true;
        self.words += 1;
        self.cursor = next_at;
        self.pos = next_at;
        Ok(())
    }

    fn ones(&mut self, v: u64) -> Result<bool, Invalid> {
        if self.has_ones || (self.has_tens && v >= 10) || (self.has_tens && v == 0) || self.article {
            return Ok(false);
        }
        self.current = self.current.checked_add(Dec::from_int(i128::from(v))).or_invalid()?;
        self.has_ones = true;
        self.precision = Dec::ONE;
        Ok(true)
    }

    fn tens(&mut self, v: u64, next_at: usize) -> Result<bool, Invalid> {
        // "one twenty-fifth", "one hundred thirty fifths": a tens word right before an
        // ordinal belongs to the denominator when it cannot join the numerator.
        let ordinal_follows = ordinal_next(self.lex, &self.input[next_at..], self.mode);
        let blocked = self.has_ones || self.has_tens || (self.has_hundred && !self.and_glued);
        if self.has_ones || self.has_tens || self.article || (ordinal_follows && blocked) {
            return Ok(false);
        }
        self.current = self.current.checked_add(Dec::from_int(i128::from(v))).or_invalid()?;
        self.has_tens = true;
        self.precision = Dec::pow10(1);
        Ok(true)
    }

    fn hundred(&mut self) -> Result<bool, Invalid> {
        if self.current.is_zero() || self.has_hundred || self.last_scale <= 2 {
            return Ok(false);
        }
        self.current = self.current.checked_mul(Dec::pow10(2)).or_invalid()?;
        self.precision = self.precision.shift(2);
        self.has_hundred = true;
        self.has_ones = false;
        self.has_tens = false;
        self.article = false;
        Ok(true)
    }

    fn scale(&mut self, s: i32) -> Result<bool, Invalid> {
        if self.current.is_zero()
            && self.scaled
            && !self.total.is_zero()
            && s > self.last_scale.min(s - 1)
            && self.words > 0
            && self.prev_was_scale
        {
            // "three lakh crore": adjacent scales multiply
            self.total = self.total.checked_mul(Dec::pow10(s)).or_invalid()?;
            self.precision = self.precision.shift(s);
            self.last_scale = self.last_scale.saturating_add(s);
            return Ok(true);
        }
        if self.current.is_zero() || s >= self.last_scale {
            return Ok(false);
        }
        let group = self.current.checked_mul(Dec::pow10(s)).or_invalid()?;
        self.total = self.total.checked_add(group).or_invalid()?;
        self.precision = self.precision.shift(s);
        self.current = Dec::ZERO;
        self.last_scale = s;
        self.scaled = true;
        self.has_ones = false;
        self.has_tens = false;
        self.has_hundred = false;
        self.article = false;
        Ok(true)
    }

    /// A scale abbreviation right after the digits the number starts with.
    fn abbreviation(&self, w: &str, as_written: &str) -> Option<i32> {
        if !(self.started_with_digits && self.words == 0) {
            return None;
        }
        let abbreviations = &self.lex.en_scale_abbreviations();
        abbreviations.get(as_written).or_else(|| abbreviations.get(w)).copied()
    }

    /// "2.33 k", "10 bln": an abbreviation after a space, right after the digits.
    fn spaced_abbreviation(&mut self, s: i32, w: &str, as_written: &str) -> bool {
        let ambiguous = self.lex.en_ambiguous_abbreviations().contains(as_written)
            || self.lex.en_ambiguous_abbreviations().contains(w);
        if self.scaled || ambiguous && !self.mode.is_permissive() {
            return false;
        }
        self.current = self.current.shift(s);
        self.precision = self.precision.shift(s);
        self.scaled = true;
        self.last_scale = s;
        true
    }

    /// "one hundred and six", "two million and three", "3 hundred and 21".
    fn and(&mut self, next_at: usize) -> Result<Next, Invalid> {
        let lex = self.lex;
        let after = &self.input[next_at..];
        let s = separator(after, self.mode);
        let follows = word(&after[s..]).map(|(w2, _)| w2).unwrap_or_default();
        let digit_follows = after[s..].starts_with(|c: char| c.is_ascii_digit());
        let number_follows =
            lex.en_ones().contains_key(&follows) || lex.en_tens().contains_key(&follows) || digit_follows;
        if s == 0 || !(self.has_hundred || self.scaled) || !number_follows || follows == "a" {
            return Ok(Next::Stop);
        }
        // "twenty million and two thirds", "one hundred and three quarters": a fraction
        // after "and" is added, not read as the tail of the whole number.
        if let Some(den) = denominator_after_cardinal(lex, &after[s..], self.mode) {
            if self.and_glued || !self.has_hundred || self.scaled || ADDED_AFTER_AND.contains(&den.as_str()) {
                return Ok(Next::Stop);
            }
        }
        if digit_follows && hundred_after_digits(lex, &after[s..]) {
            return Ok(Next::Stop);
        }
        self.and_glued = true;
        self.cursor = next_at;
        if digit_follows {
            let (rest, a) = arabic_number(&after[s..]).map_err(|_| Invalid)?;
            if a.has_point || a.value >= Dec::from_int(100) || a.value.is_zero() {
                return Ok(Next::Stop);
            }
            self.current = self.current.checked_add(a.value).or_invalid()?;
            self.has_ones = true;
            self.has_tens = true;
            self.precision = Dec::ONE;
            self.pos = self.input.len() - rest.len();
            self.cursor = self.pos;
            self.words += 1;
        }
        Ok(Next::Again)
    }

    /// "a dozen", "three dozens": twelve times what came before; the number ends.
    fn dozen(&mut self, next_at: usize) -> Result<(), Invalid> {
        let base = if self.current.is_zero() { Dec::ONE } else { self.current };
        self.current = base.checked_mul(Dec::from_int(12)).or_invalid()?;
        self.precision = Dec::ONE;
        self.article = false;
        self.words += 1;
        self.pos = next_at;
        Ok(())
    }

    /// "two hundred point zero three", "point seventy-one" after a refused word `w`.
    pub(super) fn point(&mut self, w: &str, next_at: usize) -> Result<(), Invalid> {
        if !self.lex.en_point().contains(w) || !self.started() || self.scaled {
            return Ok(());
        }
        let Some((frac, len)) = point_digits(self.lex, &self.input[next_at..], self.mode) else { return Ok(()) };
        let whole = self.total.checked_add(self.current).or_invalid()?;
        self.total = Dec::ZERO;
        self.current = whole.checked_add(frac).or_invalid()?;
        self.precision = frac.last_digit_place();
        self.words += 1;
        self.pos = next_at + len;
        self.has_point = true;
        Ok(())
    }

    /// The number read, and where it ends.
    pub(super) fn finish(self) -> Result<(usize, Numeral), Invalid> {
        if !self.started() {
            return Err(Invalid);
        }
        if self.article && !self.scaled && !self.has_hundred && self.current == Dec::ONE && self.words <= 1 {
            return Err(Invalid);
        }
        let value = self.total.checked_add(self.current).or_invalid()?;
        let script = if self.started_with_digits { Script::Arabic } else { Script::English };
        let mut numeral = Numeral::plain(value, self.precision, script);
        numeral.scaled = self.scaled;
        numeral.has_point = self.has_point;
        numeral.scale = if self.scaled && self.last_scale != i32::MAX { self.last_scale } else { 0 };
        numeral.article = self.article;
        if let Some(a) = self.arabic {
            numeral.has_point = a.has_point;
            numeral.integer_digits = a.integer_digits;
            numeral.has_separator = a.has_separator;
            numeral.digit_string = !a.has_point && !self.scaled && self.words == 0;
            if !self.scaled && self.words == 0 {
                numeral.precision = a.precision;
            }
        }
        Ok((self.pos, numeral))
    }
}
