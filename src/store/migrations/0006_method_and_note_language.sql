-- frontera schema, version 6. Append-only: never edit once released; add a new file.

-- How the assessment was carried out, for the report's method section: the
-- days of the visit (YYYY-MM-DD), who was interviewed, which sites were
-- seen, and the post's traffic as recorded (free text).
ALTER TABLE assessments ADD COLUMN visit_from TEXT;
ALTER TABLE assessments ADD COLUMN visit_to TEXT;
ALTER TABLE assessments ADD COLUMN interviewed TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN sites_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN traffic TEXT NOT NULL DEFAULT '';

-- The language a note was written in ('en', 'es', 'pt'), so the report can
-- say so when it differs from the report's; NULL for notes written before.
ALTER TABLE answers ADD COLUMN note_lang TEXT;
ALTER TABLE equipment ADD COLUMN note_lang TEXT;
