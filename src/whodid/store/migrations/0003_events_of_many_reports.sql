-- 3: an event is one happening made of mentions, from one or many articles; republished copies point at
-- their original; the sentences, actors and places behind events get tables of their own.

-- Articles are rebuilt: the same text may now be stored twice when another outlet republished it, so
-- the text's hash is no longer unique; what an ingest must not repeat is the text from the same address.
CREATE SEQUENCE IF NOT EXISTS article_order;
CREATE TABLE articles_v3 (
    id              VARCHAR PRIMARY KEY,
    ingest_key      VARCHAR NOT NULL UNIQUE,  -- content_hash|outlet|url: re-ingesting it is a no-op
    content_hash    VARCHAR NOT NULL,         -- sha256 of the text
    title           VARCHAR,
    url             VARCHAR,
    outlet          VARCHAR,
    published       DATE,
    language        VARCHAR,
    origin          VARCHAR,
    text            VARCHAR NOT NULL,
    ingested_at     TIMESTAMP NOT NULL,       -- UTC
    original_id     VARCHAR,                  -- the article this one republishes; null for an original
    copy_similarity FLOAT8,                   -- estimated share of word 5-grams shared with the original
    minhash         BYTEA,                    -- the text's MinHash signature
    added_order     BIGINT NOT NULL DEFAULT nextval('article_order')
);
INSERT INTO articles_v3 (id, ingest_key, content_hash, title, url, outlet, published, language, origin,
                         text, ingested_at)
    SELECT id, content_hash || '|' || coalesce(outlet, '') || '|' || coalesce(url, ''), content_hash, title,
           url, outlet, published, language, origin, text, ingested_at
    FROM articles ORDER BY ingested_at, id;
DROP TABLE articles;
ALTER TABLE articles_v3 RENAME TO articles;
CREATE INDEX IF NOT EXISTS articles_by_hash ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_by_original ON articles (original_id);

-- LSH buckets of each article's signature: articles sharing a bucket are candidate copies.
CREATE TABLE IF NOT EXISTS article_bands (
    band       INTEGER NOT NULL,
    bucket     BIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);
-- Buckets are 64-bit hashes: the bucket alone finds an article's candidates.
CREATE INDEX IF NOT EXISTS article_bands_by_bucket ON article_bands (bucket);

-- The sentences that hold a mention, so every event's evidence can be shown in its article.
CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR NOT NULL,
    "index"    INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    PRIMARY KEY (article_id, "index")
);

-- A mention is what one article's sentence says of an event: the record the pipeline coded.
CREATE SEQUENCE IF NOT EXISTS mention_order;
CREATE TABLE IF NOT EXISTS mentions (
    mention_id     VARCHAR PRIMARY KEY,
    event_id       VARCHAR NOT NULL,          -- the event (happening) it reports
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER,
    "type"         VARCHAR NOT NULL,
    factuality     VARCHAR,
    "date"         DATE,
    country        VARCHAR,
    lat            FLOAT8,
    lon            FLOAT8,
    fatalities     INTEGER,
    record         JSON NOT NULL,
    added_order    BIGINT NOT NULL DEFAULT nextval('mention_order')
);
INSERT INTO mentions (mention_id, event_id, article_id, "type", factuality, "date", country, lat, lon,
                      fatalities, record)
    SELECT event_id, event_id, article_id, "type", factuality, "date", country, lat, lon, fatalities, record
    FROM events ORDER BY added_order;
CREATE INDEX IF NOT EXISTS mentions_by_event ON mentions (event_id);
CREATE INDEX IF NOT EXISTS mentions_by_article ON mentions (article_id);

-- Events: what the merge needs to find an event again, and how many reports and sources stand behind it.
ALTER TABLE events ADD COLUMN IF NOT EXISTS ref_date DATE;  -- its date, or its first report's publication
ALTER TABLE events ADD COLUMN IF NOT EXISTS geo_precision INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_name VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS admin1 VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_keys VARCHAR;  -- |-joined actor ids and countries
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_keys VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS mention_count INTEGER DEFAULT 1;
ALTER TABLE events ADD COLUMN IF NOT EXISTS article_count INTEGER DEFAULT 1;
ALTER TABLE events ADD COLUMN IF NOT EXISTS independent_sources INTEGER DEFAULT 1;
CREATE INDEX IF NOT EXISTS events_by_type_and_date ON events ("type", ref_date);

-- Actors and places named by events, one row each, for queries and the actor network.
CREATE TABLE IF NOT EXISTS actors (
    actor_key  VARCHAR PRIMARY KEY,           -- the KB id, or the name and country of an unknown actor
    actor_id   VARCHAR,
    name       VARCHAR NOT NULL,
    country    VARCHAR,
    sector     VARCHAR,
    acled_inter INTEGER
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id  VARCHAR NOT NULL,
    "role"    VARCHAR NOT NULL,               -- source or target
    actor_key VARCHAR NOT NULL,
    PRIMARY KEY (event_id, "role", actor_key)
);
CREATE INDEX IF NOT EXISTS event_actors_by_actor ON event_actors (actor_key);
CREATE TABLE IF NOT EXISTS places (
    place_key  VARCHAR PRIMARY KEY,           -- the gazetteer id, or the name and country
    geonameid  VARCHAR,
    name       VARCHAR NOT NULL,
    country    VARCHAR,
    admin1     VARCHAR,
    lat        FLOAT8,
    lon        FLOAT8,
    "precision" INTEGER
);
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_key VARCHAR;
