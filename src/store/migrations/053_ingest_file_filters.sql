-- The ingest filters (--cc, --test-name, --since, --until) a file was read under, as canonical
-- JSON (src/measure/manifest-filters.ts); NULL when it was read whole. A file is skipped as
-- unchanged only by a run these filters admit at least as much as. Files ingested before this
-- column existed have NULL: they count as read whole.
ALTER TABLE ingest_files ADD COLUMN filters VARCHAR;
