-- whodid event store, schema version 2.
-- Every statement is idempotent (IF NOT EXISTS): the store runs this file each time it opens.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL
);

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
    goldstein            DOUBLE,
    acled_event_type     VARCHAR,
    acled_sub_event_type VARCHAR,
    "date"               DATE,
    date_end             DATE,
    date_precision       VARCHAR,
    factuality           VARCHAR,
    fatalities           INTEGER,
    injured              INTEGER,
    arrested             INTEGER,
    participants         INTEGER,          -- how many took part in a protest
    country              VARCHAR,          -- the location's ISO 3166-1 alpha-3
    lat                  DOUBLE,
    lon                  DOUBLE,
    confidence           DOUBLE,
    record               JSON NOT NULL,    -- the full Event.to_dict(): the columns above are for queries
    added_order          BIGINT NOT NULL DEFAULT nextval('event_order')
);

CREATE INDEX IF NOT EXISTS events_by_article ON events (article_id);

-- Version 2 added the people counts beside fatalities; a version 1 file gets them here, at the end of
-- its rows (the store names its columns, so their order does not matter).
ALTER TABLE events ADD COLUMN IF NOT EXISTS injured INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS arrested INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS participants INTEGER;
