/**
 * The IPv4-to-AS table behind the registry's "whose networks" view. The engine reads the CSV
 * itself (read_csv, ~0.3 s for 412k rows) instead of a JS parse-and-insert loop. Each AS's
 * organisation is materialised at load time, and the ranges are read as typed columns, so the
 * first registry view after a start does not spend a second converting rows.
 */
import type { RegistryRepo } from '../types.js';
import type { DuckDb } from './db.js';

type AsnMethods = Pick<RegistryRepo, 'asnMeta' | 'loadAsnCsv' | 'asnTable'>;

/** Each AS's organisation: the name on most of its rows, ties by name (also in 062_registry_asn_orgs.sql). */
const ORGS = `SELECT asn, org FROM (SELECT asn, org, count(*) AS n FROM registry_asn_ranges GROUP BY ALL)
  QUALIFY row_number() OVER (PARTITION BY asn ORDER BY n DESC, org) = 1`;

export function asnMethods(db: DuckDb): AsnMethods {
  return {
    async asnMeta() {
      const rows = await db.all<{ doc: string }>(`SELECT doc::VARCHAR AS doc FROM registry_asn_meta WHERE id = 'ipv4'`);
      return rows[0] ? (JSON.parse(rows[0].doc) as Record<string, unknown>) : null;
    },
    loadAsnCsv: (path, meta, loadedAt) =>
      db.tx(async (tx) => {
        await tx.run('DELETE FROM registry_asn_ranges');
        const n = await tx.run(
          `INSERT INTO registry_asn_ranges SELECT first, last, asn, coalesce(org, '')
           FROM read_csv($1, header = false, auto_detect = false, quote = '"', escape = '"',
             columns = {'first': 'UBIGINT', 'last': 'UBIGINT', 'asn': 'UINTEGER', 'org': 'VARCHAR'})`,
          [path],
        );
        await tx.run('DELETE FROM registry_asn_orgs');
        await tx.run(`INSERT INTO registry_asn_orgs ${ORGS}`);
        await tx.run(`INSERT OR REPLACE INTO registry_asn_meta VALUES ('ipv4', $1::JSON, $2::TIMESTAMPTZ)`, [JSON.stringify({ ...meta, rows: n }), loadedAt]);
        return n;
      }),
    async asnTable() {
      const cols = await db.numberColumns('SELECT first::UINTEGER AS first, last::UINTEGER AS last, asn FROM registry_asn_ranges ORDER BY first, last');
      // Materialised when the table loads (062_registry_asn_orgs.sql): no GROUP BY over 412k rows here.
      const orgs = await db.columns('SELECT asn, org FROM registry_asn_orgs');
      const asns = orgs.asn as number[];
      const names = orgs.org as string[];
      const byAsn = new Map<number, string>();
      for (let i = 0; i < asns.length; i++) byAsn.set(asns[i]!, names[i]!);
      return { first: cols.first!, last: cols.last!, asn: Uint32Array.from(cols.asn!), orgs: byAsn };
    },
  };
}
