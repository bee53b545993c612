//! The rule engine: a `Rule` trait with a per-document check and a whole-corpus check,
//! the registry of built-in rules, and their metadata (from `rules/rules.toml`).
//!
//! A rule's long explanation is the `//!` comment at the top of its source file; that
//! text is what `factlint explain RULE` prints.

mod boilerplate;
mod date_mismatch;
mod duplicate_document;
mod duplicate_paragraph;
mod magnitude_mismatch;
mod malformed_number;
mod markup_residue;
mod missing_figure;
mod numeric_contradiction;
mod outlier;
mod parallel;
pub mod pattern;
mod repeated_punctuation;
mod romanization_artifact;
mod settings;
mod unit_mismatch;
mod unreadable_input;

use crate::corpus::Corpus;
use crate::dedup::Sketch;
use crate::finding::{Finding, Severity};
use crate::source::Document;
use crate::story::Analysis;
use crate::story::{Claims, StoryKeys};
use pattern::PatternRule;
use serde::Deserialize;
pub use settings::{DuplicateSettings, RuleSettings};

/// A check over documents.
pub trait Rule: Sync {
    fn id(&self) -> &'static str;

    /// Findings in one document (`doc` is its index in the corpus).
    fn check_document(&self, _doc: usize, _document: &Document) -> Vec<Finding> {
        Vec::new()
    }

    /// Findings that need the whole corpus.
    fn check_corpus(&self, _data: &CorpusData<'_>) -> Vec<Finding> {
        Vec::new()
    }

    /// What `check_corpus` needs of a document, taken while its text is in memory (a
    /// near-copy sketch); `None` for rules that need nothing. A rule that gives one gives
    /// one for every document.
    fn signature(&self, _document: &Document, _cache: Option<&crate::cache::ClaimCache>) -> Option<Sketch> {
        None
    }

    /// Whether `signature` gives one.
    fn has_signature(&self) -> bool {
        false
    }

    /// The edits of `document`'s text that repair this rule's finding at `span`, when the
    /// repair cannot change what the text says (see [`crate::fix`]); empty when there is
    /// none.
    fn fix(&self, _document: &Document, _span: std::ops::Range<usize>) -> Vec<crate::finding::Edit> {
        Vec::new()
    }
}

/// What corpus rules see: the documents, their claims, and the story analysis (computed
/// once, on first use, and shared by the rules that need it).
pub struct CorpusData<'a> {
    /// The documents; in a streamed run most are shells, read back with `corpus.resident`.
    pub corpus: &'a Corpus,
    pub claims: Claims<'a>,
    /// Every document's figure keys, for finding stories.
    pub keys: &'a StoryKeys,
    /// Every document's signature when a rule that runs gives them, in document order
    /// (empty otherwise).
    pub signatures: &'a dyn crate::dedup::SketchSet,
    settings: &'a dyn RuleSettings,
    /// Only findings on these documents will be reported (`--corpus-root`).
    pub focus: Option<&'a [bool]>,
    /// Where per-document work of corpus rules (near-copy sketches) may be remembered.
    pub cache: Option<&'a crate::cache::ClaimCache>,
    /// When these documents are one part of a larger corpus: what was decided over all of it.
    pub scope: Option<&'a Scope>,
    analysis: std::sync::OnceLock<Analysis>,
}

/// What was decided over a whole corpus, for a check of one part of it (a story or a
/// cluster of copies, in the distributed engine, `crate::engine`).
#[derive(Debug, Default)]
pub struct Scope {
    /// The figure links between the part's documents (indexes in it), with their weights.
    pub story_links: Vec<crate::clusters::WeightedPair>,
    /// Near-copy buckets crowded over the whole corpus.
    pub crowded: crate::dedup::Crowded,
}

impl<'a> CorpusData<'a> {
    pub fn new(
        corpus: &'a Corpus,
        (claims, keys): (Claims<'a>, &'a StoryKeys),
        signatures: &'a dyn crate::dedup::SketchSet,
        settings: &'a dyn RuleSettings,
    ) -> CorpusData<'a> {
        let analysis = std::sync::OnceLock::new();
        CorpusData { corpus, claims, keys, signatures, settings, focus: None, cache: None, scope: None, analysis }
    }

    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| {
            let parallel = crate::story::ParallelOptions {
                extractor: self.settings.extractor(),
                source_language: self.settings.source_language(),
                keep_segments: false,
            };
            let glossary = self.settings.glossary();
            let linking = match self.scope {
                Some(scope) => crate::story::group::Linking::Given(&scope.story_links),
                None => crate::story::group::Linking::Figures(self.focus),
            };
            crate::story::analyze_focused(self.corpus, self.claims, self.keys, (&glossary, &parallel), linking)
        })
    }
}

/// A rule id that no rule has, with the closest one if any.
#[derive(Debug, thiserror::Error)]
#[error("unknown rule `{id}`; {}", near.as_ref().map_or("`factlint rules` lists them".to_string(), |n| format!("did you mean `{n}`?")))]
pub struct UnknownRule {
    pub id: String,
    pub near: Option<String>,
}

impl UnknownRule {
    /// The first of `named` that is not among the `known` rule ids.
    pub fn among<'a>(mut named: impl Iterator<Item = &'a String>, known: &[String]) -> Option<UnknownRule> {
        let bad = named.find(|id| !known.contains(id))?;
        let near = closest_id(bad, known.iter().map(String::as_str)).map(str::to_string);
        Some(UnknownRule { id: bad.clone(), near })
    }
}

/// The near copies among `documents` under these settings, for the distributed engine
/// (see [`duplicate_document::DuplicateDocument::near_copies`]).
pub fn near_copies(settings: &dyn RuleSettings, documents: &[Document], star: bool) -> Vec<(usize, usize)> {
    duplicate_document::DuplicateDocument::of(settings).near_copies(documents, star)
}

/// A rule's metadata.
#[derive(Clone, Debug, Deserialize)]
pub struct RuleInfo {
    pub id: String,
    pub severity: Severity,
    pub summary: String,
    /// What its `[rules.ID]` table takes besides `severity`.
    #[serde(default)]
    pub options: Options,
}

/// The options a rule's `[rules.ID]` table takes besides `severity`.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Options {
    #[default]
    None,
    /// `min-chars`, `shingle`, `near`.
    Duplicates,
    /// `phrases`.
    Boilerplate,
}

#[derive(Deserialize)]
struct RulesFile {
    rule: Vec<RuleInfo>,
}

/// A built-in rule's code: its id, the source whose `//!` comment explains it, and how it
/// is made from the settings. Its metadata is in `rules/rules.toml`; a test keeps the two
/// in step.
struct BuiltIn {
    id: &'static str,
    source: &'static str,
    build: fn(&dyn RuleSettings) -> Box<dyn Rule>,
}

/// (id, default severity, summary, long explanation) of every rule: built-in, then the
/// user's pattern rules.
pub fn rule_rows(patterns: &[PatternRule]) -> Vec<(String, Severity, String, String)> {
    let mut out: Vec<(String, Severity, String, String)> = infos()
        .iter()
        .map(|r| {
            let help = explanation(&r.id).unwrap_or_else(|| r.summary.clone());
            (r.id.clone(), r.severity, r.summary.clone(), help)
        })
        .collect();
    out.extend(patterns.iter().map(|p| (p.id.to_string(), p.severity, p.summary().to_string(), p.description.clone())));
    out
}

/// Every built-in rule, in the order they run.
const BUILT_IN: &[BuiltIn] = &[
    BuiltIn {
        id: boilerplate::ID,
        source: include_str!("boilerplate.rs"),
        build: |s| Box::new(boilerplate::Boilerplate::new(s.boilerplate_phrases())),
    },
    BuiltIn {
        id: duplicate_document::ID,
        source: include_str!("duplicate_document.rs"),
        build: |s| Box::new(duplicate_document::DuplicateDocument::of(s)),
    },
    BuiltIn {
        id: duplicate_paragraph::ID,
        source: include_str!("duplicate_paragraph.rs"),
        build: |s| {
            let phrases = boilerplate::Boilerplate::new(s.boilerplate_phrases());
            Box::new(duplicate_paragraph::DuplicateParagraph::new(s.paragraph().clone(), phrases))
        },
    },
    BuiltIn {
        id: date_mismatch::ID,
        source: include_str!("date_mismatch.rs"),
        build: |_| Box::new(date_mismatch::DateMismatch),
    },
    BuiltIn {
        id: magnitude_mismatch::ID,
        source: include_str!("magnitude_mismatch.rs"),
        build: |_| Box::new(magnitude_mismatch::MagnitudeMismatch),
    },
    BuiltIn {
        id: malformed_number::ID,
        source: include_str!("malformed_number.rs"),
        build: |_| Box::new(malformed_number::MalformedNumber),
    },
    BuiltIn {
        id: markup_residue::ID,
        source: include_str!("markup_residue.rs"),
        build: |_| Box::new(markup_residue::MarkupResidue),
    },
    BuiltIn {
        id: missing_figure::ID,
        source: include_str!("missing_figure.rs"),
        build: |_| Box::new(missing_figure::MissingFigure),
    },
    BuiltIn {
        id: numeric_contradiction::ID,
        source: include_str!("numeric_contradiction.rs"),
        build: |_| Box::new(numeric_contradiction::NumericContradiction),
    },
    BuiltIn {
        id: repeated_punctuation::ID,
        source: include_str!("repeated_punctuation.rs"),
        build: |_| Box::new(repeated_punctuation::RepeatedPunctuation),
    },
    BuiltIn {
        id: romanization_artifact::ID,
        source: include_str!("romanization_artifact.rs"),
        build: |_| Box::new(romanization_artifact::RomanizationArtifact),
    },
    BuiltIn {
        id: unit_mismatch::ID,
        source: include_str!("unit_mismatch.rs"),
        build: |_| Box::new(unit_mismatch::UnitMismatch),
    },
    BuiltIn {
        id: unreadable_input::ID,
        source: include_str!("unreadable_input.rs"),
        build: |_| Box::new(unreadable_input::UnreadableInput),
    },
];

/// Metadata of every rule, in the order of `rules/rules.toml`.
pub fn infos() -> &'static [RuleInfo] {
    static INFOS: std::sync::OnceLock<Vec<RuleInfo>> = std::sync::OnceLock::new();
    INFOS.get_or_init(|| {
        let file: RulesFile =
            toml::from_str(include_str!("../../rules/rules.toml")).expect("rules/rules.toml is valid");
        file.rule
    })
}

/// The built-in rules, configured, followed by the user's pattern rules.
pub fn registry(settings: &dyn RuleSettings) -> Vec<Box<dyn Rule>> {
    let mut rules: Vec<Box<dyn Rule>> = BUILT_IN.iter().map(|b| (b.build)(settings)).collect();
    rules.extend(settings.patterns().iter().map(|p| Box::new(p.clone()) as Box<dyn Rule>));
    rules
}

/// The long explanation of a rule: the `//!` lines of its source, or `None` for an
/// unknown id. (`pattern` explains pattern rules in general.)
pub fn explanation(id: &str) -> Option<String> {
    let source = match id {
        "pattern" => include_str!("pattern.rs"),
        _ => BUILT_IN.iter().find(|b| b.id == id)?.source,
    };
    let doc: Vec<&str> = source
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| l.strip_prefix("//! ").or_else(|| l.strip_prefix("//!")).unwrap_or(l))
        .collect();
    Some(doc.join("\n"))
}

/// The metadata of a built-in rule.
pub fn info(id: &str) -> Option<&'static RuleInfo> {
    infos().iter().find(|r| r.id == id)
}

/// `docs/rules.md`: every rule's id, severity, summary and explanation, the page SARIF
/// `helpUri`s point at. A test keeps the committed file equal to this.
pub fn reference_page() -> String {
    let mut page = String::from(
        "# factlint rules\n\n<!-- Generated from the rule sources by `FACTLINT_UPDATE_DOCS=1 cargo test`; do not edit. -->\n",
    );
    for r in infos() {
        page.push_str(&format!("\n## {}\n\nDefault severity: {}. {}\n\n", r.id, r.severity.as_str(), r.summary));
        let text = explanation(&r.id).unwrap_or_default();
        page.push_str(&text.replace("`factlint explain RULE`", "`factlint explain`"));
        page.push('\n');
    }
    page.push_str("\n## Pattern rules\n\n");
    page.push_str(&explanation("pattern").unwrap_or_default());
    page.push_str("\n\n## Suppressing findings\n\nIn Markdown and HTML, `<!-- factlint-disable RULE, RULE -->` turns rules off until `<!-- factlint-enable -->` (or the end of the document); without rule ids it turns every rule off, and `<!-- factlint-disable-next-line RULE -->` covers the next line. In plain text the same directives stand on lines of their own (bare, or as `# …`, `// …`); a JSONL or CSV record takes a `factlint_disable` field or column. `[per-file-ignores]` in `factlint.toml` maps globs to the rules not reported on those files. `factlint check --write-baseline FILE` records the current findings by content, and `--baseline FILE` then reports only new ones. Set `severity = \"off\"` under `[rules.RULE]` in `factlint.toml`, or pass `--ignore RULE`, to turn a rule off everywhere.\n");
    page
}

/// The default severity of a rule.
pub fn severity(id: &str) -> Severity {
    infos().iter().find(|r| r.id == id).map_or(Severity::Warning, |r| r.severity)
}

/// A key for a span that depends on what is written there and around it, not on where:
/// baselines built from it survive edits elsewhere in the document.
pub(crate) fn content_key(text: &str, span: std::ops::Range<usize>) -> String {
    const AROUND: usize = 8;
    let before: String = text[..span.start].chars().rev().take(AROUND).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = text[span.end..].chars().take(AROUND).collect();
    format!("{before}\u{1f}{}\u{1f}{after}", &text[span])
}

/// A finding on a span of one document, fingerprinted by rule, document and `key`.
pub(crate) fn finding(
    rule: &'static str,
    doc: usize,
    document: &Document,
    span: std::ops::Range<usize>,
    message: String,
    help: Option<String>,
    key: &str,
) -> Finding {
    Finding {
        rule,
        severity: severity(rule),
        message,
        help,
        place: crate::finding::Place::Text { doc, span },
        related: Vec::new(),
        fingerprint: crate::finding::fingerprint(&[rule, &document.name, key]),
    }
}

/// The known rule id closest to a mistyped one, when one is close.
pub fn closest_id<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(id, k), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_rules_md_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
        let page = reference_page();
        if std::env::var_os("FACTLINT_UPDATE_DOCS").is_some() {
            std::fs::write(path, &page).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(committed == page, "docs/rules.md is stale: run FACTLINT_UPDATE_DOCS=1 cargo test");
    }

    #[test]
    fn every_built_rule_has_metadata_and_an_explanation() {
        let infos = infos();
        for rule in registry(&crate::config::Settings::default()) {
            assert!(infos.iter().any(|i| i.id == rule.id()), "{} missing from rules/rules.toml", rule.id());
            let text = explanation(rule.id()).unwrap_or_default();
            assert!(text.lines().count() >= 4, "{} needs a doc comment: what, why, examples", rule.id());
            assert!(crate::extract::script::has_han(&text), "{} needs a Chinese example", rule.id());
        }
        let built: Vec<&str> = registry(&crate::config::Settings::default()).iter().map(|r| r.id()).collect();
        for info in infos {
            assert!(built.contains(&info.id.as_str()), "{} is in rules/rules.toml but not built", info.id);
        }
    }

    #[test]
    fn every_built_in_rule_has_tests_beside_it() {
        for rule in BUILT_IN {
            let tests = rule.source.split("#[cfg(test)]").nth(1).unwrap_or_default();
            assert!(tests.matches("#[test]").count() >= 2, "{} needs tests: what it flags, what it must not", rule.id);
        }
    }
}
