//! Databases for the benchmarks, at the sizes the issues name: a template of
//! one post with a final, a submitted and a draft assessment (every item
//! answered, equipment audited) made through the store, then copied in bulk by
//! SQL to any number of posts (making thousands of assessments one change at a
//! time would take longer than the benchmarks).

// Each benchmark uses the part it needs.
#![allow(dead_code)]

use std::path::Path;

use frontera::content::{PackSource, load};
use frontera::domain::assessment::{AssessmentKind, Response, Transition};
use frontera::domain::post::{ControlModel, CountryCode, Post, PostCode, PostKind, PostProfile};
use frontera::store::{EquipmentUpdate, NewAssessment, Store};

pub const NOTE: &str = "Observado en dos módulos durante la hora pico; los agentes siguieron \
                        el instructivo escrito, pero no se mostraron los registros de muestreo.";

pub fn post(code: &str) -> Post {
    Post {
        code: PostCode::parse(code).unwrap(),
        name: format!("Paso fronterizo {code} (Tulcán – Ipiales)"),
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
        agencies: vec!["Migraciones".into(), "SUNAT".into()],
    }
}

/// The template post `T-0000` with a final, a submitted and a draft
/// assessment, every applicable item answered with a note.
fn template(store: &mut Store) {
    let source = PackSource::embedded();
    let pack = load(&source).pack.expect("the shipped pack loads");
    let p = post("T-0000");
    store.add_post(&p).unwrap();
    for (k, moves) in [vec![Transition::Finalise], vec![Transition::Submit], vec![]]
        .into_iter()
        .enumerate()
    {
        let new = NewAssessment {
            post: p.code.clone(),
            kind: if k == 0 {
                AssessmentKind::Baseline
            } else {
                AssessmentKind::FollowUp
            },
            evaluators: vec!["Lucía Mamani".into()],
            id: None,
            created_at: Some(format!("202{}-03-0{}T10:00:00Z", 4 + k, 1 + k)),
            depth: frontera::domain::assessment::Depth::Full,
        };
        let id = store.create_assessment(&new, &source, &pack).unwrap();
        for (i, item) in pack.applicable_items(&p).enumerate() {
            let level = Response::Level(((i + k) % 5) as u8);
            store.set_answer(&id, &item.id, &level, Some(NOTE)).unwrap();
        }
        for (i, kind) in pack
            .catalogue
            .types
            .iter()
            .filter(|t| t.applicability.applies_to(&p))
            .take(30)
            .enumerate()
        {
            let present = 2 + (i % 3) as u32;
            let update = EquipmentUpdate {
                present: Some(Some(present)),
                functional: Some(Some(present - 1)),
                in_use: Some(Some(1)),
                trained: Some(Some(3)),
                maintained: Some(Some(present - 1)),
                ..EquipmentUpdate::default()
            };
            store.update_equipment(&id, &kind.id, &update).unwrap();
        }
        for t in moves {
            store.transition(&id, &t).unwrap();
        }
    }
}

/// A database at `path` with `posts` posts of three assessments each.
pub fn scaled_database(path: &Path, posts: usize) {
    {
        let mut store = Store::open(path, "bench").unwrap();
        template(&mut store);
    }
    let mut conn = rusqlite::Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    for n in 1..posts {
        let code = format!("P-{n:04}");
        let rest = other_columns(&tx, "posts", &["code", "name"]);
        tx.execute(
            &format!(
                "INSERT INTO posts (code, name, {cols})
                 SELECT ?1, 'Paso fronterizo ' || ?1, {cols} FROM posts WHERE code = 'T-0000'",
                cols = rest.join(", ")
            ),
            [&code],
        )
        .unwrap();
        // Each copy gets ids of its own: the template's with the post number.
        let suffix = format!("{n:04}");
        // Every other column as the template has it, whatever the schema adds.
        let rest = other_columns(&tx, "assessments", &["id", "post_code"]);
        tx.execute(
            &format!(
                "INSERT INTO assessments (id, post_code, {cols})
                 SELECT substr(id, 1, 8) || ?2, ?1, {cols}
                 FROM assessments WHERE post_code = 'T-0000'",
                cols = rest.join(", ")
            ),
            [&code, &suffix],
        )
        .unwrap();
        for table in ["answers", "equipment"] {
            let rest = other_columns(&tx, table, &["assessment_id"]);
            let from: Vec<String> = rest.iter().map(|c| format!("t.{c}")).collect();
            tx.execute(
                &format!(
                    "INSERT INTO {table} (assessment_id, {cols})
                     SELECT substr(t.assessment_id, 1, 8) || ?1, {from} FROM {table} t
                     JOIN assessments a ON a.id = t.assessment_id AND a.post_code = 'T-0000'",
                    cols = rest.join(", "),
                    from = from.join(", ")
                ),
                [&suffix],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
}

/// The columns of `table` but `except`.
fn other_columns(conn: &rusqlite::Connection, table: &str, except: &[&str]) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|c| !except.contains(&c.as_str()))
        .collect()
}

/// Grows the database at `path` past `bytes` by copying its change log.
pub fn grow_to(path: &Path, bytes: u64) {
    let conn = rusqlite::Connection::open(path).unwrap();
    while std::fs::metadata(path).unwrap().len() < bytes {
        conn.execute_batch(
            "INSERT INTO change_log (at, actor, assessment_id, entity, entity_id, field, old_value, new_value)
             SELECT at, actor, assessment_id, entity, entity_id, field, old_value, new_value
             FROM change_log LIMIT 50000;
             PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .unwrap();
    }
}
