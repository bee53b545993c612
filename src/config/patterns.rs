//! Compiling `[[pattern]]` tables into pattern rules, and checking each pattern against
//! its own `fail`/`pass` examples.

use super::error::ConfigError;
use super::file::PatternSpec;
use super::parse_severity;
use crate::rules::pattern::{Literals, Matcher, PatternKind, PatternRule};
use regex::Regex;
use std::path::Path;

fn kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Compiles one pattern of the file `path` (text `text`); `taken` holds the ids in use.
pub fn compile(path: &Path, text: &str, spec: &PatternSpec, taken: &[String]) -> Result<PatternRule, ConfigError> {
    let err = |span: std::ops::Range<usize>, message: String, label: &str| {
        ConfigError::at(path, text, Some(span), message, label)
    };
    let id = spec.id.get_ref();
    if !kebab_case(id) {
        return Err(err(spec.id.span(), format!("pattern id `{id}` is not kebab-case"), "rename this")
            .with_help("ids are lowercase words joined by `-`, like `prefer-yuan`"));
    }
    if taken.iter().any(|t| t == id) {
        return Err(err(spec.id.span(), format!("rule id `{id}` is already taken"), "choose another id"));
    }
    let kind = match spec.kind.get_ref().as_str() {
        "existence" => PatternKind::Existence,
        "substitution" => PatternKind::Substitution,
        other => {
            return Err(err(spec.kind.span(), format!("unknown pattern kind `{other}`"), "here")
                .with_help("kind is `existence` or `substitution`"))
        }
    };
    let (severity, off) = match &spec.severity {
        Some(s) => match parse_severity(path, text, s)? {
            Some(severity) => (severity, false),
            None => (crate::finding::Severity::Warning, true),
        },
        None => (crate::finding::Severity::Warning, false),
    };
    let mut matchers = Vec::new();
    let mut literals: Vec<(String, Option<String>)> = Vec::new();
    match kind {
        PatternKind::Existence => {
            literals.extend(spec.tokens.iter().map(|t| (t.get_ref().clone(), None)));
            for r in &spec.regex {
                let regex = Regex::new(r.get_ref())
                    .map_err(|e| err(r.span(), "invalid regular expression".to_string(), &last_line(&e.to_string())))?;
                matchers.push(Matcher { regex, preferred: None });
            }
            if spec.swap.is_some() {
                let span = spec.swap.as_ref().map(|s| s.span()).unwrap_or_default();
                return Err(err(span, "`swap` belongs to substitution patterns".into(), "remove this"));
            }
        }
        PatternKind::Substitution => {
            let Some(swap) = &spec.swap else {
                return Err(err(spec.kind.span(), "a substitution pattern needs a `swap` table".into(), "here"));
            };
            for (avoid, prefer) in swap.get_ref() {
                let Some(prefer) = prefer.as_str() else {
                    return Err(err(swap.span(), format!("`{avoid}` must map to a string"), "in this table"));
                };
                literals.push((avoid.clone(), Some(prefer.to_string())));
            }
            if let Some(t) = spec.tokens.first().or(spec.regex.first()) {
                return Err(err(t.span(), "substitution patterns take a `swap` table, not tokens".into(), "here"));
            }
        }
    }
    if matchers.is_empty() && literals.is_empty() {
        return Err(err(spec.id.span(), format!("pattern `{id}` looks for nothing"), "this pattern")
            .with_help("give it `tokens`, `regex` or a `swap` table"));
    }
    let mut description = format!("A pattern rule from {} ({}).", path.display(), spec.kind.get_ref());
    if let Some(m) = &spec.message {
        description.push_str(&format!("\n\nMessage: {m}"));
    }
    for (label, examples) in [("Flags", &spec.fail), ("Leaves alone", &spec.pass)] {
        for e in examples {
            description.push_str(&format!("\n{label}: {}", e.get_ref()));
        }
    }
    let rule = PatternRule {
        id: Box::leak(id.clone().into_boxed_str()),
        severity,
        off,
        kind,
        message: spec.message.clone(),
        literals: Literals::new(literals),
        matchers,
        description,
    };
    for example in &spec.fail {
        if rule.matches(example.get_ref()).is_empty() {
            return Err(err(example.span(), format!("pattern `{id}` does not flag its `fail` example"), "not flagged"));
        }
    }
    for example in &spec.pass {
        if let Some(m) = rule.matches(example.get_ref()).first() {
            let found = &example.get_ref()[m.span.clone()];
            return Err(err(
                example.span(),
                format!("pattern `{id}` flags its `pass` example"),
                &format!("flags `{found}`"),
            ));
        }
    }
    Ok(rule)
}

fn last_line(s: &str) -> String {
    s.lines().last().unwrap_or(s).trim().to_string()
}
