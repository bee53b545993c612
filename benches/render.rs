//! Rendering benchmark: 10,000 findings over a 1,000-document corpus, in every output
//! format. `cargo bench --bench render`; the target is under 2 s per format.

use factlint::check::{self, RunOptions, Selection};
use factlint::config::Settings;
use factlint::corpus::Inputs;
use factlint::report::{self, json::Summary, sarif::RuleDescriptor};
use factlint::source::LoadOptions;
use std::time::Instant;

const DOCUMENTS: usize = 1000;
const FINDINGS_PER_DOCUMENT: usize = 10;

/// A report with `FINDINGS_PER_DOCUMENT` doubled commas, one per paragraph.
fn article(i: usize) -> String {
    let mut text = format!("第{i}号通报\n\n");
    for p in 0..FINDINGS_PER_DOCUMENT {
        text.push_str(&format!(
            "据统计，全省{p}月新增就业{}万人，，同比增长{}.{}%，其中城镇新增{}家企业，带动就业约{}人次。\n\n",
            i % 90 + 10,
            p + 1,
            i % 10,
            i * 3 + p,
            i * 7 + p
        ));
    }
    text
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for i in 0..DOCUMENTS {
        std::fs::write(dir.path().join(format!("doc{i:04}.txt")), article(i)).expect("write a fixture");
    }
    let inputs = Inputs {
        paths: vec![dir.path().to_path_buf()],
        piped: Vec::new(),
        load: LoadOptions::default(),
        exclude: Default::default(),
        force_exclude: false,
        batch_bytes: None,
    };
    let settings = Settings::default();
    let t = Instant::now();
    let (corpus, result) = check::run_streamed(&inputs, &settings, &Selection::default(), &RunOptions::default());
    println!("load + check: {:>8.3} s ({} documents)", t.elapsed().as_secs_f64(), corpus.documents.len());
    let findings = &result.findings;
    assert!(findings.len() >= DOCUMENTS * FINDINGS_PER_DOCUMENT, "only {} findings", findings.len());
    let summary = Summary {
        files: corpus.files,
        documents: corpus.documents.len(),
        claims: result.claims,
        findings: findings.len(),
    };
    let infos = factlint::rules::infos();
    let descriptors: Vec<RuleDescriptor<'_>> = infos
        .iter()
        .map(|r| RuleDescriptor { id: &r.id, severity: r.severity, summary: &r.summary, help: &r.summary })
        .collect();
    let style = report::human::Style { color: false, width: 100 };
    type Render<'a> = Box<dyn Fn(&mut Vec<u8>) -> std::io::Result<()> + 'a>;
    let formats: Vec<(&str, Render<'_>)> = vec![
        ("human", Box::new(|out| report::human::write(out, &corpus, findings, style))),
        ("concise", Box::new(|out| report::concise::write(out, &corpus, findings))),
        ("json", Box::new(|out| report::json::write(out, &corpus, findings, summary))),
        ("sarif", Box::new(|out| report::sarif::write(out, &corpus, findings, &descriptors))),
        ("github", Box::new(|out| report::github::write(out, &corpus, findings))),
    ];
    for (name, render) in formats {
        let mut out = Vec::new();
        let t = Instant::now();
        render(&mut out).expect("rendering succeeds");
        let secs = t.elapsed().as_secs_f64();
        let verdict = if secs < 2.0 { "ok" } else { "SLOW (target < 2 s)" };
        println!(
            "render {name:<8} {:>8.3} s  {} findings, {:>6} KB  {verdict}",
            secs,
            findings.len(),
            out.len() / 1024
        );
    }
}
