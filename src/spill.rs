//! An append-only run of bytes that a check keeps per document for its corpus stage
//! (packed claims, near-copy sketches) and reads back by position: once more than a
//! threshold is held, the held bytes go to an unnamed temporary file, so that what stays
//! in memory does not grow with the corpus. Nothing is written while the bytes stay under
//! the threshold; when no temporary file can be made or written, the bytes stay in
//! memory: slower to fit, never lost.

use std::fs::File;
use std::ops::Range;

/// Bytes held before they are written out: big writes, a bounded buffer.
pub const SPILL_BYTES: usize = 16 << 20;

#[derive(Debug)]
pub struct Spill {
    /// Bytes from `written` on, not yet written out.
    tail: Vec<u8>,
    /// The file the first `written` bytes are in; `None` while nothing is written out.
    file: Option<File>,
    written: u64,
    /// Held bytes past which the tail is written out (`usize::MAX`: never).
    limit: usize,
    /// What the bytes are, for the warnings.
    what: &'static str,
}

impl Spill {
    /// A run of bytes (`what`, for warnings) written out whenever more than `limit` are held.
    pub fn new(limit: usize, what: &'static str) -> Spill {
        Spill { tail: Vec::new(), file: None, written: 0, limit, what }
    }

    /// Bytes appended so far, written out or held.
    pub fn len(&self) -> u64 {
        self.written + self.tail.len() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether some bytes are in the file.
    #[cfg(test)]
    pub fn spilled(&self) -> bool {
        self.written > 0
    }

    /// The held bytes, to append to; [`Spill::close`] after a whole record.
    pub fn tail(&mut self) -> &mut Vec<u8> {
        &mut self.tail
    }

    /// Ends a record: the held bytes are written out if they are past the limit. Records
    /// are never cut, so that each is read back from one place.
    pub fn close(&mut self) {
        if self.tail.len() > self.limit {
            self.write_out();
        }
    }

    /// Moves the held bytes to the file, making it first; on failure they stay held, and
    /// everything is held from then on.
    fn write_out(&mut self) {
        use std::io::Write;
        if self.file.is_none() {
            match tempfile::tempfile() {
                Ok(file) => self.file = Some(file),
                Err(e) => {
                    log::warn!("cannot make a temporary file for {} ({e}); they are kept in memory", self.what);
                    self.limit = usize::MAX;
                    return;
                }
            }
        }
        let Some(file) = &mut self.file else { return };
        // A failed write may have written part: the file is read only up to `written`.
        match file.write_all(&self.tail) {
            Ok(()) => {
                self.written += self.tail.len() as u64;
                self.tail = Vec::new();
            }
            Err(e) => {
                log::warn!("cannot write {} to a temporary file ({e}); they are kept in memory", self.what);
                self.limit = usize::MAX;
            }
        }
    }

    /// Bytes `range` into `out`, which is cleared first; false (and a warning) when they
    /// cannot be read back.
    pub fn read(&self, range: Range<u64>, out: &mut Vec<u8>) -> bool {
        out.clear();
        let on_disk = range.start.min(self.written)..range.end.min(self.written);
        if !on_disk.is_empty() {
            out.resize((on_disk.end - on_disk.start) as usize, 0);
            if let Err(e) =
                self.file.as_ref().map_or(Err(std::io::ErrorKind::NotFound.into()), |f| read_at(f, out, on_disk.start))
            {
                log::warn!("cannot read {} back from their temporary file: {e}", self.what);
                out.clear();
                return false;
            }
        }
        let held = |b: u64| (b.max(self.written) - self.written) as usize;
        out.extend_from_slice(&self.tail[held(range.start)..held(range.end)]);
        true
    }
}

#[cfg(unix)]
fn read_at(file: &File, bytes: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

#[cfg(windows)]
fn read_at(file: &File, mut bytes: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !bytes.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, bytes, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                bytes = &mut bytes[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_read_back_wherever_they_are() {
        for limit in [0, 5, 12, usize::MAX] {
            let mut spill = Spill::new(limit, "test records");
            let mut ends = vec![0];
            for r in 0..20u8 {
                spill.tail().extend(std::iter::repeat_n(r, usize::from(r % 4)));
                spill.close();
                ends.push(spill.len());
            }
            assert_eq!(spill.spilled(), limit < usize::MAX, "limit {limit}");
            let mut out = Vec::new();
            for r in 0..20u8 {
                assert!(spill.read(ends[usize::from(r)]..ends[usize::from(r) + 1], &mut out));
                assert_eq!(out, vec![r; usize::from(r % 4)], "limit {limit}, record {r}");
            }
            // Ranges of many records, across the end of the file too.
            let all: Vec<u8> = (0..20u8).flat_map(|r| vec![r; usize::from(r % 4)]).collect();
            for (from, to) in [(0, 20), (3, 17), (19, 20)] {
                assert!(spill.read(ends[from]..ends[to], &mut out));
                assert_eq!(out, all[ends[from] as usize..ends[to] as usize], "limit {limit}, {from}..{to}");
            }
        }
    }
}
