//! Writing files that other runs may be reading: the cache and shard indexes are written
//! beside their target and renamed over it, so a reader sees the old file or the new
//! one, never half of one.

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
