//! Benchmarks of the reports: a full assessment (every item answered with a
//! two-sentence note, 40 equipment rows) to PDF, and the programme report over
//! 200 posts. Prints the PDF sizes too.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group};
use frontera::content::{PackSource, load};
use frontera::domain::assessment::{AssessmentId, AssessmentKind, Response, Transition};
use frontera::domain::lang::Lang;
use frontera::domain::pack::Pack;
use frontera::domain::post::{ControlModel, CountryCode, Post, PostCode, PostKind, PostProfile};
use frontera::report;
use frontera::store::{EquipmentUpdate, NewAssessment, Store};

const NOTE: &str = "Observed at two booths during the morning peak, where officers followed \
                    the written instruction for most travellers. Supervisors could not show \
                    the weekly sampling records for the last quarter.";

fn post(n: usize) -> Post {
    Post {
        code: PostCode::parse(&format!("BCP-{n:03}")).unwrap(),
        name: format!("Paso fronterizo Nº {n} (Tulcán – Ipiales)"),
        country: CountryCode::parse("PE").unwrap(),
        neighbour: CountryCode::parse("BO").unwrap(),
        kind: PostKind::Land,
        cargo: true,
        model: ControlModel::SingleHead,
        profile: PostProfile {
            lanes: 4,
            cargo_lanes: 3,
            booths: 6,
            shifts: 3,
        },
        agencies: vec!["Migraciones".into(), "SUNAT".into()],
    }
}

/// A final assessment of `post` with every applicable item answered (with a
/// note when `notes`) and up to `equipment` audited equipment types.
fn assess(
    store: &mut Store,
    (source, pack): (&PackSource, &Pack),
    post: &Post,
    seed: usize,
    created_at: &str,
    notes: bool,
    equipment: usize,
) -> AssessmentId {
    let new = NewAssessment {
        post: post.code.clone(),
        kind: AssessmentKind::Baseline,
        evaluators: vec!["Lucía Mamani".into(), "Rui Almeida".into()],
        id: None,
        created_at: Some(created_at.into()),
        depth: frontera::domain::assessment::Depth::Full,
    };
    let id = store.create_assessment(&new, source, pack).unwrap();
    for (k, item) in pack.applicable_items(post).enumerate() {
        let level = ((seed + k * 7) % 5) as u8;
        let note = notes.then_some(NOTE);
        store
            .set_answer(&id, &item.id, &Response::Level(level), note)
            .unwrap();
    }
    let types = pack
        .catalogue
        .types
        .iter()
        .filter(|t| t.applicability.applies_to(post))
        .take(equipment);
    for (k, kind) in types.enumerate() {
        let present = 2 + (k % 4) as u32;
        let update = EquipmentUpdate {
            present: Some(Some(present)),
            functional: Some(Some(present - (k % 2) as u32)),
            in_use: Some(Some(present - 1)),
            trained: Some(Some(3 + (k % 5) as u32)),
            maintained: Some(Some(present - (k % 3).min(1) as u32)),
            note: Some("Two units wait for spare parts.".into()),
            ..EquipmentUpdate::default()
        };
        store.update_equipment(&id, &kind.id, &update).unwrap();
    }
    store.transition(&id, &Transition::Finalise).unwrap();
    id
}

fn full_assessment(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.db"), "bench").unwrap();
    let source = PackSource::embedded();
    let pack = load(&source).pack.expect("valid pack");
    let p = post(1);
    store.add_post(&p).unwrap();
    let id = assess(
        &mut store,
        (&source, &pack),
        &p,
        0,
        "2026-10-06T13:30:00Z",
        true,
        40,
    );
    assert_eq!(store.equipment(&id).unwrap().len(), 40);
    let options = |detail| report::ReportOptions {
        lang: Lang::Es,
        marking: Some("CONFIDENCIAL"),
        date: "2026-11-28",
        detail,
    };
    let (summary, full) = (report::model::Detail::Summary, report::model::Detail::Full);
    for (name, detail) in [("default", summary), ("full", full)] {
        let bytes = report::assessment_pdf(&store, &id, &options(detail)).unwrap();
        eprintln!("{name} report of a full assessment: {} bytes", bytes.len());
    }
    let model = report::assessment_model(&store, &id, &options(summary)).unwrap();
    let mut group = c.benchmark_group("report");
    for (name, detail) in [("default", summary), ("full", full)] {
        group.bench_function(
            format!("{name} report of a full assessment (load, model, layout, PDF)"),
            |b| {
                b.iter(|| report::assessment_pdf(&store, black_box(&id), &options(detail)).unwrap())
            },
        );
    }
    group.bench_function("default report model to PDF (layout, PDF)", |b| {
        b.iter(|| report::render(black_box(&model)).unwrap())
    });
    group.finish();
}

fn programme(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.db"), "bench").unwrap();
    let source = PackSource::embedded();
    let pack = load(&source).pack.expect("valid pack");
    for n in 0..200 {
        let p = post(n);
        store.add_post(&p).unwrap();
        assess(
            &mut store,
            (&source, &pack),
            &p,
            n,
            "2026-03-02T10:00:00Z",
            false,
            20,
        );
        // Every fourth post was assessed twice, for the trend.
        if n % 4 == 0 {
            assess(
                &mut store,
                (&source, &pack),
                &p,
                n + 3,
                "2025-03-02T10:00:00Z",
                false,
                20,
            );
        }
    }
    let bytes = report::programme_pdf(&store, Lang::Pt, None, "2026-11-28").unwrap();
    eprintln!("programme report over 200 posts: {} bytes", bytes.len());
    let mut group = c.benchmark_group("report");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("programme report, 200 posts", |b| {
        b.iter(|| report::programme_pdf(&store, Lang::Pt, None, black_box("2026-11-28")).unwrap())
    });
    group.finish();
}

criterion_group!(benches, full_assessment, programme);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
