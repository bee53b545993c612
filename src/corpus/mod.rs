//! A corpus in memory: every document read from the inputs, and the errors met reading
//! them. Files are read in parallel; the result is in sorted path order either way.

use crate::extract::{Claim, Extractor};
use crate::source::walk::{self, Input};
use crate::source::{self, Document, Format, LoadError, LoadOptions, Location};
use rayon::prelude::*;
use std::path::PathBuf;

/// Where to read from.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    pub paths: Vec<PathBuf>,
    /// Inputs read once and held: stdin (when `-` was among the paths) and named pipes,
    /// each with the name to give it. They cannot be read a second time.
    pub piped: Vec<(String, Vec<u8>)>,
    pub load: LoadOptions,
    pub exclude: Exclusion,
    /// Apply `exclude` to paths named on the command line too (`--force-exclude`).
    pub force_exclude: bool,
    /// Bytes a streamed run reads before it checks them and lets them go
    /// (`None`: [`BATCH_BYTES`]).
    pub batch_bytes: Option<usize>,
}

impl Inputs {
    /// The paths to read: with `force_exclude`, named files that `exclude` matches are left
    /// out (a pre-commit hook names staged files, excluded drafts among them).
    pub fn named_paths(&self) -> Vec<PathBuf> {
        let named_file_excluded =
            |p: &PathBuf| self.force_exclude && p.is_file() && self.exclude.matches(&crate::source::walk::display(p));
        self.paths.iter().filter(|p| !named_file_excluded(p)).cloned().collect()
    }

    /// The files to read, walking folders and leaving out what `exclude` matches, in
    /// sorted order; paths that cannot be walked become errors.
    pub fn files(&self) -> (Vec<Input>, Vec<LoadError>) {
        walk::collect(&self.named_paths(), &|p| self.exclude.matches(p))
    }
}

mod exclude;
mod resident;
mod stream;

pub use exclude::Exclusion;

pub use resident::{Origin, Resident, ShellRecord};
pub use stream::{Known, Sink, Streamed, BATCH_BYTES};

/// Documents and load errors, in sorted order.
#[derive(Debug, Default)]
pub struct Corpus {
    pub files: usize,
    /// Every document; in a streamed corpus most are shells (see [`Corpus::resident`]).
    pub documents: Vec<Document>,
    pub errors: Vec<LoadError>,
    /// How to read back the documents a streamed run let go; `None` when all are held.
    evicted: Option<resident::Evicted>,
}

impl Corpus {
    pub fn load(inputs: &Inputs) -> Corpus {
        let (files, errors) = inputs.files();
        let mut loaded: Vec<source::Loaded> =
            files.par_iter().map(|f: &Input| source::load_file(&f.path, &f.display, f.format, &inputs.load)).collect();
        let mut count = files.len();
        for (name, bytes) in &inputs.piped {
            let format = Format::from_path(std::path::Path::new(name)).unwrap_or(Format::Text);
            loaded.push(source::load_bytes(name, bytes, format, &inputs.load));
            count += 1;
        }
        Corpus::assemble(loaded, count, errors).0
    }

    /// The corpus of loaded files, with the errors met before loading; also how many
    /// documents each file gave.
    fn assemble(loaded: Vec<source::Loaded>, files: usize, errors: Vec<LoadError>) -> (Corpus, Vec<usize>) {
        let mut corpus = Corpus { files, documents: Vec::new(), errors, evicted: None };
        let mut per_file = Vec::with_capacity(loaded.len());
        for l in loaded {
            per_file.push(l.documents.len());
            corpus.documents.extend(l.documents);
            corpus.errors.extend(l.errors);
        }
        corpus.errors.sort_by(|a, b| (&a.path, a.offset).cmp(&(&b.path, b.offset)));
        (corpus, per_file)
    }

    /// Documents and errors from files already read (a shard index), in sorted path order.
    pub fn from_sources(sources: &[Source], errors: Vec<LoadError>, load: &LoadOptions) -> (Corpus, Vec<usize>) {
        let loaded: Vec<source::Loaded> =
            sources.par_iter().map(|s| source::load_bytes(&s.display, &s.bytes, s.format, load)).collect();
        Corpus::assemble(loaded, sources.len(), errors)
    }

    /// A corpus of documents already in memory (one per file).
    pub fn held(documents: Vec<Document>) -> Corpus {
        Corpus { files: documents.len(), documents, errors: Vec::new(), evicted: None }
    }

    /// Claims of every document, in document order, extracted in parallel.
    pub fn claims(&self, extractor: &Extractor) -> Vec<Vec<Claim>> {
        self.documents.par_iter().map(|d| extractor.claims(&d.text)).collect()
    }
}

/// One input file's bytes, read but not yet parsed into documents.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// The path as reported in findings.
    pub display: String,
    pub format: Format,
    pub bytes: Vec<u8>,
}

/// The input path under which writing `output` would replace, or add, a file this run
/// or the next one reads.
pub fn output_among_inputs(inputs: &Inputs, output: &std::path::Path) -> Option<PathBuf> {
    walk::collects(&inputs.named_paths(), &|p| inputs.exclude.matches(p), output)
}

/// Reads the input files (walking folders as `Corpus::load` does) without parsing them,
/// in sorted path order; files that cannot be read become errors.
pub fn read_sources(inputs: &Inputs) -> (Vec<Source>, Vec<LoadError>) {
    let (files, mut errors) = inputs.files();
    let read: Vec<Result<Source, LoadError>> = files
        .par_iter()
        .map(|f: &Input| match std::fs::read(&f.path) {
            Ok(bytes) => Ok(Source { display: f.display.clone(), format: f.format, bytes }),
            Err(e) => Err(LoadError::unreadable(&f.display, &e)),
        })
        .collect();
    let mut sources = Vec::new();
    for r in read {
        match r {
            Ok(s) => sources.push(s),
            Err(e) => errors.push(e),
        }
    }
    for (name, bytes) in &inputs.piped {
        let format = Format::from_path(std::path::Path::new(name)).unwrap_or(Format::Text);
        sources.push(Source { display: name.clone(), format, bytes: bytes.clone() });
    }
    (sources, errors)
}

/// A claim with the document it is in and where it is in the file.
pub struct LocatedClaim<'a> {
    pub doc: &'a Document,
    pub claim: &'a Claim,
    pub location: Location,
}

/// Locates the claims of one document; positions are computed in one pass per line.
pub fn locate<'a>(doc: &'a Document, claims: &'a [Claim]) -> Vec<LocatedClaim<'a>> {
    let spans: Vec<_> = claims.iter().map(|c| doc.map.span(c.start..c.end)).collect();
    let locations = doc.file.locate_all(&spans);
    claims.iter().zip(locations).map(|(claim, location)| LocatedClaim { doc, claim, location }).collect()
}
