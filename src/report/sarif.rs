//! `-f sarif`: SARIF 2.1.0 for code-scanning uploads. Columns are Unicode code points
//! (`columnKind: unicodeCodePoints`), regions carry both line/column and byte offsets,
//! findings that concern other documents list them as related locations, and the
//! content fingerprint goes into `partialFingerprints` so that uploads track a finding
//! across edits.

use super::{resolve, Resolved};
use crate::corpus::Corpus;
use crate::finding::{Finding, Severity};
use serde_json::{json, Value};
use std::io::{self, Write};

/// What SARIF says about a rule.
pub struct RuleDescriptor<'a> {
    pub id: &'a str,
    pub severity: Severity,
    pub summary: &'a str,
    /// The long explanation (`factlint explain`).
    pub help: &'a str,
}

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: `/` separators, everything outside the unreserved
/// set percent-encoded (file names here are often Chinese).
pub fn uri(path: &str) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn location(r: &Resolved<'_>) -> Value {
    let p = r.position;
    let mut region = json!({
        "startLine": p.line,
        "startColumn": p.column,
        "endLine": p.end_line,
        "endColumn": p.end_column,
        "byteOffset": p.byte_start,
        "byteLength": p.byte_end - p.byte_start,
    });
    if p.byte_end == p.byte_start {
        // A point (an unreadable byte): SARIF regions need a non-empty column range.
        region["endColumn"] = json!(p.column + 1);
    }
    if let Some(within) = r.within {
        // The region counts inside one record's text value (Parquet), not in the file.
        region["properties"] = json!({ "within": within });
    }
    let mut loc = json!({
        "physicalLocation": { "artifactLocation": { "uri": uri(r.path) }, "region": region }
    });
    if r.doc != r.path {
        loc["logicalLocations"] = json!([{ "name": r.doc, "kind": "member" }]);
    }
    loc
}

pub fn write(
    out: &mut dyn Write,
    corpus: &Corpus,
    findings: &[Finding],
    rules: &[RuleDescriptor<'_>],
) -> io::Result<()> {
    let base = env!("CARGO_PKG_REPOSITORY");
    let rule_list: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.help },
                "helpUri": format!("{base}/blob/main/docs/rules.md#{}", r.id),
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let tool = json!({ "driver": {
        "name": "factlint",
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "informationUri": base,
        "rules": rule_list,
    }});
    // Results are made and written one at a time: a report of a million findings is never
    // held whole. Fields are in the order `json!` objects sort them, as before.
    let log = Log {
        schema: SCHEMA,
        runs: [Run { column_kind: "unicodeCodePoints", results: Results { corpus, findings, rules }, tool }],
        version: "2.1.0",
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

#[derive(serde::Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(serde::Serialize)]
struct Run<'a> {
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    results: Results<'a>,
    tool: Value,
}

struct Results<'a> {
    corpus: &'a Corpus,
    findings: &'a [Finding],
    rules: &'a [RuleDescriptor<'a>],
}

impl serde::Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.findings.len()))?;
        for f in self.findings {
            seq.serialize_element(&result(self.corpus, f, self.rules))?;
        }
        seq.end()
    }
}

fn result(corpus: &Corpus, f: &Finding, rules: &[RuleDescriptor<'_>]) -> Value {
    let here = resolve(corpus, &f.place);
    let mut result = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": [location(&here)],
        "partialFingerprints": { "factlint/v1": f.fingerprint },
    });
    if let Some(i) = rules.iter().position(|r| r.id == f.rule) {
        result["ruleIndex"] = json!(i);
    }
    if !f.related.is_empty() {
        let related: Vec<Value> = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut loc = location(&resolve(corpus, &r.place));
                loc["id"] = json!(i + 1);
                loc["message"] = json!({ "text": r.message });
                loc
            })
            .collect();
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("./corpus/a b.md"), "corpus/a%20b.md");
        assert_eq!(uri("新闻/报道.txt"), "%E6%96%B0%E9%97%BB/%E6%8A%A5%E9%81%93.txt");
    }
}
