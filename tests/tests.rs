//! Integration tests, built as one binary: the CLI, flows across modules, the
//! shipped content pack, the interface in a real terminal, and reports.

mod bundles;
mod carry_over;
mod cli;
mod content_pack;
mod defects;
mod document;
mod encryption;
mod evidence;
mod export_schema;
mod fuzz_bundle_import;
mod fuzz_content;
mod fuzz_db;
mod fuzz_evidence;
mod fuzz_submissions;
mod fuzz_support;
mod interop_export;
mod newcomer_cli;
mod no_network;
mod pack_v2;
mod plan;
mod post_edit;
mod report;
mod report_reading;
mod submissions;
mod tui;
mod tui_day;
mod tui_defects;
mod tui_mouse;
mod upgrade;
mod xlsform;
