//! Flags doubled or clashing punctuation: `，，`, `,,`, `,。`, `、，`.
//!
//! Why: scrapers and converters that re-punctuate text (full-width to half-width, line
//! joins) leave pairs of marks behind; they break sentence splitting and tokenizers and
//! show a dataset was not cleaned.
//!
//! Chinese: `廣西針對基層醫療衛生基礎薄弱等難點問題,,推動醫療衛生工作重心下移` — the
//! `,,` is flagged; `等。` is not.
//! English: `The council met on Monday,, and voted.` — the `,,` is flagged.
//!
//! Ellipses (`……`, `...`, `。。。`), dashes (`——`) and emphasis (`！！！`, `？！`) are
//! not flagged. Turn the rule off with `--ignore repeated-punctuation`.
//!
//! `factlint check --fix` keeps one mark of a run of the same mark (`，，` → `，`).

use super::{content_key, finding, Rule};
use crate::finding::Edit;
use crate::finding::Finding;
use crate::source::Document;

pub struct RepeatedPunctuation;

pub(super) const ID: &str = "repeated-punctuation";

/// Marks that end or pause a clause; two of them side by side are a defect.
fn is_pause(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '。' | '；' | ';' | '：' | '！' | '？')
}

/// The length of the pause mark at byte `at` of `text`, if one starts there. Every mark
/// is `,` or `;`, or three bytes led by E3 or EF.
fn pause_at(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let len = match b.get(at)? {
        b',' | b';' => return Some(1),
        0xe3 | 0xef => 3,
        _ => return None,
    };
    let c = text.get(at..at + len)?.chars().next()?;
    is_pause(c).then_some(len)
}

impl Rule for RepeatedPunctuation {
    fn id(&self) -> &'static str {
        ID
    }

    fn check_document(&self, doc: usize, document: &Document) -> Vec<Finding> {
        let text = &document.text;
        let mut out = Vec::new();
        let b = text.as_bytes();
        // Where a mark may start: its first byte, found by `memchr` (lead bytes are never
        // inside another character).
        let mut leads: Vec<usize> = memchr::memchr3_iter(b',', b';', 0xef, b).collect();
        leads.extend(memchr::memchr_iter(0xe3, b));
        leads.sort_unstable();
        let mut past_run = 0;
        for start in leads {
            if start < past_run {
                continue;
            }
            let Some(len) = pause_at(text, start) else { continue };
            let mut end = start + len;
            while let Some(len) = pause_at(text, end) {
                end += len;
            }
            past_run = end;
            let run = &text[start..end];
            // ！！！ and ？！ are emphasis, 。。。 an informal ellipsis: style, not defects.
            let emphatic = run.chars().all(|c| matches!(c, '！' | '？'));
            let ellipsis = run.chars().count() >= 3 && run.chars().all(|c| c == '。');
            if run.chars().count() < 2 || emphatic || ellipsis {
                continue;
            }
            let key = content_key(text, start..end);
            out.push(finding(
                ID,
                doc,
                document,
                start..end,
                format!("repeated punctuation `{run}`"),
                Some("keep one mark".to_string()),
                &key,
            ));
        }
        out
    }

    /// `，，` → `，`: a run of one mark keeps one; a run of different marks (`,。`) has no
    /// fix, as which one was meant is a guess.
    fn fix(&self, document: &Document, span: std::ops::Range<usize>) -> Vec<Edit> {
        let run = &document.text[span.clone()];
        let mut marks = run.chars();
        let Some(first) = marks.next() else { return Vec::new() };
        if !marks.all(|c| c == first) {
            return Vec::new();
        }
        vec![Edit::new(span, first.to_string())]
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::flagged_in;

    #[test]
    fn doubled_and_clashing_marks_are_flagged() {
        let text = "基层医疗衛生基礎薄弱等難點問題,,推動工作重心下移，。\nThe council met on Monday,, and voted.\n";
        assert_eq!(flagged_in(super::ID, text), [",,", "，。", ",,"]);
    }

    #[test]
    fn ellipses_dashes_and_emphasis_are_not() {
        assert!(flagged_in(super::ID, "他说……好吧。真的！！！是吗？！——是的。。。\nWait... what?!\n").is_empty());
    }
}
