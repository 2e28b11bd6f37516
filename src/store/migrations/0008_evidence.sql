-- frontera schema, version 8: evidence files. Append-only: never edit once released; add a new file.

-- The content of every evidence file, once per SHA-256: the same photo
-- attached to three items, or by two evaluators, is stored once. Kept inside
-- the database so the file a team backs up or hands over holds everything,
-- and a file is added in the same transaction as its record.
CREATE TABLE evidence_files (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    data       BLOB NOT NULL,
    stored_at  TEXT NOT NULL
);

-- One file attached to an assessment, an item or an equipment type. A removed
-- file keeps its row (who, when, why) so the record stays honest; its content
-- stays too, since a change log that names it must still be checkable.
CREATE TABLE evidence (
    id             TEXT PRIMARY KEY,
    assessment_id  TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    target_kind    TEXT NOT NULL CHECK (target_kind IN ('assessment', 'item', 'equipment')),
    target_id      TEXT,
    sha256         TEXT NOT NULL REFERENCES evidence_files(sha256),
    file_name      TEXT NOT NULL,
    caption        TEXT NOT NULL DEFAULT '',
    exif_time      TEXT,
    exif_lat       REAL,
    exif_lon       REAL,
    added_at       TEXT NOT NULL,
    added_by       TEXT NOT NULL,
    removed_at     TEXT,
    removed_by     TEXT,
    removed_reason TEXT,
    CHECK ((target_kind = 'assessment') = (target_id IS NULL)),
    CHECK ((removed_at IS NULL) = (removed_reason IS NULL))
);

CREATE INDEX evidence_by_assessment ON evidence (assessment_id, target_kind, target_id);
CREATE INDEX evidence_by_file ON evidence (sha256);
