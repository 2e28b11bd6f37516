//! What `update` asks the outside world to do; the runner carries it out.

use std::path::PathBuf;

use crate::domain::assessment::{AssessmentId, Response, Transition};
use crate::domain::post::{Post, PostCode};
use crate::report::ExportRequest;
use crate::store::EquipmentUpdate;

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
    /// Writes the report; unless `overwrite`, an existing file is asked about first.
    Export {
        request: Box<ExportRequest>,
        overwrite: bool,
    },
}
