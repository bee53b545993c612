//! Writing files that other runs may be reading: the cache and shard indexes are written
//! beside their target and renamed over it, so a reader sees the old file or the new
//! one, never half of one. And telling whether a file changed since it was last read.

use std::path::Path;

/// Replaces `path` with `bytes` atomically; a temporary file left by a failed rename is
/// removed.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
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
