//! Every number as written, claim or not: the view of the number parser that peer suites
//! (Recognizers-Text NumberModel, Duckling, cn2an) test. Idioms still hold no number
//! (`一切`, `四川`), but bare figures, years and ordinals' digits are reported.

use super::context::in_idiom;
use super::numeral::Script;
use super::scan::Extractor;

/// One number in a text: byte span and value.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    pub start: usize,
    pub end: usize,
    pub value: f64,
}

impl Extractor {
    /// Every number in `text`, in order.
    pub fn numbers(&self, text: &str) -> Vec<NumberMention> {
        self.numbers_where(text, &|_, _| true)
    }

    /// The numbers of `text` whose position and first character `starts` accepts, in
    /// order; the others are not parsed at all.
    pub fn numbers_where(&self, text: &str, starts: &dyn Fn(usize, char) -> bool) -> Vec<NumberMention> {
        let lex = self.lexicon();
        let mut out = Vec::new();
        let mut pos = 0usize;
        while let Some(start) = self.next_candidate(text, pos) {
            let first = text[start..].chars().next();
            let next = start + first.map_or(1, char::len_utf8);
            if !first.is_some_and(|c| starts(start, c)) {
                pos = next;
                continue;
            }
            let Some(p) = self.parse_number(text, start) else {
                pos = next;
                continue;
            };
            pos = p.end.max(next);
            if matches!(p.numeral.script, Script::Han | Script::Mixed) && in_idiom(lex, text, p.start, p.end) {
                continue;
            }
            // 180ml, 29km, 4th: digits glued to letters are a measure, an id or an ordinal.
            let glued = text[p.end..].starts_with(|c: char| c.is_ascii_alphabetic())
                && text[p.start..p.end].ends_with(|c: char| c.is_ascii_digit());
            if glued || pronoun_one(lex, text, &p) {
                continue;
            }
            let (mut from, mut value) = match (p.percent_scale, p.numeral.ratio) {
                // 百分之五十五点五七九: the number is what follows 百分之.
                (Some(exp), None) if exp <= 0 => {
                    let inner = text[p.start..].char_indices().nth(3).map_or(p.end, |(i, _)| p.start + i);
                    (inner, p.numeral.to_f64())
                }
                (_, Some((n, d))) => (p.start, n / d),
                _ => (p.start, p.numeral.to_f64()),
            };
            if let Some(sign_at) = negative_sign(lex, text, from) {
                from = sign_at;
                value = -value;
            }
            out.push(NumberMention { start: from, end: p.end, value });
        }
        out
    }
}

/// "the one you mentioned", "which one": one is a pronoun, not a number.
fn pronoun_one(lex: &super::Lexicon, text: &str, p: &super::scan::Parsed) -> bool {
    if !text[p.start..p.end].eq_ignore_ascii_case("one") {
        return false;
    }
    let before = text[..p.start].trim_end_matches(' ');
    let word = before.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
    lex.en_pronoun_one_after().contains(&word)
}

/// Where a minus sign for the number at `at` starts: `负`, `-`, "minus ".
/// A dash after a figure or a unit (`五元六角-五元七毛`, `3-5`) is a range, not a sign.
pub(crate) fn negative_sign(lex: &super::Lexicon, text: &str, at: usize) -> Option<usize> {
    let head = &text[..at];
    // "- 1 4/5": a spaced minus at the start of the text
    if let Some(rest) = head.strip_suffix(' ').and_then(|h| h.trim_end_matches(' ').strip_suffix('-')) {
        if rest.trim().is_empty() {
            return Some(rest.len());
        }
    }
    let last = head.chars().next_back()?;
    // A sign word (负) is never part of what comes before; a dash may be (`3-5`).
    let word_sign = lex.zh_negative().contains(&last);
    if word_sign || matches!(last, '-' | '－') {
        let sign = last;
        if let Some(rest) = head.strip_suffix(sign) {
            let after_figure = |c: char| {
                c.is_ascii_alphanumeric()
                    || matches!(c, '-' | '－' | '!' | '<' | '%' | '％')
                    || lex.is_zh_numeral_char(c)
                    || lex.is_unit_start(c)
                    || super::arabic::is_digit(c)
            };
            let glued_to_word = rest.ends_with(after_figure) && !word_sign;
            if !glued_to_word {
                return Some(rest.len());
            }
        }
    }
    let trimmed = head.strip_suffix(' ')?;
    lex.en_negative().iter().find_map(|word| {
        let at = trimmed.len().checked_sub(word.len())?;
        trimmed.get(at..).is_some_and(|w| w.eq_ignore_ascii_case(word)).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_written() {
        let ex = Extractor::default();
        let cases: &[(&str, &[f64])] = &[
            ("两千零五十", &[2050.0]),
            ("一切都好", &[]),
            ("1991年1月16日", &[1991.0, 1.0, 16.0]),
            ("负三十二", &[-32.0]),
            ("三分之二", &[2.0 / 3.0]),
            ("百分之五十五点五七九", &[55.579]),
            ("The answer is minus 5", &[-5.0]),
        ];
        for (text, want) in cases {
            let got: Vec<f64> = ex.numbers(text).iter().map(|n| n.value).collect();
            assert_eq!(&got, want, "{text}");
        }
    }
}
