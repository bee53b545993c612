//! The claim cache: extraction is most of what `check` spends on a document, and a
//! document that has not changed has the same claims. Claims are stored per document
//! text, keyed by a hash of the text, under a key for everything else they depend on (the
//! factlint build and the lexicon files). Per-document findings are kept too, keyed also
//! by the document's name and format and the configuration, and so are the near-copy
//! sketches of `duplicate-document`, keyed by the body they were made from. One file per
//! such key, read whole at the start of a run and rewritten (to a temporary file, then
//! renamed) only when the run added entries, so concurrent runs never see a torn file.
//!
//! The cache lives in `.factlint_cache/` in the working directory unless `--cache-dir`
//! says otherwise; `--no-cache` bypasses it and `factlint clean` removes it.

use crate::dedup::Sketch;
use crate::extract::Claim;
use crate::finding::{DocumentFinding, Finding};
use crate::source::Document;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The folder used when `--cache-dir` is not given.
pub const DEFAULT_DIR: &str = ".factlint_cache";

/// A document's key: hash and length of its text.
type Key = (u64, u64);

fn text_key(text: &str) -> Key {
    let mut h = FxHasher::default();
    h.write(text.as_bytes());
    (h.finish(), text.len() as u64)
}

/// Claims, per-document findings and near-copy sketches of documents seen before.
pub struct ClaimCache {
    file: PathBuf,
    claims: Store<Vec<Claim>>,
    sketches: Store<Vec<u32>>,
    findings: Store<Vec<DocumentFinding>>,
}

/// One kind of cached value: what the file held, and what this run added.
struct Store<V> {
    stored: FxHashMap<Key, V>,
    added: Mutex<Vec<(Key, V)>>,
}

impl<V: Clone> Store<V> {
    fn new(entries: Vec<(Key, V)>) -> Store<V> {
        Store { stored: entries.into_iter().collect(), added: Mutex::new(Vec::new()) }
    }

    fn get(&self, key: &Key) -> Option<&V> {
        self.stored.get(key)
    }

    fn add(&self, key: Key, value: V) {
        self.added.lock().unwrap_or_else(|e| e.into_inner()).push((key, value));
    }

    fn added(&self) -> usize {
        self.added.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// Every entry, sorted by key.
    fn into_entries(self) -> Vec<(Key, V)> {
        let added = self.added.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut entries: Vec<(Key, V)> = self.stored.into_iter().chain(added).collect();
        entries.sort_by_key(|(k, _)| *k);
        entries.dedup_by_key(|(k, _)| *k);
        entries
    }
}

/// What a cache file holds.
#[derive(serde::Serialize, serde::Deserialize, Default)]
struct CacheFile {
    claims: Vec<(Key, Vec<Claim>)>,
    /// Sketch bins (`dedup::Sketch::to_bins`) by body text and shingle size.
    sketches: Vec<(Key, Vec<u32>)>,
    /// Per-document findings by document text, name and format, and the settings.
    findings: Vec<(Key, Vec<DocumentFinding>)>,
}

/// What the cached claims depend on besides the text: this very build of factlint
/// (its version and its executable, so a rebuilt binary never reads claims of an older
/// extractor) and the user's lexicon files.
pub fn extractor_key(lexicons: &[(PathBuf, String)]) -> u64 {
    let mut h = FxHasher::default();
    h.write(env!("CARGO_PKG_VERSION").as_bytes());
    if let Some(meta) = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok()) {
        h.write_u64(meta.len());
        if let Ok(modified) = meta
            .modified()
            .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).map_err(|e| std::io::Error::other(e.to_string())))
        {
            h.write_u128(modified.as_nanos());
        }
    }
    for (_, text) in lexicons {
        h.write(text.as_bytes());
        h.write_u8(0xff);
    }
    h.finish()
}

impl ClaimCache {
    /// Opens (or starts) the cache for one extractor key. An unreadable or corrupt
    /// cache file is treated as empty: the cache can only ever save work.
    pub fn open(dir: &Path, key: u64) -> ClaimCache {
        let file = dir.join(format!("claims-{key:016x}.bin"));
        let contents = std::fs::read(&file)
            .ok()
            .and_then(|bytes| match postcard::from_bytes::<CacheFile>(&bytes) {
                Ok(contents) => Some(contents),
                Err(e) => {
                    log::debug!("ignoring the unreadable cache {}: {e}", file.display());
                    None
                }
            })
            .unwrap_or_default();
        ClaimCache {
            file,
            claims: Store::new(contents.claims),
            sketches: Store::new(contents.sketches),
            findings: Store::new(contents.findings),
        }
    }

    /// The claims of `text`: from the cache, or extracted by `extract` and remembered.
    pub fn claims(&self, text: &str, extract: impl FnOnce(&str) -> Vec<Claim>) -> Vec<Claim> {
        let key = text_key(text);
        if let Some(claims) = self.claims.get(&key) {
            return claims.clone();
        }
        let claims = extract(text);
        self.claims.add(key, claims.clone());
        claims
    }

    /// The near-copy sketch of a document body with shingles of `k` tokens: from the
    /// cache, or made by `sketch` and remembered.
    pub fn sketch(&self, body: &str, k: usize, sketch: impl FnOnce(&str) -> Sketch) -> Sketch {
        let (hash, len) = text_key(body);
        let key = (hash ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15), len);
        if let Some(sketch) = self.sketches.get(&key).and_then(|bins| Sketch::from_bins(bins)) {
            return sketch;
        }
        let made = sketch(body);
        self.sketches.add(key, made.to_bins());
        made
    }

    /// The per-document findings of document `doc` under settings `settings_key`: from
    /// the cache, or found by `check` and remembered. Rules not in `rule_ids` are dropped.
    pub fn findings(
        &self,
        document: &Document,
        settings_key: u64,
        (doc, rule_ids): (usize, &[&'static str]),
        check: impl FnOnce() -> Vec<Finding>,
    ) -> Vec<Finding> {
        // Findings name their document (fingerprints) and depend on its format too.
        let (hash, len) = text_key(&document.text);
        let mut h = FxHasher::default();
        h.write_u64(hash);
        h.write(document.name.as_bytes());
        h.write_u8(document.format as u8);
        h.write_u64(settings_key);
        let key = (h.finish(), len);
        if let Some(stored) = self.findings.get(&key) {
            return stored.iter().filter_map(|f| f.restore(doc, rule_ids)).collect();
        }
        let found = check();
        self.findings.add(key, found.iter().cloned().map(DocumentFinding::of).collect());
        found
    }

    /// How many documents' claims this run extracted anew.
    pub fn added(&self) -> usize {
        self.claims.added()
    }

    /// Writes the cache back when the run added entries. Failing to write is reported at
    /// debug level and otherwise ignored: the run's results do not depend on it.
    pub fn save(self) {
        if self.claims.added() + self.sketches.added() + self.findings.added() == 0 {
            return;
        }
        let contents = CacheFile {
            claims: self.claims.into_entries(),
            sketches: self.sketches.into_entries(),
            findings: self.findings.into_entries(),
        };
        if let Err(e) = write_atomically(&self.file, &contents) {
            log::debug!("cannot write the cache {}: {e}", self.file.display());
        }
    }
}

fn write_atomically(file: &Path, entries: &CacheFile) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    if !dir.exists() {
        std::fs::create_dir_all(dir)?;
        // Like other linters' caches: never committed by accident.
        std::fs::write(dir.join(".gitignore"), "# Created by factlint.\n*\n")?;
    }
    let bytes = postcard::to_allocvec(entries).map_err(|e| std::io::Error::other(e.to_string()))?;
    crate::fsutil::replace_file(file, &bytes)
}

/// `factlint clean`: removes the cache folder. Only a folder that looks like a factlint
/// cache (its files are all ours) is removed, so a mistyped `--cache-dir` cannot delete
/// a user's folder.
pub fn clean(dir: &Path) -> std::io::Result<bool> {
    if !dir.exists() {
        return Ok(false);
    }
    let ours = |name: &str| name == ".gitignore" || name.starts_with("claims-");
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        if !ours(&name.to_string_lossy()) {
            return Err(std::io::Error::other(format!(
                "{} holds files factlint did not write ({}); not removing it",
                dir.display(),
                name.to_string_lossy()
            )));
        }
    }
    std::fs::remove_dir_all(dir)?;
    Ok(true)
}
