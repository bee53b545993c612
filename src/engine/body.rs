//! A document as bytes, to travel from the machine that read it to the one that checks its
//! component: its text, names and spans, with just enough of its file (the lines it
//! covers, where they start) that positions reported on the other machine are those of
//! the file. A record of a large dataset carries its own line, not the dataset.

use crate::source::offsets::OffsetMap;
use crate::source::packing::Packing;
use crate::source::{Document, Format, SourceFile};
use std::ops::Range;
use std::sync::Arc;

/// Bodies are read by the same build that wrote them, within one job.
const MAGIC: &[u8; 4] = b"FLB1";

#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    path: String,
    /// The part of the file text the document needs: its lines (a record's), or the
    /// whole text (an article file; a file that was not plain UTF-8).
    cut: String,
    base: usize,
    first_line: usize,
    packing: Packing,
    to_raw: Option<OffsetMap>,
    // Boxed as in a document: serialized as a string or a sequence all the same.
    name: Box<str>,
    title: Option<Box<str>>,
    date: Option<compact_str::CompactString>,
    format: Format,
    text: String,
    map: OffsetMap,
    paragraphs: Box<[Range<usize>]>,
    region: Range<usize>,
    record: usize,
    comments: Box<[(Range<usize>, String)]>,
}

/// A body that could not be read back: not written by this build, or damaged.
#[derive(Debug, thiserror::Error)]
#[error("cannot read a document body: {0}")]
pub struct BodyError(String);

/// The part of `d`'s file text its body carries: from the start of the line its region
/// (or a comment of it) begins on, so that columns count as in the file, to where they
/// end; the whole text of an article file or of a file that was not plain UTF-8.
fn cut(d: &Document) -> Range<usize> {
    if d.file.to_raw.is_some() || matches!(d.format, Format::Text | Format::Markdown | Format::Html) {
        return 0..d.file.text.len();
    }
    let spans = || d.comments.iter().map(|(r, _)| r).chain([&d.region]);
    let first = spans().map(|r| r.start).min().unwrap_or(0);
    let end = spans().map(|r| r.end).max().unwrap_or(d.file.text.len());
    d.file.text[..first].rfind('\n').map_or(0, |i| i + 1)..end
}

/// The bytes of `d`.
pub fn encode(d: &Document) -> Vec<u8> {
    let file = &d.file;
    let Range { start, end } = cut(d);
    let first_line = file.first_line + file.lines.position(&file.text, start).line - 1;
    let back = |r: &Range<usize>| r.start - start..r.end - start;
    let stored = Stored {
        path: file.path.clone(),
        cut: file.text[start..end].to_string(),
        base: file.base + start,
        first_line,
        packing: file.packing,
        to_raw: file.to_raw.clone(),
        name: d.name.clone(),
        title: d.title.clone(),
        date: d.date.clone(),
        format: d.format,
        text: d.text.clone(),
        map: d.map.moved_back(start),
        paragraphs: d.paragraphs.clone(),
        region: back(&d.region),
        record: d.record,
        comments: d.comments.iter().map(|(r, c)| (back(r), c.clone())).collect(),
    };
    let mut out = MAGIC.to_vec();
    out.extend(postcard::to_allocvec(&stored).expect("a document always serializes"));
    out
}

/// The document whose bytes these are.
pub fn decode(bytes: &[u8]) -> Result<Document, BodyError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or_else(|| BodyError("not written by this factlint".to_string()))?;
    let s: Stored = postcard::from_bytes(rest).map_err(|e| BodyError(e.to_string()))?;
    let mut file = SourceFile::window(s.path, s.cut, s.base, s.first_line).packed(s.packing);
    file.to_raw = s.to_raw;
    Ok(Document {
        file: Arc::new(file),
        name: s.name,
        title: s.title,
        date: s.date,
        format: s.format,
        text: s.text,
        map: s.map,
        paragraphs: s.paragraphs,
        region: s.region,
        record: s.record,
        comments: s.comments,
    })
}
