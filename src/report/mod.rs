//! Rendering: turning claims, findings and errors into text. Nothing outside this module
//! formats output for users.

pub mod claims;
pub mod errors;
pub mod findings;

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
