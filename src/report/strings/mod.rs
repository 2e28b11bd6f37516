//! Every word the reports print, in English, Spanish and Portuguese (terms from
//! the glossary), with the written-out dates and the number formats of each
//! language. Content texts (items, levels, pillars) come from the pack instead.

mod en;
mod es;
mod evidence;
mod pt;
mod words;

pub use evidence::EvidenceWords;
pub use words::Words;

use crate::domain::assessment::{AssessmentKind, Status};
use crate::domain::lang::Lang;
use crate::domain::post::{ControlModel, PostKind};
use crate::domain::scoring::Flag;

/// The fixed texts of a report in one language.
#[derive(Debug)]
pub struct Strings {
    pub report_title: &'static str,
    pub programme_title: &'static str,
    pub programme_subtitle: &'static str,
    pub page_of: &'static str,
    pub draft_mark: &'static str,
    pub months: [&'static str; 12],
    /// `{d}`, `{m}`, `{y}` stand for day, month name and year.
    pub date_pattern: &'static str,
    // Cover.
    pub post: &'static str,
    pub countries: &'static str,
    pub crossing: &'static str,
    pub with_cargo: &'static str,
    pub without_cargo: &'static str,
    pub control_model: &'static str,
    pub assessment_kind: &'static str,
    pub assessment_id: &'static str,
    pub dates: &'static str,
    pub created: &'static str,
    pub submitted: &'static str,
    pub finalised: &'static str,
    pub team: &'static str,
    pub status: &'static str,
    pub content_pack: &'static str,
    pub report_date: &'static str,
    pub finalised_incomplete: &'static str,
    pub kinds: [&'static str; 4],
    pub models: [&'static str; 4],
    pub assessment_kinds: [&'static str; 4],
    pub statuses: [&'static str; 3],
    // Executive summary.
    pub summary: &'static str,
    pub overall: &'static str,
    pub overall_score: &'static str,
    pub overall_level: &'static str,
    pub pillar: &'static str,
    pub score: &'static str,
    pub level: &'static str,
    pub completeness: &'static str,
    pub remarks: &'static str,
    pub provisional: &'static str,
    pub gated: &'static str,
    pub change: &'static str,
    pub no_previous: &'static str,
    pub radar_title: &'static str,
    pub bars_title: &'static str,
    pub this_assessment: &'static str,
    pub previous_assessment: &'static str,
    pub top_recommendations: &'static str,
    pub equipment_headline: &'static str,
    pub eui: &'static str,
    pub flags: [&'static str; 5],
    pub types_flagged: &'static str,
    // Pillar chapters.
    pub item: &'static str,
    pub finding_and_notes: &'static str,
    pub finding: &'static str,
    pub notes: &'static str,
    pub na: &'static str,
    pub na_reason: &'static str,
    pub open: &'static str,
    pub critical: &'static str,
    pub critical_gap: &'static str,
    pub weight: &'static str,
    pub pillar_intro: &'static str,
    // Equipment audit.
    pub equipment_audit: &'static str,
    pub equipment_intro: &'static str,
    pub control_line: &'static str,
    pub equipment_type: &'static str,
    pub required: &'static str,
    pub present: &'static str,
    pub functional: &'static str,
    pub in_use: &'static str,
    pub trained_needed: &'static str,
    pub maintained: &'static str,
    pub index: &'static str,
    pub flag_column: &'static str,
    pub not_in_catalogue: &'static str,
    pub line_chart_title: &'static str,
    pub no_equipment: &'static str,
    pub indices_title: &'static str,
    /// Coverage, availability, use, readiness, maintenance.
    pub index_names: [&'static str; 5],
    // Action plan.
    pub action_plan: &'static str,
    pub plan_intro: &'static str,
    pub plan_empty: &'static str,
    pub priority: &'static str,
    pub recommendation: &'static str,
    pub target: &'static str,
    // Comparison.
    pub comparison: &'static str,
    pub comparison_intro: &'static str,
    pub previous: &'static str,
    pub current: &'static str,
    pub improved: &'static str,
    pub regressed: &'static str,
    pub unchanged: &'static str,
    pub new_item: &'static str,
    pub item_changes: &'static str,
    pub unchanged_note: &'static str,
    // Annex.
    pub annex: &'static str,
    pub maturity_scale: &'static str,
    pub scoring_rules: &'static str,
    pub national_heading: &'static str,
    pub copied_from: &'static str,
    pub serious_deficiency: &'static str,
    pub serious_deficiency_rule: &'static str,
    pub pillar_weights_rule: &'static str,
    pub equipment_completeness_rule: &'static str,
    pub level_rule: &'static str,
    pub core_depth: &'static str,
    pub rules: [&'static str; 6],
    pub parameter: &'static str,
    pub value: &'static str,
    pub parameters: [&'static str; 10],
    pub equipment_formula: &'static str,
    /// The annex section on how the plan's actions are proposed and ranked.
    pub plan_rules: &'static str,
    pub plan_rules_intro: &'static str,
    pub formula: [&'static str; 4],
    pub sources: &'static str,
    pub sources_intro: &'static str,
    pub signatures: &'static str,
    pub signature_roles: [&'static str; 3],
    pub signature_fields: [&'static str; 3],
    // Programme report.
    pub heatmap: &'static str,
    pub heatmap_intro: &'static str,
    pub ranking: &'static str,
    pub rank: &'static str,
    pub assessed_on: &'static str,
    pub utilisation_per_post: &'static str,
    pub trend: &'static str,
    pub trend_intro: &'static str,
    pub no_trend: &'static str,
    pub no_final: &'static str,
    pub posts_without_final: &'static str,
    pub legend_levels: &'static str,
}

impl Strings {
    pub fn get(lang: Lang) -> &'static Strings {
        match lang {
            Lang::En => &en::STRINGS,
            Lang::Es => &es::STRINGS,
            Lang::Pt => &pt::STRINGS,
        }
    }

    pub fn kind(&self, kind: PostKind) -> &'static str {
        self.kinds[PostKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
    }

    pub fn model(&self, model: ControlModel) -> &'static str {
        self.models[ControlModel::ALL
            .iter()
            .position(|m| *m == model)
            .unwrap_or(0)]
    }

    pub fn assessment_kind(&self, kind: AssessmentKind) -> &'static str {
        let i = AssessmentKind::ALL.iter().position(|k| *k == kind);
        self.assessment_kinds[i.unwrap_or(0)]
    }

    pub fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Draft => self.statuses[0],
            Status::Submitted => self.statuses[1],
            Status::Final => self.statuses[2],
        }
    }

    pub fn flag(&self, flag: Flag) -> &'static str {
        self.flags[Flag::ALL.iter().position(|f| *f == flag).unwrap_or(0)]
    }

    /// "Page 3 of 12".
    pub fn page(&self, page: usize, pages: usize) -> String {
        self.page_of
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    }

    /// A date (`2026-11-28` or an RFC 3339 timestamp) written out: "28 November
    /// 2026", "28 de noviembre de 2026". Text that is not a date is returned as is.
    pub fn date(&self, text: &str) -> String {
        let parts: Vec<&str> = text.get(..10).unwrap_or("").split('-').collect();
        let parsed = match parts.as_slice() {
            [y, m, d] => match (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()) {
                (Ok(y), Ok(m), Ok(d)) if (1..=12).contains(&m) => Some((y, m, d)),
                _ => None,
            },
            _ => None,
        };
        match parsed {
            Some((y, m, d)) => self
                .date_pattern
                .replace("{d}", &d.to_string())
                .replace("{m}", self.months[m - 1])
                .replace("{y}", &y.to_string()),
            None => text.to_string(),
        }
    }
}

/// The data form of a date: the first ten characters of a timestamp.
pub fn iso_date(text: &str) -> &str {
    text.get(..10).unwrap_or(text)
}

/// A share 0–1 as a whole percentage: "85%" in English, "85 %" in es and pt,
/// the space a no-break one so a line never ends between number and sign.
pub fn percent(lang: Lang, share: f64) -> String {
    let value = format!("{:.0}", share * 100.0);
    match lang {
        Lang::En => format!("{value}%"),
        Lang::Es | Lang::Pt => format!("{value}\u{a0}%"),
    }
}

/// A score as `frontera score` prints it (two decimals, the language's
/// separator), or "—" when there is none.
pub fn score(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| lang.number(v, 2))
}

/// A signed change of score: "+0.45", "−0,20", "0.00".
pub fn delta(lang: Lang, value: f64) -> String {
    let text = lang.number(value.abs(), 2);
    if value > 0.005 {
        format!("+{text}")
    } else if value < -0.005 {
        format!("−{text}")
    } else {
        lang.number(0.0, 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_in_each_language() {
        assert_eq!(
            Strings::get(Lang::En).date("2026-11-28T16:20:32Z"),
            "28 November 2026"
        );
        assert_eq!(
            Strings::get(Lang::Es).date("2026-03-01"),
            "1 de marzo de 2026"
        );
        assert_eq!(
            Strings::get(Lang::Pt).date("2025-05-12"),
            "12 de maio de 2025"
        );
        assert_eq!(Strings::get(Lang::En).date("soon"), "soon");
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(percent(Lang::En, 0.854), "85%");
        assert_eq!(percent(Lang::Pt, 0.854), "85\u{a0}%");
        assert_eq!(score(Lang::Es, Some(2.456)), "2,46");
        assert_eq!(score(Lang::En, None), "—");
        assert_eq!(delta(Lang::En, 0.5), "+0.50");
        assert_eq!(delta(Lang::Es, -0.25), "−0,25");
        assert_eq!(delta(Lang::En, 0.001), "0.00");
    }

    #[test]
    fn page_numbers_fill_the_template() {
        assert_eq!(Strings::get(Lang::Es).page(3, 12), "Página 3 de 12");
    }
}
