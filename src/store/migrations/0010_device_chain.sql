-- frontera schema, version 10 (issue 14): every change-log row belongs to one device's hash chain,
-- so logs from several laptops can be merged and tampering found. `seq` stays
-- the local order; (device_id, device_seq) is a row's identity everywhere.
-- Rows written before this version are chained in Rust right after this file
-- runs (SQLite has no SHA-256), under the database's own id as device.
ALTER TABLE change_log ADD COLUMN device_id TEXT;
ALTER TABLE change_log ADD COLUMN device_seq INTEGER;
ALTER TABLE change_log ADD COLUMN prev_hash TEXT;
ALTER TABLE change_log ADD COLUMN row_hash TEXT;
CREATE UNIQUE INDEX change_log_by_device ON change_log (device_id, device_seq);

-- Links of other devices' chains whose content this database never received
-- (rows about assessments a bundle did not carry): enough to check the chain.
CREATE TABLE chain_stubs (
    device_id  TEXT NOT NULL,
    device_seq INTEGER NOT NULL CHECK (device_seq >= 1),
    prev_hash  TEXT NOT NULL,
    row_hash   TEXT NOT NULL,
    PRIMARY KEY (device_id, device_seq)
);

-- How far this database's chains have been handed out in bundles: a note edit
-- may be folded into the chain head only while nobody else has seen it.
CREATE TABLE device_exports (
    device_id   TEXT PRIMARY KEY,
    through_seq INTEGER NOT NULL
);

-- Signers whose bundles are accepted (`bundle import --trust` adds one).
CREATE TABLE trusted_signers (
    device_id  TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    trusted_at TEXT NOT NULL,
    trusted_by TEXT NOT NULL
);

-- A field changed on both sides since their common history: both values, who,
-- when, on which device. `uid` is the same on every database that meets the
-- same pair of changes, so a conflict travels in bundles without doubling.
CREATE TABLE conflicts (
    number        INTEGER PRIMARY KEY AUTOINCREMENT,
    uid           TEXT NOT NULL UNIQUE,
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    entity        TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    field         TEXT NOT NULL,
    mine          TEXT,
    mine_by       TEXT NOT NULL,
    mine_at       TEXT NOT NULL,
    mine_device   TEXT NOT NULL,
    theirs        TEXT,
    theirs_by     TEXT NOT NULL,
    theirs_at     TEXT NOT NULL,
    theirs_device TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    resolved_at   TEXT,
    resolved_by   TEXT,
    resolution    TEXT,
    reason        TEXT
);
CREATE INDEX conflicts_by_assessment ON conflicts (assessment_id, resolved_at);
