//! Turning the discrepancies of parallel documents into findings; shared by
//! `numeric-contradiction`, `magnitude-mismatch`, `unit-mismatch`, `date-mismatch` and
//! `missing-figure`. A finding goes on the target (the translation or reprint) with the
//! source figure as its related location.

use super::CorpusData;
use crate::finding::{fingerprint, Finding, Place, Related};
use crate::parallel::{Found, Issue};
use crate::story::ParallelResult;

/// The findings of `rule`: one per discrepancy of the parallel pairs for which `wanted`
/// says yes.
pub fn findings(rule: &'static str, data: &CorpusData<'_>, wanted: &dyn Fn(Issue) -> bool) -> Vec<Finding> {
    let results: Vec<(&ParallelResult, &Found)> = data
        .analysis()
        .parallel
        .iter()
        .flat_map(|r| r.discrepancies.iter().filter(|d| wanted(d.issue)).map(move |d| (r, d)))
        .collect();
    let mut docs: Vec<usize> = results.iter().flat_map(|(r, _)| [r.pair.source, r.pair.target]).collect();
    docs.sort_unstable();
    docs.dedup();
    let resident = data.corpus.resident(&docs);
    let findings = results
        .into_iter()
        .map(|(r, d)| {
            let (source, target) = (resident.get(r.pair.source), resident.get(r.pair.target));
            let said =
                |text: &str, span: &std::ops::Range<usize>| text.get(span.clone()).unwrap_or_default().to_string();
            let (source_text, target_text) = (said(&source.text, &d.source), said(&target.text, &d.target));
            let (message, help) = words(d, (&source_text, &target_text), &source.name, r.pair.source_known);
            let key = if d.issue == Issue::Missing { d.source_reads.clone() } else { String::new() };
            let finding = Finding {
                rule,
                severity: super::severity(rule),
                fingerprint: fingerprint(&[rule, &target.name, &source.name, &target_text, &source_text]),
                message,
                help: Some(help),
                place: Place::Text { doc: r.pair.target, span: d.target.clone() },
                related: vec![Related {
                    place: Place::Text { doc: r.pair.source, span: d.source.clone() },
                    message: if r.pair.source_known {
                        format!("stated as `{source_text}` in the source")
                    } else {
                        format!("stated as `{source_text}` in the parallel document")
                    },
                }],
            };
            (finding, key)
        })
        .collect();
    merged(findings)
}

/// The message and help of a finding. Where nothing but the order of file names made one
/// side the source, neither side is called right.
fn words(d: &Found, (source, target): (&str, &str), source_name: &str, source_known: bool) -> (String, String) {
    let there = if source_known { "in the source" } else { "in the parallel document" };
    let normalized = format!("normalized: {} here, {} {there}", d.target_reads, d.source_reads);
    match d.issue {
        Issue::Missing => (
            format!("`{source}` {there} ({}) has no counterpart in this segment", d.source_reads),
            format!(
                "{source_name} states {} where this segment states nothing like it; restore the figure or check the alignment with `factlint align`",
                d.source_reads
            ),
        ),
        Issue::Differ(p) => {
            let what = match p {
                crate::parallel::Problem::Magnitude => {
                    format!("`{target}` here is `{source}` {there} (off by a power of ten)")
                }
                crate::parallel::Problem::Unit => {
                    format!("`{target}` here is `{source}` {there}: the same number in another unit")
                }
                crate::parallel::Problem::Referent => {
                    format!("`{target}` here counts something else than `{source}` {there}")
                }
                _ => format!("`{target}` here is `{source}` {there}"),
            };
            let check = if source_known {
                "Check the source before correcting this document"
            } else {
                "Nothing says which of the two came first: check both"
            };
            (what, format!("{normalized}. {check}"))
        }
    }
}

/// Drops story findings on a figure that a parallel finding of the same rule already
/// reports (the same document and span).
pub fn without_repeats(mut story: Vec<Finding>, parallel: Vec<Finding>) -> Vec<Finding> {
    story.retain(|f| !parallel.iter().any(|p| p.place == f.place));
    story.extend(parallel);
    story
}

/// One finding per figure of a target that several sources contradict alike (a translation
/// of two reprints): their figures become related locations of one finding. A missing
/// figure is one per source figure missing from the segment (`key`).
fn merged(findings: Vec<(Finding, String)>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut at: std::collections::HashMap<(usize, usize, usize, String), usize> = std::collections::HashMap::new();
    for (f, key) in findings {
        let Place::Text { doc, span } = &f.place else {
            out.push(f);
            continue;
        };
        match at.entry((*doc, span.start, span.end, key)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let o = &mut out[*e.get()];
                for r in f.related {
                    if !o.related.contains(&r) {
                        o.related.push(r);
                    }
                }
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(out.len());
                out.push(f);
            }
        }
    }
    out
}
