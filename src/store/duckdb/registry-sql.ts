/** SQL shared by the registry repository's files. */
import type { RegistrySnapshotRecord } from '../types.js';
import type { Param } from './db.js';

export const UPSERT_SNAPSHOT = `INSERT INTO registry_snapshots VALUES ($1, $2::TIMESTAMPTZ, $3, $4, $5, $6, $7::JSON, $8::TIMESTAMPTZ)
  ON CONFLICT (id) DO UPDATE SET dump_at = excluded.dump_at, time_basis = excluded.time_basis, kind = excluded.kind,
  complete = excluded.complete, lower_bound = excluded.lower_bound, doc = excluded.doc, updated_at = excluded.updated_at`;

export const snapshotParams = (s: RegistrySnapshotRecord): Param[] => [
  s.id,
  s.dumpAt,
  s.timeBasis,
  s.kind,
  s.complete,
  s.lowerBound,
  JSON.stringify(s.doc),
  s.updatedAt,
];
