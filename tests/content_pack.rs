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
fn critical_items_are_few_and_all_in_the_core_subset() {
    let (pack, _, _) = shipped();
    // At most one item in five per pillar. A pillar may have none: since 2.0.0 the
    // practice items carry the gates (pillar 4's booth access became technical
    // availability, and its level blends in the equipment index).
    for pillar in &pack.pillars {
        let critical = pillar.items.iter().filter(|i| i.critical).count();
        assert!(
            critical <= pillar.items.len() / 5,
            "pillar {}: {critical} critical",
            pillar.number
        );
    }
    let critical: Vec<_> = pack.items().filter(|i| i.critical).collect();
    assert!(critical.len() >= 4, "{} critical items", critical.len());
    // A one-day (core) visit asks every critical item.
    for item in critical {
        assert!(item.core, "{} is critical but not core", item.id);
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
    let mut optional = Vec::new();
    for t in &pack.catalogue.types {
        assert!(
            !t.applicability.kinds.is_empty(),
            "{} applies to no post kind",
            t.id
        );
        let need = t.need;
        if need.per_post + need.per_booth + need.per_lane + need.per_cargo_lane == 0.0 {
            // Optional gear: recorded where found, never required. Its description
            // says so in every language.
            optional.push(t.id.as_str());
            for lang in Lang::ALL {
                let d = t.description.get(lang).to_lowercase();
                assert!(
                    ["optional", "opcional"].iter().any(|w| d.contains(w)),
                    "{} [{lang}] is optional gear but does not say so",
                    t.id
                );
            }
        }
    }
    assert!(optional.len() <= 15, "too much optional gear: {optional:?}");
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

/// The profiles the equipment rules are checked on: the four demo posts, a small
/// one-lane cargo post, an airport and a river post.
fn equipment_profiles() -> Vec<(&'static str, Post)> {
    let profile = |lanes, cargo_lanes, booths, shifts| PostProfile {
        lanes,
        cargo_lanes,
        booths,
        shifts,
    };
    vec![
        (
            "Rumichaca (land 6/4/8/3, juxtaposed)",
            post(
                PostKind::Land,
                true,
                ControlModel::Juxtaposed,
                profile(6, 4, 8, 3),
            ),
        ),
        (
            "Desaguadero (land 4/3/6/3, single-head)",
            post(
                PostKind::Land,
                true,
                ControlModel::SingleHead,
                profile(4, 3, 6, 3),
            ),
        ),
        (
            "Ponte da Amizade (land 8/4/10/3, none)",
            post(
                PostKind::Land,
                true,
                ControlModel::None,
                profile(8, 4, 10, 3),
            ),
        ),
        (
            "Aguas Blancas-Bermejo (land 2/1/2/2, none)",
            post(
                PostKind::Land,
                true,
                ControlModel::None,
                profile(2, 1, 2, 2),
            ),
        ),
        (
            "one-lane cargo post (land 1/1/1/2, none)",
            post(
                PostKind::Land,
                true,
                ControlModel::None,
                profile(1, 1, 1, 2),
            ),
        ),
        // An airport has booths but no vehicle lanes.
        (
            "airport (air 0/0/12/3, no cargo)",
            post(
                PostKind::Air,
                false,
                ControlModel::None,
                profile(0, 0, 12, 3),
            ),
        ),
        (
            "river post (river 1/0/1/1, no cargo)",
            post(
                PostKind::River,
                false,
                ControlModel::None,
                profile(1, 0, 1, 1),
            ),
        ),
    ]
}

/// Type id → (required units, operators needed) at one post.
type Needs = BTreeMap<String, (u32, u32)>;

/// Required units and operators of every type that applies at `post`, in
/// catalogue order.
fn requirements(pack: &Pack, post: &Post) -> Vec<(String, u32, u32)> {
    pack.catalogue
        .types
        .iter()
        .filter(|t| t.applicability.applies_to(post))
        .map(|t| {
            let units = t.need.required(&post.profile);
            (t.id.clone(), units, t.need.operators(units, &post.profile))
        })
        .collect()
}

#[test]
fn equipment_requirements_by_profile_are_realistic() {
    let (pack, _, _) = shipped();
    let profiles = equipment_profiles();
    let mut all: Vec<(&str, &Post, Needs)> = Vec::new();
    // Print everything first (visible with --nocapture), then check.
    for (name, post) in &profiles {
        let rows = requirements(&pack, post);
        let units: u32 = rows.iter().map(|r| r.1).sum();
        let operators: u32 = rows.iter().map(|r| r.2).sum();
        let required = rows.iter().filter(|r| r.1 > 0).count();
        println!(
            "== {name}: {} applicable types, {required} required, {units} units, {operators} operator slots",
            rows.len()
        );
        for (id, u, o) in &rows {
            if *u > 0 {
                println!("   {id:<32} {u:>3} units {o:>3} operators");
            }
        }
        let optional: Vec<&str> = rows
            .iter()
            .filter(|r| r.1 == 0)
            .map(|r| r.0.as_str())
            .collect();
        println!("   not required: {}", optional.join(", "));
        all.push((
            name,
            post,
            rows.into_iter().map(|(id, u, o)| (id, (u, o))).collect(),
        ));
    }
    let units = |rows: &Needs, id: &str| rows.get(id).map_or(0, |r| r.0);
    let operators = |rows: &Needs, id: &str| rows.get(id).map_or(0, |r| r.1);

    for (name, post, rows) in &all {
        // A document reader in every booth, everywhere.
        assert_eq!(
            units(rows, "document-reader"),
            post.profile.booths,
            "{name}"
        );
        assert_eq!(
            units(rows, "first-line-workstation"),
            post.profile.booths,
            "{name}"
        );
        // Optional surveillance and power gear is never required by default.
        for id in [
            "surveillance-radar",
            "ground-sensors",
            "observation-tower",
            "thermal-camera",
            "solar-power",
            "co2-probe",
            "backscatter-van",
            "abc-gate",
        ] {
            assert_eq!(units(rows, id), 0, "{name}: {id} required");
        }
        // Gear that needs holders, not trained operators.
        for id in [
            "handheld-radio",
            "radio-base-station",
            "entry-exit-stamps",
            "cctv-camera",
            "lane-signage",
            "floodlighting",
            "vehicle-barriers",
        ] {
            assert_eq!(operators(rows, id), 0, "{name}: {id} counts operators");
        }
        // CCTV cameras are watched from the monitoring station: operators counted once.
        if units(rows, "cctv-camera") > 0 {
            assert!(operators(rows, "monitoring-station") > 0, "{name}");
        }
        // Every post has at least one private interview room and one lane sign set.
        assert!(units(rows, "interview-room-kit") >= 1, "{name}");
        assert!(units(rows, "lane-signage") >= 1, "{name}");
    }

    let by_name = |prefix: &str| {
        all.iter()
            .find(|(n, _, _)| n.starts_with(prefix))
            .map(|(_, _, rows)| rows)
            .unwrap()
    };
    // The one-lane cargo post: no fixed scanner, van or portal monitor; a personal
    // radiation detector and a gas detector instead.
    let small = by_name("one-lane cargo post");
    for id in [
        "cargo-scanner",
        "backscatter-van",
        "radiation-portal-monitor",
        "heartbeat-detector",
        "weighbridge",
    ] {
        assert_eq!(units(small, id), 0, "one-lane cargo post: {id}");
    }
    assert!(units(small, "personal-radiation-detector") >= 1);
    assert!(units(small, "gas-detector") >= 1);
    // Posts with three or four cargo lanes have a scanner, portals on every cargo
    // lane and a radioisotope identifier to resolve their alarms.
    for (prefix, cargo_lanes) in [("Rumichaca", 4), ("Desaguadero", 3), ("Ponte", 4)] {
        let rows = by_name(prefix);
        assert_eq!(units(rows, "cargo-scanner"), 1, "{prefix}");
        assert_eq!(
            units(rows, "radiation-portal-monitor"),
            cargo_lanes,
            "{prefix}"
        );
        assert_eq!(units(rows, "radioisotope-identifier"), 1, "{prefix}");
        // Operator and image analyst, every shift.
        assert_eq!(operators(rows, "cargo-scanner"), 2 * 3, "{prefix}");
    }
    // The airport: no cargo or vehicle gear; signage and interview rooms grow with
    // its booths; API/PNR access is required.
    let (_, airport, air_rows) = all
        .iter()
        .find(|(n, _, _)| n.starts_with("airport"))
        .unwrap();
    for (id, _) in air_rows.iter() {
        let t = pack.catalogue.get(id).unwrap();
        assert!(!t.applicability.cargo_only, "airport: cargo type {id}");
    }
    for id in [
        "cargo-scanner",
        "weighbridge",
        "heartbeat-detector",
        "under-vehicle-mirror",
        "licence-plate-reader",
    ] {
        assert!(!air_rows.contains_key(id), "airport: {id} applies");
    }
    assert!(units(air_rows, "lane-signage") >= 3, "airport signage");
    assert!(
        units(air_rows, "interview-room-kit") >= 2,
        "airport interview rooms"
    );
    assert_eq!(units(air_rows, "api-pnr-system"), 1);
    assert!(
        units(air_rows, "mobile-document-reader") >= 1,
        "gate checks"
    );
    assert_eq!(airport.profile.booths, 12);
    // The river post: no cargo gear; a patrol boat.
    let river = by_name("river post");
    assert!(!river.contains_key("gas-detector") && !river.contains_key("cargo-scanner"));
    assert_eq!(units(river, "patrol-boat"), 1);

    // Every type with a need rule is required at one of these posts at least; a type
    // without one is optional gear, and optional gear is never of criticality 3.
    for t in &pack.catalogue.types {
        let n = t.need;
        let has_rule = n.per_post + n.per_booth + n.per_lane + n.per_cargo_lane > 0.0;
        if has_rule {
            assert!(
                all.iter().any(|(_, _, rows)| units(rows, &t.id) > 0),
                "{} is required at none of the profiles",
                t.id
            );
        } else {
            assert!(t.criticality < 3, "optional {} has criticality 3", t.id);
        }
    }
}

#[test]
fn the_uv_lamp_description_has_the_fluorescence_the_right_way_round() {
    let (pack, _, _) = shipped();
    let uv = pack.catalogue.get("uv-lamp").expect("uv-lamp is kept");
    // Genuine security paper stays dull; ordinary paper with optical brighteners glows.
    assert!(uv.description.en.contains("stays dull"));
    assert!(uv.description.es.contains("blanqueadores ópticos"));
    assert!(uv.description.pt.contains("branqueadores ópticos"));
    for lang in Lang::ALL {
        assert!(!uv.description.get(lang).contains("opaco"), "[{lang}]");
    }
}

/// Whether `word` is a Spanish or Portuguese infinitive, clitic pronoun
/// allowed ("establecer", "pôr", "asegurarse").
fn is_infinitive(word: &str) -> bool {
    let word = word.to_lowercase();
    let bare = ["se", "los", "las", "lo", "la"]
        .iter()
        .find_map(|c| word.strip_suffix(c).filter(|w| w.len() > 3))
        .unwrap_or(&word);
    ["ar", "er", "ir", "ír", "or", "ôr"]
        .iter()
        .any(|end| bare.ends_with(end) || word.ends_with(end))
}

#[test]
fn recommendations_in_spanish_and_portuguese_are_in_the_infinitive() {
    let (pack, _, _) = shipped();
    let mut checked = 0;
    for item in pack.pillars.iter().flat_map(|p| &p.items) {
        for lang in [Lang::Es, Lang::Pt] {
            let text = item.text.get(lang).recommendation.trim();
            // A leading phrase ("Antes de aceptar un equipo, …") may come
            // first: the verb is the first word after its comma.
            let first = text
                .split_whitespace()
                .next()
                .map_or("", |w| w.trim_matches(|c: char| !c.is_alphabetic()));
            let verb = if is_infinitive(first) {
                first
            } else {
                text.split_once(", ")
                    .and_then(|(_, rest)| rest.split_whitespace().next())
                    .unwrap_or(first)
            };
            assert!(
                is_infinitive(verb.trim_matches(|c: char| !c.is_alphabetic())),
                "{} {lang}: '{verb}' in \"{text}\"",
                item.id
            );
            checked += 1;
        }
    }
    assert!(checked > 200, "{checked}");
}

#[test]
fn every_item_has_a_short_label_distinct_within_its_section_in_each_language() {
    use frontera::domain::pack::LABEL_MAX_CHARS;
    // A missing Spanish or Portuguese label falls back to the English one,
    // so the pack alone cannot tell: the loader's warning does.
    let report = load(&PackSource::embedded());
    let label_warnings: Vec<String> = report
        .warnings()
        .map(ToString::to_string)
        .filter(|w| w.contains("label"))
        .collect();
    assert!(label_warnings.is_empty(), "{label_warnings:#?}");
    let (pack, _, _) = shipped();
    let mut seen: BTreeMap<(&str, Lang, String), &str> = BTreeMap::new();
    let mut checked = 0;
    for item in pack.items() {
        for lang in Lang::ALL {
            let label = item.text.get(lang).label.as_str();
            let chars = label.chars().count();
            assert!(
                (1..=LABEL_MAX_CHARS).contains(&chars),
                "{} [{lang}] label \"{label}\" has {chars} characters",
                item.id
            );
            assert!(
                !label.ends_with(['?', '.']),
                "{} [{lang}] label \"{label}\" is a name, not a sentence",
                item.id
            );
            // Case-insensitive: two rows differing only in case look alike.
            let key = (item.section.as_str(), lang, label.to_lowercase());
            if let Some(other) = seen.insert(key, &item.id) {
                panic!(
                    "{} and {other} share the [{lang}] label \"{label}\" in {}",
                    item.id, item.section
                );
            }
            checked += 1;
        }
        assert_ne!(item.text.en.label, item.text.es.label, "{} es", item.id);
        assert_ne!(item.text.en.label, item.text.pt.label, "{} pt", item.id);
    }
    assert_eq!(checked, pack.items().count() * 3);
    assert!(checked >= 3 * 80, "{checked}");
}
