//! The assessment report's model: cover, executive summary, one chapter per
//! pillar, equipment audit, action plan, comparison and annex, in that order.

use super::{Block, ReportModel, annex, chapters, compare, equipment, plan, summary};
use crate::bundle::Bundle;
use crate::domain::assessment::Status;
use crate::domain::lang::Lang;
use crate::domain::scoring::AssessmentScore;
use crate::report::strings::Strings;

/// Everything the assessment report is made from. Pure data: the caller loads
/// it, so the same input always gives the same model.
#[derive(Debug, Clone, Copy)]
pub struct AssessmentInput<'a> {
    pub bundle: &'a Bundle,
    /// The previous final assessment of the same post, if there is one.
    pub previous: Option<&'a Bundle>,
    pub lang: Lang,
    pub marking: Option<&'a str>,
    /// The report date (`2026-11-28` or a timestamp).
    pub date: &'a str,
    /// Why it was finalised below the completeness threshold, if it was.
    pub finalisation_reason: Option<&'a str>,
}

/// What the parts of the model share while being built.
pub(super) struct Ctx<'a> {
    pub bundle: &'a Bundle,
    pub score: AssessmentScore,
    pub previous: Option<(&'a Bundle, AssessmentScore)>,
    pub lang: Lang,
    pub s: &'static Strings,
    pub target: u8,
    pub date: &'a str,
    pub finalisation_reason: Option<&'a str>,
}

impl Ctx<'_> {
    /// "2 – Developing" from the pack's scale.
    pub fn level_name(&self, level: u8) -> String {
        let name = self
            .bundle
            .pack
            .scoring
            .levels
            .get(usize::from(level))
            .map_or(String::new(), |l| l.name.get(self.lang).clone());
        format!("{level} – {name}")
    }

    pub fn pillar_title(&self, number: u8) -> String {
        let title = self
            .bundle
            .pack
            .pillar(number)
            .map_or(String::new(), |p| p.title.get(self.lang).clone());
        format!("{number}. {title}")
    }
}

pub fn build_assessment(input: &AssessmentInput<'_>) -> ReportModel {
    let s = Strings::get(input.lang);
    let bundle = input.bundle;
    let ctx = Ctx {
        bundle,
        score: bundle.score(),
        previous: input.previous.map(|p| (p, p.score())),
        lang: input.lang,
        s,
        target: bundle.header.target_level,
        date: input.date,
        finalisation_reason: input.finalisation_reason,
    };
    let plan = plan::action_plan(bundle, ctx.target);
    let mut blocks: Vec<Block> = Vec::new();
    blocks.extend(summary::cover(&ctx));
    blocks.extend(summary::executive(&ctx, &plan));
    for pillar in &bundle.pack.pillars {
        blocks.extend(chapters::pillar_chapter(&ctx, pillar));
    }
    blocks.extend(equipment::equipment_audit(&ctx));
    blocks.extend(plan::plan_blocks(&ctx, &plan));
    if let Some((previous, previous_score)) = &ctx.previous {
        blocks.extend(compare::comparison_blocks(&ctx, previous, previous_score));
    }
    blocks.extend(annex::annex(&ctx));
    ReportModel {
        lang: input.lang,
        title: format!("{} — {}", s.report_title, bundle.post.name),
        running_head: format!("{} ({})", bundle.post.name, bundle.post.code),
        marking: input.marking.map(str::to_string),
        draft_mark: (bundle.header.status != Status::Final).then(|| s.draft_mark.to_string()),
        date: s.date(input.date),
        page_template: s.page_of.to_string(),
        blocks,
    }
}
