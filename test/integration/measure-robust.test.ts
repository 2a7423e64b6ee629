// Nothing lost, nothing twice: rejects with file/line/offset/reason and reconciled counts; kill -9
// during ingest then a rerun storing every measurement exactly once; stdin; incremental cells.
// The corpora are SYNTHETIC variations (new report_ids) of real OONI lines, plus hand-made bad lines.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, runBin, tempDir } from '../helpers/index.js';
import { fixtureSets, realLines, variedLines, writeJsonl } from '../helpers/ooni.js';

const t = tempDir();
afterAll(() => t.cleanup());

async function query(db: string, sql: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(db);
  const c = await inst.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

describe('rejects', () => {
  it('keeps a malformed line, an oversize line, a missing-field line and a truncated gzip as rejects, and reconciles', async () => {
    const dir = join(t.dir, 'bad');
    mkdirSync(dir);
    const good = variedLines(6, 'rej');
    const lines = [
      good[0]!,
      '{"test_name": "web_connectivity", "oops"',
      good[1]!,
      JSON.stringify({ test_name: 'telegram', test_keys: {} }),
      'x'.repeat(1_200_000),
      good[2]!,
    ];
    writeJsonl(join(dir, 'mixed.jsonl'), lines);
    const gz = gzipSync(Buffer.from(good.slice(3).join('\n') + '\n'));
    writeFileSync(join(dir, 'cut.jsonl.gz'), gz.subarray(0, Math.floor(gz.length * 0.6)));
    const db = join(t.dir, 'rej.duckdb');
    const r = await cli(['ingest', dir, '--json', '--db', db, '--workers', '0', '--max-line-mb', '1']);
    expect(r.code).toBe(3);
    const rep = JSON.parse(r.out);
    expect(rep.reconciled).toBe(true);
    expect(rep.lines_read).toBe(rep.stored + rep.duplicates + rep.rejected + rep.filtered);
    const byReason = Object.fromEntries(rep.rejects.map((j: { reason: string }) => [j.reason, j]));
    expect(byReason.malformed_json).toMatchObject({ line: 2, byte_offset: good[0]!.length + 1 });
    expect(byReason.missing_field).toMatchObject({ line: 4, detail: expect.stringContaining('measurement_start_time') });
    expect(byReason.oversize_line).toMatchObject({ line: 5 });
    expect(byReason.truncated_gzip.path).toMatch(/cut\.jsonl\.gz$/);
    expect(rep.rejected).toBe(4);
    expect(rep.stored).toBe(3 + rep.per_file.find((f: { path: string }) => f.path.endsWith('cut.jsonl.gz')).stored);
    const kept = await cli(['measurements', 'files', '--rejects', '--json', '--db', db]);
    expect(JSON.parse(kept.out).rejects).toHaveLength(4);
  });

  it.each(['js', 'duckdb'])(
    '--engine %s: a measurement nested 100,000 levels deep is a too_deep reject naming its line, not a failed ingest (SYNTHETIC deep values in real lines)',
    async (engine) => {
      const shipped = fixtureSets().shipped!;
      const deep = (test: string, key: string, open: string, inner: string, close: string, tag: string) => {
        const m = JSON.parse(shipped.find((l) => (JSON.parse(l) as { test_name: string }).test_name === test)!) as Record<string, unknown>;
        m.report_id = `${String(m.report_id)}_${tag}`;
        (m.test_keys as Record<string, unknown>)[key] = '__DEEP__';
        // written as text: JSON.stringify itself cannot nest this deep
        return JSON.stringify(m).replace('"__DEEP__"', open.repeat(100_000) + inner + close.repeat(100_000));
      };
      const good = variedLines(2, `deep${engine}`);
      // facebook_messenger's whole test_keys and web_connectivity's control are kept in the rule inputs
      const lines = [
        good[0]!,
        deep('facebook_messenger', 'x_deep', '[', '', ']', 'deep1'),
        deep('web_connectivity', 'control', '{"a":', '1', '}', 'deep2'),
        good[1]!,
      ];
      const file = writeJsonl(join(t.dir, `deep-${engine}.jsonl`), lines);
      const r = await runBin(['ingest', file, '--json', '--db', join(t.dir, `deep-${engine}.duckdb`), '--engine', engine, '--workers', '1']);
      expect(r.code, r.err).toBe(3);
      const rep = JSON.parse(r.out);
      expect(rep).toMatchObject({ stored: 2, rejected: 2, reconciled: true });
      expect(rep.rejects.map((j: { line: number; reason: string }) => [j.line, j.reason])).toEqual([
        [2, 'too_deep'],
        [3, 'too_deep'],
      ]);
      expect(rep.rejects[0].detail).toContain('levels deep');
    },
  );
});

describe('kill -9 during ingest', () => {
  it('a rerun ends with every measurement exactly once', async () => {
    const dir = join(t.dir, 'corpus');
    mkdirSync(dir);
    const all = variedLines(1600, 'k');
    for (let f = 0; f < 16; f++)
      writeJsonl(join(dir, `part-${String(f).padStart(2, '0')}.jsonl${f % 2 ? '.gz' : ''}`), all.slice(f * 100, f * 100 + 100), f % 2 === 1);
    const db = join(t.dir, 'kill.duckdb');
    // kill once some batches are committed (progress reports measurements stored)
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'ingest', dir, '--json', '--db', db, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (d: Buffer) => {
        if (/"measurements":[1-9]/.test(d.toString())) child.kill('SIGKILL');
      });
      child.on('close', () => resolve());
    });
    const before = Number((await query(db, 'SELECT count(*) AS n FROM measurements'))[0]!.n);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(1600);
    const rerun = await runBin(['ingest', dir, '--json', '--db', db, '--workers', '2']);
    expect(rerun.code).toBe(0);
    const rep = JSON.parse(rerun.out);
    expect(rep.reconciled).toBe(true);
    const after = await query(db, 'SELECT count(*) AS n, count(DISTINCT id) AS d, count(DISTINCT report_id) AS r FROM measurements');
    expect(after[0]).toMatchObject({ n: 1600n, d: 1600n, r: 1600n });
    expect(rep.stored + before).toBe(1600);
    const files = await query(db, `SELECT count(*) AS n FROM ingest_files WHERE status = 'done'`);
    expect(files[0]!.n).toBe(16n);
    const cells = await query(db, 'SELECT sum(n) AS n FROM measurement_cells WHERE grain = $$day$$');
    expect(Number(cells[0]!.n)).toBe(1600);
  });
});

describe('stdin and incremental cells', () => {
  it('ingests - from stdin (spooled next to the database) and updates only the cells it touches', async () => {
    const db = join(t.dir, 'inc.duckdb');
    const ru = realLines().filter((l) => (JSON.parse(l) as { probe_cc: string }).probe_cc === 'RU');
    const us = realLines().filter((l) => (JSON.parse(l) as { probe_cc: string }).probe_cc === 'US');
    const a = await cli(['ingest', writeJsonl(join(t.dir, 'ru.jsonl'), ru), '--json', '--db', db, '--workers', '0']);
    expect(JSON.parse(a.out).stored).toBe(ru.length);
    const cellsA = await query(db, `SELECT grain, bucket, probe_cc, probe_asn, test_name, target, n, updated_at FROM measurement_cells ORDER BY ALL`);
    await new Promise((r) => setTimeout(r, 20));
    const child = spawn(process.execPath, [BIN, 'ingest', '-', '--json', '--db', db], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end(us.join('\n') + '\n');
    await new Promise((r) => child.on('close', r));
    const b = JSON.parse(out);
    expect(b.stored).toBe(us.length);
    expect(b.per_file[0].path).toMatch(/spool\/stdin-.*\.jsonl$/);
    expect(readFileSync(b.per_file[0].path, 'utf8').trim().split('\n')).toHaveLength(us.length);
    const cellsB = await query(db, `SELECT grain, bucket, probe_cc, probe_asn, test_name, target, n, updated_at FROM measurement_cells ORDER BY ALL`);
    const ruAfter = cellsB.filter((c) => c.probe_cc === 'RU');
    expect(ruAfter).toEqual(cellsA); // untouched, same updated_at
    expect(cellsB.filter((c) => c.probe_cc === 'US').length).toBeGreaterThan(0);
    // one more RU telegram measurement: only its day and hour cells change
    const extra = JSON.stringify({
      ...(JSON.parse(ru.find((l) => l.includes('"test_name":"telegram"'))!) as object),
      report_id: 'SYNTHETIC_second_RU_telegram_report',
    });
    await cli(['ingest', writeJsonl(join(t.dir, 'extra.jsonl'), [extra]), '--json', '--db', db, '--workers', '0']);
    const cellsC = await query(db, `SELECT grain, bucket, probe_cc, probe_asn, test_name, target, n, updated_at FROM measurement_cells ORDER BY ALL`);
    const key = (c: Record<string, unknown>) => Object.values(c).map(String).join('|');
    const changed = cellsC.filter((c) => !cellsB.some((o) => key(o) === key(c)));
    expect(changed.map((c) => `${String(c.grain)} ${String(c.test_name)} ${String(c.n)}`).sort()).toEqual(['day telegram 2', 'hour telegram 2']);
  });
});

describe('stdin sent twice', () => {
  it('is spooled under its bytes, so the second send is unchanged and its rejects are stored once (SYNTHETIC bad line after real ones)', async () => {
    const db = join(t.dir, 'twice.duckdb');
    const body = [...realLines().slice(0, 3), 'garbage'].join('\n') + '\n';
    const send = async () => {
      const child = spawn(process.execPath, [BIN, 'ingest', '-', '--json', '--db', db], { stdio: ['pipe', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stdin.end(body);
      await new Promise((r) => child.on('close', r));
      return JSON.parse(out) as { stored: number; rejected: number; rejected_kept: number; per_file: { path: string; status: string }[] };
    };
    const first = await send();
    expect([first.stored, first.rejected]).toEqual([3, 1]);
    const second = await send();
    expect(second.per_file.map((f) => [f.path, f.status])).toEqual([[first.per_file[0]!.path, 'skipped_unchanged']]);
    expect([second.stored, second.rejected, second.rejected_kept]).toEqual([0, 0, 1]);
    expect(await query(db, 'SELECT count(*)::INT AS n FROM measurement_rejects')).toEqual([{ n: 1 }]);
  });
});

describe('impossible dates', () => {
  it.each(['js', 'duckdb'])(
    '--engine %s: a measurement_start_time not on the calendar is a bad_field reject naming its line; the other lines and files are stored (SYNTHETIC dates in real lines)',
    async (engine) => {
      // over 1 MB each, so engine duckdb reads both through DuckDB's projection
      const many = (tag: string) => {
        const all = variedLines(2000, tag);
        let bytes = 0;
        return all.slice(0, all.findIndex((l) => (bytes += l.length + 1) > 1_200_000) + 1);
      };
      const good = writeJsonl(join(t.dir, `cal-good-${engine}.jsonl`), many(`calg${engine}`));
      const lines = many(`calb${engine}`);
      const dated = (i: number, when: string) => {
        const m = JSON.parse(lines[i]!) as Record<string, unknown>;
        m.measurement_start_time = when;
        lines[i] = JSON.stringify(m);
      };
      dated(1, '2019-02-30 10:00:00');
      dated(3, '2019-04-31 10:00:00');
      dated(5, '2019-01-01 10:00:60');
      const bad = writeJsonl(join(t.dir, `cal-bad-${engine}.jsonl`), lines);
      const r = await runBin(['ingest', good, bad, '--json', '--db', join(t.dir, `cal-${engine}.duckdb`), '--engine', engine, '--workers', '1']);
      expect(r.code, r.err).toBe(3);
      const rep = JSON.parse(r.out);
      expect(rep).toMatchObject({ rejected: 3, reconciled: true, files: { ingested: 2, failed: 0 } });
      expect(rep.stored + rep.duplicates).toBe(rep.lines_read - 3);
      if (engine === 'duckdb') expect(rep.fast.projected).toBeGreaterThan(0);
      expect(rep.rejects.map((j: { line: number; reason: string; detail: string }) => [j.line, j.reason, j.detail.split(' is ')[0]])).toEqual([
        [2, 'bad_field', 'measurement_start_time "2019-02-30 10:00:00"'],
        [4, 'bad_field', 'measurement_start_time "2019-04-31 10:00:00"'],
        [6, 'bad_field', 'measurement_start_time "2019-01-01 10:00:60"'],
      ]);
    },
  );
});

describe('the envelope: probe_cc and probe_asn (SYNTHETIC values in one real line)', () => {
  it('a probe_cc ISO does not assign is stored as ZZ and found by --cc ZZ; a probe_asn as a number or without AS is invalid naming probe_asn', async () => {
    const m = JSON.parse(variedLines(1, 'env')[0]!) as Record<string, unknown>;
    const file = writeJsonl(join(t.dir, 'envelope.jsonl'), [
      JSON.stringify({ ...m, report_id: 'r_env_xx', probe_cc: 'XX' }),
      JSON.stringify({ ...m, report_id: 'r_env_num', probe_asn: 20115 }),
      JSON.stringify({ ...m, report_id: 'r_env_str', probe_asn: '20115' }),
    ]);
    const db = join(t.dir, 'envelope.duckdb');
    const r = await cli(['ingest', file, '--json', '--db', db, '--workers', '0']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ stored: 3, rejected: 0 });
    const zz = await cli(['measurements', 'list', '--cc', 'ZZ', '--json', '--db', db]);
    expect(zz.code, zz.err).toBe(0);
    expect(JSON.parse(zz.out).items.map((i: { report_id: string; status: string; rules: string[] }) => [i.report_id, i.status, i.rules])).toEqual([
      ['r_env_xx', 'invalid', ['validity.unknown_network']],
    ]);
    const asn = await cli(['measurements', 'list', '--asn', 'AS20115', '--json', '--db', db]);
    const items = JSON.parse(asn.out).items as { id: string; report_id: string; status: string; rules: string[] }[];
    expect(items.map((i) => [i.report_id, i.status, i.rules]).sort()).toEqual([
      ['r_env_num', 'invalid', ['validity.bad_field']],
      ['r_env_str', 'invalid', ['validity.bad_field']],
    ]);
    const shown = await cli(['measurements', 'show', items[0]!.id, '--json', '--db', db]);
    expect(shown.out).toContain('"where": "probe_asn"');
  });

  it('a measurement_start_time in the future is a bad_field reject naming the field and its line; the others are stored (exit 3)', async () => {
    const [a, b] = variedLines(2, 'future');
    const m = JSON.parse(a!) as Record<string, unknown>;
    const file = writeJsonl(join(t.dir, 'future.jsonl'), [JSON.stringify({ ...m, measurement_start_time: '2099-01-01 00:00:00' }), b!]);
    const r = await cli(['ingest', file, '--json', '--db', join(t.dir, 'future.duckdb'), '--workers', '0']);
    expect(r.code, r.err).toBe(3);
    const rep = JSON.parse(r.out);
    expect(rep).toMatchObject({ stored: 1, rejected: 1, reconciled: true });
    expect(rep.rejects[0]).toMatchObject({
      line: 1,
      reason: 'bad_field',
      detail: expect.stringMatching(/^measurement_start_time "2099-01-01 00:00:00" is in the future/),
    });
  });
});
