//! Equipment utilisation: per-type indices and flags, and the utilisation index
//! (EUI) over all types with data.

use crate::domain::assessment::{EquipmentCounts, EquipmentRecord};
use crate::domain::counts::CountProblem;
use crate::domain::pack::{Catalogue, EquipmentWeights, ScoringParams};
use crate::domain::post::PostProfile;

/// What can be wrong with a type's equipment at the post.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Flag {
    /// Fewer present than required.
    Missing,
    /// Fewer functional than present.
    Broken,
    /// Less than `idle_below` of the functional units in use.
    Idle,
    /// Fewer trained operators than needed.
    Untrained,
    /// Fewer maintained than present.
    Unmaintained,
}

impl Flag {
    pub const ALL: [Flag; 5] = [
        Flag::Missing,
        Flag::Broken,
        Flag::Idle,
        Flag::Untrained,
        Flag::Unmaintained,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Flag::Missing => "missing",
            Flag::Broken => "broken",
            Flag::Idle => "idle",
            Flag::Untrained => "untrained",
            Flag::Unmaintained => "unmaintained",
        }
    }
}

/// The scored row of one equipment type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeScore {
    pub type_id: String,
    pub criticality: f64,
    /// The recorded counts with the catalogue's defaults filled in.
    pub counts: EquipmentCounts,
    pub coverage: Option<f64>,
    pub availability: Option<f64>,
    pub use_: Option<f64>,
    pub readiness: Option<f64>,
    pub maintenance: Option<f64>,
    /// Weighted mean of the defined indices; `None` when none is defined.
    pub index: Option<f64>,
    pub flags: Vec<Flag>,
    /// Counts that contradict each other (rows stored before the rule; the
    /// store refuses new ones). Their ratios are held to 1 in the index.
    pub problems: Vec<CountProblem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EquipmentScore {
    /// Equipment utilisation index, 0–1; `None` without any type index.
    pub eui: Option<f64>,
    pub types: Vec<TypeScore>,
}

impl EquipmentScore {
    pub fn count_flag(&self, flag: Flag) -> usize {
        self.types
            .iter()
            .filter(|t| t.flags.contains(&flag))
            .count()
    }
}

/// `num ÷ den` when both are known and the denominator is not zero.
fn ratio(num: Option<u32>, den: Option<u32>) -> Option<f64> {
    match (num, den) {
        (Some(n), Some(d)) if d > 0 => Some(f64::from(n) / f64::from(d)),
        _ => None,
    }
}

fn below(a: Option<u32>, b: Option<u32>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a < b)
}

/// Fills `required` and `needed` from the catalogue where the auditor left them.
pub fn effective_counts(
    counts: &EquipmentCounts,
    catalogue: &Catalogue,
    type_id: &str,
    profile: &PostProfile,
) -> EquipmentCounts {
    let kind = catalogue.get(type_id);
    let required = counts
        .required
        .or_else(|| kind.map(|k| k.need.required(profile)));
    let needed = counts
        .needed
        .or_else(|| kind.map(|k| k.need.operators(required.unwrap_or(0), profile)));
    EquipmentCounts {
        required,
        present: counts.present,
        functional: counts.functional,
        in_use: counts.in_use,
        trained: counts.trained,
        needed,
        maintained: counts.maintained,
    }
}

/// Scores one type from its effective counts.
pub fn score_type(
    type_id: &str,
    criticality: f64,
    counts: EquipmentCounts,
    weights: &EquipmentWeights,
    idle_below: f64,
) -> TypeScore {
    // Every index is a share, 0–1. Coverage and readiness stop at 1 by design
    // (more than needed is enough); the other three can pass 1 only in rows
    // that break the count rules, which are reported and held to 1.
    let share = |num, den| ratio(num, den).map(|v: f64| v.min(1.0));
    let coverage = share(counts.functional, counts.required);
    let availability = share(counts.functional, counts.present);
    let use_ = share(counts.in_use, counts.functional);
    let readiness = share(counts.trained, counts.needed);
    let maintenance = share(counts.maintained, counts.present);
    let problems = counts.problems();
    let parts = [
        (coverage, weights.coverage),
        (availability, weights.availability),
        (use_, weights.use_),
        (readiness, weights.readiness),
        (maintenance, weights.maintenance),
    ];
    let (sum, total) = parts
        .iter()
        .filter_map(|(value, weight)| value.map(|v| (v * weight, *weight)))
        .fold((0.0, 0.0), |(s, t), (v, w)| (s + v, t + w));
    let index = (total > 0.0).then(|| sum / total);

    let mut flags = Vec::new();
    if below(counts.present, counts.required) {
        flags.push(Flag::Missing);
    }
    if below(counts.functional, counts.present) {
        flags.push(Flag::Broken);
    }
    if use_.is_some_and(|u| u < idle_below) {
        flags.push(Flag::Idle);
    }
    if below(counts.trained, counts.needed) {
        flags.push(Flag::Untrained);
    }
    if below(counts.maintained, counts.present) {
        flags.push(Flag::Unmaintained);
    }
    TypeScore {
        type_id: type_id.to_string(),
        criticality,
        counts,
        coverage,
        availability,
        use_,
        readiness,
        maintenance,
        index,
        flags,
        problems,
    }
}

/// A type with no unit present: its readiness is undefined (operators for
/// equipment that is not there), so it leaves the index and the flags.
fn without_readiness(mut t: TypeScore, weights: &EquipmentWeights) -> TypeScore {
    t.readiness = None;
    t.flags.retain(|f| *f != Flag::Untrained);
    let parts = [
        (t.coverage, weights.coverage),
        (t.availability, weights.availability),
        (t.use_, weights.use_),
        (t.maintenance, weights.maintenance),
    ];
    let (sum, total) = parts
        .iter()
        .filter_map(|(value, weight)| value.map(|v| (v * weight, *weight)))
        .fold((0.0, 0.0), |(s, w), (v, c)| (s + v, w + c));
    t.index = (total > 0.0).then(|| sum / total);
    t
}

/// Scores every recorded row and the utilisation index over them.
pub fn score_equipment(
    records: &[EquipmentRecord],
    catalogue: &Catalogue,
    params: &ScoringParams,
    profile: &PostProfile,
) -> EquipmentScore {
    let types: Vec<TypeScore> = records
        .iter()
        .map(|record| {
            let criticality = catalogue
                .get(&record.type_id)
                .map_or(params.uncatalogued_criticality, |t| {
                    f64::from(t.criticality)
                });
            let counts = effective_counts(&record.counts, catalogue, &record.type_id, profile);
            let scored = score_type(
                &record.type_id,
                criticality,
                counts,
                &params.equipment_weights,
                params.idle_below,
            );
            if params.readiness_needs_units && scored.counts.present == Some(0) {
                without_readiness(scored, &params.equipment_weights)
            } else {
                scored
            }
        })
        .collect();
    let (sum, total) = types
        .iter()
        .filter_map(|t| t.index.map(|i| (i * t.criticality, t.criticality)))
        .fold((0.0, 0.0), |(s, w), (v, c)| (s + v, w + c));
    EquipmentScore {
        eui: (total > 0.0).then(|| sum / total),
        types,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEIGHTS: EquipmentWeights = EquipmentWeights {
        coverage: 0.3,
        availability: 0.25,
        use_: 0.2,
        readiness: 0.15,
        maintenance: 0.1,
    };

    fn counts(v: [Option<u32>; 7]) -> EquipmentCounts {
        EquipmentCounts {
            required: v[0],
            present: v[1],
            functional: v[2],
            in_use: v[3],
            trained: v[4],
            needed: v[5],
            maintained: v[6],
        }
    }

    #[test]
    fn golden_type_index_and_flags() {
        // required 4, present 3, functional 2, in use 1, trained 3, needed 6, maintained 1.
        let t = score_type(
            "reader",
            3.0,
            counts([
                Some(4),
                Some(3),
                Some(2),
                Some(1),
                Some(3),
                Some(6),
                Some(1),
            ]),
            &WEIGHTS,
            0.5,
        );
        // coverage 2/4 = 0.5; availability 2/3; use 1/2 = 0.5; readiness 3/6 = 0.5;
        // maintenance 1/3.
        assert_eq!(t.coverage, Some(0.5));
        assert!((t.availability.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        // index = (0.3×0.5 + 0.25×2/3 + 0.2×0.5 + 0.15×0.5 + 0.1×1/3) ÷ 1.0
        //       = 0.15 + 0.1666… + 0.1 + 0.075 + 0.0333… = 0.525
        assert!((t.index.unwrap() - 0.525).abs() < 1e-12);
        // 3 < 4 missing; 2 < 3 broken; use 0.5 is not below 0.5; 3 < 6 untrained; 1 < 3.
        assert_eq!(
            t.flags,
            vec![
                Flag::Missing,
                Flag::Broken,
                Flag::Untrained,
                Flag::Unmaintained
            ]
        );
    }

    #[test]
    fn zero_denominators_leave_indices_out_and_cap_at_one() {
        // Nothing required, 2 present and working, none in use, no operators needed.
        let t = score_type(
            "gen",
            1.0,
            counts([Some(0), Some(2), Some(2), Some(0), None, Some(0), Some(2)]),
            &WEIGHTS,
            0.5,
        );
        assert_eq!(t.coverage, None);
        assert_eq!(t.readiness, None);
        assert_eq!(t.use_, Some(0.0));
        // index = (0.25×1 + 0.2×0 + 0.1×1) ÷ (0.25 + 0.2 + 0.1) = 0.35 ÷ 0.55
        assert!((t.index.unwrap() - 0.35 / 0.55).abs() < 1e-12);
        assert_eq!(t.flags, vec![Flag::Idle]);
        // More functional than required: coverage stops at 1.
        let over = score_type(
            "x",
            1.0,
            counts([Some(1), Some(3), Some(3), None, None, None, None]),
            &WEIGHTS,
            0.5,
        );
        assert_eq!(over.coverage, Some(1.0));
    }

    #[test]
    fn a_type_with_nothing_present_has_no_readiness_when_the_pack_says_so() {
        // None of 2 required scanners present, 0 of 4 operators trained.
        let record = EquipmentRecord {
            type_id: "other:scanner".into(),
            counts: counts([
                Some(2),
                Some(0),
                Some(0),
                Some(0),
                Some(0),
                Some(4),
                Some(0),
            ]),
            note: String::new(),
            updated_at: String::new(),
            updated_by: String::new(),
            note_lang: None,
        };
        let catalogue = Catalogue {
            lines: Vec::new(),
            types: Vec::new(),
        };
        let mut params = crate::domain::fixtures::params();
        params.equipment_weights = WEIGHTS;
        let profile = PostProfile::default();
        let score = |params: &ScoringParams| {
            score_equipment(std::slice::from_ref(&record), &catalogue, params, &profile).types[0]
                .clone()
        };
        params.readiness_needs_units = false;
        let before = score(&params);
        assert_eq!(before.readiness, Some(0.0));
        assert!(before.flags.contains(&Flag::Untrained));
        params.readiness_needs_units = true;
        let after = score(&params);
        assert_eq!(after.readiness, None);
        assert!(!after.flags.contains(&Flag::Untrained), "{:?}", after.flags);
        assert!(after.flags.contains(&Flag::Missing));
        // Coverage 0 and nothing else defined: the index is coverage alone.
        assert_eq!(after.index, Some(0.0));
    }

    #[test]
    fn a_row_with_no_counts_has_no_index() {
        let t = score_type("x", 2.0, counts([None; 7]), &WEIGHTS, 0.5);
        assert_eq!(t.index, None);
        assert!(t.flags.is_empty());
    }

    #[test]
    fn a_row_stored_before_the_count_rules_is_reported_and_held_to_one() {
        // The field trial's lamp: 2 present, 5 functional, 40 maintained.
        let t = score_type(
            "uv-lamp",
            3.0,
            counts([Some(3), Some(2), Some(5), None, None, Some(6), Some(40)]),
            &WEIGHTS,
            0.5,
        );
        assert_eq!(t.availability, Some(1.0));
        assert_eq!(t.maintenance, Some(1.0));
        assert_eq!(t.problems.len(), 2);
        assert!(t.index.unwrap() <= 1.0);
    }

    fn optional_count() -> impl proptest::strategy::Strategy<Value = Option<u32>> {
        proptest::option::of(0u32..60)
    }

    proptest::proptest! {
        #[test]
        fn every_index_of_an_accepted_row_is_a_share(
            required in optional_count(), present in optional_count(),
            functional in optional_count(), in_use in optional_count(),
            trained in optional_count(), needed in optional_count(),
            maintained in optional_count(),
        ) {
            let c = EquipmentCounts { required, present, functional, in_use, trained, needed, maintained };
            proptest::prop_assume!(c.problems().is_empty());
            // The rules alone keep the raw shares within 1, before any cap.
            for raw in [ratio(functional, present), ratio(in_use, functional), ratio(maintained, present)]
                .into_iter()
                .flatten()
            {
                proptest::prop_assert!(raw <= 1.0, "accepted counts give a share of {raw}");
            }
            let t = score_type("t", 2.0, c, &WEIGHTS, 0.5);
            for value in [t.coverage, t.availability, t.use_, t.readiness, t.maintenance, t.index]
                .into_iter()
                .flatten()
            {
                proptest::prop_assert!((0.0..=1.0).contains(&value), "{value} out of 0–1: {t:?}");
            }
        }
    }
}
