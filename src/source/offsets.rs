//! Maps offsets in a document's plain text back to offsets in the file it came from.
//!
//! Loading strips tags, decodes entities and unescapes JSON; each step appends to a
//! [`TextBuilder`] either verbatim runs (one text byte per source byte) or replacements
//! (`&amp;` → `&`, `\n` → newline) that map as a unit. A span in the plain text then
//! maps to the source span an editor shows, covering whole replacements.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Piece {
    text: usize,
    text_len: usize,
    src: usize,
    src_len: usize,
    verbatim: bool,
}

/// Sorted pieces covering the whole plain text.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OffsetMap {
    // Boxed: a document's map is never grown once built, and a corpus holds millions.
    pieces: Box<[Piece]>,
}

impl OffsetMap {
    /// A map for text copied verbatim from `src_start` onward.
    pub fn identity(len: usize, src_start: usize) -> OffsetMap {
        OffsetMap { pieces: Box::new([Piece { text: 0, text_len: len, src: src_start, src_len: len, verbatim: true }]) }
    }

    /// The same map for a source cut `by` bytes later (its source offsets `by` less).
    pub fn moved_back(&self, by: usize) -> OffsetMap {
        let pieces = self.pieces.iter().map(|p| Piece { src: p.src - by, ..*p }).collect();
        OffsetMap { pieces }
    }

    fn piece_at(&self, t: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.text <= t);
        self.pieces.get(i.checked_sub(1)?)
    }

    /// Source offset of the character starting at text offset `t`.
    pub fn start(&self, t: usize) -> usize {
        match self.piece_at(t) {
            None => 0,
            Some(p) if p.verbatim => p.src + (t - p.text).min(p.src_len),
            Some(p) if t >= p.text + p.text_len => p.src + p.src_len,
            Some(p) => p.src,
        }
    }

    /// Source offset just past the character ending at text offset `t` (exclusive end).
    pub fn end(&self, t: usize) -> usize {
        if t == 0 {
            return self.start(0);
        }
        match self.piece_at(t - 1) {
            None => 0,
            Some(p) if p.verbatim => p.src + (t - p.text).min(p.src_len),
            Some(p) => p.src + p.src_len,
        }
    }

    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        let s = self.start(r.start);
        s..self.end(r.end).max(s)
    }
}

/// Builds plain text and its [`OffsetMap`] together.
#[derive(Debug, Default)]
pub struct TextBuilder {
    pub text: String,
    pieces: Vec<Piece>,
}

impl TextBuilder {
    pub fn new() -> TextBuilder {
        TextBuilder::default()
    }

    /// A builder whose text will be about `bytes` long.
    pub fn with_capacity(bytes: usize) -> TextBuilder {
        TextBuilder { text: String::with_capacity(bytes), pieces: Vec::new() }
    }

    /// Appends `s`, which stands at `src_start` in the source unchanged.
    pub fn verbatim(&mut self, s: &str, src_start: usize) {
        if s.is_empty() {
            return;
        }
        if let Some(last) = self.pieces.last_mut() {
            if last.verbatim && last.src + last.src_len == src_start && last.text + last.text_len == self.text.len() {
                last.text_len += s.len();
                last.src_len += s.len();
                self.text.push_str(s);
                return;
            }
        }
        self.pieces.push(Piece {
            text: self.text.len(),
            text_len: s.len(),
            src: src_start,
            src_len: s.len(),
            verbatim: true,
        });
        self.text.push_str(s);
    }

    /// Appends `s`, which replaces the source bytes `src`.
    pub fn replace(&mut self, s: &str, src: Range<usize>) {
        if s.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            text: self.text.len(),
            text_len: s.len(),
            src: src.start,
            src_len: src.end - src.start,
            verbatim: false,
        });
        self.text.push_str(s);
    }

    pub fn ends_with(&self, s: &str) -> bool {
        self.text.ends_with(s)
    }

    pub fn finish(self) -> (String, OffsetMap) {
        (self.text, OffsetMap { pieces: self.pieces.into_boxed_slice() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_and_replacements_map_back() {
        // source: "<p>1&#48;家</p>" -> text "10家"
        let src = "<p>1&#48;家</p>";
        let mut b = TextBuilder::new();
        b.verbatim("1", 3);
        b.replace("0", 4..9);
        b.verbatim("家", 9);
        let (text, map) = b.finish();
        assert_eq!(text, "10家");
        assert_eq!(map.span(0..text.len()), 3..12);
        assert_eq!(&src[map.span(0..2)], "1&#48;");
        assert_eq!(&src[map.span(2..5)], "家");
        assert_eq!(map.span(1..2), 4..9);
    }

    #[test]
    fn contiguous_verbatim_runs_merge() {
        let mut b = TextBuilder::new();
        b.verbatim("ab", 10);
        b.verbatim("cd", 12);
        b.verbatim("ef", 20);
        let (_, map) = b.finish();
        assert_eq!(map.pieces.len(), 2);
        assert_eq!(map.span(1..5), 11..21);
    }
}
