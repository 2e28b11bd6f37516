//! The interface's own words in English, Spanish and Portuguese, using the
//! glossary's terms. Content texts (items, procedures) come from the pack.

mod en;
mod es;
mod filters;
mod plan;
mod pt;

pub use filters::{FilterTexts, filter_texts};
pub use plan::{PlanTexts, plan_texts};

use crate::domain::assessment::{AssessmentKind, Status};
use crate::domain::lang::Lang;
use crate::domain::post::{ControlModel, PostKind};
use crate::domain::scoring::Flag;
use crate::messages::terms;

/// Every interface string; one constant per language, so a missing translation
/// does not compile.
pub struct Texts {
    pub lang: Lang,
    pub posts: &'static str,
    pub assessments_of: &'static str,
    pub no_posts: &'static str,
    pub empty_hint: &'static str,
    pub no_assessments: &'static str,
    pub col_code: &'static str,
    pub col_name: &'static str,
    pub col_countries: &'static str,
    pub col_kind: &'static str,
    pub col_model: &'static str,
    pub col_id: &'static str,
    pub col_created: &'static str,
    pub col_closed: &'static str,
    pub col_status: &'static str,
    pub col_score: &'static str,
    pub col_level: &'static str,
    pub col_done: &'static str,
    pub lanes: [&'static str; 2],
    pub cargo_lanes: [&'static str; 2],
    pub booths: [&'static str; 2],
    pub shifts: [&'static str; 2],
    pub pillar: &'static str,
    pub equipment: &'static str,
    pub summary: &'static str,
    pub keys_title: &'static str,
    pub too_small: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub not_saved: &'static str,
    pub evaluator: &'static str,
    pub read_only: &'static str,
    pub guidance: &'static str,
    pub levels: &'static str,
    pub notes: &'static str,
    pub recommendation: &'static str,
    pub procedures: &'static str,
    pub procedures_hint: &'static str,
    pub sources: &'static str,
    pub no_notes: &'static str,
    pub weight: &'static str,
    pub critical: &'static str,
    pub open: &'static str,
    pub na: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub confirm_hint: &'static str,
    pub prompt_hint: &'static str,
    pub confirm_delete: &'static str,
    pub confirm_submit: &'static str,
    pub confirm_finalise: &'static str,
    pub confirm_demo: &'static str,
    pub confirm_clear: &'static str,
    pub section_na_title: &'static str,
    /// On a pane's border while its text goes on below: "more ↓".
    pub more: &'static str,
    pub na_title: &'static str,
    pub reopen_title: &'static str,
    pub uncatalogued_title: &'static str,
    pub count_title: &'static str,
    pub count_hint: &'static str,
    pub search_title: &'static str,
    pub search_hint: &'static str,
    pub no_match: &'static str,
    pub reason_required: &'static str,
    pub name_required: &'static str,
    pub new_post: &'static str,
    pub f_code: &'static str,
    pub f_name: &'static str,
    pub f_country: &'static str,
    pub f_neighbour: &'static str,
    pub f_kind: &'static str,
    pub f_cargo: &'static str,
    pub f_model: &'static str,
    pub f_lanes: &'static str,
    pub f_cargo_lanes: &'static str,
    pub f_booths: &'static str,
    pub f_shifts: &'static str,
    pub f_agencies: &'static str,
    pub form_hint: &'static str,
    pub err_code: &'static str,
    pub err_country: &'static str,
    pub err_same_country: &'static str,
    pub err_empty: &'static str,
    pub err_number: &'static str,
    pub err_shifts: &'static str,
    pub err_cargo_lanes: &'static str,
    pub err_form: &'static str,
    pub start_title: &'static str,
    pub f_assessment_kind: &'static str,
    pub f_evaluators: &'static str,
    pub f_depth: &'static str,
    pub f_national_from: &'static str,
    pub f_carry_over: &'static str,
    pub national_copied: &'static str,
    pub serious_deficiency: &'static str,
    pub export_title: &'static str,
    pub export_file: &'static str,
    pub exporting: &'static str,
    pub exported: &'static str,
    pub export_failed: &'static str,
    pub msg_locked: &'static str,
    pub msg_all_answered: &'static str,
    pub msg_undone: &'static str,
    pub msg_nothing_to_undo: &'static str,
    pub msg_nothing_carried: &'static str,
    pub carried_confirm: &'static str,
    pub previous_answer: &'static str,
    pub msg_not_draft: &'static str,
    pub msg_demo_loaded: &'static str,
    pub msg_post_created: &'static str,
    pub msg_post_updated: &'static str,
    pub edit_post_title: &'static str,
    pub msg_deleted: &'static str,
    pub msg_no_procedure: &'static str,
    pub msg_no_assessment: &'static str,
    pub msg_no_post: &'static str,
    pub msg_status_now: &'static str,
    pub msg_export_running: &'static str,
    pub editor_title: &'static str,
    pub col_required: &'static str,
    pub col_present: &'static str,
    pub col_functional: &'static str,
    pub col_in_use: &'static str,
    pub col_trained: &'static str,
    pub col_needed: &'static str,
    pub col_maintained: &'static str,
    pub col_index: &'static str,
    pub col_flags: &'static str,
    pub coverage: &'static str,
    pub availability: &'static str,
    pub use_: &'static str,
    pub readiness: &'static str,
    pub maintenance: &'static str,
    pub other_equipment: &'static str,
    pub catalogue_default: &'static str,
    pub no_data: &'static str,
    pub overall: &'static str,
    pub eui: &'static str,
    pub provisional: &'static str,
    pub gated: &'static str,
    pub change_since: &'static str,
    pub no_previous: &'static str,
    pub critical_gaps: &'static str,
    pub weakest: &'static str,
    pub none: &'static str,
    pub complete: &'static str,
    pub purpose: &'static str,
    pub basis: &'static str,
    pub roles: &'static str,
    pub steps: &'static str,
    pub records: &'static str,
    pub failures: &'static str,
    pub reader_hint: &'static str,
    pub help_everywhere: &'static str,
    pub help_home: &'static str,
    pub help_items: &'static str,
    pub help_equipment: &'static str,
    pub help_summary: &'static str,
    pub help_reader: &'static str,
    pub help_editor: &'static str,
    pub help_dialogs: &'static str,
    pub help_intro: &'static str,
    /// What the mouse does, at the foot of the help.
    pub help_mouse: &'static str,
    pub levels_names: [&'static str; 5],
    pub msg_already_submitted: &'static str,
    pub msg_final_cannot_submit: &'static str,
    pub msg_already_final: &'static str,
    pub msg_already_draft: &'static str,
    pub finalise_reason_title: &'static str,
    pub confirm_overwrite: &'static str,
    pub editor_conflict: &'static str,
    pub editor_conflict_keys: &'static str,
    pub editor_theirs: &'static str,
    pub editor_refused: &'static str,
    pub editor_recovery: &'static str,
    pub msg_note_cap: &'static str,
    pub msg_kept_theirs: &'static str,
    pub msg_next_pillar: &'static str,
    pub msg_recovery_failed: &'static str,
    pub msg_too_long: &'static str,
}

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::Es => &es::TEXTS,
        Lang::Pt => &pt::TEXTS,
    }
}

pub use crate::messages::fill;

/// The fixed vocabulary comes from `messages::terms`, shared with the command line.
impl Texts {
    pub fn status(&self, status: Status) -> &'static str {
        terms::status(self.lang, status)
    }

    pub fn kind(&self, kind: AssessmentKind) -> &'static str {
        terms::kind(self.lang, kind)
    }

    pub fn post_kind(&self, kind: PostKind) -> &'static str {
        terms::post_kind(self.lang, kind)
    }

    pub fn model(&self, model: ControlModel) -> &'static str {
        terms::model(self.lang, model)
    }

    pub fn flag(&self, flag: Flag) -> &'static str {
        terms::flag(self.lang, flag)
    }

    pub fn flag_letter(&self, flag: Flag) -> &'static str {
        terms::flag_letter(self.lang, flag)
    }

    pub fn level_name(&self, level: u8) -> &'static str {
        self.levels_names[usize::from(level.min(4))]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_languages_differ() {
        assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
        assert_ne!(texts(Lang::En).posts, texts(Lang::Es).posts);
        assert_ne!(texts(Lang::Es).saved, texts(Lang::Pt).evaluator);
        assert_eq!(texts(Lang::Es).status(Status::Draft), "borrador");
        assert_eq!(texts(Lang::Pt).level_name(2), "Em desenvolvimento");
    }
}
