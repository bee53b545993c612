//! Which script a character or a text is written in: the one definition of a Han character
//! the crate uses (extraction, tokenizing for near copies, stories, parallel documents and
//! rules). It lives here because extraction needs it and depends on nothing else.

/// A Han character: the unified ideographs (the basic block, extension A and the
/// supplementary planes) and the compatibility ideographs.
pub fn is_han(c: char) -> bool {
    is_unified_han(c) || matches!(c, '\u{f900}'..='\u{faff}' | '\u{2f800}'..='\u{2fa1f}' | '\u{20000}'..='\u{3134f}')
}

/// A Han character of the basic block or extension A: the ideographs news text is made
/// of, none of which Unicode normalization changes (compatibility ideographs fold to these).
pub fn is_unified_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether a text holds a Han character.
pub fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

/// Whether a text is mostly Chinese: Han characters are over a tenth of the characters
/// that are not white space among its first 4,000.
pub fn is_mostly_han(text: &str) -> bool {
    let (mut han, mut all) = (0usize, 0usize);
    for c in text.chars().take(4000).filter(|c| !c.is_whitespace()) {
        all += 1;
        han += usize::from(is_han(c));
    }
    han * 10 > all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_characters_and_texts() {
        for (c, han, unified) in
            [('中', true, true), ('㐀', true, true), ('\u{f900}', true, false), ('\u{20000}', true, false)]
        {
            assert_eq!((is_han(c), is_unified_han(c)), (han, unified), "{c}");
        }
        for c in ['a', '1', '，', 'あ', '한', '〇'] {
            assert!(!is_han(c), "{c}");
        }
        assert!(is_mostly_han("累计投入1.4万亿元 in total"));
        assert!(!is_mostly_han("The central government invested 1.4 trillion yuan (1.4万亿元)."));
        assert!(has_han("invested (1.4万亿元)") && !has_han("1.4 trillion"));
    }
}
