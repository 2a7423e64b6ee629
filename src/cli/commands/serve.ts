/**
 * `splinternet serve`: open the database, advertise it in the lock file so CLI commands route
 * through this process, and serve the API (and dashboard) on 127.0.0.1:8787 by default.
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import type { Command } from '@commander-js/extra-typings';
import { createApp } from '../../server/app.js';
import { allowedHostsFor, LOOPBACK_HOSTS } from '../../server/hardening.js';
import { limitsOf } from '../../server/limits.js';
import { newSecret, readLock, removeLock, writeLock } from '../../op/index.js';
import { keepWarm } from '../../server/warm.js';
import { AppError, packagePath, realDirs, systemClock } from '../../shared/index.js';
import { openStore } from '../../store/index.js';
import { collect, ctxOf, intOption, leaf } from '../command.js';
import type { Io } from '../context.js';

/** How long `serve` waits on SIGINT/SIGTERM for running requests before it exits anyway. */
const SHUTDOWN_MS = 10_000;

export function serveCommand(program: Command, io: Io): void {
  leaf(program, 'serve', 'serve the API and dashboard (binds 127.0.0.1 unless --host says otherwise)')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'TCP port', intOption('--port'), 8787)
    .option('--no-warm', "do not pre-compute the dashboard's heaviest responses after start")
    .option('--import-dir <dir>', 'a folder API tokens with the import scope may import from (repeatable; none: no server-side file reads over HTTP)', collect, [])
    .option('--allow-host <name>', 'a Host name this server answers to besides loopback and --host (repeatable)', collect, [])
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const dbPath = ctx.dbPath;
      const other = readLock(dbPath);
      if (other) throw new AppError('STORE_LOCKED', `another server (pid ${other.pid}) already serves ${dbPath} at ${other.url}`);
      const store = await openStore(dbPath);
      const secret = newSecret();
      const webRoot = packagePath('web', 'dist');
      const host = o.host as string;
      const port = o.port as number;
      const importDirs = o.importDir as string[];
      const missing = importDirs.filter((d) => !existsSync(d));
      if (missing.length) throw new AppError('VALIDATION', `--import-dir: no such folder: ${missing.join(', ')}`, { issues: [{ path: ['import-dir'], message: 'must exist' }] });
      const limits = limitsOf();
      const app = createApp({
        store,
        clock: systemClock,
        dbPath,
        opsSecret: secret,
        webRoot: existsSync(webRoot) ? webRoot : undefined,
        importDirs: realDirs(importDirs),
        allowedHosts: allowedHostsFor(host, o.allowHost as string[]),
        limits,
      });
      if (!LOOPBACK_HOSTS.includes(host) && host !== '::1') {
        io.err.write(
          `warning: --host ${host} exposes the API beyond this machine. Reads are public; writes need scoped tokens. ` +
            'Put TLS and a trusted reverse proxy in front, and name its Host with --allow-host.\n',
        );
      }
      const warming = new AbortController();
      let warmer: { idle: () => Promise<unknown> } | undefined;
      await new Promise<void>((resolve, reject) => {
        const server = serve(
          { fetch: app.fetch, hostname: host, port, serverOptions: { requestTimeout: limits.requestTimeoutMs, headersTimeout: limits.headersTimeoutMs, keepAliveTimeout: limits.keepAliveTimeoutMs } },
          (info) => {
          const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
          writeLock(dbPath, { pid: process.pid, url, secret, started_at: new Date().toISOString() });
          if (ctx.globals.json) io.out.write(JSON.stringify({ url, db: dbPath, pid: process.pid }) + '\n');
          else io.out.write(`Splinternet Observatory serving ${dbPath}\n  ${url}\n  API docs: ${url}/docs\n`);
          if (o.warm !== false) {
            warmer = keepWarm(app, store, {
              signal: warming.signal,
              onWarm: (r, nth) => {
                if (ctx.globals.json) io.out.write(JSON.stringify({ warm: r }) + '\n');
                else if (nth === 0) io.out.write(`  warmed ${r.warmed.length} dashboard responses in ${(r.ms / 1000).toFixed(1)} s (--no-warm skips this)\n`);
              },
            });
          }
          },
        );
        // Beyond this many open sockets node refuses new ones (each keeps its own buffers).
        (server as unknown as { maxConnections: number }).maxConnections = limits.maxConnections;
        server.on('error', (e: NodeJS.ErrnoException) => {
          void store.close();
          reject(new AppError('UNAVAILABLE', e.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use; pick another with --port` : e.message, { cause: e }));
        });
        const stop = () => {
          warming.abort();
          removeLock(dbPath);
          server.close();
          (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          // A hard stop if reads or the warm-up do not finish in time (the lock file is already gone).
          setTimeout(() => {
            io.err.write(`serve: requests still running after ${SHUTDOWN_MS / 1000} s; stopping anyway\n`);
            process.exit(1);
          }, SHUTDOWN_MS).unref();
          // The warm-up stops between two requests: let the one in flight finish before closing;
          // store.close() waits for the reads in flight (interrupting them past its own timeout).
          void Promise.resolve(warmer?.idle())
            .then(() => store.close())
            .then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
