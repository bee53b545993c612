//! Traditional and simplified Chinese folded to one script, for telling whether two texts
//! are worded alike: a reprint in the other script shares almost no character pairs with
//! its original until both are folded. The table is data (`rules/lexicon/script.toml`);
//! folded text is only ever compared, never reported.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

const SCRIPT: &str = include_str!("../../rules/lexicon/script.toml");

#[derive(serde::Deserialize)]
struct Table {
    pairs: String,
}

static SIMPLIFIED: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    let table: Table = toml::from_str(SCRIPT).expect("rules/lexicon/script.toml is valid");
    table
        .pairs
        .split_whitespace()
        .filter_map(|pair| {
            let mut chars = pair.chars();
            match (chars.next(), chars.next(), chars.next()) {
                (Some(t), Some(s), None) => Some((t, s)),
                _ => None,
            }
        })
        .collect()
});

/// The simplified form of a character, or the character itself.
pub fn simplified(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    SIMPLIFIED.get(&c).copied().unwrap_or(c)
}

/// `text` with every traditional character folded to its simplified form; borrowed when
/// there is none.
pub fn fold(text: &str) -> Cow<'_, str> {
    match text.char_indices().find(|&(_, c)| simplified(c) != c) {
        None => Cow::Borrowed(text),
        Some((at, _)) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..at]);
            out.extend(text[at..].chars().map(simplified));
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_and_keeps_the_rest() {
        assert_eq!(fold("貨櫃吞吐量增長9.8%，每週靠泊班輪"), "货柜吞吐量增长9.8%，每周靠泊班轮");
        assert!(matches!(fold("集装箱吞吐量 up 9.8%"), Cow::Borrowed(_)));
        let entries = SIMPLIFIED.len();
        assert!(entries > 4000, "every pair of the table is read: {entries}");
    }
}
