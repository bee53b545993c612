//! Rendering input errors (`unreadable-input`) on stderr.

use super::visible::escaped;
use crate::source::LoadError;
use std::io::{self, Write};

/// `path:line:col: error[unreadable-input]: message`
pub fn concise(out: &mut dyn Write, errors: &[LoadError]) -> io::Result<()> {
    for e in errors {
        let doc = e.doc.as_deref().map(|d| format!(" ({})", escaped(d))).unwrap_or_default();
        let (path, message) = (escaped(&e.path), escaped(&e.message));
        writeln!(out, "{path}:{}:{}: error[unreadable-input]: {message}{doc}", e.line, e.column)?;
    }
    Ok(())
}
