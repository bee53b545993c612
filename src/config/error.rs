//! Configuration errors: the file, the place in it and what is wrong, rendered by miette
//! with a label under the offending key or value.

use miette::{Diagnostic, NamedSource, SourceSpan};
use std::ops::Range;
use std::path::Path;

#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum ConfigError {
    /// The file could not be read at all.
    #[error("cannot read {path}: {reason}")]
    #[diagnostic(code(config))]
    Unreadable { path: String, reason: String },
    /// Something in the file is wrong; the label points at it.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<Invalid>),
}

#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(config))]
pub struct Invalid {
    message: String,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("{label}")]
    span: Option<SourceSpan>,
    label: String,
    #[help]
    help: Option<String>,
}

impl ConfigError {
    pub fn unreadable(path: &Path, e: &dyn std::fmt::Display) -> ConfigError {
        ConfigError::Unreadable { path: path.display().to_string(), reason: e.to_string() }
    }

    /// An error at `span` of the file `path` whose text is `text`.
    pub fn at(path: &Path, text: &str, span: Option<Range<usize>>, message: impl Into<String>, label: &str) -> Self {
        ConfigError::Invalid(Box::new(Invalid {
            message: format!("{}: {}", path.display(), message.into()),
            source_code: NamedSource::new(path.display().to_string(), text.to_string()),
            span: span.map(|s| (s.start, s.end - s.start).into()),
            label: label.to_string(),
            help: None,
        }))
    }

    pub fn with_help(mut self, text: impl Into<String>) -> Self {
        if let ConfigError::Invalid(invalid) = &mut self {
            invalid.help = Some(text.into());
        }
        self
    }

    /// A TOML syntax or shape error (unknown key, wrong type) of the file.
    pub fn toml(path: &Path, text: &str, e: &toml::de::Error) -> ConfigError {
        ConfigError::at(path, text, e.span(), e.message().trim(), "here")
    }
}
