//! Benchmarks of the interface: drawing the busiest screens with the full
//! pack into a test backend (aim: under 2 ms), and start to first frame on a
//! database of 200 and of 2,000 posts with 3 assessments each (aim: under
//! 150 ms).

#[path = "common/mod.rs"]
mod common;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use frontera::domain::lang::Lang;
use frontera::domain::post::PostCode;
use frontera::store::Store;
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

fn draw(state: &frontera::tui::state::AppState, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| {
            tui::views::draw(frame, black_box(state));
        })
        .unwrap();
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut db = dir.path().join("bench.db");
    for posts in [200, 2000] {
        db = dir.path().join(format!("bench-{posts}.db"));
        common::scaled_database(&db, posts);
        c.bench_function(
            &format!("start to first frame, {posts} posts × 3 assessments"),
            |b| {
                b.iter(|| {
                    let (state, _runner) = tui::start(&options(&db, None)).unwrap();
                    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
                    draw(&state, &mut terminal);
                })
            },
        );
    }
    let first = {
        let store = Store::open(&db, "bench").unwrap();
        let post = PostCode::parse("T-0000").unwrap();
        store.assessments(Some(&post)).unwrap()[0].id.to_string()
    };

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
