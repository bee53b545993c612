//! `factlint align`: the stories of a corpus and how their figures line up.

use super::args::{AlignArgs, ListFormat};
use super::{inputs, Destination, EXIT_CLEAN, EXIT_ERROR};
use crate::config::Settings;
use crate::corpus::Corpus;
use crate::report;

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
    let mut out = match Destination::open(args.output.as_deref(), &inputs, "the stories") {
        Ok(d) => d,
        Err(code) => return code,
    };
    let written = match args.format {
        ListFormat::Json => report::align::json(out.writer(), &corpus, &claims, &analysis),
        ListFormat::Human => report::align::human(out.writer(), &corpus, &claims, &analysis),
    };
    if let Err(code) = out.finish(written) {
        return code;
    }
    if corpus.errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}
