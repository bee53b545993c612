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

/// Folding of the non-ASCII characters handled here (general punctuation, CJK symbols
/// and punctuation, half- and full-width forms), computed once with the same NFKC the
/// general path uses.
fn punctuation_table() -> &'static [(char, Folded)] {
    static TABLE: OnceLock<Vec<(char, Folded)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        use unicode_normalization::UnicodeNormalization;
        let ranges = [0x0080u32..=0x00FF, 0x2000..=0x27BF, 0x3000..=0x303F, 0xFF00..=0xFFEF];
        let mut table = Vec::new();
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut folded = std::iter::once(c).nfkc().flat_map(char::to_lowercase);
            let (Some(f), None) = (folded.next(), folded.next()) else { continue };
            let class = if f.is_ascii() {
                class_of_ascii(f)
            } else if is_han(f) {
                Class::Ideograph
            } else {
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
            };
            if class != Class::Unknown {
                table.push((c, Folded { ch: f, class }));
            }
        }
        table
    })
}

fn fold(c: char) -> Folded {
    if c.is_ascii() {
        return Folded { ch: c.to_ascii_lowercase(), class: class_of_ascii(c) };
    }
    if is_han(c) {
        return Folded { ch: c, class: Class::Ideograph };
    }
    let table = punctuation_table();
    match table.binary_search_by_key(&c, |(k, _)| *k) {
        Ok(i) => table[i].1,
        Err(_) => Folded { ch: c, class: Class::Unknown },
    }
}

/// FNV-1a, continued over the UTF-8 bytes of `c`.
pub(super) fn hash_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Token hashes of `text`, or `None` when it holds a character this path does not handle.
pub fn tokens(text: &str) -> Option<Vec<u64>> {
    let mut out = Vec::with_capacity(text.len() / 4);
    each_token(text, |h| out.push(h)).then_some(out)
}

/// Calls `token` with each token hash of `text` in order, holding nothing of the text
/// (a document of hundreds of megabytes costs no copy of it). Returns `false` as soon as it
/// meets a character this path does not handle: the caller then discards what it was
/// given and takes the general path.
pub fn each_token(text: &str, mut token: impl FnMut(u64)) -> bool {
    // The current character and the two after it: a middle character (`.` in 1.4, `'` in
    // don't) joins only when the character after it continues the word.
    let mut chars = text.chars().map(fold);
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
