//! What `update` asks the outside world to do; the runner carries it out.

use std::path::PathBuf;

use crate::domain::assessment::{AssessmentId, Response, Transition};
use crate::domain::plan::{ActionEdit, ActionStatus, Cite, Outcome};
use crate::domain::post::{Post, PostCode};
use crate::report::ExportRequest;
use crate::store::{EquipmentUpdate, NewAction};

use super::state::NoteTarget;
use super::state::form::StartValues;

#[derive(Debug, Clone)]
pub enum Effect {
    LoadHome {
        select: Option<PostCode>,
    },
    LoadSummaries(PostCode),
    OpenAssessment(AssessmentId),
    Refresh(AssessmentId),
    SetResponse {
        id: AssessmentId,
        item: String,
        response: Response,
    },
    /// Undoes the answer given to a carried-over item: open again, and the
    /// previous final assessment's answer proposed again.
    RestoreCarried {
        id: AssessmentId,
        item: String,
    },
    /// Saves a note only if the stored one is still `expected`.
    SetNote {
        id: AssessmentId,
        target: NoteTarget,
        note: String,
        expected: String,
    },
    /// Keeps text that could not be saved in a file beside the database
    /// (`path` when one was already chosen for this editor).
    WriteRecovery {
        id: AssessmentId,
        target: NoteTarget,
        text: String,
        path: Option<PathBuf>,
    },
    UpdateEquipment {
        id: AssessmentId,
        type_id: String,
        update: EquipmentUpdate,
    },
    Transition {
        id: AssessmentId,
        transition: Transition,
    },
    CreatePost(Box<Post>),
    CreateAssessment {
        post: PostCode,
        values: StartValues,
    },
    DeleteDraft(AssessmentId),
    LoadDemo,
    /// Creates the actions the scores call for (idempotent).
    ProposePlan(AssessmentId),
    AddAction {
        id: AssessmentId,
        action: Box<NewAction>,
    },
    EditAction {
        id: AssessmentId,
        number: u32,
        edit: Box<ActionEdit>,
    },
    SetActionStatus {
        id: AssessmentId,
        number: u32,
        status: ActionStatus,
        reason: Option<String>,
    },
    RecordFollowUp {
        id: AssessmentId,
        number: u32,
        outcome: Outcome,
        note: String,
    },
    RaiseFlag {
        id: AssessmentId,
        target: Cite,
        comment: String,
    },
    ResolveFlag {
        id: AssessmentId,
        flag: i64,
        reply: String,
    },
    SetTarget {
        id: AssessmentId,
        pillar: u8,
        level: u8,
    },
    /// How the visit was carried out.
    SetMethod {
        id: AssessmentId,
        method: Box<crate::domain::assessment::Method>,
        /// The team (the store writes it only when it changed).
        evaluators: Vec<String>,
    },
    /// Rewrites a post's register entry (its code stays).
    UpdatePost(Box<crate::domain::post::Post>),
    /// Writes the report; unless `overwrite`, an existing file is asked about first.
    Export {
        request: Box<ExportRequest>,
        overwrite: bool,
    },
}
