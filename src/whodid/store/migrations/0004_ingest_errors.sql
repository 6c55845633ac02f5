-- 4: inputs that could not be read, coded or stored, one row per input (a file, or a line or row of one),
-- so a long run's failures can be listed and fixed; a row goes once its input is stored.
CREATE TABLE IF NOT EXISTS ingest_errors (
    origin TEXT PRIMARY KEY,  -- the input's name: file, file:line, <stdin>
    article_id TEXT,          -- none when the input could not be read as an article
    stage TEXT NOT NULL,      -- read, code or store
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL
);
