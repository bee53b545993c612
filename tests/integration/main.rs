//! Integration tests: the binary as users run it, golden snapshots of its output, and a
//! property test of the loaders and the extractor. One test binary keeps the build lean.

mod cache;
mod check;
mod cli;
mod embedded;
mod engine;
mod fixes;
mod fuzz;
mod gate;
mod hostile;
mod index;
mod layout;
mod packed;
mod parallel;
mod rules;
mod settings;
mod stories;
mod stream;
mod support;
