//! `check --diff`: what `--fix` would write, as a unified diff per file (`--- a/PATH`,
//! `+++ b/PATH`, as `git apply` takes it).

use std::io::{self, Write};

/// Writes the diff of one file's bytes before and after its fixes. Bytes that are not
/// UTF-8 are shown replaced, which the fixes never touch (such files get none).
pub fn write(out: &mut dyn Write, path: &str, old: &[u8], new: &[u8]) -> io::Result<()> {
    let (old, new) = (String::from_utf8_lossy(old), String::from_utf8_lossy(new));
    let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
    let mut unified = diff.unified_diff();
    let text = unified.context_radius(3).header(&format!("a/{path}"), &format!("b/{path}")).to_string();
    out.write_all(text.as_bytes())
}
