//! Segments of a document for alignment: its paragraphs, each cut into sentences.
//! Chinese sentences end at `。！？`, English ones at `. ! ?` before a space and a
//! capital, a digit or a quote — not after an abbreviation (`U.S.`, `No.`, "a.m.").
//! Semicolons join clauses in both languages, so they end no sentence.

use std::ops::Range;

/// A paragraph and its sentences, as byte spans of the document text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Range<usize>,
    pub sentences: Vec<Range<usize>>,
}

/// How much text a span holds, counted so that Chinese and English compare: a Han
/// character weighs as much as the letters of a short English word.
pub fn weight(text: &str) -> f64 {
    let mut w = 0.0;
    for c in text.chars() {
        w += if c.is_whitespace() {
            0.0
        } else if c.is_ascii() {
            1.0
        } else {
            2.5
        };
    }
    w
}

/// Words after which a full stop does not end an English sentence.
const ABBREVIATIONS: [&str; 16] =
    ["mr", "mrs", "ms", "dr", "st", "no", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "prof", "gov"];

/// The sentences of one paragraph, trimmed.
pub fn sentences(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let para = &text[span.clone()];
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut chars = para.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let ends = match c {
            '。' | '！' | '？' | '!' | '?' => true,
            '.' => english_stop(para, i),
            _ => false,
        };
        if !ends {
            continue;
        }
        // Closing quotes and brackets stay with the sentence they close.
        let mut stop = end;
        while let Some(&(j, n)) = chars.peek() {
            if matches!(n, '”' | '’' | '"' | '\'' | '）' | ')' | '」' | '』' | '】') {
                stop = j + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        push_trimmed(&mut out, para, span.start, start..stop);
        start = stop;
    }
    push_trimmed(&mut out, para, span.start, start..para.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, para: &str, base: usize, r: Range<usize>) {
    let piece = &para[r.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(base + r.start + lead..base + r.end - trail);
    }
}

/// Whether the `.` at `i` ends an English sentence.
fn english_stop(para: &str, i: usize) -> bool {
    let after = &para[i + 1..];
    let Some(rest) = after.strip_prefix(' ') else {
        return after.is_empty();
    };
    let next = rest.trim_start().chars().next();
    if !next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '(')) {
        return false;
    }
    let before = &para[..i];
    let start = before.len() - before.bytes().rev().take_while(|b| b.is_ascii_alphabetic() || *b == b'.').count();
    let word = &before[start..];
    // U.S., a.m., p.m.: letters with dots inside; initials (J. Smith) are one capital.
    if word.contains('.') || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return false;
    }
    !(word.len() == 1 && before.ends_with(|c: char| c.is_ascii_uppercase()))
}

/// The paragraphs of a document with their sentences.
pub fn paragraphs(text: &str, spans: &[Range<usize>]) -> Vec<Paragraph> {
    spans.iter().map(|s| Paragraph { span: s.clone(), sentences: sentences(text, s.clone()) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len()).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentence_ends() {
        assert_eq!(
            split("他说：“好。”我们走吧！还有吗？甲；乙。"),
            ["他说：“好。”", "我们走吧！", "还有吗？", "甲；乙。"]
        );
        assert_eq!(
            split("The U.S. said 2.9 people died. Mr. Li left at 4 p.m. on Monday. It rained; 3 died."),
            ["The U.S. said 2.9 people died.", "Mr. Li left at 4 p.m. on Monday.", "It rained; 3 died."]
        );
        assert_eq!(split("A ship, No. 3 Flood. Then"), ["A ship, No. 3 Flood.", "Then"]);
        assert_eq!(split("他说OK. Then 中文. Done"), ["他说OK.", "Then 中文.", "Done"]);
        assert_eq!(split("   "), Vec::<&str>::new());
    }

    #[test]
    fn weights_compare_languages() {
        assert!(weight("中央财政投入") > 10.0 && weight("central finance") > 10.0);
        assert_eq!(weight("a b"), 2.0);
    }
}
