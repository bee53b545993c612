//! Documents whose text has been let go, and reading them back. A streamed run keeps of
//! each document only a shell (name, date, path: what the corpus stage reads for every
//! document) and where to find it again; the few documents a story, a near copy or a
//! finding needs in full are read back from their file, a JSON Lines record by its own
//! bytes.

use super::Corpus;
use crate::source::{columnar, windows, Document, Format, LoadOptions, SourceFile};
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// Where a document that is not held in memory can be read again.
#[derive(Clone, Debug)]
pub enum Origin {
    /// A record of a UTF-8 JSON Lines file: the bytes of its line, its line and record number.
    Record { path: Arc<PathBuf>, span: Range<usize>, line: usize, record: usize },
    /// The `index`-th document of a file read whole.
    File { path: Arc<PathBuf>, format: Format, index: usize },
    /// Record `record` (its row number) of a Parquet file: only its row group is read.
    Row { path: Arc<PathBuf>, record: usize },
}

/// A document as a corpus snapshot keeps it: its shell, and where it is in its file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ShellRecord {
    pub name: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub format: Format,
    pub record: usize,
    /// The bytes and line of a JSON Lines record read back by itself; `None` for a
    /// document read back with its whole file.
    pub line_span: Option<(Range<usize>, usize)>,
}

impl ShellRecord {
    /// What is kept of `d`, read in full, once its text is let go.
    pub(super) fn of(d: &Document) -> ShellRecord {
        // Without a decoding map or a decompressor, the file position of a JSON Lines
        // record is its bytes.
        let line_span =
            (d.format == Format::Jsonl && d.file.to_raw.is_none() && d.file.packing.is_plain()).then(|| {
                let at = d.file.locate(d.region.clone());
                (at.byte_start..at.byte_end, at.start.line)
            });
        ShellRecord::placed(d, line_span)
    }

    /// The shell of `d`, read again from `line_span` (see the field).
    fn placed(d: &Document, line_span: Option<(Range<usize>, usize)>) -> ShellRecord {
        ShellRecord {
            name: d.name.to_string(),
            title: d.title.as_deref().map(str::to_string),
            date: d.date.as_deref().map(str::to_string),
            format: d.format,
            record: d.record,
            line_span,
        }
    }
}

/// Where the `index`-th document of the file at `path`, kept as `record`, is read again.
pub(super) fn origin_of(record: &ShellRecord, path: &Arc<PathBuf>, index: usize) -> Origin {
    match &record.line_span {
        Some((span, line)) => {
            Origin::Record { path: Arc::clone(path), span: span.clone(), line: *line, record: record.record }
        }
        None if record.format == Format::Parquet => Origin::Row { path: Arc::clone(path), record: record.record },
        None => Origin::File { path: Arc::clone(path), format: record.format, index },
    }
}

/// The shell of the `index`-th document of the file at `path` (whose shell, the path only,
/// is `file`, shared by its documents), and how to read the document again.
pub(super) fn restore(
    record: ShellRecord,
    file: &Arc<SourceFile>,
    path: &Arc<PathBuf>,
    index: usize,
) -> (Document, Origin) {
    let origin = origin_of(&record, path, index);
    let document = Document {
        file: Arc::clone(file),
        name: record.name.into(),
        title: record.title.map(Into::into),
        date: record.date.as_deref().map(compact_str::CompactString::new),
        format: record.format,
        text: String::new(),
        map: Default::default(),
        paragraphs: Box::default(),
        region: 0..0,
        record: record.record,
        comments: Box::default(),
    };
    (document, origin)
}

/// Reading documents back: the load options and the origin of every evicted document.
#[derive(Debug, Default)]
pub struct Evicted {
    pub(super) load: LoadOptions,
    /// By document index; `None` for documents with nowhere to be read again from (stdin),
    /// held in memory.
    pub(super) origins: Vec<Option<Origin>>,
    /// By document index: whether the document is held in full though it has an origin (a
    /// corpus read in one batch keeps its documents, see [`super::stream`]).
    pub(super) held: Vec<bool>,
}

/// Some documents of a corpus in full: borrowed when held, read back when evicted.
pub struct Resident<'a> {
    corpus: &'a Corpus,
    read: HashMap<usize, Document>,
}

impl Resident<'_> {
    /// Document `i` in full (its shell if it could not be read back: the file changed).
    pub fn get(&self, i: usize) -> &Document {
        self.read.get(&i).unwrap_or(&self.corpus.documents[i])
    }
}

impl Corpus {
    /// Documents `ids` in full, reading back the evicted ones (in parallel).
    pub fn resident(&self, ids: &[usize]) -> Resident<'_> {
        let read = match &self.evicted {
            Some(evicted) => read_back(&self.documents, evicted, ids),
            None => HashMap::new(),
        };
        Resident { corpus: self, read }
    }

    /// Shell records of documents `docs`, for a snapshot; `None` when one of them is held
    /// in memory (stdin), with nowhere to read it again from.
    pub fn shell_records(&self, docs: Range<usize>) -> Option<Vec<ShellRecord>> {
        let evicted = self.evicted.as_ref()?;
        docs.map(|i| {
            let d = &self.documents[i];
            let line_span = match evicted.origins.get(i)?.as_ref()? {
                Origin::Record { span, line, .. } => Some((span.clone(), *line)),
                Origin::File { .. } | Origin::Row { .. } => None,
            };
            Some(ShellRecord::placed(d, line_span))
        })
        .collect()
    }

    /// Puts documents `ids` back in memory for good (those findings are reported on).
    pub fn load_back(&mut self, ids: &[usize]) {
        let Some(evicted) = &mut self.evicted else { return };
        let read = read_back(&self.documents, evicted, ids);
        for (i, d) in read {
            evicted.held[i] = true;
            self.documents[i] = d;
        }
    }
}

fn read_back(shells: &[Document], evicted: &Evicted, ids: &[usize]) -> HashMap<usize, Document> {
    let mut records: HashMap<&PathBuf, Vec<(usize, &Origin)>> = HashMap::new();
    let mut files: HashMap<(&PathBuf, Format), Vec<(usize, usize)>> = HashMap::new();
    let mut rows: HashMap<&PathBuf, Vec<(usize, usize)>> = HashMap::new();
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for &i in ids.iter().filter(|&&i| !evicted.held.get(i).copied().unwrap_or(true)) {
        match evicted.origins.get(i).and_then(Option::as_ref) {
            Some(o @ Origin::Record { path, .. }) => records.entry(path).or_default().push((i, o)),
            Some(Origin::File { path, format, index }) => files.entry((path, *format)).or_default().push((i, *index)),
            Some(Origin::Row { path, record }) => rows.entry(path).or_default().push((i, *record)),
            None => {}
        }
    }
    let display = |i: usize| shells[i].file.path.clone();
    let mut out: Vec<(usize, Document)> = records
        .into_par_iter()
        .flat_map_iter(|(path, wanted)| {
            let open = std::fs::File::open(path.as_path());
            wanted.into_iter().filter_map(move |(i, o)| {
                let Origin::Record { span, line, record, .. } = o else { return None };
                let file = open.as_ref().map_err(|e| log::warn!("cannot read {} again: {e}", path.display())).ok()?;
                windows::read_record(file, &display(i), &evicted.load, span.clone(), *line, *record)
                    .map_err(|e| log::warn!("cannot read {} again: {e}", shells[i].name))
                    .ok()
                    .map(|d| (i, d))
            })
        })
        .collect();
    let whole: Vec<(usize, Document)> = files
        .into_par_iter()
        .flat_map_iter(|((path, format), wanted)| {
            // Read through (a window or row group at a time), keeping only the wanted ones.
            let shown = display(wanted[0].0);
            let mut wanted: HashMap<usize, usize> = wanted.into_iter().map(|(i, index)| (index, i)).collect();
            let mut kept = Vec::new();
            let mut index = 0;
            windows::read_file(path, &shown, format, &evicted.load, &mut |loaded| {
                for d in loaded.documents {
                    if let Some(i) = wanted.remove(&index) {
                        kept.push((i, d));
                    }
                    index += 1;
                }
            });
            kept
        })
        .collect();
    out.extend(whole);
    let from_rows: Vec<(usize, Document)> = rows
        .into_par_iter()
        .flat_map_iter(|(path, wanted)| {
            let shown = display(wanted[0].0);
            let mut wanted: HashMap<usize, usize> = wanted.into_iter().map(|(i, record)| (record, i)).collect();
            let records: Vec<usize> = wanted.keys().copied().collect();
            let mut kept = Vec::new();
            columnar::read_records(path, &shown, &evicted.load, &records, &mut |loaded| {
                kept.extend(loaded.documents.into_iter().filter_map(|d| Some((wanted.remove(&d.record)?, d))));
            });
            kept
        })
        .collect();
    out.extend(from_rows);
    out.retain(|(i, d)| {
        let same = d.name == shells[*i].name;
        if !same {
            log::warn!("{} changed while it was being checked; it is left out of the corpus rules", shells[*i].name);
        }
        same
    });
    out.into_iter().collect()
}
