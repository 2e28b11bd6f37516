//! frontera: assess border crossing points against EU integrated border management
//! practice.
//!
//! Dependency rule: arrows point inward only. `commands`, `store`, `content` (and
//! the TUI and report) use `domain`; `domain` uses none of them and knows nothing
//! of the terminal, SQL, PDF or the command line. Nothing imports the TUI.

pub mod action_plan;
pub mod bundle;
pub mod cli;
pub mod commands;
pub mod content;
pub mod demo;
pub mod device;
pub mod domain;
pub mod evidence;
pub mod interop;
pub mod json;
pub mod messages;
pub mod output;
pub mod report;
pub mod store;
pub mod tui;
