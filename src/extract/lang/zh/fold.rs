//! The place-value fold: Chinese numeral tokens, one at a time, into a value.
//!
//! Places (十百千) count inside a group, groups (万亿兆) multiply everything before them
//! that is smaller, two groups side by side multiply (万亿 = 10^12), a lone digit after
//! a place is elided (`两万五` = 25000), and digits one by one are a digit string
//! (`二〇一六`). Each step says whether the token belongs to the numeral; a step that
//! overflows fails the whole numeral.

use super::tokens::DigitRun;
use crate::extract::arabic::ArabicNumber;
use crate::extract::decimal::Dec;
use crate::extract::lang::{Invalid, OrInvalid};
use crate::extract::lexicon::Lexicon;
use crate::extract::numeral::{Numeral, Script};

pub(super) struct Fold {
    total: Dec,
    section: Dec,
    /// The last digit or figure, not yet placed; `true` when a single digit that
    /// elision may scale.
    pending: Option<(Dec, bool)>,
    last_place: Option<i32>,
    max_group: i32,
    last_group: i32,
    scale: i32,
    zero_gap: bool,
    prev_group: bool,
    precision: Dec,
    any_han: bool,
    any_arabic: bool,
    scaled: bool,
    more: bool,
    has_point: bool,
    digit_run: Option<DigitRun>,
    tokens: usize,
    /// The pending digit came right after a group unit (一万三).
    pending_after_group: bool,
    arabic: Option<ArabicNumber>,
}

impl Fold {
    pub(super) fn new() -> Fold {
        Fold {
            total: Dec::ZERO,
            section: Dec::ZERO,
            pending: None,
            last_place: None,
            max_group: 0,
            last_group: 0,
            scale: 0,
            zero_gap: false,
            prev_group: false,
            precision: Dec::ONE,
            any_han: false,
            any_arabic: false,
            scaled: false,
            more: false,
            has_point: false,
            digit_run: Some(DigitRun::default()),
            tokens: 0,
            pending_after_group: false,
            arabic: None,
        }
    }

    /// Whether a token was taken: spaces between tokens are skipped only after one.
    pub(super) fn started(&self) -> bool {
        self.tokens > 0
    }

    /// Counts a taken token; only a group, a vague tail or a decimal point leaves "a group
    /// came last" standing.
    pub(super) fn took(&mut self, group_stands: bool) {
        self.tokens += 1;
        if !group_stands {
            self.prev_group = false;
        }
    }

    fn has_long_digit_run(&self) -> bool {
        self.digit_run.as_ref().is_some_and(|r| r.len() > 1)
    }

    /// An Arabic figure (`1.4`, `3`), with its thousand suffix (`15k`) when the caller
    /// found one; false when it cannot join what came before.
    pub(super) fn arabic(&mut self, mut a: ArabicNumber, thousands: bool) -> bool {
        if !self.takes_arabic() {
            return false;
        }
        let single = !a.has_point && a.integer_digits == 1;
        if thousands {
            a.value = a.value.shift(3);
            a.precision = a.precision.shift(3);
            self.scaled = true;
            self.scale = 3;
        }
        self.pending = Some((a.value, single));
        self.pending_after_group = self.prev_group;
        self.arabic = Some(a);
        self.any_arabic = true;
        self.has_point |= a.has_point;
        self.digit_run = None;
        true
    }

    /// Whether an Arabic figure could join the numeral here (the `15k` suffix is looked
    /// for only then).
    pub(super) fn takes_arabic(&self) -> bool {
        !(self.pending.is_some()
            || self.has_point
            || (self.any_arabic && self.last_place.is_none() && !self.prev_group))
    }

    pub(super) fn digit(&mut self, d: u8) -> bool {
        if self.has_point {
            return false;
        }
        if self.pending.is_some() {
            // Two digits in a row: only a digit string (二〇一六) goes on.
            return match self.digit_run.as_mut() {
                Some(run) if !run.is_empty() => {
                    run.push(d);
                    self.pending = None;
                    true
                }
                _ => false,
            };
        }
        if let Some(run) = self.digit_run.as_mut() {
            if self.tokens == 0 || !run.is_empty() {
                run.push(d);
            } else {
                self.digit_run = None;
            }
        }
        if !self.has_long_digit_run() {
            self.pending = Some((Dec::from_int(i128::from(d)), true));
            self.pending_after_group = self.prev_group;
            self.any_han = true;
        }
        true
    }

    pub(super) fn zero(&mut self) -> bool {
        if self.has_point {
            false
        } else if let Some(run) = self.digit_run.as_mut().filter(|r| !r.is_empty()) {
            run.push(0);
            self.pending = None;
            true
        } else if self.tokens == 0 {
            // 零 alone, or 零十 (= 10) and 零点五
            self.any_han = true;
            self.digit_run = None;
            self.zero_gap = true;
            true
        } else if self.pending.is_some() {
            false
        } else {
            self.zero_gap = true;
            self.any_han = true;
            self.prev_group = false;
            true
        }
    }

    /// A place (十百千) at the start of `at`.
    pub(super) fn place(&mut self, lex: &Lexicon, at: &str, p: i32) -> Result<bool, Invalid> {
        let before_measure = lex
            .measures()
            .prefix_of(at)
            .is_some_and(|(n, _)| n > at.chars().next().map_or(0, char::len_utf8))
            || lex.counters().prefix_of(at).is_some_and(|(n, _)| n > 3)
            || at.starts_with("百分点")
            || at.starts_with("百分點")
            // 百分之五 is a percent; 一百分之五 is five hundredths.
            || self.tokens == 0 && (at.starts_with("百分") || at.starts_with("千分"));
        let decreasing = self.last_place.is_none_or(|lp| p < lp);
        if self.has_point || before_measure || !decreasing || self.more {
            return Ok(false);
        }
        if self.has_long_digit_run() {
            // 二三十: two digits before a place is a vague range, not a number.
            return Err(Invalid);
        }
        let n = self.pending.take().map_or(Dec::ONE, |(n, _)| n);
        self.section = self.section.checked_add(n.checked_mul(Dec::pow10(p)).or_invalid()?).or_invalid()?;
        self.precision = n.last_digit_place().shift(p);
        if let Some(a) = self.arabic.filter(|a| a.value == n) {
            self.precision = a.precision.shift(p);
            if self.total.is_zero() && self.section == n.shift(p) {
                // 3千, 5百: an Arabic figure with a scale word
                self.scale = p;
                self.scaled = true;
            }
        }
        self.last_place = Some(p);
        self.zero_gap = false;
        self.prev_group = false;
        self.any_han = true;
        self.digit_run = None;
        Ok(true)
    }

    pub(super) fn tens(&mut self, t: u8) -> Result<bool, Invalid> {
        if self.pending.is_some() || self.has_point || self.last_place.is_some_and(|lp| lp <= 1) {
            return Ok(false);
        }
        self.section = self.section.checked_add(Dec::from_int(i128::from(t))).or_invalid()?;
        self.precision = Dec::pow10(1);
        self.last_place = Some(1);
        self.any_han = true;
        self.digit_run = None;
        Ok(true)
    }

    /// A group (万亿兆) at the start of `at`.
    pub(super) fn group(&mut self, lex: &Lexicon, at: &str, g: i32) -> Result<bool, Invalid> {
        let before_measure =
            lex.measures().prefix_of(at).is_some_and(|(n, _)| n > 3) || at.starts_with(lex.zh_fraction());
        let has_content = self.pending.is_some() || !self.section.is_zero() || self.zero_gap && self.tokens > 0;
        let han_digit_run = self.has_long_digit_run() && !self.any_arabic;
        if before_measure || self.tokens == 0 || han_digit_run {
            return Ok(false);
        }
        if !has_content && self.prev_group {
            // 万亿, 万万: adjacent groups multiply.
            self.total = self.total.checked_mul(Dec::pow10(g)).or_invalid()?;
            self.precision = self.precision.shift(g);
            self.max_group = self.max_group.max(g + self.max_group.min(g));
            self.scale += g;
            self.scaled = true;
            return Ok(true);
        }
        if !has_content {
            return Ok(false);
        }
        self.flush_pending(false)?;
        let section = self.section;
        self.last_group = g;
        if g > self.max_group {
            self.total = self.total.checked_add(section).or_invalid()?.checked_mul(Dec::pow10(g)).or_invalid()?;
            self.max_group = g;
            self.scale = g;
        } else {
            self.total = self.total.checked_add(section.shift(g)).or_invalid()?;
        }
        self.precision = self.precision.shift(g);
        self.section = Dec::ZERO;
        self.last_place = None;
        self.zero_gap = false;
        self.prev_group = true;
        self.scaled = true;
        self.any_han = true;
        self.digit_run = None;
        Ok(true)
    }

    /// A decimal point followed by `digits` (`十五点七`).
    pub(super) fn point(&mut self, digits: &str) -> Result<bool, Invalid> {
        let has_int = self.pending.is_some() || !self.section.is_zero() || !self.total.is_zero() || self.zero_gap;
        if digits.is_empty() || self.has_point || !has_int || self.any_arabic && !self.any_han {
            return Ok(false);
        }
        if let Some(run) = self.digit_run.take().filter(|r| r.len() > 1) {
            self.pending = Some((Dec::parse_digits(run.as_str()).or_invalid()?, false));
        }
        self.flush_pending(true)?;
        let fraction = Dec::parse_digits(&format!("0.{digits}")).or_invalid()?;
        self.section = self.section.checked_add(fraction).or_invalid()?;
        self.precision = Dec::pow10(-(digits.len() as i32));
        self.has_point = true;
        self.last_place = Some(0);
        Ok(true)
    }

    /// `多`/`余` (and some more) or `几` (a few, standing in the place below the last).
    pub(super) fn vague_tail(&mut self, few: bool) -> Result<bool, Invalid> {
        let has_number = self.pending.is_some() || !self.section.is_zero() || !self.total.is_zero();
        if !has_number || self.more || few && self.pending.is_some() {
            return Ok(false);
        }
        if few {
            // 二十几: the few stand in the place below the last one.
            if let Some(lp) = self.last_place {
                self.precision = Dec::pow10(lp);
            }
        }
        self.flush_pending(false)?;
        self.more = true;
        self.digit_run = None;
        Ok(true)
    }

    /// Adds the pending digit to the section; a lone digit after a place unit is elided
    /// (`两千四百五` → 2450, `一万三` → 13000).
    fn flush_pending(&mut self, allow_elision: bool) -> Result<(), Invalid> {
        let Some((n, single)) = self.pending.take() else { return Ok(()) };
        let elided = if single && allow_elision && !self.zero_gap {
            match (self.last_place, self.pending_after_group) {
                (Some(p), _) if p >= 1 => Some(p - 1),
                (None, true) if self.last_group >= 1 && self.section.is_zero() => Some(self.last_group - 1),
                _ => None,
            }
        } else {
            None
        };
        match elided {
            Some(p) if self.pending_after_group => {
                // 一万三: the digit belongs to the group below the one just applied.
                self.total = self.total.checked_add(n.shift(p)).or_invalid()?;
                self.precision = n.last_digit_place().shift(p);
            }
            Some(p) => {
                self.section = self.section.checked_add(n.shift(p)).or_invalid()?;
                self.precision = n.last_digit_place().shift(p);
            }
            None => {
                self.section = self.section.checked_add(n).or_invalid()?;
                self.precision = match self.arabic {
                    Some(a) if a.value == n => a.precision,
                    _ => n.last_digit_place(),
                };
            }
        }
        Ok(())
    }

    /// The numeral the tokens make, `next` being the character after them.
    pub(super) fn finish(&mut self, next: Option<char>) -> Result<Numeral, Invalid> {
        if self.tokens == 0 {
            return Err(Invalid);
        }
        let digit_string = self.has_long_digit_run();
        let mut single_han_digit = false;
        if digit_string {
            let run = self.digit_run.take().unwrap_or_default();
            // Han digits one by one are a year or a discount (二〇一六年, 九五折); 两两 is not a number.
            if !self.any_arabic && !run.contains_zero() && !matches!(next, Some('年' | '折')) {
                return Err(Invalid);
            }
            self.section = Dec::parse_digits(run.as_str()).or_invalid()?;
            self.precision = Dec::ONE;
            self.pending = None;
        } else {
            single_han_digit = self.tokens == 1 && self.any_han && matches!(self.pending, Some((_, true)));
            self.flush_pending(true)?;
        }
        let value = self.total.checked_add(self.section).or_invalid()?;
        if value.is_zero() && !self.zero_gap && !self.has_point {
            return Err(Invalid);
        }
        let script = match (self.any_han, self.any_arabic) {
            (true, true) => Script::Mixed,
            (false, true) => Script::Arabic,
            _ => Script::Han,
        };
        let arabic = self.arabic;
        Ok(Numeral {
            value,
            precision: self.precision,
            more: self.more,
            script,
            scaled: self.scaled,
            scale: self.scale,
            has_point: self.has_point,
            digit_string: digit_string || (script == Script::Arabic && !self.has_point),
            integer_digits: arabic.map_or(0, |a| a.integer_digits),
            single_han_digit,
            article: false,
            negative: false,
            has_separator: arabic.is_some_and(|a| a.has_separator),
            ratio: None,
        })
    }
}
