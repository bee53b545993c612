//! Helpers for the crate's own unit tests.

/// A small deterministic generator (xorshift64) for tests that build many varied inputs:
/// each call gives a number below its argument.
pub fn xorshift(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed;
    move |below: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below
    }
}
