-- Which pipeline produced each stored output, so `harbinger recode` can redo what an older model,
-- dictionary or stage version coded. `articles.fingerprint` digests the whole pipeline; each
-- annotation and stage-table row carries the fingerprint of the stage that wrote it (see
-- harbinger/fingerprint.py). Rows stored before this migration have none and count as out of date.
ALTER TABLE articles ADD COLUMN fingerprint VARCHAR;
ALTER TABLE annotations ADD COLUMN fingerprint VARCHAR;
ALTER TABLE events ADD COLUMN fingerprint VARCHAR;
ALTER TABLE quotes ADD COLUMN fingerprint VARCHAR;
ALTER TABLE places ADD COLUMN fingerprint VARCHAR;

-- Continuous ingestion: what `harbinger watch` and `harbinger fetch` have taken in, so each file (by
-- content hash) and each article URL is processed once, and where each feed's conditional GET stands.
CREATE TABLE ingested (
    key          VARCHAR PRIMARY KEY,   -- 'file:' + SHA-256 of the file's bytes, or 'url:' + the article URL
    kind         VARCHAR NOT NULL,      -- 'file' or 'url'
    location     VARCHAR NOT NULL,      -- the file's path or the URL
    feed         VARCHAR,               -- the feed that listed the URL
    published_at TIMESTAMP,             -- the feed's publication time for the URL (UTC)
    article_id   VARCHAR,               -- the article stored from it (NULL when it held none)
    status       VARCHAR NOT NULL,      -- 'stored' or the reason nothing was
    run_id       VARCHAR,
    ingested_at  TIMESTAMP NOT NULL
);

CREATE TABLE feeds (
    url        VARCHAR PRIMARY KEY,
    etag       VARCHAR,
    modified   VARCHAR,                 -- the Last-Modified header, sent back as If-Modified-Since
    checked_at TIMESTAMP,
    status     INTEGER,                 -- the HTTP status of the last check
    error      VARCHAR
);
