-- Where each of the watch's fetchers got to (e.g. the last OONI upload hour synced without a
-- failure, per bucket, countries and tests), so a restart continues from there instead of
-- starting over or skipping a window.
CREATE TABLE watch_cursors (
  name VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
