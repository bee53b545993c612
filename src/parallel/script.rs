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

/// Characters below this and above [`DENSE_LAST`] are looked up in a map; those between
/// (the unified ideographs most text is made of) in a table with a slot for each, as
/// every character of a text is looked up.
const DENSE_FIRST: u32 = 0x3400;
const DENSE_LAST: u32 = 0x9fff;

/// The traditional → simplified pairs of the table.
struct Simplified {
    /// By `c − DENSE_FIRST`: the simplified form, or 0 for a character that has none.
    dense: Vec<u32>,
    rest: HashMap<char, char>,
}

impl Simplified {
    #[cfg(test)]
    fn len(&self) -> usize {
        self.dense.iter().filter(|&&s| s != 0).count() + self.rest.len()
    }
}

static SIMPLIFIED: LazyLock<Simplified> = LazyLock::new(|| {
    let table: Table = toml::from_str(SCRIPT).expect("rules/lexicon/script.toml is valid");
    let mut folded = Simplified { dense: vec![0; (DENSE_LAST - DENSE_FIRST + 1) as usize], rest: HashMap::new() };
    for pair in table.pairs.split_whitespace() {
        let mut chars = pair.chars();
        let (Some(t), Some(s), None) = (chars.next(), chars.next(), chars.next()) else { continue };
        // A later pair of a character replaces an earlier one.
        match (t as u32).checked_sub(DENSE_FIRST).filter(|_| t as u32 <= DENSE_LAST) {
            Some(at) => folded.dense[at as usize] = s as u32,
            None => {
                folded.rest.insert(t, s);
            }
        }
    }
    folded
});

/// The simplified form of a character, or the character itself.
pub fn simplified(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let table = &*SIMPLIFIED;
    match (c as u32).checked_sub(DENSE_FIRST).filter(|_| c as u32 <= DENSE_LAST) {
        Some(at) => char::from_u32(table.dense[at as usize]).filter(|&s| s != '\0').unwrap_or(c),
        None => table.rest.get(&c).copied().unwrap_or(c),
    }
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

    #[test]
    fn every_pair_folds_whether_its_character_is_in_the_dense_range_or_not() {
        let table: Table = toml::from_str(SCRIPT).unwrap();
        let pairs: Vec<(char, char)> =
            table.pairs.split_whitespace().filter_map(|p| Some((p.chars().next()?, p.chars().nth(1)?))).collect();
        assert!(pairs.iter().any(|&(t, _)| t as u32 > DENSE_LAST), "the table reaches past the dense range");
        for (t, s) in pairs {
            assert_eq!(simplified(t), s, "{t}");
        }
        // Characters without a pair, on either side of the dense range and in it.
        for c in ['a', '中', '\u{3400}', '\u{9fff}', '\u{a000}', '😀'] {
            assert_eq!(simplified(c), c);
        }
    }
}
