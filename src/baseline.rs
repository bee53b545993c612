//! Baselines: the findings a team has accepted, so that CI fails only on new ones.
//! A baseline records each finding's rule, document and content fingerprint (never a
//! line number), so edits elsewhere in a file do not bring a baselined finding back.

use crate::finding::Finding;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Serialize, Deserialize, Debug, PartialEq, Eq, Clone)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    pub doc: String,
    pub fingerprint: String,
    /// How many findings share this fingerprint (the same phrase twice in a document).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

#[derive(Serialize, Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
    /// CRC-32 of the findings as written: a damaged or hand-edited baseline is refused
    /// rather than silently accepting other findings. Baselines written before it have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
}

/// The baseline layout this factlint reads and writes.
const VERSION: u32 = 1;

fn checksum(findings: &[Entry]) -> String {
    let canonical = serde_json::to_string(findings).expect("entries serialize");
    format!("{:08x}", crc32fast::hash(canonical.as_bytes()))
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum BaselineError {
    #[error("cannot read baseline {path}: {reason}")]
    #[diagnostic(code(baseline))]
    Read { path: String, reason: String },
    #[error("cannot write baseline {path}: {reason}")]
    #[diagnostic(code(baseline))]
    Write { path: String, reason: String },
}

impl Baseline {
    /// A baseline accepting every finding given; `doc_of` names a finding's document.
    pub fn of(findings: &[Finding], doc_of: impl Fn(&Finding) -> String) -> Baseline {
        let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
        for f in findings {
            *counts.entry((f.rule.to_string(), doc_of(f), f.fingerprint.clone())).or_default() += 1;
        }
        let findings: Vec<Entry> = counts
            .into_iter()
            .map(|((rule, doc, fingerprint), count)| Entry { rule, doc, fingerprint, count })
            .collect();
        let checksum = Some(checksum(&findings));
        Baseline { version: VERSION, findings, checksum }
    }

    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let err = |reason: String| BaselineError::Read { path: path.display().to_string(), reason };
        let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| err(e.to_string()))?;
        if baseline.version != VERSION {
            return Err(err(format!(
                "it has version {}, and this factlint reads version {VERSION}; write it again with --write-baseline",
                baseline.version
            )));
        }
        if baseline.checksum.as_ref().is_some_and(|c| *c != checksum(&baseline.findings)) {
            return Err(err(
                "its checksum does not match its findings (damaged or edited by hand); write it again with --write-baseline"
                    .to_string(),
            ));
        }
        Ok(baseline)
    }

    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let err = |reason: String| BaselineError::Write { path: path.display().to_string(), reason };
        let mut text = serde_json::to_string_pretty(self).map_err(|e| err(e.to_string()))?;
        text.push('\n');
        crate::fsutil::replace_file(path, text.as_bytes()).map_err(|e| err(e.to_string()))
    }

    /// Drops the findings the baseline accepts; returns how many were dropped.
    pub fn filter(&self, findings: &mut Vec<Finding>) -> usize {
        let mut left: BTreeMap<(String, String), usize> =
            self.findings.iter().map(|e| ((e.rule.clone(), e.fingerprint.clone()), e.count)).collect();
        let before = findings.len();
        findings.retain(|f| match left.get_mut(&(f.rule.to_string(), f.fingerprint.clone())) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        });
        before - findings.len()
    }
}
