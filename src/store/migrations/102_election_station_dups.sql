-- One row per polling station and election. Imports decide duplicates inside the write that
-- stores them (ElectionsRepo.writeFile); a station stored twice by two imports that raced before
-- that keeps the row of the file imported first, and the later copy becomes a reject of its own
-- file (duplicate_station) with that file's counts moved, so lines read = stored + rejected holds.
CREATE TEMP TABLE election_station_dups AS
SELECT election_id, file, line, flagged, key, first_file
FROM (
  SELECT s.election_id, s.file, s.line, s.flags <> '' AS flagged,
    concat_ws('|', s.region, coalesce(s.oik, ''), coalesce(s.tik, ''), coalesce(s.uik, '')) AS key,
    row_number() OVER w AS n,
    first_value(s.file) OVER w AS first_file
  FROM election_stations s LEFT JOIN election_files f ON f.election_id = s.election_id AND f.file = s.file
  WINDOW w AS (PARTITION BY s.election_id, s.region, coalesce(s.oik, ''), coalesce(s.tik, ''), coalesce(s.uik, '') ORDER BY f.imported_at, s.file, s.line)
)
WHERE n > 1;

INSERT INTO election_rejects
SELECT election_id, file, line, 'duplicate_station', 'station ' || key || ' is already stored from ' || first_file FROM election_station_dups;

UPDATE election_files SET
  stored = election_files.stored - d.n,
  rejected = election_files.rejected + d.n,
  flagged = election_files.flagged - d.flagged
FROM (SELECT election_id, file, count(*)::INTEGER AS n, count(*) FILTER (WHERE flagged)::INTEGER AS flagged FROM election_station_dups GROUP BY ALL) d
WHERE election_files.election_id = d.election_id AND election_files.file = d.file;

DELETE FROM election_stations s USING election_station_dups d WHERE s.election_id = d.election_id AND s.file = d.file AND s.line = d.line;

DROP TABLE election_station_dups;
