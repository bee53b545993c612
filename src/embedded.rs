//! factlint called by another program on text and records it already holds (the Python
//! package is one): claims and findings come back as the values of the JSON output, with
//! the same rules, settings and order as `factlint check` on the same records written to
//! a JSON Lines file, but with positions counted inside each record's text (`"within":
//! "record"`), as for Parquet. Nothing here touches the file system except reading a
//! configuration file, and nothing here knows about Python.

use crate::check::{self, RunOptions, Selection};
use crate::config::{self, ConfigError, Settings};
use crate::corpus::Corpus;
pub use crate::rules::UnknownRule;
use crate::source::{record_document, Document, Format, LoadError, LoadOptions, RecordFields};
use serde_json::{Map, Value};
use std::path::Path;

/// Settings and the rules chosen, ready to check any number of batches of records.
#[derive(Clone, Debug)]
pub struct Linter {
    settings: Settings,
    selection: Selection,
    /// Built once: `extract` may be called once per text, many times.
    extractor: crate::extract::Extractor,
}

impl Linter {
    /// The settings of the configuration file `config` (defaults without one); `select`,
    /// when not empty, replaces its selection of rules, and `ignore` adds to its ignores,
    /// as `--select` and `--ignore` do.
    pub fn new(config: Option<&Path>, select: &[String], ignore: &[String]) -> Result<Linter, LinterError> {
        let settings = match config {
            Some(path) => config::load(path)?,
            None => Settings::default(),
        };
        if let Some(unknown) = UnknownRule::among(select.iter().chain(ignore), &settings.rule_ids()) {
            return Err(unknown.into());
        }
        let selection = Selection::of(&settings, (select, &[]), ignore);
        let extractor = settings.extractor();
        Ok(Linter { settings, selection, extractor })
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The rules chosen.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// A SARIF log (as `factlint check -f sarif` writes it) of findings given as the JSON
    /// text of each, in order.
    pub fn sarif(&self, findings: &[String]) -> Result<String, String> {
        let values: Vec<Value> = findings
            .iter()
            .map(|f| serde_json::from_str(f).map_err(|e| format!("not JSON: {e}")))
            .collect::<Result<_, _>>()?;
        let rows = crate::rules::rule_rows(&self.settings.patterns);
        let descriptors: Vec<crate::report::sarif::RuleDescriptor<'_>> = rows
            .iter()
            .map(|(id, severity, summary, help)| crate::report::sarif::RuleDescriptor {
                id,
                severity: *severity,
                summary,
                help,
            })
            .collect();
        let mut out = Vec::new();
        crate::report::sarif::write_json(&mut out, &values, &descriptors).map_err(|e| e.to_string())?;
        String::from_utf8(out).map_err(|e| e.to_string())
    }

    /// Which fields of a record hold its text and its id, in the order tried.
    pub fn load_options(&self) -> LoadOptions {
        self.settings.load_options(&[])
    }

    /// The claims of `text`, shown as document `name`, in the shape of `factlint extract
    /// -f json`.
    pub fn extract(&self, text: &str, name: &str) -> Vec<Value> {
        let fields = RecordFields { text: Some(text.to_string()), ..RecordFields::default() };
        let Some(mut doc) = record_document(name, Format::Jsonl, fields, 0) else { return Vec::new() };
        doc.name = name.into();
        let claims = self.extractor.claims(&doc.text);
        claims.iter().map(|c| crate::report::claims::claim_json(&doc, c)).collect()
    }

    /// The findings on `records`, the records of a dataset shown as `name`, in the shape of
    /// `factlint check -f json` and in its order. Each record is a JSON object (only the
    /// fields factlint reads need be there) or, when it was not a record at all, what it
    /// was instead. Records that are not records, and records without text, are
    /// `unreadable-input` findings on their numbers, counted from 1 like the lines of a
    /// JSON Lines file (those without text said once, at the first); the other records
    /// are still checked.
    pub fn check(&self, name: &str, records: Vec<Result<Map<String, Value>, String>>) -> Vec<Value> {
        let corpus = self.corpus(name, records);
        let report = check::run(&corpus, &self.settings, &self.selection, &RunOptions::default());
        report.findings.iter().map(|f| crate::report::json::finding_value(&corpus, f)).collect()
    }

    /// The records as a corpus held in memory; those that are not documents as its errors.
    fn corpus(&self, name: &str, records: Vec<Result<Map<String, Value>, String>>) -> Corpus {
        let load = self.load_options();
        let error = |number: usize, message: String| LoadError {
            path: name.to_string(),
            offset: 0,
            line: number,
            column: 1,
            doc: Some(format!("{name}#{number}")),
            message: format!("record {number}: {message}"),
        };
        let mut documents: Vec<Document> = Vec::with_capacity(records.len());
        let mut errors = Vec::new();
        let mut without_text: Vec<usize> = Vec::new();
        for (i, record) in records.into_iter().enumerate() {
            let number = i + 1;
            match record {
                Ok(record) => match RecordFields::from_json(&record, &load) {
                    Some(fields) => documents.extend(record_document(name, Format::Jsonl, fields, number)),
                    None => without_text.push(number),
                },
                Err(what) => errors.push(error(number, format!("not a record but {what}"))),
            }
        }
        // Records without text are one mistake (the wrong text field), said once.
        if let Some(&first) = without_text.first() {
            let mut message = format!("no text field ({}) holding a string", load.text_fields.join(", "));
            if without_text.len() > 1 {
                message.push_str(&format!(" (and {} more records like it)", without_text.len() - 1));
            }
            errors.push(error(first, message));
            errors.sort_by_key(|e| e.line);
        }
        let mut corpus = Corpus::held(documents);
        corpus.errors = errors;
        corpus
    }
}

/// Why a [`Linter`] could not be made.
#[derive(Debug, thiserror::Error)]
pub enum LinterError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    UnknownRule(#[from] UnknownRule),
}
