-- frontera schema, version 7. Append-only: never edit once released; add a new file.

-- A follow-up prefilled from the post's previous final assessment: that
-- assessment's id (NULL when the evaluator started from nothing).
ALTER TABLE assessments ADD COLUMN carried_from TEXT;

-- Answers carried over from that assessment and not yet confirmed. They are
-- proposals, not answers: scores and completeness do not see them until the
-- evaluator confirms one (it then moves to `answers`) or answers the item
-- some other way (it is then dropped).
CREATE TABLE carried_answers (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    item_id       TEXT NOT NULL,
    level         INTEGER CHECK (level BETWEEN 0 AND 4),
    na_reason     TEXT,
    note          TEXT NOT NULL DEFAULT '',
    note_lang     TEXT,
    carried_at    TEXT NOT NULL,
    carried_by    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_id),
    CHECK (level IS NULL OR na_reason IS NULL),
    CHECK (level IS NOT NULL OR na_reason IS NOT NULL OR note <> '')
);

-- An answer confirmed unchanged from the carried-over one: the assessment it
-- came from (NULL for an answer given here, or changed since).
ALTER TABLE answers ADD COLUMN confirmed_from TEXT;
