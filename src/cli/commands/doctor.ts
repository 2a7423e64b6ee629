/**
 * `splinternet doctor`: is this machine ready? Node version, DuckDB, built-in json/parquet
 * extensions (never installed over the network), the database's schema version, free disk.
 */
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { dbInfo, dbVerify } from '../../db/ops.js';
import { CORRUPT_ADVICE, openStore } from '../../store/index.js';
import { ctxOf, leaf } from '../command.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { existsSync } from 'node:fs';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export function doctorCommand(program: Command, io: Io): void {
  leaf(program, 'doctor', 'check Node, DuckDB, built-in extensions, schema version and disk (--deep: read every row of every table)')
    .option('--deep', 'read every row of every table: says "corrupt" with recovery advice when a data block is damaged')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const checks: Check[] = [];
      const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
      checks.push({ name: 'node', ok: major > 20 || (major === 20 && minor >= 19), detail: `v${process.versions.node} (need >= 20.19)` });
      try {
        const mem = await openStore(':memory:', { migrate: false });
        const info = await mem.info();
        await mem.close();
        checks.push({ name: 'duckdb', ok: true, detail: info.engineVersion });
        for (const ext of ['json', 'parquet']) {
          const e = info.extensions.find((x) => x.name === ext);
          checks.push({
            name: `extension ${ext}`,
            ok: Boolean(e?.loaded),
            detail: e ? `built in, loaded=${e.loaded}` : 'missing (would need a network INSTALL)',
          });
        }
      } catch (e) {
        checks.push({ name: 'duckdb', ok: false, detail: (e as Error).message });
      }
      if (existsSync(ctx.dbPath)) {
        try {
          const info = await ctx.run(dbInfo, {});
          // with a server store, info describes the cluster; the file's own version is info.embedded
          checks.push({ name: 'database', ok: true, detail: `${ctx.dbPath}, schema version ${(info.embedded ?? info).schemaVersion}` });
        } catch (e) {
          checks.push({ name: 'database', ok: false, detail: (e as Error).message });
        }
      } else checks.push({ name: 'database', ok: true, detail: `${ctx.dbPath} does not exist yet (created by db seed / serve)` });
      if (ctx.storeUrl) {
        try {
          const info = await ctx.run(dbInfo, {});
          const sh = info.shards;
          checks.push({ name: 'store', ok: true, detail: `${info.kind} ${info.path}, server ${info.engineVersion}, schema version ${info.schemaVersion}` });
          if (sh)
            checks.push({
              name: 'shards',
              ok: sh.answering === sh.total,
              detail: `${sh.answering} of ${sh.total} answer (${sh.hosts.map((h) => `${h.shard}: ${h.host}:${h.port} ${h.ok ? 'ok' : 'DOWN'}`).join(', ')})`,
            });
        } catch (e) {
          checks.push({ name: 'store', ok: false, detail: (e as Error).message });
        }
      } else checks.push({ name: 'store', ok: true, detail: 'duckdb (the --db file; --store or SPLINTERNET_STORE selects a ClickHouse cluster)' });
      if (o.deep && existsSync(ctx.dbPath) && !ctx.storeUrl) {
        try {
          const tables = await ctx.run(dbVerify, {});
          const rows = tables.reduce((n, t) => n + (t.rows ?? 0), 0);
          const bad = tables.filter((t) => !t.ok);
          checks.push({
            name: 'tables',
            ok: bad.length === 0,
            detail: `${tables.length - bad.length} of ${tables.length} read end to end (${rows.toLocaleString('en')} rows)`,
          });
          for (const t of bad) {
            checks.push({
              name: `table ${t.table}`,
              ok: false,
              detail: `${t.corrupt ? 'corrupt' : 'unreadable'}: ${t.error}${t.corrupt && !t.error?.includes(CORRUPT_ADVICE) ? ` ${CORRUPT_ADVICE}.` : ''}`,
            });
          }
        } catch (e) {
          checks.push({ name: 'tables', ok: false, detail: (e as Error).message });
        }
      }
      let dir = dirname(ctx.dbPath);
      while (!existsSync(dir)) dir = dirname(dir);
      const fs = await statfs(dir);
      const free = fs.bavail * fs.bsize;
      checks.push({ name: 'disk', ok: free > 1e9, detail: `${(free / 1e9).toFixed(1)} GB free at ${dir}` });
      const ok = checks.every((c) => c.ok);
      if (!ok) io.setExit(EXIT.ERROR);
      ctx.print(
        { ok, checks },
        (r: { checks: Check[] }) => r.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(18)} ${c.detail}`).join('\n') + '\n',
      );
    });
}
