//! `-f concise`: one line per finding, `path:line:col: severity[rule] message`, the form
//! editors and `grep` understand.

use super::resolve;
use super::visible::escaped;
use crate::corpus::Corpus;
use crate::finding::Finding;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, corpus: &Corpus, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        let r = resolve(corpus, &f.place);
        let p = r.position;
        let record = if r.doc != r.path { format!(" ({})", escaped(r.doc)) } else { String::new() };
        // One finding, one line: a message quoting text, or a file name, never breaks the
        // line nor sends the terminal a control sequence.
        let message = escaped(&f.message);
        let path = escaped(r.path);
        writeln!(out, "{path}:{}:{}: {}[{}] {message}{record}", p.line, p.column, f.severity.as_str(), f.rule)?;
    }
    Ok(())
}
