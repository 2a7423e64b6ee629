/**
 * The seed's registry part: import every registry file shipped in data/registry (skipped when
 * unchanged, so re-seeding is fast) and load today's IP-to-AS table.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, ProgressReporter } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { ensureAsnTable } from './asn.js';
import { importRegistry } from './import.js';

export async function seedRegistry(deps: { store: Store; clock: Clock; progress: ProgressReporter }, dir: string) {
  // regular files only: a symlink is skipped (it could lead out of an import folder)
  const files = (await readdir(dir, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isFile() && /\.csv(\.gz)?$/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((f) => join(dir, f));
  const as = await ensureAsnTable(deps);
  const r = await importRegistry(deps, files);
  return {
    files: r.files.map((f) => ({ file: f.file, status: f.status, snapshot: f.snapshot, stored: f.stored, rejected: f.rejected, reconciled: f.reconciled })),
    snapshots: r.snapshots,
    indicators: r.indicators,
    links: r.links,
    as_data: `${as.package} ${as.version} (${as.rows ?? '?'} IPv4 rows)`,
    rejects: r.rejects.map((x) => ({ file: x.file, reason: `line ${x.line}: ${x.reason}` })),
  };
}
