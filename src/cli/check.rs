//! `factlint check`: runs the rules and applies the exit-code contract.

use super::args::{CheckArgs, FailOn, FindingFormat};
use super::{inputs, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::check::{self, Selection};
use crate::corpus::Corpus;
use crate::finding::Severity;
use crate::report;
use crate::rules;
use std::io::{BufWriter, Write};

pub fn run(args: CheckArgs) -> u8 {
    let known: Vec<&str> = rules::infos().iter().map(|r| r.id.as_str()).collect();
    if let Some(bad) = args.select.iter().chain(&args.ignore).find(|r| !known.contains(&r.as_str())) {
        eprintln!("factlint: unknown rule `{bad}`; `factlint rules` lists them");
        return EXIT_ERROR;
    }
    let inputs = match inputs(&args.input) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("factlint: cannot read stdin: {e}");
            return EXIT_ERROR;
        }
    };
    let corpus = Corpus::load(&inputs);
    let selection = Selection { select: args.select.clone(), ignore: args.ignore.clone() };
    let report = check::run(&corpus, &selection);
    let mut sink: Box<dyn Write> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => {
                eprintln!("factlint: cannot write {}: {e}", path.display());
                return EXIT_ERROR;
            }
        },
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let written = match args.format {
        FindingFormat::Json => report::findings::json(&mut sink, &corpus, &report.findings, report.claims),
        FindingFormat::Concise => report::findings::concise(&mut sink, &corpus, &report.findings),
    };
    if let Err(e) = written.and_then(|_| sink.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("factlint: cannot write the report: {e}");
            return EXIT_ERROR;
        }
    }
    if !corpus.errors.is_empty() {
        return EXIT_ERROR;
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| report.findings.iter().any(|f| f.severity >= t));
    if failing && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}
