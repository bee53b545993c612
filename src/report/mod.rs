//! Rendering: turning claims, findings and errors into text. Nothing outside this module
//! formats output for users.

pub mod claims;
pub mod errors;
pub mod findings;
