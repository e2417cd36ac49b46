-- A run's status tells the truth: 'running' while it goes, then 'done', 'failed' (with the exception's
-- text in `error`), 'interrupted' (Ctrl-C) or 'killed' (set by the next run on the store when the
-- process died without finishing). `events` counts the events the run coded.
ALTER TABLE runs ADD COLUMN error VARCHAR;
ALTER TABLE runs ADD COLUMN events INTEGER;
