//! What `update` asks the outside world to do; the runner carries it out.

use crate::domain::assessment::{AssessmentId, AssessmentKind, Response, Transition};
use crate::domain::post::{Post, PostCode};
use crate::report::ExportRequest;
use crate::store::EquipmentUpdate;

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
    SetNote {
        id: AssessmentId,
        item: String,
        note: String,
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
        kind: AssessmentKind,
        evaluators: Vec<String>,
    },
    DeleteDraft(AssessmentId),
    LoadDemo,
    Export(Box<ExportRequest>),
}
