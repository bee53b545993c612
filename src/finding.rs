//! Findings: what a rule reports, as plain data. Rendering lives in `report/`.

use crate::source::Document;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// `n` and the word that goes with it: "1 finding", "3 findings", in messages about them.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How serious a finding is; ordered so that `Error > Warning > Info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Where a finding points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A span of a document's plain text (index into the corpus's documents).
    Text { doc: usize, span: Range<usize> },
    /// A position in a file that could not be read into documents.
    File { path: String, doc: Option<String>, offset: usize, line: usize, column: usize },
}

/// Another place a finding relates to, with what it says there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub place: Place,
    pub message: String,
}

/// One problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub place: Place,
    pub related: Vec<Related>,
    /// Identifies the finding by content (rule, document, what was found), not position.
    pub fingerprint: String,
}

/// A stable hash of the parts that identify a finding (FNV-1a, 64 bits, hex).
pub fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// A per-document finding as stored away from its corpus (shard indexes, the cache):
/// its places are spans of the one document it was found in.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DocumentFinding {
    rule: String,
    severity: Severity,
    message: String,
    help: Option<String>,
    span: Range<usize>,
    related: Vec<(Range<usize>, String)>,
    fingerprint: String,
}

impl DocumentFinding {
    /// Per-document rules only point into the document they check.
    pub fn of(f: Finding) -> DocumentFinding {
        let span = |p: Place| match p {
            Place::Text { span, .. } => span,
            Place::File { offset, .. } => offset..offset,
        };
        DocumentFinding {
            rule: f.rule.to_string(),
            severity: f.severity,
            message: f.message,
            help: f.help,
            span: span(f.place),
            related: f.related.into_iter().map(|r| (span(r.place), r.message)).collect(),
            fingerprint: f.fingerprint,
        }
    }

    /// Whether every span lies inside `text` on character boundaries (a finding read back
    /// from a cache or an index is checked before it is used).
    pub fn fits(&self, text: &str) -> bool {
        std::iter::once(&self.span).chain(self.related.iter().map(|(s, _)| s)).all(|s| {
            s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        })
    }

    /// The finding in document `doc`; `None` for a rule not among `rule_ids`.
    pub fn restore(&self, doc: usize, rule_ids: &[&'static str]) -> Option<Finding> {
        let rule = rule_ids.iter().copied().find(|id| *id == self.rule)?;
        Some(Finding {
            rule,
            severity: self.severity,
            message: self.message.clone(),
            help: self.help.clone(),
            place: Place::Text { doc, span: self.span.clone() },
            related: self
                .related
                .iter()
                .map(|(span, message)| Related {
                    place: Place::Text { doc, span: span.clone() },
                    message: message.clone(),
                })
                .collect(),
            fingerprint: self.fingerprint.clone(),
        })
    }
}

/// A repair a rule proposes for its finding: plain data, planned and written by
/// [`crate::fix`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
    /// The edit deletes an exact copy of text kept elsewhere in the document: the figures
    /// inside it stay stated there.
    pub drops_copy: bool,
}

impl Edit {
    pub fn new(span: Range<usize>, replacement: String) -> Edit {
        Edit { span, replacement, drops_copy: false }
    }

    /// Deletes the paragraph at `para` with the break before it (after it, for the first
    /// paragraph), so no blank lines pile up where it was.
    pub fn removing_paragraph(document: &Document, para: Range<usize>) -> Edit {
        let paragraphs = &document.paragraphs;
        let at = paragraphs.iter().position(|p| *p == para);
        let span = match at {
            Some(i) if i > 0 => paragraphs[i - 1].end..para.end,
            Some(i) if i + 1 < paragraphs.len() => para.start..paragraphs[i + 1].start,
            _ => para,
        };
        Edit::new(span, String::new())
    }

    /// Marks the edit as deleting a copy (see [`Edit::drops_copy`]).
    pub fn of_a_copy(mut self) -> Edit {
        self.drops_copy = true;
        self
    }
}
