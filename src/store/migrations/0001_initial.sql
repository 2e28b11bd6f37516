-- frontera schema, version 1. Append-only: never edit once released; add a new file.

CREATE TABLE posts (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    country     TEXT NOT NULL,
    neighbour   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('land', 'air', 'sea', 'river')),
    cargo       INTEGER NOT NULL CHECK (cargo IN (0, 1)),
    model       TEXT NOT NULL,
    lanes       INTEGER NOT NULL CHECK (lanes >= 0),
    cargo_lanes INTEGER NOT NULL CHECK (cargo_lanes >= 0),
    booths      INTEGER NOT NULL CHECK (booths >= 0),
    shifts      INTEGER NOT NULL CHECK (shifts >= 1),
    agencies    TEXT NOT NULL DEFAULT '[]',   -- JSON array of names
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);

-- Every content pack an assessment was made with, kept whole so an old
-- assessment scores and reports the same after the shipped pack changes.
CREATE TABLE content_packs (
    hash       TEXT PRIMARY KEY,
    pack_id    TEXT NOT NULL,
    version    TEXT NOT NULL,
    files      TEXT NOT NULL,                 -- JSON object: relative path -> text
    stored_at  TEXT NOT NULL
);

CREATE TABLE assessments (
    id            TEXT PRIMARY KEY,
    post_code     TEXT NOT NULL REFERENCES posts (code) ON DELETE RESTRICT,
    kind          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'final')),
    evaluators    TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    target_level  INTEGER NOT NULL DEFAULT 3 CHECK (target_level BETWEEN 0 AND 4),
    pack_hash     TEXT NOT NULL REFERENCES content_packs (hash),
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    submitted_at  TEXT,
    finalised_at  TEXT
);
CREATE INDEX assessments_by_post ON assessments (post_code, created_at);

CREATE TABLE answers (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    item_id       TEXT NOT NULL,
    level         INTEGER CHECK (level BETWEEN 0 AND 4),
    na_reason     TEXT,
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_id),
    CHECK (level IS NULL OR na_reason IS NULL),
    CHECK (na_reason IS NULL OR length(trim(na_reason)) > 0)
);

CREATE TABLE equipment (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    type_id       TEXT NOT NULL,
    required      INTEGER CHECK (required >= 0),
    present       INTEGER CHECK (present >= 0),
    functional    INTEGER CHECK (functional >= 0),
    in_use        INTEGER CHECK (in_use >= 0),
    trained       INTEGER CHECK (trained >= 0),
    needed        INTEGER CHECK (needed >= 0),
    maintained    INTEGER CHECK (maintained >= 0),
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, type_id)
);

-- Kept when an assessment is deleted, so the trail outlives the draft.
CREATE TABLE change_log (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    assessment_id TEXT,
    entity        TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    field         TEXT NOT NULL,
    old_value     TEXT,
    new_value     TEXT
);
CREATE INDEX change_log_by_assessment ON change_log (assessment_id, seq);
