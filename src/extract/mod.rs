//! Numeric-claim extraction: nom parsers that turn text into normalized claims.
//!
//! This module depends on nothing else in the crate. It reads words from a
//! [`Lexicon`] (built from the TOML files under `rules/lexicon/`) and returns claims with byte spans
//! into the text it was given; mapping those spans back to files is the caller's job.

pub mod arabic;
mod assemble;
pub mod claim;
pub mod context;
pub mod decimal;
pub mod fraction;
pub mod lang;
pub mod lexicon;
pub mod mention;
pub mod mentions;
pub mod numeral;
pub mod scan;
pub mod script;
pub mod subject;
pub mod units;

#[cfg(test)]
mod tests;

pub use claim::{Claim, Dimension};
pub use decimal::Dec;
pub use lang::{Lang, Mode};
pub use lexicon::{Lexicon, Qualifier};
pub use mention::Mention;
pub use mentions::NumberMention;
pub use scan::Extractor;
