//! Inline suppression: `factlint-disable RULE[, RULE…]` … `factlint-enable [RULE…]`, and
//! `factlint-disable-next-line RULE…`, written as comments in Markdown and HTML
//! (`<!-- factlint-disable boilerplate -->`), as lines of their own in plain text, and as a
//! `factlint_disable` field or column of a JSONL or CSV record (the whole record).
//! Without rule ids (or with `all`) a directive disables (or re-enables) every rule. A
//! region runs from the disabling directive to the matching enable, or to the end of the
//! document; a next-line directive covers the next line that is not blank.

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
    DisableNextLine(Vec<String>),
}

/// The rule ids a directive names (`all` stands for every rule, as no id does).
fn named_rules(rest: &str) -> Vec<String> {
    let ids = rest.split([',', ' ', '\t', '\n']).map(str::trim).filter(|r| !r.is_empty());
    let ids: Vec<String> = ids.map(String::from).collect();
    if ids.iter().any(|r| r == "all") {
        Vec::new()
    } else {
        ids
    }
}

fn directive(comment: &str) -> Option<Directive> {
    let body = comment.trim();
    let (word, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let rules = named_rules(rest);
    match word {
        "factlint-disable" => Some(Directive::Disable(rules)),
        "factlint-enable" => Some(Directive::Enable(rules)),
        "factlint-disable-next-line" => Some(Directive::DisableNextLine(rules)),
        _ => None,
    }
}

/// The span of the first line after the one holding `after` that is not blank.
fn next_line(text: &str, after: usize, end: usize) -> Range<usize> {
    let mut start = text[after..end].find('\n').map_or(end, |i| after + i + 1);
    for line in text[start..end].split_inclusive('\n') {
        if !line.trim().is_empty() {
            return start..start + line.trim_end_matches(['\n', '\r']).len();
        }
        start += line.len();
    }
    end..end
}

/// Rule ids the directives of a document name that `known` does not hold, each with the
/// file offset of its directive (what `check` warns about: a typo silences nothing).
pub fn unknown_rules(document: &Document, known: &[String]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (span, text) in &document.comments {
        let named = match directive(text) {
            Some(Directive::Disable(r) | Directive::Enable(r) | Directive::DisableNextLine(r)) => r,
            None => continue,
        };
        out.extend(named.into_iter().filter(|id| !known.contains(id)).map(|id| (span.start, id)));
    }
    out
}

/// The suppressed regions of a document, from its markup comments.
pub fn regions(document: &Document) -> Vec<Region> {
    let end = document.region.end;
    let mut open: Vec<Region> = Vec::new();
    let mut out = Vec::new();
    for (span, text) in &document.comments {
        match directive(text) {
            Some(Directive::Disable(rules)) => open.push(Region { span: span.end..end, rules, except: Vec::new() }),
            Some(Directive::DisableNextLine(rules)) => {
                let line = next_line(&document.file.text, span.end, end);
                out.push(Region { span: line, rules, except: Vec::new() });
            }
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
        load_as(text, Format::Markdown).remove(0)
    }

    fn load_as(text: &str, format: Format) -> Vec<Document> {
        load_bytes("a", text.as_bytes(), format, &LoadOptions::default()).documents
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

    #[test]
    fn plain_text_directive_lines_are_kept_out_of_the_text() {
        let text = "甲，，段。\n\n# factlint-disable-next-line repeated-punctuation\n\n乙，，段。\n丙，，段。\n\
                    <!-- factlint-disable -->\n丁段。\n";
        let d = load_as(text, Format::Text).remove(0);
        assert!(!d.text.contains("factlint"), "directives are no article text: {:?}", d.text);
        assert!(!covered(&d, "repeated-punctuation", "甲"));
        assert!(covered(&d, "repeated-punctuation", "乙"), "the next line that is not blank");
        assert!(!covered(&d, "markup-residue", "乙"), "only the named rule");
        assert!(!covered(&d, "repeated-punctuation", "丙"), "one line only");
        assert!(covered(&d, "markup-residue", "丁"));
    }

    #[test]
    fn markup_comments_take_the_next_line_form_too() {
        let d = doc("<!-- factlint-disable-next-line boilerplate -->\n甲段。\n乙段。\n");
        assert!(covered(&d, "boilerplate", "甲"));
        assert!(!covered(&d, "boilerplate", "乙"));
    }

    #[test]
    fn a_record_field_or_column_covers_its_record() {
        let jsonl = "{\"text\":\"甲，，\",\"factlint_disable\":\"repeated-punctuation\"}\n{\"text\":\"乙，，\"}\n\
                     {\"text\":\"丙，，\",\"factlint_disable\":true}\n{\"text\":\"丁\",\"factlint_disable\":[\"boilerplate\"]}\n";
        let docs = load_as(jsonl, Format::Jsonl);
        let whole = |d: &Document, rule: &str| regions(d).iter().any(|r| r.covers(rule, d.region.start + 3));
        assert!(whole(&docs[0], "repeated-punctuation") && !whole(&docs[0], "boilerplate"));
        assert!(!whole(&docs[1], "repeated-punctuation"));
        assert!(whole(&docs[2], "markup-residue"), "true turns every rule off");
        assert!(whole(&docs[3], "boilerplate"));
        let csv = "id,text,factlint_disable\n1,\"甲，，\",all\n2,\"乙，，\",\n";
        let docs = load_as(csv, Format::Csv);
        assert!(whole(&docs[0], "repeated-punctuation"));
        assert!(regions(&docs[1]).is_empty());
    }

    #[test]
    fn unknown_rule_ids_are_reported_with_their_place() {
        let d = doc("甲。\n<!-- factlint-disable boilerplat, markup-residue -->\n");
        let known = vec!["boilerplate".to_string(), "markup-residue".to_string()];
        let at = d.file.text.find("<!--").unwrap();
        assert_eq!(unknown_rules(&d, &known), vec![(at, "boilerplat".to_string())]);
    }
}
