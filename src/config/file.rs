//! The shape of `factlint.toml` and of pattern files, as serde reads them. Every table
//! denies unknown keys so that a typo is an error, not a silently ignored setting; values
//! keep their spans for error labels.

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Walked paths to skip (a folder name, a path prefix, or `*.ext`).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Fields or columns holding the text of JSONL/CSV records, tried in order.
    pub text_fields: Option<Vec<String>>,
    /// The language parallel documents are translated from.
    pub source_language: Option<Spanned<String>>,
    /// Only these rules.
    #[serde(default)]
    pub select: Vec<Spanned<String>>,
    /// Never these rules.
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// Extra lexicon files (same sections as the files under `rules/lexicon/`).
    #[serde(default)]
    pub lexicons: Vec<Spanned<String>>,
    /// Extra glossary files (same shape as `rules/glossary.toml`).
    #[serde(default)]
    pub glossaries: Vec<Spanned<String>>,
    /// Files of pattern rules (`[[pattern]]` tables).
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// Pattern rules written in this file.
    #[serde(default)]
    pub pattern: Vec<PatternSpec>,
    #[serde(default)]
    pub rules: std::collections::BTreeMap<Spanned<String>, RuleTable>,
    /// Glob → rules never reported on the files it matches (`all` for every rule).
    #[serde(default)]
    pub per_file_ignores: std::collections::BTreeMap<String, Vec<Spanned<String>>>,
}

/// A `[rules.<id>]` table: `severity` for every rule, and the options of the rules that
/// take them (which rule takes which is in `rules/rules.toml`, checked when read).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleTable {
    pub severity: Option<Spanned<String>>,
    pub min_chars: Option<Spanned<i64>>,
    pub shingle: Option<Spanned<i64>>,
    pub near: Option<Spanned<f64>>,
    /// Extra phrases that mark a boilerplate line.
    pub phrases: Option<Spanned<Vec<String>>>,
}

/// A file of pattern rules.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PatternFile {
    #[serde(default)]
    pub pattern: Vec<PatternSpec>,
}

/// One user pattern rule.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    pub id: Spanned<String>,
    /// `existence` (flag a phrase or regex) or `substitution` (prefer one term).
    pub kind: Spanned<String>,
    pub severity: Option<Spanned<String>>,
    /// The finding's message; `{found}` and `{preferred}` are filled in.
    pub message: Option<String>,
    /// Literal phrases (existence).
    #[serde(default)]
    pub tokens: Vec<Spanned<String>>,
    /// Regular expressions (existence).
    #[serde(default)]
    pub regex: Vec<Spanned<String>>,
    /// Phrase to avoid → phrase to use (substitution).
    #[serde(default)]
    pub swap: Option<Spanned<toml::Table>>,
    /// Texts the rule must flag.
    #[serde(default)]
    pub fail: Vec<Spanned<String>>,
    /// Texts the rule must leave alone.
    #[serde(default)]
    pub pass: Vec<Spanned<String>>,
}
