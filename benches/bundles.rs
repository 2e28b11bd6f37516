//! Bundles (issue 14): export, verify and import of the demo's six
//! assessments, without and with 20 photos of 2 MB (random bytes in the
//! evidence tables of schema 9, made here as the evidence branch defines
//! them), each beside a plain copy of the database file in the same run.
//!
//! Run with `cargo bench --bench bundles`; a plain timed binary (median of
//! three runs), since one export is already hundreds of milliseconds.

use std::path::Path;
use std::time::{Duration, Instant};

use frontera::content::PackSource;
use frontera::device::DeviceKey;
use frontera::domain::assessment::AssessmentId;
use frontera::store::Store;
use sha2::{Digest, Sha256};

const PHOTOS: usize = 20;
const PHOTO_BYTES: usize = 2 * 1024 * 1024;

const EVIDENCE_TABLES: &str = "
    CREATE TABLE IF NOT EXISTS evidence_files (sha256 TEXT PRIMARY KEY, size INTEGER,
        media_type TEXT, data BLOB, stored_at TEXT);
    CREATE TABLE IF NOT EXISTS evidence (id TEXT PRIMARY KEY, assessment_id TEXT, target_kind TEXT,
        target_id TEXT, sha256 TEXT REFERENCES evidence_files, file_name TEXT, caption TEXT,
        exif_time TEXT, exif_lat REAL, exif_lon REAL, added_at TEXT, added_by TEXT,
        removed_at TEXT, removed_by TEXT, removed_reason TEXT);";

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

fn demo(path: &Path) -> Vec<AssessmentId> {
    let mut store = Store::open(path, "bench").unwrap();
    let source = PackSource::embedded();
    let (_, pack) = frontera::bundle::current_pack(&store, None).unwrap();
    frontera::demo::load_demo(&mut store, &source, &pack).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT id FROM assessments ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|id| AssessmentId::new(id.unwrap()))
        .collect()
}

/// 20 photos of random bytes, spread over the assessments.
fn add_photos(path: &Path, ids: &[AssessmentId]) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(EVIDENCE_TABLES).unwrap();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for n in 0..PHOTOS {
        let mut data = vec![0u8; PHOTO_BYTES];
        for chunk in data.chunks_mut(8) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            chunk.copy_from_slice(&state.to_le_bytes()[..chunk.len()]);
        }
        let sha = hex::encode(Sha256::digest(&data));
        conn.execute(
            "INSERT INTO evidence_files VALUES (?1, ?2, 'image/jpeg', ?3, '2026-01-01T00:00:00Z')",
            rusqlite::params![sha, PHOTO_BYTES as i64, data],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO evidence (id, assessment_id, target_kind, target_id, sha256, file_name, added_at, added_by)
             VALUES (?1, ?2, 'item', 'p1.strategy.national-ibm-strategy', ?3, ?4, '2026-01-01T00:00:00Z', 'bench')",
            rusqlite::params![format!("{n:012x}"), ids[n % ids.len()].as_str(), sha, format!("photo-{n}.jpg")],
        )
        .unwrap();
    }
}

fn run(label: &str, with_photos: bool) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("field.db");
    let ids = demo(&db);
    if with_photos {
        add_photos(&db, &ids);
    }
    let key = DeviceKey::init(&dir.path().join("config")).unwrap();
    let bundle = dir.path().join("all.frontera");
    let copy = median(|| {
        std::fs::copy(&db, dir.path().join("copy.db")).unwrap();
    });
    let export = median(|| {
        let mut store = Store::open(&db, "bench").unwrap();
        store.export_bundle(&ids, &key, &bundle).unwrap();
    });
    let verify = median(|| {
        frontera::store::bundle::verify_file(&bundle).unwrap();
    });
    let mut n = 0;
    let import = median(|| {
        n += 1;
        let target = dir.path().join(format!("hq-{n}.db"));
        let mut store = Store::open(&target, "hq").unwrap();
        if with_photos {
            rusqlite::Connection::open(&target)
                .unwrap()
                .execute_batch(EVIDENCE_TABLES)
                .unwrap();
        }
        let done = store.import_bundle(&bundle, true).unwrap();
        assert_eq!(done.new_assessments, ids.len());
    });
    let again = median(|| {
        let mut store = Store::open(&dir.path().join("hq-1.db"), "hq").unwrap();
        assert!(store.import_bundle(&bundle, true).unwrap().is_noop());
    });
    let size = |p: &Path| std::fs::metadata(p).unwrap().len() as f64 / 1e6;
    println!(
        "{label}: database {:.1} MB, bundle {:.1} MB",
        size(&db),
        size(&bundle)
    );
    println!(
        "  file copy (baseline)  {:>8.1} ms",
        copy.as_secs_f64() * 1e3
    );
    for (what, t) in [
        ("export", export),
        ("verify", verify),
        ("import (new)", import),
        ("re-import (no-op)", again),
    ] {
        println!(
            "  {what:<21} {:>8.1} ms  ({:.1}× the copy)",
            t.as_secs_f64() * 1e3,
            t.as_secs_f64() / copy.as_secs_f64()
        );
    }
}

fn main() {
    run("demo, six assessments, no photos", false);
    run("demo, six assessments, 20 photos of 2 MB", true);
}
