/**
 * DuckDB implementation of ElectionsRepo (migration 100). A file's stations (votes as a list)
 * are staged as a CSV in the temp folder and loaded by read_csv inside one transaction that first
 * deletes the file's previous rows: ~1 µs per appended value across N-API would cost more
 * than the whole parse (bench:elections). Reads are analytical scans grouped in SQL.
 */
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  ElectionChoiceRecord,
  ElectionFileRecord,
  ElectionRecord,
  ElectionRejectRecord,
  ElectionFilter,
  ElectionStationRecord,
  ElectionsRepo,
  ElectionWriteView,
  ElectionTotalsRow,
  ElectionFileData,
} from '../types.js';
import { ELECTION_COUNT_COLUMNS as COUNT_COLS, type ElectionDistrictResultRecord } from '../contracts/elections.js';
import { CsvStage } from './csv-stage.js';
import { connSql, type DuckDb, type Param, type Row } from './db.js';

const TABLES = ['election_stations', 'election_rejects', 'election_district_results', 'election_deg_bins', 'election_files'];
const ISSUED = 'coalesce(issued, coalesce(issued_early, 0) + coalesce(issued_station, 0) + coalesce(issued_outside, 0))';
const CAST = 'coalesce(valid, 0) + coalesce(invalid, 0)';

const q = (s: string | null): string => (s === null ? '' : `"${s.replace(/"/g, '""')}"`);

/** Stations as CSV bytes: text quoted, NULL as an empty unquoted field, flags and votes ";"-joined. */
function stage(rows: ElectionStationRecord[]): Buffer {
  const out = new CsvStage();
  for (const r of rows) {
    out.int(r.line).text(r.region).text(r.region_code).text(r.oik).text(r.tik).text(r.uik).raw(r.kind).raw(String(r.electronic));
    const c = r.counts;
    for (const k of COUNT_COLS) out.int(c[k]);
    out.text(r.flags.join(';')).ints(r.votes, ';').end();
  }
  return out.bytes();
}

/** Load a staged CSV into `table`, prefixing (election_id, file); `select` may convert columns. */
async function loadCsv(
  conn: DuckDBConnection,
  table: string,
  keys: [string, string],
  text: string | Buffer,
  columns: Record<string, string>,
  select = '*',
): Promise<void> {
  const path = join(tmpdir(), `splinternet-${table}-${randomUUID()}.csv`);
  writeFileSync(path, text);
  try {
    const cols = Object.entries(columns)
      .map(([k, t]) => `'${k}': '${t}'`)
      .join(', ');
    await conn.run(
      `INSERT INTO ${table} SELECT $2, $3, ${select} FROM read_csv($1, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${cols}})`,
      [path, ...keys],
    );
  } finally {
    rmSync(path, { force: true });
  }
}

const STATION_COLUMNS: Record<string, string> = {
  line: 'INTEGER',
  region: 'VARCHAR',
  region_code: 'VARCHAR',
  oik: 'VARCHAR',
  tik: 'VARCHAR',
  uik: 'VARCHAR',
  kind: 'VARCHAR',
  electronic: 'BOOLEAN',
  ...Object.fromEntries(COUNT_COLS.map((c) => [c, 'BIGINT'])),
  flags: 'VARCHAR',
  votes: 'VARCHAR',
};
const STATION_SELECT = `${Object.keys(STATION_COLUMNS).slice(0, -1).join(', ')}, string_split(votes, ';')::BIGINT[]`;

function where(id: string, f: ElectionFilter, params: Param[] = []): { sql: string; params: Param[] } {
  params.push(id);
  const c = [`s.election_id = $${params.length}`];
  if (f.region_code || f.region_name) {
    const parts: string[] = [];
    if (f.region_code) parts.push(`s.region_code = $${params.push(f.region_code)}`);
    if (f.region_name) parts.push(`lower(s.region) = lower($${params.push(f.region_name)})`);
    c.push(`(${parts.join(' OR ')})`);
  }
  if (f.oiks) c.push(f.oiks.length ? `s.oik IN (${f.oiks.map((o) => `$${params.push(o)}`).join(', ')})` : 'FALSE');
  if (f.electronic !== undefined) c.push(`s.electronic = $${params.push(f.electronic)}`);
  if (f.stations_only) c.push(`s.kind <> 'aggregate'`);
  if (f.unflagged_only) c.push(`s.flags = ''`);
  return { sql: c.join(' AND '), params };
}

const GROUP: Record<'election' | 'region' | 'district', { sel: string; by: string }> = {
  election: { sel: 'NULL::VARCHAR AS region, NULL::VARCHAR AS region_code, NULL::VARCHAR AS district', by: '' },
  region: { sel: 's.region AS region, any_value(s.region_code) AS region_code, NULL::VARCHAR AS district', by: 's.region,' },
  district: { sel: 's.region AS region, any_value(s.region_code) AS region_code, s.oik AS district', by: 's.region, s.oik,' },
};

/** The reads of an import's plan, on the writer's connection inside its transaction. */
function writeView(conn: DuckDBConnection, election_id: string, file: string): ElectionWriteView {
  const sql = connSql(conn);
  return {
    async fileChecksum() {
      const r = await sql.all<{ checksum: string }>('SELECT checksum FROM election_files WHERE election_id = $1 AND file = $2', [election_id, file]);
      return r[0]?.checksum ?? null;
    },
    async keyFiles(what) {
      const keys =
        what === 'stations'
          ? `SELECT concat_ws('|', region, coalesce(oik, ''), coalesce(tik, ''), coalesce(uik, '')) AS k, file FROM election_stations`
          : `SELECT concat_ws('|', district, candidate) AS k, file FROM election_district_results`;
      const rows = await sql.all<{ k: string; file: string }>(`${keys} WHERE election_id = $1 AND file <> $2`, [election_id, file]);
      return new Map(rows.map((r) => [r.k, r.file]));
    },
    async choices() {
      return sql.all<ElectionChoiceRecord & Row>('SELECT * FROM election_choices WHERE election_id = $1 ORDER BY idx', [election_id]);
    },
  };
}

/** Replace a file's rows inside the caller's transaction; the number of stations it stored before. */
async function replaceIn(conn: DuckDBConnection, file: ElectionFileRecord, data: ElectionFileData): Promise<number> {
  const prev = (await conn.runAndReadAll('SELECT stored FROM election_files WHERE election_id = $1 AND file = $2', [file.election_id, file.file])).getRowsJS();
  for (const t of TABLES) await conn.run(`DELETE FROM ${t} WHERE election_id = $1 AND file = $2`, [file.election_id, file.file]);
  const e = data.election;
  await conn.run('INSERT OR REPLACE INTO elections VALUES ($1, $2, $3, $4)', [e.id, e.kind, e.year, e.title]);
  if (data.choices) {
    await conn.run('DELETE FROM election_choices WHERE election_id = $1', [e.id]);
    for (const c of data.choices) await conn.run('INSERT INTO election_choices VALUES ($1, $2, $3, $4, $5)', [e.id, c.idx, c.name, c.label, c.label_en]);
  }
  if (data.stations?.length) {
    await loadCsv(conn, 'election_stations', [e.id, file.file], stage(data.stations), STATION_COLUMNS, STATION_SELECT);
  }
  for (const r of data.districtResults ?? []) {
    await conn.run(
      'INSERT INTO election_district_results (election_id, file, line, district, candidate, paper, electronic, total, flags, paper_pct, electronic_pct, total_pct) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
      [e.id, file.file, r.line, r.district, r.candidate, r.paper, r.electronic, r.total, r.flags.join(';'), r.paper_pct, r.electronic_pct, r.total_pct],
    );
  }
  if (data.degBins?.rows.length) {
    const text = data.degBins.rows.map((r) => `${q(data.degBins!.series)},${r.district},${r.t},${q(r.choice)},${r.votes}`).join('\n') + '\n';
    await loadCsv(conn, 'election_deg_bins', [e.id, file.file], text, {
      series: 'VARCHAR',
      district: 'INTEGER',
      t_ms: 'BIGINT',
      choice: 'VARCHAR',
      votes: 'BIGINT',
    });
  }
  for (const r of data.rejects) await conn.run('INSERT INTO election_rejects VALUES ($1, $2, $3, $4, $5)', [e.id, file.file, r.line, r.reason, r.detail]);
  await conn.run('INSERT INTO election_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::TIMESTAMPTZ)', [
    file.election_id,
    file.file,
    file.format,
    file.checksum,
    file.lines_read,
    file.stored,
    file.rejected,
    file.flagged,
    file.imported_at,
  ]);
  return prev.length ? Number(prev[0]![0]) : 0;
}

export function duckElectionsRepo(db: DuckDb): ElectionsRepo {
  return {
    writeFile: (election_id, file, plan) =>
      db.withWriter(async (conn) => {
        await conn.run('BEGIN TRANSACTION');
        try {
          const p = await plan(writeView(conn, election_id, file));
          if (!p.store) {
            await conn.run('ROLLBACK');
            return { result: p.result, previous: 0 };
          }
          const previous = await replaceIn(conn, p.store.record, p.store.data);
          await db.pauseInTx('elections.file', `file=${file}`);
          await conn.run('COMMIT');
          return { result: p.result, previous };
        } catch (err) {
          await conn.run('ROLLBACK').catch(() => undefined);
          throw err;
        }
      }),

    list: () =>
      db.all<ElectionRecord & { stations: number; aggregates: number; files: number; rejected: number; flagged: number } & Row>(
        `SELECT e.id, e.kind, e.year, e.title,
           (SELECT count(*) FROM election_stations s WHERE s.election_id = e.id AND s.kind <> 'aggregate')::INTEGER AS stations,
           (SELECT count(*) FROM election_stations s WHERE s.election_id = e.id AND s.kind = 'aggregate')::INTEGER AS aggregates,
           (SELECT count(*) FROM election_files f WHERE f.election_id = e.id)::INTEGER AS files,
           coalesce((SELECT sum(rejected) FROM election_files f WHERE f.election_id = e.id), 0)::INTEGER AS rejected,
           coalesce((SELECT sum(flagged) FROM election_files f WHERE f.election_id = e.id), 0)::INTEGER AS flagged
         FROM elections e ORDER BY e.year, e.kind`,
      ),

    async get(id) {
      const e = await db.all<ElectionRecord & Row>('SELECT * FROM elections WHERE id = $1', [id]);
      if (!e[0]) return null;
      const choices = await db.all<ElectionChoiceRecord & Row>('SELECT * FROM election_choices WHERE election_id = $1 ORDER BY idx', [id]);
      const files = await db.all<ElectionFileRecord & Row>(
        `SELECT election_id, file, format, checksum, lines_read, stored, rejected, flagged, strftime(imported_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS imported_at FROM election_files WHERE election_id = $1 ORDER BY file`,
        [id],
      );
      return { election: e[0], choices, files };
    },

    async totals(id, by, f) {
      const w = where(id, f);
      const g = GROUP[by];
      const width = (await db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM election_choices WHERE election_id = $1', [id]))[0]?.n ?? 0;
      // width is a count read from the store (an integer), never user text.
      const votes =
        width > 0 ? `[${Array.from({ length: Math.trunc(width) }, (_, i) => `coalesce(sum(s.votes[${i + 1}]), 0)::BIGINT`).join(', ')}]` : '[]::BIGINT[]';
      return db.all<ElectionTotalsRow & Row>(
        `SELECT ${g.sel}, s.electronic, count(*) FILTER (WHERE s.kind <> 'aggregate')::INTEGER AS stations,
           count(*) FILTER (WHERE s.kind = 'aggregate')::INTEGER AS aggregates, count(*) FILTER (WHERE s.flags <> '')::INTEGER AS flagged,
           coalesce(sum(s.registered), 0)::BIGINT AS registered, coalesce(sum(${ISSUED}), 0)::BIGINT AS issued,
           coalesce(sum(${CAST}), 0)::BIGINT AS cast, coalesce(sum(s.valid), 0)::BIGINT AS valid, coalesce(sum(s.invalid), 0)::BIGINT AS invalid,
           ${votes} AS votes
         FROM election_stations s WHERE ${w.sql} GROUP BY ${g.by} s.electronic ORDER BY 1, 3, s.electronic`,
        w.params,
      );
    },

    async arrays(id, leaderIdx, f) {
      const w = where(id, f, [leaderIdx]);
      const cols = await db.numberColumns(
        `SELECT s.registered, ${ISSUED} AS issued, ${CAST} AS cast, coalesce(s.valid, 0) AS valid, coalesce(s.votes[$1 + 1], 0) AS leader,
           (s.flags <> '')::INTEGER AS flagged, s.electronic::INTEGER AS electronic, dense_rank() OVER (ORDER BY s.region) - 1 AS region
         FROM election_stations s
         WHERE ${w.sql} ORDER BY s.file, s.line`,
        w.params,
      );
      const w2 = where(id, f);
      const regions = await db.all<{ region: string }>(`SELECT DISTINCT s.region FROM election_stations s WHERE ${w2.sql} ORDER BY 1`, w2.params);
      const nrow = cols.registered?.length ?? 0;
      return {
        n: nrow,
        registered: cols.registered ?? new Float64Array(0),
        issued: cols.issued ?? new Float64Array(0),
        cast: cols.cast ?? new Float64Array(0),
        valid: cols.valid ?? new Float64Array(0),
        leader: cols.leader ?? new Float64Array(0),
        flagged: Uint8Array.from(cols.flagged ?? []),
        electronic: Uint8Array.from(cols.electronic ?? []),
        region: Uint16Array.from(cols.region ?? []),
        regions: regions.map((r) => r.region),
      };
    },

    async flagCounts(id, f) {
      const w = where(id, f);
      const rows = await db.all<{ flag: string; n: number }>(
        `SELECT flag, count(*)::INTEGER AS n FROM (SELECT unnest(string_split(s.flags, ';')) AS flag FROM election_stations s WHERE ${w.sql} AND s.flags <> '') GROUP BY flag ORDER BY flag`,
        w.params,
      );
      return Object.fromEntries(rows.map((r) => [r.flag, r.n]));
    },

    rejects: (id, limit) =>
      db.all<ElectionRejectRecord & Row>('SELECT file, line, reason, detail FROM election_rejects WHERE election_id = $1 ORDER BY file, line LIMIT $2', [
        id,
        limit,
      ]),

    async districtResults(id) {
      const rows = await db.all<Omit<ElectionDistrictResultRecord, 'flags'> & { flags: string }>(
        'SELECT line, district, candidate, paper, electronic, total, paper_pct, electronic_pct, total_pct, flags FROM election_district_results WHERE election_id = $1 ORDER BY district, total DESC, candidate',
        [id],
      );
      return rows.map((r) => ({ ...r, flags: r.flags ? r.flags.split(';') : [] }));
    },

    async degBins(id, series) {
      return db.all<{ district: number; t: number; choice: string; votes: number }>(
        'SELECT district, t_ms AS t, choice, votes FROM election_deg_bins WHERE election_id = $1 AND series = $2 ORDER BY district, t_ms, choice',
        [id, series],
      );
    },
  };
}
