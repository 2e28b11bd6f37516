//! What an assessment report's PDF carries besides its pages: metadata from
//! the assessment, the outline of its chapters and pillars, its internal
//! links, and the assessment's JSON export attached.

use super::layout::Laid;
use super::model::ReportModel;
use super::pdf::document::{Attachment, DocumentInfo, LinkArea, OutlineEntry};
use super::{Loaded, ReportOptions};
use crate::domain::time;

/// Unix seconds of a frontera timestamp or date; 0 when it is neither.
fn seconds(at: &str) -> i64 {
    time::parse_rfc3339(at)
        .or_else(|| time::parse_rfc3339(&format!("{}T00:00:00Z", time::date_of(at))))
        .unwrap_or(0)
}

/// Level 1 headings, each with its level 2 headings under it.
pub fn outline(laid: &Laid) -> Vec<OutlineEntry> {
    let mut entries: Vec<OutlineEntry> = Vec::new();
    for h in laid.marks.headings.iter().filter(|h| h.level <= 2) {
        let entry = OutlineEntry {
            title: h.text.clone(),
            page: h.page,
            y: h.y,
            children: Vec::new(),
        };
        match (h.level, entries.last_mut()) {
            (2, Some(parent)) => parent.children.push(entry),
            _ => entries.push(entry),
        }
    }
    entries
}

/// Every link whose anchor was placed.
pub fn links(laid: &Laid) -> Vec<LinkArea> {
    laid.marks
        .resolved_links()
        .map(|(l, page, y)| LinkArea {
            page: l.page,
            x: l.x,
            y: l.y,
            w: l.w,
            h: l.h,
            target_page: page,
            target_y: y,
        })
        .collect()
}

/// "Integrated border management" as the glossary puts it in `lang`, for
/// the document's keywords.
fn ibm_keyword(lang: crate::domain::lang::Lang) -> &'static str {
    use crate::domain::lang::Lang;
    match lang {
        Lang::En => "integrated border management",
        Lang::Es => "gestión integrada de fronteras",
        Lang::Pt => "gestão integrada de fronteiras",
    }
}

/// The metadata of a report with no assessment behind it (the programme
/// report): its title, language, navigation and the date it was made.
pub fn model_info(model: &ReportModel, laid: &Laid, date: &str) -> DocumentInfo {
    let mut info = DocumentInfo::titled(&model.title);
    info.lang = model.lang;
    info.subject = model.running_head.clone();
    info.keywords = vec!["EUROFRONT".into(), ibm_keyword(model.lang).into()];
    info.created = seconds(date);
    info.modified = info.created;
    info.outline = outline(laid);
    info.links = links(laid);
    info
}

/// The metadata of an assessment's report.
pub fn assessment_info(
    loaded: &Loaded,
    model: &ReportModel,
    laid: &Laid,
    options: &ReportOptions<'_>,
) -> DocumentInfo {
    let h = &loaded.bundle.header;
    let post = &loaded.bundle.post;
    let today = super::strings::iso_date(options.date);
    let export = crate::json::export::document(
        &loaded.bundle,
        &loaded.log,
        &loaded.plan,
        &loaded.evidence,
        options.lang,
        today,
    );
    let json = serde_json::to_string_pretty(&export).unwrap_or_default() + "\n";
    // The document's dates are the assessment's: the same data, the same file.
    let created = seconds(&h.created_at);
    let modified = seconds(h.finalised_at.as_deref().unwrap_or(&h.updated_at)).max(created);
    DocumentInfo {
        title: model.title.clone(),
        author: h.evaluators.join(", "),
        subject: model.reference.clone(),
        keywords: vec![
            "EUROFRONT".into(),
            ibm_keyword(options.lang).into(),
            post.code.to_string(),
            post.country.as_str().to_string(),
            h.id.to_string(),
        ],
        lang: options.lang,
        created,
        modified,
        producer: super::pdf::document::PRODUCER.to_string(),
        outline: outline(laid),
        links: links(laid),
        attachment: Some(Attachment {
            name: format!("{}-{}.json", post.code, h.id),
            description: format!("frontera export of assessment {}", h.id),
            mime: "application/json".into(),
            bytes: json.into_bytes(),
            modified,
        }),
    }
}
