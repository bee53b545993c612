//! A miette source for one finding: the lines of a document that hold the span, cut to a
//! window around it when lines are long (a JSONL record is one line of many kilobytes).
//! Line and column numbers stay those of the original file.

use crate::source::SourceFile;
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::ops::Range;

/// Terminal columns shown of a line before it is cut (a Chinese character takes two).
const MAX_LINE_COLUMNS: usize = 80;
/// Columns kept before the span when a line is cut.
const LEAD_COLUMNS: usize = 20;
/// Lines shown of a long span.
const MAX_LINES: usize = 6;
const CUT: char = '…';

pub struct Snippet {
    name: String,
    text: String,
    /// 0-based file line of the snippet's first line.
    first_line: usize,
    /// Per snippet line: its start offset in `text` and how many file characters were cut
    /// before it (minus the marker added), to turn snippet columns into file columns.
    lines: Vec<(usize, isize)>,
    /// The span of the finding inside `text`.
    pub span: SourceSpan,
}

impl Snippet {
    /// The lines of `file` around `span` (offsets into the decoded file text).
    pub fn new(name: String, file: &SourceFile, span: Range<usize>) -> Snippet {
        let text = &file.text;
        let start_pos = file.lines.position(text, span.start);
        let end_pos = file.lines.position(text, span.end.max(span.start));
        let first = start_pos.line - 1;
        let last = (end_pos.line - 1).min(first + MAX_LINES - 1);
        let mut out = String::new();
        let mut lines = Vec::new();
        let (mut span_start, mut span_end) = (0, 0);
        for line_no in first..=last {
            // Work in bytes around the span, never over the whole line: a file of one long
            // line may carry a hundred thousand findings.
            let line_start = file.lines.line_start(line_no + 1);
            let line_end =
                if line_no + 1 < file.lines.line_count() { file.lines.line_start(line_no + 2) - 1 } else { text.len() };
            let line = text[line_start..line_end].trim_end_matches('\r');
            // A character is never wider than its UTF-8 bytes: a short line needs no count.
            let long = line.len() > MAX_LINE_COLUMNS && columns_until(line, 0, MAX_LINE_COLUMNS + 1) < line.len();
            let anchor =
                if line_no == first { span.start.clamp(line_start, line_start + line.len()) - line_start } else { 0 };
            let from = if long { lead_start(line, anchor) } else { 0 };
            let to = columns_until(line, from, MAX_LINE_COLUMNS);
            let keep_from = if from == 0 { 0 } else { file.lines.position(text, line_start + from).column - 1 };
            let snippet_line_start = out.len();
            let mut shift = keep_from as isize;
            if keep_from > 0 {
                out.push(CUT);
                shift -= 1;
            }
            let body_start = out.len();
            // Article text may hold escape sequences: shown as marks of the same length.
            out.push_str(&super::visible::masked(&line[from..to]));
            let clamp = |file_offset: usize| {
                let rel = file_offset.saturating_sub(line_start).clamp(from, to);
                body_start + rel - from
            };
            if line_no == first {
                span_start = clamp(span.start);
            }
            span_end = clamp(span.end);
            if to < line.len() {
                out.push(CUT);
            }
            lines.push((snippet_line_start, shift));
            if line_no != last {
                out.push('\n');
            }
        }
        let span_end = span_end.max(span_start);
        let first_line = first + file.first_line - 1;
        Snippet { name, text: out, first_line, lines, span: (span_start, span_end - span_start).into() }
    }

    /// File line (0-based) and column (0-based, in characters) of a snippet offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let idx = self.lines.partition_point(|(start, _)| *start <= offset).saturating_sub(1);
        let (start, shift) = self.lines[idx];
        let chars = self.text[start..offset.min(self.text.len())].chars().count() as isize;
        (self.first_line + idx, (chars + shift).max(0) as usize)
    }
}

/// Terminal columns of a character: two for East Asian wide ones.
fn columns(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// The byte offset where `line[from..]` reaches `max` columns: past the last character
/// that still fits (the whole line when it fits).
fn columns_until(line: &str, from: usize, max: usize) -> usize {
    let mut used = 0;
    for (i, c) in line[from..].char_indices() {
        used += columns(c);
        if used > max {
            return from + i;
        }
    }
    line.len()
}

/// Where to start a cut line so that up to [`LEAD_COLUMNS`] columns precede `anchor`.
fn lead_start(line: &str, anchor: usize) -> usize {
    let mut used = 0;
    let mut start = anchor;
    for (i, c) in line[..anchor].char_indices().rev() {
        used += columns(c);
        if used > LEAD_COLUMNS {
            break;
        }
        start = i;
    }
    start
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if span.offset() > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        // The whole snippet is the context: it holds only the lines of the span. The
        // reported line is the snippet's first line (where every label starts), the column
        // that of the span in the file.
        let (_, column) = self.position(span.offset());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            (0, self.text.len()).into(),
            self.first_line,
            column,
            self.lines.len(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet(text: &str, span: Range<usize>) -> Snippet {
        let file = SourceFile::new("a.txt".into(), text.to_string(), None);
        Snippet::new("a.txt".into(), &file, span)
    }

    #[test]
    fn short_lines_are_kept_whole_with_file_positions() {
        let text = "第一段。\n共有1007家医院。\n尾。";
        let at = text.find("1007").unwrap();
        let s = snippet(text, at..at + "1007家".len());
        assert_eq!(s.text, "共有1007家医院。");
        assert_eq!(&s.text[s.span.offset()..s.span.offset() + s.span.len()], "1007家");
        assert_eq!(s.first_line, 1);
        assert_eq!(s.position(s.span.offset()), (1, 2));
    }

    #[test]
    fn long_lines_are_cut_around_the_span_and_columns_still_count_from_the_file() {
        let text = format!("{}1.4万亿元{}", "字".repeat(500), "尾".repeat(500));
        let at = 500 * "字".len();
        let s = snippet(&text, at..at + "1.4万亿元".len());
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{}", s.text);
        // Cut by terminal columns: forty Chinese characters fill eighty.
        let width: usize = s.text.chars().map(columns).sum();
        assert!((MAX_LINE_COLUMNS - 1..=MAX_LINE_COLUMNS + 2).contains(&width), "{width}: {}", s.text);
        assert_eq!(s.text.matches('字').count(), LEAD_COLUMNS / 2, "{}", s.text);
        assert_eq!(&s.text[s.span.offset()..s.span.offset() + s.span.len()], "1.4万亿元");
        assert_eq!(s.position(s.span.offset()), (0, 500));
    }

    #[test]
    fn a_line_that_fits_the_columns_is_not_cut() {
        let line = "共".repeat(MAX_LINE_COLUMNS / 2);
        let s = snippet(&line, 3..6);
        assert_eq!(s.text, line);
        let longer = format!("{line}共");
        assert!(snippet(&longer, 3..6).text.ends_with('…'));
    }

    #[test]
    fn a_span_running_past_the_window_is_clipped_to_it() {
        let text = "x".repeat(400);
        let s = snippet(&text, 10..390);
        assert_eq!(s.span.offset(), 10);
        assert_eq!(s.span.offset() + s.span.len(), MAX_LINE_COLUMNS);
    }
}
