//! Integration tests, built as one binary: the CLI, flows across modules, the
//! shipped content pack, the interface in a real terminal, and reports.

mod bundles;
mod cli;
mod content_pack;
mod defects;
mod document;
mod export_schema;
mod fuzz_bundle_import;
mod newcomer_cli;
mod pack_v2;
mod plan;
mod report;
mod report_reading;
mod tui;
mod tui_defects;
mod upgrade;
