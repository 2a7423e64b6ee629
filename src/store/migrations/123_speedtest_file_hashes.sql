-- The SHA-256 of the bytes each stored speed-test file was read from, so an import of the same
-- bytes under another dataset or file name (a copy of the folder, an upload) is recognised and
-- not stored a second time. Files stored before this table existed have no row until re-imported.
CREATE TABLE speedtest_file_hashes (
  dataset VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  PRIMARY KEY (dataset, source_file)
);
