-- Russia's blocking register (EAIS) as republished by Zapret-Info: snapshots, their files, every
-- entry, every parsed IP token, the 2012-2016 daily size series, and the IP-to-ASN table used to
-- attribute blocked space. See docs/design/040-registry-address-space.md.

-- One snapshot = one dump timestamp ("Updated: ..." header, or the date the provenance gives).
-- A dump split into parts (dump-00 .. dump-NN) is one snapshot with several files.
CREATE TABLE registry_snapshots (
  id VARCHAR PRIMARY KEY,
  dump_at TIMESTAMPTZ NOT NULL,
  time_basis VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  complete BOOLEAN NOT NULL,
  lower_bound BOOLEAN NOT NULL,
  doc JSON NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- One imported file of a snapshot; doc holds its provenance, sha256 and reconciled line counts.
CREATE TABLE registry_files (
  id INTEGER PRIMARY KEY,
  snapshot_id VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  doc JSON NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL,
  UNIQUE (snapshot_id, source_file)
);

-- One register record. ips and urls keep the register's " | "-joined lists (normalised spacing);
-- the parsed addresses are in registry_ranges. No key: rows are bulk-appended per file.
CREATE TABLE registry_entries (
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  ips VARCHAR NOT NULL,
  domain VARCHAR NOT NULL,
  urls VARCHAR NOT NULL,
  decision_body VARCHAR NOT NULL,
  decision_number VARCHAR NOT NULL,
  decision_date DATE
);

-- One IP token of an entry as an inclusive numeric range (IPv4 and IPv6 in one UHUGEINT space,
-- told apart by family). prefix = 32/128 for a single address.
CREATE TABLE registry_ranges (
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  family UTINYINT NOT NULL,
  first UHUGEINT NOT NULL,
  last UHUGEINT NOT NULL,
  prefix UTINYINT NOT NULL,
  token VARCHAR NOT NULL
);

-- The derived day-by-day series (2012-2016): one row per day and source file, all columns in doc.
CREATE TABLE registry_daily_stats (
  source_file VARCHAR NOT NULL,
  day DATE NOT NULL,
  complete BOOLEAN NOT NULL,
  records INTEGER NOT NULL,
  doc JSON NOT NULL,
  PRIMARY KEY (source_file, day)
);

-- Today's IPv4-to-AS table (@ip-location-db/asn), replaced whole when its vintage changes.
CREATE TABLE registry_asn_ranges (
  first UBIGINT NOT NULL,
  last UBIGINT NOT NULL,
  asn UINTEGER NOT NULL,
  org VARCHAR NOT NULL
);

CREATE TABLE registry_asn_meta (
  id VARCHAR PRIMARY KEY,
  doc JSON NOT NULL,
  loaded_at TIMESTAMPTZ NOT NULL
);
