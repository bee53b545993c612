//! Reading a corpus: files and folders, plain text, Markdown with front matter, HTML,
//! JSON Lines, CSV and Parquet datasets (the first two also gzip- or zstd-compressed), and
//! stdin. Each input becomes one or more
//! [`Document`]s whose plain text maps back to the bytes of the original file.
//!
//! Input that cannot be read becomes a [`LoadError`] naming the file and position; the
//! other files and records are still read.

pub mod columnar;
pub mod csv;
pub mod directive;
pub mod encoding;
pub mod html;
pub mod jsonl;
pub mod lines;
pub mod markdown;
pub mod offsets;
pub mod outline;
pub mod packing;
mod records;
pub mod walk;
pub mod windows;

use lines::{LineCol, LineIndex};
use offsets::{OffsetMap, TextBuilder};
use packing::Packing;
use records::{load_csv, load_jsonl};
pub use records::{record_document, RecordFields};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// How a file's contents are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Jsonl,
    Csv,
    Parquet,
}

impl Format {
    /// The format for a file name, from its extension; `None` for files a folder walk skips.
    /// A dataset may be compressed (`a.jsonl.gz`, `b.csv.zst`); an article file may not.
    pub fn from_path(path: &Path) -> Option<Format> {
        let compressed = Packing::of(path).is_compressed();
        let named = if compressed { Path::new(path.file_stem()?) } else { path };
        let ext = named.extension()?.to_str()?.to_ascii_lowercase();
        let format = match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv,
            "parquet" => Format::Parquet,
            _ => return None,
        };
        (!compressed || matches!(format, Format::Jsonl | Format::Csv)).then_some(format)
    }

    /// Whether a file of this format at `path` holds more text than its size on disk:
    /// compressed files and Parquet.
    pub fn is_packed(self, path: &Path) -> bool {
        self == Format::Parquet || Packing::of(path).is_compressed()
    }

    /// Whether a file of this format (at `path`, `len` bytes) is read a window at a time
    /// rather than whole: large JSON Lines files, compressed ones (whose size is not known
    /// until they are read), and Parquet files (a row group at a time).
    pub fn reads_in_windows(self, path: &Path, len: usize, window_bytes: usize) -> bool {
        match self {
            Format::Parquet => true,
            Format::Jsonl => len > window_bytes || Packing::of(path).is_compressed(),
            _ => false,
        }
    }
}

/// Options for reading datasets.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Candidate names of the text field of JSONL records and CSV columns, in order.
    pub text_fields: Vec<String>,
    /// Candidate names of the id field.
    pub id_fields: Vec<String>,
    /// JSON Lines files larger than this are read in windows of about this many bytes…
    pub window_bytes: usize,
    /// …and of at most this many lines.
    pub window_records: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            text_fields: ["text", "content", "body"].map(String::from).to_vec(),
            id_fields: ["id", "key"].map(String::from).to_vec(),
            window_bytes: windows::WINDOW_BYTES,
            window_records: windows::WINDOW_RECORDS,
        }
    }
}

/// A file as read, or a window of whole lines of it: its decoded text and how to find
/// positions in it. Large JSON Lines files are read in windows, so that no run needs a
/// whole file in memory; offsets into `text` are local, positions reported are the file's.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as given or found by the walk, with `/` separators.
    pub path: String,
    pub text: String,
    /// Decoded text → raw bytes, when the file was not plain UTF-8.
    pub to_raw: Option<OffsetMap>,
    pub lines: LineIndex,
    /// Byte offset in the file where `text` starts (0 unless a window).
    pub base: usize,
    /// File line number of the first line of `text` (1 unless a window).
    pub first_line: usize,
    /// What positions in `text` count: the file's bytes, a decompressed stream's, or a
    /// Parquet record value's.
    pub packing: Packing,
}

impl SourceFile {
    pub fn new(path: String, text: String, to_raw: Option<OffsetMap>) -> SourceFile {
        let lines = LineIndex::new(&text);
        SourceFile { path, text, to_raw, lines, base: 0, first_line: 1, packing: Packing::Plain }
    }

    /// Whole lines of a UTF-8 file that start at byte `base`, on line `first_line`.
    pub fn window(path: String, text: String, base: usize, first_line: usize) -> SourceFile {
        let lines = LineIndex::new(&text);
        SourceFile { path, text, to_raw: None, lines, base, first_line, packing: Packing::Plain }
    }

    /// The same file, its positions counted as `packing` says.
    pub fn packed(mut self, packing: Packing) -> SourceFile {
        self.packing = packing;
        self
    }

    /// The file position of a local one.
    fn in_file(&self, mut location: Location) -> Location {
        location.byte_start += self.base;
        location.byte_end += self.base;
        location.start.line += self.first_line - 1;
        location.end.line += self.first_line - 1;
        location
    }

    /// Locations of many spans at once; faster than [`SourceFile::locate`] for each.
    pub fn locate_all(&self, spans: &[Range<usize>]) -> Vec<Location> {
        let mut ends: Vec<(usize, usize, bool)> = Vec::with_capacity(spans.len() * 2);
        for (i, s) in spans.iter().enumerate() {
            ends.push((s.start, i, false));
            ends.push((s.end, i, true));
        }
        ends.sort_unstable();
        let offsets: Vec<usize> = ends.iter().map(|e| e.0).collect();
        let positions = self.lines.positions_sorted(&self.text, &offsets);
        let mut out: Vec<Location> = spans
            .iter()
            .map(|span| {
                let raw = self.to_raw.as_ref().map_or(span.clone(), |m| m.span(span.clone()));
                let zero = LineCol { line: 1, column: 1 };
                Location { byte_start: raw.start, byte_end: raw.end, start: zero, end: zero }
            })
            .collect();
        for ((_, i, is_end), pos) in ends.iter().zip(positions) {
            if *is_end {
                out[*i].end = pos;
            } else {
                out[*i].start = pos;
            }
        }
        out.into_iter().map(|l| self.in_file(l)).collect()
    }

    /// Where a span of the decoded file text is, as an editor shows it.
    pub fn locate(&self, span: Range<usize>) -> Location {
        let start = self.lines.position(&self.text, span.start);
        let end = self.lines.position(&self.text, span.end);
        let raw = match &self.to_raw {
            Some(map) => map.span(span.clone()),
            None => span.clone(),
        };
        self.in_file(Location { byte_start: raw.start, byte_end: raw.end, start, end })
    }
}

/// A position in a file: raw byte span plus 1-based line/column of both ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub byte_start: usize,
    pub byte_end: usize,
    pub start: LineCol,
    pub end: LineCol,
}

/// One article: its plain text and where that text came from.
#[derive(Debug)]
pub struct Document {
    pub file: Arc<SourceFile>,
    /// `path`, or `path#id` for a dataset record.
    pub name: Box<str>,
    pub title: Option<Box<str>>,
    /// Inline (a date is short): no allocation of its own in a corpus of millions.
    pub date: Option<compact_str::CompactString>,
    pub format: Format,
    pub text: String,
    /// Plain text → decoded file text.
    pub map: OffsetMap,
    /// Paragraph spans in `text`, trimmed, non-empty.
    pub paragraphs: Box<[Range<usize>]>,
    /// The part of the file text this document covers (its record for datasets).
    pub region: Range<usize>,
    /// 1-based number of the record in a dataset; 0 for an article file.
    pub record: usize,
    /// Markup comments with their file spans (for suppression comments).
    pub comments: Box<[(Range<usize>, String)]>,
}

impl Document {
    /// The file location of a span of the plain text.
    pub fn locate(&self, span: Range<usize>) -> Location {
        self.file.locate(self.map.span(span))
    }
}

/// Input that could not be read: the file, the byte offset in it, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[error("{path}:{line}:{column}: {message}")]
pub struct LoadError {
    pub path: String,
    /// Offset in the decoded file text (0 when the file could not be decoded at all).
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    /// `path#record` when the error is in one record of a dataset.
    pub doc: Option<String>,
    pub message: String,
}

impl LoadError {
    /// A file that could not be read at all.
    pub fn unreadable(path: &str, e: &std::io::Error) -> LoadError {
        LoadError {
            path: path.to_string(),
            offset: 0,
            line: 1,
            column: 1,
            doc: None,
            message: format!("cannot read file: {e}"),
        }
    }
}

/// Everything read from one file.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub errors: Vec<LoadError>,
}

impl Loaded {
    /// Everything a reader hands over piece by piece (a window, a row group at a time),
    /// together.
    pub fn gathered(read: impl FnOnce(&mut dyn FnMut(Loaded))) -> Loaded {
        let mut all = Loaded::default();
        read(&mut |l| {
            all.documents.extend(l.documents);
            all.errors.extend(l.errors);
        });
        all
    }
}

/// Reads one file from disk (a large JSON Lines file in windows of whole lines).
pub fn load_file(path: &Path, display: &str, format: Format, opts: &LoadOptions) -> Loaded {
    Loaded::gathered(|each| windows::read_file(path, display, format, opts, each))
}

/// Reads one input from memory (a file's bytes or stdin), decompressing it when its name
/// says it is compressed.
pub fn load_bytes(display: &str, bytes: &[u8], format: Format, opts: &LoadOptions) -> Loaded {
    if format == Format::Parquet {
        return columnar::load_bytes(display, bytes.to_vec(), opts);
    }
    match Packing::of(Path::new(display)) {
        packing if packing.is_compressed() => windows::load_compressed(display, bytes, format, packing, opts),
        _ => load_owned(display, bytes.to_vec(), format, Packing::Plain, opts),
    }
}

fn load_owned(display: &str, bytes: Vec<u8>, format: Format, packing: Packing, opts: &LoadOptions) -> Loaded {
    let decoded = match encoding::decode_owned(bytes) {
        Ok(d) => d,
        Err(e) => {
            let (line, column) = (e.line, e.column);
            return Loaded {
                documents: Vec::new(),
                errors: vec![LoadError {
                    path: display.to_string(),
                    offset: 0,
                    line,
                    column,
                    doc: None,
                    message: format!("{} at byte {}", e.message, e.offset),
                }],
            };
        }
    };
    let file = Arc::new(SourceFile::new(display.to_string(), decoded.text, decoded.to_raw).packed(packing));
    match format {
        Format::Jsonl => load_jsonl(&file, opts, 0).0,
        Format::Csv => load_csv(&file, opts),
        _ => load_article(&file, format),
    }
}

fn error_at(file: &SourceFile, offset: usize, doc: Option<String>, message: String) -> LoadError {
    let pos = file.lines.position(&file.text, offset);
    LoadError {
        path: file.path.clone(),
        offset: file.base + offset,
        line: pos.line + file.first_line - 1,
        column: pos.column,
        doc,
        message,
    }
}

/// A text, Markdown or HTML file: one document.
fn load_article(file: &Arc<SourceFile>, format: Format) -> Loaded {
    let text = &file.text;
    let mut builder = TextBuilder::new();
    let mut title = None;
    let mut date = None;
    let mut comments = Vec::new();
    // A .txt that is really a Hexo/Jekyll post or a web page is read as one.
    let format = match format {
        Format::Text if markdown::opens_front_matter(text).is_some() => Format::Markdown,
        Format::Text if looks_like_html_page(text) => Format::Html,
        f => f,
    };
    match format {
        Format::Markdown => {
            let body_start = match markdown::front_matter(text) {
                Ok(Some(fm)) => {
                    title = fm.title;
                    date = fm.date;
                    fm.body_start
                }
                Ok(None) => 0,
                Err(u) => {
                    return Loaded {
                        documents: Vec::new(),
                        errors: vec![error_at(
                            file,
                            u.open.start,
                            None,
                            "front matter opened with `---` is never closed".to_string(),
                        )],
                    }
                }
            };
            let stripped = html::strip(&text[body_start..], body_start, &mut builder, true);
            comments = stripped.comments;
            title = title.or(stripped.title);
        }
        Format::Html => {
            let stripped = html::strip(text, 0, &mut builder, false);
            comments = stripped.comments;
            title = stripped.title;
        }
        _ if text.contains("factlint-") => comments = plain_text_directives(text, &mut builder),
        _ => builder.verbatim(text, 0),
    }
    let (plain, map) = builder.finish();
    let paragraphs = paragraphs(&plain);
    let doc = Document {
        file: Arc::clone(file),
        name: file.path.as_str().into(),
        title: title.map(Into::into),
        date: date.as_deref().map(compact_str::CompactString::new),
        format,
        text: plain,
        map,
        paragraphs: paragraphs.into(),
        region: 0..text.len(),
        record: 0,
        comments: comments.into(),
    };
    Loaded { documents: vec![doc], errors: Vec::new() }
}

/// Copies plain text into `builder` leaving out its directive lines, which it returns
/// as comments (their file span and directive).
fn plain_text_directives(text: &str, builder: &mut TextBuilder) -> Vec<(Range<usize>, String)> {
    let mut comments = Vec::new();
    let mut pos = 0usize;
    for line in text.split_inclusive('\n') {
        match directive::directive_line(line) {
            Some(d) => comments.push((pos..pos + line.trim_end().len(), d.to_string())),
            None => builder.verbatim(line, pos),
        }
        pos += line.len();
    }
    comments
}

fn looks_like_html_page(text: &str) -> bool {
    let head = head(text.trim_start(), 64).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// At most the first `max` bytes of `s`, cut at a character boundary.
pub fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Splits plain text into paragraphs: on blank lines, or on every line when the text
/// has no blank line at all. Spans are trimmed of whitespace and empty ones dropped.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let has_blank_line = text.trim().split('\n').any(|l| l.trim().is_empty());
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut push = |s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(s + lead..e - trail);
        }
    };
    let mut pos = 0usize;
    for line in text.split_inclusive('\n') {
        let end = pos + line.len();
        let boundary = if has_blank_line { line.trim().is_empty() } else { true };
        if boundary {
            push(start, end);
            start = end;
        }
        pos = end;
    }
    push(start, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_rules() {
        assert_eq!(paragraphs("a\n\nb\nc\n\n\n d "), vec![0..1, 3..6, 10..11]);
        assert_eq!(paragraphs("one\ntwo\n"), vec![0..3, 4..7]);
        assert_eq!(paragraphs("  \n"), Vec::<Range<usize>>::new());
    }

    #[test]
    fn txt_with_front_matter_reads_as_markdown() {
        let src = "\n---\ntitle: '标题'\ndate: 2022-05-24\n---\n<p>共有&nbsp;1007家</p>";
        let loaded = load_bytes("a.txt", src.as_bytes(), Format::Text, &LoadOptions::default());
        let doc = &loaded.documents[0];
        assert_eq!(doc.format, Format::Markdown);
        assert_eq!(doc.title.as_deref(), Some("标题"));
        assert_eq!(doc.text.trim(), "共有 1007家");
        let at = doc.text.find("1007").unwrap();
        let loc = doc.locate(at..at + 7);
        assert_eq!(&src[loc.byte_start..loc.byte_end], "1007家");
        assert_eq!((loc.start.line, loc.start.column), (6, 12));
    }

    #[test]
    fn jsonl_records_and_errors() {
        let src = "{\"id\": \"a\", \"text\": \"共有1007家\"}\n\n{broken\n{\"text\": \"约165億元\"}\n";
        let loaded = load_bytes("d.jsonl", src.as_bytes(), Format::Jsonl, &LoadOptions::default());
        let names: Vec<&str> = loaded.documents.iter().map(|d| &*d.name).collect();
        assert_eq!(names, ["d.jsonl#a", "d.jsonl#3"]);
        assert_eq!(loaded.errors.len(), 1);
        assert_eq!((loaded.errors[0].line, loaded.errors[0].doc.as_deref()), (3, Some("d.jsonl#2")));
        let doc = &loaded.documents[1];
        let loc = doc.locate(0..doc.text.len());
        assert_eq!((loc.start.line, loc.start.column), (4, 11));
    }

    #[test]
    fn csv_rows_become_documents() {
        let src = "key,title,text\nk1,標題,\"警方出動5,000警力\"\nk2,x\n";
        let loaded = load_bytes("hk.csv", src.as_bytes(), Format::Csv, &LoadOptions::default());
        assert_eq!(loaded.documents.len(), 1);
        assert_eq!(&*loaded.documents[0].name, "hk.csv#k1");
        assert_eq!(loaded.documents[0].title.as_deref(), Some("標題"));
        assert_eq!(loaded.errors.len(), 1);
        assert_eq!(loaded.errors[0].line, 3);
    }

    #[test]
    fn unterminated_front_matter_and_bad_bytes_are_errors() {
        let loaded = load_bytes("x.md", b"---\ntitle: x\nbody", Format::Markdown, &LoadOptions::default());
        assert_eq!(loaded.errors[0].message, "front matter opened with `---` is never closed");
        let loaded = load_bytes("y.txt", b"line one\nbad \xff\xfe\x00 bytes", Format::Text, &LoadOptions::default());
        assert!(loaded.documents.is_empty());
        assert_eq!((loaded.errors[0].line, loaded.errors[0].column), (2, 5));
    }
}
