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
    /// Extra lexicon files (same sections as `rules/lexicon/*.toml`).
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
    pub rules: RuleTables,
    /// Glob → rules never reported on the files it matches (`all` for every rule).
    #[serde(default)]
    pub per_file_ignores: std::collections::BTreeMap<String, Vec<Spanned<String>>>,
}

/// `[rules.<id>]` tables: severity for every rule, options for those that have them.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleTables {
    pub numeric_contradiction: Option<SeverityOnly>,
    pub magnitude_mismatch: Option<SeverityOnly>,
    pub unit_mismatch: Option<SeverityOnly>,
    pub date_mismatch: Option<SeverityOnly>,
    pub missing_figure: Option<SeverityOnly>,
    pub malformed_number: Option<SeverityOnly>,
    pub duplicate_paragraph: Option<DuplicateOptions>,
    pub duplicate_document: Option<DuplicateOptions>,
    pub boilerplate: Option<BoilerplateOptions>,
    pub markup_residue: Option<SeverityOnly>,
    pub romanization_artifact: Option<SeverityOnly>,
    pub repeated_punctuation: Option<SeverityOnly>,
    pub unreadable_input: Option<SeverityOnly>,
}

impl RuleTables {
    /// (rule id, its severity setting) for every table present.
    pub fn severities(&self) -> Vec<(&'static str, &Spanned<String>)> {
        let mut out: Vec<(&'static str, &Spanned<String>)> = Vec::new();
        fn add<'a>(
            out: &mut Vec<(&'static str, &'a Spanned<String>)>,
            id: &'static str,
            s: Option<&'a Spanned<String>>,
        ) {
            if let Some(s) = s {
                out.push((id, s));
            }
        }
        add(&mut out, "numeric-contradiction", self.numeric_contradiction.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "magnitude-mismatch", self.magnitude_mismatch.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "unit-mismatch", self.unit_mismatch.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "date-mismatch", self.date_mismatch.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "missing-figure", self.missing_figure.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "malformed-number", self.malformed_number.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "duplicate-paragraph", self.duplicate_paragraph.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "duplicate-document", self.duplicate_document.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "boilerplate", self.boilerplate.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "markup-residue", self.markup_residue.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "romanization-artifact", self.romanization_artifact.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "repeated-punctuation", self.repeated_punctuation.as_ref().and_then(|t| t.severity.as_ref()));
        add(&mut out, "unreadable-input", self.unreadable_input.as_ref().and_then(|t| t.severity.as_ref()));
        out
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SeverityOnly {
    pub severity: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DuplicateOptions {
    pub severity: Option<Spanned<String>>,
    pub min_chars: Option<Spanned<i64>>,
    pub shingle: Option<Spanned<i64>>,
    pub near: Option<Spanned<f64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct BoilerplateOptions {
    pub severity: Option<Spanned<String>>,
    /// Extra phrases that mark a boilerplate line.
    #[serde(default)]
    pub phrases: Vec<String>,
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
