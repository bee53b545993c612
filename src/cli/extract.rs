//! `factlint extract`: every numeric claim of the corpus.

use super::args::{ClaimFormat, ExtractArgs};
use super::{inputs, Destination, EXIT_CLEAN, EXIT_ERROR};
use crate::config::Settings;
use crate::corpus::{locate, Corpus, Sink};
use crate::extract::Extractor;
use crate::report;
use crate::source::Document;
use rayon::prelude::*;
use std::io::Write;

pub fn run(args: ExtractArgs, settings: &Settings) -> u8 {
    let inputs = match inputs(&args.input, settings) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let t0 = std::time::Instant::now();
    let extractor = settings.extractor();
    let mut destination = match Destination::open(args.output.as_deref(), &inputs, "the claims") {
        Ok(d) => d,
        Err(code) => return code,
    };
    let out = destination.writer();
    let (corpus, written) = match args.format {
        // JSON Lines is written as the corpus is read, batch by batch, and no document is
        // kept after: memory stays about that of one batch.
        ClaimFormat::Jsonl => write_claims_streamed(&inputs, &extractor, out),
        format => {
            let corpus = Corpus::load(&inputs);
            log::debug!(
                "loaded {} documents from {} files in {:?}",
                corpus.documents.len(),
                corpus.files,
                t0.elapsed()
            );
            let claims = corpus.claims(&extractor);
            let located: Vec<_> = corpus.documents.iter().zip(&claims).flat_map(|(d, c)| locate(d, c)).collect();
            let result = match format {
                ClaimFormat::Json => report::claims::json(out, &located),
                _ => report::claims::human(out, &located),
            };
            drop(located);
            std::mem::forget(claims);
            (corpus, result)
        }
    };
    log::debug!("read, extracted and wrote claims in {:?}", t0.elapsed());
    if let Err(code) = destination.finish(written) {
        return code;
    }
    let _ = report::errors::concise(&mut std::io::stderr(), &corpus.errors);
    let code = if corpus.errors.is_empty() { EXIT_CLEAN } else { EXIT_ERROR };
    // The process ends here: freeing every document one by one would only cost time.
    std::mem::forget(corpus);
    code
}

/// Reads the inputs in batches and writes every claim as JSON Lines, batch by batch, in
/// corpus order: what `extract -f jsonl` writes. Returns the corpus (its load errors; it
/// keeps no documents) and the first write error.
pub fn write_claims_streamed(
    inputs: &crate::corpus::Inputs,
    extractor: &Extractor,
    out: &mut dyn Write,
) -> (Corpus, std::io::Result<()>) {
    let mut sink = JsonlSink { extractor, out, written: Ok(()) };
    let budget = inputs.batch_bytes.unwrap_or(crate::corpus::BATCH_BYTES);
    let (corpus, _) = Corpus::stream(inputs, budget, &mut sink);
    (corpus, sink.written)
}

/// Writes the claims of each batch of documents the corpus stream hands over, in order.
struct JsonlSink<'a> {
    extractor: &'a Extractor,
    out: &'a mut dyn Write,
    /// The first write error; nothing more is written after it.
    written: std::io::Result<()>,
}

impl Sink for JsonlSink<'_> {
    fn documents(&mut self, _first: usize, documents: &[Document]) {
        if self.written.is_ok() {
            self.written = write_jsonl(documents, self.extractor, self.out);
        }
    }

    /// Claims are written as each batch comes; no document is wanted again.
    fn keeps_shells(&self) -> bool {
        false
    }
}

/// Extracts and renders documents in parallel chunks on a worker thread while this
/// thread writes the finished chunks in order, so output overlaps extraction.
fn write_jsonl(documents: &[Document], extractor: &Extractor, out: &mut dyn Write) -> std::io::Result<()> {
    const CHUNK: usize = 512;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Vec<u8>>>(2);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for docs in documents.chunks(CHUNK) {
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
