-- 1: articles and the events coded from them.
CREATE TABLE IF NOT EXISTS articles (
    id           VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,   -- sha256 of the text: re-ingesting the same text is a no-op
    title        VARCHAR,
    url          VARCHAR,
    outlet       VARCHAR,
    published    DATE,
    language     VARCHAR,
    origin       VARCHAR,
    text         VARCHAR NOT NULL,
    ingested_at  TIMESTAMP NOT NULL        -- UTC
);

-- Keeps events in the order they were added, which is the order readers expect back.
CREATE SEQUENCE IF NOT EXISTS event_order;

CREATE TABLE IF NOT EXISTS events (
    event_id             VARCHAR PRIMARY KEY,
    article_id           VARCHAR NOT NULL,
    "type"               VARCHAR NOT NULL,
    mode                 VARCHAR,
    cameo                VARCHAR,
    quad_class           INTEGER,
    goldstein            FLOAT8,
    acled_event_type     VARCHAR,
    acled_sub_event_type VARCHAR,
    "date"               DATE,
    date_end             DATE,
    date_precision       VARCHAR,
    factuality           VARCHAR,
    fatalities           INTEGER,
    country              VARCHAR,          -- the location's ISO 3166-1 alpha-3
    lat                  FLOAT8,
    lon                  FLOAT8,
    confidence           FLOAT8,
    record               JSON NOT NULL,    -- the full event record: the columns above are for queries
    added_order          BIGINT NOT NULL DEFAULT nextval('event_order')
);

CREATE INDEX IF NOT EXISTS events_by_article ON events (article_id);
