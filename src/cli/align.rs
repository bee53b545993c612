//! `factlint align`: the stories of a corpus and how their figures line up.

use super::args::{AlignArgs, ListFormat};
use super::{inputs, EXIT_CLEAN, EXIT_ERROR};
use crate::config::Settings;
use crate::corpus::Corpus;
use crate::report;
use std::io::{BufWriter, Write};

pub fn run(args: AlignArgs, settings: &Settings) -> u8 {
    let inputs = match inputs(&args.input, settings) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let corpus = Corpus::load(&inputs);
    if !corpus.errors.is_empty() {
        let mut err = std::io::stderr().lock();
        let _ = report::errors::concise(&mut err, &corpus.errors);
    }
    let claims = corpus.claims(&settings.extractor());
    let parallel = crate::story::ParallelOptions {
        extractor: settings.extractor(),
        source_language: settings.source_language.clone(),
        keep_segments: true,
    };
    let analysis = crate::story::analyze(&corpus, &claims, &settings.glossary(), &parallel);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        ListFormat::Json => report::align::json(&mut out, &corpus, &claims, &analysis),
        ListFormat::Human => report::align::human(&mut out, &corpus, &claims, &analysis),
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("factlint: cannot write: {e}");
            return EXIT_ERROR;
        }
    }
    if corpus.errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}
