//! Benchmarks of the engine: scoring one assessment of 500 items, and one
//! autosaved answer (one transaction in WAL mode, on a real file), with p99.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use frontera::content::{PackSource, load};
use frontera::domain::assessment::{
    Answer, AssessmentKind, EquipmentCounts, EquipmentRecord, Response,
};
use frontera::domain::pack::Pack;
use frontera::domain::post::{ControlModel, CountryCode, Post, PostCode, PostKind, PostProfile};
use frontera::domain::scoring::score_assessment;
use frontera::store::{NewAssessment, Store};

fn post() -> Post {
    Post {
        code: PostCode::parse("PE-DES").unwrap(),
        name: "Desaguadero".into(),
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
        agencies: vec![],
    }
}

/// The shipped pack grown to `n` items by repeating its items under new ids.
fn pack_of(n: usize) -> Pack {
    let mut pack = load(&PackSource::embedded()).pack.expect("valid pack");
    let originals: Vec<_> = pack.items().cloned().collect();
    for pillar in &mut pack.pillars {
        pillar.items.clear();
    }
    for i in 0..n {
        let mut item = originals[i % originals.len()].clone();
        item.id = format!("{}.{i}", item.id);
        let pillar = usize::from(item.pillar - 1);
        pack.pillars[pillar].items.push(item);
    }
    pack
}

fn answers(pack: &Pack) -> Vec<Answer> {
    pack.items()
        .enumerate()
        .map(|(i, item)| Answer {
            item: item.id.clone(),
            response: if i % 17 == 0 {
                Response::NotApplicable {
                    reason: "not here".into(),
                }
            } else {
                Response::Level((i % 5) as u8)
            },
            note: String::new(),
            updated_at: String::new(),
            updated_by: String::new(),
            copied_from: None,
            note_lang: None,
        })
        .collect()
}

fn equipment(pack: &Pack) -> Vec<EquipmentRecord> {
    pack.catalogue
        .types
        .iter()
        .take(40)
        .enumerate()
        .map(|(i, t)| EquipmentRecord {
            type_id: t.id.clone(),
            counts: EquipmentCounts {
                required: None,
                present: Some(3),
                functional: Some(2 + (i % 2) as u32),
                in_use: Some(1),
                trained: Some(4),
                needed: None,
                maintained: Some(2),
            },
            note: String::new(),
            updated_at: String::new(),
            updated_by: String::new(),
            note_lang: None,
        })
        .collect()
}

fn scoring(c: &mut Criterion) {
    let pack = pack_of(500);
    assert_eq!(pack.items().count(), 500);
    let post = post();
    let answers = answers(&pack);
    let equipment = equipment(&pack);
    c.bench_function(
        "score an assessment of 500 items and 40 equipment rows",
        |b| {
            b.iter(|| {
                score_assessment(
                    black_box(&pack),
                    black_box(&post),
                    black_box(&answers),
                    black_box(&equipment),
                )
            })
        },
    );
}

fn autosave_store() -> (
    tempfile::TempDir,
    Store,
    frontera::domain::assessment::AssessmentId,
    Vec<String>,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.db"), "bench").unwrap();
    store.add_post(&post()).unwrap();
    let source = PackSource::embedded();
    let pack = load(&source).pack.unwrap();
    let new = NewAssessment {
        post: post().code,
        kind: AssessmentKind::Baseline,
        evaluators: vec![],
        id: None,
        created_at: None,
        depth: frontera::domain::assessment::Depth::Full,
    };
    let id = store.create_assessment(&new, &source, &pack).unwrap();
    let items = pack.items().map(|i| i.id.clone()).collect();
    (dir, store, id, items)
}

fn autosave(c: &mut Criterion) {
    let (_dir, mut store, id, items) = autosave_store();
    let mut n = 0usize;
    c.bench_function(
        "autosave one answer (one WAL transaction with its log rows)",
        |b| {
            b.iter(|| {
                n += 1;
                let item = &items[n % items.len()];
                store
                    .set_response(&id, item, &Response::Level((n % 5) as u8))
                    .unwrap();
            })
        },
    );
}

/// Criterion reports means and medians; the autosave aim is a p99, so measure
/// the distribution of 2,000 saves directly.
fn autosave_percentiles() {
    let (_dir, mut store, id, items) = autosave_store();
    let mut times: Vec<Duration> = (0..2000)
        .map(|n| {
            let item = &items[n % items.len()];
            let start = Instant::now();
            store
                .set_response(&id, item, &Response::Level((n % 5) as u8))
                .unwrap();
            start.elapsed()
        })
        .collect();
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "autosave over {} saves: p50 {:?}, p90 {:?}, p99 {:?}, max {:?}",
        times.len(),
        pct(0.50),
        pct(0.90),
        pct(0.99),
        times[times.len() - 1]
    );
}

criterion_group!(benches, scoring, autosave);

fn main() {
    benches();
    autosave_percentiles();
    Criterion::default().configure_from_args().final_summary();
}
