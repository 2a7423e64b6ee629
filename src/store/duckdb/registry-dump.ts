/**
 * Bulk load of one staged dump (RegistryDumpRows) on the writer connection, inside the file's
 * transaction: DuckDB's CSV reader loads the candidate entries, SQL splits the IP lists and
 * converts canonical IPv4 tokens, and only the other distinct tokens (IPv6, odd spellings)
 * cross to Node for the address library. Entries whose tokens are not all addresses are
 * dropped again and returned, so the domain rejects them. Replaces per-value appenders, which
 * cost about 1 µs per value across N-API (bench:registry, bench/RESULTS.md).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RegistryDumpLoad, RegistryDumpRows } from '../types.js';
import {
  BAD_IP_ENTRIES,
  DROP_LINES,
  DROP_TEMP,
  INSERT_RANGES,
  LOAD_GENERAL,
  LOAD_VERBATIM,
  NO_SLOW_TABLE,
  SLOW_TABLE,
  SLOW_TOKENS,
  TOKENS,
  TOTALS,
} from './registry-dump-sql.js';

/** Ask the address library about every token the engine left alone; one JSON parameter back. True when one is not an address. */
async function slowTokens(conn: DuckDBConnection, d: RegistryDumpRows): Promise<boolean> {
  const toks = (await conn.runAndReadAll(SLOW_TOKENS)).getRowsJS().map((r) => r[0] as string);
  if (toks.length === 0) {
    await conn.run(NO_SLOW_TABLE);
    return false;
  }
  const rows = toks.map((tok) => {
    const p = d.parseToken(tok);
    return p
      ? { tok, family: p.family, first: p.first.toString(), last: p.last.toString(), prefix: p.prefix, host_bits: p.hostBits }
      : { tok, family: null, first: null, last: null, prefix: null, host_bits: null };
  });
  await conn.run(SLOW_TABLE, [JSON.stringify(rows)]);
  return rows.some((r) => r.family === null);
}

export async function loadDumpRows(conn: DuckDBConnection, fileId: number, d: RegistryDumpRows): Promise<RegistryDumpLoad> {
  try {
    for await (const part of d.parts) {
      if (part.kind === 'verbatim') await conn.run(LOAD_VERBATIM, [part.path, fileId, part.firstLine - 1]);
      else await conn.run(LOAD_GENERAL, [part.path, fileId]);
    }
    await conn.run(TOKENS, [fileId]);
    const anyBad = await slowTokens(conn, d);
    await conn.run(INSERT_RANGES, [fileId]);
    const badIps = !anyBad
      ? []
      : (await conn.runAndReadAll(BAD_IP_ENTRIES, [fileId])).getRowsJS().map(([line, ips]) => ({ line: Number(line), ips: ips as string }));
    const dropped = JSON.stringify(badIps.map((b) => b.line));
    if (badIps.length) for (const sql of DROP_LINES) await conn.run(sql, [fileId, dropped]);
    const t = (await conn.runAndReadAll(TOTALS, [fileId, dropped])).getRowObjectsJS()[0]!;
    return { stored: Number(t.stored), ipv4: Number(t.ipv4), ipv6: Number(t.ipv6), cidr: Number(t.cidr), hostBits: Number(t.host_bits), badIps };
  } finally {
    for (const sql of DROP_TEMP) await conn.run(sql).catch(() => undefined);
  }
}
