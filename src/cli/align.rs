//! `factlint align`: the stories of a corpus and how their figures line up.

use super::args::{AlignArgs, StoryFormat};
use super::{inputs, Destination, EXIT_CLEAN, EXIT_ERROR};
use crate::config::Settings;
use crate::corpus::Corpus;
use crate::report;

/// The claims and stories of a corpus read whole, the aligned segments of parallel pairs
/// kept when `keep_segments`.
pub(super) fn stories(
    corpus: &Corpus,
    settings: &Settings,
    keep_segments: bool,
) -> (Vec<Vec<crate::extract::Claim>>, crate::story::Analysis) {
    let claims = corpus.claims(&settings.extractor());
    let parallel = crate::story::ParallelOptions {
        extractor: settings.extractor(),
        source_language: settings.source_language.clone(),
        keep_segments,
    };
    let analysis = crate::story::analyze(corpus, &claims, &settings.glossary(), &parallel);
    (claims, analysis)
}

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
    let (claims, analysis) = stories(&corpus, settings, true);
    let mut out = match Destination::open(args.output.as_deref(), &inputs, "the stories") {
        Ok(d) => d,
        Err(code) => return code,
    };
    let written = match args.format {
        StoryFormat::Json => report::align::json(out.writer(), &corpus, &claims, &analysis),
        StoryFormat::Human => report::align::human(out.writer(), &corpus, &claims, &analysis),
        StoryFormat::Html => {
            let page = report::html::Page { corpus: &corpus, claims: &claims, analysis: &analysis, checked: None };
            report::html::write(out.writer(), &page)
        }
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
