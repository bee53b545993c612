//! The corpus snapshot of `--corpus-root` runs: what the corpus rules need of every
//! document of the files that are context, not checked (their shells, claims, figure
//! keys and near-copy sketches, and the errors met reading them), by file path and stamp.
//! A pre-commit run over one changed file then reads that file alone: every other file
//! whose stamp (length, modification time, inode) is unchanged is taken from here, and
//! read back only where a finding or a story needs its text.
//!
//! One file per corpus and configuration (`corpus-KEY.bin` in the cache folder), read
//! whole at the start and rewritten only when a file was read afresh or is gone.

use crate::corpus::ShellRecord;
use crate::dedup::Sketch;
use crate::fsutil::Stamp;
use crate::source::{Format, LoadError};
use crate::story::{PackedClaims, StoryKeys};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

/// Bytes of one document's sketch: its shingle count and bins, little-endian.
const SKETCH_BYTES: usize = 4 * (crate::dedup::SKETCH_BINS + 1);

/// What is kept of one file.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FileEntry {
    pub stamp: Stamp,
    pub format: Format,
    pub records: Vec<ShellRecord>,
    pub errors: Vec<LoadError>,
    pub claims: PackedClaims,
    pub keys: StoryKeys,
    /// Sketch bins (`Sketch::to_bins`) of every document, little-endian; empty when no
    /// rule that ran takes sketches.
    #[serde(with = "serde_bytes")]
    sketches: Vec<u8>,
}

impl FileEntry {
    pub fn new(stamp: Stamp, format: Format, records: Vec<ShellRecord>, errors: Vec<LoadError>) -> FileEntry {
        FileEntry {
            stamp,
            format,
            records,
            errors,
            claims: PackedClaims::default(),
            keys: StoryKeys::default(),
            sketches: Vec::new(),
        }
    }

    pub fn with_results(mut self, claims: PackedClaims, keys: StoryKeys, sketches: &[Sketch]) -> FileEntry {
        self.claims = claims;
        self.keys = keys;
        self.sketches = sketches.iter().flat_map(Sketch::to_bins).flat_map(u32::to_le_bytes).collect();
        self
    }

    /// Whether it holds a sketch of every document.
    pub fn has_sketches(&self) -> bool {
        self.sketches.len() == self.records.len() * SKETCH_BYTES
    }

    /// The documents' sketches, one per document (none when none were kept).
    pub fn sketches(&self) -> Vec<Sketch> {
        let bins = |sketch: &[u8]| -> Vec<u32> {
            sketch.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect()
        };
        self.sketches.chunks_exact(SKETCH_BYTES).filter_map(|sketch| Sketch::from_bins(&bins(sketch))).collect()
    }
}

/// The snapshot of one corpus under one configuration.
/// Header of snapshot files; a new layout gets a new one.
const SNAPSHOT_MAGIC: &[u8; 8] = b"FLSNAPS2";

pub struct Snapshot {
    file: PathBuf,
    entries: FxHashMap<String, FileEntry>,
}

#[derive(serde::Serialize, serde::Deserialize, Default)]
struct SnapshotFile {
    entries: Vec<(String, FileEntry)>,
}

impl Snapshot {
    /// Reads the snapshot of key `key` in cache folder `dir`; a missing, unreadable or
    /// corrupt one is empty.
    pub fn open(dir: &Path, key: u64) -> Snapshot {
        let file = dir.join(format!("corpus-{key:016x}.bin"));
        let contents = std::fs::read(&file)
            .ok()
            .and_then(|bytes| super::read_sealed::<SnapshotFile>(&file, SNAPSHOT_MAGIC, &bytes))
            .unwrap_or_default();
        Snapshot { file, entries: contents.entries.into_iter().collect() }
    }

    /// What was kept of the file shown as `display`, if it is still what was read then.
    pub fn get(&self, display: &str, stamp: &Stamp, format: Format) -> Option<&FileEntry> {
        self.entries.get(display).filter(|e| e.stamp == *stamp && e.format == format)
    }

    /// How many files it keeps.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Writes `entries` as the new snapshot. Failing to write is logged and ignored.
    pub fn save(&self, mut entries: Vec<(String, FileEntry)>) {
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let written = super::make_cache_dir(self.file.parent().unwrap_or(Path::new(".")))
            .and_then(|()| super::write_atomically(&self.file, SNAPSHOT_MAGIC, &SnapshotFile { entries }));
        if let Err(e) = written {
            log::debug!("cannot write the snapshot {}: {e}", self.file.display());
        }
    }
}

/// The key of a snapshot: the corpus (its root as given, from where) and everything the
/// kept results depend on.
pub fn key(results: u64, roots: &[PathBuf], load: &crate::source::LoadOptions, sketches: bool) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write_u64(results);
    let here = std::env::current_dir().unwrap_or_default();
    h.write(format!("{here:?}{roots:?}{:?}{:?}{sketches}", load.text_fields, load.id_fields).as_bytes());
    h.finish()
}
