//! Writing files that other runs may be reading, or that a user keeps: the cache, shard
//! indexes, baselines and reports are written beside their target and renamed over it, so
//! a reader sees the old file or the new one, never half of one. And telling whether a
//! file changed since it was last read.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Replaces `path` with `bytes` atomically; the temporary file is removed on every
/// failure (a full disk included), so the old file stays whole and nothing is left over.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_file_with(path, bytes, None)
}

/// [`replace_file`], the new file getting `permissions` (a user's file keeps its mode).
pub fn replace_file_with(path: &Path, bytes: &[u8], permissions: Option<std::fs::Permissions>) -> std::io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    if let Some(p) = permissions {
        std::fs::set_permissions(&file.temporary, p)?;
    }
    file.commit()
}

/// A file written beside its target under a temporary name and renamed over it when
/// complete. Dropped without [`AtomicFile::commit`] (an error, a panic), it is removed and
/// the target keeps its old contents.
pub struct AtomicFile {
    target: PathBuf,
    temporary: PathBuf,
    writer: Option<std::io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    pub fn create(target: &Path) -> std::io::Result<AtomicFile> {
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // The whole name is kept, so `report.json` and `report.sarif` never share one.
        let temporary = target.with_file_name(format!(".{name}.factlint-{}.tmp", std::process::id()));
        let file = std::fs::File::create(&temporary)?;
        Ok(AtomicFile { target: target.to_path_buf(), temporary, writer: Some(std::io::BufWriter::new(file)) })
    }

    /// Flushes the contents to disk and renames the file over its target.
    pub fn commit(mut self) -> std::io::Result<()> {
        let writer = self.writer.take().expect("an atomic file is committed once");
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&self.temporary, &self.target)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer.as_mut().expect("an uncommitted atomic file").write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer.as_mut().expect("an uncommitted atomic file").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // After a successful commit the temporary name no longer exists.
        self.writer = None;
        let _ = std::fs::remove_file(&self.temporary);
    }
}

/// Why sealed bytes were refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Unsealed {
    /// The header is not the expected one: another kind of file, or another format.
    NotOurs,
    /// The length or the checksum does not match: truncated, extended or damaged.
    Damaged,
}

/// `payload` behind a header: `magic`, the payload's length and its CRC-32. A state file
/// (cache, snapshot, index) read back is used only when all three match, so a damaged
/// byte, a cut or trailing garbage is never taken for data.
pub fn seal(magic: &[u8; 8], payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 20);
    out.extend_from_slice(magic);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of bytes [`seal`]ed with `magic`.
pub fn unseal<'a>(magic: &[u8; 8], bytes: &'a [u8]) -> Result<&'a [u8], Unsealed> {
    let rest = bytes.strip_prefix(magic.as_slice()).ok_or(Unsealed::NotOurs)?;
    if rest.len() < 12 {
        return Err(Unsealed::Damaged);
    }
    let (len, rest) = rest.split_at(8);
    let (crc, payload) = rest.split_at(4);
    let len = u64::from_le_bytes(len.try_into().expect("8 bytes"));
    let crc = u32::from_le_bytes(crc.try_into().expect("4 bytes"));
    if payload.len() as u64 != len || crc32fast::hash(payload) != crc {
        return Err(Unsealed::Damaged);
    }
    Ok(payload)
}

/// What a file's metadata says of its contents: its length and when it was last modified
/// (and, on Unix, its inode and status change time). A file whose stamp is unchanged is
/// taken to be unchanged, as git and make take it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub modified_nanos: u128,
    pub inode: u64,
    pub changed_nanos: i128,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        let modified_nanos =
            meta.modified().ok().and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
        #[cfg(unix)]
        let (inode, changed_nanos) = {
            use std::os::unix::fs::MetadataExt;
            (meta.ino(), i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let (inode, changed_nanos) = (0, 0);
        Stamp { len: meta.len(), modified_nanos, inode, changed_nanos }
    }

    /// Whether the file was modified within `window` of `now`: it may change again
    /// within the same clock tick without its stamp showing it, so it is not trusted.
    pub fn is_recent(&self, now: std::time::SystemTime, window: std::time::Duration) -> bool {
        let now = now.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        self.modified_nanos + window.as_nanos() >= now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_uncommitted_file_leaves_the_target_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.sarif");
        std::fs::write(&target, "old").unwrap();
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"half of a new").unwrap();
        drop(file);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "the temporary file is gone");
        replace_file(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn every_damaged_byte_of_a_sealed_file_is_refused() {
        let sealed = seal(b"FLTEST01", b"claims and findings");
        assert_eq!(unseal(b"FLTEST01", &sealed), Ok(&b"claims and findings"[..]));
        assert_eq!(unseal(b"FLOTHER1", &sealed), Err(Unsealed::NotOurs));
        for i in 0..sealed.len() {
            for delta in [1u8, 0x80] {
                let mut bad = sealed.clone();
                bad[i] = bad[i].wrapping_add(delta);
                assert!(unseal(b"FLTEST01", &bad).is_err(), "byte {i} + {delta} went unnoticed");
            }
        }
        let mut longer = sealed.clone();
        longer.push(0);
        assert_eq!(unseal(b"FLTEST01", &longer), Err(Unsealed::Damaged));
        assert_eq!(unseal(b"FLTEST01", &sealed[..sealed.len() - 1]), Err(Unsealed::Damaged));
    }
}
