//! A content pack as the rest of the program sees it: validated pillars, items,
//! procedures, the equipment catalogue and the scoring parameters.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use super::fast_text;
use super::lang::Localized;
use super::post::{Applicability, Post, PostProfile};

/// The five maturity levels, 0..=4.
pub const LEVELS: std::ops::RangeInclusive<u8> = 0..=4;

/// The four EUROFRONT pillars, 1..=4.
pub const PILLARS: [u8; 4] = [1, 2, 3, 4];

/// The pillar whose score blends in the equipment utilisation index.
pub const EQUIPMENT_PILLAR: u8 = 4;

/// The level of cooperation an item concerns (EC IBM guidelines, 2010).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Cooperation {
    IntraService,
    InterAgency,
    International,
}

impl Cooperation {
    pub const ALL: [Cooperation; 3] = [
        Cooperation::IntraService,
        Cooperation::InterAgency,
        Cooperation::International,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Cooperation::IntraService => "intra-service",
            Cooperation::InterAgency => "inter-agency",
            Cooperation::International => "international",
        }
    }
}

/// The IBM field an item concerns (EC IBM guidelines, 2010).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IbmField {
    Legal,
    Institutional,
    Procedures,
    HumanResources,
    Communication,
    Infrastructure,
}

impl IbmField {
    pub const ALL: [IbmField; 6] = [
        IbmField::Legal,
        IbmField::Institutional,
        IbmField::Procedures,
        IbmField::HumanResources,
        IbmField::Communication,
        IbmField::Infrastructure,
    ];

    pub fn code(self) -> &'static str {
        match self {
            IbmField::Legal => "legal",
            IbmField::Institutional => "institutional",
            IbmField::Procedures => "procedures",
            IbmField::HumanResources => "human-resources",
            IbmField::Communication => "communication",
            IbmField::Infrastructure => "infrastructure",
        }
    }
}

/// Where an item is answered: at each post, or once per country (about its law
/// or institutions, at headquarters level) and carried to its other posts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Scope {
    #[default]
    Post,
    National,
}

impl Scope {
    pub const ALL: [Scope; 2] = [Scope::Post, Scope::National];

    pub fn code(self) -> &'static str {
        match self {
            Scope::Post => "post",
            Scope::National => "national",
        }
    }
}

macro_rules! code_enum_text {
    ($t:ty, $what:literal) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.code())
            }
        }
        impl FromStr for $t {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL
                    .into_iter()
                    .find(|v| v.code() == s)
                    .ok_or_else(|| {
                        let names: Vec<_> = Self::ALL.iter().map(|v| v.code()).collect();
                        format!("unknown {} '{s}' (use {})", $what, names.join(", "))
                    })
            }
        }
    };
}
code_enum_text!(Cooperation, "cooperation level");
code_enum_text!(IbmField, "IBM field");
code_enum_text!(Scope, "scope");

/// Texts of one item in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemText {
    /// A short name that tells the item apart in a list ("Minimum check on
    /// entry and exit"); empty when the pack gives none (lists then show the
    /// question).
    #[serde(with = "fast_text::one")]
    pub label: String,
    #[serde(with = "fast_text::one")]
    pub question: String,
    #[serde(with = "fast_text::one")]
    pub guidance: String,
    #[serde(with = "fast_text::one")]
    pub recommendation: String,
    /// Descriptors for levels 0..=4.
    #[serde(with = "fast_text::five")]
    pub levels: [String; 5],
}

impl ItemText {
    /// What a list shows for the item: its label, or its question without one.
    pub fn list_text(&self) -> &str {
        if self.label.is_empty() {
            &self.question
        } else {
            &self.label
        }
    }
}

/// The longest item label, in characters: what the list of an 80-column
/// screen shows whole beside its marks.
pub const LABEL_MAX_CHARS: usize = 28;

/// One checklist item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub pillar: u8,
    pub section: String,
    pub weight: u8,
    pub critical: bool,
    pub cooperation: Cooperation,
    pub field: IbmField,
    /// Answered at each post (default) or once per country.
    pub scope: Scope,
    /// In the core subset asked at one-day visits (depth "core").
    pub core: bool,
    pub applicability: Applicability,
    pub procedures: Vec<String>,
    /// Catalogue types the item is about: its recommendation follows their
    /// audit (no "install" where the audit finds them in use).
    pub equipment: Vec<String>,
    /// The audit flags of those types the item is about; empty: all.
    pub equipment_flags: Vec<crate::domain::scoring::Flag>,
    #[serde(with = "fast_text::many")]
    pub sources: Vec<String>,
    pub text: Localized<ItemText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: Localized<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pillar {
    pub number: u8,
    pub title: Localized<String>,
    pub sections: Vec<Section>,
    /// Items in the order of the file.
    pub items: Vec<Item>,
}

/// Texts of one reference procedure in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedureText {
    #[serde(with = "fast_text::one")]
    pub title: String,
    #[serde(with = "fast_text::one")]
    pub purpose: String,
    #[serde(with = "fast_text::one")]
    pub basis: String,
    #[serde(with = "fast_text::many")]
    pub roles: Vec<String>,
    #[serde(with = "fast_text::many")]
    pub steps: Vec<String>,
    #[serde(with = "fast_text::many")]
    pub records: Vec<String>,
    #[serde(with = "fast_text::many")]
    pub common_failures: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    pub id: String,
    pub sources: Vec<String>,
    pub text: Localized<ProcedureText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EquipmentLine {
    pub id: String,
    pub name: Localized<String>,
}

/// How many units of a type a post needs, by its profile.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EquipmentNeed {
    pub per_post: f64,
    pub per_booth: f64,
    pub per_lane: f64,
    pub per_cargo_lane: f64,
    pub operators_per_unit: f64,
    /// Passenger lanes a post must have for the type to be required (0: none).
    pub min_lanes: u32,
    /// Cargo lanes a post must have for the type to be required (0: none).
    pub min_cargo_lanes: u32,
    /// Booths a post must have for the type to be required (0: none).
    pub min_booths: u32,
}

impl EquipmentNeed {
    /// Whether the profile reaches every threshold (`min_*`) of the type.
    pub fn meets_thresholds(&self, profile: &PostProfile) -> bool {
        profile.lanes >= self.min_lanes
            && profile.cargo_lanes >= self.min_cargo_lanes
            && profile.booths >= self.min_booths
    }

    /// Units a post of this profile needs, rounded up; 0 below any threshold.
    pub fn required(&self, profile: &PostProfile) -> u32 {
        if !self.meets_thresholds(profile) {
            return 0;
        }
        let units = self.per_post
            + self.per_booth * f64::from(profile.booths)
            + self.per_lane * f64::from(profile.lanes)
            + self.per_cargo_lane * f64::from(profile.cargo_lanes);
        // A tiny tolerance keeps 0.1 × 30 = 3.0000000004 from becoming 4.
        (units - 1e-9).ceil().max(0.0) as u32
    }

    /// Trained operators needed for `required` units over all shifts.
    pub fn operators(&self, required: u32, profile: &PostProfile) -> u32 {
        let per_shift = (f64::from(required) * self.operators_per_unit - 1e-9)
            .ceil()
            .max(0.0) as u32;
        per_shift * profile.shifts
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EquipmentType {
    pub id: String,
    pub line: String,
    pub criticality: u8,
    pub applicability: Applicability,
    pub need: EquipmentNeed,
    pub name: Localized<String>,
    pub description: Localized<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub lines: Vec<EquipmentLine>,
    pub types: Vec<EquipmentType>,
}

impl Catalogue {
    pub fn get(&self, id: &str) -> Option<&EquipmentType> {
        self.types.iter().find(|t| t.id == id)
    }
}

/// Weights of the five indices in an equipment type's index.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EquipmentWeights {
    pub coverage: f64,
    pub availability: f64,
    pub use_: f64,
    pub readiness: f64,
    pub maintenance: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelLabel {
    pub name: Localized<String>,
    pub meaning: Localized<String>,
}

/// Everything `scoring.toml` sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoringParams {
    pub provisional_below: f64,
    pub pillar4_equipment_share: f64,
    pub idle_below: f64,
    pub target_level: u8,
    /// Default target of pillars 1..=4 (each `target_level` unless the pack
    /// sets `[target_levels]`).
    pub target_levels: [u8; 4],
    pub uncatalogued_criticality: f64,
    pub equipment_weights: EquipmentWeights,
    /// A critical item answered at this level or below is a serious deficiency
    /// (caps the overall level at that item's level + 1); `None`: rule off.
    pub serious_deficiency_at_or_below: Option<u8>,
    /// Whether pillar 4's completeness counts the equipment audit.
    pub equipment_in_completeness: bool,
    /// A type with no unit present has no readiness index (training for
    /// equipment that is not there says nothing of its use).
    pub readiness_needs_units: bool,
    /// Weights of pillars 1..=4 in the overall score (all 1.0: equal).
    pub pillar_weights: [f64; 4],
    /// Labels of levels 0..=4.
    pub levels: Vec<LevelLabel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackMeta {
    pub id: String,
    pub version: String,
    pub title: Localized<String>,
    /// SHA-256 over the pack's files, hex.
    pub hash: String,
}

/// A whole validated content pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    pub meta: PackMeta,
    pub pillars: Vec<Pillar>,
    pub procedures: BTreeMap<String, Procedure>,
    pub catalogue: Catalogue,
    pub scoring: ScoringParams,
}

impl Pack {
    pub fn pillar(&self, number: u8) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.number == number)
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.pillars.iter().flat_map(|p| p.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    /// Items asked at this post (kind, cargo, shared control), in pack order.
    pub fn applicable_items<'a>(&'a self, post: &'a Post) -> impl Iterator<Item = &'a Item> {
        self.items()
            .filter(move |i| i.applicability.applies_to(post))
    }

    /// Ids of the items asked at `post` at `depth`, in pack order.
    pub fn asked_items(&self, post: &Post, depth: super::assessment::Depth) -> Vec<String> {
        self.applicable_items(post)
            .filter(|i| depth.asks(i))
            .map(|i| i.id.clone())
            .collect()
    }

    /// Ids of the national items asked at `post` at `depth`: those answered
    /// once per country and copied to the country's other posts.
    pub fn national_items(&self, post: &Post, depth: super::assessment::Depth) -> Vec<String> {
        self.applicable_items(post)
            .filter(|i| i.scope == Scope::National && depth.asks(i))
            .map(|i| i.id.clone())
            .collect()
    }

    pub fn section_title(&self, id: &str) -> Option<&Localized<String>> {
        self.pillars
            .iter()
            .flat_map(|p| p.sections.iter())
            .find(|s| s.id == id)
            .map(|s| &s.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_NEED: EquipmentNeed = EquipmentNeed {
        per_post: 0.0,
        per_booth: 0.0,
        per_lane: 0.0,
        per_cargo_lane: 0.0,
        operators_per_unit: 0.0,
        min_lanes: 0,
        min_cargo_lanes: 0,
        min_booths: 0,
    };

    fn profile(lanes: u32, cargo_lanes: u32, booths: u32, shifts: u32) -> PostProfile {
        PostProfile {
            lanes,
            cargo_lanes,
            booths,
            shifts,
        }
    }

    #[test]
    fn below_any_threshold_nothing_is_required() {
        // A fixed scanner: one per 4 cargo lanes, from 2 cargo lanes; 2 operators each.
        let scanner = EquipmentNeed {
            per_cargo_lane: 0.25,
            operators_per_unit: 2.0,
            min_cargo_lanes: 2,
            ..NO_NEED
        };
        // 1 cargo lane < 2: not required (the old rule gave ceil(0.25) = 1).
        assert_eq!(scanner.required(&profile(1, 1, 1, 2)), 0);
        assert_eq!(scanner.operators(0, &profile(1, 1, 1, 2)), 0);
        // 2 cargo lanes: 2 × 0.25 = 0.5 → 1 unit; 1 × 2 = 2 operators a shift × 3 = 6.
        assert_eq!(scanner.required(&profile(4, 2, 6, 3)), 1);
        assert_eq!(scanner.operators(1, &profile(4, 2, 6, 3)), 6);
        // 5 cargo lanes: 1.25 → 2 units.
        assert_eq!(scanner.required(&profile(4, 5, 6, 3)), 2);

        // Every threshold must be met: lanes, cargo lanes and booths.
        let all = EquipmentNeed {
            per_post: 1.0,
            min_lanes: 2,
            min_cargo_lanes: 1,
            min_booths: 4,
            ..NO_NEED
        };
        assert_eq!(all.required(&profile(2, 1, 4, 1)), 1);
        assert_eq!(all.required(&profile(1, 1, 4, 1)), 0, "one lane short");
        assert_eq!(all.required(&profile(2, 0, 4, 1)), 0, "no cargo lane");
        assert_eq!(all.required(&profile(2, 1, 3, 1)), 0, "one booth short");
        assert!(all.meets_thresholds(&profile(9, 9, 9, 1)));

        // Thresholds of 0 change nothing: 1 + 0.5 × 3 booths = 2.5 → 3.
        let plain = EquipmentNeed {
            per_post: 1.0,
            per_booth: 0.5,
            ..NO_NEED
        };
        assert_eq!(plain.required(&profile(0, 0, 3, 1)), 3);
    }

    #[test]
    fn required_units_round_up_and_follow_the_profile() {
        let need = EquipmentNeed {
            per_post: 1.0,
            per_booth: 1.0,
            per_lane: 0.0,
            per_cargo_lane: 0.5,
            operators_per_unit: 1.0,
            ..NO_NEED
        };
        let profile = PostProfile {
            lanes: 4,
            cargo_lanes: 3,
            booths: 6,
            shifts: 3,
        };
        // 1 + 6 × 1 + 3 × 0.5 = 8.5 → 9 units; 9 operators a shift × 3 shifts.
        assert_eq!(need.required(&profile), 9);
        assert_eq!(need.operators(9, &profile), 27);
    }

    #[test]
    fn exact_products_are_not_rounded_up_by_float_noise() {
        let need = EquipmentNeed {
            per_post: 0.0,
            per_booth: 0.0,
            per_lane: 0.1,
            ..NO_NEED
        };
        let profile = PostProfile {
            lanes: 30,
            ..PostProfile::default()
        };
        assert_eq!(need.required(&profile), 3);
        assert_eq!(need.operators(3, &profile), 0);
    }
}
