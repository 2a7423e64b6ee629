-- The ledger: events (current state), their append-only revisions, links, indicators, tokens.
-- `doc` holds the full event JSON exactly as the API returns it; the other columns are copies
-- kept for filtering and ordering.
CREATE TABLE events (
  id VARCHAR PRIMARY KEY,
  doc JSON NOT NULL,
  category VARCHAR NOT NULL,
  subtype VARCHAR NOT NULL,
  countries VARCHAR[] NOT NULL,
  regions VARCHAR[] NOT NULL,
  start_at TIMESTAMPTZ NOT NULL,
  end_at TIMESTAMPTZ,
  status VARCHAR NOT NULL,
  revision INTEGER NOT NULL,
  origin VARCHAR NOT NULL,
  search VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- Every create, edit, retraction: who, when, why, and the full previous and new state.
CREATE TABLE event_revisions (
  event_id VARCHAR NOT NULL,
  revision INTEGER NOT NULL,
  action VARCHAR NOT NULL,
  actor VARCHAR NOT NULL,
  reason VARCHAR,
  revised_at TIMESTAMPTZ NOT NULL,
  previous JSON,
  current JSON NOT NULL,
  PRIMARY KEY (event_id, revision)
);

-- Links from an event to other records: STOP rows merged into it, evidence queries, snapshots.
CREATE TABLE event_links (
  event_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  target VARCHAR NOT NULL,
  doc JSON,
  PRIMARY KEY (event_id, kind, target)
);

CREATE TABLE indicator_series (
  id VARCHAR PRIMARY KEY,
  doc JSON NOT NULL,
  country VARCHAR,
  origin VARCHAR NOT NULL
);

-- Several values may share a period when sources disagree; key = hash of (period, value, source).
CREATE TABLE indicator_values (
  series_id VARCHAR NOT NULL,
  value_key VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  value DOUBLE NOT NULL,
  doc JSON NOT NULL,
  PRIMARY KEY (series_id, value_key)
);

CREATE TABLE api_tokens (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  hash VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ,
  last_used_at TIMESTAMPTZ
);

-- Rows of an import that could not be stored, kept with their reason (nothing lost silently).
CREATE TABLE import_rejects (
  import_kind VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  reason VARCHAR NOT NULL,
  raw VARCHAR,
  rejected_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (import_kind, source_file, line)
);
