//! Benchmarks: tui.
fn main() {}
