//! The evidence manifest as JSON: one object per file, removed ones included
//! (shared by `frontera evidence list --json` and the export document).

use serde_json::{Value, json};

use crate::domain::evidence::Evidence;

pub fn file(e: &Evidence) -> Value {
    json!({
        "id": e.id,
        "target": { "kind": e.target.kind(), "id": e.target.id() },
        "file_name": e.file_name,
        "caption": e.caption,
        "sha256": e.sha256,
        "size": e.size,
        "media_type": e.media_type,
        "taken_at": e.photo.time,
        "latitude": e.photo.lat,
        "longitude": e.photo.lon,
        "added_at": e.added_at,
        "added_by": e.added_by,
        "removed": e.removed.as_ref().map(|r| json!({
            "at": r.at,
            "by": r.by,
            "reason": r.reason,
        })),
    })
}

pub fn manifest(files: &[Evidence]) -> Value {
    Value::Array(files.iter().map(file).collect())
}
