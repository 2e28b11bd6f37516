//! Pure types and rules: posts, content packs, assessments, answers, scoring.
//! Knows nothing of the terminal, the database, PDF or the command line.

pub mod assessment;
pub mod carry;
pub mod chain;
pub mod counts;
pub mod evidence;
mod fast_text;
pub mod lang;
pub mod pack;
pub mod plan;
pub mod post;
pub mod review;
pub mod scoring;
pub mod search_text;
pub mod time;

#[cfg(test)]
pub mod fixtures;
