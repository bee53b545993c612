//! Reading a corpus in batches of bounded size. Each batch's documents are handed over in
//! full once, for the per-document work (rules, claims, signatures); then only their
//! shells stay, with where to read them again ([`super::resident`]). Memory then grows with
//! the number of documents, not with the size of their text.

use super::resident::{origin, shell, Evicted};
use super::{matches_exclude, Corpus, Inputs};
use crate::source::walk;
use crate::source::{self, windows, Document, Format, Loaded, SourceFile};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

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
    each: &'a mut dyn FnMut(usize, &[Document]),
}

impl Batch<'_> {
    fn push(&mut self, slot: usize, loaded: Loaded) {
        // Documents of one load share their file (or window) text.
        let file_bytes = loaded.documents.first().map_or(0, |d| d.file.text.len());
        self.bytes += file_bytes + loaded.documents.iter().map(|d| d.text.len()).sum::<usize>();
        self.pending.push((slot, loaded));
        if self.bytes >= self.budget {
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
        if documents.is_empty() {
            return;
        }
        (self.each)(self.corpus.documents.len(), &documents);
        let evicted = self.corpus.evicted.as_mut().expect("a streamed corpus evicts");
        for (d, slot) in documents.into_iter().zip(slots) {
            let Some(file) = self.slots.get_mut(slot) else {
                // Stdin: there is nowhere to read it again from, so it stays.
                evicted.origins.push(None);
                self.corpus.documents.push(d);
                continue;
            };
            evicted.origins.push(Some(origin(&d, &file.path, file.seen)));
            file.seen += 1;
            self.corpus.documents.push(shell(d, &file.shell));
        }
    }
}

impl Corpus {
    /// Reads the inputs in batches of about `budget` bytes, in sorted path order. Each
    /// batch's documents go to `each` with the corpus index of the first; the corpus keeps
    /// their shells. Large JSON Lines files are read in windows; stdin is kept whole.
    pub fn stream(inputs: &Inputs, budget: usize, each: &mut dyn FnMut(usize, &[Document])) -> Corpus {
        let excluded = |p: &str| inputs.exclude.iter().any(|pat| matches_exclude(pat, p));
        let (files, errors) = walk::collect(&inputs.paths, &excluded);
        let slots = files
            .iter()
            .map(|f| FileSlot {
                path: Arc::new(f.path.clone()),
                shell: Arc::new(SourceFile::new(f.display.clone(), String::new(), None)),
                seen: 0,
            })
            .collect();
        let evicted = Evicted { load: inputs.load.clone(), origins: Vec::new() };
        let corpus = Corpus { files: files.len(), documents: Vec::new(), errors, evicted: Some(evicted) };
        let mut batch = Batch { corpus, slots, pending: Vec::new(), bytes: 0, budget, each };
        let sizes: Vec<usize> =
            files.iter().map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len() as usize)).collect();
        let windowed = |i: usize| files[i].format == Format::Jsonl && sizes[i] > inputs.load.window_bytes;
        let mut next = 0;
        while next < files.len() {
            if windowed(next) {
                let f = &files[next];
                windows::read_file(&f.path, &f.display, f.format, &inputs.load, &mut |l| batch.push(next, l));
                next += 1;
                continue;
            }
            // Small files are read in parallel, a budget's worth at a time.
            let (start, mut bytes) = (next, 0);
            while next < files.len() && bytes < budget && !windowed(next) {
                bytes += sizes[next];
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
        if let Some((name, bytes)) = &inputs.stdin {
            let format = Format::from_path(std::path::Path::new(name)).unwrap_or(Format::Text);
            batch.corpus.files += 1;
            batch.push(usize::MAX, source::load_bytes(name, bytes, format, &inputs.load));
        }
        batch.flush();
        let mut corpus = batch.corpus;
        corpus.errors.sort_by(|a, b| (&a.path, a.offset).cmp(&(&b.path, b.offset)));
        corpus
    }
}
