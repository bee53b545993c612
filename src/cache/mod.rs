//! The claim cache: extraction is most of what `check` spends on a document, and a
//! document that has not changed has the same claims. Claims are stored per document
//! text, keyed by a hash of the text, under a key for everything else they depend on (the
//! factlint build and the lexicon files). Per-document findings are kept too, keyed also
//! by the document's name and format and the configuration, and so are the near-copy
//! sketches of `duplicate-document`, keyed by the body they were made from.
//!
//! Entries are spread over [`SHARDS`] files by key, each read only when a key of its
//! share is first asked for, so a run over one changed file reads a sliver of a large
//! cache. A shard is rewritten (to a temporary file, then renamed) only when the run added
//! entries to it, so concurrent runs never see a torn file.
//!
//! The cache lives in `.factlint_cache/` in the working directory unless `--cache-dir`
//! says otherwise; `--no-cache` bypasses it and `factlint clean` removes it.

pub mod snapshot;

pub use snapshot::{key as snapshot_key, FileEntry, Snapshot};

use crate::dedup::Sketch;
use crate::extract::Claim;
use crate::finding::{DocumentFinding, Finding};
use crate::source::Document;
use rayon::prelude::*;
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

/// Files the entries are spread over, by the top bits of their key.
pub const SHARDS: usize = 64;

fn shard_of(key: &Key) -> usize {
    (key.0 >> (64 - SHARDS.trailing_zeros())) as usize
}

/// Claims, per-document findings and near-copy sketches of documents seen before.
pub struct ClaimCache {
    dir: PathBuf,
    key: u64,
    folder: PathBuf,
    shards: Vec<std::sync::OnceLock<Shard>>,
    added: Mutex<Added>,
}

/// One shard's entries as read from its file.
#[derive(Default)]
struct Shard {
    claims: FxHashMap<Key, Vec<Claim>>,
    sketches: FxHashMap<Key, Vec<u32>>,
    findings: FxHashMap<Key, Vec<DocumentFinding>>,
}

/// Entries this run made, of every shard.
#[derive(Default)]
struct Added {
    claims: Vec<(Key, Vec<Claim>)>,
    sketches: Vec<(Key, Vec<u32>)>,
    findings: Vec<(Key, Vec<DocumentFinding>)>,
}

impl Added {
    fn len(&self) -> usize {
        self.claims.len() + self.sketches.len() + self.findings.len()
    }
}

/// What a shard file holds, each list sorted by key.
#[derive(serde::Serialize, serde::Deserialize, Default)]
struct CacheFile {
    claims: Vec<(Key, Vec<Claim>)>,
    /// Sketch bins (`dedup::Sketch::to_bins`) by body text and shingle size.
    sketches: Vec<(Key, Vec<u32>)>,
    /// Per-document findings by document text, name and format, and the settings.
    findings: Vec<(Key, Vec<DocumentFinding>)>,
}

/// Header of cache shard files; a new layout gets a new one.
const SHARD_MAGIC: &[u8; 8] = b"FLCACHE2";

fn read_shard(file: &Path) -> Shard {
    let contents = match std::fs::read(file) {
        Ok(bytes) => read_sealed::<CacheFile>(file, SHARD_MAGIC, &bytes).unwrap_or_default(),
        Err(_) => CacheFile::default(),
    };
    Shard {
        claims: contents.claims.into_iter().collect(),
        sketches: contents.sketches.into_iter().collect(),
        findings: contents.findings.into_iter().collect(),
    }
}

/// Sorted by key, one entry per key (the first of equal ones).
fn sorted<V>(mut entries: Vec<(Key, V)>) -> Vec<(Key, V)> {
    entries.sort_by_key(|(k, _)| *k);
    entries.dedup_by_key(|(k, _)| *k);
    entries
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
    /// Opens (or starts) the cache for one extractor key. Nothing is read until an entry
    /// is asked for; an unreadable or corrupt shard is treated as empty: the cache can
    /// only ever save work.
    pub fn open(dir: &Path, key: u64) -> ClaimCache {
        ClaimCache {
            dir: dir.to_path_buf(),
            key,
            folder: dir.join(format!("results-{key:016x}")),
            shards: (0..SHARDS).map(|_| std::sync::OnceLock::new()).collect(),
            added: Mutex::new(Added::default()),
        }
    }

    /// The corpus snapshot of key `key` beside this cache, for this build and lexicons.
    pub fn snapshot(&self, key: u64) -> Snapshot {
        Snapshot::open(&self.dir, key ^ self.key.rotate_left(17))
    }

    fn shard_file(&self, shard: usize) -> PathBuf {
        self.folder.join(format!("{shard:02x}.bin"))
    }

    fn shard(&self, key: &Key) -> &Shard {
        let shard = shard_of(key);
        self.shards[shard].get_or_init(|| read_shard(&self.shard_file(shard)))
    }

    fn add(&self, add: impl FnOnce(&mut Added)) {
        add(&mut self.added.lock().unwrap_or_else(|e| e.into_inner()));
    }

    /// The claims of `text`: from the cache, or extracted by `extract` and remembered.
    pub fn claims(&self, text: &str, extract: impl FnOnce(&str) -> Vec<Claim>) -> Vec<Claim> {
        let key = text_key(text);
        if let Some(claims) = self.shard(&key).claims.get(&key) {
            if claims.iter().all(|c| c.fits(text)) {
                return claims.clone();
            }
            log::warn!("a cached entry does not fit its text; extracting it again");
        }
        let claims = extract(text);
        self.add(|a| a.claims.push((key, claims.clone())));
        claims
    }

    /// The near-copy sketch of a document body with shingles of `k` tokens: from the
    /// cache, or made by `sketch` and remembered.
    pub fn sketch(&self, body: &str, k: usize, sketch: impl FnOnce(&str) -> Sketch) -> Sketch {
        let (hash, len) = text_key(body);
        let key = (hash ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15), len);
        if let Some(sketch) = self.shard(&key).sketches.get(&key).and_then(|bins| Sketch::from_bins(bins)) {
            return sketch;
        }
        let made = sketch(body);
        self.add(|a| a.sketches.push((key, made.to_bins())));
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
        if let Some(stored) = self.shard(&key).findings.get(&key) {
            if stored.iter().all(|f| f.fits(&document.text)) {
                return stored.iter().filter_map(|f| f.restore(doc, rule_ids)).collect();
            }
            log::warn!("cached findings of {} do not fit its text; checking it again", document.name);
        }
        let found = check();
        self.add(|a| a.findings.push((key, found.iter().cloned().map(DocumentFinding::of).collect())));
        found
    }

    /// How many documents' claims this run extracted anew.
    pub fn added(&self) -> usize {
        self.added.lock().unwrap_or_else(|e| e.into_inner()).claims.len()
    }

    /// Writes back the shards the run added entries to. Failing to write is reported at
    /// debug level and otherwise ignored: the run's results do not depend on it.
    pub fn save(self) {
        let files: Vec<PathBuf> = (0..SHARDS).map(|shard| self.shard_file(shard)).collect();
        let added = self.added.into_inner().unwrap_or_else(|e| e.into_inner());
        if added.len() == 0 {
            return;
        }
        let mut by_shard: Vec<CacheFile> = (0..SHARDS).map(|_| CacheFile::default()).collect();
        for (key, v) in added.claims {
            by_shard[shard_of(&key)].claims.push((key, v));
        }
        for (key, v) in added.sketches {
            by_shard[shard_of(&key)].sketches.push((key, v));
        }
        for (key, v) in added.findings {
            by_shard[shard_of(&key)].findings.push((key, v));
        }
        if let Err(e) = make_cache_dir(&self.dir).and_then(|()| std::fs::create_dir_all(&self.folder)) {
            log::debug!("cannot write the cache {}: {e}", self.folder.display());
            return;
        }
        let held = self.shards.into_iter().map(std::sync::OnceLock::into_inner);
        let work: Vec<_> = by_shard.into_iter().zip(held).zip(files).collect();
        work.into_par_iter().for_each(|((new, held), file)| {
            if new.claims.len() + new.sketches.len() + new.findings.len() == 0 {
                return;
            }
            let old = held.unwrap_or_else(|| read_shard(&file));
            let contents = CacheFile {
                claims: sorted(new.claims.into_iter().chain(old.claims).collect()),
                sketches: sorted(new.sketches.into_iter().chain(old.sketches).collect()),
                findings: sorted(new.findings.into_iter().chain(old.findings).collect()),
            };
            if let Err(e) = write_atomically(&file, SHARD_MAGIC, &contents) {
                log::debug!("cannot write the cache {}: {e}", file.display());
            }
        });
    }
}

/// Makes the cache folder `dir`, with a `.gitignore`, unless it exists.
fn make_cache_dir(dir: &Path) -> std::io::Result<()> {
    if !dir.exists() {
        std::fs::create_dir_all(dir)?;
        // Like other linters' caches: never committed by accident.
        std::fs::write(dir.join(".gitignore"), "# Created by factlint.\n*\n")?;
    }
    Ok(())
}

fn write_atomically(file: &Path, magic: &[u8; 8], contents: &impl serde::Serialize) -> std::io::Result<()> {
    let bytes = postcard::to_allocvec(contents).map_err(|e| std::io::Error::other(e.to_string()))?;
    crate::fsutil::replace_file(file, &crate::fsutil::seal(magic, &bytes))
}

/// The contents of a sealed state file, or `None` when it is damaged, of another
/// version, or does not decode whole: the run then works as if it were absent and writes
/// it anew. A damaged file (not one of an older version) is worth a warning.
fn read_sealed<T: serde::de::DeserializeOwned>(file: &Path, magic: &[u8; 8], bytes: &[u8]) -> Option<T> {
    let payload = match crate::fsutil::unseal(magic, bytes) {
        Ok(p) => p,
        Err(crate::fsutil::Unsealed::NotOurs) => {
            log::debug!("ignoring {}: written by another version of factlint", file.display());
            return None;
        }
        Err(crate::fsutil::Unsealed::Damaged) => {
            log::warn!("ignoring the damaged cache file {}; its results are computed again", file.display());
            return None;
        }
    };
    match postcard::take_from_bytes::<T>(payload) {
        Ok((value, [])) => Some(value),
        _ => {
            log::warn!("ignoring the undecodable cache file {}; its results are computed again", file.display());
            None
        }
    }
}

/// `factlint clean`: removes the cache folder. Only a folder that looks like a factlint
/// cache (its files are all ours) is removed, so a mistyped `--cache-dir` cannot delete
/// a user's folder.
pub fn clean(dir: &Path) -> std::io::Result<bool> {
    if !dir.exists() {
        return Ok(false);
    }
    // `claims-` files are the unsharded caches of factlint 0.1.
    let ours =
        |name: &str| name == ".gitignore" || ["claims-", "results-", "corpus-"].iter().any(|p| name.starts_with(p));
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
