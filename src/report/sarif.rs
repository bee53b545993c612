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
    write_log(out, Results::Checked { corpus, findings, rules }, rules)
}

/// A SARIF log of findings given in the JSON output's shape (the distributed engine's
/// rows); an object that is not a finding is an error.
pub fn write_json(out: &mut dyn Write, findings: &[Value], rules: &[RuleDescriptor<'_>]) -> io::Result<()> {
    if let Some(bad) = findings.iter().find(|f| result_of_json(f, rules).is_none()) {
        return Err(io::Error::new(io::ErrorKind::InvalidData, format!("not a factlint finding: {bad}")));
    }
    write_log(out, Results::Json { findings, rules }, rules)
}

fn write_log(out: &mut dyn Write, results: Results<'_>, rules: &[RuleDescriptor<'_>]) -> io::Result<()> {
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
    let log = Log { schema: SCHEMA, runs: [Run { column_kind: "unicodeCodePoints", results, tool }], version: "2.1.0" };
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

/// The findings of a log: checked here, or given in the JSON output's shape.
enum Results<'a> {
    Checked { corpus: &'a Corpus, findings: &'a [Finding], rules: &'a [RuleDescriptor<'a>] },
    Json { findings: &'a [Value], rules: &'a [RuleDescriptor<'a>] },
}

impl serde::Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        match *self {
            Results::Checked { corpus, findings, rules } => {
                let mut seq = serializer.serialize_seq(Some(findings.len()))?;
                for f in findings {
                    seq.serialize_element(&result(corpus, f, rules))?;
                }
                seq.end()
            }
            Results::Json { findings, rules } => {
                let mut seq = serializer.serialize_seq(Some(findings.len()))?;
                for f in findings {
                    seq.serialize_element(&result_of_json(f, rules))?;
                }
                seq.end()
            }
        }
    }
}

/// A finding as SARIF shows it: where it and its related places are, resolved.
struct Shown<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    fingerprint: &'a str,
    here: Resolved<'a>,
    related: Vec<(Resolved<'a>, &'a str)>,
}

fn result(corpus: &Corpus, f: &Finding, rules: &[RuleDescriptor<'_>]) -> Value {
    let shown = Shown {
        rule: f.rule,
        severity: f.severity,
        message: &f.message,
        fingerprint: &f.fingerprint,
        here: resolve(corpus, &f.place),
        related: f.related.iter().map(|r| (resolve(corpus, &r.place), r.message.as_str())).collect(),
    };
    shown_result(&shown, rules)
}

fn shown_result(f: &Shown<'_>, rules: &[RuleDescriptor<'_>]) -> Value {
    let mut result = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": [location(&f.here)],
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
            .map(|(i, (place, message))| {
                let mut loc = location(place);
                loc["id"] = json!(i + 1);
                loc["message"] = json!({ "text": message });
                loc
            })
            .collect();
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

/// A place of a finding given in the JSON output's shape.
fn resolved_of(v: &Value) -> Option<Resolved<'_>> {
    let n = |k: &str| v[k].as_u64().map(|n| n as usize);
    Some(Resolved {
        path: v["path"].as_str()?,
        doc: v["doc"].as_str()?,
        position: super::Position {
            line: n("line")?,
            column: n("column")?,
            end_line: n("end_line")?,
            end_column: n("end_column")?,
            byte_start: n("byte_start")?,
            byte_end: n("byte_end")?,
        },
        within: v["within"].as_str().map(|_| "record"),
    })
}

/// The SARIF result of a finding given in the JSON output's shape; `None` when it is not
/// one.
fn result_of_json(f: &Value, rules: &[RuleDescriptor<'_>]) -> Option<Value> {
    let severity = match f["severity"].as_str()? {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        _ => Severity::Info,
    };
    let related = f["related"].as_array()?.iter().map(|r| Some((resolved_of(r)?, r["message"].as_str()?)));
    let shown = Shown {
        rule: f["rule"].as_str()?,
        severity,
        message: f["message"].as_str()?,
        fingerprint: f["fingerprint"].as_str()?,
        here: resolved_of(f)?,
        related: related.collect::<Option<_>>()?,
    };
    Some(shown_result(&shown, rules))
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
