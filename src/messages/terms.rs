//! The words for the program's fixed vocabulary (statuses, kinds of
//! assessment and post, control models, equipment flags and counts), one set
//! for the command line and the interface, using the glossary's terms.

use super::pick;
use crate::domain::assessment::{AssessmentKind, Depth, Status};
use crate::domain::lang::Lang;
use crate::domain::plan::{ActionStatus, Outcome, Priority};
use crate::domain::post::{ControlModel, PostKind};
use crate::domain::scoring::Flag;

pub fn status(lang: Lang, status: Status) -> &'static str {
    match status {
        Status::Draft => pick(lang, ["draft", "borrador", "rascunho"]),
        Status::Submitted => pick(lang, ["submitted", "enviada", "enviada"]),
        Status::Final => pick(lang, ["final", "final", "final"]),
    }
}

pub fn kind(lang: Lang, kind: AssessmentKind) -> &'static str {
    match kind {
        AssessmentKind::Baseline => pick(lang, ["baseline", "línea de base", "linha de base"]),
        AssessmentKind::FollowUp => pick(lang, ["follow-up", "seguimiento", "acompanhamento"]),
        AssessmentKind::Thematic => pick(lang, ["thematic", "temática", "temática"]),
        AssessmentKind::Unannounced => pick(lang, ["unannounced", "no anunciada", "não anunciada"]),
    }
}

pub fn depth(lang: Lang, depth: Depth) -> &'static str {
    match depth {
        Depth::Core => pick(lang, ["core subset", "núcleo básico", "núcleo essencial"]),
        Depth::Full => pick(lang, ["full", "completa", "completa"]),
    }
}

pub fn post_kind(lang: Lang, kind: PostKind) -> &'static str {
    match kind {
        PostKind::Land => pick(lang, ["land", "terrestre", "terrestre"]),
        PostKind::Air => pick(lang, ["air", "aéreo", "aéreo"]),
        PostKind::Sea => pick(lang, ["sea", "marítimo", "marítimo"]),
        PostKind::River => pick(lang, ["river", "fluvial", "fluvial"]),
    }
}

pub fn model(lang: Lang, model: ControlModel) -> &'static str {
    match model {
        ControlModel::None => pick(
            lang,
            [
                "separate controls",
                "controles separados",
                "controles separados",
            ],
        ),
        ControlModel::Juxtaposed => pick(lang, ["juxtaposed", "yuxtapuesto", "justaposto"]),
        ControlModel::SingleHead => pick(
            lang,
            ["single facility", "cabecera única", "cabeceira única"],
        ),
        ControlModel::IntegratedArea => pick(
            lang,
            [
                "integrated control area",
                "área de control integrado",
                "área de controle integrado",
            ],
        ),
    }
}

pub fn flag(lang: Lang, flag: Flag) -> &'static str {
    match flag {
        Flag::Missing => pick(lang, ["missing", "faltante", "em falta"]),
        Flag::Broken => pick(lang, ["broken", "averiado", "avariado"]),
        Flag::Idle => pick(lang, ["idle", "ocioso", "ocioso"]),
        Flag::Untrained => pick(lang, ["untrained", "sin capacitación", "sem capacitação"]),
        Flag::Unmaintained => pick(
            lang,
            ["unmaintained", "sin mantenimiento", "sem manutenção"],
        ),
    }
}

/// The one-letter mark of a flag in the equipment table.
pub fn flag_letter(lang: Lang, flag: Flag) -> &'static str {
    match flag {
        Flag::Missing => pick(lang, ["M", "F", "F"]),
        Flag::Broken => pick(lang, ["B", "A", "A"]),
        Flag::Idle => pick(lang, ["I", "O", "O"]),
        Flag::Untrained => pick(lang, ["T", "C", "C"]),
        Flag::Unmaintained => pick(lang, ["U", "M", "M"]),
    }
}

/// The name of an equipment count as stored (`present`, `in_use`…).
pub fn count_field(lang: Lang, field: &str) -> &'static str {
    match field {
        "required" => pick(lang, ["required", "requeridos", "necessários"]),
        "present" => pick(lang, ["present", "presentes", "presentes"]),
        "functional" => pick(lang, ["functional", "funcionales", "funcionais"]),
        "in_use" => pick(lang, ["in use", "en uso", "em uso"]),
        "trained" => pick(
            lang,
            [
                "trained operators",
                "operadores capacitados",
                "operadores capacitados",
            ],
        ),
        "needed" => pick(
            lang,
            [
                "operators needed",
                "operadores necesarios",
                "operadores necessários",
            ],
        ),
        "maintained" => pick(lang, ["maintained", "con mantenimiento", "com manutenção"]),
        _ => pick(lang, ["count", "conteo", "contagem"]),
    }
}

pub fn priority(lang: Lang, priority: Priority) -> &'static str {
    match priority {
        Priority::Critical => pick(lang, ["critical", "crítica", "crítica"]),
        Priority::High => pick(lang, ["high", "alta", "alta"]),
        Priority::Medium => pick(lang, ["medium", "media", "média"]),
        Priority::Low => pick(lang, ["low", "baja", "baixa"]),
    }
}

/// An action's status (the glossary's *acción* / *ação* are feminine).
pub fn action_status(lang: Lang, status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Proposed => pick(lang, ["proposed", "propuesta", "proposta"]),
        ActionStatus::Agreed => pick(lang, ["agreed", "acordada", "acordada"]),
        ActionStatus::InProgress => pick(lang, ["in progress", "en curso", "em andamento"]),
        ActionStatus::Done => pick(lang, ["done", "cumplida", "concluída"]),
        ActionStatus::Dropped => pick(lang, ["dropped", "descartada", "descartada"]),
    }
}

/// What a follow-up found of an earlier action.
pub fn outcome(lang: Lang, outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Done => pick(lang, ["done", "cumplida", "concluída"]),
        Outcome::Partly => pick(
            lang,
            ["partly done", "cumplida en parte", "concluída em parte"],
        ),
        Outcome::NotDone => pick(lang, ["not done", "no cumplida", "não concluída"]),
        Outcome::NotRelevant => pick(
            lang,
            [
                "no longer relevant",
                "ya no pertinente",
                "não mais pertinente",
            ],
        ),
    }
}
