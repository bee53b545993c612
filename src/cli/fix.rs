//! `check --diff` and `check --fix`: the safe fixes shown as a diff, or written to the
//! files (see [`crate::fix`]).

use super::{to_stdout, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::finding::counted;
use crate::fix::{write, Fixes};

/// Prints what `--fix` would write; exit 1 when it would write anything.
pub fn diff(fixes: &Fixes) -> u8 {
    let mut failed = false;
    let code = to_stdout(|out| {
        for (path, edits) in &fixes.files {
            match write::contents(path, edits) {
                Ok((old, new)) => crate::report::diff::write(out, path, &old, &new)?,
                Err(e) => {
                    eprintln!("factlint: {e}");
                    failed = true;
                }
            }
        }
        Ok(())
    });
    if !super::quiet() {
        eprintln!("factlint: {} would be fixed by --fix", counted(fixes.fixed.len(), "finding", "findings"));
    }
    match code {
        EXIT_CLEAN if failed => EXIT_ERROR,
        EXIT_CLEAN if !fixes.files.is_empty() => EXIT_FINDINGS,
        code => code,
    }
}

/// Writes the fixes; the number of findings fixed, or exit 2 when a file could not be
/// fixed (the others are).
pub fn apply(fixes: &Fixes) -> Result<usize, u8> {
    let mut written = Vec::new();
    let mut failed = false;
    for (path, edits) in &fixes.files {
        match write::contents(path, edits).and_then(|(_, new)| write::replace(path, &new)) {
            Ok(()) => written.push(path),
            Err(e) => {
                eprintln!("factlint: {e}");
                failed = true;
            }
        }
    }
    let fixed = fixes.fixed.values().filter(|p| written.contains(p)).count();
    if !super::quiet() {
        let findings = counted(fixed, "finding", "findings");
        eprintln!("factlint: fixed {findings} in {}", counted(written.len(), "file", "files"));
    }
    if failed {
        Err(EXIT_ERROR)
    } else {
        Ok(fixed)
    }
}
