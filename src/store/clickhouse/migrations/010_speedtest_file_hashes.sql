-- The SHA-256 of the bytes each stored speed-test file was read from, on the file's marker, so
-- an import of the same bytes under another dataset or file name is not stored a second time
-- ('' for markers written before this column). The local table first, then the Distributed
-- table over it. Placeholder: {db}. ClickHouse 18.16 has no ADD COLUMN IF NOT EXISTS: the
-- runner skips an ADD COLUMN whose column the table has (migrate.ts).

ALTER TABLE {db}.speedtest_files_local ADD COLUMN sha256 String DEFAULT '';
ALTER TABLE {db}.speedtest_files ADD COLUMN sha256 String DEFAULT ''
