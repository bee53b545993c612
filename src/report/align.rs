//! `factlint align` output: the stories of a corpus and, per quantity, every statement
//! with its status; for parallel pairs (translations, reprints), the aligned segments
//! side by side with the figures each matched, differed on or lost. JSON in the design's
//! shape, or a readable table per story.

use super::claims::claim_json;
use super::Position;
use crate::corpus::Corpus;
use crate::extract::Claim;
use crate::parallel::{Found, Issue, SegmentPair};
use crate::story::{Analysis, ParallelResult, Story};
use serde_json::{json, Value};
use std::io::{self, Write};
use std::ops::Range;

/// The parallel pairs of a story (those whose source is one of its documents).
pub(super) fn pairs_of<'a>(analysis: &'a Analysis, story: &Story) -> Vec<&'a ParallelResult> {
    analysis.parallel.iter().filter(|r| story.documents.binary_search(&r.pair.source).is_ok()).collect()
}

/// A span of a document as JSON: its place in the file and the text.
fn span_json(corpus: &Corpus, doc: usize, span: &Range<usize>) -> Value {
    let d = &corpus.documents[doc];
    let location = d.locate(span.clone());
    let mut v = serde_json::to_value(Position::from(&location)).unwrap_or_default();
    if let Value::Object(map) = &mut v {
        map.insert("path".into(), json!(d.file.path));
        map.insert("doc".into(), json!(d.name));
        map.insert("text".into(), json!(d.text.get(span.clone()).unwrap_or_default()));
    }
    v
}

/// The issues of the discrepancies whose source figure lies in `span`.
fn issues_in<'a>(r: &'a ParallelResult, span: &Range<usize>) -> Vec<&'a Found> {
    r.discrepancies.iter().filter(|d| span.start <= d.source.start && d.source.end <= span.end).collect()
}

pub(super) fn issue_name(i: Issue) -> &'static str {
    match i {
        Issue::Missing => "missing",
        Issue::Differ(p) => match p {
            crate::parallel::Problem::Value => "conflict",
            crate::parallel::Problem::Magnitude => "magnitude",
            crate::parallel::Problem::Unit => "unit",
            crate::parallel::Problem::Referent => "referent",
            crate::parallel::Problem::Date => "date",
        },
    }
}

fn segment_status(issues: &[&Found], s: &SegmentPair) -> &'static str {
    if s.source.is_empty() || s.target.is_empty() {
        "unaligned"
    } else if issues.iter().any(|f| matches!(f.issue, Issue::Differ(_))) {
        "differ"
    } else if !issues.is_empty() {
        "missing"
    } else {
        "agree"
    }
}

fn parallel_json(corpus: &Corpus, r: &ParallelResult) -> Value {
    let (src, tgt) = (r.pair.source, r.pair.target);
    let segments: Vec<Value> = r
        .segments
        .iter()
        .map(|s| {
            let issues = issues_in(r, &s.source);
            let mut mentions: Vec<Value> = Vec::new();
            for f in &issues {
                let target = if f.target_is_figure { span_json(corpus, tgt, &f.target) } else { Value::Null };
                mentions.push(json!({
                    "status": issue_name(f.issue),
                    "source": span_json(corpus, src, &f.source),
                    "target": target,
                    "source_reads": f.source_reads,
                    "target_reads": f.target_reads,
                }));
            }
            json!({
                "status": segment_status(&issues, s),
                "source": span_json(corpus, src, &s.source),
                "target": span_json(corpus, tgt, &s.target),
                "matched": s.matched.len(),
                "mentions": mentions,
            })
        })
        .collect();
    json!({
        "kind": r.pair.kind.as_str(),
        "source": corpus.documents[src].name,
        "target": corpus.documents[tgt].name,
        "segments": segments,
    })
}

pub fn json(out: &mut dyn Write, corpus: &Corpus, claims: &[Vec<Claim>], analysis: &Analysis) -> io::Result<()> {
    let stories: Vec<Value> = analysis
        .stories
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let facts: Vec<Value> = s
                .facts
                .iter()
                .map(|f| {
                    let first = &claims[f.claims[0].0][f.claims[0].1];
                    let members: Vec<Value> =
                        f.claims.iter().map(|&(d, c)| claim_json(&corpus.documents[d], &claims[d][c])).collect();
                    json!({
                        "status": f.status.as_str(),
                        "dimension": first.dimension.as_str(),
                        "unit": first.unit,
                        "claims": members,
                    })
                })
                .collect();
            let documents: Vec<&str> = s.documents.iter().map(|&d| &*corpus.documents[d].name).collect();
            let mut story = json!({ "id": format!("s{}", i + 1), "documents": documents, "facts": facts });
            let pairs: Vec<Value> = pairs_of(analysis, s).into_iter().map(|r| parallel_json(corpus, r)).collect();
            if !pairs.is_empty() {
                let segments: Vec<Value> =
                    pairs.iter().flat_map(|p| p["segments"].as_array().cloned().unwrap_or_default()).collect();
                story["parallel"] = Value::Array(pairs);
                story["segments"] = Value::Array(segments);
            }
            story
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &json!({ "stories": stories }))?;
    out.write_all(b"\n")
}

/// Text of a span on one line, cut to `width` characters.
fn one_line(text: &str, width: usize) -> String {
    let flat: String = text.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    if flat.chars().count() <= width {
        flat
    } else {
        let cut: String = flat.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn parallel_human(out: &mut dyn Write, corpus: &Corpus, r: &ParallelResult) -> io::Result<()> {
    let (src, tgt) = (&corpus.documents[r.pair.source], &corpus.documents[r.pair.target]);
    writeln!(out, "  parallel ({}): {} → {}", r.pair.kind.as_str(), src.name, tgt.name)?;
    for s in &r.segments {
        let issues = issues_in(r, &s.source);
        let status = segment_status(&issues, s);
        writeln!(out, "    {status:<9} {}", one_line(src.text.get(s.source.clone()).unwrap_or_default(), 70))?;
        writeln!(out, "    {:<9} {}", "", one_line(tgt.text.get(s.target.clone()).unwrap_or_default(), 110))?;
        for f in issues {
            let said = |d: &crate::source::Document, span: &Range<usize>| {
                d.text.get(span.clone()).unwrap_or_default().to_string()
            };
            let target = if f.target_is_figure {
                format!("`{}` ({})", said(tgt, &f.target), f.target_reads)
            } else {
                "nothing".into()
            };
            writeln!(
                out,
                "    {:<9}   {}: `{}` ({}) → {target}",
                "",
                issue_name(f.issue),
                said(src, &f.source),
                f.source_reads
            )?;
        }
    }
    Ok(())
}

pub fn human(out: &mut dyn Write, corpus: &Corpus, claims: &[Vec<Claim>], analysis: &Analysis) -> io::Result<()> {
    if analysis.stories.is_empty() {
        return writeln!(out, "No stories: no two documents share enough distinctive figures.");
    }
    for (i, s) in analysis.stories.iter().enumerate() {
        writeln!(out, "story s{} ({} documents)", i + 1, s.documents.len())?;
        for (n, &d) in s.documents.iter().enumerate() {
            writeln!(out, "  [{}] {}", n + 1, corpus.documents[d].name)?;
        }
        for f in &s.facts {
            let cells: Vec<String> = f
                .claims
                .iter()
                .map(|&(d, c)| {
                    let n = s.documents.iter().position(|&x| x == d).map_or(0, |p| p + 1);
                    let claim = &claims[d][c];
                    format!("[{n}] {}", &corpus.documents[d].text[claim.start..claim.end])
                })
                .collect();
            writeln!(out, "  {:<9} {}", f.status.as_str(), cells.join("  "))?;
        }
        for r in pairs_of(analysis, s) {
            parallel_human(out, corpus, r)?;
        }
        writeln!(out)?;
    }
    Ok(())
}
