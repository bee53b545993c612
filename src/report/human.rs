//! `-f human`: miette's graphical diagnostics. Each finding gets one source (the lines of
//! its document around the span, never the whole corpus file); findings that concern other
//! documents show them as related diagnostics, each with its own source. The rule id is
//! the diagnostic code.

use super::json::Summary;
use super::resolve;
use super::snippet::Snippet;
use super::visible::escaped;
use crate::corpus::Corpus;
use crate::finding::{counted, Finding, Place, Severity};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};
use std::fmt;
use std::io::{self, Write};

/// How to draw: colours only on a terminal; never terminal hyperlinks (CI logs show
/// them as escape codes).
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

struct Rendered {
    message: String,
    code: Option<&'static str>,
    severity: miette::Severity,
    help: Option<String>,
    label: Option<String>,
    source: Option<Snippet>,
    related: Vec<Rendered>,
}

impl fmt::Debug for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered {}

impl Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code.map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let s = self.source.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new_primary_with_span(self.label.clone(), s.span))))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

fn source(corpus: &Corpus, place: &Place) -> Option<Snippet> {
    let Place::Text { doc, span } = place else { return None };
    let d = &corpus.documents[*doc];
    // A record's name is `path#id`: it names the file and the record.
    Some(Snippet::new(escaped(&d.name).into_owned(), &d.file, d.map.span(span.clone())))
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn diagnostic(corpus: &Corpus, f: &Finding) -> Rendered {
    let here = resolve(corpus, &f.place);
    // Messages quote article text and name files: neither may drive the terminal.
    let message = match &f.place {
        // Nothing to draw for a file that could not be read: say where in the message.
        Place::File { .. } => {
            format!("{}:{}:{}: {}", escaped(here.path), here.position.line, here.position.column, escaped(&f.message))
        }
        Place::Text { .. } => escaped(&f.message).into_owned(),
    };
    let related = f
        .related
        .iter()
        .map(|r| Rendered {
            message: format!("related: {}", escaped(&r.message)),
            code: None,
            severity: miette::Severity::Advice,
            help: None,
            label: Some(escaped(&r.message).into_owned()),
            source: source(corpus, &r.place),
            related: Vec::new(),
        })
        .collect();
    Rendered {
        message,
        code: Some(f.rule),
        severity: severity(f.severity),
        help: f.help.as_deref().map(|h| escaped(h).into_owned()),
        label: None,
        source: source(corpus, &f.place),
        related,
    }
}

pub fn write(out: &mut dyn Write, corpus: &Corpus, findings: &[Finding], style: Style) -> io::Result<()> {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_links(false).with_width(style.width);
    let mut text = String::new();
    for f in findings {
        text.clear();
        handler.render_report(&mut text, &diagnostic(corpus, f)).map_err(io::Error::other)?;
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The closing line of human output.
pub fn summary(out: &mut dyn Write, findings: &[Finding], summary: Summary) -> std::io::Result<()> {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    if findings.is_empty() {
        return writeln!(out, "No findings in {} documents ({} claims).", summary.documents, summary.claims);
    }
    writeln!(
        out,
        "Found {} ({}, {}, {} info) in {} ({} claims).",
        counted(findings.len(), "finding", "findings"),
        counted(count(Severity::Error), "error", "errors"),
        counted(count(Severity::Warning), "warning", "warnings"),
        count(Severity::Info),
        counted(summary.documents, "document", "documents"),
        summary.claims
    )
}
