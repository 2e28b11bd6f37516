-- frontera schema, version 9: submissions imported from KoboToolbox or ODK.
-- Append-only: never edit once released; add a new file.

-- One row per submission recorded in an assessment: importing the same
-- submission again finds its uuid here and changes nothing. Keyed by
-- assessment too: one export may feed a draft and, later, its follow-up.
CREATE TABLE submissions (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    uuid          TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('kobo', 'odk')),
    form_version  TEXT NOT NULL,
    submitted_at  TEXT NOT NULL,
    submitted_by  TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    imported_by   TEXT NOT NULL,
    PRIMARY KEY (assessment_id, uuid)
);
