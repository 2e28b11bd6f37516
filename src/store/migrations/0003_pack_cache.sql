-- frontera schema, version 3. Append-only: never edit once released; add a new file.

-- Each pinned pack, parsed and validated once, as compact bytes (see
-- content/cache.rs). The TOML in content_packs stays the source of truth: a
-- row here may be missing or of an older format, and is then rebuilt from it.
-- `structure` is the same pack without its long texts (questions,
-- descriptors, procedures): what a command that only checks ids and scores
-- needs, at a twentieth of the size.
CREATE TABLE pack_cache (
    hash      TEXT PRIMARY KEY,
    format    INTEGER NOT NULL,
    data      BLOB NOT NULL,
    structure BLOB NOT NULL
);
