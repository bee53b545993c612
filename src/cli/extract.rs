//! `factlint extract`: every numeric claim of the corpus.

use super::args::{ClaimFormat, ExtractArgs};
use super::{inputs, Destination, EXIT_CLEAN, EXIT_ERROR};
use crate::config::Settings;
use crate::corpus::{locate, Corpus};
use crate::extract::Extractor;
use crate::report;
use rayon::prelude::*;
use std::io::Write;

pub fn run(args: ExtractArgs, settings: &Settings) -> u8 {
    let inputs = match inputs(&args.input, settings) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let t0 = std::time::Instant::now();
    let corpus = Corpus::load(&inputs);
    log::debug!("loaded {} documents from {} files in {:?}", corpus.documents.len(), corpus.files, t0.elapsed());
    let t1 = std::time::Instant::now();
    let extractor = settings.extractor();
    let mut destination = match Destination::open(args.output.as_deref(), &inputs, "the claims") {
        Ok(d) => d,
        Err(code) => return code,
    };
    let out = destination.writer();
    let written = match args.format {
        ClaimFormat::Jsonl => stream_jsonl(&corpus, &extractor, out),
        format => {
            let claims = corpus.claims(&extractor);
            let located: Vec<_> = corpus.documents.iter().zip(&claims).flat_map(|(d, c)| locate(d, c)).collect();
            let result = match format {
                ClaimFormat::Json => report::claims::json(out, &located),
                _ => report::claims::human(out, &located),
            };
            drop(located);
            std::mem::forget(claims);
            result
        }
    };
    log::debug!("extracted and wrote claims in {:?}", t1.elapsed());
    if let Err(code) = destination.finish(written) {
        return code;
    }
    let _ = report::errors::concise(&mut std::io::stderr(), &corpus.errors);
    let code = if corpus.errors.is_empty() { EXIT_CLEAN } else { EXIT_ERROR };
    // The process ends here: freeing every document one by one would only cost time.
    std::mem::forget(corpus);
    code
}

/// Extracts and renders documents in parallel batches on a worker thread while this
/// thread writes the finished batches in order, so output overlaps extraction.
fn stream_jsonl(corpus: &Corpus, extractor: &Extractor, out: &mut dyn Write) -> std::io::Result<()> {
    const BATCH: usize = 512;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Vec<u8>>>(2);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for docs in corpus.documents.chunks(BATCH) {
                let rendered: Vec<Vec<u8>> = docs
                    .par_iter()
                    .map(|d| {
                        let claims = extractor.claims(&d.text);
                        let mut buf = Vec::with_capacity(claims.len() * 400);
                        let _ = report::claims::jsonl(&mut buf, &locate(d, &claims));
                        buf
                    })
                    .collect();
                if tx.send(rendered).is_err() {
                    return;
                }
            }
        });
        for batch in rx {
            for chunk in batch {
                out.write_all(&chunk)?;
            }
        }
        Ok(())
    })
}
