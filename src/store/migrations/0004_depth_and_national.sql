-- frontera schema, version 4. Append-only: never edit once released; add a new file.

-- How much of the checklist an assessment asks: 'core' (the core subset, for
-- one-day visits) or 'full'. Assessments made before this are full.
ALTER TABLE assessments ADD COLUMN depth TEXT NOT NULL DEFAULT 'full'
    CHECK (depth IN ('core', 'full'));

-- A national item's answer copied from another assessment of the same
-- country: that assessment's id (NULL for an answer given here).
ALTER TABLE answers ADD COLUMN copied_from TEXT;
