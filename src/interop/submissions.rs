//! Reads the submissions grid of a Kobo or ODK Central export of frontera's
//! XLSForm into answers for one assessment, checking every cell first: the
//! form version, that each item exists and applies to the post, each value.
//!
//! Kobo: `_uuid`, `_submission_time`, `_submitted_by`, `__version__`, fields
//! as group paths `p1/p1.strategy/ITEM`. ODK Central: `meta-instanceID`,
//! `SubmissionDate`, `SubmitterName`, `FormVersion`, fields as `p1-…-ITEM`.

use std::collections::{HashMap, HashSet};

use super::grid::Grid;
use super::xlsform::{NA, NOTE_SUFFIX, REASON_SUFFIX, VERSION_FIELD, form_version};
use crate::domain::assessment::{NOTE_MAX_CHARS, Response};
use crate::domain::lang::Lang;
use crate::domain::pack::Pack;
use crate::domain::post::Post;
use crate::store::{Submission, SubmittedAnswer};

/// Which tool exported the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Kobo,
    Odk,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Source::Kobo => "kobo",
            Source::Odk => "odk",
        }
    }

    fn uuid(self) -> &'static [&'static str] {
        match self {
            Source::Kobo => &["_uuid", "meta/instanceID"],
            Source::Odk => &["meta-instanceID", "KEY"],
        }
    }

    fn time(self) -> &'static str {
        match self {
            Source::Kobo => "_submission_time",
            Source::Odk => "SubmissionDate",
        }
    }

    fn submitter(self) -> &'static str {
        match self {
            Source::Kobo => "_submitted_by",
            Source::Odk => "SubmitterName",
        }
    }

    /// The tool's own version column, read when the form's field is missing.
    fn version(self) -> &'static str {
        match self {
            Source::Kobo => "__version__",
            Source::Odk => "FormVersion",
        }
    }
}

/// Columns the tools add that carry nothing for frontera.
const IGNORED: &[&str] = &[
    "start",
    "end",
    "today",
    "deviceid",
    "username",
    "phonenumber",
    "simserial",
    "subscriberid",
    "audit",
    "KEY",
    "SubmitterID",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "post_kind",
    "post_cargo",
    "post_shared",
    "SubmissionDate",
    "SubmitterName",
    "FormVersion",
];

/// One problem, where a person finds it in the spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub row: usize,
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "row {}, column {}: {}",
            self.row, self.column, self.message
        )
    }
}

/// The submissions that are valid and the errors of the others.
#[derive(Debug, Default)]
pub struct Reading {
    pub source: Option<Source>,
    pub submissions: Vec<Submission>,
    pub errors: Vec<CellError>,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Field<'a> {
    Level(&'a str),
    Reason(&'a str),
    Note(&'a str),
    Version,
    Meta,
    Unknown,
}

/// The field named by a header: the header itself, else the longest tail
/// after a group separator (`/` for Kobo, `-` for ODK; item ids may hold `-`
/// themselves, so every cut is tried from the left).
pub(super) fn field<'a>(header: &str, names: &HashMap<String, Field<'a>>) -> Field<'a> {
    let cuts = std::iter::once(0).chain(
        header
            .char_indices()
            .filter(|(_, c)| *c == '/' || *c == '-')
            .map(|(i, _)| i + 1),
    );
    for cut in cuts {
        if let Some(f) = names.get(&header[cut..]) {
            return *f;
        }
    }
    if header.starts_with('_') || header.starts_with("meta") || IGNORED.contains(&header) {
        Field::Meta
    } else {
        Field::Unknown
    }
}

fn detect(headers: &[String]) -> Option<Source> {
    let has = |name: &str| headers.iter().any(|h| h == name);
    if has("_uuid") || has("_submission_time") {
        Some(Source::Kobo)
    } else if has("meta-instanceID") || has("SubmissionDate") {
        Some(Source::Odk)
    } else {
        None
    }
}

/// A level as exported: the choice name (`0`–`4`, `na`), or its label in
/// any language (Kobo exports labels unless told to export values).
fn level_names(pack: &Pack) -> HashMap<String, Option<u8>> {
    let mut names = HashMap::new();
    for (n, label) in pack.scoring.levels.iter().enumerate() {
        let level = u8::try_from(n).ok();
        names.insert(n.to_string(), level);
        for lang in Lang::ALL {
            names.insert(format!("{n} — {}", label.name.get(lang)), level);
        }
    }
    names.insert(NA.to_string(), None);
    for label in [
        "N/A — does not apply",
        "N/A — no aplica",
        "N/A — não se aplica",
    ] {
        names.insert(label.to_string(), None);
    }
    names
}

/// The index of `item`'s answer in `answers`, added when missing.
fn answer_of(answers: &mut Vec<SubmittedAnswer>, item: &str) -> usize {
    if let Some(i) = answers.iter().position(|a| a.item == item) {
        return i;
    }
    answers.push(SubmittedAnswer {
        item: item.to_string(),
        response: None,
        note: None,
    });
    answers.len() - 1
}

/// Reads `grid` for an assessment of `post` made with `pack`.
pub fn read(grid: &Grid, format: Option<Source>, pack: &Pack, post: &Post) -> Reading {
    let mut out = Reading::default();
    let header_row = grid.first_row;
    let Some(source) = format.or_else(|| detect(&grid.headers)) else {
        out.errors.push(CellError {
            row: header_row,
            column: "-".into(),
            message: "neither a Kobo export (_uuid, _submission_time) nor an ODK Central one (meta-instanceID, SubmissionDate); give --format".into(),
        });
        return out;
    };
    out.source = Some(source);
    let applicable: HashSet<&str> = pack.applicable_items(post).map(|i| i.id.as_str()).collect();
    let mut names: HashMap<String, Field<'_>> = HashMap::new();
    for item in pack.items() {
        names.insert(item.id.clone(), Field::Level(&item.id));
        names.insert(
            format!("{}{REASON_SUFFIX}", item.id),
            Field::Reason(&item.id),
        );
        names.insert(format!("{}{NOTE_SUFFIX}", item.id), Field::Note(&item.id));
    }
    names.insert(VERSION_FIELD.into(), Field::Version);
    let fields: Vec<Field<'_>> = grid.headers.iter().map(|h| field(h, &names)).collect();
    let column = |name: &str| grid.headers.iter().position(|h| h == name);
    let uuid_col = source.uuid().iter().find_map(|n| column(n));
    let time_col = column(source.time());
    let by_col = column(source.submitter());
    // The post question the form asks first, as a plain or group-less column.
    let kind_col = grid
        .headers
        .iter()
        .position(|h| h == "post_kind" || h.ends_with("/post_kind") || h.ends_with("-post_kind"));
    let version_col = fields
        .iter()
        .position(|f| *f == Field::Version)
        .or_else(|| column(source.version()));
    for (c, f) in fields.iter().enumerate() {
        if *f == Field::Unknown {
            out.errors.push(CellError {
                row: header_row,
                column: grid.headers[c].clone(),
                message: "not a field of frontera's form (an unknown item?)".into(),
            });
        }
    }
    for (name, col) in [
        (source.uuid()[0], uuid_col),
        (source.time(), time_col),
        (VERSION_FIELD, version_col),
    ] {
        if col.is_none() {
            out.errors.push(CellError {
                row: header_row,
                column: name.into(),
                message: "missing: export the submissions with all columns".into(),
            });
        }
    }
    let (Some(uuid_col), Some(time_col), Some(version_col)) = (uuid_col, time_col, version_col)
    else {
        return out;
    };
    let expected = form_version(pack);
    let levels = level_names(pack);
    let mut seen = HashSet::new();
    for (n, row) in grid.rows.iter().enumerate() {
        let row_number = header_row + 1 + n;
        let cell = |c: usize| row.get(c).map_or("", |s| s.trim());
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut errors = Vec::new();
        let mut error = |c: usize, message: String| {
            errors.push(CellError {
                row: row_number,
                column: grid
                    .headers
                    .get(c)
                    .cloned()
                    .unwrap_or_else(|| format!("{}", c + 1)),
                message,
            });
        };
        let uuid = cell(uuid_col).trim_start_matches("uuid:").to_string();
        if uuid.is_empty() {
            error(uuid_col, "the submission has no uuid".into());
        }
        if cell(time_col).is_empty() {
            error(time_col, "the submission has no time".into());
        }
        // A form filled in for another kind of crossing asked other items.
        if let Some(c) = kind_col {
            let kind = cell(c);
            if !kind.is_empty() && kind != post.kind.code() {
                error(
                    c,
                    format!(
                        "the form was filled in for crossing kind '{kind}'; post {} is '{}'",
                        post.code,
                        post.kind.code()
                    ),
                );
            }
        }
        let version = cell(version_col);
        if version != expected {
            error(
                version_col,
                format!(
                    "form version '{version}', but the assessment's pack makes form version '{expected}': export the form again with `frontera content export-xlsform`"
                ),
            );
        }
        let mut answers: Vec<SubmittedAnswer> = Vec::new();
        let mut na_without_reason = Vec::new();
        let mut reasons: HashMap<&str, String> = HashMap::new();
        for (c, f) in fields.iter().enumerate() {
            let value = cell(c);
            let item = match f {
                Field::Level(i) | Field::Reason(i) | Field::Note(i) => *i,
                _ => continue,
            };
            if value.is_empty() {
                continue;
            }
            if !applicable.contains(item) {
                error(
                    c,
                    format!("item {item} does not apply to post {}", post.code),
                );
                continue;
            }
            match f {
                Field::Level(_) => match levels.get(value) {
                    Some(Some(level)) => {
                        let a = answer_of(&mut answers, item);
                        answers[a].response = Some(Response::Level(*level));
                    }
                    Some(None) => {
                        let a = answer_of(&mut answers, item);
                        answers[a].response = Some(Response::NotApplicable {
                            reason: String::new(),
                        });
                        na_without_reason.push((item, c));
                    }
                    None => error(c, format!("'{value}' is not a level (0 to 4, or na)")),
                },
                Field::Reason(_) => {
                    reasons.insert(item, value.to_string());
                }
                Field::Note(_) => {
                    if value.chars().count() > NOTE_MAX_CHARS {
                        error(
                            c,
                            format!("the note is longer than {NOTE_MAX_CHARS} characters"),
                        );
                    } else {
                        let a = answer_of(&mut answers, item);
                        answers[a].note = Some(value.to_string());
                    }
                }
                _ => {}
            }
        }
        for (item, c) in na_without_reason {
            match reasons.get(item) {
                Some(reason) => {
                    if let Some(a) = answers.iter_mut().find(|a| a.item == item) {
                        a.response = Some(Response::NotApplicable {
                            reason: reason.clone(),
                        });
                    }
                }
                None => error(
                    c,
                    format!("{item} is N/A without a reason ({item}{REASON_SUFFIX})"),
                ),
            }
        }
        if !uuid.is_empty() && !seen.insert(uuid.clone()) {
            error(
                uuid_col,
                format!("submission {uuid} appears twice in the file"),
            );
        }
        if errors.is_empty() {
            out.submissions.push(Submission {
                uuid,
                source: source.code(),
                form_version: version.to_string(),
                submitted_at: cell(time_col).to_string(),
                submitted_by: by_col.map_or("", cell).to_string(),
                answers,
            });
        } else {
            out.errors.extend(errors);
        }
    }
    out
}
