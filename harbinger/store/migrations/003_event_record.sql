-- The typed event record (harbinger/events/rows.py): whether an event is news at its story's date,
-- who its participants resolved to, and where it happened and how that was found.
ALTER TABLE events ADD COLUMN timing VARCHAR DEFAULT 'current';   -- current, historical (long before the story) or future
ALTER TABLE events ADD COLUMN source_name VARCHAR;                -- resolved name ("Antony Blinken" for "he")
ALTER TABLE events ADD COLUMN source_sector VARCHAR;              -- CAMEO sector: GOV, MIL, …
ALTER TABLE events ADD COLUMN source_wikidata VARCHAR;            -- Wikidata item of a person named by the office-holder table
ALTER TABLE events ADD COLUMN target_name VARCHAR;
ALTER TABLE events ADD COLUMN target_sector VARCHAR;
ALTER TABLE events ADD COLUMN target_wikidata VARCHAR;
ALTER TABLE events ADD COLUMN place_name VARCHAR;                 -- the gazetteer's name ("Kyiv" for "Kiev")
ALTER TABLE events ADD COLUMN place_admin1 VARCHAR;               -- ISO 3166-2 code of its first-level region
ALTER TABLE events ADD COLUMN place_kind VARCHAR;                 -- city, admin, country, facility, region
ALTER TABLE events ADD COLUMN place_geonameid INTEGER;
ALTER TABLE events ADD COLUMN place_feature_code VARCHAR;         -- GeoNames feature code: PCLI, ADM1, PPLC, PPL …
ALTER TABLE events ADD COLUMN place_adm1_code VARCHAR;            -- GDELT-style ADM1 code: FIPS 10-4 country + GeoNames admin1
ALTER TABLE events ADD COLUMN place_start INTEGER;                -- offsets of the place's words in the article
ALTER TABLE events ADD COLUMN place_end INTEGER;
ALTER TABLE events ADD COLUMN place_from VARCHAR;                 -- venue (parse), sentence (nearest) or story (most named)
