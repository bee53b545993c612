//! Safe fixes (`check --fix`, `--diff`): edits that repair a data-quality finding without
//! changing what the text says (`，，` → `，`, `本報(bào)訊` → `本報訊`, markup and
//! boilerplate lines gone, the second copy of a repeated paragraph deleted).
//!
//! A rule proposes the edits of its finding ([`crate::rules::Rule::fix`]); this module
//! decides which are safe. An edit that touches a figure is refused; so are all of a
//! document's edits when, applied, they would change the set of figures its text states
//! (checked by extracting the claims again), and every edit whose bytes in the file are
//! not exactly the text it changes (markup around it, escapes it cannot keep). Edits are
//! then mapped to file bytes; [`write`] applies them.

pub mod write;

use crate::config::Settings;
use crate::corpus::Corpus;
use crate::extract::Extractor;
use crate::finding::{Finding, Place};
use crate::source::{Document, Format};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

pub use crate::finding::Edit;

/// A change of a file's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByteEdit {
    pub range: Range<usize>,
    /// The bytes found there when the corpus was read (checked again before writing).
    pub old: String,
    pub new: String,
}

/// The safe fixes of a run.
#[derive(Debug, Default)]
pub struct Fixes {
    /// Per file (as shown), its edits in order.
    pub files: BTreeMap<String, Vec<ByteEdit>>,
    /// Indices of the findings these edits repair, with their file.
    pub fixed: BTreeMap<usize, String>,
}

/// The safe fixes of `findings` (in `corpus`); files in `skip` (standard input) get none.
pub fn plan(corpus: &Corpus, findings: &[Finding], settings: &Settings, skip: &[String]) -> Fixes {
    let rules = crate::rules::registry(settings);
    let mut by_doc: BTreeMap<usize, Vec<(usize, Vec<Edit>)>> = BTreeMap::new();
    for (k, f) in findings.iter().enumerate() {
        let Place::Text { doc, span } = &f.place else { continue };
        let Some(rule) = rules.iter().find(|r| r.id() == f.rule) else { continue };
        let document = &corpus.documents[*doc];
        if document.text.is_empty() || skip.contains(&document.file.path) {
            continue;
        }
        let edits = rule.fix(document, span.clone());
        if !edits.is_empty() {
            by_doc.entry(*doc).or_default().push((k, edits));
        }
    }
    let extractor = settings.extractor();
    let mut fixes = Fixes::default();
    for (doc, proposed) in by_doc {
        let document = &corpus.documents[doc];
        for (k, edits) in safe_edits(document, proposed, &extractor) {
            fixes.fixed.insert(k, document.file.path.clone());
            fixes.files.entry(document.file.path.clone()).or_default().extend(edits);
        }
    }
    for edits in fixes.files.values_mut() {
        edits.sort_by_key(|e| e.range.start);
    }
    fixes
}

/// The proposed fixes of one document that are safe to apply together, as file edits.
fn safe_edits(
    document: &Document,
    proposed: Vec<(usize, Vec<Edit>)>,
    extractor: &Extractor,
) -> Vec<(usize, Vec<ByteEdit>)> {
    if document.file.to_raw.is_some() {
        log::debug!("{}: no fixes; the file is not plain UTF-8", document.name);
        return Vec::new();
    }
    if !document.file.packing.is_plain() {
        log::debug!("{}: no fixes; the file is compressed or Parquet, and is never rewritten", document.name);
        return Vec::new();
    }
    let claims = extractor.claims(&document.text);
    let mut taken: Vec<Range<usize>> = Vec::new();
    let mut accepted = Vec::new();
    for (k, edits) in proposed {
        let touches_figure =
            |e: &Edit| !e.drops_copy && claims.iter().any(|c| c.start < e.span.end && e.span.start < c.end);
        let overlaps = |e: &Edit| taken.iter().any(|t| t.start < e.span.end && e.span.start < t.end);
        let in_file: Option<Vec<ByteEdit>> = edits.iter().map(|e| byte_edit(document, e)).collect();
        match in_file {
            Some(bytes) if !edits.iter().any(|e| touches_figure(e) || overlaps(e)) => {
                taken.extend(edits.iter().map(|e| e.span.clone()));
                accepted.push((k, edits, bytes));
            }
            _ => log::debug!(
                "{}: no fix at {:?}: it touches a figure, another fix, or escaped bytes",
                document.name,
                edits.first().map(|e| e.span.clone())
            ),
        }
    }
    if accepted.is_empty() {
        return Vec::new();
    }
    let mut all: Vec<&Edit> = accepted.iter().flat_map(|(_, e, _)| e).collect();
    all.sort_by_key(|e| e.span.start);
    let fixed = applied(&document.text, &all);
    if figures(&fixed, &extractor.claims(&fixed)) != figures(&document.text, &claims) {
        log::debug!("{}: no fixes; together they would change the figures the text states", document.name);
        return Vec::new();
    }
    accepted.into_iter().map(|(k, _, bytes)| (k, bytes)).collect()
}

/// `text` with `edits` (sorted, not overlapping) applied.
pub fn applied(text: &str, edits: &[&Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The figures a text states (its `claims`), each once: what it says, its value and its unit.
fn figures(text: &str, claims: &[crate::extract::Claim]) -> BTreeSet<(String, String, String)> {
    claims
        .iter()
        .map(|c| {
            (text[c.start..c.end].to_string(), format!("{:?} {:?} {:?}", c.value, c.low, c.high), c.unit.to_string())
        })
        .collect()
}

/// The file bytes of an edit, when the bytes there are exactly the text it changes (so the
/// replacement can be written as it is, escaped for a JSON string or CSV field).
fn byte_edit(document: &Document, edit: &Edit) -> Option<ByteEdit> {
    let raw = document.map.span(edit.span.clone());
    let old = document.file.text.get(raw.clone())?;
    let plain = &document.text[edit.span.clone()];
    let new = match document.format {
        Format::Jsonl => {
            let unescaped: String = serde_json::from_str(&format!("\"{old}\"")).ok()?;
            if unescaped != plain {
                return None;
            }
            let quoted = serde_json::to_string(&edit.replacement).ok()?;
            quoted[1..quoted.len() - 1].to_string()
        }
        Format::Csv => {
            let special = |s: &str| s.contains(['"', ',', '\n', '\r']);
            if old != plain || special(old) || special(&edit.replacement) {
                return None;
            }
            edit.replacement.clone()
        }
        _ if old == plain => edit.replacement.clone(),
        _ => return None,
    };
    let base = document.file.base;
    Some(ByteEdit { range: base + raw.start..base + raw.end, old: old.to_string(), new })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{load_bytes, LoadOptions};

    #[test]
    fn edits_touching_a_figure_or_each_other_are_refused() {
        let text = "投入1.4万亿元，，支持医院。\n";
        let d = load_bytes("a.txt", text.as_bytes(), Format::Text, &LoadOptions::default()).documents.remove(0);
        let at = |s: &str| text.find(s).unwrap()..text.find(s).unwrap() + s.len();
        let proposed = [
            (0, vec![Edit::new(at("1.4"), "1.5".to_string())]),
            (1, vec![Edit::new(at("，，"), "，".to_string())]),
            (2, vec![Edit::new(at("，，支"), String::new())]),
            (3, vec![Edit::new(at("1.4万亿元"), String::new()).of_a_copy()]),
        ];
        let extractor = Settings::default().extractor();
        let kept: Vec<usize> = safe_edits(&d, proposed[..3].to_vec(), &extractor).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kept, [1], "a figure is never edited, nor one fix's bytes by another");
        // Deleting a "copy" that is the only statement of a figure changes the figures: then
        // none of the document's fixes is made.
        assert!(safe_edits(&d, proposed[1..].to_vec(), &extractor).is_empty());
    }
}
