//! The common case of tokenizing, without the general machinery: text made only of ASCII,
//! Han characters and the punctuation, symbols and full-width forms news uses. NFKC maps each of
//! those characters to at most one character, so folding and UAX #29 word bounds can be
//! applied character by character. Anything else (combining marks, kana, emoji, …)
//! returns `None` and the caller takes the general path. A property test checks that both
//! paths give the same tokens on text of these characters.

use std::sync::OnceLock;

/// Word-break classes of UAX #29 that occur in the characters handled here.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Letter,
    Numeric,
    /// `_`: joins whatever letters and digits it touches.
    Joiner,
    MidLetter,
    MidNum,
    MidNumLet,
    Ideograph,
    Other,
    /// Folds to a few characters (`…` to `...`, `Ⅱ` to `ii`): see [`expansions`].
    Expands,
    /// Not handled here.
    Unknown,
}

/// What a character folds to, and its class after folding.
#[derive(Clone, Copy)]
struct Folded {
    ch: char,
    class: Class,
}

fn class_of_ascii(c: char) -> Class {
    match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Numeric,
        '_' => Class::Joiner,
        ':' => Class::MidLetter,
        ',' | ';' => Class::MidNum,
        '.' | '\'' => Class::MidNumLet,
        _ => Class::Other,
    }
}

// Han characters that fold to themselves: compatibility ideographs do not, so they take
// the general path.
use crate::extract::script::is_unified_han as is_han;

/// The class of a character as folded, when it is one this path handles.
fn class_of_folded(f: char) -> Class {
    if f.is_ascii() {
        return class_of_ascii(f);
    }
    if is_han(f) {
        return Class::Ideograph;
    }
    match f {
        // Word-break classes of UAX #29 among these blocks.
        '\u{2018}' | '\u{2019}' | '\u{2024}' => Class::MidNumLet,
        '\u{2027}' | '\u{00B7}' => Class::MidLetter,
        '\u{00AD}' => Class::Unknown,
        '\u{2044}' => Class::MidNum,
        _ if f.is_alphanumeric() => Class::Unknown,
        // Spaces, marks and format characters of these blocks have rules of
        // their own: leave them to the general path.
        '\u{2000}'..='\u{200F}' | '\u{2028}'..='\u{202F}' | '\u{205F}'..='\u{206F}' => Class::Unknown,
        '\u{203F}' | '\u{2040}' | '\u{2054}' | '\u{3000}' | '\u{302A}'..='\u{302F}' => Class::Unknown,
        '\u{3031}'..='\u{3035}' | '\u{303B}' | '\u{3005}' | '\u{3007}' => Class::Unknown,
        _ => Class::Other,
    }
}

/// The blocks of non-ASCII characters handled here (Latin-1, general punctuation, CJK
/// symbols and punctuation, half- and full-width forms), in order.
const HANDLED_BLOCKS: [std::ops::RangeInclusive<u32>; 4] =
    [0x0080..=0x00FF, 0x2000..=0x27BF, 0x3000..=0x303F, 0xFF00..=0xFFEF];

/// The non-ASCII characters handled here, in order.
fn handled_blocks() -> impl Iterator<Item = char> {
    HANDLED_BLOCKS.into_iter().flatten().filter_map(char::from_u32)
}

/// Where a character of the handled blocks sits in [`handled_blocks`]' order.
fn handled_index(c: char) -> Option<usize> {
    let mut before = 0;
    for block in &HANDLED_BLOCKS {
        if block.contains(&(c as u32)) {
            return Some(before + (c as u32 - block.start()) as usize);
        }
        before += (block.end() - block.start() + 1) as usize;
    }
    None
}

/// What a character folds to with the same NFKC and lowercasing the general path applies.
fn folded(c: char) -> Vec<char> {
    use unicode_normalization::UnicodeNormalization;
    std::iter::once(c).nfkc().flat_map(char::to_lowercase).collect()
}

/// Folding of the handled characters, computed once, by [`handled_index`]: one slot per
/// character, so that folding one is a lookup.
fn punctuation_table() -> &'static [Folded] {
    static TABLE: OnceLock<Vec<Folded>> = OnceLock::new();
    TABLE.get_or_init(|| {
        handled_blocks()
            .map(|c| match folded(c)[..] {
                [f] => Folded { ch: f, class: class_of_folded(f) },
                // Several plain characters (`…` → `...`, `Ⅱ` → `ii`, `⒊` → `3.`): as they
                // are, side by side, they break words as in the folded text.
                [_, _, ..] if expansion(c).is_some() => Folded { ch: c, class: Class::Expands },
                _ => Folded { ch: c, class: Class::Unknown },
            })
            .collect()
    })
}

/// What a character of class [`Class::Expands`] folds to: two or three ASCII characters
/// (Han characters never come out of these blocks), each with its class.
fn expansion(c: char) -> Option<Vec<Folded>> {
    let chars = folded(c);
    let plain = chars.len() <= 3 && chars.iter().all(|f| f.is_ascii() && !f.is_ascii_control());
    plain.then(|| chars.into_iter().map(|f| Folded { ch: f, class: class_of_ascii(f) }).collect())
}

/// Expansions of every [`Class::Expands`] character, computed once.
fn expansions() -> &'static [(char, Vec<Folded>)] {
    static TABLE: OnceLock<Vec<(char, Vec<Folded>)>> = OnceLock::new();
    TABLE.get_or_init(|| handled_blocks().filter_map(|c| Some((c, expansion(c).filter(|e| e.len() > 1)?))).collect())
}

/// The folded characters of a text, expansions spelled out.
struct FoldedChars<'a> {
    chars: std::str::Chars<'a>,
    /// The rest of an expansion, in order.
    pending: &'static [Folded],
}

impl Iterator for FoldedChars<'_> {
    type Item = Folded;

    fn next(&mut self) -> Option<Folded> {
        if let Some((first, rest)) = self.pending.split_first() {
            self.pending = rest;
            return Some(*first);
        }
        let f = fold(self.chars.next()?);
        if f.class != Class::Expands {
            return Some(f);
        }
        let table = expansions();
        match table.binary_search_by_key(&f.ch, |(k, _)| *k) {
            Ok(k) => {
                let (first, rest) = table[k].1.split_first()?;
                self.pending = rest;
                Some(*first)
            }
            Err(_) => Some(Folded { ch: f.ch, class: Class::Unknown }),
        }
    }
}

fn fold(c: char) -> Folded {
    if c.is_ascii() {
        return Folded { ch: c.to_ascii_lowercase(), class: class_of_ascii(c) };
    }
    if is_han(c) {
        return Folded { ch: c, class: Class::Ideograph };
    }
    match handled_index(c) {
        Some(i) => punctuation_table()[i],
        None => Folded { ch: c, class: Class::Unknown },
    }
}

/// FNV-1a, continued over the UTF-8 bytes of `c`.
pub(super) fn hash_char(h: u64, c: char) -> u64 {
    hash_bytes(h, c.encode_utf8(&mut [0u8; 4]).bytes())
}

/// FNV-1a, continued over `bytes`.
fn hash_bytes(h: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub(super) const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Token hashes of `text`, or `None` when it holds a character this path does not handle.
pub fn tokens(text: &str) -> Option<Vec<u64>> {
    let mut out = Vec::with_capacity(text.len() / 4);
    each_token(text, |h| out.push(h)).then_some(out)
}

/// Calls `token` with each token hash of `text` in order, holding nothing of the text
/// (a document of hundreds of megabytes costs no copy of it). Returns `false` as soon as it
/// meets a character this path does not handle: the caller then discards what it was
/// given and takes the general path.
///
/// A Han character is a token of its own, and a character of class [`Class::Other`]
/// (spaces, most punctuation) is none; either ends any word before it, and no middle
/// character joins across it. So the text is cut at those characters, most of a Chinese
/// text, and only the runs between them go through the word rules.
pub fn each_token(text: &str, mut token: impl FnMut(u64)) -> bool {
    let b = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let lead = b[i];
        // (its length, whether it is Han, whether the text is cut at it)
        let (len, han, cuts) = if lead.is_ascii() {
            (1, false, class_of_ascii(lead as char) == Class::Other)
        } else if (0xe5..=0xe9).contains(&lead) {
            // U+5000–U+9FFF: Han characters all.
            (3, true, true)
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            let han = is_han(c);
            (c.len_utf8(), han, han || fold(c).class == Class::Other)
        };
        if cuts {
            if start < i && !words(&text[start..i], &mut token) {
                return false;
            }
            if han {
                // Three bytes in UTF-8, hashed as they stand.
                token(hash_bytes(FNV_OFFSET, b[i..i + 3].iter().copied()));
            }
            start = i + len;
        }
        i += len;
    }
    start == b.len() || words(&text[start..], &mut token)
}

/// [`each_token`] on a run of text between the characters it cuts at: the word rules of
/// UAX #29, character by character.
fn words(text: &str, mut token: impl FnMut(u64)) -> bool {
    // Letters and digits alone (a figure, an English word) are one word, lowercased.
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric()) {
        token(hash_bytes(FNV_OFFSET, text.bytes().map(|b| b.to_ascii_lowercase())));
        return true;
    }
    // The current character and the two after it: a middle character (`.` in 1.4, `'` in
    // don't) joins only when the character after it continues the word.
    let mut chars = FoldedChars { chars: text.chars(), pending: &[] };
    let mut ahead = [chars.next(), chars.next(), chars.next()];
    if ahead.iter().flatten().any(|f| f.class == Class::Unknown) {
        return false;
    }
    let mut advance = |ahead: &mut [Option<Folded>; 3]| {
        let next = chars.next();
        *ahead = [ahead[1], ahead[2], next];
        next.is_none_or(|f| f.class != Class::Unknown)
    };
    let word_char = |c: Class| matches!(c, Class::Letter | Class::Numeric | Class::Joiner);
    while let Some(first) = ahead[0] {
        match first.class {
            Class::Ideograph => {
                token(hash_char(FNV_OFFSET, first.ch));
                if !advance(&mut ahead) {
                    return false;
                }
            }
            c if word_char(c) => {
                let mut h = FNV_OFFSET;
                let mut alphanumeric = false;
                while let Some(f) = ahead[0] {
                    h = hash_char(h, f.ch);
                    alphanumeric |= f.class != Class::Joiner;
                    let Some(next) = ahead[1] else { break };
                    if word_char(next.class) {
                        if !advance(&mut ahead) {
                            return false;
                        }
                        continue;
                    }
                    let Some(after) = ahead[2] else { break };
                    let joins = match next.class {
                        Class::MidLetter => f.class == Class::Letter && after.class == Class::Letter,
                        Class::MidNum => f.class == Class::Numeric && after.class == Class::Numeric,
                        Class::MidNumLet => f.class == after.class && matches!(f.class, Class::Letter | Class::Numeric),
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    h = hash_char(h, next.ch);
                    if !advance(&mut ahead) || !advance(&mut ahead) {
                        return false;
                    }
                }
                // Past the word's last character.
                if !advance(&mut ahead) {
                    return false;
                }
                if alphanumeric {
                    token(h);
                }
            }
            _ => {
                if !advance(&mut ahead) {
                    return false;
                }
            }
        }
    }
    true
}
