//! The words of the report's v2 parts (summary sentences, findings, the post
//! and method, follow-up, plan, annex sections) in the three languages:
//! templates with `{placeholders}`, one constant per language so a missing
//! text does not compile.

mod en;
mod es;
mod pt;

use crate::domain::lang::Lang;

pub struct Words {
    pub contents: &'static str,
    pub programme: &'static str,
    pub countries: &'static str,
    pub visit: &'static str,
    pub finalised_on: &'static str,
    pub reference: &'static str,
    pub not_final: &'static str,
    // Summary sentences.
    pub overall_is: &'static str,
    pub capped_by: &'static str,
    pub held_by_gate: &'static str,
    pub weakest_pillar: &'static str,
    pub critical_gaps: &'static str,
    pub no_critical_gaps: &'static str,
    pub since_previous: &'static str,
    pub regressions_are: &'static str,
    pub comparison_provisional: &'static str,
    pub no_previous: &'static str,
    pub equipment_index: &'static str,
    pub equipment_before: &'static str,
    pub equipment_flags: &'static str,
    /// One flag's count in the equipment sentence ("3 broken", "averiado: 3").
    pub flag_count: &'static str,
    pub equipment_no_flags: &'static str,
    pub provisional_intro: &'static str,
    pub provisional_pillar: &'static str,
    pub types_not_audited: &'static str,
    pub previous_plan_sentence: &'static str,
    pub plan_sentence: &'static str,
    pub no_plan_yet: &'static str,
    pub and_more: &'static str,
    pub target: &'static str,
    pub change_since: &'static str,
    pub critical_gaps_heading: &'static str,
    pub conclusion: &'static str,
    pub conclusion_serious: &'static str,
    pub conclusion_no_serious: &'static str,
    pub targets_reached: &'static str,
    // Post and method.
    pub post_and_method: &'static str,
    pub post_profile: &'static str,
    pub country: &'static str,
    pub neighbour: &'static str,
    pub capacity: &'static str,
    pub capacity_value: &'static str,
    pub agencies: &'static str,
    pub traffic: &'static str,
    pub method: &'static str,
    pub interviewed: &'static str,
    pub sites_seen: &'static str,
    pub depth: &'static str,
    pub depth_core: &'static str,
    pub depth_full: &'static str,
    pub method_how: &'static str,
    pub carried_over: &'static str,
    pub carried_over_text: &'static str,
    pub method_text: &'static str,
    pub limitations: &'static str,
    pub limitation_provisional: &'static str,
    pub limitation_na: &'static str,
    pub no_limitations: &'static str,
    // Findings.
    pub findings_below: &'static str,
    pub findings_intro: &'static str,
    pub pillar_heading: &'static str,
    pub finding: &'static str,
    pub evidence: &'static str,
    pub no_evidence: &'static str,
    pub written_in: &'static str,
    pub criterion: &'static str,
    pub serious_deficiency_label: &'static str,
    pub gap_of: &'static str,
    pub in_plan: &'static str,
    pub nothing_below: &'static str,
    pub at_target: &'static str,
    pub at_target_intro: &'static str,
    pub not_answered: &'static str,
    pub best_practices: &'static str,
    pub best_practices_intro: &'static str,
    pub no_best_practices: &'static str,
    // Equipment.
    pub auditor_notes: &'static str,
    pub eui_before: &'static str,
    // Plan and follow-up.
    pub action: &'static str,
    pub answers: &'static str,
    pub responsible: &'static str,
    pub due_cost: &'static str,
    pub due: &'static str,
    pub overdue: &'static str,
    pub plan_intro: &'static str,
    pub plan_not_agreed: &'static str,
    pub followup: &'static str,
    pub followup_intro: &'static str,
    pub previous_plan: &'static str,
    pub previous_plan_open_only: &'static str,
    pub status_in_plan: &'static str,
    pub outcome: &'static str,
    pub to_review: &'static str,
    pub pillars_compared: &'static str,
    pub regressions: &'static str,
    pub no_regressions: &'static str,
    pub improvements: &'static str,
    pub improvements_count: &'static str,
    /// Types with no count at the previous assessment, named in one sentence
    /// in the default report.
    pub first_audited: &'static str,
    pub equipment_compared: &'static str,
    // Annex.
    pub sources_to_confirm: &'static str,
    pub sources_to_confirm_intro: &'static str,
    pub item_index: &'static str,
    pub identifier: &'static str,
    pub content_pack_heading: &'static str,
    /// Names of the languages a note may be written in: en, es, pt.
    pub languages: [&'static str; 3],
    /// (ISO code, name) of the countries the programme works with.
    pub country_names: &'static [(&'static str, &'static str)],
}

impl Words {
    pub fn get(lang: Lang) -> &'static Words {
        match lang {
            Lang::En => &en::WORDS,
            Lang::Es => &es::WORDS,
            Lang::Pt => &pt::WORDS,
        }
    }

    pub fn language_name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.languages[0],
            Lang::Es => self.languages[1],
            Lang::Pt => self.languages[2],
        }
    }

    /// A country's name, or its code when the table lacks it.
    pub fn country_name<'a>(&self, code: &'a str) -> &'a str {
        self.country_names
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(code, |(_, name)| name)
    }
}
