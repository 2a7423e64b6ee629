/**
 * `splinternet doctor`: is this machine ready? Node version, DuckDB, built-in json/parquet
 * extensions (never installed over the network), the database's schema version against the
 * code's (pending migrations reported, not applied: the file is opened read-only; a table or
 * column the version implies that is missing is a failure naming it), free disk;
 * and is the store's derived data made by the current code (src/db/derived.ts): a stale
 * dataset is named with the command that refreshes it, a warning (exit 0) unless --strict
 * (exit 3); a failed check is exit 1.
 */
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import type { DerivedCheck } from '../../db/derived.js';
import { dbDerived, dbInfo, dbSchema, dbVerify } from '../../db/ops.js';
import { schemaStatus, type SchemaStatus } from '../../db/schema-status.js';
import { hooksList } from '../../watch/ops.js';
import { CORRUPT_ADVICE, openStore, type SchemaCheck } from '../../store/index.js';
import { ctxOf, leaf } from '../command.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { storeCheckOf } from '../../server/health.js';
import { existsSync } from 'node:fs';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export function doctorCommand(program: Command, io: Io): void {
  leaf(
    program,
    'doctor',
    'check Node, DuckDB, built-in extensions, schema version, disk, and whether derived data is current (--deep: read every row of every table)',
  )
    .option('--deep', 'read every row of every table: says "corrupt" with recovery advice when a data block is damaged')
    .option('--strict', 'exit 3 when derived data was made by earlier code or migrations are pending (without it, a warning: exit 0)')
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
      // The store the ops use: the one named, else (a serve holding the --db file) the server's.
      const cluster = ctx.storeKind === 'clickhouse';
      // The --db file, opened read-only (doctor reports pending migrations, it never applies them),
      // alone when in-process: its schema, its rows and its webhook secrets are checked on a cluster
      // node as on DuckDB (the ledger, tokens and webhooks live there).
      const fileOnly = { readOnly: true, fileOnly: true };
      let schema: SchemaCheck | null = null;
      let status: SchemaStatus | null = null;
      const fileMissing = cluster && !existsSync(ctx.dbPath);
      if (fileMissing)
        checks.push({ name: 'database', ok: true, detail: `${ctx.dbPath} does not exist yet (created by db seed, db migrate, serve or an import)` });
      else {
        try {
          schema = await ctx.run(dbSchema, {}, ctx.progress(), fileOnly);
          status = schemaStatus(ctx.dbPath, schema);
          checks.push({ name: 'database', ok: status.ok, detail: status.detail });
        } catch (e) {
          checks.push({ name: 'database', ok: false, detail: (e as Error).message });
        }
      }
      // the data is read only from a file whose schema is this code's, all of it
      const fileReadable = status?.ok === true && !status.pending;
      const readable = fileMissing || fileReadable;
      if (cluster) {
        try {
          const info = await ctx.run(dbInfo, {}, ctx.progress(), { readOnly: true });
          const sh = info.shards;
          // judged as /healthz judges it (a serve that holds the file answers even when no shard does)
          checks.push({ name: 'store', ...storeCheckOf(info) });
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
      if (o.deep && schema) {
        try {
          const tables = await ctx.run(dbVerify, {}, ctx.progress(), fileOnly);
          const rows = tables.reduce((n, t) => n + (t.rows ?? 0), 0);
          const bad = tables.filter((t) => !t.ok);
          // the tables its schema version implies count, those it lacks as not read
          const missing = schema.missingTables;
          checks.push({
            name: 'tables',
            ok: bad.length === 0 && missing.length === 0,
            detail:
              `${tables.length - bad.length} of ${tables.length + missing.length} read end to end (${rows.toLocaleString('en')} rows)` +
              (missing.length ? `; missing: ${missing.join(', ')}` : ''),
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
      let derived: DerivedCheck[] = [];
      if (readable) {
        try {
          derived = await ctx.run(dbDerived, {}, ctx.progress(), { readOnly: true });
        } catch (e) {
          checks.push({ name: 'derived data', ok: false, detail: (e as Error).message });
        }
      } else if (status?.pending) checks.push({ name: 'derived data', ok: true, detail: 'not checked until the pending migrations are applied' });
      // webhook subscriptions whose secret the key file cannot open: their deliveries can never be signed
      if (fileReadable) {
        try {
          const lost = (await ctx.run(hooksList, { all: false }, ctx.progress(), fileOnly)).items.filter((h) => h.secret_problem);
          checks.push({
            name: 'webhook secrets',
            ok: lost.length === 0,
            detail: lost.length ? lost.map((h) => `${h.id}: ${h.secret_problem}`).join('; ') : "every active subscription's secret opens with the key file",
          });
        } catch (e) {
          checks.push({ name: 'webhook secrets', ok: false, detail: (e as Error).message });
        }
      }
      let dir = dirname(ctx.dbPath);
      while (!existsSync(dir)) dir = dirname(dir);
      const fs = await statfs(dir);
      const free = fs.bavail * fs.bsize;
      checks.push({ name: 'disk', ok: free > 1e9, detail: `${(free / 1e9).toFixed(1)} GB free at ${dir}` });
      const ok = checks.every((c) => c.ok);
      const current = derived.every((d) => d.status !== 'stale') && status?.pending !== true;
      if (!ok) io.setExit(EXIT.ERROR);
      if (!current && o.strict) io.setExit(EXIT.PARTIAL);
      const label = { current: 'ok   ', stale: 'stale', empty: 'ok   ', unchecked: '?    ' } as const;
      ctx.print(
        { ok, current, checks, derived },
        (r: { checks: Check[]; derived: DerivedCheck[] }) =>
          [
            ...r.checks.map((c) => `${c.ok ? 'ok   ' : 'FAIL '} ${c.name.padEnd(23)} ${c.detail}`),
            ...r.derived.map(
              (d) => `${label[d.status]} ${d.dataset.padEnd(23)} ${d.detail}${d.commands ? `: run ${d.commands.map((c) => `\`${c}\``).join(', then ')}` : ''}`,
            ),
          ].join('\n') + '\n',
      );
    });
}
