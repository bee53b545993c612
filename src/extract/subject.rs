//! The noun phrase a figure quantifies, as written.
//!
//! Chinese has no spaces, so this is a heuristic, not a parse: a count's subject is the
//! phrase after its counter (`1007家城市三级医院` → 城市三级医院); other figures take the
//! phrase before them back to the clause start (`累计投入资金1.4万亿元` → 累计投入资金).
//! English counts take the noun phrase after the number.

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | '、'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '\n'
            | '\r'
            | '“'
            | '”'
            | '"'
            | '（'
            | '）'
            | '('
            | ')'
            | '《'
            | '》'
            | '【'
            | '】'
            | '\u{3000}'
            | '—'
            | '「'
            | '」'
            | '‘'
            | '’'
    )
}

/// Characters that end a Chinese noun phrase after a counter.
fn ends_zh_phrase(c: char) -> bool {
    is_clause_break(c) || c.is_ascii_digit() || "与和及并在是的了为以对将从由向到至等".contains(c)
}

/// Subject after a Chinese counter: up to `max` characters.
pub fn zh_after(text: &str, max: usize) -> String {
    let rest = text.strip_prefix('的').unwrap_or(text);
    rest.chars().take_while(|&c| !ends_zh_phrase(c)).take(max).collect()
}

/// Subject before a figure: back to the clause start, at most `max` characters, without
/// the `fillers` (longest first, with their first and last characters) at its ends.
pub fn zh_before(text: &str, max: usize, fillers: &[(char, char, String)]) -> String {
    let mut start = text.len();
    for (taken, (i, c)) in text.char_indices().rev().enumerate() {
        if taken == max || is_clause_break(c) {
            break;
        }
        start = i;
    }
    let mut s = text[start..].trim();
    let long_enough = |r: &str| r.chars().nth(1).is_some();
    while let Some(rest) = strip_filler(s, true, fillers).filter(|r| long_enough(r)) {
        s = rest;
    }
    // 中央预算内投资累计安排: the verb before the figure is not part of the subject.
    while let Some(rest) = strip_filler(s, false, fillers).filter(|r| long_enough(r)) {
        s = rest;
    }
    s.to_string()
}

/// `s` without the longest filler at its front (or back). The end character is compared
/// before the strings, since this runs for every claim.
fn strip_filler<'a>(s: &'a str, front: bool, fillers: &[(char, char, String)]) -> Option<&'a str> {
    if front {
        let first = s.chars().next()?;
        fillers.iter().filter(|(f, _, _)| *f == first).find_map(|(_, _, filler)| s.strip_prefix(filler.as_str()))
    } else {
        let last = s.chars().next_back()?;
        fillers.iter().filter(|(_, l, _)| *l == last).find_map(|(_, _, filler)| s.strip_suffix(filler.as_str()))
    }
}

/// Bytes before an English figure searched for its subject.
const EN_SUBJECT_BYTES: usize = 512;

/// Subject before an English figure: the words back to the clause start, at most `max`.
pub fn en_before(text: &str, max: usize) -> String {
    // Only the end of the text is read: a text with no punctuation must not be read again
    // from its start for each of its figures.
    let mut from = text.len().saturating_sub(EN_SUBJECT_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = &text[from..];
    let clause = tail.rsplit(|c: char| is_clause_break(c)).next().unwrap_or("");
    let cut_word = from > 0 && clause.len() == tail.len() && !tail.starts_with(char::is_whitespace);
    let mut words: Vec<&str> = clause.split_whitespace().rev().take(max).collect();
    if cut_word && words.len() < max && !words.is_empty() {
        words.pop();
    }
    words.reverse();
    while words.last().is_some_and(|w| {
        matches!(w.to_ascii_lowercase().as_str(), "of" | "to" | "a" | "the" | "by" | "at" | "is" | "was" | "total")
    }) {
        words.pop();
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let lexicon = crate::extract::Lexicon::builtin();
        let zh_before = |text: &str, max: usize| super::zh_before(text, max, lexicon.subject_fillers());
        assert_eq!(zh_after("城市三级医院与1172家", 8), "城市三级医院");
        assert_eq!(zh_after("的医务人员蹲点基层服务", 6), "医务人员蹲点");
        assert_eq!(zh_before("脱贫攻坚期间，中央财政累计投入资金", 12), "中央财政累计投入资金");
        assert_eq!(zh_before("同时，其中中央预算内投资", 12), "中央预算内投资");
        assert_eq!(zh_before("中央预算内投资累计安排", 12), "中央预算内投资");
        assert_eq!(zh_before("2016年已下达", 12), "2016年");
        assert_eq!(
            en_before("during the period, the central government invested a total of", 7),
            "the central government invested"
        );
    }
}
