//! Content packs: TOML files → serde DTOs (unknown keys rejected) → validation →
//! domain types. Every problem is reported at once, as FILE:LINE:COL.

pub mod cache;
mod catalogue;
pub mod diagnostics;
mod dto;
mod localize;
mod pillars;
mod procedures;
mod scoring_file;
pub mod source;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::domain::lang::Localized;
use crate::domain::pack::{Catalogue, PILLARS, Pack, PackMeta, Pillar, Procedure, ScoringParams};

pub use diagnostics::{Diagnostic, Severity};
use diagnostics::{FileDiagnostics, line_col};
use dto::{EquipmentFile, PackFile, PillarFile, ProcedureFile, ScoringFile};
pub use source::PackSource;

/// The result of loading a pack: the pack when it has no errors, and everything
/// found on the way.
#[derive(Debug, Clone)]
pub struct LoadReport {
    pub pack: Option<Pack>,
    pub version: Option<String>,
    pub hash: String,
    pub diagnostics: Vec<Diagnostic>,
    pub missing_translations: usize,
}

impl LoadReport {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }
}

/// Why the pack for new assessments could not be had.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error(transparent)]
    Source(#[from] source::SourceError),
    #[error(
        "the content pack ({origin}) has {} error(s); run `frontera content check` for details",
        .errors.len()
    )]
    Invalid {
        origin: String,
        errors: Vec<Diagnostic>,
    },
}

/// The pack new assessments are made with: the folder given (`--content`), or
/// the built-in one.
pub fn load_current(dir: Option<&Path>) -> Result<(PackSource, Pack), PackError> {
    let source = match dir {
        Some(dir) => PackSource::from_dir(dir)?,
        None => PackSource::embedded(),
    };
    let report = load(&source);
    match report.pack {
        Some(pack) => Ok((source, pack)),
        None => Err(PackError::Invalid {
            origin: source.origin,
            errors: report.errors().cloned().collect(),
        }),
    }
}

const PACK: &str = "checklists/pack.toml";
const SCORING: &str = "checklists/scoring.toml";
const EQUIPMENT: &str = "checklists/equipment.toml";

/// Registers ids across the whole pack to catch duplicates anywhere. Only the
/// file and byte offset of each first definition are kept; its line and column
/// are worked out when a duplicate is actually reported.
struct IdRegistry<'a> {
    files: &'a BTreeMap<String, String>,
    prefix: &'a str,
    /// Id → (relative path, byte offset) of its first definition.
    first: HashMap<String, (&'a str, usize)>,
}

impl<'a> IdRegistry<'a> {
    fn new(source: &'a PackSource) -> Self {
        IdRegistry {
            files: &source.files,
            prefix: &source.display_prefix,
            first: HashMap::new(),
        }
    }

    /// Where `id` was first defined, as PREFIX+FILE:LINE:COL.
    fn first_defined_at(&self, rel: &str, offset: usize) -> String {
        let text = self.files.get(rel).map_or("", String::as_str);
        let (line, col) = line_col(text, offset);
        format!("{}{rel}:{line}:{col}", self.prefix)
    }

    fn add(&mut self, id: &str, span: Range<usize>, rel: &'a str, diags: &mut FileDiagnostics<'_>) {
        if let Some(&(first_rel, offset)) = self.first.get(id) {
            let first = self.first_defined_at(first_rel, offset);
            diags.error(
                span,
                format!("duplicate id '{id}' (first defined at {first})"),
            );
            return;
        }
        if !valid_id(id) {
            diags.error(
                span.clone(),
                format!("id '{id}' must be lowercase letters, digits, '-' and '.'"),
            );
        }
        self.first.insert(id.to_string(), (rel, span.start));
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

fn parse<T: DeserializeOwned>(diags: &mut FileDiagnostics<'_>) -> Option<T> {
    match toml::from_str::<T>(diags.text) {
        Ok(value) => Some(value),
        Err(e) => {
            let message = e.message().trim().replace('\n', " ");
            diags.error(e.span().unwrap_or(0..0), message);
            None
        }
    }
}

/// Loads and validates a pack.
pub fn load(source: &PackSource) -> LoadReport {
    let prefix = source.display_prefix.as_str();
    let mut all: Vec<Diagnostic> = Vec::new();
    let mut missing_translations = 0;
    let mut ids = IdRegistry::new(source);
    let mut meta: Option<(String, String, Option<Localized<String>>)> = None;
    let mut scoring: Option<ScoringParams> = None;
    let mut catalogue: Option<Catalogue> = None;
    let mut pillars: BTreeMap<u8, Pillar> = BTreeMap::new();
    let mut procedures: BTreeMap<String, Procedure> = BTreeMap::new();
    // Procedure references are checked once every procedure is known.
    let mut references: Vec<(String, String, Range<usize>, String)> = Vec::new();
    let mut equipment_refs: Vec<(String, String, Range<usize>, String)> = Vec::new();
    // Critical items outside the core subset, warned about once the pack has one.
    let mut critical_not_core: Vec<(String, String, Range<usize>)> = Vec::new();
    let mut any_core = false;

    for (rel, text) in &source.files {
        let shown = format!("{prefix}{rel}");
        let mut diags = FileDiagnostics::new(&shown, text);
        match rel.as_str() {
            PACK => {
                if let Some(file) = parse::<PackFile>(&mut diags) {
                    let title = pillars::title([&file.en, &file.es, &file.pt], &mut diags, file.id.span(), "pack title");
                    if file.version.get_ref().trim().is_empty() {
                        diags.error(file.version.span(), "version must not be empty");
                    }
                    meta = Some((file.id.get_ref().clone(), file.version.get_ref().clone(), title));
                }
            }
            SCORING => {
                scoring = parse::<ScoringFile>(&mut diags).and_then(|f| scoring_file::scoring(&f, &mut diags));
            }
            EQUIPMENT => {
                if let Some(file) = parse::<EquipmentFile>(&mut diags) {
                    for line in &file.lines {
                        ids.add(line.id.get_ref(), line.id.span(), rel, &mut diags);
                    }
                    for t in &file.types {
                        ids.add(t.id.get_ref(), t.id.span(), rel, &mut diags);
                    }
                    catalogue = Some(catalogue::catalogue(&file, &mut diags));
                }
            }
            _ if rel.starts_with("checklists/pillar-") => {
                if let Some(file) = parse::<PillarFile>(&mut diags) {
                    for s in &file.sections {
                        ids.add(s.id.get_ref(), s.id.span(), rel, &mut diags);
                    }
                    for item in &file.items {
                        ids.add(item.id.get_ref(), item.id.span(), rel, &mut diags);
                        for p in &item.procedures {
                            references.push((rel.clone(), item.id.get_ref().clone(), p.span(), p.get_ref().clone()));
                        }
                        for e in &item.equipment {
                            equipment_refs.push((rel.clone(), item.id.get_ref().clone(), e.span(), e.get_ref().clone()));
                        }
                        any_core |= item.core;
                        if item.critical && !item.core {
                            critical_not_core.push((rel.clone(), item.id.get_ref().clone(), item.id.span()));
                        }
                    }
                    if let Some(pillar) = pillars::pillar(&file, &mut diags) {
                        match pillars.entry(pillar.number) {
                            std::collections::btree_map::Entry::Occupied(_) => diags
                                .error(file.pillar.span(), format!("pillar {} is defined by two files", pillar.number)),
                            std::collections::btree_map::Entry::Vacant(slot) => {
                                slot.insert(pillar);
                            }
                        }
                    }
                }
            }
            _ if rel.starts_with("procedures/") => {
                let stem = rel.trim_start_matches("procedures/").trim_end_matches(".toml");
                if let Some(file) = parse::<ProcedureFile>(&mut diags) {
                    ids.add(file.id.get_ref(), file.id.span(), rel, &mut diags);
                    if let Some(p) = procedures::procedure(&file, stem, &mut diags) {
                        procedures.insert(p.id.clone(), p);
                    }
                }
            }
            _ => diags.error(
                0..0,
                "unexpected file: checklists/ holds pack.toml, scoring.toml, equipment.toml and pillar-N-NAME.toml",
            ),
        }
        missing_translations += diags.missing_translations;
        all.extend(diags.found);
    }

    // Files that are not UTF-8 were not parsed; point at their first bad byte.
    for (rel, bad) in &source.not_utf8 {
        all.push(Diagnostic {
            severity: Severity::Error,
            file: format!("{prefix}{rel}"),
            line: bad.line,
            column: bad.column,
            message: format!(
                "the file is not valid UTF-8 (byte 0x{:02X} cannot be read as text); save it as UTF-8",
                bad.byte
            ),
        });
    }

    // A pack without any core item has no core subset to warn about (1.0.0 packs).
    if any_core {
        for (rel, item, span) in critical_not_core {
            let (line, column) = line_col(&source.files[&rel], span.start);
            all.push(Diagnostic {
                severity: Severity::Warning,
                file: format!("{prefix}{rel}"),
                line,
                column,
                message: format!(
                    "item {item} is critical but not core: a core-depth visit would not ask it (add core = true)"
                ),
            });
        }
    }

    let types: Vec<&str> = catalogue
        .as_ref()
        .map(|c| c.types.iter().map(|t| t.id.as_str()).collect())
        .unwrap_or_default();
    for (rel, item, span, target) in equipment_refs {
        if catalogue.is_some() && !types.contains(&target.as_str()) {
            let (line, column) = line_col(&source.files[&rel], span.start);
            all.push(Diagnostic {
                severity: Severity::Error,
                file: format!("{prefix}{rel}"),
                line,
                column,
                message: format!("item {item}: equipment type '{target}' is not in equipment.toml"),
            });
        }
    }
    for (rel, item, span, target) in references {
        if !procedures.contains_key(&target) {
            let text = &source.files[&rel];
            let (line, column) = line_col(text, span.start);
            all.push(Diagnostic {
                severity: Severity::Error,
                file: format!("{prefix}{rel}"),
                line,
                column,
                message: format!("item {item}: procedure '{target}' does not exist in procedures/"),
            });
        }
    }
    let whole_file = |file: &str, message: String| Diagnostic {
        severity: Severity::Error,
        file: format!("{prefix}{file}"),
        line: 1,
        column: 1,
        message,
    };
    for file in [PACK, SCORING, EQUIPMENT] {
        if !source.files.contains_key(file) && !source.not_utf8.contains_key(file) {
            all.push(whole_file(file, "file is missing".into()));
        }
    }
    for n in PILLARS {
        let named = format!("checklists/pillar-{n}-");
        let present = source
            .files
            .keys()
            .chain(source.not_utf8.keys())
            .any(|f| f.starts_with(&named));
        if !pillars.contains_key(&n) && !present {
            all.push(whole_file(
                &format!("{named}NAME.toml"),
                format!("no checklist for pillar {n}"),
            ));
        }
    }

    let hash = source.hash();
    let version = meta.as_ref().map(|m| m.1.clone());
    let has_errors = all.iter().any(|d| d.severity == Severity::Error);
    let pack = match (has_errors, meta, scoring, catalogue) {
        (false, Some((id, version, Some(title))), Some(scoring), Some(catalogue)) => Some(Pack {
            meta: PackMeta {
                id,
                version,
                title,
                hash: hash.clone(),
            },
            pillars: pillars.into_values().collect(),
            procedures,
            catalogue,
            scoring,
        }),
        _ => None,
    };
    LoadReport {
        pack,
        version,
        hash,
        diagnostics: all,
        missing_translations,
    }
}

#[cfg(test)]
mod label_tests;
#[cfg(test)]
mod tests;
