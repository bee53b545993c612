//! factlint: a fact-consistency linter for news corpora in Chinese and English.
//!
//! The pipeline: [`source`] reads files into documents whose text maps back to the
//! original bytes; [`extract`] turns text into numeric claims; [`corpus`] runs both over
//! many files in parallel, with [`cache`] keeping claims between runs; [`rules`] and [`check`] find problems, configured by
//! [`config`] and filtered by [`suppress`] and [`baseline`]; [`report`] renders results;
//! [`cli`] is the front end.

pub mod baseline;
pub mod cache;
pub mod check;
pub mod cli;
pub mod clusters;
pub mod config;
pub mod corpus;
pub mod dates;
pub mod dedup;
pub mod embedded;
pub mod engine;
pub mod extract;
pub mod finding;
pub mod fix;
pub mod fsutil;
pub mod glossary;
pub mod index;
pub mod memory;
pub mod parallel;
pub mod report;
pub mod rules;
pub mod source;
pub mod spill;
pub mod story;
pub mod suppress;
#[cfg(test)]
mod testing;
pub mod view;
