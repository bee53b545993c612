//! Turning the paths on the command line into the list of files to read: folders are
//! walked honouring `.gitignore` (via the `ignore` crate) in a stable, sorted order.

use super::{Format, LoadError};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A file to read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Input {
    pub display: String,
    pub path: PathBuf,
    pub format: Format,
}

/// The name a path is shown and keyed by. Bytes that are not UTF-8 are written as
/// `\xNN`, so two files whose names differ only there never share a name.
pub fn display(path: &Path) -> String {
    let s = match path.to_str() {
        Some(s) => s.replace('\\', "/"),
        None => escape_name(path),
    };
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

#[cfg(unix)]
fn escape_name(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn escape_name(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Expands `paths` into files. `exclude(path)` says whether a walked path is excluded.
pub fn collect(paths: &[PathBuf], exclude: &dyn Fn(&str) -> bool) -> (Vec<Input>, Vec<LoadError>) {
    let mut inputs = BTreeSet::new();
    let mut errors = Vec::new();
    for root in paths {
        // A path named on the command line is read whatever it is: a file or a link to
        // one. (The CLI reads named pipes and `/dev/stdin` itself, once, before walking.)
        let named = std::fs::metadata(root);
        if named.as_ref().is_ok_and(|m| !m.is_dir()) {
            let format = Format::from_path(root).unwrap_or(Format::Text);
            inputs.insert(Input { display: display(root), path: root.clone(), format });
            continue;
        }
        if named.is_err() {
            errors.push(LoadError {
                path: display(root),
                offset: 0,
                line: 1,
                column: 1,
                doc: None,
                message: "no such file or directory".to_string(),
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .standard_filters(true)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        let mut links = 0usize;
        for entry in walker {
            match entry {
                // Links are not followed: a link in a corpus may lead anywhere on the machine.
                Ok(e) if e.path_is_symlink() => links += 1,
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    let p = e.path();
                    let shown = display(p);
                    if exclude(&shown) {
                        continue;
                    }
                    if let Some(format) = Format::from_path(p) {
                        inputs.insert(Input { display: shown, path: p.to_path_buf(), format });
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(LoadError {
                    path: display(root),
                    offset: 0,
                    line: 1,
                    column: 1,
                    doc: None,
                    message: format!("cannot walk: {e}"),
                }),
            }
        }
        if links > 0 {
            log::warn!(
                "{}: {links} symbolic links not followed (a link may lead outside the corpus); name a linked file to read it",
                display(root)
            );
        }
    }
    let mut inputs: Vec<Input> = inputs.into_iter().collect();
    inputs.sort_by(|a, b| a.display.cmp(&b.display));
    inputs.dedup_by(|a, b| a.display == b.display);
    (inputs, errors)
}

/// The path on the command line under which `target` is (or, once written, would be) one
/// of the files [`collect`] reads: an output written there would replace an input, or be
/// read back as one by the next run.
pub fn collects(paths: &[PathBuf], exclude: &dyn Fn(&str) -> bool, target: &Path) -> Option<PathBuf> {
    let resolve = |p: &Path| -> Option<PathBuf> {
        if let Ok(real) = p.canonicalize() {
            return Some(real);
        }
        // Not written yet: its folder exists (or writing it fails anyway).
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some(parent.canonicalize().ok()?.join(p.file_name()?))
    };
    let target_real = resolve(target)?;
    for root in paths {
        let Ok(root_real) = root.canonicalize() else { continue };
        if root_real == target_real {
            return Some(root.clone());
        }
        if root.is_dir() {
            if let Ok(inside) = target_real.strip_prefix(&root_real) {
                let walked = root.join(inside);
                if Format::from_path(&walked).is_some() && !exclude(&display(&walked)) {
                    return Some(root.clone());
                }
            }
        }
    }
    None
}
