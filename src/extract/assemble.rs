//! Assembling the claim at a position, stage by stage: a currency written before the
//! number, the number, a range, its unit, the checks that reject what is no claim, the
//! dimension, what follows the unit, qualifiers, a sign, and the claim with its interval
//! and subject. Each stage reads and extends a [`Draft`]; a stage that rejects the number
//! says where scanning resumes.

use super::claim::{bounds, Claim, Dimension, Scaling};
use super::context::{not_a_claim, qualifier_before};
use super::lexicon::{CurrencyUnit, Qualifier};
use super::numeral::{Numeral, Script};
use super::scan::{log_skip, qualified_here, tenths_tail, Extractor, Parsed};
use super::units::{qualifier_after, unit_after, UnitMatch};
use super::Dec;

/// What the stages have read of one claim so far.
struct Draft {
    /// Where the claim starts: before a currency named ahead of the number, then before a
    /// qualifier or a sign.
    start: usize,
    /// The number as parsed: its span and a percent written before it.
    parsed: Parsed,
    /// The number as the stages change it (a range's scale, change added to an amount).
    numeral: Numeral,
    end: usize,
    /// The upper end of a range.
    upper: Option<Numeral>,
    /// A currency written before the number ($, US$, 人民币).
    currency: Option<CurrencyUnit>,
    unit: Option<UnitMatch>,
    /// Where scanning resumes when the number is no claim.
    skip: usize,
}

impl Draft {
    /// A lone 一 or "one": an article, not a figure, before a counter (一个, 一名, one
    /// person) and, among amounts, before 块 (mostly "a piece"; 一元 is one yuan).
    fn lone_one(&self) -> bool {
        let n = &self.numeral;
        n.value == Dec::ONE
            && n.ratio.is_none()
            && !n.scaled
            && self.upper.is_none()
            && self.parsed.percent_scale.is_none()
            && (n.single_han_digit || n.script == Script::English)
    }
}

/// The dimension, unit symbol and power of ten of a claim.
type Kind = (Dimension, String, i32);

impl Extractor {
    /// The claim starting at `start`, or where to resume scanning.
    pub(super) fn claim_at(&self, text: &str, start: usize) -> Result<Claim, usize> {
        let mut d = self.number(text, start)?;
        self.range(text, &mut d);
        self.unit(text, &mut d);
        self.reject_articles_and_context(text, &d)?;
        let (dimension, unit, exponent) = self.dimension(text, &mut d)?;
        let exponent = self.after_unit(text, &mut d, exponent);
        self.reject_after_unit(text, &d, dimension)?;
        let qualifier = self.qualifiers(text, &mut d);
        self.sign(text, &mut d, dimension);
        Ok(self.claim(text, d, (dimension, unit, exponent), qualifier))
    }

    /// A currency before the number (`$5`, `US$ 5`, `USD115`, `人民币8亿元`): the currency,
    /// where the number starts, and where the claim starts.
    fn currency_before(&self, text: &str, start: usize) -> Result<(Option<CurrencyUnit>, usize, usize), usize> {
        let lex = &self.lex;
        // USD115: a currency code glued to the digits
        let letters = text[start..].bytes().take_while(u8::is_ascii_alphabetic).count();
        let glued_code = (letters > 0 && text[start + letters..].starts_with(|c: char| c.is_ascii_digit()))
            .then(|| lex.currency_before().prefix_of(&text[start..start + letters]).filter(|(n, _)| *n == letters))
            .flatten();
        let before = glued_code.or_else(|| lex.currency_before().prefix_of(&text[start..]));
        let (currency, number_start) = match before {
            Some((n, c)) => {
                let after = &text[start + n..];
                let gap = after.len() - after.trim_start_matches(' ').len();
                if gap <= 1 && after[gap..].starts_with(|ch: char| ch.is_ascii_digit()) {
                    (Some(c.clone()), start + n + gap)
                } else if lex.is_zh_numeral_char(text[start..].chars().next().unwrap_or(' '))
                    || text[start..].starts_with(|ch: char| ch.is_ascii_digit())
                {
                    (None, start)
                } else {
                    return Err(start + n.max(1));
                }
            }
            None => (None, start),
        };
        if currency.is_some() {
            return Ok((currency, number_start, start));
        }
        // 新台幣1.4兆元, 人民币8亿元: a currency named right before the digits...
        match lex.currency_before().suffix_of(&text[..start]) {
            // ...unless it is the unit of a figure before it (4人民币5美元).
            Some((n, c))
                if text[start - n..start].starts_with(|ch: char| !ch.is_ascii())
                    && !text[..start - n].ends_with(|ch: char| lex.is_numeral_char(ch)) =>
            {
                Ok((Some(c.clone()), number_start, start - n))
            }
            _ => Ok((None, number_start, start)),
        }
    }

    /// The number, after a currency written before it. Without a scale word, only a unit
    /// makes a figure a claim: most numerals in running text (一些, 统一, bare digits)
    /// have none and stop here.
    fn number(&self, text: &str, at: usize) -> Result<Draft, usize> {
        let skip_one = at + text[at..].chars().next().map_or(1, char::len_utf8);
        let (currency, number_start, start) = self.currency_before(text, at)?;
        let parsed = self.parse_number(text, number_start).ok_or(skip_one)?;
        let skip = parsed.end.max(skip_one);
        let numeral = parsed.numeral;
        let bare = !numeral.scaled && parsed.percent_scale.is_none() && numeral.ratio.is_none() && currency.is_none();
        let end = parsed.end;
        let lex = &self.lex;
        if bare
            && !text[end..].chars().next().is_some_and(|c| c == ' ' || c.is_ascii_alphabetic() || lex.is_unit_start(c))
            && !qualified_here(lex, text, start)
        {
            return Err(skip);
        }
        Ok(Draft { start, parsed, numeral, end, upper: None, currency, unit: None, skip })
    }

    /// A range: 3至5万, 1万-5万元, two to three. The lower end takes the upper's scale.
    fn range(&self, text: &str, d: &mut Draft) {
        if d.parsed.percent_scale.is_some() {
            return;
        }
        let Some((right, right_end)) = self.range_right(text, d.parsed.start, d.end, &d.numeral) else { return };
        let numeral = &mut d.numeral;
        if right.scaled && !numeral.scaled {
            numeral.value = numeral.value.shift(right.scale);
            numeral.precision = numeral.precision.shift(right.scale);
            numeral.scaled = true;
            numeral.scale = right.scale;
        }
        if right.value > numeral.value {
            d.upper = Some(right);
            d.end = right_end;
        }
    }

    /// The unit after the number (or the range).
    fn unit(&self, text: &str, d: &mut Draft) {
        d.unit = match d.parsed.percent_scale {
            Some(_) => None,
            None => unit_after(&self.lex, d.upper.as_ref().unwrap_or(&d.numeral), &text[d.end..]),
        };
        // "$ 20,000.00 $ 37,305.97": after a prefixed amount, a symbol begins the next one.
        let next_amount = d.unit.as_ref().is_some_and(|u| {
            u.dimension == Dimension::Currency && !text[d.end..].trim_start().starts_with(char::is_alphabetic)
        });
        if d.currency.is_some() && next_amount {
            d.unit = None;
        }
    }

    /// Articles (一个, one person) and numbers whose context says they are no claim
    /// (years, phone numbers, model names): decided before the dimension, because such
    /// numerals are most of those in Chinese news. Amounts wait until their change is
    /// added (一块五).
    fn reject_articles_and_context(&self, text: &str, d: &Draft) -> Result<(), usize> {
        let prefixed = d.currency.is_some();
        let amount = d.unit.as_ref().is_some_and(|u| matches!(u.dimension, Dimension::Percent | Dimension::Currency));
        if d.lone_one() && !prefixed && !amount {
            log_skip(text, d.parsed.start, d.end, "one as an article (一个, one)");
            return Err(d.skip);
        }
        let (start, end) = (d.parsed.start, d.parsed.end);
        if let Some(reason) = not_a_claim(&self.lex, text, start, end, &d.numeral, d.unit.as_ref(), prefixed) {
            log_skip(text, start, end, reason);
            return Err(d.skip);
        }
        Ok(())
    }

    /// What the claim measures: a percent written before it, a currency (one named before
    /// the figure beats the generic 元 after it), its unit's dimension, or a count when a
    /// scale word or a bounding qualifier makes a bare number a figure.
    fn dimension(&self, text: &str, d: &mut Draft) -> Result<Kind, usize> {
        Ok(match (&d.unit, d.parsed.percent_scale, &d.currency) {
            (_, Some(exp), _) => (Dimension::Percent, "%".to_string(), exp),
            (Some(u), None, Some(c)) if u.dimension == Dimension::Currency => (u.dimension, c.code.clone(), u.exponent),
            (Some(u), None, _) if u.dimension == Dimension::Currency => (u.dimension, u.unit.clone(), u.exponent),
            (_, None, Some(c)) => {
                if d.unit.as_ref().is_some_and(|u| u.dimension != Dimension::Count) {
                    return Err(d.skip);
                }
                let kind = (Dimension::Currency, c.code.clone(), c.minor_exponent);
                d.unit = None;
                kind
            }
            (Some(u), None, None) => (u.dimension, u.unit.clone(), u.exponent),
            (None, None, None) => {
                // "more than 3,000", "近10万": a qualified figure is a count even with no noun.
                let n = &d.numeral;
                let qualified = qualifier_before(&self.lex, text, d.start).is_some_and(|(q, _)| q != Qualifier::Exact)
                    && !n.single_han_digit
                    && n.value >= Dec::from_int(10);
                if (n.scaled && !n.digit_string || qualified) && n.ratio.is_none() {
                    (Dimension::Count, String::new(), 0)
                } else {
                    log_skip(text, d.parsed.start, d.end, "a bare number with no unit");
                    return Err(d.skip);
                }
            }
        })
    }

    /// What follows the unit: a scale word after a currency code ("75 USD million") and
    /// the change of an amount (五元三毛, 3 dollars 50 cents). The power of ten, with the
    /// scale word's.
    fn after_unit(&self, text: &str, d: &mut Draft, mut exponent: i32) -> i32 {
        let Some(u) = &d.unit else { return exponent };
        d.end += u.len;
        if u.dimension != Dimension::Currency {
            return exponent;
        }
        if !d.numeral.scaled {
            if let Some(rest) = text[d.end..].strip_prefix(' ') {
                let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
                if let Some(&s) = self.lex.en_scales().get(&rest[..len].to_ascii_lowercase()) {
                    exponent += s;
                    d.end += 1 + len;
                }
            }
        }
        if u.exponent == 0 && d.upper.is_none() {
            if let Some((extra, len)) = self.currency_change(text, d.end, &u.unit) {
                let numeral = &mut d.numeral;
                numeral.value = numeral.value.checked_add(extra).unwrap_or(numeral.value);
                numeral.precision = numeral.precision.min(extra.last_digit_place());
                numeral.has_point = true;
                d.end += len;
            }
        }
        exponent
    }

    /// 一块 ("a piece") and letters glued to digits that are no scale word (5G, 4K).
    fn reject_after_unit(&self, text: &str, d: &Draft, dimension: Dimension) -> Result<(), usize> {
        let (start, end) = (d.parsed.start, d.parsed.end);
        if d.lone_one() && dimension == Dimension::Currency && text[end..].starts_with(['块', '塊']) {
            log_skip(text, start, d.end, "one as an article (一块)");
            return Err(d.skip);
        }
        let glued_abbreviation = d.numeral.script == Script::Arabic
            && d.numeral.scaled
            && text[start..end].ends_with(|c: char| c.is_ascii_alphabetic())
            && !text[start..end].contains(' ');
        if glued_abbreviation && dimension != Dimension::Currency && !self.mode.is_permissive() {
            log_skip(text, start, d.end, "a letter glued to digits (5G, 4K)");
            return Err(d.skip);
        }
        Ok(())
    }

    /// Qualifiers before and after (多, 近, "more than"; a range is exact), and the half
    /// or digit after 成 (三成半, 七成六).
    fn qualifiers(&self, text: &str, d: &mut Draft) -> Qualifier {
        let lex = &self.lex;
        let mut qualifier = Qualifier::Exact;
        if let Some((q, at)) = qualifier_before(lex, text, d.start) {
            qualifier = q;
            if q != Qualifier::Exact {
                d.start = at;
            }
        }
        if let Some((n, q)) = qualifier_after(lex, &text[d.end..]) {
            if qualifier == Qualifier::Exact || q == qualifier {
                qualifier = q;
                d.end += n;
            }
        }
        if d.upper.is_some() {
            qualifier = Qualifier::Exact;
        }
        if d.unit.as_ref().is_some_and(|u| u.exponent == 1 && u.dimension == Dimension::Percent) {
            if let Some((extra, len)) = tenths_tail(lex, &text[d.end..]) {
                d.numeral.value = d.numeral.value.checked_add(extra).unwrap_or(d.numeral.value);
                d.numeral.precision = Dec::new(1, -1);
                d.end += len;
            }
        }
        qualifier
    }

    /// A sign written on the figure: -22.2%, 负3.9%.
    fn sign(&self, text: &str, d: &mut Draft, dimension: Dimension) {
        let signed = matches!(
            dimension,
            Dimension::Percent | Dimension::PercentagePoint | Dimension::Currency | Dimension::Measure
        );
        if let Some(sign_at) = super::mentions::negative_sign(&self.lex, text, d.start.min(d.parsed.start)) {
            if d.start == d.parsed.start && signed {
                d.numeral.negative = true;
                d.start = sign_at;
            }
        }
    }

    /// The claim: its interval from the numeral, qualifier and scale, and its subject.
    fn claim(&self, text: &str, d: Draft, (dimension, unit, exponent): Kind, qualifier: Qualifier) -> Claim {
        let round_integers = matches!(dimension, Dimension::Percent | Dimension::PercentagePoint);
        let b = bounds(&d.numeral, qualifier, Scaling { exponent, round_integers }, d.upper.as_ref());
        let noun_phrase = d.unit.as_ref().and_then(|u| u.noun_phrase.clone());
        let subject = self.subject(text, d.start, d.end, dimension, noun_phrase);
        Claim {
            start: d.start,
            end: d.end,
            number_start: d.parsed.start,
            number_end: d.parsed.end,
            value: b.value,
            low: b.low,
            high: b.high,
            qualifier: b.qualifier,
            dimension,
            unit: unit.into(),
            subject: subject.into(),
            digits: d.numeral.value.digits(),
            scale_exponent: d.numeral.scale,
        }
    }
}
