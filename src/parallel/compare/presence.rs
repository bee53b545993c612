//! Whether a source figure is stated in the target paragraphs aligned with it, in any
//! form: an equal mention, the same number as a day or an hour, "per mu" for `1亩`, "a new
//! case" for `1例`, or digits written in a form no parser reads ("150-200ml", "50K").

use super::Side;
use crate::extract::mention::{Kind, Mention};
use crate::parallel::relate::{readings, Judge};
use std::ops::Range;

/// The target side of one paragraph step: its span and mentions.
pub struct StepTargets {
    pub span: Range<usize>,
    pub mentions: Vec<usize>,
}

/// Whether source mention `s` is stated in the target paragraphs of step `k`, among the
/// target mentions that state no other source figure (`used`).
pub fn stated(
    judge: &Judge<'_>,
    (source, target): (&Side<'_>, &Side<'_>),
    s: usize,
    step: &StepTargets,
    used: &[bool],
) -> bool {
    let candidates: Vec<&Mention> = step.mentions.iter().filter(|&&t| !used[t]).map(|&t| &target.mentions[t]).collect();
    let m = &source.mentions[s];
    if judge.stated_among(m, &source.dateline, &candidates, &target.dateline) {
        return true;
    }
    let text = &target.text[step.span.clone()];
    if let Kind::Quantity(c) = &m.kind {
        // 1亩 in "每1亩茶园的收入" is "per mu"; 新增1例 is "a new case".
        let by_article = |t: &&Mention| {
            matches!(t.kind, Kind::Counting(1))
                && super::pairing::counted_noun(judge, target.text, t.end, &c.unit, 3).is_some()
        };
        if c.value == 1.0 && (per_unit(judge, text, &c.unit) || candidates.iter().any(by_article)) {
            return true;
        }
    }
    let readings = readings(m);
    digit_runs(text).any(|v| readings.iter().any(|r| (r - v).abs() <= 1e-9 * r.abs().max(1.0)))
}

/// Whether `text` says "per" and then the unit `unit` ("per mu").
fn per_unit(judge: &Judge<'_>, text: &str, unit: &str) -> bool {
    text.match_indices("per ").any(|(i, _)| {
        let word: String = text[i + 4..].chars().take_while(char::is_ascii_alphabetic).collect();
        judge.measure_of(&word).is_some_and(|u| u == unit)
    })
}

/// Values of the runs of ASCII digits in `text` (`1,500` and `2.5` read whole, a scale
/// letter glued after them applied: "50K").
fn digit_runs(text: &str) -> impl Iterator<Item = f64> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_digit() {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit() || matches!(b[i], b',' | b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i += 1;
        }
        let run: String = text[start..i].chars().filter(|c| *c != ',').collect();
        let word: String = text[i..].chars().take_while(char::is_ascii_alphabetic).collect();
        let scale = match word.as_str() {
            "k" | "K" => 1e3,
            "m" | "M" | "mn" | "mln" => 1e6,
            "b" | "B" | "bn" | "bln" => 1e9,
            _ => 1.0,
        };
        Some(run.parse::<f64>().map_or(f64::NAN, |v| v * scale))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_as_written() {
        let runs: Vec<f64> = digit_runs("each mouthful 150-200ml, a 50K award, 1,500 m2 and 2.5 h").collect();
        assert_eq!(runs, vec![150.0, 200.0, 50_000.0, 1500.0, 2.0, 2.5]);
    }
}
