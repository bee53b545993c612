//! Inline suppression comments in Markdown and HTML:
//! `<!-- factlint-disable RULE[, RULE…] -->` … `<!-- factlint-enable [RULE…] -->`.
//! Without rule ids a comment disables (or re-enables) every rule. A region runs from the
//! disabling comment to the matching enable comment, or to the end of the document.

use crate::finding::{Finding, Place};
use crate::source::Document;
use std::ops::Range;

/// A stretch of a document's file text where some rules are off: those in `rules`, or
/// when it is empty every rule but those in `except`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub span: Range<usize>,
    pub rules: Vec<String>,
    pub except: Vec<String>,
}

impl Region {
    fn covers(&self, rule: &str, offset: usize) -> bool {
        let named = |list: &[String]| list.iter().any(|r| r == rule);
        self.span.contains(&offset) && if self.rules.is_empty() { !named(&self.except) } else { named(&self.rules) }
    }
}

enum Directive {
    Disable(Vec<String>),
    Enable(Vec<String>),
}

fn directive(comment: &str) -> Option<Directive> {
    let body = comment.trim();
    let (word, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let rules: Vec<String> =
        rest.split([',', ' ', '\t', '\n']).map(str::trim).filter(|r| !r.is_empty()).map(String::from).collect();
    match word {
        "factlint-disable" => Some(Directive::Disable(rules)),
        "factlint-enable" => Some(Directive::Enable(rules)),
        _ => None,
    }
}

/// The suppressed regions of a document, from its markup comments.
pub fn regions(document: &Document) -> Vec<Region> {
    let end = document.region.end;
    let mut open: Vec<Region> = Vec::new();
    let mut out = Vec::new();
    for (span, text) in &document.comments {
        match directive(text) {
            Some(Directive::Disable(rules)) => open.push(Region { span: span.end..end, rules, except: Vec::new() }),
            Some(Directive::Enable(enabled)) => {
                let mut still_open = Vec::new();
                for mut region in open.drain(..) {
                    let mut closed = region.clone();
                    closed.span.end = span.start;
                    out.push(closed);
                    if enabled.is_empty() {
                        continue;
                    }
                    // Re-enabling some rules: the rest stay off from here on.
                    region.span.start = span.end;
                    if region.rules.is_empty() {
                        region.except.extend(enabled.iter().cloned());
                        still_open.push(region);
                    } else {
                        region.rules.retain(|r| !enabled.contains(r));
                        if !region.rules.is_empty() {
                            still_open.push(region);
                        }
                    }
                }
                open = still_open;
            }
            None => {}
        }
    }
    out.extend(open);
    out
}

/// Drops the findings that fall in a suppressed region of their document.
pub fn apply(documents: &[Document], findings: &mut Vec<Finding>) {
    let mut cache: Vec<Option<Vec<Region>>> = vec![None; documents.len()];
    findings.retain(|f| {
        let Place::Text { doc, span } = &f.place else { return true };
        let d = &documents[*doc];
        if d.comments.is_empty() {
            return true;
        }
        let regions = cache[*doc].get_or_insert_with(|| regions(d));
        let at = d.map.span(span.clone()).start;
        !regions.iter().any(|r| r.covers(f.rule, at))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{load_bytes, Format, LoadOptions};

    fn doc(text: &str) -> Document {
        load_bytes("a.md", text.as_bytes(), Format::Markdown, &LoadOptions::default()).documents.remove(0)
    }

    fn covered(d: &Document, rule: &str, needle: &str) -> bool {
        let at = d.file.text.find(needle).unwrap();
        regions(d).iter().any(|r| r.covers(rule, at))
    }

    #[test]
    fn disable_and_enable_bound_a_region() {
        let d = doc("甲段。\n\n<!-- factlint-disable boilerplate -->\n乙段。\n<!-- factlint-enable -->\n丙段。\n");
        assert!(!covered(&d, "boilerplate", "甲"));
        assert!(covered(&d, "boilerplate", "乙"));
        assert!(!covered(&d, "markup-residue", "乙"), "only the named rule is off");
        assert!(!covered(&d, "boilerplate", "丙"));
    }

    #[test]
    fn a_bare_disable_runs_to_the_end_and_enable_rule_carves_one_out() {
        let d = doc("<!-- factlint-disable -->\n甲。\n<!-- factlint-enable boilerplate -->\n乙。\n");
        assert!(covered(&d, "boilerplate", "甲"));
        assert!(covered(&d, "markup-residue", "乙"));
        assert!(!covered(&d, "boilerplate", "乙"));
    }

    #[test]
    fn other_comments_do_nothing() {
        let d = doc("<!-- more -->\n甲段。\n");
        assert!(regions(&d).is_empty());
    }
}
