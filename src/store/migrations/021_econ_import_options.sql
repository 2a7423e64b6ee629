-- What an import of economic data was asked to store the file's bytes as (its --indicator and
-- --year, as JSON): the same bytes imported under another indicator or year are a new import, not
-- "unchanged". Imports recorded before this column say '' and are taken as they were.
ALTER TABLE econ_imports ADD COLUMN options VARCHAR DEFAULT '';
