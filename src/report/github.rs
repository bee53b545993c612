//! `-f github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), so
//! findings show up as annotations on the pull request, and a Markdown summary table for
//! the job page when `GITHUB_STEP_SUMMARY` names a file.

use super::resolve;
use crate::corpus::Corpus;
use crate::finding::{Finding, Severity};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Escapes a command's message (`%`, CR, LF).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command property, which also may not hold `:` or `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

pub fn write(out: &mut dyn Write, corpus: &Corpus, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        let r = resolve(corpus, &f.place);
        let p = r.position;
        let mut message = f.message.clone();
        if r.doc != r.path {
            message = format!("{message} ({})", r.doc);
        }
        if let Some(help) = &f.help {
            message = format!("{message}\n{help}");
        }
        writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(f.severity),
            escape_property(r.path),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            escape_property(&format!("factlint {}", f.rule)),
            escape_data(&message),
        )?;
    }
    Ok(())
}

/// A Markdown table of findings per rule and severity for the job summary page.
pub fn summary(findings: &[Finding], documents: usize) -> String {
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for f in findings {
        *counts.entry((f.rule, f.severity)).or_default() += 1;
    }
    let mut md = String::from("### factlint\n\n");
    if findings.is_empty() {
        md.push_str(&format!("No findings in {documents} documents.\n"));
        return md;
    }
    md.push_str(&format!("{} findings in {documents} documents.\n\n", findings.len()));
    md.push_str("| rule | severity | findings |\n| --- | --- | ---: |\n");
    for ((rule, severity), n) in counts {
        md.push_str(&format!("| `{rule}` | {} | {n} |\n", severity.as_str()));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_escape_what_would_end_them() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
