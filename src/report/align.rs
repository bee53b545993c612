//! `factlint align` output: the stories of a corpus and, per quantity, every statement
//! with its status. JSON in the design's shape, or a readable table per story.

use super::claims::claim_json;
use crate::corpus::Corpus;
use crate::extract::Claim;
use crate::story::Analysis;
use serde_json::{json, Value};
use std::io::{self, Write};

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
            let documents: Vec<&str> = s.documents.iter().map(|&d| corpus.documents[d].name.as_str()).collect();
            json!({ "id": format!("s{}", i + 1), "documents": documents, "facts": facts })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &json!({ "stories": stories }))?;
    out.write_all(b"\n")
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
        writeln!(out)?;
    }
    Ok(())
}
