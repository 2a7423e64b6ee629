// `measurements rescore` on a store that cannot rescore (the ClickHouse store): the steps to
// current verdicts lead to every ingested file, and are left out when every file was judged with
// the current rules. SYNTHETIC store: the three reads the error makes (info, counts, the
// manifest), with the manifest's size of the report that found it (229 files).
import { describe, expect, it } from 'vitest';
import { AppError, silentProgress, systemClock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { rescoreMeasurements } from './rescore.js';
import { RULES_VERSION } from './index.js';

const URL = 'clickhouse://127.0.0.1:19400/splinternet?cluster=splinternet';
function cluster(files: number, otherRules: number): Store {
  const manifest = Array.from({ length: files }, (_, i) => ({ path: `/data/f${i}.jsonl.gz`, rules_version: i < otherRules ? 'older0000000' : RULES_VERSION }));
  return {
    info: () => Promise.resolve({ kind: 'clickhouse', path: URL }),
    measure: {
      cells: () => Promise.resolve([{ n: 7 }]),
      counts: () => Promise.resolve({ measurements: 7, files, rejects: 0, cells: 1 }),
      listFiles: (limit: number) => Promise.resolve(manifest.slice(0, limit)),
    },
  } as unknown as Store;
}
const refusal = async (store: Store) =>
  (await rescoreMeasurements({ store, clock: systemClock, progress: silentProgress }, {}).then(
    () => null,
    (e: AppError) => e,
  ))!;

describe('measurements rescore on a store that cannot rescore', () => {
  it('names a listing of every ingested file in its steps, not the first page of 100', async () => {
    const e = await refusal(cluster(229, 2));
    expect(e.code).toBe('USAGE');
    expect(e.details).toMatchObject({ files: 229, files_other_rules: 2 });
    const steps = e.details.steps as string[];
    expect(steps).toHaveLength(3);
    expect(steps[1]).toContain(`(the paths: splinternet measurements files --paths --limit 229 --store '${URL}')`);
    expect(e.message).toContain('ingest the files again into a fresh database');
  });

  it('gives no steps when every file was judged with the current rules', async () => {
    const e = await refusal(cluster(229, 0));
    expect(e.details).toMatchObject({ files: 229, files_other_rules: 0, steps: [] });
    expect(e.message).toContain('Every ingested file was judged with the current rules: ingesting them again changes no verdict.');
    expect(e.message).not.toContain('db migrate');
  });
});
