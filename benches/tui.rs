//! Benchmarks of the interface: drawing the busiest screens with the full
//! pack into a test backend (aim: under 2 ms), and start to first frame on a
//! database of 200 posts with 3 assessments each (aim: under 150 ms).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use frontera::content::{PackSource, load};
use frontera::domain::assessment::{AssessmentKind, Response};
use frontera::domain::lang::Lang;
use frontera::domain::post::{ControlModel, CountryCode, Post, PostCode, PostKind, PostProfile};
use frontera::store::{EquipmentUpdate, NewAssessment, Store};
use frontera::tui::{self, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn options(db: &Path, open: Option<&str>) -> Options {
    Options {
        db_path: db.to_path_buf(),
        content_dir: None,
        lang: Lang::Es,
        actor: "bench".into(),
        open: open.map(str::to_string),
    }
}

/// 200 posts, each with a final, a submitted and a draft assessment; the
/// first post's are fully answered with equipment rows.
fn big_database(path: &Path) {
    let source = PackSource::embedded();
    let pack = load(&source).pack.expect("the shipped pack loads");
    let mut store = Store::open(path, "bench").unwrap();
    for n in 0..200 {
        let post = Post {
            code: PostCode::parse(&format!("XX-{n:03}")).unwrap(),
            name: format!("Paso fronterizo número {n}"),
            country: CountryCode::parse("PE").unwrap(),
            neighbour: CountryCode::parse("BO").unwrap(),
            kind: PostKind::Land,
            cargo: true,
            model: ControlModel::Juxtaposed,
            profile: PostProfile {
                lanes: 4,
                cargo_lanes: 2,
                booths: 6,
                shifts: 3,
            },
            agencies: vec!["Migraciones".into()],
        };
        store.add_post(&post).unwrap();
        for k in 0..3 {
            let new = NewAssessment {
                post: post.code.clone(),
                kind: AssessmentKind::Baseline,
                evaluators: vec!["bench".into()],
                id: None,
                created_at: Some(format!("202{}-01-0{}T10:00:00Z", 4 + k, 1 + k)),
            };
            let id = store.create_assessment(&new, &source, &pack).unwrap();
            if n == 0 {
                for (i, item) in pack.applicable_items(&post).enumerate() {
                    let level = Response::Level((i % 5) as u8);
                    store
                        .set_answer(&id, &item.id, &level, Some("Observado en el sitio."))
                        .unwrap();
                }
                for kind in &pack.catalogue.types {
                    let update = EquipmentUpdate {
                        present: Some(Some(3)),
                        functional: Some(Some(2)),
                        in_use: Some(Some(1)),
                        ..EquipmentUpdate::default()
                    };
                    store.update_equipment(&id, &kind.id, &update).unwrap();
                }
            }
        }
    }
}

fn draw(state: &frontera::tui::state::AppState, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| tui::views::draw(frame, black_box(state)))
        .unwrap();
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    big_database(&db);
    let first = {
        let store = Store::open(&db, "bench").unwrap();
        let post = PostCode::parse("XX-000").unwrap();
        store.assessments(Some(&post)).unwrap()[0].id.to_string()
    };

    c.bench_function("start to first frame, 200 posts × 3 assessments", |b| {
        b.iter(|| {
            let (state, _runner) = tui::start(&options(&db, None)).unwrap();
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            draw(&state, &mut terminal);
        })
    });

    let (mut state, _runner) = tui::start(&options(&db, Some(&first))).unwrap();
    let tabs = state.workspace.as_ref().unwrap().tab_count();
    for (name, tab, size) in [
        ("draw checklist tab 80x24", 1, (80, 24)),
        ("draw checklist tab 200x50", 1, (200, 50)),
        ("draw equipment tab 80x24", tabs - 2, (80, 24)),
        ("draw equipment tab 200x50", tabs - 2, (200, 50)),
        ("draw summary tab 200x50", tabs - 1, (200, 50)),
    ] {
        state.workspace.as_mut().unwrap().tab = tab;
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        c.bench_function(name, |b| b.iter(|| draw(&state, &mut terminal)));
    }
}

criterion_group!(tui_benches, benches);
criterion_main!(tui_benches);
