//! Checking some files against a whole corpus (`--corpus-root`, the pre-commit hook): the
//! corpus under the root is read as context, and findings are reported only for the
//! files given (and for documents only they contradict).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The files reported on.
#[derive(Debug)]
pub struct Focus {
    /// The given paths, resolved.
    given: Vec<PathBuf>,
    /// Each file asked about, resolved once: it is asked several times a run.
    known: Mutex<HashMap<String, bool>>,
}

impl Focus {
    /// The focus on `given` files checked against the corpus under `root`, and the paths
    /// a run reads: the root, and the given paths outside it.
    pub fn new(root: &Path, given: &[PathBuf]) -> Result<(Focus, Vec<PathBuf>), String> {
        if !root.is_dir() {
            return Err(format!("--corpus-root {} is not a folder", root.display()));
        }
        let root_path = canonical(root);
        let outside = given.iter().filter(|p| !canonical(p).starts_with(&root_path)).cloned();
        let read = std::iter::once(root.to_path_buf()).chain(outside).collect();
        let focus = Focus { given: given.iter().map(|p| canonical(p)).collect(), known: Mutex::default() };
        Ok((focus, read))
    }

    /// Whether findings on the file shown as `path` are reported.
    pub fn contains(&self, path: &str) -> bool {
        let mut known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        *known.entry(path.to_string()).or_insert_with(|| {
            let resolved = canonical(Path::new(path));
            self.given.iter().any(|g| resolved.starts_with(g))
        })
    }
}

fn canonical(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_files_are_in_focus_and_the_root_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        std::fs::create_dir_all(root.join("2022")).unwrap();
        let staged = root.join("2022/a.txt");
        std::fs::write(&staged, "x").unwrap();
        std::fs::write(root.join("b.txt"), "y").unwrap();
        let elsewhere = dir.path().join("draft.txt");
        std::fs::write(&elsewhere, "z").unwrap();
        let (focus, read) = Focus::new(&root, &[staged.clone(), elsewhere.clone()]).unwrap();
        assert_eq!(read, [root.clone(), elsewhere.clone()], "files under the root are read with it");
        assert!(focus.contains(staged.to_str().unwrap()) && focus.contains(elsewhere.to_str().unwrap()));
        assert!(!focus.contains(root.join("b.txt").to_str().unwrap()));
        assert!(Focus::new(&elsewhere, &[]).unwrap_err().contains("is not a folder"));
    }
}
