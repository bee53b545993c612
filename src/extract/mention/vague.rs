//! Vague amounts (`上百亩`, `数亿`, "hundreds of acres"): an interval, not a figure; a
//! quantity when a unit follows, else a number.

use super::{Kind, Mention, Number};
use crate::extract::{Claim, Dimension};

/// A vague amount (`上百亩`, "hundreds of acres"): a quantity when a unit follows, else a
/// number.
pub(super) fn vague_mention(
    lex: &crate::extract::Lexicon,
    text: &str,
    start: usize,
    end: usize,
    low: f64,
    high: f64,
) -> Mention {
    let kind = vague_kind(lex, text, start, end, low, high);
    let end = match &kind {
        Kind::Quantity(c) => c.end,
        _ => end,
    };
    Mention { start, end, kind }
}

fn vague_kind(lex: &crate::extract::Lexicon, text: &str, start: usize, end: usize, low: f64, high: f64) -> Kind {
    let script = if text[start..end].is_ascii() {
        crate::extract::numeral::Script::English
    } else {
        crate::extract::numeral::Script::Han
    };
    let numeral = crate::extract::numeral::Numeral::plain(crate::extract::Dec::ONE, crate::extract::Dec::ONE, script);
    // "hundreds of acres": the vague phrase ends with its space.
    let end = if text[..end].ends_with(' ') { end - 1 } else { end };
    if let Some(u) = crate::extract::units::unit_after(lex, &numeral, &text[end..]) {
        if matches!(u.dimension, Dimension::Measure | Dimension::Currency | Dimension::Count) && u.len > 0 {
            let claim = Claim {
                start,
                end: end + u.len,
                number_start: start,
                number_end: end,
                value: low,
                low: Some(low),
                high: Some(high),
                qualifier: crate::extract::Qualifier::Range,
                dimension: u.dimension,
                unit: u.unit.into(),
                subject: Default::default(),
                digits: Default::default(),
                scale_exponent: 0,
            };
            return Kind::Quantity(claim);
        }
    }
    Kind::Number(Number { value: low, low, high, vague: true, spelled: false })
}
