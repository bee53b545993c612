//! Counts a translation may leave out without losing a fact: a count that sums up the
//! list right before it (`福建、广东、海南3省` — the three provinces are named), one that
//! points back to things already named (`以上4人`, `这两个人`), or one that counts the
//! days just named (`今明两天` = "today and tomorrow"). A count after an incomplete list
//! (`苏州、无锡等8个地市`) still states a figure and stays.

use crate::extract::mention::Calendar;
use crate::extract::Claim;

/// Characters before a count searched for the list it may sum up.
const LIST_REACH: usize = 120;

/// Whether the count `c` in `text` only restates what the words before it say.
pub fn restates(cal: &Calendar, text: &str, c: &Claim) -> bool {
    let before = &text[..c.number_start];
    if cal.zh_list_incomplete.suffix_of(before).is_some() {
        return false;
    }
    if points_back(cal, before) {
        return true;
    }
    let Some(value) = (c.value.fract() == 0.0 && c.value >= 2.0).then_some(c.value as usize) else {
        return false;
    };
    // 今明两天: day names right before the count.
    let days = before.chars().rev().take_while(|ch| cal.zh_listed_days.contains_prefix(&ch.to_string())).count();
    if days >= 2 && days == value {
        return true;
    }
    listed_items(cal, before) == Some(value) || pronoun_like(text, c, value)
}

/// Small counts written in words that translations render without a numeral: two or
/// three people (`两人`, `三人`: "the pair", "they"), two of anything counted with the
/// generic counter (`两个市场`: "domestic and international markets"), a time or two
/// (`两次`: "again", "another").
fn pronoun_like(text: &str, c: &Claim, value: usize) -> bool {
    let written = &text[c.number_start..c.number_end];
    let in_words = !written.bytes().any(|b| b.is_ascii_digit());
    let people = matches!(c.unit.as_str(), "人" | "名" | "位") || c.unit == "个" && text[c.end..].starts_with('人');
    let generic = matches!(c.unit.as_str(), "个" | "個");
    let times = matches!(c.unit.as_str(), "次" | "遍" | "回");
    in_words && (people && value <= 3 || (generic || times) && value <= 2)
}

/// Whether the words right before a number point back to things already named (`以上`).
pub fn points_back(cal: &Calendar, before: &str) -> bool {
    cal.zh_anaphoric.suffix_of(before).is_some()
}

/// How many items the list ending at the end of `before` holds, when there is one: the
/// clause before the count split at list marks (`、`, `和`).
fn listed_items(cal: &Calendar, before: &str) -> Option<usize> {
    // The clause starts after the last break outside quotes and brackets.
    let mut depth = 0i32;
    let mut start = before.len().saturating_sub(LIST_REACH * 3);
    for (i, ch) in before.char_indices().rev().take(LIST_REACH) {
        match ch {
            '”' | '’' | '》' | '）' | ')' | '」' => depth += 1,
            '“' | '‘' | '《' | '（' | '(' | '「' => depth -= 1,
            '，' | '。' | '；' | '：' | '！' | '？' | '\n' | ',' | ';' if depth <= 0 => {
                start = i + ch.len_utf8();
                break;
            }
            _ => {}
        }
    }
    let clause = &before[before.ceil_char_boundary_compat(start)..];
    let mut items = 1;
    let mut at = 0;
    let mut marked = false;
    while at < clause.len() {
        if let Some((n, ())) = cal.zh_list_marks.prefix_of(&clause[at..]) {
            items += 1;
            marked = true;
            at += n;
        } else {
            at += clause[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    marked.then_some(items)
}

/// `str::ceil_char_boundary`, which is not stable.
trait CeilBoundary {
    fn ceil_char_boundary_compat(&self, i: usize) -> usize;
}

impl CeilBoundary for str {
    fn ceil_char_boundary_compat(&self, mut i: usize) -> usize {
        while i < self.len() && !self.is_char_boundary(i) {
            i += 1;
        }
        i.min(self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    fn restated(text: &str, figure: &str) -> bool {
        let claims = Extractor::default().claims(text);
        let c = claims.iter().find(|c| text[c.start..c.end].starts_with(figure)).expect("the figure is a claim");
        restates(Calendar::builtin(), text, c)
    }

    #[test]
    fn counts_that_sum_up_or_point_back() {
        assert!(restated("车队途经福建、广东、海南3省约1500公里。", "3省"));
        assert!(restated("“甲”、“乙”两项比赛同日开赛。", "两项"));
        assert!(restated("“书香校园，阅读伴我”、“走进山村，送课下乡”两项活动同时启动。", "两项"));
        assert!(restated("气象台预计，今明两天有小雨。", "两天"));
        assert!(points_back(Calendar::builtin(), "以上"));
        assert!(!points_back(Calendar::builtin(), "共有"));
        assert!(!restated("邀请苏州、无锡、常州等8个地市参加。", "8个"));
        assert!(!restated("车队途经福建、广东、海南4省。", "4省"));
        assert!(!restated("共有137家企业参展。", "137家"));
        assert!(restated("路上遇到表姐，三人结伴回到村里。", "三人"));
        assert!(!restated("共派出3名队员。", "3名"));
    }
}
