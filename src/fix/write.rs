//! Applying fixes to the user's files: each file's new bytes are made from the bytes on
//! disk now, only when every edit still finds the bytes it was planned on, and written
//! beside the file and renamed over it with the file's permissions, so a killed run
//! leaves the old file whole.

use super::ByteEdit;
use std::path::Path;

/// Why a file was not fixed.
#[derive(Debug, thiserror::Error)]
pub enum NotFixed {
    #[error("cannot read {path}: {source}")]
    Unreadable { path: String, source: std::io::Error },
    #[error("{path} changed while it was being checked; it was not fixed")]
    Changed { path: String },
    #[error("cannot write {path}: {source}")]
    Unwritable { path: String, source: std::io::Error },
}

/// The file's bytes now and with `edits` (sorted, not overlapping) applied.
pub fn contents(path: &str, edits: &[ByteEdit]) -> Result<(Vec<u8>, Vec<u8>), NotFixed> {
    let old = std::fs::read(path).map_err(|source| NotFixed::Unreadable { path: path.to_string(), source })?;
    let mut new = Vec::with_capacity(old.len());
    let mut at = 0;
    for e in edits {
        if old.get(e.range.clone()) != Some(e.old.as_bytes()) || e.range.start < at {
            return Err(NotFixed::Changed { path: path.to_string() });
        }
        new.extend_from_slice(&old[at..e.range.start]);
        new.extend_from_slice(e.new.as_bytes());
        at = e.range.end;
    }
    new.extend_from_slice(&old[at..]);
    Ok((old, new))
}

/// Replaces the file at `path` with `bytes`, keeping its permissions.
pub fn replace(path: &str, bytes: &[u8]) -> Result<(), NotFixed> {
    let unwritable = |source| NotFixed::Unwritable { path: path.to_string(), source };
    let permissions = std::fs::metadata(path).map_err(unwritable)?.permissions();
    crate::fsutil::replace_file_with(Path::new(path), bytes, Some(permissions)).map_err(unwritable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_only_to_the_bytes_they_were_planned_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "甲，，乙<br>丙\n").unwrap();
        let path = path.to_str().unwrap();
        let edits = [
            ByteEdit { range: 3..9, old: "，，".to_string(), new: "，".to_string() },
            ByteEdit { range: 12..16, old: "<br>".to_string(), new: String::new() },
        ];
        let (old, new) = contents(path, &edits).unwrap();
        assert_eq!(String::from_utf8(new.clone()).unwrap(), "甲，乙丙\n");
        replace(path, &new).unwrap();
        assert_eq!(std::fs::read(path).unwrap(), new);
        assert!(matches!(contents(path, &edits), Err(NotFixed::Changed { .. })), "the file moved on");
        assert_ne!(old, new);
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left");
    }
}
