//! Rendering: turning claims, findings and errors into text. Nothing outside this module
//! formats output for users; each output format has its own file.

pub mod align;
pub mod claims;
pub mod concise;
pub mod diff;
pub mod errors;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
mod snippet;
pub mod statistics;
pub mod visible;

use crate::corpus::Corpus;
use crate::finding::Place;
use crate::source::Location;
use serde::Serialize;

/// The position fields every output shares: 1-based line and column (Unicode scalar
/// values) of both ends, and the byte span in the original file.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl From<&Location> for Position {
    fn from(l: &Location) -> Position {
        Position {
            line: l.start.line,
            column: l.start.column,
            end_line: l.end.line,
            end_column: l.end.column,
            byte_start: l.byte_start,
            byte_end: l.byte_end,
        }
    }
}

/// A place resolved for output: file path, document name and position.
pub struct Resolved<'a> {
    pub path: &'a str,
    pub doc: &'a str,
    pub position: Position,
    /// `Some("record")` when the position counts inside the record's text value (a Parquet
    /// record), not in the file.
    pub within: Option<&'static str>,
}

/// What a position of `doc` counts in, when it is not its file: `"record"` for a Parquet
/// record's value.
pub fn within(doc: &crate::source::Document) -> Option<&'static str> {
    doc.file.packing.is_record_relative().then_some("record")
}

/// Where a finding's place is in its file.
pub fn resolve<'a>(corpus: &'a Corpus, place: &'a Place) -> Resolved<'a> {
    match place {
        Place::Text { doc, span } => {
            let d = &corpus.documents[*doc];
            let l = d.locate(span.clone());
            Resolved { path: &d.file.path, doc: &d.name, position: Position::from(&l), within: within(d) }
        }
        Place::File { path, doc, offset, line, column } => Resolved {
            path,
            doc: doc.as_deref().unwrap_or(path),
            position: Position {
                line: *line,
                column: *column,
                end_line: *line,
                end_column: *column,
                byte_start: *offset,
                byte_end: *offset,
            },
            within: None,
        },
    }
}
