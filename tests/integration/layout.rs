//! The shape of the source itself: no module imports a module that imports it back, and
//! the parsers and story alignment stay in short functions. Read from `src/` as text, the
//! way a reviewer would.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    out.extend(crate::support::files_under(dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "rs")));
}

/// `src/story/align.rs` → `["story", "align"]`; `src/story/mod.rs` → `["story"]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without its test module and its comments.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path the code names from `crate::` or `super::`, made absolute; a `{a, b}` group
/// at the end gives one path per item.
fn paths_named(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let starts = (rest.starts_with("crate::") || rest.starts_with("super::"))
            && (i == 0 || !is_ident(bytes[i - 1] as char) && bytes[i - 1] != b':');
        if !starts {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let mut base: Vec<String> = Vec::new();
        let mut at = rest;
        if at.starts_with("crate::") {
            at = &at["crate::".len()..];
        } else {
            base = module.to_vec();
            while let Some(after) = at.strip_prefix("super::") {
                base.pop();
                at = after;
            }
        }
        loop {
            let len = at.chars().take_while(|&c| is_ident(c)).count();
            if len == 0 {
                break;
            }
            base.push(at[..len].to_string());
            at = &at[len..];
            match at.strip_prefix("::") {
                Some(after) => at = after,
                None => break,
            }
        }
        if let Some(group) = at.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            for item in inner.split(',') {
                let name: String = item.trim().chars().take_while(|&c| is_ident(c)).collect();
                if !name.is_empty() && name != "self" {
                    let mut path = base.clone();
                    path.push(name);
                    out.push(path);
                }
            }
        }
        out.push(base);
        i += rest.len() - at.len();
    }
    out
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    // Which sibling each module (at every level) names.
    let mut names: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let module = module_path(&src, file);
        if module == ["lib"] || module == ["main"] {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        for path in paths_named(&code, &module) {
            for level in 0..module.len().min(path.len()) {
                if path[..level] != module[..level] {
                    break;
                }
                if path[level] != module[level] {
                    names.entry(module[..=level].to_vec()).or_default().insert(path[..=level].to_vec());
                    break;
                }
            }
        }
    }
    let mut cycles = Vec::new();
    for (a, named) in &names {
        for b in named {
            if a < b && names.get(b).is_some_and(|back| back.contains(a)) {
                cycles.push(format!("{} <-> {}", a.join("::"), b.join("::")));
            }
        }
    }
    assert!(cycles.is_empty(), "modules that import each other: {cycles:?}");
    assert!(names.get(&vec!["config".to_string()]).is_some_and(|n| n.contains(&vec!["rules".to_string()])));
}

#[test]
fn parsers_and_story_alignment_stay_in_short_functions() {
    const MAX_LINES: usize = 80;
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("extract"), &mut files);
    rust_files(&src.join("story"), &mut files);
    let mut long = Vec::new();
    let mut functions = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let indent = line.len() - line.trim_start().len();
            let head = line.trim_start();
            let head = head.strip_prefix("pub(crate) ").or(head.strip_prefix("pub(super) ")).unwrap_or(head);
            let head = head.strip_prefix("pub ").unwrap_or(head);
            if !head.starts_with("fn ") || line.trim_end().ends_with(';') {
                continue;
            }
            functions += 1;
            let close = format!("{}}}", &line[..indent]);
            let end = lines[i..].iter().position(|l| *l == close).map_or(lines.len(), |n| i + n);
            if end - i + 1 > MAX_LINES {
                long.push(format!("{}:{} ({} lines)", file.display(), i + 1, end - i + 1));
            }
        }
    }
    assert!(functions > 300, "found only {functions} functions");
    assert!(long.is_empty(), "functions over {MAX_LINES} lines: {long:?}");
}
