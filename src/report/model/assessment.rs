//! The assessment report's model, ordered for action: cover, contents,
//! executive summary, the post and the method, findings below target by
//! pillar and severity, what meets the target, best practices, equipment, the
//! action plan, the follow-up of the previous assessment and the annex.
//! `Detail::Full` prints every item's chapter instead of the compact tables.

use super::{
    Block, ReportModel, annex, chapters, cover, equipment, findings, followup, plan, profile,
    summary,
};
use crate::action_plan::{PlanRecords, TargetView};
use crate::bundle::Bundle;
use crate::domain::assessment::Status;
use crate::domain::lang::Lang;
use crate::domain::pack::Item;
use crate::domain::plan::propose::{PriorityRule, item_rule, target_of};
use crate::domain::scoring::AssessmentScore;
use crate::report::strings::{Strings, Words};

/// How much of the checklist the report prints item by item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Findings below target in full; what meets it in one table per pillar.
    #[default]
    Summary,
    /// Every item in its pillar's chapter as well.
    Full,
}

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
    /// The plan, the follow-up of the previous plan and the review flags.
    pub plan: &'a PlanRecords,
    pub detail: Detail,
    /// The evidence files, removed ones included (for the annex).
    pub evidence: &'a [crate::domain::evidence::Evidence],
}

/// What the parts of the model share while being built.
pub(super) struct Ctx<'a> {
    pub bundle: &'a Bundle,
    pub score: AssessmentScore,
    pub previous: Option<(&'a Bundle, AssessmentScore)>,
    pub lang: Lang,
    pub s: &'static Strings,
    pub w: &'static Words,
    /// The assessment's single target (kept for the annex's parameters).
    pub target: u8,
    pub date: &'a str,
    pub finalisation_reason: Option<&'a str>,
    pub plan: &'a PlanRecords,
    pub targets: Vec<TargetView>,
    pub detail: Detail,
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

    /// The target level of `pillar`.
    pub fn target_of(&self, pillar: u8) -> u8 {
        target_of(&self.bundle.header.targets, pillar)
    }

    /// The rule that ranks a finding on `item` at `level` (see the annex).
    pub fn rule(&self, item: &Item, level: u8) -> PriorityRule {
        item_rule(
            item.weight,
            item.critical,
            level,
            self.target_of(item.pillar),
            self.bundle.pack.scoring.serious_deficiency_at_or_below,
        )
    }

    /// The numbers of the plan's actions that cite `item`.
    pub fn actions_citing(&self, item: &str) -> Vec<u32> {
        let mut numbers: Vec<u32> = self
            .plan
            .actions
            .iter()
            .filter(|a| {
                a.cites
                    .iter()
                    .any(|c| matches!(c, crate::domain::plan::Cite::Item(i) if i == item))
            })
            .map(|a| a.number)
            .collect();
        numbers.sort_unstable();
        numbers
    }

    /// The anchor of an item's row (its finding, or its line in a table).
    pub fn item_anchor(item: &str) -> String {
        format!("item:{item}")
    }

    pub fn action_anchor(number: u32) -> String {
        format!("action:{number}")
    }

    /// The items asked at this post at this depth, in pack order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.bundle.applicable_items()
    }
}

pub fn build_assessment(input: &AssessmentInput<'_>) -> ReportModel {
    let s = Strings::get(input.lang);
    let w = Words::get(input.lang);
    let bundle = input.bundle;
    let score = bundle.score();
    let targets = crate::action_plan::targets(bundle, &score, &input.plan.actions);
    let ctx = Ctx {
        bundle,
        previous: input.previous.map(|p| (p, p.score())),
        lang: input.lang,
        s,
        w,
        target: bundle.header.target_level,
        date: input.date,
        finalisation_reason: input.finalisation_reason,
        plan: input.plan,
        targets,
        detail: input.detail,
        score,
    };
    let mut blocks: Vec<Block> = Vec::new();
    blocks.extend(cover::cover(&ctx));
    // The chapters fit on the title page, so the summary opens page 2; the
    // bookmarks hold the sections.
    blocks.push(Block::Contents {
        title: w.contents.into(),
        depth: 1,
    });
    blocks.push(Block::PageBreak);
    blocks.extend(summary::executive(&ctx));
    blocks.extend(profile::profile_and_method(&ctx));
    blocks.extend(findings::below_target(&ctx));
    match ctx.detail {
        Detail::Summary => blocks.extend(findings::at_target(&ctx)),
        Detail::Full => {
            for pillar in &bundle.pack.pillars {
                blocks.extend(chapters::pillar_chapter(&ctx, pillar));
            }
        }
    }
    blocks.extend(findings::best_practices(&ctx));
    blocks.extend(equipment::equipment_audit(&ctx));
    blocks.extend(plan::plan_blocks(&ctx));
    if let Some((previous, previous_score)) = &ctx.previous {
        blocks.extend(followup::followup_blocks(&ctx, previous, previous_score));
    }
    let mut annex = annex::annex(&ctx);
    // Beside the item index, before the pack's identity and the signatures.
    let at = annex
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 2, text } if text == ctx.w.content_pack_heading))
        .unwrap_or(annex.len());
    annex.splice(
        at..at,
        super::evidence::evidence_annex(&ctx, input.evidence),
    );
    blocks.extend(annex);
    let h = &bundle.header;
    ReportModel {
        lang: input.lang,
        title: format!("{} — {}", s.report_title, bundle.post.name),
        running_head: format!("{} ({})", bundle.post.name, bundle.post.code),
        marking: input.marking.map(str::to_string),
        draft_mark: (h.status != Status::Final).then(|| s.draft_mark.to_string()),
        date: s.date(input.date),
        page_template: s.page_of.to_string(),
        reference: cover::reference(&ctx),
        blocks,
    }
}
