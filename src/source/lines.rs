//! Line and column numbers for byte offsets: 1-based, columns in Unicode scalar values.

/// Start offsets of every line of a text, and checkpoints inside long lines.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (offset, characters from its line's start) about every [`CHECKPOINT_BYTES`] of
    /// lines longer than that: a column is counted from the nearest one, so a JSONL record
    /// or a file of one line with many findings costs no more per finding than a short line.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT_BYTES: usize = 4096;

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let (mut at, mut column) = (start, 0);
            while end - at > CHECKPOINT_BYTES {
                let mut next = at + CHECKPOINT_BYTES;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                column += text[at..next].chars().count();
                at = next;
                checkpoints.push((at, column));
            }
        }
        LineIndex { starts, checkpoints }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.saturating_sub(1).min(self.starts.len() - 1)]
    }

    /// Line and column of `offset` in `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let mut start = self.starts[line - 1];
        let mut before = 0;
        let k = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        if let Some(&(at, column)) = k.checked_sub(1).map(|k| &self.checkpoints[k]) {
            if at >= start {
                (start, before) = (at, column);
            }
        }
        let column = before + text.get(start..offset).map_or(offset - start, |s| s.chars().count()) + 1;
        LineCol { line, column }
    }

    /// Positions of ascending offsets, counting characters once per line instead of
    /// once per offset.
    pub fn positions_sorted(&self, text: &str, offsets: &[usize]) -> Vec<LineCol> {
        let mut out = Vec::with_capacity(offsets.len());
        let mut cursor: Option<(usize, usize, usize)> = None; // (offset, line, column)
        for &offset in offsets {
            let offset = offset.min(text.len());
            let pos = match cursor {
                Some((at, line, column)) if at <= offset && self.line_end(line) > offset => {
                    let column = column + text.get(at..offset).map_or(offset - at, |s| s.chars().count());
                    LineCol { line, column }
                }
                _ => self.position(text, offset),
            };
            cursor = Some((offset, pos.line, pos.column));
            out.push(pos);
        }
        out
    }

    fn line_end(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(usize::MAX)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "第一行\n中央财政1.4万亿元\n";
        let idx = LineIndex::new(text);
        let at = text.find("1.4").unwrap();
        assert_eq!(idx.position(text, at), LineCol { line: 2, column: 5 });
        assert_eq!(idx.position(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.position(text, text.len()), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn long_lines_count_from_checkpoints_the_same() {
        let text = format!("{}\n{}x", "甲乙丙ab".repeat(3000), "中".repeat(5000));
        let idx = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(97).chain([(text.len(), ' ')]) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..offset].matches('\n').count() + 1;
            let column = text[line_start..offset].chars().count() + 1;
            assert_eq!(idx.position(&text, offset), LineCol { line, column }, "offset {offset}");
        }
    }

    #[test]
    fn sorted_positions_match_single_lookups() {
        let text = "甲乙丙\nab中文cd\n\n最后一行1.4万亿";
        let idx = LineIndex::new(text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let fast = idx.positions_sorted(text, &offsets);
        let slow: Vec<LineCol> = offsets.iter().map(|&o| idx.position(text, o)).collect();
        assert_eq!(fast, slow);
    }
}
