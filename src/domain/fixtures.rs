//! Small hand-made packs and posts for unit tests (compiled only for tests).

use std::collections::BTreeMap;

use super::lang::Localized;
use super::pack::*;
use super::post::*;

pub fn text(s: &str) -> Localized<String> {
    Localized::same(s)
}

pub fn item(
    id: &str,
    pillar: u8,
    weight: u8,
    critical: bool,
    kinds: &[PostKind],
    cargo_only: bool,
) -> Item {
    let t = ItemText {
        label: String::new(),
        question: format!("{id}?"),
        guidance: String::new(),
        recommendation: format!("fix {id}"),
        levels: Default::default(),
    };
    Item {
        id: id.to_string(),
        pillar,
        section: format!("p{pillar}.s"),
        weight,
        critical,
        cooperation: Cooperation::IntraService,
        field: IbmField::Procedures,
        scope: Scope::Post,
        core: false,
        applicability: Applicability {
            kinds: kinds.to_vec(),
            cargo_only,
            shared_control_only: false,
        },
        procedures: vec![],
        equipment: vec![],
        equipment_flags: vec![],
        sources: vec!["test".into()],
        text: Localized {
            en: t.clone(),
            es: t.clone(),
            pt: t,
        },
    }
}

pub fn params() -> ScoringParams {
    ScoringParams {
        provisional_below: 0.8,
        pillar4_equipment_share: 0.3,
        idle_below: 0.5,
        target_level: 3,
        target_levels: [3; 4],
        uncatalogued_criticality: 1.0,
        equipment_weights: EquipmentWeights {
            coverage: 0.3,
            availability: 0.25,
            use_: 0.2,
            readiness: 0.15,
            maintenance: 0.1,
        },
        serious_deficiency_at_or_below: None,
        equipment_in_completeness: false,
        readiness_needs_units: false,
        pillar_weights: [1.0; 4],
        levels: (0..5)
            .map(|l| LevelLabel {
                name: text(&format!("L{l}")),
                meaning: text(""),
            })
            .collect(),
    }
}

/// A pack whose pillars hold the given items (pillar taken from each item).
pub fn pack(items: Vec<Item>, types: Vec<EquipmentType>) -> Pack {
    let pillars = PILLARS
        .iter()
        .map(|&n| Pillar {
            number: n,
            title: text(&format!("Pillar {n}")),
            sections: vec![Section {
                id: format!("p{n}.s"),
                title: text("S"),
            }],
            items: items.iter().filter(|i| i.pillar == n).cloned().collect(),
        })
        .collect();
    Pack {
        meta: PackMeta {
            id: "test".into(),
            version: "0".into(),
            title: text("Test"),
            hash: "0".repeat(64),
        },
        pillars,
        procedures: BTreeMap::new(),
        catalogue: Catalogue {
            lines: vec![EquipmentLine {
                id: "first-line".into(),
                name: text("First line"),
            }],
            types,
        },
        scoring: params(),
    }
}

pub fn equipment_type(
    id: &str,
    criticality: u8,
    per_booth: f64,
    operators_per_unit: f64,
) -> EquipmentType {
    EquipmentType {
        id: id.to_string(),
        line: "first-line".into(),
        criticality,
        applicability: Applicability {
            kinds: PostKind::ALL.to_vec(),
            cargo_only: false,
            shared_control_only: false,
        },
        need: EquipmentNeed {
            per_post: 0.0,
            per_booth,
            per_lane: 0.0,
            per_cargo_lane: 0.0,
            operators_per_unit,
            min_lanes: 0,
            min_cargo_lanes: 0,
            min_booths: 0,
        },
        name: text(id),
        description: text(""),
    }
}

pub fn land_post(cargo: bool) -> Post {
    Post {
        code: PostCode::parse("PE-DES").unwrap(),
        name: "Desaguadero".into(),
        country: CountryCode::parse("PE").unwrap(),
        neighbour: CountryCode::parse("BO").unwrap(),
        kind: PostKind::Land,
        cargo,
        model: ControlModel::SingleHead,
        profile: PostProfile {
            lanes: 2,
            cargo_lanes: 1,
            booths: 2,
            shifts: 3,
        },
        agencies: vec![],
    }
}
