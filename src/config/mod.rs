//! `factlint.toml`: discovery (walking up from the working directory), reading, and
//! validation into [`Settings`], the resolved configuration the rest of the crate uses.
//!
//! ```toml
//! exclude = ["drafts", "*.csv"]
//! text-fields = ["text", "content"]
//! ignore = ["boilerplate"]
//! lexicons = ["lexicon/extra.toml"]
//! glossaries = ["glossary/health.toml"]
//! patterns = ["styles/house.toml"]
//!
//! [per-file-ignores]
//! "drafts/**" = ["boilerplate"]
//! "*.csv" = ["all"]
//!
//! [rules.duplicate-paragraph]
//! severity = "error"
//! min-chars = 30
//!
//! [[pattern]]
//! id = "prefer-yuan"
//! kind = "substitution"
//! swap = { "人民币元" = "元" }
//! fail = ["投资1.4万亿人民币元"]
//! pass = ["投资1.4万亿元"]
//! ```

mod error;
mod file;
mod patterns;

pub use error::ConfigError;

use crate::extract::{Extractor, Lexicon};
use crate::finding::Severity;
use crate::glossary::Glossary;
use crate::rules::pattern::PatternRule;
use file::{ConfigFile, PatternFile, RuleTable};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use toml::Spanned;

/// The file name looked for.
pub const FILE_NAME: &str = "factlint.toml";

pub use crate::rules::DuplicateSettings;

#[derive(Deserialize)]
struct DuplicateDefaults {
    paragraph: DuplicateSettings,
    document: DuplicateSettings,
}

fn duplicate_defaults() -> DuplicateDefaults {
    toml::from_str(include_str!("../../rules/duplicates.toml")).expect("rules/duplicates.toml is valid")
}

/// The resolved configuration.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The file these settings came from, if any.
    pub source: Option<PathBuf>,
    pub exclude: Vec<String>,
    pub text_fields: Option<Vec<String>>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// Severity overrides; `None` turns a rule off.
    pub severities: BTreeMap<String, Option<Severity>>,
    pub paragraph: DuplicateSettings,
    pub document: DuplicateSettings,
    pub boilerplate_phrases: Vec<String>,
    /// Extra lexicon files: path and text (validated).
    pub lexicons: Vec<(PathBuf, String)>,
    /// Extra glossary files: path and text (validated).
    pub glossaries: Vec<(PathBuf, String)>,
    pub patterns: Vec<PatternRule>,
    /// The language parallel documents are translated from (`source-language`,
    /// `--source-lang`); `None`: see [`crate::parallel::DEFAULT_SOURCE_LANGUAGE`].
    pub source_language: Option<String>,
    /// `[per-file-ignores]`: rules not reported on the files a glob matches.
    pub per_file_ignores: Vec<PerFileIgnore>,
}

/// One entry of `[per-file-ignores]`.
#[derive(Clone, Debug)]
pub struct PerFileIgnore {
    /// The glob as written (matched like `exclude`).
    pub pattern: String,
    matcher: crate::corpus::Exclusion,
    /// The rules ignored; empty for every rule.
    pub rules: Vec<String>,
}

impl PerFileIgnore {
    /// Whether a finding of `rule` on the file shown as `path` is dropped. An unreadable
    /// input is never ignored: what could not be read was not checked.
    pub fn ignores(&self, path: &str, rule: &str) -> bool {
        rule != "unreadable-input"
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
            && self.matcher.matches(path)
    }
}

impl Default for Settings {
    fn default() -> Self {
        let d = duplicate_defaults();
        Settings {
            source: None,
            exclude: Vec::new(),
            text_fields: None,
            select: Vec::new(),
            ignore: Vec::new(),
            severities: BTreeMap::new(),
            paragraph: d.paragraph,
            document: d.document,
            boilerplate_phrases: Vec::new(),
            lexicons: Vec::new(),
            glossaries: Vec::new(),
            patterns: Vec::new(),
            source_language: None,
            per_file_ignores: Vec::new(),
        }
    }
}

impl Settings {
    /// A key of the settings that change claims, stories or per-document findings (rule
    /// severities and options, boilerplate, extra lexicons, glossaries and patterns), for
    /// results kept between runs.
    pub fn results_key(&self) -> u64 {
        use std::hash::Hasher;
        let texts = |files: &[(PathBuf, String)]| files.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>();
        let shaping = format!(
            "{:?}",
            (
                &self.severities,
                &self.paragraph,
                &self.document,
                &self.boilerplate_phrases,
                texts(&self.lexicons),
                texts(&self.glossaries),
                &self.patterns,
                &self.source_language,
            )
        );
        let mut h = rustc_hash::FxHasher::default();
        h.write(shaping.as_bytes());
        h.finish()
    }

    /// How datasets are read: their text field is the first of `text_fields` (the command
    /// line's) when given, else of the configured `text-fields`, else the defaults.
    pub fn load_options(&self, text_fields: &[String]) -> crate::source::LoadOptions {
        let mut load = crate::source::LoadOptions::default();
        if !text_fields.is_empty() {
            load.text_fields = text_fields.to_vec();
        } else if let Some(fields) = &self.text_fields {
            load.text_fields = fields.clone();
        }
        load
    }

    /// The extractor with the built-in lexicon and the configured extra files.
    pub fn extractor(&self) -> Extractor {
        let mut lex = Lexicon::builtin();
        for (_, text) in &self.lexicons {
            // Validated when the configuration was read.
            let _ = lex.extend_from_toml(text);
        }
        Extractor::new(lex)
    }

    /// The bilingual glossary: built in, plus the configured files.
    pub fn glossary(&self) -> Glossary {
        let mut g = Glossary::builtin();
        for (_, text) in &self.glossaries {
            // Validated when the configuration was read.
            let _ = g.extend_from_toml(text);
        }
        g
    }

    /// The severity a rule's findings get: the configured one, else the default.
    pub fn severity(&self, rule: &str, default: Severity) -> Option<Severity> {
        self.severities.get(rule).copied().unwrap_or(Some(default))
    }

    /// Every rule id known: built-in and pattern rules.
    pub fn rule_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = crate::rules::infos().iter().map(|r| r.id.clone()).collect();
        ids.extend(self.patterns.iter().map(|p| p.id.to_string()));
        ids
    }
}

/// The `factlint.toml` in `start` or the nearest folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|dir| dir.join(FILE_NAME)).find(|p| p.is_file())
}

/// Parses a severity value; `off` gives `None`.
pub(crate) fn parse_severity(path: &Path, text: &str, s: &Spanned<String>) -> Result<Option<Severity>, ConfigError> {
    match s.get_ref().as_str() {
        "error" => Ok(Some(Severity::Error)),
        "warning" => Ok(Some(Severity::Warning)),
        "info" => Ok(Some(Severity::Info)),
        "off" => Ok(None),
        other => Err(ConfigError::at(path, text, Some(s.span()), format!("unknown severity `{other}`"), "here")
            .with_help("severity is one of error, warning, info, off")),
    }
}

/// A language tag for `source-language`: `zh`, `zh-Hans`, `zh-Hant`, `en`.
fn parse_language(path: &Path, text: &str, s: &Spanned<String>) -> Result<String, ConfigError> {
    let tag = s.get_ref();
    if crate::extract::Lang::from_tag(tag).is_some() {
        return Ok(tag.clone());
    }
    Err(ConfigError::at(path, text, Some(s.span()), format!("unknown language `{tag}`"), "here")
        .with_help("source-language is zh (zh-Hans, zh-Hant) or en"))
}

fn read(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|e| ConfigError::unreadable(path, &e))
}

/// Applies a `[rules.<id>]` table: its severity, and its options when the rule's metadata
/// says it takes them (an option it does not take is an error under its name).
fn rule_table(
    path: &Path,
    text: &str,
    id: &Spanned<String>,
    table: &RuleTable,
    s: &mut Settings,
) -> Result<(), ConfigError> {
    let Some(info) = crate::rules::info(id.get_ref()) else {
        let known = crate::rules::infos().iter().map(|r| r.id.as_str());
        let help = match crate::rules::closest_id(id.get_ref(), known) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "`factlint rules` lists the built-in rules".to_string(),
        };
        let message = format!("unknown rule `{}`", id.get_ref());
        return Err(ConfigError::at(path, text, Some(id.span()), message, "here").with_help(help));
    };
    if let Some(severity) = &table.severity {
        s.severities.insert(info.id.clone(), parse_severity(path, text, severity)?);
    }
    let not_taken = |span: std::ops::Range<usize>, option: &str| {
        let message = format!("`{}` takes no option `{option}`", info.id);
        Err(ConfigError::at(path, text, Some(span), message, "here"))
    };
    let bad = |span: std::ops::Range<usize>, msg: &str| ConfigError::at(path, text, Some(span), msg, "out of range");
    let duplicates = match info.id.as_str() {
        "duplicate-paragraph" => Some(&mut s.paragraph),
        "duplicate-document" => Some(&mut s.document),
        _ => None,
    };
    match (info.options, duplicates) {
        (crate::rules::Options::Duplicates, Some(into)) => {
            if let Some(v) = &table.min_chars {
                into.min_chars = usize::try_from(*v.get_ref()).map_err(|_| bad(v.span(), "min-chars must be ≥ 0"))?;
            }
            if let Some(v) = &table.shingle {
                match usize::try_from(*v.get_ref()) {
                    Ok(n @ 1..=16) => into.shingle = n,
                    _ => return Err(bad(v.span(), "shingle must be between 1 and 16")),
                }
            }
            if let Some(v) = &table.near {
                let near = *v.get_ref();
                if !(near > 0.0 && near <= 1.0) {
                    return Err(bad(v.span(), "near must be in (0, 1]"));
                }
                into.near = near;
            }
        }
        _ => {
            let spans = [
                ("min-chars", table.min_chars.as_ref().map(Spanned::span)),
                ("shingle", table.shingle.as_ref().map(Spanned::span)),
                ("near", table.near.as_ref().map(Spanned::span)),
            ];
            if let Some((option, Some(span))) = spans.into_iter().find(|(_, span)| span.is_some()) {
                return not_taken(span, option);
            }
        }
    }
    if let Some(phrases) = &table.phrases {
        if info.options != crate::rules::Options::Boilerplate {
            return not_taken(phrases.span(), "phrases");
        }
        s.boilerplate_phrases = phrases.get_ref().clone();
    }
    Ok(())
}

/// Reads and validates the configuration file at `path`.
pub fn load(path: &Path) -> Result<Settings, ConfigError> {
    let text = read(path)?;
    let raw: ConfigFile = toml::from_str(&text).map_err(|e| ConfigError::toml(path, &text, &e))?;
    let mut s = Settings { source: Some(path.to_path_buf()), ..Settings::default() };
    s.exclude = raw.exclude;
    s.text_fields = raw.text_fields;
    if let Some(lang) = &raw.source_language {
        s.source_language = Some(parse_language(path, &text, lang)?);
    }
    let mut known: Vec<String> = crate::rules::infos().iter().map(|r| r.id.clone()).collect();

    for (id, table) in &raw.rules {
        rule_table(path, &text, id, table, &mut s)?;
    }

    for lexicon in &raw.lexicons {
        let (file, body) = read_named(path, &text, lexicon, "lexicon")?;
        if let Err(e) = Lexicon::builtin().extend_from_toml(&body) {
            return Err(ConfigError::at(&file, &body, e.span, e.message, "here"));
        }
        s.lexicons.push((file, body));
    }

    for glossary in &raw.glossaries {
        let (file, body) = read_named(path, &text, glossary, "glossary")?;
        if let Err(e) = Glossary::builtin().extend_from_toml(&body) {
            return Err(ConfigError::toml(&file, &body, &e));
        }
        s.glossaries.push((file, body));
    }

    let mut patterns = Vec::new();
    compile_patterns(path, &text, &raw.pattern, &mut known, &mut patterns)?;
    for pattern_file in &raw.patterns {
        let (file, body) = read_named(path, &text, pattern_file, "pattern file")?;
        let parsed: PatternFile = toml::from_str(&body).map_err(|e| ConfigError::toml(&file, &body, &e))?;
        compile_patterns(&file, &body, &parsed.pattern, &mut known, &mut patterns)?;
    }
    // A pattern rule with `severity = "off"` does not run, as a built-in rule would not.
    for p in patterns.iter().filter(|p| p.off) {
        s.severities.insert(p.id.to_string(), None);
    }
    s.patterns = patterns;

    let unknown = |id: &Spanned<String>| {
        ConfigError::at(path, &text, Some(id.span()), format!("unknown rule `{}`", id.get_ref()), "here").with_help(
            match crate::rules::closest_id(id.get_ref(), known.iter().map(String::as_str)) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "`factlint rules` lists the built-in rules".to_string(),
            },
        )
    };
    for (list, into) in [(&raw.select, &mut s.select), (&raw.ignore, &mut s.ignore)] {
        for id in list {
            if !known.contains(id.get_ref()) {
                return Err(unknown(id));
            }
            into.push(id.get_ref().clone());
        }
    }
    for (pattern, ids) in &raw.per_file_ignores {
        let matcher = crate::corpus::Exclusion::new(std::slice::from_ref(pattern))
            .map_err(|e| ConfigError::at(path, &text, None, format!("[per-file-ignores] {e}"), "here"))?;
        if let Some(bad) = ids.iter().find(|id| id.get_ref() != "all" && !known.contains(id.get_ref())) {
            return Err(unknown(bad));
        }
        if ids.is_empty() {
            continue;
        }
        let every = ids.iter().any(|id| id.get_ref() == "all");
        let rules = if every { Vec::new() } else { ids.iter().map(|id| id.get_ref().clone()).collect() };
        s.per_file_ignores.push(PerFileIgnore { pattern: pattern.clone(), matcher, rules });
    }
    Ok(s)
}

/// Reads a file the configuration at `path` (text `text`) names, relative to its folder;
/// an unreadable file is an error under its name in the configuration.
///
/// A configuration may come with a pull request, so what it names must be a TOML file
/// inside its own folder: no absolute path, no `..`, no symbolic link leading out. A
/// file outside is refused before it is read, so no error can show its content.
fn read_named(path: &Path, text: &str, name: &Spanned<String>, what: &str) -> Result<(PathBuf, String), ConfigError> {
    let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let relative = Path::new(name.get_ref());
    let refuse = |message: String, help: &str| {
        Err(ConfigError::at(path, text, Some(name.span()), message, "here").with_help(help.to_string()))
    };
    let climbs = relative.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if relative.is_absolute() || climbs {
        return refuse(
            format!("the {what} `{}` is outside the folder of this configuration", name.get_ref()),
            "name files by a path inside the folder of factlint.toml, without `..`",
        );
    }
    if relative.extension().and_then(|e| e.to_str()) != Some("toml") {
        return refuse(
            format!("the {what} `{}` is not a .toml file", name.get_ref()),
            "lexicons, glossaries and pattern files are TOML files ending in .toml",
        );
    }
    let file = base.join(relative);
    if let (Ok(real), Ok(root)) = (file.canonicalize(), base.canonicalize()) {
        if !real.starts_with(&root) || !real.is_file() {
            return refuse(
                format!("the {what} `{}` leads outside the folder of this configuration", name.get_ref()),
                "a symbolic link named in factlint.toml must point to a file inside its folder",
            );
        }
    }
    match std::fs::read_to_string(&file) {
        Ok(body) => Ok((file, body)),
        Err(e) => {
            let message = format!("cannot read {what} {}", file.display());
            Err(ConfigError::at(path, text, Some(name.span()), message, &e.to_string()))
        }
    }
}

/// Compiles pattern specs of the file `path` (text `text`) into `out`, each id checked
/// against and added to `known`.
fn compile_patterns(
    path: &Path,
    text: &str,
    specs: &[file::PatternSpec],
    known: &mut Vec<String>,
    out: &mut Vec<PatternRule>,
) -> Result<(), ConfigError> {
    for spec in specs {
        let rule = patterns::compile(path, text, spec, known)?;
        known.push(rule.id.to_string());
        out.push(rule);
    }
    Ok(())
}

/// Compiles the patterns of one pattern file on its own (for tests of pattern files).
pub fn load_pattern_file(path: &Path) -> Result<Vec<PatternRule>, ConfigError> {
    let body = read(path)?;
    let parsed: PatternFile = toml::from_str(&body).map_err(|e| ConfigError::toml(path, &body, &e))?;
    let mut known: Vec<String> = crate::rules::infos().iter().map(|r| r.id.clone()).collect();
    let mut out = Vec::new();
    compile_patterns(path, &body, &parsed.pattern, &mut known, &mut out)?;
    Ok(out)
}

/// The rules read their options through this, so that `rules` never imports `config`.
impl crate::rules::RuleSettings for Settings {
    fn paragraph(&self) -> &DuplicateSettings {
        &self.paragraph
    }

    fn document(&self) -> &DuplicateSettings {
        &self.document
    }

    fn boilerplate_phrases(&self) -> &[String] {
        &self.boilerplate_phrases
    }

    fn patterns(&self) -> &[PatternRule] {
        &self.patterns
    }

    fn extractor(&self) -> Extractor {
        Settings::extractor(self)
    }

    fn glossary(&self) -> Glossary {
        Settings::glossary(self)
    }

    fn source_language(&self) -> Option<String> {
        self.source_language.clone()
    }
}
