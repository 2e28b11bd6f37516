-- frontera schema, version 7. Append-only: never edit once released; add a new file.

-- A follow-up prefilled from the post's previous final assessment: that
-- assessment's id (NULL when the evaluator started from nothing).
ALTER TABLE assessments ADD COLUMN carried_from TEXT;

-- Where a carried-over answer stands: 'pending' until the evaluator confirms
-- it ('confirmed', unchanged) or gives another answer (NULL again, like any
-- answer given here). A pending answer counts as open for completeness.
ALTER TABLE answers ADD COLUMN carry_state TEXT
    CHECK (carry_state IS NULL OR carry_state IN ('pending', 'confirmed'));
