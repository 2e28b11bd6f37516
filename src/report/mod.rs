//! Assessment and programme reports: bundles → a report model (pure, in
//! `model`) → pages (`layout`, real glyph widths) → PDF (`pdf`, the only user of
//! printpdf). This file is the API: load, build, render, write atomically.

mod document;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod strings;

use std::collections::HashMap;
use std::path::PathBuf;

use crate::bundle::{Bundle, BundleError, pinned_pack};
use crate::content::{self, PackSource};
use crate::domain::assessment::{AssessmentId, Status};
use crate::domain::lang::Lang;
use crate::domain::pack::Pack;
use crate::domain::scoring::score_assessment_at;
use crate::store::{Store, StoreError};
use layout::{FontError, Fonts};
use model::{AssessmentInput, FinalScore, ProgrammeEntry, ProgrammeInput, ReportModel};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Bundle(#[from] BundleError),
    #[error(transparent)]
    Font(#[from] FontError),
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
    #[error(transparent)]
    Write(#[from] crate::output::WriteError),
    #[error("the built-in content pack does not load; run `frontera content check`")]
    Pack,
}

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// The database to read (the worker opens its own connection).
    pub db_path: PathBuf,
    /// A full assessment id.
    pub assessment: String,
    pub output: PathBuf,
    pub lang: Lang,
    pub marking: Option<String>,
    pub actor: String,
    /// The default report, or every item's chapter too.
    pub detail: model::Detail,
}

/// How an assessment report is made.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions<'a> {
    pub lang: Lang,
    pub marking: Option<&'a str>,
    /// The report date (`2026-11-28` or a timestamp).
    pub date: &'a str,
    pub detail: model::Detail,
}

/// What to export for the programme report.
#[derive(Debug, Clone)]
pub struct ProgrammeRequest {
    pub db_path: PathBuf,
    pub output: PathBuf,
    pub lang: Lang,
    pub marking: Option<String>,
    pub actor: String,
}

/// Today as the report prints it (UTC date).
pub fn today() -> String {
    strings::iso_date(&crate::domain::time::now()).to_string()
}

/// How far an export has got, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the assessment, its pack and the previous final assessment.
    Loading,
    /// Building the model and laying out the pages.
    LayingOut,
    /// Writing the PDF file.
    Writing,
}

/// Writes the assessment report to `request.output` (via a temporary file and a
/// rename) and returns the path written. Safe to call from a worker thread.
pub fn export_assessment(request: &ExportRequest) -> Result<PathBuf, ReportError> {
    export_assessment_with_progress(request, &mut |_| {})
}

/// [`export_assessment`], telling `progress` as each stage starts.
pub fn export_assessment_with_progress(
    request: &ExportRequest,
    progress: &mut dyn FnMut(Stage),
) -> Result<PathBuf, ReportError> {
    progress(Stage::Loading);
    let store = Store::open_existing(&request.db_path, &request.actor)?;
    write_assessment(&store, request, progress)
}

/// [`export_assessment`] on a database already open (one open per report).
pub fn write_assessment(
    store: &Store,
    request: &ExportRequest,
    progress: &mut dyn FnMut(Stage),
) -> Result<PathBuf, ReportError> {
    let id = store.resolve(&request.assessment)?;
    let date = today();
    let options = ReportOptions {
        lang: request.lang,
        marking: request.marking.as_deref(),
        date: &date,
        detail: request.detail,
    };
    let loaded = load_assessment(store, &id)?;
    progress(Stage::LayingOut);
    let bytes = render_assessment(&loaded, &options, progress)?;
    crate::output::write_output(&request.output, &bytes)?;
    Ok(request.output.clone())
}

/// Writes the programme report to `request.output`, like [`export_assessment`].
pub fn export_programme(request: &ProgrammeRequest) -> Result<PathBuf, ReportError> {
    let store = Store::open_existing(&request.db_path, &request.actor)?;
    let bytes = programme_pdf(&store, request.lang, request.marking.as_deref(), &today())?;
    crate::output::write_output(&request.output, &bytes)?;
    Ok(request.output.clone())
}

/// The previous final assessment of the same post: final, and started before
/// it. It usually pins the same pack as `bundle`, which is then shared, not
/// loaded again.
pub fn previous_final(store: &Store, bundle: &Bundle) -> Result<Option<Bundle>, ReportError> {
    match store.previous_final(&bundle.header.id)? {
        Some(a) if a.pack_hash == bundle.header.pack_hash => Ok(Some(Bundle::load_with_pack(
            store,
            &a.id,
            bundle.pack.clone(),
        )?)),
        Some(a) => Ok(Some(Bundle::load(store, &a.id)?)),
        None => Ok(None),
    }
}

/// The reason given when the assessment was last finalised below the
/// completeness threshold (the change log keeps it as "final (reason: …)").
pub fn finalisation_reason(log: &[crate::domain::assessment::Change]) -> Option<String> {
    let last = log
        .iter()
        .rev()
        .find(|c| c.entity == "assessment" && c.field == "status")?;
    last.new
        .as_deref()?
        .strip_prefix("final (reason: ")?
        .strip_suffix(')')
        .map(str::to_string)
}

/// What an assessment report is made from, read from the store once.
pub struct Loaded {
    pub bundle: Bundle,
    pub previous: Option<Bundle>,
    pub log: Vec<crate::domain::assessment::Change>,
    pub plan: crate::action_plan::PlanRecords,
    pub evidence: Vec<crate::domain::evidence::Evidence>,
}

/// Reads an assessment with everything its report needs.
pub fn load_assessment(store: &Store, id: &AssessmentId) -> Result<Loaded, ReportError> {
    let bundle = Bundle::load(store, id)?;
    let previous = previous_final(store, &bundle)?;
    Ok(Loaded {
        log: store.change_log(id)?,
        plan: crate::action_plan::PlanRecords::load(store, id)?,
        evidence: store.evidence(id)?,
        previous,
        bundle,
    })
}

/// The model of a loaded assessment's report.
pub fn loaded_model(loaded: &Loaded, options: &ReportOptions<'_>) -> ReportModel {
    let reason = finalisation_reason(&loaded.log);
    model::build_assessment(&AssessmentInput {
        bundle: &loaded.bundle,
        previous: loaded.previous.as_ref(),
        lang: options.lang,
        marking: options.marking,
        date: options.date,
        finalisation_reason: reason.as_deref(),
        plan: &loaded.plan,
        detail: options.detail,
        evidence: &loaded.evidence,
    })
}

/// The model of an assessment's report.
pub fn assessment_model(
    store: &Store,
    id: &AssessmentId,
    options: &ReportOptions<'_>,
) -> Result<ReportModel, ReportError> {
    Ok(loaded_model(&load_assessment(store, id)?, options))
}

/// The PDF of an assessment's report.
pub fn assessment_pdf(
    store: &Store,
    id: &AssessmentId,
    options: &ReportOptions<'_>,
) -> Result<Vec<u8>, ReportError> {
    render_assessment(&load_assessment(store, id)?, options, &mut |_| {})
}

/// Lays out and writes a loaded assessment's report, with its navigation,
/// its metadata and its data attached.
pub fn render_assessment(
    loaded: &Loaded,
    options: &ReportOptions<'_>,
    progress: &mut dyn FnMut(Stage),
) -> Result<Vec<u8>, ReportError> {
    let model = loaded_model(loaded, options);
    let fonts = Fonts::embedded()?;
    let laid = layout::layout_document(&model, &fonts);
    progress(Stage::Writing);
    let info = document::assessment_info(loaded, &model, &laid, options);
    Ok(pdf::write_document(&laid.pages, &info, &fonts)?)
}

/// Every post with its final assessments scored, oldest first. Packs are loaded
/// once per content hash: many assessments share one.
pub fn programme_entries(
    store: &Store,
) -> Result<(Vec<ProgrammeEntry>, Option<Pack>), ReportError> {
    let all = store.assessments(None)?;
    let mut packs: HashMap<String, Pack> = HashMap::new();
    let mut entries = Vec::new();
    for post in store.posts()? {
        let mut finals: Vec<_> = all
            .iter()
            .filter(|a| a.post == post.code.as_str() && a.status == Status::Final)
            .collect();
        finals.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        let mut scored = Vec::new();
        for header in finals {
            if !packs.contains_key(&header.pack_hash) {
                let pack = pinned_pack(store, header)?;
                packs.insert(header.pack_hash.clone(), pack);
            }
            let Some(pack) = packs.get(&header.pack_hash) else {
                continue;
            };
            let answers = store.answers(&header.id)?;
            let equipment = store.equipment(&header.id)?;
            scored.push(FinalScore {
                id: header.id.to_string(),
                created_at: header.created_at.clone(),
                score: score_assessment_at(pack, &post, header.depth, &answers, &equipment),
            });
        }
        entries.push(ProgrammeEntry {
            post,
            finals: scored,
        });
    }
    let newest_pack = all
        .iter()
        .find(|a| a.status == Status::Final)
        .and_then(|a| packs.remove(&a.pack_hash));
    Ok((entries, newest_pack))
}

/// The model of the programme report, dated `date`.
pub fn programme_model(
    store: &Store,
    lang: Lang,
    marking: Option<&str>,
    date: &str,
) -> Result<ReportModel, ReportError> {
    let (entries, pack) = programme_entries(store)?;
    // Titles come from the newest pack in use, or the built-in one when no
    // assessment is final yet.
    let pack = match pack {
        Some(p) => p,
        None => content::load(&PackSource::embedded())
            .pack
            .ok_or(ReportError::Pack)?,
    };
    Ok(model::build_programme(&ProgrammeInput {
        entries: &entries,
        pillar_titles: pack
            .pillars
            .iter()
            .map(|p| (p.number, p.title.get(lang).clone()))
            .collect(),
        level_names: pack
            .scoring
            .levels
            .iter()
            .map(|l| l.name.get(lang).clone())
            .collect(),
        lang,
        marking,
        date,
    }))
}

/// The PDF of the programme report, dated `date`.
pub fn programme_pdf(
    store: &Store,
    lang: Lang,
    marking: Option<&str>,
    date: &str,
) -> Result<Vec<u8>, ReportError> {
    render_dated(&programme_model(store, lang, marking, date)?, date)
}

/// Lays out and writes a model as PDF bytes, with its bookmarks and links.
pub fn render(model: &ReportModel) -> Result<Vec<u8>, ReportError> {
    render_dated(model, "")
}

/// [`render`], with the document's dates set to `date` (a date or a
/// timestamp; none when empty).
pub fn render_dated(model: &ReportModel, date: &str) -> Result<Vec<u8>, ReportError> {
    let fonts = Fonts::embedded()?;
    let laid = layout::layout_document(model, &fonts);
    let info = document::model_info(model, &laid, date);
    Ok(pdf::write_document(&laid.pages, &info, &fonts)?)
}

#[cfg(test)]
mod evidence_tests;
#[cfg(test)]
mod tests;
