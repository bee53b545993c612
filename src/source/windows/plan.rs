//! The windows of a large JSON Lines file found ahead of reading it, so that each can be
//! read by itself on another machine (the distributed engine's pieces of work), with the
//! same documents, positions and record numbers as [`super::read_file`] gives.

use super::{load_window, plain_utf8_start, window_cut, Cursor};
use crate::source::packing::Packing;
use crate::source::{Format, LoadOptions, Loaded};
use std::io::Read;
use std::path::Path;

/// One window of a JSON Lines file as [`super::read_file`] cuts it: its bytes, and the line and
/// the number of records before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Window {
    pub start: usize,
    pub end: usize,
    /// The file line it starts on.
    pub line: usize,
    /// Records (non-blank lines) before it.
    pub records: usize,
}

/// The windows [`super::read_file`] reads a file in, found without parsing a record, so that
/// each can be read by itself ([`read_window`]) on another machine; `None` when the file
/// is read whole (small, compressed, not plain UTF-8) or cannot be read: then it is one
/// piece of work, read by `read_file`.
pub fn plan(path: &Path, format: Format, opts: &LoadOptions) -> Option<Vec<Window>> {
    let window = opts.window_bytes.max(1);
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len() as usize;
    if Packing::of(path) != Packing::Plain || format != Format::Jsonl || !format.reads_in_windows(path, len, window) {
        return None;
    }
    let mut windows = Vec::new();
    let mut buffer = Vec::new();
    let mut cursor = Cursor { base: 0, line: 1, records: 0 };
    loop {
        let wanted = window.saturating_sub(buffer.len()).max(1);
        let n = (&mut file).take(wanted as u64).read_to_end(&mut buffer).ok()?;
        let at_end = n < wanted;
        if cursor.base == 0 && !plain_utf8_start(&buffer) {
            return None;
        }
        let cut = window_cut(&buffer, at_end, opts);
        if cut > 0 || at_end {
            let rest = buffer.split_off(cut);
            let lines = std::mem::replace(&mut buffer, rest);
            windows.push(Window {
                start: cursor.base,
                end: cursor.base + lines.len(),
                line: cursor.line,
                records: cursor.records,
            });
            cursor = Cursor {
                base: cursor.base + lines.len(),
                line: cursor.line + memchr::memchr_iter(b'\n', &lines).count(),
                records: cursor.records + records_in(&lines),
            };
        }
        if at_end && buffer.is_empty() {
            return Some(windows);
        }
    }
}

/// How many records (non-blank lines) `bytes` hold, counted as [`load_window`] counts them.
fn records_in(bytes: &[u8]) -> usize {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .filter(|line| match std::str::from_utf8(line) {
            Ok(text) => !text.trim().is_empty(),
            Err(_) => !line.iter().all(u8::is_ascii_whitespace),
        })
        .count()
}

/// Window `window` of the JSON Lines file shown as `display`, whose bytes are `bytes`:
/// what [`super::read_file`] hands over for it.
pub fn read_window(display: &str, bytes: Vec<u8>, window: Window, opts: &LoadOptions, each: &mut dyn FnMut(Loaded)) {
    let cursor = Cursor { base: window.start, line: window.line, records: window.records };
    load_window(display, bytes, cursor, Packing::Plain, opts, each);
}
