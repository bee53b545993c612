//! Rendering input errors (`unreadable-input`) on stderr.

use crate::source::LoadError;
use std::io::{self, Write};

/// `path:line:col: error[unreadable-input]: message`
pub fn concise(out: &mut dyn Write, errors: &[LoadError]) -> io::Result<()> {
    for e in errors {
        let doc = e.doc.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
        writeln!(out, "{}:{}:{}: error[unreadable-input]: {}{doc}", e.path, e.line, e.column, e.message)?;
    }
    Ok(())
}
