//! Errors of the action plan, the follow-up and the review pass, in Spanish
//! and Portuguese (English is each error's `Display`).

use super::super::{Surface, pick, terms};
use crate::domain::lang::Lang;
use crate::domain::plan::{ActionStatus, MoveRefusal};
use crate::domain::review::ReviewRefusal;
use crate::store::StoreError;

fn next_statuses(lang: Lang, from: ActionStatus) -> String {
    from.next_statuses()
        .iter()
        .map(|s| terms::action_status(lang, *s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The plan's store errors; any other error is shown as it is.
pub fn store(e: &StoreError, lang: Lang, surface: Surface) -> String {
    let cli = surface == Surface::Cli;
    if lang == Lang::En && cli {
        return e.to_string();
    }
    match e {
        StoreError::UnknownAction { id, number } => match lang {
            Lang::Es => format!("la evaluación {id} no tiene la acción {number}"),
            Lang::Pt => format!("a avaliação {id} não tem a ação {number}"),
            Lang::En => format!("assessment {id} has no action {number}"),
        },
        StoreError::ActionMove {
            number,
            from,
            to,
            refusal,
        } => {
            let (f, t) = (
                terms::action_status(lang, *from),
                terms::action_status(lang, *to),
            );
            let why = match refusal {
                MoveRefusal::Same => {
                    pick(lang, ["it already is", "ya lo está", "ela já está assim"]).to_string()
                }
                MoveRefusal::NotAllowed => format!(
                    "{} {}",
                    pick(lang, ["it can go to", "puede pasar a", "ela pode passar a"]),
                    next_statuses(lang, *from)
                ),
                MoveRefusal::NeedsReason => match (lang, cli) {
                    (Lang::Es, true) => "indique el motivo con --reason TEXTO".into(),
                    (Lang::Pt, true) => "informe o motivo com --reason TEXTO".into(),
                    (Lang::En, true) => "give the reason with --reason TEXT".into(),
                    _ => pick(
                        lang,
                        ["it needs a reason", "exige un motivo", "exige um motivo"],
                    )
                    .into(),
                },
            };
            match lang {
                Lang::Es => format!("la acción {number} no puede pasar de {f} a {t}: {why}"),
                Lang::Pt => format!("a ação {number} não pode passar de {f} para {t}: {why}"),
                Lang::En => format!("action {number} cannot go from {f} to {t}: {why}"),
            }
        }
        StoreError::ReviewRefused { id, refusal } => match refusal {
            ReviewRefusal::NotSubmitted(status) => {
                let s = terms::status(lang, *status);
                match lang {
                    Lang::Es => format!(
                        "la evaluación {id} está en {s}: las observaciones de revisión se hacen solo sobre una evaluación enviada"
                    ),
                    Lang::Pt => format!(
                        "a avaliação {id} está como {s}: as observações de revisão são feitas apenas em uma avaliação enviada"
                    ),
                    Lang::En => format!(
                        "assessment {id} is {s}: review flags are raised on a submitted assessment only"
                    ),
                }
            }
            ReviewRefusal::OwnWork(actor) => match (lang, cli) {
                (Lang::Es, true) => format!(
                    "{actor} es evaluador/a de la evaluación {id}; quien revisa debe ser otra persona (--as NOMBRE)"
                ),
                (Lang::Pt, true) => format!(
                    "{actor} é avaliador(a) da avaliação {id}; quem revisa deve ser outra pessoa (--as NOME)"
                ),
                (Lang::Es, false) => format!(
                    "{actor} es evaluador/a de la evaluación {id}; quien revisa debe ser otra persona (abra frontera con --as NOMBRE)"
                ),
                (Lang::Pt, false) => format!(
                    "{actor} é avaliador(a) da avaliação {id}; quem revisa deve ser outra pessoa (abra o frontera com --as NOME)"
                ),
                (Lang::En, _) => format!(
                    "{actor} is an evaluator of assessment {id}; a reviewer must be someone else (start frontera with --as NAME)"
                ),
            },
        },
        StoreError::UnknownFlag { id, flag } => match lang {
            Lang::Es => format!("la evaluación {id} no tiene la observación de revisión {flag}"),
            Lang::Pt => format!("a avaliação {id} não tem a observação de revisão {flag}"),
            Lang::En => format!("assessment {id} has no review flag {flag}"),
        },
        StoreError::FlagResolved { flag } => match lang {
            Lang::Es => format!("la observación de revisión {flag} ya está resuelta"),
            Lang::Pt => format!("a observação de revisão {flag} já está resolvida"),
            Lang::En => format!("review flag {flag} is already resolved"),
        },
        StoreError::EmptyComment => pick(
            lang,
            [
                "a comment or reply cannot be empty",
                "el comentario o la respuesta no puede estar vacío",
                "o comentário ou a resposta não pode ficar vazio",
            ],
        )
        .to_string(),
        StoreError::OpenFlags { id, flags } => {
            let list = flags.join("; ");
            match (lang, cli) {
                (Lang::Es, true) => format!(
                    "la evaluación {id} no puede finalizarse mientras haya observaciones de revisión abiertas: {list}; responda cada una con `frontera review resolve {id} N --reply TEXTO`, o modifique lo observado"
                ),
                (Lang::Pt, true) => format!(
                    "a avaliação {id} não pode ser finalizada enquanto houver observações de revisão abertas: {list}; responda cada uma com `frontera review resolve {id} N --reply TEXTO`, ou altere o que foi apontado"
                ),
                (Lang::Es, false) => format!(
                    "la evaluación {id} no puede finalizarse mientras haya observaciones de revisión abiertas: {list}; responda cada una (tecla v en el ítem) o modifique lo observado"
                ),
                (Lang::Pt, false) => format!(
                    "a avaliação {id} não pode ser finalizada enquanto houver observações de revisão abertas: {list}; responda cada uma (tecla v no item) ou altere o que foi apontado"
                ),
                (Lang::En, _) => format!(
                    "assessment {id} cannot be finalised while review flags are open: {list}; answer each (key v on the item) or change what was flagged"
                ),
            }
        }
        StoreError::NoPreviousPlan { id } => match lang {
            Lang::Es => format!(
                "el puesto de la evaluación {id} no tiene una evaluación final anterior: no hay plan que seguir"
            ),
            Lang::Pt => format!(
                "o posto da avaliação {id} não tem uma avaliação final anterior: não há plano a acompanhar"
            ),
            Lang::En => format!(
                "the post of assessment {id} has no earlier final assessment, so there is no plan to follow up"
            ),
        },
        StoreError::BadTarget => pick(
            lang,
            [
                "target levels are 0 to 4 and pillars 1 to 4",
                "los niveles objetivo van de 0 a 4 y los pilares de 1 a 4",
                "os níveis-alvo vão de 0 a 4 e os pilares de 1 a 4",
            ],
        )
        .to_string(),
        other => other.to_string(),
    }
}
