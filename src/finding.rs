//! Findings: what a rule reports, as plain data. Rendering lives in `report/`.

use serde::{Deserialize, Serialize};
use std::ops::Range;

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
