//! Reading a corpus in batches of bounded size. Each batch's documents are handed over in
//! full once, for the per-document work (rules, claims, signatures); then only their
//! shells stay, with where to read them again ([`super::resident`]). Memory then grows with
//! the number of documents, not with the size of their text.

use super::resident::{origin_of, restore, Evicted, ShellRecord};
use super::{Corpus, Inputs};
use crate::fsutil::Stamp;
use crate::source::walk::Input;
use crate::source::{self, windows, Document, Format, LoadError, Loaded, SourceFile};
use rayon::prelude::*;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// What a streamed run does with what it reads.
pub trait Sink {
    /// The per-document work on documents `first..` of the corpus, read in full.
    fn documents(&mut self, first: usize, documents: &[Document]);

    /// What an earlier run kept of `file` (stamped `stamp`), to stand in for reading it;
    /// `None`: the file is read. Asked once per file, before any is read.
    fn known(&mut self, _file: &Input, _stamp: &Stamp) -> Option<Known> {
        None
    }

    /// The documents of a file the sink knew come next: the sink adds the results it kept
    /// of them, in order with the batches.
    fn restored(&mut self, _file: &Input) {}

    /// Whether the corpus keeps each document's shell once the sink has seen it, to read
    /// it again later. A sink that needs nothing more of a document says no: the corpus
    /// then holds no documents, and memory stays that of one batch however large the
    /// corpus.
    fn keeps_shells(&self) -> bool {
        true
    }
}

/// A file's documents and errors as an earlier run kept them.
pub struct Known {
    pub records: Vec<ShellRecord>,
    pub errors: Vec<LoadError>,
}

/// One input file of a streamed run: its stamp when it was read (`None`: it could not be
/// stat'ed), its documents, and whether they came from what an earlier run kept.
pub struct Streamed {
    pub input: Input,
    pub stamp: Option<Stamp>,
    pub documents: Range<usize>,
    pub known: bool,
}

/// Bytes of input read before a batch is handed over.
pub const BATCH_BYTES: usize = 64 << 20;

/// One input file as the stream knows it: the shell its documents share and how many of
/// its documents have been seen.
struct FileSlot {
    path: Arc<PathBuf>,
    shell: Arc<SourceFile>,
    seen: usize,
}

struct Batch<'a> {
    corpus: Corpus,
    slots: Vec<FileSlot>,
    pending: Vec<(usize, Loaded)>,
    bytes: usize,
    budget: usize,
    /// Documents pending: a batch of short records is cut by their number, not bytes.
    documents: usize,
    /// Documents handed to the sink so far: the corpus index of the next.
    handed: usize,
    /// Whether documents stay in full after the sink has seen them: the whole corpus fits
    /// in one batch, which was held in memory at once anyway, and reading documents back
    /// would cost time and save nothing.
    whole: bool,
    sink: &'a mut dyn Sink,
}

impl Batch<'_> {
    fn push(&mut self, slot: usize, loaded: Loaded) {
        // Documents of one load share their file (or window) text.
        let file_bytes = loaded.documents.first().map_or(0, |d| d.file.text.len());
        self.bytes += file_bytes + loaded.documents.iter().map(|d| d.text.len()).sum::<usize>();
        self.documents += loaded.documents.len();
        self.pending.push((slot, loaded));
        if self.bytes >= self.budget || self.documents >= crate::source::windows::WINDOW_RECORDS {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let mut documents = Vec::new();
        let mut slots = Vec::new();
        for (slot, loaded) in self.pending.drain(..) {
            self.corpus.errors.extend(loaded.errors);
            slots.extend(std::iter::repeat_n(slot, loaded.documents.len()));
            documents.extend(loaded.documents);
        }
        self.bytes = 0;
        self.documents = 0;
        if documents.is_empty() {
            return;
        }
        self.sink.documents(self.handed, &documents);
        self.handed += documents.len();
        if !self.sink.keeps_shells() {
            for slot in slots {
                if let Some(file) = self.slots.get_mut(slot) {
                    file.seen += 1;
                }
            }
            return;
        }
        let evicted = self.corpus.evicted.as_mut().expect("a streamed corpus evicts");
        for (d, slot) in documents.into_iter().zip(slots) {
            let Some(file) = self.slots.get_mut(slot) else {
                // Stdin: there is nowhere to read it again from, so it stays.
                evicted.origins.push(None);
                evicted.held.push(true);
                self.corpus.documents.push(d);
                continue;
            };
            let record = ShellRecord::of(&d);
            let document = if self.whole {
                evicted.origins.push(Some(origin_of(&record, &file.path, file.seen)));
                d
            } else {
                let (shell, origin) = restore(record, &file.shell, &file.path, file.seen);
                evicted.origins.push(Some(origin));
                shell
            };
            evicted.held.push(self.whole);
            file.seen += 1;
            self.corpus.documents.push(document);
        }
    }

    /// The documents of file `slot` as an earlier run kept them, in place of reading it.
    fn push_known(&mut self, slot: usize, known: Known) {
        let evicted = self.corpus.evicted.as_mut().expect("a streamed corpus evicts");
        let file = &mut self.slots[slot];
        self.handed += known.records.len();
        for record in known.records {
            let (document, origin) = restore(record, &file.shell, &file.path, file.seen);
            evicted.origins.push(Some(origin));
            evicted.held.push(false);
            file.seen += 1;
            self.corpus.documents.push(document);
        }
        self.corpus.errors.extend(known.errors);
    }
}

impl Corpus {
    /// Reads the inputs in batches of about `budget` bytes, in sorted path order. Each
    /// batch's documents go to the sink with the corpus index of the first; the corpus keeps
    /// their shells. Large JSON Lines files are read in windows; stdin is kept whole. Files
    /// the sink already knows are not read at all. Also returns what became of each file.
    pub fn stream(inputs: &Inputs, budget: usize, sink: &mut dyn Sink) -> (Corpus, Vec<Streamed>) {
        let (files, errors) = inputs.files();
        let slots = files
            .iter()
            .map(|f| FileSlot {
                path: Arc::new(f.path.clone()),
                shell: Arc::new(SourceFile::new(f.display.clone(), String::new(), None)),
                seen: 0,
            })
            .collect();
        let evicted = Evicted { load: inputs.load.clone(), origins: Vec::new(), held: Vec::new() };
        let corpus = Corpus { files: files.len(), documents: Vec::new(), errors, evicted: Some(evicted) };
        let stamps: Vec<Option<Stamp>> =
            files.par_iter().map(|f| std::fs::metadata(&f.path).ok().map(|m| Stamp::of(&m))).collect();
        let size = |i: usize| stamps[i].map_or(0, |s| s.len as usize);
        // Compressed files grow when read: only plain ones are known to fit.
        let total: usize =
            (0..files.len()).map(size).sum::<usize>() + inputs.piped.iter().map(|p| p.1.len()).sum::<usize>();
        let whole = total < budget && !files.iter().any(|f| f.format.is_packed(&f.path));
        let mut batch =
            Batch { corpus, slots, pending: Vec::new(), bytes: 0, budget, documents: 0, handed: 0, whole, sink };
        let windowed = |i: usize| files[i].format.reads_in_windows(&files[i].path, size(i), inputs.load.window_bytes);
        let mut known: Vec<Option<Known>> = files
            .iter()
            .zip(&stamps)
            .map(|(f, stamp)| stamp.as_ref().and_then(|stamp| batch.sink.known(f, stamp)))
            .collect();
        let was_known: Vec<bool> = known.iter().map(Option::is_some).collect();
        let mut next = 0;
        while next < files.len() {
            if let Some(k) = known[next].take() {
                // Documents before it are handed over first, so that indexes stay in order.
                batch.flush();
                batch.sink.restored(&files[next]);
                batch.push_known(next, k);
                next += 1;
                continue;
            }
            if windowed(next) {
                let f = &files[next];
                windows::read_file(&f.path, &f.display, f.format, &inputs.load, &mut |l| batch.push(next, l));
                next += 1;
                continue;
            }
            // Small files are read in parallel, a budget's worth at a time, up to a file the
            // sink knows.
            let (start, mut bytes) = (next, 0);
            while next < files.len() && bytes < budget && !windowed(next) && !was_known[next] {
                bytes += size(next);
                next += 1;
            }
            let loaded: Vec<Loaded> = files[start..next]
                .par_iter()
                .map(|f| source::load_file(&f.path, &f.display, f.format, &inputs.load))
                .collect();
            for (slot, l) in (start..next).zip(loaded) {
                batch.push(slot, l);
            }
        }
        for (name, bytes) in &inputs.piped {
            let format = Format::from_path(std::path::Path::new(name)).unwrap_or(Format::Text);
            batch.corpus.files += 1;
            batch.push(usize::MAX, source::load_bytes(name, bytes, format, &inputs.load));
        }
        batch.flush();
        let mut corpus = batch.corpus;
        corpus.errors.sort_by(|a, b| (&a.path, a.offset).cmp(&(&b.path, b.offset)));
        let mut first = 0;
        let streamed = files
            .into_iter()
            .zip(batch.slots)
            .zip(stamps)
            .zip(was_known)
            .map(|(((input, slot), stamp), known)| {
                let documents = first..first + slot.seen;
                first = documents.end;
                Streamed { input, stamp, documents, known }
            })
            .collect();
        (corpus, streamed)
    }
}
