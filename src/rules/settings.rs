//! What the rules take from the configuration, as a trait the configuration implements.
//!
//! `config` reads `factlint.toml`, validates rule tables against the rule registry and
//! builds pattern rules, so it depends on `rules`; the rules see their options only
//! through [`RuleSettings`], so `rules` does not depend on `config` back.

use crate::extract::Extractor;
use crate::glossary::Glossary;
use crate::rules::pattern::PatternRule;
use serde::Deserialize;

/// Options of the duplicate rules (`rules/duplicates.toml`, then `[rules.duplicate-*]`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DuplicateSettings {
    /// Paragraphs (or documents) shorter than this many characters never count.
    pub min_chars: usize,
    /// Shingle size: characters for Chinese, words for English.
    pub shingle: usize,
    /// Jaccard similarity of shingle sets at or above which two texts are near copies.
    pub near: f64,
}

/// The configured options the rules are built from.
pub trait RuleSettings: Sync {
    /// `duplicate-paragraph`'s options.
    fn paragraph(&self) -> &DuplicateSettings;
    /// `duplicate-document`'s options.
    fn document(&self) -> &DuplicateSettings;
    /// Extra phrases `boilerplate` flags (and the duplicate rules leave out).
    fn boilerplate_phrases(&self) -> &[String];
    /// The configured pattern rules, run after the built-in ones.
    fn patterns(&self) -> &[PatternRule];
    /// The extractor with the configured lexicon files.
    fn extractor(&self) -> Extractor;
    /// The glossary with the configured glossary files.
    fn glossary(&self) -> Glossary;
    /// The language translations are made from, when configured.
    fn source_language(&self) -> Option<String>;
}
