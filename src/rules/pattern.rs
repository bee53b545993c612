//! User pattern rules from `factlint.toml` (`[[pattern]]` tables or pattern files):
//! house style and known-bad phrases, with no Rust to write.
//!
//! Two kinds. `existence` flags any of its `tokens` (literal phrases) or `regex`
//! (regular expressions); `substitution` flags each key of its `swap` table and names the
//! term to use instead. Each pattern carries `fail` examples it must flag and `pass`
//! examples it must leave alone; they are checked when the configuration is read, so a
//! pattern that does not do what its examples say is a configuration error.
//!
//! Chinese: `swap = { "人民币元" = "元" }` flags 投资1.4万亿人民币元 and asks for 元.
//! English: `kind = "existence"`, `tokens = ["click here"]` flags "Click here to subscribe"
//! when `regex = ["(?i)click here"]` is used for case-insensitivity.

use super::Rule;
use crate::finding::{fingerprint, Finding, Place, Severity};
use crate::source::Document;
use regex::Regex;
use std::ops::Range;

/// What a pattern does with a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatternKind {
    Existence,
    Substitution,
}

/// One thing a pattern looks for, and for substitutions what to write instead.
#[derive(Clone, Debug)]
pub struct Matcher {
    pub regex: Regex,
    pub preferred: Option<String>,
}

/// A compiled user pattern rule.
#[derive(Clone, Debug)]
pub struct PatternRule {
    /// Lives for the whole run: rule ids are `&'static str` like the built-in ones.
    pub id: &'static str,
    pub severity: Severity,
    pub kind: PatternKind,
    pub message: Option<String>,
    pub matchers: Vec<Matcher>,
    /// The explanation `factlint explain` prints.
    pub description: String,
}

/// One match of a pattern in a text.
pub struct PatternMatch {
    pub span: Range<usize>,
    pub message: String,
}

impl PatternRule {
    /// The one-line summary `factlint rules` and SARIF show: the message, or a generic line.
    pub fn summary(&self) -> &str {
        self.message.as_deref().unwrap_or("a user pattern rule")
    }

    /// Every match in `text`, in order, overlapping matches of later matchers dropped.
    pub fn matches(&self, text: &str) -> Vec<PatternMatch> {
        let mut found: Vec<(Range<usize>, &Matcher)> = Vec::new();
        for m in &self.matchers {
            for hit in m.regex.find_iter(text) {
                if hit.is_empty() || found.iter().any(|(r, _)| r.start < hit.end() && hit.start() < r.end) {
                    continue;
                }
                found.push((hit.range(), m));
            }
        }
        found.sort_by_key(|(r, _)| r.start);
        found
            .into_iter()
            .map(|(span, m)| {
                let text_found = &text[span.clone()];
                let preferred = m.preferred.as_deref().unwrap_or("");
                let message = match (&self.message, self.kind) {
                    (Some(t), _) => t.replace("{found}", text_found).replace("{preferred}", preferred),
                    (None, PatternKind::Existence) => format!("`{text_found}` is flagged by `{}`", self.id),
                    (None, PatternKind::Substitution) => format!("use `{preferred}` instead of `{text_found}`"),
                };
                PatternMatch { span, message }
            })
            .collect()
    }
}

impl Rule for PatternRule {
    fn id(&self) -> &'static str {
        self.id
    }

    fn check_document(&self, doc: usize, document: &Document) -> Vec<Finding> {
        self.matches(&document.text)
            .into_iter()
            .map(|m| Finding {
                rule: self.id,
                severity: self.severity,
                fingerprint: fingerprint(&[self.id, &document.name, &document.text[m.span.clone()]]),
                help: None,
                message: m.message,
                place: Place::Text { doc, span: m.span },
                related: Vec::new(),
            })
            .collect()
    }
}
