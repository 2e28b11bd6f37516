//! Everything the screen shows, and nothing it would have to fetch: drawing is
//! a pure function of this state. Only `update` changes it.

pub mod equipment;
pub mod filters;
pub mod form;
pub mod home;
pub mod input;
pub mod plan;
pub mod workspace;

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use super::views::{MIN_HEIGHT, MIN_WIDTH};

use crate::domain::assessment::AssessmentId;
use crate::domain::lang::Lang;
use crate::domain::post::PostCode;

use super::keymap::Mode;
use equipment::CountField;
use form::Form;
use home::HomeState;
use input::LineInput;
use workspace::{Tab, WorkspaceState};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Workspace,
}

/// Whether the last change reached the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Idle,
    Saving,
    Saved,
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub tone: Tone,
    pub text: String,
}

#[derive(Debug, Clone)]
pub enum ConfirmKind {
    Delete {
        id: AssessmentId,
        post: PostCode,
    },
    Submit,
    Finalise,
    LoadDemo,
    /// Clearing the level of an item whose answer has a note.
    ClearAnswer {
        item: String,
    },
    /// The report's file exists.
    Overwrite(Box<crate::report::ExportRequest>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum PromptKind {
    NotApplicable {
        item: String,
    },
    /// Every applicable item of a section N/A, with one reason.
    SectionNotApplicable {
        section: String,
        items: Vec<String>,
    },
    Reopen,
    Uncatalogued,
    Count {
        type_id: String,
        field: CountField,
    },
    ExportPath {
        id: AssessmentId,
    },
    /// Finalising below the completeness threshold: why (logged, reported).
    FinaliseReason {
        completeness: f64,
    },
    /// A text field of an action (title, agency, due date, cost, text, cites).
    ActionField {
        number: u32,
        field: plan::PlanField,
    },
    /// Why an action moves to `status` (dropping, reopening).
    ActionReason {
        number: u32,
        status: crate::domain::plan::ActionStatus,
    },
    /// The title of a new action citing `cite`.
    NewAction {
        cite: crate::domain::plan::Cite,
    },
    /// The note on what became of an earlier action.
    FollowUpNote {
        number: u32,
        outcome: crate::domain::plan::Outcome,
    },
    /// A reviewer's comment flagging `target`.
    FlagComment {
        target: crate::domain::plan::Cite,
    },
    /// An answer to an open flag.
    FlagReply {
        flag: i64,
        comment: String,
    },
}

/// What a list of choices decides.
#[derive(Debug, Clone, PartialEq)]
pub enum ChoiceKind {
    ActionStatus {
        number: u32,
        options: Vec<crate::domain::plan::ActionStatus>,
    },
    Priority {
        number: u32,
    },
    Outcome {
        number: u32,
    },
    TargetPillar,
    /// The checklist's filters, each option switching one on or off.
    ItemFilters,
    TargetLevel {
        pillar: u8,
    },
}

/// A short list to choose from with ↑↓ and Enter.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub kind: ChoiceKind,
    pub title: String,
    pub options: Vec<String>,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: LineInput,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    Item(String),
    Equipment(String),
}

/// A note saved meanwhile by someone else, while this editor had text of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteConflict {
    pub theirs: String,
    pub by: String,
    pub at: String,
}

/// The notes editor. It saves on every change (one save in flight at a time;
/// the next takes the latest text), each save conditional on the stored note
/// still being `base`, so nothing typed elsewhere is overwritten.
#[derive(Debug, Clone)]
pub struct NotesEditor {
    pub target: NoteTarget,
    pub textarea: TextArea<'static>,
    /// What the database holds, as far as this editor knows: the text at
    /// opening, then each text whose save was confirmed.
    pub base: String,
    /// Text sent to the database whose commit is not confirmed yet.
    pub sent: Option<String>,
    /// The stored note changed under this editor: saving waits for a choice.
    pub conflict: Option<NoteConflict>,
    /// The note cannot be saved (why, in the interface's language).
    pub refused: Option<String>,
    /// Where the text was kept when it could not be saved.
    pub recovery: Option<PathBuf>,
}

impl NotesEditor {
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// Whether the database holds exactly what the screen shows.
    pub fn committed(&self) -> bool {
        self.sent.is_none() && self.conflict.is_none() && self.text() == self.base
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub procedures: Vec<String>,
    pub index: usize,
    pub scroll: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub input: LineInput,
    /// (pillar, position) of each match.
    pub results: Vec<(usize, usize)>,
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    /// Help, over whatever was open (the reader, a confirmation), which it
    /// gives back on closing.
    Help {
        scroll: u16,
        under: Option<Box<Overlay>>,
    },
    Confirm(ConfirmKind),
    Prompt(Prompt),
    Form(Form),
    Editor(Box<NotesEditor>),
    Reader(Reader),
    Search(Search),
    Choice(Choice),
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub lang: Lang,
    pub actor: String,
    /// Where the report worker reads from.
    pub db_path: PathBuf,
    pub color: bool,
    pub screen: Screen,
    pub home: HomeState,
    pub workspace: Option<Box<WorkspaceState>>,
    pub overlay: Option<Overlay>,
    pub save: SaveState,
    /// Changes sent to the database whose commit is not confirmed yet.
    pub pending: usize,
    pub message: Option<Message>,
    /// The report being exported, while it is.
    pub export: Option<PathBuf>,
    pub ticks: u64,
    pub quit: bool,
    /// The terminal's size (columns, rows); below the minimum only resizing
    /// and quitting act.
    pub size: (u16, u16),
    /// Today (YYYY-MM-DD), for overdue actions: read once at start, so that
    /// drawing stays a pure function of the state.
    pub today: String,
}

impl AppState {
    pub fn new(lang: Lang, actor: &str, db_path: PathBuf, color: bool) -> Self {
        AppState {
            lang,
            actor: actor.to_string(),
            db_path,
            color,
            screen: Screen::Home,
            home: HomeState::default(),
            workspace: None,
            overlay: None,
            save: SaveState::Idle,
            pending: 0,
            message: None,
            export: None,
            ticks: 0,
            quit: false,
            size: (MIN_WIDTH, MIN_HEIGHT),
            today: crate::domain::time::date_of(&crate::domain::time::now()).to_string(),
        }
    }

    /// Whether the terminal is below the size frontera needs to be readable.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// What the status line says about saving: "saved" only while the
    /// database holds exactly what the screen shows.
    pub fn save_shown(&self) -> SaveState {
        if let Some(Overlay::Editor(editor)) = &self.overlay {
            if let Some(why) = &editor.refused {
                return SaveState::Failed(why.clone());
            }
            if editor.conflict.is_some() {
                return SaveState::Failed(String::new());
            }
            if !editor.committed() {
                return SaveState::Saving;
            }
        }
        if self.pending > 0 {
            return SaveState::Saving;
        }
        self.save.clone()
    }

    /// Which part of the key table applies now.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Confirm(_)) => Mode::Confirm,
            Some(Overlay::Prompt(_)) => Mode::Prompt,
            Some(Overlay::Form(_)) => Mode::Form,
            Some(Overlay::Editor(_)) => Mode::Editor,
            Some(Overlay::Reader(_)) => Mode::Reader,
            Some(Overlay::Search(_)) => Mode::Search,
            Some(Overlay::Choice(_)) => Mode::Choice,
            None => match (self.screen, &self.workspace) {
                (Screen::Workspace, Some(ws)) => match ws.tab() {
                    Tab::Pillar(_) => Mode::Items,
                    Tab::Equipment => Mode::Equipment,
                    Tab::Plan => Mode::Plan,
                    Tab::FollowUp => Mode::FollowUp,
                    Tab::Summary => Mode::Summary,
                },
                _ => Mode::Home,
            },
        }
    }

    pub fn info(&mut self, text: String) {
        self.message = Some(Message {
            tone: Tone::Info,
            text,
        });
    }

    pub fn error(&mut self, text: String) {
        self.message = Some(Message {
            tone: Tone::Error,
            text,
        });
    }
}
