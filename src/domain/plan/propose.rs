//! The rule that proposes actions from the scores, and the priority it gives
//! each one. Printed in the methodology annex; the words of each proposal are
//! written in `messages::plan`, from what is here.

use super::{Cite, Priority};
use crate::domain::assessment::{Answer, Depth, EquipmentCounts, Response};
use crate::domain::pack::Pack;
use crate::domain::post::Post;
use crate::domain::scoring::{Flag, TypeScore};

/// Why a proposal has its priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PriorityRule {
    /// A critical item at or below the pack's serious-deficiency level.
    SeriousDeficiency,
    /// A critical item whose level holds its pillar below the target
    /// (level + 1 < target: the critical gate).
    CriticalGate,
    /// Any other critical item below the target.
    CriticalBelowTarget,
    /// weight × (target − level): 6 and more high, 3–5 medium, 1–2 low.
    WeightedGap(u32),
    /// A type of criticality 3 with none of the required units working.
    NoneWorking,
    /// criticality × the flag's severity (see [`severity`]): 6 and more high,
    /// 3–5 medium, 1–2 low.
    EquipmentSeverity(u32),
}

impl PriorityRule {
    pub fn priority(self) -> Priority {
        match self {
            PriorityRule::SeriousDeficiency
            | PriorityRule::CriticalGate
            | PriorityRule::NoneWorking => Priority::Critical,
            PriorityRule::CriticalBelowTarget => Priority::High,
            PriorityRule::WeightedGap(n) | PriorityRule::EquipmentSeverity(n) => match n {
                6.. => Priority::High,
                3..=5 => Priority::Medium,
                _ => Priority::Low,
            },
        }
    }
}

/// One equipment type in an equipment proposal, with its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlaggedType {
    pub type_id: String,
    pub counts: EquipmentCounts,
    pub rule: PriorityRule,
}

/// What a proposal is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    Item {
        item: String,
        pillar: u8,
        level: u8,
        target: u8,
    },
    /// One kind of work (procure, repair, use, train, maintain) on every type
    /// that needs it at one priority: how equipment is procured and funded.
    Equipment { flag: Flag, types: Vec<FlaggedType> },
}

/// One action the scores call for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// `item:ID`, or `equipment:FLAG:PRIORITY` for a group of types: one
    /// proposal per key, ever.
    pub key: String,
    pub cites: Vec<Cite>,
    pub priority: Priority,
    pub rule: PriorityRule,
    pub basis: Basis,
}

/// The share of what is needed that is missing for `flag`, 0–1.
fn shortfall(flag: Flag, c: &EquipmentCounts) -> f64 {
    let gap = |have: Option<u32>, need: Option<u32>| match (have, need) {
        (Some(h), Some(n)) if n > 0 => 1.0 - (f64::from(h) / f64::from(n)).min(1.0),
        _ => 0.0,
    };
    match flag {
        Flag::Missing => gap(c.present, c.required),
        Flag::Broken => gap(c.functional, c.present),
        Flag::Idle => gap(c.in_use, c.functional),
        Flag::Untrained => gap(c.trained, c.needed),
        Flag::Unmaintained => gap(c.maintained, c.present),
    }
}

/// How bad a flag is: 3 for missing or broken units, 2 for idle units or
/// untrained operators, 1 for unmaintained units; one less when less than
/// half is short, and 1 when less than a fifth is.
pub fn severity(flag: Flag, counts: &EquipmentCounts) -> u32 {
    let base = match flag {
        Flag::Missing | Flag::Broken => 3,
        Flag::Idle | Flag::Untrained => 2,
        Flag::Unmaintained => 1,
    };
    let short = shortfall(flag, counts);
    if short >= 0.5 {
        base
    } else if short >= 0.2 {
        (base - 1).max(1)
    } else {
        1
    }
}

/// The target of pillar `pillar` (1-based) among `targets`.
pub fn target_of(targets: &[u8; 4], pillar: u8) -> u8 {
    targets[usize::from(pillar.clamp(1, 4)) - 1]
}

/// The rule for an item of weight `weight` answered `level` under `target`.
pub fn item_rule(
    weight: u8,
    critical: bool,
    level: u8,
    target: u8,
    serious_at_or_below: Option<u8>,
) -> PriorityRule {
    if critical && serious_at_or_below.is_some_and(|limit| level <= limit) {
        PriorityRule::SeriousDeficiency
    } else if critical && level + 1 < target {
        PriorityRule::CriticalGate
    } else if critical {
        PriorityRule::CriticalBelowTarget
    } else {
        PriorityRule::WeightedGap(u32::from(weight) * u32::from(target.saturating_sub(level)))
    }
}

/// The rule for one flag of a scored equipment type.
pub fn equipment_rule(kind: &TypeScore, flag: Flag) -> PriorityRule {
    let required = kind.counts.required.unwrap_or(0);
    let working = kind.counts.functional.or(kind.counts.present).unwrap_or(0);
    if matches!(flag, Flag::Missing | Flag::Broken)
        && kind.criticality >= 3.0
        && required > 0
        && working == 0
    {
        return PriorityRule::NoneWorking;
    }
    // Criticality is 1–3 in the catalogue; rounding keeps a fractional value
    // from falling between the bands.
    let criticality = kind.criticality.round().clamp(0.0, 3.0) as u32;
    PriorityRule::EquipmentSeverity(criticality * severity(flag, &kind.counts))
}

/// Every action the scores call for: one per applicable item answered below
/// its pillar's target, and for equipment one per kind of work (procure,
/// repair, use, train, maintain) and priority, citing every type that needs
/// it; most urgent first, items in pack order before equipment.
pub fn propose(
    pack: &Pack,
    post: &Post,
    depth: Depth,
    answers: &[Answer],
    equipment: &[TypeScore],
    targets: &[u8; 4],
) -> Vec<Proposal> {
    let mut proposals = Vec::new();
    for item in pack.applicable_items(post).filter(|item| depth.asks(item)) {
        let Some(Response::Level(level)) = answers
            .iter()
            .find(|a| a.item == item.id)
            .map(|a| &a.response)
        else {
            continue;
        };
        let target = target_of(targets, item.pillar);
        if *level >= target {
            continue;
        }
        let rule = item_rule(
            item.weight,
            item.critical,
            *level,
            target,
            pack.scoring.serious_deficiency_at_or_below,
        );
        let cite = Cite::Item(item.id.clone());
        proposals.push(Proposal {
            key: cite.proposal_key(),
            cites: vec![cite],
            priority: rule.priority(),
            rule,
            basis: Basis::Item {
                item: item.id.clone(),
                pillar: item.pillar,
                level: *level,
                target,
            },
        });
    }
    // Equipment: per kind of work and priority, the types in catalogue order.
    let mut groups: Vec<(Flag, Priority, Vec<FlaggedType>)> = Vec::new();
    for kind in pack
        .catalogue
        .types
        .iter()
        .filter_map(|t| equipment.iter().find(|s| s.type_id == t.id))
    {
        for flag in &kind.flags {
            let rule = equipment_rule(kind, *flag);
            let entry = FlaggedType {
                type_id: kind.type_id.clone(),
                counts: kind.counts.clone(),
                rule,
            };
            match groups
                .iter_mut()
                .find(|(f, p, _)| f == flag && *p == rule.priority())
            {
                Some((_, _, types)) => types.push(entry),
                None => groups.push((*flag, rule.priority(), vec![entry])),
            }
        }
    }
    groups.sort_by_key(|(flag, priority, _)| (*priority, *flag));
    for (flag, priority, types) in groups {
        // The most severe rule of the group speaks for it.
        let rule = types
            .iter()
            .map(|t| t.rule)
            .min_by_key(|r| match r {
                PriorityRule::EquipmentSeverity(n) => std::cmp::Reverse(*n),
                _ => std::cmp::Reverse(u32::MAX),
            })
            .unwrap_or(PriorityRule::EquipmentSeverity(0));
        proposals.push(Proposal {
            key: format!("equipment:{}:{}", flag.code(), priority.code()),
            cites: types
                .iter()
                .map(|t| Cite::Equipment(t.type_id.clone()))
                .collect(),
            priority,
            rule,
            basis: Basis::Equipment { flag, types },
        });
    }
    // Stable: pack order stays among equals.
    proposals.sort_by_key(|p| p.priority);
    proposals
}
