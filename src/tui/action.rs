//! What can happen to the interface: a person's intent (from the key table) or
//! the outcome of an effect. `update` is the only consumer.

use std::path::PathBuf;

use crate::bundle::Bundle;
use crate::domain::assessment::{Answer, Assessment, AssessmentId, EquipmentRecord};
use crate::domain::post::{Post, PostCode};
use crate::domain::scoring::AssessmentScore;
use crate::report::ExportRequest;

use super::keys::KeyPress;
use super::state::NoteTarget;
use super::views::hits::Target;

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
    /// Text pasted at once (bracketed paste): one edit, however long.
    Paste(String),
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
    /// In a note conflict: save my text over theirs.
    KeepMine,
    /// In a note conflict: take their text (mine goes to a recovery file).
    TakeTheirs,
    /// In a note conflict: theirs, then mine below it.
    KeepBoth,
    /// Plan tab: create the actions the scores call for.
    ProposePlan,
    /// Items or equipment: add an action citing the selected one.
    AddAction,
    /// Raise a review flag on the selected item (a reviewer), or answer its
    /// open flag (an evaluator).
    ReviewFlag,
    /// List only items that need review, or all again.
    FlaggedOnly,
    /// The checklist's filter menu.
    Filters,
    /// Undo the last answer changed since the workspace opened.
    Undo,
    /// Take the item's carried-over answer as it is.
    ConfirmCarried,
    /// The selected item on the whole screen, or the list again.
    ToggleFocus,
    /// The selected post's register entry in a form.
    EditPost,
    /// Mark the selected item's whole section N/A (asks why).
    SectionNotApplicable,
    /// Plan tab: the next status filter.
    FilterStatus,
    /// Plan tab: the next agency filter.
    FilterAgency,
    /// Plan tab: set a pillar's target level.
    SetTarget,
    /// Plan tab: go to the item or equipment type the action cites.
    GoToCited,
    /// Summary tab: how the visit was carried out (dates, people, sites).
    EditMethod,
    /// The mouse chose a tab or a list row.
    Pick(Target),
    /// The wheel over the item detail: a few rows down or up.
    NudgeDetail {
        down: bool,
    },
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
    /// Its answers, which the item view shows beside the current ones.
    pub answers: Vec<Answer>,
}

/// What is re-read after every save: the committed truth, including changes made
/// meanwhile by another frontera on the same database.
#[derive(Debug, Clone, PartialEq)]
pub struct Refresh {
    pub header: Assessment,
    pub answers: Vec<Answer>,
    pub equipment: Vec<EquipmentRecord>,
    pub carry: crate::domain::carry::CarryOver,
    /// The plan, the previous plan's follow-up and the review flags.
    pub plan: crate::action_plan::PlanRecords,
}

#[derive(Debug, Clone)]
pub enum Outcome {
    HomeLoaded(HomeData),
    SummariesLoaded(Vec<(AssessmentId, AssessmentSummary)>),
    WorkspaceOpened(
        Box<Bundle>,
        Option<Box<Previous>>,
        Box<crate::action_plan::PlanRecords>,
    ),
    /// A change was committed; here is what the database now holds.
    Saved(Box<Refresh>),
    /// A change was not committed; `refresh` (when readable) undoes what the
    /// screen showed in advance.
    SaveFailed(String, Option<Box<Refresh>>),
    Refreshed(Box<Refresh>),
    PostCreated(PostCode),
    PostUpdated(PostCode),
    AssessmentCreated(AssessmentId),
    DraftDeleted(AssessmentId),
    DemoLoaded {
        posts: usize,
        assessments: usize,
    },
    Failed(String),
    ExportFinished(Result<PathBuf, String>),
    /// The report's file exists: ask before replacing it.
    ExportWouldOverwrite(Box<ExportRequest>),
    /// A note reached the database: `text` is what it now holds.
    NoteSaved {
        target: NoteTarget,
        text: String,
        refresh: Box<Refresh>,
    },
    /// A note was not written; `text` is what was sent.
    NoteNotSaved {
        target: NoteTarget,
        text: String,
        failure: NoteFailure,
        refresh: Option<Box<Refresh>>,
    },
    /// Where a note that could not be saved was kept instead.
    RecoveryWritten(Result<PathBuf, String>),
    /// What proposing the plan changed (after its `Saved`).
    PlanProposed(crate::store::ProposeSummary),
}

/// Why a note was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteFailure {
    /// Someone changed the stored note since this editor's text was based on it.
    Changed {
        stored: String,
        by: String,
        at: String,
    },
    /// Anything else (the assessment became final, the file is read-only…),
    /// already in the interface's language.
    Refused(String),
}
