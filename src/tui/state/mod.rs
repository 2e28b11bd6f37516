//! Everything the screen shows, and nothing it would have to fetch: drawing is
//! a pure function of this state. Only `update` changes it.

pub mod equipment;
pub mod form;
pub mod home;
pub mod input;
pub mod workspace;

use std::path::PathBuf;

use ratatui_textarea::TextArea;

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmKind {
    Delete { id: AssessmentId, post: PostCode },
    Submit,
    Finalise,
    LoadDemo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    NotApplicable { item: String },
    Reopen,
    Uncatalogued,
    Count { type_id: String, field: CountField },
    ExportPath { id: AssessmentId },
}

#[derive(Debug, Clone, PartialEq, Eq)]
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

#[derive(Debug, Clone)]
pub struct NotesEditor {
    pub target: NoteTarget,
    pub textarea: TextArea<'static>,
    /// The text last saved, to save only what changed.
    pub saved_text: String,
    /// Ticks since the last key, and since the first unsaved key: the editor
    /// saves on a pause, and at the latest after a while of steady typing.
    pub idle_ticks: u32,
    pub dirty_ticks: u32,
}

impl NotesEditor {
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
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
    Help { scroll: u16 },
    Confirm(ConfirmKind),
    Prompt(Prompt),
    Form(Form),
    Editor(Box<NotesEditor>),
    Reader(Reader),
    Search(Search),
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
        }
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
            None => match (self.screen, &self.workspace) {
                (Screen::Workspace, Some(ws)) => match ws.tab() {
                    Tab::Pillar(_) => Mode::Items,
                    Tab::Equipment => Mode::Equipment,
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
