-- +goose Up
-- PostgreSQL dialect of the SQLite schema (same tables and columns; times as RFC 3339 text),
-- with trigram indexes so that substring name search uses an index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('seq', 0);

CREATE TABLE sources (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',
    sha256      TEXT NOT NULL DEFAULT '',
    version     TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    seq         BIGINT NOT NULL
);
CREATE INDEX sources_recorded ON sources (recorded_at);

CREATE TABLE entities (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    category    TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL,
    norm        TEXT NOT NULL,
    merged_into TEXT REFERENCES entities (id),
    degree      INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    seq         BIGINT NOT NULL
);
CREATE INDEX entities_type ON entities (type, category);
CREATE INDEX entities_norm ON entities (norm);
CREATE INDEX entities_norm_trgm ON entities USING gin (norm gin_trgm_ops);
CREATE INDEX entities_name ON entities (name, id);
CREATE INDEX entities_degree ON entities (degree, id);
CREATE INDEX entities_merged ON entities (merged_into);
CREATE INDEX entities_seq ON entities (seq);

CREATE TABLE aliases (
    entity_id TEXT NOT NULL REFERENCES entities (id),
    value     TEXT NOT NULL,
    lang      TEXT NOT NULL DEFAULT '',
    kind      TEXT NOT NULL DEFAULT '',
    norm      TEXT NOT NULL,
    PRIMARY KEY (entity_id, value, lang)
);
CREATE INDEX aliases_norm ON aliases (norm);
CREATE INDEX aliases_norm_trgm ON aliases USING gin (norm gin_trgm_ops);

CREATE TABLE identifiers (
    scheme    TEXT NOT NULL,
    value     TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id),
    PRIMARY KEY (scheme, value)
);
CREATE INDEX identifiers_entity ON identifiers (entity_id);

CREATE TABLE statements (
    id           TEXT PRIMARY KEY,
    seq          BIGINT NOT NULL,
    kind         TEXT NOT NULL,
    subject      TEXT NOT NULL REFERENCES entities (id),
    predicate    TEXT NOT NULL,
    object       TEXT REFERENCES entities (id),
    value        TEXT,
    qualifiers   TEXT NOT NULL DEFAULT '{}',
    source_id    TEXT NOT NULL REFERENCES sources (id),
    evidence     TEXT NOT NULL DEFAULT '',
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT
);
CREATE INDEX statements_subject ON statements (subject, kind);
CREATE INDEX statements_object ON statements (object, predicate);
CREATE INDEX statements_source ON statements (source_id);
CREATE INDEX statements_seq ON statements (seq);
CREATE INDEX statements_predicate ON statements (predicate, object);

CREATE TABLE merges (
    from_id     TEXT PRIMARY KEY REFERENCES entities (id),
    into_id     TEXT NOT NULL REFERENCES entities (id),
    reason      TEXT NOT NULL,
    score       DOUBLE PRECISION NOT NULL DEFAULT 0,
    recorded_at TEXT NOT NULL
);
CREATE INDEX merges_into ON merges (into_id);

CREATE TABLE tokens (
    hash       TEXT PRIMARY KEY,
    scope      TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- +goose Down
DROP TABLE tokens;
DROP TABLE merges;
DROP TABLE statements;
DROP TABLE identifiers;
DROP TABLE aliases;
DROP TABLE entities;
DROP TABLE sources;
DROP TABLE counters;
