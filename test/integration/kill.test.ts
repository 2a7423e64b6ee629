/**
 * Crash safety, phase by phase: each writer is killed with SIGKILL while it is inside its write
 * transaction. The built CLI runs with SPLINTERNET_TEST_PAUSE_IN_TX=<phase>, so the writer of
 * that phase stops after writing its rows and before COMMIT and prints `in-tx <phase>`; the test
 * kills it only once that line arrived, so every kill provably lands inside the transaction.
 * After each kill the file reopens and every table is checked: nothing of the killed
 * transaction is visible, no orphan or half-written row, counts reconcile. Reruns then complete
 * and a second rerun adds nothing (no duplicates).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, tempDir } from '../helpers/index.js';
import { killInside, readFile } from '../helpers/kill.js';
import { packagePath } from '../../src/shared/index.js';

const t = tempDir();
const db = join(t.dir, 'killed.duckdb');
const reference = join(t.dir, 'reference.duckdb');
const BUCKET = packagePath('test', 'fixtures', 'ooni', 'bucket-sample');
afterAll(() => t.cleanup());

interface Audit {
  events: number;
  stop_events: number;
  revision_orphans: number;
  revision_gaps: number;
  link_orphans: number;
  measurements: number;
  measurement_orphans: number;
  files_done_short: number;
  files_unreconciled: number;
  registry_files: number;
  registry_files_unfinished: number;
  registry_orphans: number;
  tokens: number;
  duplicate_keys: number;
}

/** Every table's invariants, read straight from the file (no application code in between). */
function audit(path = db): Promise<Audit> {
  return readFile(path, async (q) => ({
    events: await q('SELECT count(*) AS n FROM events'),
    stop_events: await q("SELECT count(*) AS n FROM events WHERE id LIKE 'stop-%'"),
    revision_orphans: await q('SELECT count(*) AS n FROM event_revisions r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = r.event_id)'),
    revision_gaps: await q('SELECT count(*) AS n FROM events e WHERE e.revision <> (SELECT count(*) FROM event_revisions r WHERE r.event_id = e.id)'),
    link_orphans: await q('SELECT count(*) AS n FROM event_links l WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = l.event_id)'),
    measurements: await q('SELECT count(*) AS n FROM measurements'),
    // rows and their file's manifest row are written in one transaction
    measurement_orphans: await q('SELECT count(*) AS n FROM measurements m WHERE NOT EXISTS (SELECT 1 FROM ingest_files f WHERE f.file_id = m.file_id)'),
    // a file marked done has every row it counted as new
    files_done_short: await q(
      "SELECT count(*) AS n FROM ingest_files f WHERE f.status = 'done' AND f.stored > (SELECT count(*) FROM measurements m WHERE m.file_id = f.file_id)",
    ),
    files_unreconciled: await q("SELECT count(*) AS n FROM ingest_files f WHERE f.status = 'done' AND f.lines_read <> f.stored + f.duplicates + f.rejected"),
    registry_files: await q('SELECT count(*) AS n FROM registry_files'),
    // the file's summary document is the transaction's last write
    registry_files_unfinished: await q("SELECT count(*) AS n FROM registry_files WHERE doc::VARCHAR = '{}'"),
    registry_orphans: await q(
      'SELECT (SELECT count(*) FROM registry_entries e WHERE NOT EXISTS (SELECT 1 FROM registry_files f WHERE f.id = e.file_id)) + (SELECT count(*) FROM registry_ranges r WHERE NOT EXISTS (SELECT 1 FROM registry_files f WHERE f.id = r.file_id)) AS n',
    ),
    tokens: await q('SELECT count(*) AS n FROM api_tokens'),
    duplicate_keys: await q(
      `SELECT (SELECT count(*) - count(DISTINCT id) FROM events) + (SELECT count(*) - count(DISTINCT id) FROM measurements)
           + (SELECT count(*) - count(DISTINCT (snapshot_id, source_file)) FROM registry_files) + (SELECT count(*) - count(DISTINCT id) FROM api_tokens) AS n`,
    ),
  }));
}

const CLEAN = {
  revision_orphans: 0,
  revision_gaps: 0,
  link_orphans: 0,
  measurement_orphans: 0,
  files_done_short: 0,
  files_unreconciled: 0,
  registry_files_unfinished: 0,
  registry_orphans: 0,
  duplicate_keys: 0,
};

async function expectKilledInside(phase: string, args: string[], detail: RegExp): Promise<Audit> {
  const r = await killInside(phase, [...args, '--db', db]);
  expect(r.marker, `${phase}: the writer never reported being inside its transaction; stderr: ${r.err.slice(-600)}`).not.toBeNull();
  expect(r.marker).toMatch(detail);
  expect(r.signal).toBe('SIGKILL');
  const a = await audit();
  expect(a, `after the kill inside ${phase}`).toMatchObject(CLEAN);
  return a;
}

describe('kill -9 inside each write transaction', () => {
  it('leaves every table consistent at each phase; reruns complete without duplicates', async () => {
    // measurements ingest: killed inside the third batch; earlier batches are whole
    const batch = await expectKilledInside('measure.batch#3', ['ingest', BUCKET, '--workers', '0'], /rows=\d+ new=\d+/);
    expect(batch.measurements).toBeGreaterThan(0);

    // ingest manifest: killed inside a transaction that marks files done
    await expectKilledInside('measure.manifest#2', ['ingest', BUCKET, '--workers', '0'], /finished=\d+/);

    // tokens
    const tokens = await expectKilledInside('tokens', ['tokens', 'create', '--name', 'killed', '--scope', 'read'], /id=/);
    expect(tokens.tokens).toBe(0);

    // seed events: the ledger's own events, one transaction
    const seedEvents = await expectKilledInside('ledger.events#1', ['db', 'seed'], /events=\d{2,}/);
    expect(seedEvents.events).toBe(0);

    // STOP: its ~1,860 events in one transaction, after the seed events committed
    const stop = await expectKilledInside('ledger.events#2', ['db', 'seed'], /events=1\d{3}/);
    expect(stop.events).toBeGreaterThan(0);
    expect(stop.stop_events).toBe(0);

    // registry import: killed inside its second file; the first one is whole
    const reg = await expectKilledInside('registry.file#2', ['db', 'seed'], /file=zapret-info/);
    expect(reg.registry_files).toBe(1);
    expect(reg.stop_events).toBeGreaterThan(1000);

    // reruns complete; the counts are those the inputs give (a clean ingest into another file
    // for the measurements, the seed's own report for the events)
    const seed = await runBin(['db', 'seed', '--json', '--db', db]);
    expect([0, 3], seed.err).toContain(seed.code);
    const report = JSON.parse(seed.out) as {
      ledger: { events: { files: number; created: number } };
      stop: { events: { distinct: number; linked_to_seed: number; created: number } };
    };
    const ingest = await runBin(['ingest', BUCKET, '--workers', '0', '--json', '--db', db]);
    expect([0, 3], ingest.err).toContain(ingest.code);
    expect(JSON.parse(ingest.out)).toMatchObject({ reconciled: true });
    const token = await runBin(['tokens', 'create', '--name', 'after', '--scope', 'read', '--json', '--db', db]);
    expect(token.code, token.err).toBe(0);
    const ref = await runBin(['ingest', BUCKET, packagePath('data', 'ooni', 'measurements'), '--workers', '0', '--json', '--db', reference]);
    expect([0, 3], ref.err).toContain(ref.code);

    const done = await audit();
    expect(done).toMatchObject(CLEAN);
    expect(done).toMatchObject({
      events: report.ledger.events.files + report.stop.events.distinct - report.stop.events.linked_to_seed,
      measurements: (await audit(reference)).measurements,
      registry_files: 3,
      tokens: 1,
    });
    expect(done.stop_events).toBeGreaterThan(1000);

    // a second ingest finds nothing new
    const ingestAgain = JSON.parse((await runBin(['ingest', BUCKET, '--workers', '0', '--json', '--db', db])).out) as { stored: number };
    expect(ingestAgain.stored).toBe(0);
    expect(await audit()).toMatchObject({ ...CLEAN, events: done.events, measurements: done.measurements, registry_files: 3 });
  }, 300_000);
});
