//! What follows a number: percent signs, currencies, counters, measure units, English
//! count nouns, and trailing qualifiers (`以上`, `左右`, "or more").

use super::claim::Dimension;
use super::lexicon::{Lexicon, Qualifier};
use super::numeral::{Numeral, Script};

/// The unit found after a number.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitMatch {
    pub dimension: Dimension,
    pub unit: String,
    /// Bytes of text the unit covers, from the end of the number.
    pub len: usize,
    /// Multiply the value by 10^exponent (九成 → 90%, 分 → 0.01 yuan, ‰ → 0.1%).
    pub exponent: i32,
    /// The count noun phrase, for English counts.
    pub noun_phrase: Option<String>,
}

/// Spaces allowed between an English number and its unit.
fn skip_spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

/// Finds the unit right after a number. `text` starts where the number ends.
pub fn unit_after(lex: &Lexicon, numeral: &Numeral, text: &str) -> Option<UnitMatch> {
    // One space may stand between digits and a unit; never after Han numerals.
    let gap = if numeral.script == Script::Han { 0 } else { skip_spaces(text).min(1) };
    percent_unit(lex, numeral, text, gap)
        .or_else(|| currency_unit(lex, numeral, text, gap))
        .or_else(|| measure_or_count(lex, numeral, text, gap))
}

/// Percentage points, percent, per mille, tenths (成) and discounts (折).
fn percent_unit(lex: &Lexicon, numeral: &Numeral, text: &str, gap: usize) -> Option<UnitMatch> {
    let rest = &text[gap..];
    let at = |len: usize| gap + len;
    if let Some((n, _)) = lex.percentage_points().prefix_of(rest) {
        if gap == 0 || rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let english = rest.starts_with(|c: char| c.is_ascii_alphabetic());
            // "points" alone is a score, not percentage points; it needs "percentage".
            let basis = lex.basis_points().iter().any(|b| rest[..n].contains(b.as_str()));
            if !english || rest[..n].to_ascii_lowercase().contains("percentage") || basis {
                let exponent = if basis { -2 } else { 0 };
                return Some(unit(Dimension::PercentagePoint, "pp", at(n), exponent));
            }
        }
    }
    if let Some((n, _)) = lex.percent().prefix_of(rest) {
        let glued_symbol = !rest.starts_with(|c: char| c.is_ascii_alphabetic());
        if glued_symbol || gap > 0 {
            return Some(unit(Dimension::Percent, "%", at(n), 0));
        }
    }
    if let Some((n, _)) = lex.permille().prefix_of(rest) {
        return Some(unit(Dimension::Percent, "%", at(n), -1));
    }
    if numeral.script == Script::English {
        return None;
    }
    if let Some((n, _)) = lex.tenths().prefix_of(text) {
        if tenths_ok(lex, numeral, &text[n..]) {
            return Some(unit(Dimension::Percent, "%", n, 1));
        }
    }
    let (n, _) = lex.discount().prefix_of(text)?;
    if !discount_ok(lex, numeral, &text[n..]) {
        return None;
    }
    let exponent = if numeral.value.to_f64() <= 10.0 { 1 } else { 0 };
    Some(unit(Dimension::Percent, "%", n, exponent))
}

/// A currency after the number (`元`, `美元`, "yuan", "12-cent").
fn currency_unit(lex: &Lexicon, numeral: &Numeral, text: &str, gap: usize) -> Option<UnitMatch> {
    // "12-cent", "one-yen": a hyphen may join an English currency word.
    let (gap, rest) = match text.strip_prefix('-') {
        Some(r) if gap == 0 && numeral.script != Script::Han && r.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            (1, r)
        }
        _ => (gap, &text[gap..]),
    };
    let (n, c) = lex.currency_after().prefix_of(rest)?;
    let english = rest.starts_with(|ch: char| ch.is_ascii_alphabetic());
    let han = rest.starts_with(super::script::is_han);
    let chinese_minor = c.minor_exponent < 0 && !english;
    // 8700块定日镜: 块 before a noun counts pieces; as money it ends the phrase (50块, 50块钱).
    let piece = matches!(&rest[..n], "块" | "塊")
        && rest[n..].starts_with(|ch: char| super::script::is_han(ch) && !matches!(ch, '钱' | '錢'));
    (!chinese_minor && !piece && (gap == 0 || english || !han))
        .then(|| unit(Dimension::Currency, &c.code, gap + n, c.minor_exponent))
}

/// A measure (`公里`, "km"), a counter (`家`, `个`), or an English noun counted ("1,007
/// urban tertiary hospitals").
fn measure_or_count(lex: &Lexicon, numeral: &Numeral, text: &str, gap: usize) -> Option<UnitMatch> {
    let rest = &text[gap..];
    let at = |len: usize| gap + len;
    if let Some((n, symbol)) = lex.measures().prefix_of(rest) {
        let english = rest.starts_with(|ch: char| ch.is_ascii_alphabetic());
        let han_before_arabic_only = numeral.script == Script::Han && lex.arabic_only_measures().contains(&rest[..n]);
        if (gap == 0 && !english || gap > 0 && english) && !han_before_arabic_only {
            return Some(unit(Dimension::Measure, symbol, at(n), 0));
        }
    }
    if gap == 0 {
        if let Some((n, _)) = lex.counters().prefix_of(text) {
            let counter = &text[..n];
            // 20个比特币: a counter before a currency is part of it.
            if let Some((m, c)) = lex.currency_after().prefix_of(&text[n..]).filter(|(_, c)| c.minor_exponent == 0) {
                return Some(unit(Dimension::Currency, &c.code, n + m, 0));
            }
            let han = matches!(numeral.script, Script::Han);
            if !(han && lex.arabic_only_counters().contains(counter)) {
                return Some(unit(Dimension::Count, counter, n, 0));
            }
        }
        return None;
    }
    let (len, phrase, head) = english_noun_phrase(lex, rest)?;
    let mut u = unit(Dimension::Count, &head, at(len), 0);
    u.noun_phrase = Some(phrase);
    Some(u)
}

fn unit(dimension: Dimension, unit: &str, len: usize, exponent: i32) -> UnitMatch {
    UnitMatch { dimension, unit: unit.to_string(), len, exponent, noun_phrase: None }
}

/// 九成 is 90%, but 一成不变 and 3成本 are not tenths.
fn tenths_ok(lex: &Lexicon, numeral: &Numeral, after: &str) -> bool {
    let v = numeral.value.to_f64();
    let blocked = after.chars().next().is_some_and(|c| lex.tenths_not_before().contains(&c));
    v > 0.0 && v <= 10.0 && !numeral.scaled && !blocked
}

/// 75折 and 九五折 are a share of the price; 折合 and 折旧 are other words.
fn discount_ok(lex: &Lexicon, numeral: &Numeral, after: &str) -> bool {
    let v = numeral.value.to_f64();
    let blocked = after.chars().next().is_some_and(|c| lex.discount_not_before().contains(&c));
    // 十折 is no discount; 75折 and 9.5折 are.
    v > 0.0 && v < 100.0 && v != 10.0 && !numeral.scaled && !blocked
}

/// "medical and health institutions": after `and`, the phrase goes on when a word, not a
/// number, follows; the spaces to skip.
fn and_joins_nouns(lex: &Lexicon, word: &str, after: &str) -> Option<usize> {
    let next = after.trim_start_matches(' ');
    let joins = word == "and"
        && after.starts_with(' ')
        && next.starts_with(|c: char| c.is_ascii_lowercase())
        && !lex.en_noun_stopwords().contains(next.split(' ').next().unwrap_or(""));
    joins.then_some(after.len() - next.len())
}

/// An English noun phrase right after a number: "urban tertiary hospitals" in
/// "1,007 urban tertiary hospitals and ...". Returns (bytes, phrase, head noun).
pub fn english_noun_phrase(lex: &Lexicon, text: &str) -> Option<(usize, String, String)> {
    let mut words: Vec<&str> = Vec::new();
    let mut end = 0usize;
    let mut pos = 0usize;
    let mut adverb_skipped = false;
    let mut capital_start = false;
    while words.len() < 6 {
        let rest = &text[pos..];
        let len = rest.bytes().take_while(|b| b.is_ascii_alphabetic() || *b == b'-' || *b == b'\'').count();
        if len == 0 {
            break;
        }
        let w = rest[..len].trim_end_matches(['-', '\'']);
        // Capitals may continue a phrase ("new Party members"); one may start it only when
        // a lowercase plural ends it ("41 Chinese apps"), not a name ("10 Downing Street").
        if w.is_empty() {
            break;
        }
        if words.is_empty() && !w.starts_with(|c: char| c.is_ascii_lowercase()) {
            if capital_start || adverb_skipped || !w[1..].bytes().all(|b| b.is_ascii_lowercase()) {
                break;
            }
            capital_start = true;
        }
        let lower = w.to_ascii_lowercase();
        if lex.en_noun_stopwords().contains(&lower)
            || lex.en_months().contains(&lower)
            || lex.en_not_after().contains(&lower)
        {
            match and_joins_nouns(lex, &lower, &rest[len..]) {
                Some(spaces) if !words.is_empty() => {
                    words.push("and");
                    pos += len + spaces;
                    continue;
                }
                _ => break,
            }
        }
        // A past participle after the noun is the verb ("volunteers joined"); an adverb
        // is no noun, but may open one ("260 especially problematic apps").
        if !words.is_empty() && lower.len() > 4 && lower.ends_with("ed") {
            break;
        }
        if lower.len() > 4 && lower.ends_with("ly") {
            if !words.is_empty() || adverb_skipped || !rest[len..].starts_with(' ') {
                break;
            }
            adverb_skipped = true;
            pos += len + 1;
            continue;
        }
        words.push(&rest[..w.len()]);
        end = pos + w.len();
        // The first plural is taken as the head noun: "volunteers" in "volunteers joined".
        if lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") {
            break;
        }
        let after = &rest[w.len()..];
        if after.starts_with(' ') && !after.starts_with("  ") {
            pos += w.len() + 1;
        } else {
            break;
        }
    }
    while words.last() == Some(&"and") {
        words.pop();
    }
    let head = (*words.last()?).to_string();
    let plural = |w: &str| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    let lowercase_plural = plural(&head) && head.starts_with(|c: char| c.is_ascii_lowercase());
    if head.len() < 2 || adverb_skipped && !plural(&head.to_ascii_lowercase()) || capital_start && !lowercase_plural {
        return None;
    }
    Some((end, words.join(" "), head))
}

/// A qualifier right after a number or its unit: `以上`, `左右`, "or more".
pub fn qualifier_after(lex: &Lexicon, text: &str) -> Option<(usize, Qualifier)> {
    let gap = skip_spaces(text).min(1);
    let rest = &text[gap..];
    let (n, q) = lex.qualifier_after().prefix_of(rest)?;
    let english = rest.starts_with(|c: char| c.is_ascii_alphabetic());
    // English qualifiers follow a space ("or more"); Chinese ones are glued (以上).
    if english != (gap > 0) {
        return None;
    }
    Some((gap + n, *q))
}

#[cfg(test)]
mod tests {
    use super::super::decimal::Dec;
    use super::*;

    fn arabic(v: &str) -> Numeral {
        Numeral::plain(Dec::parse_digits(v).unwrap(), Dec::ONE, Script::Arabic)
    }

    fn han(v: &str) -> Numeral {
        Numeral::plain(Dec::parse_digits(v).unwrap(), Dec::ONE, Script::Han)
    }

    #[test]
    fn table() {
        let lex = Lexicon::builtin();
        // numeral, text after it, want (dimension, unit, len, exponent)
        let cases = [
            (arabic("1007"), "家城市三级医院", Some((Dimension::Count, "家", 3, 0))),
            (arabic("11.8"), "人次的", Some((Dimension::Count, "人次", 6, 0))),
            (arabic("20.02"), "%。", Some((Dimension::Percent, "%", 1, 0))),
            (arabic("8"), " percent from", Some((Dimension::Percent, "%", 8, 0))),
            (arabic("2"), "个百分点", Some((Dimension::PercentagePoint, "pp", 12, 0))),
            (han("9"), "成以上", Some((Dimension::Percent, "%", 3, 1))),
            (han("1"), "成不变", None),
            (arabic("1.4"), " trillion", None),
            (arabic("170"), " billion yuan", None),
            (arabic("5"), "亿元人民币", None),
            (arabic("5"), "元人民币", Some((Dimension::Currency, "CNY", 12, 0))),
            (arabic("50"), " cents", Some((Dimension::Currency, "USD", 6, -2))),
            (arabic("3"), "年", Some((Dimension::Measure, "yr", 3, 0))),
            (arabic("14"), " days", Some((Dimension::Measure, "d", 5, 0))),
            (han("10"), "分重要", None),
            (arabic("11.5"), "分", Some((Dimension::Count, "分", 3, 0))),
            (arabic("3"), "次会议", Some((Dimension::Count, "次", 3, 0))),
            (arabic("75"), "折", Some((Dimension::Percent, "%", 3, 0))),
            (arabic("3"), "折合", None),
        ];
        for (n, text, want) in cases {
            let got = unit_after(&lex, &n, text).map(|u| (u.dimension, u.unit.clone(), u.len, u.exponent));
            let want = want.map(|(d, u, l, e)| (d, u.to_string(), l, e));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn english_nouns() {
        let lex = Lexicon::builtin();
        let cases = [
            ("urban tertiary hospitals and 1,172 county", Some(("urban tertiary hospitals", "hospitals"))),
            ("medical and health institutions in", Some(("medical and health institutions", "institutions"))),
            ("medical personnel have been sent", Some(("medical personnel", "personnel"))),
            ("of the key tasks", None),
            ("Title", None),
        ];
        for (text, want) in cases {
            let got = english_noun_phrase(&lex, text).map(|(_, p, h)| (p, h));
            assert_eq!(got, want.map(|(p, h)| (p.to_string(), h.to_string())), "{text}");
        }
    }

    #[test]
    fn trailing_qualifiers() {
        let lex = Lexicon::builtin();
        assert_eq!(qualifier_after(&lex, "以上患者"), Some((6, Qualifier::AtLeast)));
        assert_eq!(qualifier_after(&lex, "左右。"), Some((6, Qualifier::About)));
        assert_eq!(qualifier_after(&lex, " or more"), Some((8, Qualifier::AtLeast)));
        assert_eq!(qualifier_after(&lex, "or more"), None);
        assert_eq!(qualifier_after(&lex, "的"), None);
    }
}
