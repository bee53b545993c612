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
    /// Contents of stdin and the name to give it, when `-` was among the paths.
    pub stdin: Option<(String, Vec<u8>)>,
    pub load: LoadOptions,
    pub exclude: Vec<String>,
}

/// Documents and load errors, in sorted order.
#[derive(Debug, Default)]
pub struct Corpus {
    pub files: usize,
    pub documents: Vec<Document>,
    pub errors: Vec<LoadError>,
}

impl Corpus {
    pub fn load(inputs: &Inputs) -> Corpus {
        let excluded = |p: &str| inputs.exclude.iter().any(|pat| matches_exclude(pat, p));
        let (files, mut errors) = walk::collect(&inputs.paths, &excluded);
        let mut loaded: Vec<source::Loaded> =
            files.par_iter().map(|f: &Input| source::load_file(&f.path, &f.display, f.format, &inputs.load)).collect();
        let mut count = files.len();
        if let Some((name, bytes)) = &inputs.stdin {
            let format = Format::from_path(std::path::Path::new(name)).unwrap_or(Format::Text);
            loaded.push(source::load_bytes(name, bytes, format, &inputs.load));
            count += 1;
        }
        let mut documents = Vec::new();
        for l in loaded {
            documents.extend(l.documents);
            errors.extend(l.errors);
        }
        errors.sort_by(|a, b| (&a.path, a.offset).cmp(&(&b.path, b.offset)));
        Corpus { files: count, documents, errors }
    }

    /// Claims of every document, in document order, extracted in parallel.
    pub fn claims(&self, extractor: &Extractor) -> Vec<Vec<Claim>> {
        self.documents.par_iter().map(|d| extractor.claims(&d.text)).collect()
    }
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

/// `--exclude` patterns: a path component, a path prefix, or a `*.ext` suffix.
fn matches_exclude(pattern: &str, path: &str) -> bool {
    if let Some(ext) = pattern.strip_prefix("*.") {
        return path.ends_with(&format!(".{ext}"));
    }
    let pattern = pattern.trim_end_matches('/');
    path == pattern || path.starts_with(&format!("{pattern}/")) || path.split('/').any(|part| part == pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclude_patterns() {
        assert!(matches_exclude("drafts", "corpus/drafts/a.md"));
        assert!(matches_exclude("*.csv", "data/x.csv"));
        assert!(matches_exclude("corpus/old/", "corpus/old/a.txt"));
        assert!(!matches_exclude("old", "corpus/older/a.txt"));
    }
}
