//! What can happen to the interface: a person's intent (from the key table) or
//! the outcome of an effect. `update` is the only consumer.

use std::path::PathBuf;

use crate::bundle::Bundle;
use crate::domain::assessment::{Answer, Assessment, AssessmentId, EquipmentRecord};
use crate::domain::post::{Post, PostCode};
use crate::domain::scoring::AssessmentScore;

use super::keys::KeyPress;

#[derive(Debug, Clone)]
pub enum Action {
    MoveUp,
    MoveDown,
    PageUp,
    PageDown,
    MoveFirst,
    MoveLast,
    NextTab,
    PrevTab,
    MoveLeft,
    MoveRight,
    Open,
    Back,
    ScrollDetailUp,
    ScrollDetailDown,
    SetLevel(u8),
    MarkNotApplicable,
    ClearResponse,
    NextOpen,
    EditNotes,
    Search,
    OpenProcedure,
    AddUncatalogued,
    Submit,
    Finalise,
    Reopen,
    NewPost,
    StartAssessment,
    DeleteDraft,
    LoadDemo,
    ExportReport,
    ShowHelp,
    Quit,
    Confirm,
    Cancel,
    NextField,
    PrevField,
    /// Saves the open editor without leaving it.
    SaveEditor,
    /// A key typed into the open text field or editor.
    Type(KeyPress),
    Tick,
    Done(Outcome),
}

/// The score line of one assessment on the home screen.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentSummary {
    pub overall_score: Option<f64>,
    pub overall_level: Option<u8>,
    /// (answered + N/A) ÷ applicable over all pillars.
    pub completeness: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HomeData {
    pub posts: Vec<Post>,
    pub assessments: Vec<Assessment>,
    /// The post to select once loaded (a new post, or the one of a closed workspace).
    pub select: Option<PostCode>,
}

/// The latest earlier final assessment of the same post, for the change per pillar.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    pub id: AssessmentId,
    pub created_at: String,
    pub score: AssessmentScore,
}

/// What is re-read after every save: the committed truth, including changes made
/// meanwhile by another frontera on the same database.
#[derive(Debug, Clone, PartialEq)]
pub struct Refresh {
    pub header: Assessment,
    pub answers: Vec<Answer>,
    pub equipment: Vec<EquipmentRecord>,
}

#[derive(Debug, Clone)]
pub enum Outcome {
    HomeLoaded(HomeData),
    SummariesLoaded(Vec<(AssessmentId, AssessmentSummary)>),
    WorkspaceOpened(Box<Bundle>, Option<Box<Previous>>),
    /// A change was committed; here is what the database now holds.
    Saved(Box<Refresh>),
    /// A change was not committed; `refresh` (when readable) undoes what the
    /// screen showed in advance.
    SaveFailed(String, Option<Box<Refresh>>),
    Refreshed(Box<Refresh>),
    PostCreated(PostCode),
    AssessmentCreated(AssessmentId),
    DraftDeleted(AssessmentId),
    DemoLoaded {
        posts: usize,
        assessments: usize,
    },
    Failed(String),
    ExportFinished(Result<PathBuf, String>),
}
