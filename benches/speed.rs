//! Speed at scale (issue 9), each figure beside a baseline measured in the same
//! run, since these machines are noisy:
//! - the command line's answer path in-process (open, resolve, pinned pack,
//!   save, close) against a raw rusqlite upsert of the same rows;
//! - opening a small and a 100 MB database;
//! - the report of the demo follow-up against the report of an empty
//!   assessment;
//! - the programme report and `post list` on 200 and 2,000 posts × 3.
//!
//! Run with `cargo bench --bench speed`; the ratios are printed at the end.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use frontera::bundle::pinned_structure;
use frontera::content::PackSource;
use frontera::domain::assessment::Response;
use frontera::domain::lang::Lang;
use frontera::domain::post::PostCode;
use frontera::report;
use frontera::store::Store;

/// As the binary: decoding a cached pack is many small strings.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const DRAFT: &str = "74516aacb39a";
const FOLLOW_UP: &str = "ec7fd7e81359";
const ITEM: &str = "p1.strategy.national-ibm-strategy";

fn demo_database(path: &Path) {
    let mut store = Store::open(path, "bench").unwrap();
    let source = PackSource::embedded();
    let (_, pack) = frontera::bundle::current_pack(&store, None).unwrap();
    frontera::demo::load_demo(&mut store, &source, &pack).unwrap();
}

/// What `frontera answer ID ITEM LEVEL` does, without process start and exit.
fn cli_answer(db: &Path, level: u8) {
    let mut store = Store::open_existing(db, "bench").unwrap();
    let id = store.resolve(DRAFT).unwrap();
    let header = store.assessment(&id).unwrap();
    let pack = pinned_structure(&store, &header).unwrap();
    let post = store.post(&PostCode::parse(&header.post).unwrap()).unwrap();
    let item = pack.item(ITEM).unwrap();
    assert!(item.applicability.applies_to(&post));
    store
        .set_answer(&id, ITEM, &Response::Level(level), None)
        .unwrap();
}

/// The same rows written by hand on an open connection: the answer, its
/// change-log row, the assessment's time stamp and the identity row, in one
/// transaction with the same journal settings.
fn raw_upsert(conn: &mut rusqlite::Connection, level: u8) {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    tx.execute("UPDATE meta SET writes = writes + 1", [])
        .unwrap();
    tx.execute(
        "INSERT INTO answers (assessment_id, item_id, level, note, updated_at, updated_by)
         VALUES (?1, ?2, ?3, '', '2026-12-01T10:00:00Z', 'raw')
         ON CONFLICT (assessment_id, item_id) DO UPDATE SET level = excluded.level,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        rusqlite::params![DRAFT, ITEM, level],
    )
    .unwrap();
    tx.execute(
        "INSERT INTO change_log (at, actor, assessment_id, entity, entity_id, field, old_value, new_value)
         VALUES ('2026-12-01T10:00:00Z', 'raw', ?1, 'answer', ?2, 'response', 'x', ?3)",
        rusqlite::params![DRAFT, ITEM, level.to_string()],
    )
    .unwrap();
    tx.execute(
        "UPDATE assessments SET updated_at = '2026-12-01T10:00:00Z' WHERE id = ?1",
        [DRAFT],
    )
    .unwrap();
    tx.commit().unwrap();
}

/// The raw upsert as a one-shot program would do it: open a connection with
/// the same journal settings, write, close (which checkpoints, as frontera's
/// close does).
fn raw_upsert_with_open(db: &Path, level: u8) {
    let mut conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    raw_upsert(&mut conn, level);
}

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut(usize)) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|n| {
            let start = Instant::now();
            f(n);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ratio(name: &str, value: Duration, base_name: &str, base: Duration) {
    println!(
        "{name}: {value:?} median; {base_name}: {base:?}; ratio {:.2}×",
        value.as_secs_f64() / base.as_secs_f64()
    );
}

fn answer(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    demo_database(&db);
    cli_answer(&db, 0);
    let mut conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    let mut group = c.benchmark_group("answer");
    group.bench_function("command-line path (open, pack, save, close)", |b| {
        let mut n = 0;
        b.iter(|| {
            n += 1;
            cli_answer(black_box(&db), (n % 5) as u8)
        })
    });
    group.bench_function("raw rusqlite upsert of the same rows", |b| {
        let mut n = 0;
        b.iter(|| {
            n += 1;
            raw_upsert(&mut conn, (n % 5) as u8)
        })
    });
    group.bench_function("raw rusqlite open, upsert, close", |b| {
        let mut n = 0;
        b.iter(|| {
            n += 1;
            raw_upsert_with_open(black_box(&db), (n % 5) as u8)
        })
    });
    group.finish();
    // Interleaved, so all three see the same machine.
    let (mut cli, mut raw, mut raw_open) = (Vec::new(), Vec::new(), Vec::new());
    for n in 0..300 {
        cli.push(median(1, |_| cli_answer(&db, (n % 5) as u8)));
        raw.push(median(1, |_| raw_upsert(&mut conn, (n % 5) as u8)));
        raw_open.push(median(1, |_| raw_upsert_with_open(&db, (n % 5) as u8)));
    }
    for list in [&mut cli, &mut raw, &mut raw_open] {
        list.sort();
    }
    ratio(
        "answer, command-line path",
        cli[150],
        "raw open + upsert + close",
        raw_open[150],
    );
    ratio(
        "answer, command-line path",
        cli[150],
        "raw upsert on an open connection",
        raw[150],
    );
}

fn opening(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("demo.db");
    demo_database(&small);
    let large = dir.path().join("large.db");
    std::fs::copy(&small, &large).unwrap();
    common::grow_to(&large, 100 * 1024 * 1024);
    let sizes = |p: &Path| std::fs::metadata(p).unwrap().len() / 1024 / 1024;
    let mut group = c.benchmark_group("open");
    for (name, path) in [
        ("open the demo database", &small),
        ("open a 100 MB database", &large),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| drop(Store::open_existing(black_box(path), "bench").unwrap()))
        });
    }
    group.finish();
    let open = |p: &Path| median(200, |_| drop(Store::open_existing(p, "bench").unwrap()));
    let (a, b) = (open(&small), open(&large));
    ratio(
        &format!("open, {} MB", sizes(&large)),
        b,
        &format!("open, {} MB (demo)", sizes(&small)),
        a,
    );
}

fn reports(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    demo_database(&db);
    let store = Store::open_existing(&db, "bench").unwrap();
    let follow_up = store.resolve(FOLLOW_UP).unwrap();
    // An empty assessment of the same post, as the baseline.
    let empty = {
        let mut writer = Store::open(&db, "bench").unwrap();
        let (source, pack) = frontera::bundle::current_pack(&writer, None).unwrap();
        writer
            .create_assessment(
                &frontera::store::NewAssessment {
                    post: PostCode::parse("DEMO-PE-DES").unwrap(),
                    kind: frontera::domain::assessment::AssessmentKind::Thematic,
                    evaluators: vec![],
                    id: None,
                    created_at: None,
                    depth: frontera::domain::assessment::Depth::Full,
                },
                &source,
                &pack,
            )
            .unwrap()
    };
    let pdf = |id, detail| {
        let options = report::ReportOptions {
            lang: Lang::Es,
            marking: None,
            date: "2026-11-28",
            detail,
        };
        report::assessment_pdf(&store, id, &options).unwrap()
    };
    let (summary, full) = (
        frontera::report::model::Detail::Summary,
        frontera::report::model::Detail::Full,
    );
    for (name, detail) in [("default", summary), ("full", full)] {
        let bytes = pdf(&follow_up, detail);
        println!("demo follow-up report ({name}): {} bytes", bytes.len());
    }
    let mut group = c.benchmark_group("report");
    group.bench_function("default report of the demo follow-up", |b| {
        b.iter(|| pdf(black_box(&follow_up), summary))
    });
    group.bench_function("full report of the demo follow-up", |b| {
        b.iter(|| pdf(black_box(&follow_up), full))
    });
    group.bench_function("report of an empty assessment", |b| {
        b.iter(|| pdf(black_box(&empty), summary))
    });
    group.finish();
    let none = median(20, |_| drop(pdf(&empty, summary)));
    let default = median(20, |_| drop(pdf(&follow_up, summary)));
    let detailed = median(20, |_| drop(pdf(&follow_up, full)));
    ratio(
        "default report, demo follow-up",
        default,
        "report, empty assessment",
        none,
    );
    ratio(
        "full report, demo follow-up",
        detailed,
        "report, empty assessment",
        none,
    );
}

fn programme(c: &mut Criterion) {
    for posts in [200, 2000] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("programme.db");
        common::scaled_database(&db, posts);
        let store = Store::open_existing(&db, "bench").unwrap();
        let bytes = report::programme_pdf(&store, Lang::Es, None, "2026-11-28").unwrap();
        println!("programme report, {posts} posts × 3: {} bytes", bytes.len());
        let mut group = c.benchmark_group("programme");
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(8));
        group.bench_function(format!("programme report, {posts} posts × 3"), |b| {
            b.iter(|| report::programme_pdf(&store, Lang::Es, None, "2026-11-28").unwrap())
        });
        group.bench_function(format!("post list, {posts} posts"), |b| {
            b.iter(|| {
                let store = Store::open_existing(&db, "bench").unwrap();
                black_box(store.posts().unwrap())
            })
        });
        group.finish();
    }
}

criterion_group!(benches, answer, opening, reports, programme);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
