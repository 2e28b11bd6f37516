//! The demo's plans: each final assessment's actions with owners, due dates,
//! costs and statuses as a programme would have them months later; each
//! follow-up's findings on the previous plan; and a reviewer's flags on the
//! submitted assessment. Stamped with believable dates, never "now".

use super::{Result, dice, working_language};
use crate::bundle::Bundle;
use crate::domain::assessment::AssessmentId;
use crate::domain::lang::Lang;
use crate::domain::pack::Pack;
use crate::domain::plan::{ActionEdit, ActionStatus, Cite, Cost, Outcome, Priority};
use crate::domain::post::Post;
use crate::domain::time;
use crate::store::Store;

/// The day the demo's story ends (its last visit): nothing is dated later,
/// so the demo reads the same whenever it is loaded.
const STORY_ENDS: &str = "2026-11-10T14:00:00Z";

/// `at` moved by `days` (whole days), as a timestamp.
fn later(at: &str, days: i64) -> String {
    let seconds = time::parse_rfc3339(at).unwrap_or(0) + days * 86_400;
    time::rfc3339(seconds)
}

/// Months the plan gives an action of each priority.
fn months_for(priority: Priority) -> i64 {
    match priority {
        Priority::Critical => 6,
        Priority::High => 9,
        Priority::Medium => 12,
        Priority::Low => 18,
    }
}

/// Proposes the final assessment's plan the day after `finalised_at`, gives
/// its actions owners, due dates and (for equipment) costs, and moves them
/// along as a programme would over the following months.
pub fn plan_final(
    store: &mut Store,
    id: &AssessmentId,
    pack: &Pack,
    post: &Post,
    finalised_at: &str,
) -> Result<()> {
    let header = store.assessment(id)?;
    let bundle = Bundle {
        answers: store.answers(id)?,
        equipment: store.equipment(id)?,
        header,
        post: post.clone(),
        pack: pack.clone(),
        carry: Default::default(),
    };
    let agreed_at = later(finalised_at, 1);
    store.set_clock(Some(&agreed_at));
    let result = (|| -> Result<()> {
        crate::action_plan::propose_into(store, &bundle, working_language(post))?;
        let actions = store.actions(id)?;
        for action in &actions {
            // By number, not by the (random) action id: the demo is the same
            // on every load.
            let roll = dice(id.as_str(), &action.number.to_string());
            // Procurement and repairs go to the post's first agency (the
            // border police or migration service that holds the equipment).
            // The post's own country's agencies (the demo writes the
            // neighbour's with its country in brackets).
            let own: Vec<&String> = post.agencies.iter().filter(|a| !a.contains('(')).collect();
            let agency = match action.cites.first() {
                Some(Cite::Equipment(_)) | None => own.first().copied(),
                Some(Cite::Item(_)) => own.get(usize::from(roll) % own.len().max(1)).copied(),
            };
            let due = later(finalised_at, months_for(action.priority) * 30);
            let cost = matches!(action.cites.first(), Some(Cite::Equipment(_))).then(|| Cost {
                amount: 5_000 * (u64::from(roll % 8) + 1) * action.cites.len() as u64,
                currency: "USD".into(),
            });
            let edit = ActionEdit {
                agency: agency.cloned(),
                due: Some(Some(time::date_of(&due).to_string())),
                cost: cost.map(Some),
                ..ActionEdit::default()
            };
            store.edit_action(id, action.number, &edit)?;
            if action.priority <= Priority::High || roll.is_multiple_of(3) {
                store.set_action_status(id, action.number, ActionStatus::Agreed, None)?;
            }
        }
        // Half a year on, the programme reports progress (if that is
        // before the story ends).
        let progress_at = later(finalised_at, 180);
        if progress_at.as_str() > STORY_ENDS {
            return Ok(());
        }
        store.set_clock(Some(&progress_at));
        for action in store.actions(id)? {
            let roll = dice(&format!("{id}#{}", action.number), "progress");
            if action.status != ActionStatus::Agreed {
                continue;
            }
            store.set_action_status(id, action.number, ActionStatus::InProgress, None)?;
            if roll.is_multiple_of(3) {
                store.set_action_status(id, action.number, ActionStatus::Done, None)?;
            }
        }
        Ok(())
    })();
    store.set_clock(None);
    result
}

/// The note of a follow-up finding, in the post's working language.
fn finding_note(lang: Lang, outcome: Outcome) -> &'static str {
    match (lang, outcome) {
        (Lang::Pt, Outcome::Done) => "Verificado no posto: implementado.",
        (Lang::Pt, Outcome::Partly) => "Implementado em parte; ainda não cobre todos os turnos.",
        (Lang::Pt, Outcome::NotDone) => "Sem avanço desde a visita anterior.",
        (Lang::Pt, Outcome::NotRelevant) => "Superado pelo novo procedimento nacional.",
        (_, Outcome::Done) => "Verificado en el puesto: implementado.",
        (_, Outcome::Partly) => "Implementado en parte; todavía no cubre todos los turnos.",
        (_, Outcome::NotDone) => "Sin avances desde la visita anterior.",
        (_, Outcome::NotRelevant) => "Superado por el nuevo procedimiento nacional.",
    }
}

/// Records what the follow-up `id` found of the previous plan: about
/// `share` percent of it reviewed, each outcome in line with the status the
/// programme reported.
pub fn follow_up(store: &mut Store, id: &AssessmentId, post: &Post, share: u8) -> Result<()> {
    let Some(review) = store.followup_review(id)? else {
        return Ok(());
    };
    let visit = store.assessment(id)?.created_at;
    store.set_clock(Some(&later(&visit, 2)));
    let lang = working_language(post);
    let result = (|| -> Result<()> {
        for (action, _) in &review.entries {
            let roll = dice(
                id.as_str(),
                &format!("{}#{}", review.previous, action.number),
            );
            if u32::from(roll) * 100 >= u32::from(share) * 256 {
                continue;
            }
            let outcome = match (action.status, roll % 4) {
                (ActionStatus::Done, 0) => Outcome::Partly,
                (ActionStatus::Done, _) => Outcome::Done,
                (ActionStatus::InProgress, 0 | 1) => Outcome::Partly,
                (ActionStatus::InProgress, 2) => Outcome::Done,
                (ActionStatus::InProgress, _) => Outcome::NotDone,
                (ActionStatus::Dropped, _) | (_, 3) => Outcome::NotRelevant,
                _ => Outcome::NotDone,
            };
            store.record_followup(id, action.number, outcome, finding_note(lang, outcome))?;
        }
        Ok(())
    })();
    store.set_clock(None);
    result
}

/// A reviewer's pass on the submitted assessment: one flag answered by the
/// evaluator, one still open (so finalising it shows why it waits).
pub fn review(store: &mut Store, id: &AssessmentId, post: &Post, submitted_at: &str) -> Result<()> {
    let actor = store.actor().to_string();
    let evaluator = store
        .assessment(id)?
        .evaluators
        .first()
        .cloned()
        .unwrap_or_else(|| actor.clone());
    let pt = working_language(post) == Lang::Pt;
    let result = (|| -> Result<()> {
        store.set_actor("Ingrid Holm");
        store.set_clock(Some(&later(submitted_at, 3)));
        let first = store.raise_flag(
            id,
            &Cite::Item("p2.checks.database-query".into()),
            if pt {
                "Nível 3 sem o registro das consultas: anexar o relatório do sistema."
            } else {
                "Nivel 3 sin el registro de las consultas: adjuntar el informe del sistema."
            },
        )?;
        store.raise_flag(
            id,
            &Cite::Item("p3.staffing.levels-vs-traffic".into()),
            if pt {
                "Quantos agentes por turno nos feriados? A nota não diz."
            } else {
                "¿Cuántos agentes por turno en los feriados? La observación no lo dice."
            },
        )?;
        store.set_actor(&evaluator);
        store.set_clock(Some(&later(submitted_at, 5)));
        store.resolve_flag(
            id,
            first.id,
            if pt {
                "Relatório de consultas de março anexado à observação do item."
            } else {
                "Informe de consultas de marzo adjunto a la observación del ítem."
            },
        )?;
        Ok(())
    })();
    store.set_actor(&actor);
    store.set_clock(None);
    result
}
