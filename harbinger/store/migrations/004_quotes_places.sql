-- The quotes and place stages' tables (harbinger/quotes/rows.py, harbinger/place/rows.py): one typed row
-- per quote and per place found, so nothing downstream reads their JSON. Stores written before this
-- migration get both filled once from the stages' JSON in `annotations`.
CREATE TABLE quotes (
    id                  VARCHAR PRIMARY KEY,   -- hash of article id + content offsets
    article_id          VARCHAR NOT NULL,
    canonical_id        VARCHAR NOT NULL,      -- the article's near-duplicate group
    kind                VARCHAR NOT NULL,      -- direct (quotation marks), indirect (reported clause), mixed
    content_start       INTEGER NOT NULL,      -- the words reported, first to last (a split quote's frame lies inside)
    content_end         INTEGER NOT NULL,
    content_text        VARCHAR,
    segments            STRUCT("start" INTEGER, "end" INTEGER, "text" VARCHAR)[],  -- the quoted pieces themselves
    cue_start           INTEGER,               -- the reporting verb or phrase; NULL when a quote continues the previous one
    cue_end             INTEGER,
    cue_text            VARCHAR,
    act                 VARCHAR,               -- assert, deny, report, threat, directive, commissive
    speaker_start       INTEGER,               -- the speaker's mention ("he")
    speaker_end         INTEGER,
    speaker_text        VARCHAR,
    speaker_name        VARCHAR,               -- who it resolved to ("Antony Blinken")
    speaker_code        VARCHAR,               -- CAMEO actor code
    speaker_resolved_by VARCHAR[],             -- the steps that decided it
    venue_start         INTEGER,               -- "in an interview with CNN"
    venue_end           INTEGER,
    venue_text          VARCHAR,
    date                VARCHAR,               -- TIMEX3-style value of when it was said: 2022-01-09, 2022-W02
    date_from           VARCHAR,               -- 'time' (a time expression governs the cue) or 'dct'
    found_by            VARCHAR,               -- the finder's pattern: frame, clause, colon, source-phrase, continuation …
    confidence          DOUBLE,
    claim_id            VARCHAR,               -- the claim the quote states, if it states one
    claim_stance        VARCHAR,               -- asserts or disputes
    claim_relates_to    VARCHAR,               -- id of the claim it disputes
    claim_why           VARCHAR[]
);

CREATE INDEX quotes_article ON quotes (article_id);

CREATE TABLE places (
    article_id   VARCHAR NOT NULL,
    canonical_id VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,             -- position in the place stage's layer (text order)
    "start"      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    name         VARCHAR,                      -- the gazetteer's name ("Kyiv" for "Kiev")
    country      VARCHAR,                      -- ISO 3166 alpha-3
    admin1       VARCHAR,                      -- ISO 3166-2 code of its first-level region
    kind         VARCHAR,                      -- country, admin, city, region, facility, unknown
    role         VARCHAR,                      -- dateline, mention or demonym
    lat          DOUBLE,
    lon          DOUBLE,
    resolved_by  VARCHAR,                      -- the evidence that decided the country
    confidence   DOUBLE,
    geonameid    INTEGER,
    feature_code VARCHAR,                      -- GeoNames feature code: PCLI, ADM1, PPLC, PPL …
    fips         VARCHAR,                      -- FIPS 10-4 code of the country
    adm1_code    VARCHAR,                      -- GDELT-style ADM1 code: FIPS country + GeoNames admin1
    PRIMARY KEY (article_id, idx)
);

CREATE INDEX places_article ON places (article_id);

INSERT OR IGNORE INTO quotes BY NAME
SELECT q->>'id' AS id,
       n.article_id,
       a.canonical_id,
       q->>'kind' AS kind,
       (q->>'$.content.start')::INTEGER AS content_start,
       (q->>'$.content.end')::INTEGER AS content_end,
       q->>'$.content.text' AS content_text,
       from_json(q->'segments', '[{"start": "INTEGER", "end": "INTEGER", "text": "VARCHAR"}]') AS segments,
       (q->>'$.cue.start')::INTEGER AS cue_start,
       (q->>'$.cue.end')::INTEGER AS cue_end,
       q->>'$.cue.text' AS cue_text,
       q->>'act' AS act,
       (q->>'$.speaker.start')::INTEGER AS speaker_start,
       (q->>'$.speaker.end')::INTEGER AS speaker_end,
       q->>'$.speaker.text' AS speaker_text,
       q->>'$.speaker.name' AS speaker_name,
       q->>'$.speaker.code' AS speaker_code,
       CASE json_type(q, '$.speaker.resolved_by')
           WHEN 'ARRAY' THEN from_json(q->'$.speaker.resolved_by', '["VARCHAR"]')
           WHEN 'VARCHAR' THEN [q->>'$.speaker.resolved_by']
       END AS speaker_resolved_by,
       (q->>'$.venue.start')::INTEGER AS venue_start,
       (q->>'$.venue.end')::INTEGER AS venue_end,
       q->>'$.venue.text' AS venue_text,
       q->>'date' AS date,
       q->>'date_from' AS date_from,
       q->>'found_by' AS found_by,
       (q->>'confidence')::DOUBLE AS confidence,
       q->>'$.claim.id' AS claim_id,
       q->>'$.claim.stance' AS claim_stance,
       q->>'$.claim.relates_to' AS claim_relates_to,
       CASE json_type(q, '$.claim.why') WHEN 'ARRAY' THEN from_json(q->'$.claim.why', '["VARCHAR"]') END AS claim_why
FROM annotations n
JOIN articles a ON a.id = n.article_id
CROSS JOIN LATERAL (SELECT value AS q FROM json_each(n.payload)) j
WHERE n.stage = 'quotes' AND json_type(q) = 'OBJECT'
  AND q->>'id' IS NOT NULL AND q->>'kind' IS NOT NULL
  AND json_type(q, '$.content.start') IN ('UBIGINT', 'BIGINT') AND json_type(q, '$.content.end') IN ('UBIGINT', 'BIGINT');

INSERT OR IGNORE INTO places BY NAME
SELECT n.article_id,
       a.canonical_id,
       j.key::INTEGER AS idx,
       (p->>'start')::INTEGER AS "start",
       (p->>'end')::INTEGER AS "end",
       p->>'text' AS text,
       p->>'name' AS name,
       p->>'country' AS country,
       p->>'admin1' AS admin1,
       p->>'kind' AS kind,
       p->>'role' AS role,
       (p->>'lat')::DOUBLE AS lat,
       (p->>'lon')::DOUBLE AS lon,
       p->>'resolved_by' AS resolved_by,
       (p->>'confidence')::DOUBLE AS confidence,
       (p->>'geonameid')::INTEGER AS geonameid,
       p->>'feature_code' AS feature_code,
       p->>'fips' AS fips,
       p->>'adm1_code' AS adm1_code
FROM annotations n
JOIN articles a ON a.id = n.article_id
CROSS JOIN LATERAL (SELECT key, value AS p FROM json_each(n.payload)) j
WHERE n.stage = 'places' AND json_type(p) = 'OBJECT' AND p->>'text' IS NOT NULL
  AND json_type(p, '$.start') IN ('UBIGINT', 'BIGINT') AND json_type(p, '$.end') IN ('UBIGINT', 'BIGINT');
