//! An assessment's plan as the command line, the interface, the export and
//! the report use it: the proposals in words, the stored actions with the
//! previous plan's follow-up and the review flags, and which actions each
//! pillar needs to reach its target.

use std::collections::BTreeSet;

use crate::bundle::Bundle;
use crate::domain::assessment::AssessmentId;
use crate::domain::lang::Lang;
use crate::domain::plan::check::PlanScope;
use crate::domain::plan::propose::{PriorityRule, propose};
use crate::domain::plan::target::{PillarGap, gaps_to_target};
use crate::domain::plan::{Action, Cite, FollowUpReview};
use crate::domain::review::ReviewFlag;
use crate::domain::scoring::AssessmentScore;
use crate::domain::time;
use crate::messages::plan::proposal_words;
use crate::store::{NewAction, ProposeSummary, ProposedAction, Result, Store};

/// What the scores call for now, in `lang`, with the rule behind each.
pub fn proposals(
    bundle: &Bundle,
    score: &AssessmentScore,
    lang: Lang,
) -> Vec<(ProposedAction, PriorityRule)> {
    propose(
        &bundle.pack,
        &bundle.post,
        bundle.header.depth,
        &bundle.answers,
        &score.equipment.types,
        &bundle.header.targets,
    )
    .into_iter()
    .map(|p| {
        let audit = match &p.basis {
            crate::domain::plan::propose::Basis::Item { item, target, .. } => bundle
                .pack
                .item(item)
                .and_then(|i| recommendation_from_audit(bundle, score, i, *target, lang)),
            _ => None,
        };
        let (title, body) = proposal_words(&bundle.pack, &p, audit.as_deref(), lang);
        let rule = p.rule;
        (
            ProposedAction {
                key: p.key,
                action: NewAction {
                    title,
                    body,
                    priority: p.priority,
                    cites: p.cites,
                    agency: String::new(),
                    due: None,
                    cost: None,
                },
            },
            rule,
        )
    })
    .collect()
}

/// For an item about equipment, what the audit of its types calls for (see
/// `messages::plan::equipment_recommendation`); `None` otherwise.
pub fn recommendation_from_audit(
    bundle: &Bundle,
    score: &AssessmentScore,
    item: &crate::domain::pack::Item,
    target: u8,
    lang: Lang,
) -> Option<String> {
    let audited: Vec<(
        &str,
        &[crate::domain::scoring::Flag],
        &crate::domain::assessment::EquipmentCounts,
    )> = item
        .equipment
        .iter()
        .filter_map(|type_id| score.equipment.types.iter().find(|t| &t.type_id == type_id))
        .filter(|t| t.counts.present.is_some())
        .map(|t| (t.type_id.as_str(), t.flags.as_slice(), &t.counts))
        .collect();
    crate::messages::plan::equipment_recommendation(&bundle.pack, item, &audited, target, lang)
}

/// The recommendation for `item` at `target`: what the audit calls for when
/// the item is about equipment, else the item's own.
pub fn item_recommendation(
    bundle: &Bundle,
    score: &AssessmentScore,
    item: &crate::domain::pack::Item,
    target: u8,
    lang: Lang,
) -> String {
    recommendation_from_audit(bundle, score, item, target, lang)
        .unwrap_or_else(|| item.text.get(lang).recommendation.trim().to_string())
}

/// Proposes the actions the scores call for (see `Store::propose_actions`).
pub fn propose_into(store: &mut Store, bundle: &Bundle, lang: Lang) -> Result<ProposeSummary> {
    let score = bundle.score();
    let proposed: Vec<ProposedAction> = proposals(bundle, &score, lang)
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    store.propose_actions(&bundle.header.id, &proposed)
}

/// What an action may cite and when the visit was, for checking typed fields.
pub fn scope(bundle: &Bundle) -> PlanScope<'_> {
    PlanScope {
        pack: &bundle.pack,
        post: &bundle.post,
        depth: bundle.header.depth,
        visit: time::date_of(&bundle.header.created_at),
    }
}

/// The plan's records of one assessment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanRecords {
    /// Most urgent first.
    pub actions: Vec<Action>,
    /// The previous final assessment's plan, with what this one found of it.
    pub followup: Option<FollowUpReview>,
    pub flags: Vec<ReviewFlag>,
}

impl PlanRecords {
    pub fn load(store: &Store, id: &AssessmentId) -> Result<PlanRecords> {
        Ok(PlanRecords {
            actions: store.actions(id)?,
            followup: store.followup_review(id)?,
            flags: store.review_flags(id, false)?,
        })
    }

    pub fn open_flags(&self) -> impl Iterator<Item = &ReviewFlag> {
        self.flags.iter().filter(|f| f.is_open())
    }

    /// Whether `target` has an open review flag.
    pub fn flagged(&self, target: &Cite) -> bool {
        self.open_flags().any(|f| &f.target == target)
    }
}

/// Each pillar against its target, with the numbers of the actions it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetView {
    pub gap: PillarGap,
    /// Open actions citing an item the pillar needs raised.
    pub actions: Vec<u32>,
    /// Needed items no open action cites yet.
    pub uncovered: Vec<String>,
}

pub fn targets(bundle: &Bundle, score: &AssessmentScore, actions: &[Action]) -> Vec<TargetView> {
    gaps_to_target(
        &bundle.pack,
        &bundle.post,
        bundle.header.depth,
        &bundle.answers,
        score,
        &bundle.header.targets,
    )
    .into_iter()
    .map(|gap| {
        let cites = |a: &Action, item: &str| {
            a.status.is_open()
                && a.cites
                    .iter()
                    .any(|c| matches!(c, Cite::Item(i) if i == item))
        };
        let mut numbers: Vec<u32> = actions
            .iter()
            .filter(|a| gap.needed.iter().any(|item| cites(a, item)))
            .map(|a| a.number)
            .collect();
        numbers.sort_unstable();
        let uncovered = gap
            .needed
            .iter()
            .filter(|item| !actions.iter().any(|a| cites(a, item)))
            .cloned()
            .collect();
        TargetView {
            gap,
            actions: numbers,
            uncovered,
        }
    })
    .collect()
}

/// The numbers of the actions some pillar needs to reach its target.
pub fn needed_numbers(views: &[TargetView]) -> BTreeSet<u32> {
    views
        .iter()
        .flat_map(|v| v.actions.iter().copied())
        .collect()
}
