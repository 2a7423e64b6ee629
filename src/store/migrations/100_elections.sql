-- Election results (src/elections): polling-station protocols as named columns with a list of
-- votes per choice, the Moscow 2021 side tables, rejects and source files. Rows are keyed by
-- (election_id, file, line): a re-import of a file deletes exactly its rows in the same
-- transaction that inserts the new ones. No indexes: every read is an analytical scan.
CREATE TABLE elections (
  id VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  title VARCHAR NOT NULL
);

CREATE TABLE election_choices (
  election_id VARCHAR NOT NULL,
  idx INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  label VARCHAR NOT NULL,
  label_en VARCHAR,
  PRIMARY KEY (election_id, idx)
);

CREATE TABLE election_files (
  election_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  checksum VARCHAR NOT NULL,
  lines_read INTEGER NOT NULL,
  stored INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  flagged INTEGER NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (election_id, file)
);

CREATE TABLE election_stations (
  election_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  region VARCHAR NOT NULL,
  region_code VARCHAR,
  oik VARCHAR,
  tik VARCHAR,
  uik VARCHAR,
  kind VARCHAR NOT NULL,
  electronic BOOLEAN NOT NULL,
  registered BIGINT,
  received BIGINT,
  issued_early BIGINT,
  issued_station BIGINT,
  issued_outside BIGINT,
  issued BIGINT,
  cancelled BIGINT,
  in_mobile BIGINT,
  in_stationary BIGINT,
  in_boxes BIGINT,
  invalid BIGINT,
  valid BIGINT,
  lost BIGINT,
  unaccounted BIGINT,
  -- semicolon-separated flag names ('' when the row adds up)
  flags VARCHAR NOT NULL,
  -- votes per choice, in election_choices.idx order (votes[idx + 1])
  votes BIGINT[] NOT NULL
);

CREATE TABLE election_rejects (
  election_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  reason VARCHAR NOT NULL,
  detail VARCHAR NOT NULL
);

-- Per-district single-mandate results split into paper and electronic votes (Moscow 2021).
CREATE TABLE election_district_results (
  election_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  district INTEGER NOT NULL,
  candidate VARCHAR NOT NULL,
  paper BIGINT NOT NULL,
  electronic BIGINT NOT NULL,
  total BIGINT NOT NULL,
  flags VARCHAR NOT NULL
);

-- DEG ballots decrypted per 20-minute bin, per district and choice (includes superseded re-votes).
CREATE TABLE election_deg_bins (
  election_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  series VARCHAR NOT NULL,
  district INTEGER NOT NULL,
  t_ms BIGINT NOT NULL,
  choice VARCHAR NOT NULL,
  votes BIGINT NOT NULL
);
