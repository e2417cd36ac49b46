-- Coded events, one row per event, with the evidence and how each part was resolved.
CREATE TABLE events (
    id               VARCHAR PRIMARY KEY,   -- hash of article id + evidence offsets
    article_id       VARCHAR NOT NULL,
    canonical_id     VARCHAR NOT NULL,      -- the article's near-duplicate group
    event_date       DATE,                  -- first day of the event's time value (NULL if unknown)
    date_value       VARCHAR,               -- TIMEX3-style value: 2022-01-10, 2022-W02, 2021-12, a/b interval
    date_precision   VARCHAR,               -- day, week, month, year, interval, dct, unknown
    date_from        VARCHAR,               -- 'timex' (a time expression governs the trigger) or 'dct'
    source_code      VARCHAR,
    source_country   VARCHAR,
    source_text      VARCHAR,
    source_start     INTEGER,
    source_end       INTEGER,
    target_code      VARCHAR,
    target_country   VARCHAR,
    target_text      VARCHAR,
    target_start     INTEGER,
    target_end       INTEGER,
    plover_type      VARCHAR NOT NULL,      -- AGREE … ASSAULT
    cameo_code       VARCHAR,
    cameo_root       VARCHAR,
    goldstein        DOUBLE,
    quad_class       INTEGER,               -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    mode             VARCHAR NOT NULL,      -- asserted, reported, planned, conditional, hypothetical, denied, negated
    mode_cue         VARCHAR,
    sentence_start   INTEGER NOT NULL,
    sentence_end     INTEGER NOT NULL,
    trigger_start    INTEGER,
    trigger_end      INTEGER,
    trigger_text     VARCHAR,
    place_text       VARCHAR,
    place_country    VARCHAR,
    place_lat        DOUBLE,
    place_lon        DOUBLE,
    confidence       DOUBLE,
    rule             VARCHAR
);

CREATE INDEX events_dyad ON events (source_country, target_country, event_date);
CREATE INDEX events_article ON events (article_id);

-- One story on many wires is one event: its mentions are the articles of its near-duplicate
-- group plus the exact copies seen, and its sources are their URLs.
CREATE VIEW event_mentions AS
SELECT e.id AS event_id,
       (SELECT count(*) FROM articles a WHERE a.canonical_id = e.canonical_id)
     + (SELECT count(*) FROM duplicates d WHERE d.canonical_id = e.canonical_id AND d.kind = 'exact') AS mentions,
       (SELECT list(DISTINCT a.url ORDER BY a.url) FILTER (WHERE a.url IS NOT NULL)
          FROM articles a WHERE a.canonical_id = e.canonical_id) AS source_urls
FROM events e;
