//! `--exclude` and `exclude = [...]` patterns, gitignore style: a pattern without a slash
//! (`drafts`, `*.csv`, `draft-*`) matches a file or folder name anywhere; one with a slash
//! (`corpus/old/`, `**/*.txt`) matches from the start of the path as shown. A folder that
//! matches excludes everything under it.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

/// Compiled exclusion patterns.
#[derive(Clone, Debug, Default)]
pub struct Exclusion {
    set: GlobSet,
}

impl Exclusion {
    /// Compiles `patterns`; the error names the first pattern that is not a valid glob.
    pub fn new(patterns: &[String]) -> Result<Exclusion, String> {
        let mut builder = GlobSetBuilder::new();
        for pattern in patterns {
            for glob in globs_of(pattern) {
                let compiled = GlobBuilder::new(&glob)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| format!("invalid pattern `{pattern}`: {}", e.kind()))?;
                builder.add(compiled);
            }
        }
        let set = builder.build().map_err(|e| format!("invalid patterns: {e}"))?;
        Ok(Exclusion { set })
    }

    /// Whether a path (as factlint shows it, `/`-separated) is excluded.
    pub fn matches(&self, path: &str) -> bool {
        !self.set.is_empty() && self.set.is_match(path.strip_prefix("./").unwrap_or(path))
    }
}

/// The globs one pattern stands for: the path itself and everything under it.
fn globs_of(pattern: &str) -> [String; 2] {
    let p = pattern.strip_prefix("./").unwrap_or(pattern).trim_end_matches('/');
    if p.contains('/') {
        [p.to_string(), format!("{p}/**")]
    } else {
        [format!("**/{p}"), format!("**/{p}/**")]
    }
}

#[cfg(test)]
mod tests {
    use super::Exclusion;

    #[test]
    fn patterns_match_like_gitignore() {
        let cases: &[(&str, &str, bool)] = &[
            ("drafts", "corpus/drafts/a.md", true),
            ("drafts", "drafts/a.md", true),
            ("*.csv", "data/x.csv", true),
            ("*.csv", "data/x.csv.txt", false),
            ("corpus/old/", "corpus/old/a.txt", true),
            ("corpus/old", "other/corpus/old/a.txt", false),
            ("old", "corpus/older/a.txt", false),
            ("**/*.txt", "corpus/2022/a.txt", true),
            ("**/*.txt", "a.txt", true),
            ("corpus/*.md", "corpus/a.md", true),
            ("corpus/*.md", "corpus/sub/a.md", false),
            ("draft-*", "news/draft-1.md", true),
            ("*.md", "/tmp/work/corpus/a.md", true),
            ("./corpus/old", "corpus/old/a.md", true),
        ];
        for &(pattern, path, want) in cases {
            let e = Exclusion::new(&[pattern.to_string()]).unwrap();
            assert_eq!(e.matches(path), want, "{pattern} on {path}");
        }
        assert!(!Exclusion::default().matches("a.txt"));
        assert!(Exclusion::new(&["a[".to_string()]).unwrap_err().contains("`a[`"));
    }
}
