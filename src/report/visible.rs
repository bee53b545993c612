//! Text from articles and file names made safe for a terminal or a CI log: control
//! characters (escape sequences, carriage returns, backspaces, bidirectional overrides)
//! would let a file clear the screen, hide findings or forge a log line.

use std::borrow::Cow;

/// Characters that move the cursor, change colours, reorder text or hide it.
fn is_hazard(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// `text` with each hazard written as an escape (`\x1b`, `\r`, `\u{202e}`): for messages,
/// help and names, whose length does not matter.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hazard) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_hazard(c) && (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_hazard(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `line` (no newline in it) with each hazard replaced by a visible mark of the same
/// length in bytes and characters (`?`, `¿`, `�`), so spans and columns into it still hold.
pub fn masked(line: &str) -> Cow<'_, str> {
    if !line.chars().any(is_hazard) {
        return Cow::Borrowed(line);
    }
    Cow::Owned(
        line.chars()
            .map(|c| match c.len_utf8() {
                _ if !is_hazard(c) => c,
                1 => '?',
                2 => '¿',
                _ => '\u{fffd}',
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hazards_are_shown_not_obeyed() {
        let table = [
            ("1007家", "1007家", "1007家"),
            ("a\u{1b}[2Jb", "a\\x1b[2Jb", "a?[2Jb"),
            ("x\ry", "x\\ry", "x?y"),
            ("\u{9b}31m", "\\x9b31m", "¿31m"),
            ("abc\u{202e}fed", "abc\\u{202e}fed", "abc\u{fffd}fed"),
            ("tab\there", "tab\there", "tab\there"),
        ];
        for (text, escape, mask) in table {
            assert_eq!(escaped(text), escape);
            assert_eq!(masked(text), mask);
            assert_eq!(masked(text).len(), text.len());
            assert_eq!(masked(text).chars().count(), text.chars().count());
        }
        assert_eq!(escaped("line\nnext"), "line\\nnext");
    }
}
