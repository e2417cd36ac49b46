-- Articles, their duplicate groups, the spaCy layer (sentences, entities),
-- every later stage's JSON output, and a log of runs and the problems they met.
CREATE TABLE articles (
    id             VARCHAR PRIMARY KEY,   -- content hash of normalised body + date
    date           DATE,                  -- document creation time; NULL when unknown (see flags)
    title          VARCHAR,
    source         VARCHAR,
    url            VARCHAR,
    text           VARCHAR NOT NULL,      -- exactly as read; every offset indexes into it
    body_start     INTEGER NOT NULL,
    dateline       VARCHAR,
    dateline_start INTEGER,
    dateline_end   INTEGER,
    origin         VARCHAR,
    flags          VARCHAR[],
    words          INTEGER,
    canonical_id   VARCHAR NOT NULL,      -- itself, or the article this one near-duplicates
    similarity     DOUBLE,
    minhash        BLOB,
    annotated      BOOLEAN NOT NULL,      -- near duplicates are stored but not annotated
    run_id         VARCHAR,
    stored_at      TIMESTAMP
);

CREATE TABLE duplicates (
    article_id   VARCHAR NOT NULL,
    canonical_id VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,        -- 'exact' or 'near'
    similarity   DOUBLE,
    origin       VARCHAR NOT NULL,        -- where the copy was read
    run_id       VARCHAR,
    PRIMARY KEY (article_id, origin)
);

CREATE TABLE sentences (
    article_id VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE entities (
    article_id VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    label      VARCHAR NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE annotations (
    article_id VARCHAR NOT NULL,
    stage      VARCHAR NOT NULL,
    payload    JSON NOT NULL,
    PRIMARY KEY (article_id, stage)
);

CREATE TABLE runs (
    id          VARCHAR PRIMARY KEY,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    command     VARCHAR,
    inputs      VARCHAR[],
    model       VARCHAR,
    stages      VARCHAR[],
    read        INTEGER,
    duplicates  INTEGER,
    skipped     INTEGER,
    stored      INTEGER,
    already     INTEGER,
    warnings    INTEGER,
    words       BIGINT,
    seconds     DOUBLE,
    status      VARCHAR
);

CREATE TABLE run_problems (
    run_id   VARCHAR NOT NULL,
    code     VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    location VARCHAR NOT NULL,
    message  VARCHAR NOT NULL,
    PRIMARY KEY (run_id, code, location, message)
);
