-- frontera schema, version 2. Append-only: never edit once released; add a new file.

-- The file's identity and a counter every write transaction bumps. Because each
-- commit rewrites this one-row table, every write-ahead log frontera leaves
-- behind carries the id, so opening can tell a -wal file that belongs to
-- another database from this one's (see store/open.rs).
CREATE TABLE meta (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    database_id TEXT NOT NULL,
    writes      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO meta (singleton, database_id, writes)
VALUES (1, 'frontera-db:' || lower(hex(randomblob(16))), 0);
