//! Shard indexes, the scale-out path: `factlint index` does the per-document work of a
//! shard (extraction and the per-document rules, most of a run's time) and writes the
//! results to one file; `factlint check --index` joins many such files and runs only the
//! corpus rules (stories, contradictions, duplicate documents). The map step can run
//! anywhere that can call the binary; the reduce step runs on one machine.
//!
//! An index carries each file's bytes as well as its results, so the reduce step needs no
//! access to the shards' files and reports positions in them exactly as `check` would.
//! Files are postcard-encoded after a magic header, and stamped with the factlint version
//! and a key of the settings that shape results: shards built differently are refused,
//! never silently mixed.

use crate::config::Settings;
use crate::corpus::{Corpus, Source};
use crate::extract::Claim;
use crate::finding::{DocumentFinding, Finding};
use crate::source::{LoadError, LoadOptions};
use rayon::prelude::*;
use rustc_hash::FxHasher;
use serde::{Deserialize, Serialize};
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// First bytes of every index file.
const MAGIC: &[u8; 8] = b"FLINDEX2";

/// Why shard indexes could not be read or written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum IndexError {
    #[error("cannot read index {path}: {message}")]
    #[diagnostic(code(factlint::index::read))]
    Read { path: String, message: String },
    #[error("cannot write index {path}: {message}")]
    #[diagnostic(code(factlint::index::write))]
    Write { path: String, message: String },
    #[error("index {path} was built by factlint {version} or with other settings than this run")]
    #[diagnostic(
        code(factlint::index::mismatch),
        help("build every shard with the same factlint and configuration as the check that joins them")
    )]
    Mismatch { path: String, version: String },
    #[error("{file} is in two shard indexes: {first} and {second}")]
    #[diagnostic(code(factlint::index::overlap), help("give each file to exactly one shard"))]
    Overlap { file: String, first: String, second: String },
}

/// One shard: its files with their per-document results.
#[derive(Serialize, Deserialize)]
struct Shard {
    version: String,
    settings_key: u64,
    files: Vec<IndexedFile>,
    /// Files of the shard that could not be read at all.
    errors: Vec<LoadError>,
}

#[derive(Serialize, Deserialize)]
struct IndexedFile {
    source: Source,
    /// Results of the file's documents, in the order loading yields them.
    documents: Vec<DocumentResults>,
}

#[derive(Serialize, Deserialize)]
struct DocumentResults {
    claims: Vec<Claim>,
    findings: Vec<DocumentFinding>,
}

/// The per-document results of a whole corpus read from shard indexes: findings and
/// claims for each document of `corpus`, in its order.
pub struct Joined {
    pub corpus: Corpus,
    pub per_document: Vec<(Vec<Finding>, Vec<Claim>)>,
}

/// What results depend on besides the text: the settings that change claims or
/// per-document findings, and how records are read.
fn settings_key(settings: &Settings, load: &LoadOptions) -> u64 {
    let mut h = FxHasher::default();
    h.write_u64(settings.results_key());
    h.write(format!("{:?}", load.text_fields).as_bytes());
    h.finish()
}

/// Reads and checks the inputs of one shard and writes its index to `out`. Returns the
/// number of files and documents indexed.
pub fn build(
    inputs: &crate::corpus::Inputs,
    settings: &Settings,
    out: &Path,
) -> Result<(usize, usize, Vec<LoadError>), IndexError> {
    let (sources, errors) = crate::corpus::read_sources(inputs);
    let rules = crate::check::document_rules(settings);
    let extractor = settings.extractor();
    // Load errors are not kept: the join loads the same bytes and meets them again.
    let (corpus, per_file) = Corpus::from_sources(&sources, Vec::new(), &inputs.load);
    // Documents in parallel across files, since one dataset file may hold most of a shard.
    let results: Vec<DocumentResults> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let (findings, claims) = crate::check::document_results(&rules, &extractor, i, d);
            DocumentResults { claims, findings: findings.into_iter().map(DocumentFinding::of).collect() }
        })
        .collect();
    drop(corpus);
    let mut results = results.into_iter();
    let files: Vec<IndexedFile> = sources
        .into_iter()
        .zip(per_file)
        .map(|(source, count)| IndexedFile { source, documents: results.by_ref().take(count).collect() })
        .collect();
    let counts = (files.len(), files.iter().map(|f| f.documents.len()).sum());
    let shard = Shard {
        version: env!("CARGO_PKG_VERSION").to_string(),
        settings_key: settings_key(settings, &inputs.load),
        files,
        errors: errors.clone(),
    };
    write(&shard, out)?;
    Ok((counts.0, counts.1, errors))
}

fn write(shard: &Shard, out: &Path) -> Result<(), IndexError> {
    let failed = |message: String| IndexError::Write { path: out.display().to_string(), message };
    let payload = postcard::to_allocvec(shard).map_err(|e| failed(e.to_string()))?;
    crate::fsutil::replace_file(out, &crate::fsutil::seal(MAGIC, &payload)).map_err(|e| failed(e.to_string()))
}

/// Reads shard indexes and joins them into one corpus with its per-document results.
pub fn join(paths: &[PathBuf], settings: &Settings, load: &LoadOptions) -> Result<Joined, IndexError> {
    let key = settings_key(settings, load);
    let rule_ids: Vec<&'static str> = crate::rules::registry(settings).iter().map(|r| r.id()).collect();
    let mut files: Vec<(IndexedFile, String)> = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let shard = read(path)?;
        if shard.version != env!("CARGO_PKG_VERSION") || shard.settings_key != key {
            return Err(IndexError::Mismatch { path: path.display().to_string(), version: shard.version });
        }
        errors.extend(shard.errors);
        files.extend(shard.files.into_iter().map(|f| (f, path.display().to_string())));
    }
    // The order a single run over all the files would see.
    files.sort_by(|a, b| a.0.source.display.cmp(&b.0.source.display));
    if let Some(w) = files.windows(2).find(|w| w[0].0.source.display == w[1].0.source.display) {
        return Err(IndexError::Overlap {
            file: w[0].0.source.display.clone(),
            first: w[0].1.clone(),
            second: w[1].1.clone(),
        });
    }
    let sources: Vec<Source> = files.iter().map(|(f, _)| f.source.clone()).collect();
    let (corpus, per_file) = Corpus::from_sources(&sources, errors, load);
    drop(sources);
    let mut per_document = Vec::with_capacity(corpus.documents.len());
    for ((file, shard), loaded) in files.into_iter().zip(per_file) {
        if loaded != file.documents.len() {
            return Err(IndexError::Read {
                path: shard,
                message: format!(
                    "{} holds results for {} documents, not {loaded}",
                    file.source.display,
                    file.documents.len()
                ),
            });
        }
        for results in file.documents {
            let doc = per_document.len();
            // Positions come from a file anyone could have edited: checked against the text.
            let text = &corpus.documents[doc].text;
            let fits = results.claims.iter().all(|c| c.fits(text)) && results.findings.iter().all(|f| f.fits(text));
            if !fits {
                return Err(IndexError::Read {
                    path: shard,
                    message: format!("damaged index: positions in {} lie outside its text", file.source.display),
                });
            }
            let findings = results.findings.iter().filter_map(|f| f.restore(doc, &rule_ids)).collect();
            per_document.push((findings, results.claims));
        }
    }
    Ok(Joined { corpus, per_document })
}

fn read(path: &Path) -> Result<Shard, IndexError> {
    let failed = |message: String| IndexError::Read { path: path.display().to_string(), message };
    let bytes = std::fs::read(path).map_err(|e| failed(e.to_string()))?;
    let body = crate::fsutil::unseal(MAGIC, &bytes).map_err(|e| match e {
        crate::fsutil::Unsealed::NotOurs => {
            failed("not a factlint index, or one of another version; build it again with `factlint index`".to_string())
        }
        crate::fsutil::Unsealed::Damaged => {
            failed("damaged index (its length or checksum does not match); build it again with `factlint index`".into())
        }
    })?;
    match postcard::take_from_bytes(body) {
        Ok((shard, [])) => Ok(shard),
        Ok(_) => Err(failed("damaged index: bytes after its end".to_string())),
        Err(e) => Err(failed(format!("damaged index: {e}"))),
    }
}
