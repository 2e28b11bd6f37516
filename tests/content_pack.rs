//! Integration tests: the shipped content pack meets the content issue's bar.

use std::collections::{BTreeMap, BTreeSet};

use frontera::content::{PackSource, load};
use frontera::domain::lang::Lang;
use frontera::domain::pack::{Cooperation, IbmField, Pack};
use frontera::domain::post::{ControlModel, CountryCode, Post, PostCode, PostKind, PostProfile};

fn shipped() -> (Pack, usize, usize) {
    let report = load(&PackSource::embedded());
    let errors: Vec<String> = report.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let warnings = report.warnings().count();
    (
        report.pack.expect("a valid pack"),
        report.missing_translations,
        warnings,
    )
}

#[test]
fn every_shipped_file_loads_without_errors_or_missing_translations() {
    let (_, missing, warnings) = shipped();
    assert_eq!(missing, 0);
    assert_eq!(warnings, 0);
}

#[test]
fn the_pack_meets_the_minimum_counts() {
    let (pack, _, _) = shipped();
    for pillar in &pack.pillars {
        assert!(
            pillar.items.len() >= 20,
            "pillar {} has {} items",
            pillar.number,
            pillar.items.len()
        );
        assert!(
            pillar.sections.len() >= 3,
            "pillar {} has too few sections",
            pillar.number
        );
    }
    assert!(pack.items().count() >= 80);
    assert!(pack.procedures.len() >= 14);
    assert!(pack.catalogue.types.len() >= 35);
}

#[test]
fn every_item_has_five_descriptors_a_source_and_real_texts_in_three_languages() {
    let (pack, _, _) = shipped();
    for item in pack.items() {
        assert!(!item.sources.is_empty(), "{} has no source", item.id);
        for lang in Lang::ALL {
            let t = item.text.get(lang);
            assert!(
                t.levels.iter().all(|l| l.trim().len() > 10),
                "{} [{lang}] has a thin descriptor",
                item.id
            );
            assert!(
                t.question.trim().ends_with('?'),
                "{} [{lang}] question should be a question",
                item.id
            );
            assert!(
                !t.guidance.is_empty() && !t.recommendation.is_empty(),
                "{} [{lang}]",
                item.id
            );
        }
        // A translation that is the English text word for word is no translation.
        assert_ne!(
            item.text.en.question, item.text.es.question,
            "{} es",
            item.id
        );
        assert_ne!(
            item.text.en.question, item.text.pt.question,
            "{} pt",
            item.id
        );
        assert_ne!(
            item.text.es.question, item.text.pt.question,
            "{} es = pt",
            item.id
        );
    }
}

#[test]
fn critical_items_are_few() {
    let (pack, _, _) = shipped();
    for pillar in &pack.pillars {
        let critical = pillar.items.iter().filter(|i| i.critical).count();
        assert!(
            (1..=pillar.items.len() / 5).contains(&critical),
            "pillar {}: {critical} critical",
            pillar.number
        );
    }
}

#[test]
fn every_procedure_is_cited_and_complete() {
    let (pack, _, _) = shipped();
    let cited: BTreeSet<&str> = pack
        .items()
        .flat_map(|i| i.procedures.iter().map(String::as_str))
        .collect();
    for (id, procedure) in &pack.procedures {
        assert!(
            cited.contains(id.as_str()),
            "procedure {id} is cited by no item"
        );
        for lang in Lang::ALL {
            let t = procedure.text.get(lang);
            assert!(
                t.steps.len() >= 4
                    && !t.roles.is_empty()
                    && !t.records.is_empty()
                    && !t.common_failures.is_empty(),
                "{id} [{lang}]"
            );
        }
    }
}

#[test]
fn every_equipment_type_applies_somewhere_and_every_line_is_used() {
    let (pack, _, _) = shipped();
    for t in &pack.catalogue.types {
        assert!(
            !t.applicability.kinds.is_empty(),
            "{} applies to no post kind",
            t.id
        );
        let need = t.need;
        assert!(
            need.per_post + need.per_booth + need.per_lane + need.per_cargo_lane > 0.0,
            "{} is never required",
            t.id
        );
    }
    let lines: BTreeSet<&str> = pack
        .catalogue
        .types
        .iter()
        .map(|t| t.line.as_str())
        .collect();
    for line in [
        "first-line",
        "second-line",
        "vehicles-cargo",
        "surveillance",
        "it-connectivity",
        "support",
    ] {
        assert!(lines.contains(line), "no equipment in {line}");
    }
}

#[test]
fn items_touch_every_cell_of_the_cooperation_by_field_grid() {
    let (pack, _, _) = shipped();
    let mut cells: BTreeMap<(Cooperation, IbmField), usize> = BTreeMap::new();
    for item in pack.items() {
        *cells.entry((item.cooperation, item.field)).or_default() += 1;
    }
    for c in Cooperation::ALL {
        for f in IbmField::ALL {
            assert!(
                cells.get(&(c, f)).copied().unwrap_or(0) > 0,
                "no item for {c} × {f}"
            );
        }
    }
}

/// A post of the register for applicability tests.
fn post(kind: PostKind, cargo: bool, model: ControlModel, profile: PostProfile) -> Post {
    Post {
        code: PostCode::parse("XX-TEST").unwrap(),
        name: "Test".into(),
        country: CountryCode::parse("PE").unwrap(),
        neighbour: CountryCode::parse("BO").unwrap(),
        kind,
        cargo,
        model,
        profile,
        agencies: vec![],
    }
}

#[test]
fn a_land_post_with_cargo_asks_every_land_and_cargo_item_and_no_air_or_sea_only_item() {
    let (pack, _, _) = shipped();
    let profile = PostProfile::default();
    let land_cargo = post(PostKind::Land, true, ControlModel::Juxtaposed, profile);
    let land = post(PostKind::Land, false, ControlModel::Juxtaposed, profile);
    let air = post(PostKind::Air, false, ControlModel::None, profile);
    let asked: BTreeSet<&str> = pack
        .applicable_items(&land_cargo)
        .map(|i| i.id.as_str())
        .collect();
    for item in pack.items() {
        let land = item.applicability.kinds.contains(&PostKind::Land);
        assert_eq!(asked.contains(item.id.as_str()), land, "{}", item.id);
    }
    // Without a shared control, shared-control items are not asked.
    let separate = post(
        PostKind::Land,
        true,
        ControlModel::None,
        PostProfile::default(),
    );
    for item in pack.applicable_items(&separate) {
        assert!(!item.applicability.shared_control_only, "{}", item.id);
    }
    assert!(
        pack.items().any(|i| i.applicability.cargo_only),
        "the pack has cargo items"
    );
    let without_cargo: BTreeSet<&str> = pack
        .applicable_items(&land)
        .map(|i| i.id.as_str())
        .collect();
    assert!(without_cargo.len() < asked.len());
    assert!(
        pack.items()
            .filter(|i| i.applicability.cargo_only)
            .all(|i| !without_cargo.contains(i.id.as_str()))
    );
    let air: BTreeSet<&str> = pack.applicable_items(&air).map(|i| i.id.as_str()).collect();
    assert!(
        air.len() >= 60,
        "an airport still gets most items: {}",
        air.len()
    );
}
