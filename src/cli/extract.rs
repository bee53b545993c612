//! `factlint extract`: every numeric claim of the corpus.

use super::args::{ClaimFormat, ExtractArgs};
use super::{inputs, EXIT_CLEAN, EXIT_ERROR};
use crate::corpus::{locate, Corpus};
use crate::extract::Extractor;
use crate::report;
use std::io::{BufWriter, Write};

pub fn run(args: ExtractArgs) -> u8 {
    let inputs = match inputs(&args.input) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("factlint: cannot read stdin: {e}");
            return EXIT_ERROR;
        }
    };
    let corpus = Corpus::load(&inputs);
    let extractor = Extractor::default();
    let claims = corpus.claims(&extractor);
    let located: Vec<_> = corpus.documents.iter().zip(&claims).flat_map(|(d, c)| locate(d, c)).collect();
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = match args.format {
        ClaimFormat::Jsonl => report::claims::jsonl(&mut out, &located),
        ClaimFormat::Json => report::claims::json(&mut out, &located),
        ClaimFormat::Human => report::claims::human(&mut out, &located),
    };
    let flushed = written.and_then(|_| out.flush());
    if let Err(e) = flushed {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("factlint: cannot write output: {e}");
            return EXIT_ERROR;
        }
    }
    let _ = report::errors::concise(&mut std::io::stderr(), &corpus.errors);
    if corpus.errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}
