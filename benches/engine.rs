//! Benchmarks: engine.
fn main() {}
