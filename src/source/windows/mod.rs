//! Large JSON Lines files, read a window of whole lines at a time, and single records read
//! again by their place in the file. Neither a corpus run nor a reload of one record then
//! needs a whole dataset in memory; line numbers, byte offsets and record numbers stay
//! those of the file.

use super::packing::Packing;
use super::{load_jsonl, load_owned, Document, Format, LoadError, LoadOptions, Loaded, SourceFile};
use std::io::Read;
#[cfg(not(unix))]
use std::io::{Seek, SeekFrom};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

mod plan;
pub use plan::{plan, read_window, Window};

/// JSON Lines files larger than this are read in windows of about this size…
pub const WINDOW_BYTES: usize = 16 << 20;
/// …and of at most this many records: a document costs a few hundred bytes of its own
/// (name, spans, results) whatever its length, so a window of short records is cut sooner.
pub const WINDOW_RECORDS: usize = 1 << 15;

/// Where the next window of a file starts.
#[derive(Clone, Copy)]
struct Cursor {
    base: usize,
    line: usize,
    records: usize,
}

/// Reads a file and hands over what it holds, in file order: one `Loaded` per window of a
/// UTF-8 JSON Lines file larger than `opts.window_bytes` or compressed, one per row group
/// of a Parquet file, one for the whole file otherwise. A compressed file is read through
/// its decompressor; if the stream breaks, what came before is still read.
pub fn read_file(path: &Path, display: &str, format: Format, opts: &LoadOptions, each: &mut dyn FnMut(Loaded)) {
    if format == Format::Parquet {
        return super::columnar::read_file(path, display, opts, each);
    }
    let window = opts.window_bytes.max(1);
    let packing = Packing::of(path);
    let unreadable =
        |e: std::io::Error| Loaded { documents: Vec::new(), errors: vec![LoadError::unreadable(display, &e)] };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return each(unreadable(e)),
    };
    let len = file.metadata().map_or(0, |m| m.len() as usize);
    let mut reader = match packing.reader(file) {
        Ok(r) => r,
        Err(e) => return read_to_break(display, Vec::new(), &e, Before::Whole(format), packing, opts, each),
    };
    let mut buffer = Vec::new();
    if !format.reads_in_windows(path, len, window) {
        return match reader.read_to_end(&mut buffer) {
            Ok(_) => each(load_owned(display, buffer, format, packing, opts)),
            Err(e) => read_to_break(display, buffer, &e, Before::Whole(format), packing, opts, each),
        };
    }
    let mut cursor = Cursor { base: 0, line: 1, records: 0 };
    loop {
        // What the last window left over counts against this one.
        let wanted = window.saturating_sub(buffer.len()).max(1);
        let read = (&mut reader).take(wanted as u64).read_to_end(&mut buffer);
        let at_end = match read {
            Ok(n) => n < wanted,
            Err(e) if cursor.base == 0 && !plain_utf8_start(&buffer) => {
                return read_to_break(display, buffer, &e, Before::Whole(format), packing, opts, each)
            }
            Err(e) => return read_to_break(display, buffer, &e, Before::Window(cursor), packing, opts, each),
        };
        if cursor.base == 0 && !plain_utf8_start(&buffer) {
            // A BOM or another encoding: decoded as one file, the way small files are.
            return match reader.read_to_end(&mut buffer) {
                Ok(_) => each(load_owned(display, buffer, format, packing, opts)),
                Err(e) => read_to_break(display, buffer, &e, Before::Whole(format), packing, opts, each),
            };
        }
        let cut = window_cut(&buffer, at_end, opts);
        if cut > 0 || at_end {
            let rest = buffer.split_off(cut);
            let whole_lines = std::mem::replace(&mut buffer, rest);
            cursor = load_window(display, whole_lines, cursor, packing, opts, each);
        }
        if at_end && buffer.is_empty() {
            return;
        }
    }
}

/// Where the window read into `buffer` ends: after its last whole line, or after the
/// line that makes it as many records as a window may hold.
fn window_cut(buffer: &[u8], at_end: bool, opts: &LoadOptions) -> usize {
    match memchr::memchr_iter(b'\n', buffer).nth(opts.window_records.max(1) - 1) {
        Some(i) if i + 1 < buffer.len() => i + 1,
        _ if at_end => buffer.len(),
        _ => buffer.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1),
    }
}

/// A compressed input held in memory (stdin, a shard), decompressed and read whole.
pub(super) fn load_compressed(
    display: &str,
    bytes: &[u8],
    format: Format,
    packing: Packing,
    opts: &LoadOptions,
) -> Loaded {
    let mut plain = Vec::new();
    match packing.reader(bytes).and_then(|mut r| r.read_to_end(&mut plain)) {
        Ok(_) => load_owned(display, plain, format, packing, opts),
        Err(e) => {
            Loaded::gathered(|each| read_to_break(display, plain, &e, Before::Whole(format), packing, opts, each))
        }
    }
}

/// Where the bytes read before a stream broke belong: a file read whole (in this format),
/// or the window of a JSON Lines file that starts at the cursor.
#[derive(Clone, Copy)]
enum Before {
    Whole(Format),
    Window(Cursor),
}

/// The whole lines decompressed before the stream broke, read as `before` says, then the
/// break as an error at the place in the decompressed stream where it was met.
fn read_to_break(
    display: &str,
    mut bytes: Vec<u8>,
    e: &std::io::Error,
    before: Before,
    packing: Packing,
    opts: &LoadOptions,
    each: &mut dyn FnMut(Loaded),
) {
    let (base, line) = match before {
        Before::Whole(_) => (0, 1),
        Before::Window(cursor) => (cursor.base, cursor.line),
    };
    let error = cut_at_break(display, &mut bytes, base, line, packing.describe(e));
    match before {
        _ if bytes.is_empty() => {}
        Before::Whole(format) => each(load_owned(display, bytes, format, packing, opts)),
        Before::Window(cursor) => {
            load_window(display, bytes, cursor, packing, opts, each);
        }
    }
    each(Loaded { documents: Vec::new(), errors: vec![error] });
}

/// The break of a stream after `bytes` (which start at offset `base` on line `line`) as an
/// error there; `bytes` keep their whole lines only.
fn cut_at_break(display: &str, bytes: &mut Vec<u8>, base: usize, line: usize, message: String) -> LoadError {
    let last_line = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let error = LoadError {
        path: display.to_string(),
        offset: base + bytes.len(),
        line: line + memchr::memchr_iter(b'\n', bytes).count(),
        column: String::from_utf8_lossy(&bytes[last_line..]).chars().count() + 1,
        doc: None,
        message,
    };
    bytes.truncate(last_line);
    error
}

/// Whether a file's first window is UTF-8 with no byte-order mark.
fn plain_utf8_start(bytes: &[u8]) -> bool {
    if super::encoding::starts_with_bom(bytes) {
        return false;
    }
    // The window may end inside a character: only what precedes the last line matters.
    let head = &bytes[..bytes.iter().rposition(|&b| b == b'\n').map_or(bytes.len(), |i| i + 1)];
    simdutf8::basic::from_utf8(head).is_ok()
}

/// Loads whole lines starting at `cursor`; a line that is not UTF-8 is an error of its
/// record and the lines after it are still read.
fn load_window(
    display: &str,
    mut bytes: Vec<u8>,
    mut cursor: Cursor,
    packing: Packing,
    opts: &LoadOptions,
    each: &mut dyn FnMut(Loaded),
) -> Cursor {
    while !bytes.is_empty() {
        // simdutf8, several times faster than the standard check on Chinese text.
        let valid = match simdutf8::compat::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            Err(e) => e.valid_up_to(),
        };
        let good_end = if valid == bytes.len() {
            valid
        } else {
            bytes[..valid].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
        };
        let bad_end = if valid == bytes.len() {
            valid
        } else {
            bytes[valid..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| valid + i + 1)
        };
        let rest = bytes.split_off(bad_end);
        let bad = bytes.split_off(good_end);
        if !bytes.is_empty() {
            let lines = memchr::memchr_iter(b'\n', &bytes).count();
            let len = bytes.len();
            // SAFETY: `bytes` is the prefix that simdutf8 has just validated.
            let text = unsafe { String::from_utf8_unchecked(bytes) };
            let file =
                Arc::new(SourceFile::window(display.to_string(), text, cursor.base, cursor.line).packed(packing));
            let (loaded, records) = load_jsonl(&file, opts, cursor.records);
            each(loaded);
            cursor = Cursor { base: cursor.base + len, line: cursor.line + lines, records: cursor.records + records };
        }
        if !bad.is_empty() {
            let record = cursor.records + 1;
            let column = String::from_utf8_lossy(&bad[..valid - good_end]).chars().count() + 1;
            each(Loaded {
                documents: Vec::new(),
                errors: vec![LoadError {
                    path: display.to_string(),
                    offset: cursor.base + valid - good_end,
                    line: cursor.line,
                    column,
                    doc: Some(format!("{display}#{record}")),
                    message: format!("record {record}: invalid UTF-8"),
                }],
            });
            let blank = bad.iter().all(u8::is_ascii_whitespace);
            cursor = Cursor {
                base: cursor.base + bad.len(),
                line: cursor.line + usize::from(bad.ends_with(b"\n")),
                records: cursor.records + usize::from(!blank),
            };
        }
        bytes = rest;
    }
    cursor
}

/// One record of a JSON Lines file read again: the line at `span` (file bytes, without
/// its line break), which is line `line` and record `record` of the file.
pub fn read_record(
    file: &std::fs::File,
    display: &str,
    opts: &LoadOptions,
    span: Range<usize>,
    line: usize,
    record: usize,
) -> Result<Document, LoadError> {
    let mut bytes = vec![0u8; span.len()];
    read_at(file, &mut bytes, span.start as u64).map_err(|e| LoadError::unreadable(display, &e))?;
    let changed = || LoadError {
        path: display.to_string(),
        offset: span.start,
        line,
        column: 1,
        doc: Some(format!("{display}#{record}")),
        message: "the file changed while it was being checked".to_string(),
    };
    let text = String::from_utf8(bytes).map_err(|_| changed())?;
    let file = Arc::new(SourceFile::window(display.to_string(), text, span.start, line));
    let (mut loaded, _) = load_jsonl(&file, opts, record - 1);
    match (loaded.documents.pop(), loaded.errors.pop()) {
        (Some(d), _) if d.record == record => Ok(d),
        (_, Some(e)) => Err(e),
        _ => Err(changed()),
    }
}

/// Reads `buf.len()` bytes at `offset`; on Unix without moving a shared cursor, so
/// records are read from one open file on every thread.
#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_at(mut file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows(bytes: &[u8], window: usize) -> Vec<Loaded> {
        windows_of(bytes, window, WINDOW_RECORDS)
    }

    fn windows_of(bytes: &[u8], window: usize, records: usize) -> Vec<Loaded> {
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("factlint-windows-{}-{call}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("d.jsonl");
        std::fs::write(&path, bytes).unwrap();
        let mut out = Vec::new();
        let opts = LoadOptions { window_bytes: window, window_records: records, ..LoadOptions::default() };
        read_file(&path, "d.jsonl", Format::Jsonl, &opts, &mut |l| out.push(l));
        std::fs::remove_dir_all(&dir).unwrap();
        out
    }

    fn summary(loaded: &[Loaded]) -> Vec<String> {
        let mut out = Vec::new();
        for d in loaded.iter().flat_map(|l| &l.documents) {
            {
                let at = d.locate(0..d.text.len());
                out.push(format!(
                    "{} {} {}:{} {}..{} {}",
                    d.name, d.record, at.start.line, at.start.column, at.byte_start, at.byte_end, d.text
                ));
            }
        }
        for l in loaded {
            for e in &l.errors {
                out.push(format!(
                    "error {} {}:{} @{} {}",
                    e.doc.as_deref().unwrap_or(""),
                    e.line,
                    e.column,
                    e.offset,
                    e.message
                ));
            }
        }
        out
    }

    const DATA: &str =
        "{\"text\":\"一千家医院\"}\n\n{\"id\":\"x\",\"text\":\"a\\nb 1007家\"}\n{\"text\":3}\n{\"text\":\"末尾 12%\"}";

    #[test]
    fn windows_give_the_positions_and_records_of_the_whole_file() {
        let whole = summary(&windows(DATA.as_bytes(), 1 << 20));
        assert_eq!(whole.len(), 4, "{whole:?}");
        for window in [1, 7, 30, 45, 60] {
            assert_eq!(summary(&windows(DATA.as_bytes(), window)), whole, "window {window}");
        }
    }

    #[test]
    fn windows_cut_by_record_count_give_the_same_documents() {
        let whole = summary(&windows(DATA.as_bytes(), 1 << 20));
        for (window, records) in [(30, 1), (45, 2), (60, 1), (60, 2), (60, 3)] {
            let loaded = windows_of(DATA.as_bytes(), window, records);
            let sizes: Vec<usize> = loaded.iter().map(|l| l.documents.len()).collect();
            assert!(sizes.iter().all(|&n| n <= records), "{window} bytes, {records} records: {sizes:?}");
            assert_eq!(summary(&loaded), whole, "{window} bytes, {records} records");
        }
    }

    #[test]
    fn a_line_that_is_not_utf8_is_its_records_error_and_the_rest_is_read() {
        let mut bytes = b"{\"text\":\"ok 1\"}\n{\"text\":\"bad \xff\"}\n".to_vec();
        bytes.extend_from_slice("{\"text\":\"好 2\"}\n".as_bytes());
        // The first window must be UTF-8 for windows to be used at all.
        let got = summary(&windows(&bytes, 20));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].starts_with("d.jsonl#1 1 1:10"), "{got:?}");
        assert!(got[1].starts_with("d.jsonl#3 3 3:10"), "{got:?}");
        assert!(got[2].starts_with("error d.jsonl#2 2:14 @29 record 2: invalid UTF-8"), "{got:?}");
    }

    #[test]
    fn a_record_is_read_again_by_its_place() {
        let dir = std::env::temp_dir().join(format!("factlint-record-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("d.jsonl");
        std::fs::write(&path, DATA).unwrap();
        let mut loaded = Vec::new();
        read_file(&path, "d.jsonl", Format::Jsonl, &LoadOptions::default(), &mut |l| loaded.push(l));
        let original = &loaded[0].documents[1];
        let at = original.file.base + original.region.start..original.file.base + original.region.end;
        let line = original.locate(0..0).start.line;
        let open = std::fs::File::open(&path).unwrap();
        let again = read_record(&open, "d.jsonl", &LoadOptions::default(), at, line, original.record).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!((&*again.name, again.text.as_str()), (&*original.name, original.text.as_str()));
        assert_eq!(again.locate(2..9), original.locate(2..9));
    }
}
