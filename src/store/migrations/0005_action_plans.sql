-- frontera schema, version 5. Append-only: never edit once released; add a new file.

-- The target level of each pillar, as a JSON array of four levels (pillars 1-4).
-- NULL: every pillar has the assessment's single target_level (as before this).
ALTER TABLE assessments ADD COLUMN pillar_targets TEXT;

-- The last action number given in the assessment's plan: numbers are never
-- reused, even after a proposal nobody took up is withdrawn.
ALTER TABLE assessments ADD COLUMN last_action_number INTEGER NOT NULL DEFAULT 0;

-- The action plan: what is to be done about the findings, by whom and when.
-- An action proposed from the scores carries the key of what proposed it
-- ('item:ID' or 'equipment:TYPE'), so proposing again finds it instead of adding
-- a second one; `edited` turns 1 once a person changes it, and the proposer
-- leaves it alone from then on.
CREATE TABLE actions (
    id                TEXT PRIMARY KEY,
    assessment_id     TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    number            INTEGER NOT NULL CHECK (number >= 1),
    proposal_key      TEXT,
    title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body              TEXT NOT NULL DEFAULT '',
    priority          TEXT NOT NULL CHECK (priority IN ('critical', 'high', 'medium', 'low')),
    proposed_priority TEXT CHECK (proposed_priority IN ('critical', 'high', 'medium', 'low')),
    agency            TEXT NOT NULL DEFAULT '',
    due               TEXT,                    -- YYYY-MM-DD
    cost              INTEGER CHECK (cost >= 0), -- whole units of `currency`
    currency          TEXT,                    -- ISO 4217, e.g. EUR, USD, PEN
    status            TEXT NOT NULL DEFAULT 'proposed'
                      CHECK (status IN ('proposed', 'agreed', 'in-progress', 'done', 'dropped')),
    status_reason     TEXT,
    edited            INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL,
    UNIQUE (assessment_id, number),
    UNIQUE (assessment_id, proposal_key),
    CHECK ((cost IS NULL) = (currency IS NULL))
);

-- What an action answers: checklist items and equipment types (one or more).
CREATE TABLE action_cites (
    action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('item', 'equipment')),
    target    TEXT NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (action_id, kind, target)
);

-- At a later assessment of the post, how each action of the previous final
-- assessment's plan turned out. Kept with the later assessment; the earlier
-- action is named by id, with no foreign key, so the result outlives it.
CREATE TABLE action_followups (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    action_id     TEXT NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('done', 'partly', 'not-done', 'not-relevant')),
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, action_id)
);

-- The reviewer's pass between submitted and final: an item or equipment type
-- flagged "needs review" with a comment, open until the evaluator answers it
-- (a reply, or a change to the answer) or the reviewer withdraws it.
CREATE TABLE review_flags (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('item', 'equipment')),
    target        TEXT NOT NULL,
    comment       TEXT NOT NULL CHECK (length(trim(comment)) > 0),
    raised_by     TEXT NOT NULL,
    raised_at     TEXT NOT NULL,
    resolution    TEXT,
    resolved_by   TEXT,
    resolved_at   TEXT,
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
);
CREATE INDEX review_flags_by_assessment ON review_flags (assessment_id, target);
