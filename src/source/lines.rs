//! Line and column numbers for byte offsets: 1-based, columns in Unicode scalar values.

/// Start offsets of every line of a text.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

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
        LineIndex { starts }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.saturating_sub(1).min(self.starts.len() - 1)]
    }

    /// Line and column of `offset` in `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = text.get(start..offset).map_or(offset - start, |s| s.chars().count()) + 1;
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
    fn sorted_positions_match_single_lookups() {
        let text = "甲乙丙\nab中文cd\n\n最后一行1.4万亿";
        let idx = LineIndex::new(text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let fast = idx.positions_sorted(text, &offsets);
        let slow: Vec<LineCol> = offsets.iter().map(|&o| idx.position(text, o)).collect();
        assert_eq!(fast, slow);
    }
}
