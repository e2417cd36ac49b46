-- The PARC class of each quote's cue (harbinger/quotes/rows.py): speech, belief, intention, demand, judgement or
-- evidence. Quotes stored before this migration were found by speech cues only, so they get 'speech'.
ALTER TABLE quotes ADD COLUMN cue_class VARCHAR;
UPDATE quotes SET cue_class = 'speech';
