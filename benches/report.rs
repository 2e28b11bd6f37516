//! Benchmarks: report.
fn main() {}
