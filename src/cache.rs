//! The claim cache: extraction is most of what `check` spends on a document, and a
//! document that has not changed has the same claims. Claims are stored per document
//! text, keyed by a hash of the text, under a key for everything else they depend on (the
//! factlint build and the lexicon files). One file per such key, read whole at the start
//! of a run and rewritten (to a temporary file, then renamed) only when the run added
//! entries, so concurrent runs never see a torn file.
//!
//! The cache lives in `.factlint_cache/` in the working directory unless `--cache-dir`
//! says otherwise; `--no-cache` bypasses it and `factlint clean` removes it.

use crate::extract::Claim;
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

/// The claims of documents, looked up by text.
pub struct ClaimCache {
    file: PathBuf,
    stored: FxHashMap<Key, Vec<Claim>>,
    added: Mutex<Vec<(Key, Vec<Claim>)>>,
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
        let stored = std::fs::read(&file)
            .ok()
            .and_then(|bytes| match postcard::from_bytes::<Vec<(Key, Vec<Claim>)>>(&bytes) {
                Ok(entries) => Some(entries.into_iter().collect()),
                Err(e) => {
                    log::debug!("ignoring the unreadable cache {}: {e}", file.display());
                    None
                }
            })
            .unwrap_or_default();
        ClaimCache { file, stored, added: Mutex::new(Vec::new()) }
    }

    /// The claims of `text`: from the cache, or extracted by `extract` and remembered.
    pub fn claims(&self, text: &str, extract: impl FnOnce(&str) -> Vec<Claim>) -> Vec<Claim> {
        let key = text_key(text);
        if let Some(claims) = self.stored.get(&key) {
            return claims.clone();
        }
        let claims = extract(text);
        self.added.lock().unwrap_or_else(|e| e.into_inner()).push((key, claims.clone()));
        claims
    }

    /// How many documents were found in the cache and how many were added.
    pub fn added(&self) -> usize {
        self.added.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// Writes the cache back when the run added entries. Failing to write is reported at
    /// debug level and otherwise ignored: the run's results do not depend on it.
    pub fn save(self) {
        let added = self.added.into_inner().unwrap_or_else(|e| e.into_inner());
        if added.is_empty() {
            return;
        }
        let mut entries: Vec<(Key, Vec<Claim>)> = self.stored.into_iter().chain(added).collect();
        entries.sort_by_key(|(k, _)| *k);
        entries.dedup_by_key(|(k, _)| *k);
        if let Err(e) = write_atomically(&self.file, &entries) {
            log::debug!("cannot write the cache {}: {e}", self.file.display());
        }
    }
}

fn write_atomically(file: &Path, entries: &[(Key, Vec<Claim>)]) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    if !dir.exists() {
        std::fs::create_dir_all(dir)?;
        // Like other linters' caches: never committed by accident.
        std::fs::write(dir.join(".gitignore"), "# Created by factlint.\n*\n")?;
    }
    let bytes = postcard::to_allocvec(entries).map_err(|e| std::io::Error::other(e.to_string()))?;
    let temporary = file.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, file)
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
