//! `check` over inputs read in batches: the per-document work is done while a batch is in
//! memory, the corpus rules read back only the documents they need, and the returned
//! corpus holds in full only the documents that findings are on. A `--corpus-root` run
//! with a cache keeps a corpus snapshot of the files it does not report on and, next
//! time, takes every such file that has not changed from it instead of reading it.

use super::{Kept, Plan, Report, RunOptions};
use crate::cache::{FileEntry, Snapshot};
use crate::config::Settings;
use crate::corpus::{Corpus, Inputs, Known, Sink, Streamed};
use crate::finding::Place;
use crate::fsutil::Stamp;
use crate::source::walk::Input;
use crate::story::StoryKeys;
use rustc_hash::FxHashMap;

/// Files modified this recently are not kept in a snapshot: they may change again within
/// one tick of the file system's clock without their stamp showing it.
const RACY_WINDOW: std::time::Duration = std::time::Duration::from_secs(1);

/// The stream's sink: batches go to the per-document work, files the snapshot knows are
/// taken from it.
struct Streaming<'p, 'a> {
    plan: &'p Plan<'a>,
    kept: &'p mut Kept,
    snapshot: Option<&'p Snapshot>,
    /// Whether a rule that runs takes near-copy sketches.
    sketches: bool,
    /// Entries of files the stream was told are known, until their place comes.
    waiting: FxHashMap<String, &'p FileEntry>,
}

impl Sink for Streaming<'_, '_> {
    fn documents(&mut self, first: usize, documents: &[crate::source::Document]) {
        self.plan.documents(first, documents, self.kept);
    }

    fn known(&mut self, file: &Input, stamp: &Stamp) -> Option<Known> {
        // Files reported on are always read: their per-document findings are needed.
        if self.plan.options.focused(&file.display) {
            return None;
        }
        let entry = self.snapshot?.get(&file.display, stamp, file.format)?;
        if self.sketches && !entry.has_sketches() {
            return None;
        }
        log::debug!("{} is unchanged: taken from the corpus snapshot", file.display);
        self.waiting.insert(file.display.clone(), entry);
        Some(Known { records: entry.records.clone(), errors: entry.errors.clone() })
    }

    fn restored(&mut self, file: &Input) {
        let Some(entry) = self.waiting.remove(&file.display) else { return };
        let documents = entry.records.len();
        self.kept.claims.append(&entry.claims);
        self.kept.keys.extend_from(&entry.keys, 0..entry.keys.len());
        self.kept.signatures.extend(entry.sketches());
        self.kept.focus.extend(std::iter::repeat_n(false, documents));
        if let Some(tick) = self.plan.options.on_document {
            (0..documents).for_each(|_| tick());
        }
    }
}

/// Checks the inputs reading them in batches (see the module's documentation).
pub fn run_streamed(
    inputs: &Inputs,
    settings: &Settings,
    selection: &super::Selection,
    options: &RunOptions<'_>,
) -> (Corpus, Report) {
    let plan = Plan::new(settings, selection, options);
    let mut kept = Kept::default();
    let started = std::time::Instant::now();
    let budget = inputs.batch_bytes.unwrap_or(crate::corpus::BATCH_BYTES);
    let sketches = plan.rules.iter().any(|r| r.has_signature());
    let snapshot = match (options.focus, options.cache) {
        (Some(_), Some(cache)) => Some(cache.snapshot(crate::cache::snapshot_key(
            settings.results_key(),
            &inputs.paths,
            &inputs.load,
            sketches,
        ))),
        _ => None,
    };
    let mut sink = Streaming {
        plan: &plan,
        kept: &mut kept,
        snapshot: snapshot.as_ref(),
        sketches,
        waiting: FxHashMap::default(),
    };
    let (mut corpus, files) = Corpus::stream(inputs, budget, &mut sink);
    log::debug!("read the corpus and ran the per-document work in {:?}", started.elapsed());
    // The last batch's text and results are gone: the corpus stage starts from what is kept.
    crate::memory::give_back();
    if let Some(snapshot) = &snapshot {
        keep_snapshot(snapshot, (&corpus, &files), &kept, sketches, options);
    }
    plan.corpus(&corpus, &mut kept);
    let mut shown: Vec<usize> = kept
        .findings
        .iter()
        .flat_map(|f| std::iter::once(&f.place).chain(f.related.iter().map(|r| &r.place)))
        .filter_map(|p| match p {
            Place::Text { doc, .. } => Some(*doc),
            Place::File { .. } => None,
        })
        .collect();
    shown.sort_unstable();
    shown.dedup();
    corpus.load_back(&shown);
    // A file rewritten while it was being checked may have lost findings on the way (its
    // documents could not be read back): an error on the file, never a silent drop.
    let changed = changed_during_run(&files);
    if plan.enabled("unreadable-input") {
        kept.findings.extend(changed.iter().map(super::unreadable));
    }
    corpus.errors.extend(changed);
    let report = plan.finish(&corpus, kept);
    (corpus, report)
}

/// Writes the snapshot of the files not reported on, when one was read afresh or is gone.
fn keep_snapshot(
    snapshot: &Snapshot,
    (corpus, files): (&Corpus, &[Streamed]),
    kept: &Kept,
    sketches: bool,
    options: &RunOptions<'_>,
) {
    let now = std::time::SystemTime::now();
    let eligible: Vec<(&Streamed, Stamp)> = files
        .iter()
        .filter(|f| !options.focused(&f.input.display))
        .filter_map(|f| Some((f, f.stamp.filter(|s| !s.is_recent(now, RACY_WINDOW))?)))
        .collect();
    if eligible.len() == snapshot.len() && eligible.iter().all(|(f, _)| f.known) {
        return;
    }
    let started = std::time::Instant::now();
    let entries: Vec<(String, FileEntry)> = eligible
        .into_iter()
        .filter_map(|(f, stamp)| {
            let range = f.documents.clone();
            let records = corpus.shell_records(range.clone())?;
            let errors = corpus.errors.iter().filter(|e| e.path == f.input.display).cloned().collect();
            let mut keys = StoryKeys::default();
            keys.extend_from(&kept.keys, range.clone());
            let sketches = if sketches { kept.signatures.slice(range.clone())? } else { Vec::new() };
            let entry = FileEntry::new(stamp, f.input.format, records, errors).with_results(
                kept.claims.slice(range),
                keys,
                &sketches,
            );
            Some((f.input.display.clone(), entry))
        })
        .collect();
    snapshot.save(entries);
    log::debug!("wrote the corpus snapshot in {:?}", started.elapsed());
}

/// Errors for the input files whose stamp is no longer the one they were read with.
fn changed_during_run(files: &[Streamed]) -> Vec<crate::source::LoadError> {
    files
        .iter()
        .filter(|f| {
            f.stamp.is_some_and(|stamp| std::fs::metadata(&f.input.path).map_or(true, |m| Stamp::of(&m) != stamp))
        })
        .map(|f| crate::source::LoadError {
            path: f.input.display.clone(),
            offset: 0,
            line: 1,
            column: 1,
            doc: None,
            message: "changed while it was being checked; findings on it may be missing: check it again".to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_rewritten_during_the_run_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "投入1.4万亿元。").unwrap();
        let stamp = Stamp::of(&std::fs::metadata(&path).unwrap());
        let input = crate::source::walk::Input {
            display: "a.txt".to_string(),
            path: path.clone(),
            format: crate::source::Format::Text,
        };
        let files = [Streamed { input, stamp: Some(stamp), documents: 0..1, known: false }];
        assert!(changed_during_run(&files).is_empty());
        std::fs::write(&path, "投入1.4万亿元，新建医院。").unwrap();
        let errors = changed_during_run(&files);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("changed while it was being checked"));
    }
}
