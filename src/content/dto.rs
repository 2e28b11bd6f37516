//! The content files exactly as written: serde types that reject unknown keys.
//! Spans are kept where validation needs to point at a line.

use serde::Deserialize;
use toml::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleText {
    pub title: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub id: S<String>,
    pub version: S<String>,
    pub en: Option<TitleText>,
    pub es: Option<TitleText>,
    pub pt: Option<TitleText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PillarFile {
    pub pillar: S<i64>,
    pub en: Option<TitleText>,
    pub es: Option<TitleText>,
    pub pt: Option<TitleText>,
    #[serde(default)]
    pub sections: Vec<SectionDto>,
    #[serde(default)]
    pub items: Vec<ItemDto>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionDto {
    pub id: S<String>,
    pub en: Option<TitleText>,
    pub es: Option<TitleText>,
    pub pt: Option<TitleText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemTextDto {
    /// A short name for lists (at most `domain::pack::LABEL_MAX_CHARS` characters).
    pub label: Option<S<String>>,
    pub question: Option<String>,
    pub guidance: Option<String>,
    pub recommendation: Option<String>,
    pub levels: Option<S<Vec<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDto {
    pub id: S<String>,
    pub section: S<String>,
    pub weight: S<i64>,
    #[serde(default)]
    pub critical: bool,
    pub cooperation: S<String>,
    pub field: S<String>,
    pub kinds: Option<S<Vec<String>>>,
    #[serde(default)]
    pub cargo_only: bool,
    /// "post" (default) or "national".
    pub scope: Option<S<String>>,
    #[serde(default)]
    pub core: bool,
    #[serde(default)]
    pub shared_control_only: bool,
    #[serde(default)]
    pub procedures: Vec<S<String>>,
    /// v2, optional: equipment types of the catalogue the item is about, so
    /// that its recommendation follows the audit of those types.
    #[serde(default)]
    pub equipment: Vec<S<String>>,
    /// v2, optional: which audit flags of those types the item is about
    /// (default: all).
    #[serde(default)]
    pub equipment_flags: Vec<S<String>>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub en: Option<ItemTextDto>,
    pub es: Option<ItemTextDto>,
    pub pt: Option<ItemTextDto>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureTextDto {
    pub title: Option<String>,
    pub purpose: Option<String>,
    pub basis: Option<String>,
    pub roles: Option<Vec<String>>,
    pub steps: Option<Vec<String>>,
    pub records: Option<Vec<String>>,
    pub common_failures: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureFile {
    pub id: S<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub en: Option<ProcedureTextDto>,
    pub es: Option<ProcedureTextDto>,
    pub pt: Option<ProcedureTextDto>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameText {
    pub name: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineDto {
    pub id: S<String>,
    pub en: Option<NameText>,
    pub es: Option<NameText>,
    pub pt: Option<NameText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeDto {
    pub id: S<String>,
    pub line: S<String>,
    pub criticality: S<i64>,
    pub kinds: Option<S<Vec<String>>>,
    #[serde(default)]
    pub cargo_only: bool,
    pub per_post: Option<S<f64>>,
    pub per_booth: Option<S<f64>>,
    pub per_lane: Option<S<f64>>,
    pub per_cargo_lane: Option<S<f64>>,
    pub operators_per_unit: Option<S<f64>>,
    pub min_lanes: Option<S<i64>>,
    pub min_cargo_lanes: Option<S<i64>>,
    pub min_booths: Option<S<i64>>,
    #[serde(default)]
    pub shared_control_only: bool,
    pub en: Option<NameText>,
    pub es: Option<NameText>,
    pub pt: Option<NameText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EquipmentFile {
    #[serde(default)]
    pub lines: Vec<LineDto>,
    #[serde(default)]
    pub types: Vec<TypeDto>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightsDto {
    pub coverage: S<f64>,
    pub availability: S<f64>,
    #[serde(rename = "use")]
    pub use_: S<f64>,
    pub readiness: S<f64>,
    pub maintenance: S<f64>,
}

/// `[pillar_weights]`: each pillar's weight in the overall score (default 1.0).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PillarWeightsDto {
    pub p1: Option<S<f64>>,
    pub p2: Option<S<f64>>,
    pub p3: Option<S<f64>>,
    pub p4: Option<S<f64>>,
}

/// `[target_levels]`: each pillar's default target level (default `target_level`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetLevelsDto {
    pub p1: Option<S<i64>>,
    pub p2: Option<S<i64>>,
    pub p3: Option<S<i64>>,
    pub p4: Option<S<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelText {
    pub name: Option<String>,
    pub meaning: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelDto {
    pub level: S<i64>,
    pub en: Option<LevelText>,
    pub es: Option<LevelText>,
    pub pt: Option<LevelText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringFile {
    pub provisional_below: S<f64>,
    pub pillar4_equipment_share: S<f64>,
    pub idle_below: S<f64>,
    pub target_level: S<i64>,
    pub uncatalogued_criticality: S<f64>,
    pub equipment_weights: WeightsDto,
    /// Absent: no serious-deficiency rule.
    pub serious_deficiency_at_or_below: Option<S<i64>>,
    #[serde(default)]
    pub equipment_in_completeness: bool,
    pub pillar_weights: Option<PillarWeightsDto>,
    pub target_levels: Option<TargetLevelsDto>,
    /// v2, optional: readiness needs units present (default false).
    #[serde(default)]
    pub readiness_needs_units: bool,
    #[serde(default)]
    pub levels: Vec<LevelDto>,
}
