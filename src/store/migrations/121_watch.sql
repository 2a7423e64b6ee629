-- The watch loop's memory, so it survives restarts: which inputs it has consumed (by path and
-- checksum), its cycles, webhook subscriptions, and the delivery outbox with its dead letters.
CREATE TABLE watch_inputs (
  kind VARCHAR NOT NULL,          -- signals_file | ooni_sync
  key VARCHAR NOT NULL,           -- path (or sync window)
  checksum VARCHAR NOT NULL,
  seen_at TIMESTAMPTZ NOT NULL,
  cycle_id VARCHAR NOT NULL,
  outcome VARCHAR NOT NULL,       -- imported | partial | failed
  detail VARCHAR,
  PRIMARY KEY (kind, key, checksum)
);

CREATE TABLE watch_cycles (
  id VARCHAR PRIMARY KEY,
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  next_at TIMESTAMPTZ,
  status VARCHAR NOT NULL,        -- running | done | failed | interrupted
  summary JSON
);

CREATE TABLE hook_subscriptions (
  id VARCHAR PRIMARY KEY,
  url VARCHAR NOT NULL,
  secret VARCHAR NOT NULL,        -- shared with the receiver to sign deliveries
  countries VARCHAR[] NOT NULL,   -- empty = any
  kinds VARCHAR[] NOT NULL,       -- ledger categories or detector kinds (empty = any)
  notices VARCHAR[] NOT NULL,     -- draft | confirmed
  created_at TIMESTAMPTZ NOT NULL,
  created_by VARCHAR NOT NULL,
  removed_at TIMESTAMPTZ
);

-- The outbox: one row per (subscription, event, notice); the primary key makes enqueueing
-- idempotent, so a restarted cycle cannot deliver the same notice twice.
CREATE TABLE hook_deliveries (
  id VARCHAR PRIMARY KEY,
  subscription_id VARCHAR NOT NULL,
  event_id VARCHAR NOT NULL,
  notice VARCHAR NOT NULL,        -- draft | confirmed
  body VARCHAR NOT NULL,
  status VARCHAR NOT NULL,        -- pending | delivered | dead
  attempts INTEGER NOT NULL,
  next_at TIMESTAMPTZ NOT NULL,
  last_error VARCHAR,
  last_status INTEGER,
  created_at TIMESTAMPTZ NOT NULL,
  delivered_at TIMESTAMPTZ,
  UNIQUE (subscription_id, event_id, notice)
);
