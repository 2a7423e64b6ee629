/**
 * `splinternet serve`: open the database, advertise it in the lock file so CLI commands route
 * through this process, and serve the API (and dashboard) on 127.0.0.1:8787 by default.
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import type { Command } from '@commander-js/extra-typings';
import { createApp } from '../../server/app.js';
import { newSecret, readLock, removeLock, writeLock } from '../../op/index.js';
import { keepWarm } from '../../server/warm.js';
import { AppError, packagePath, systemClock } from '../../shared/index.js';
import { openStore } from '../../store/index.js';
import { ctxOf, intOption, leaf } from '../command.js';
import type { Io } from '../context.js';

export function serveCommand(program: Command, io: Io): void {
  leaf(program, 'serve', 'serve the API and dashboard (binds 127.0.0.1 unless --host says otherwise)')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'TCP port', intOption('--port'), 8787)
    .option('--no-warm', "do not pre-compute the dashboard's heaviest responses after start")
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const dbPath = ctx.dbPath;
      const other = readLock(dbPath);
      if (other) throw new AppError('STORE_LOCKED', `another server (pid ${other.pid}) already serves ${dbPath} at ${other.url}`);
      const store = await openStore(dbPath);
      const secret = newSecret();
      const webRoot = packagePath('web', 'dist');
      const app = createApp({ store, clock: systemClock, dbPath, opsSecret: secret, webRoot: existsSync(webRoot) ? webRoot : undefined });
      const host = o.host as string;
      const port = o.port as number;
      const warming = new AbortController();
      let warmer: { idle: () => Promise<unknown> } | undefined;
      await new Promise<void>((resolve, reject) => {
        const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
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
        });
        server.on('error', (e: NodeJS.ErrnoException) => {
          void store.close();
          reject(new AppError('UNAVAILABLE', e.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use; pick another with --port` : e.message, { cause: e }));
        });
        const stop = () => {
          warming.abort();
          removeLock(dbPath);
          server.close();
          // The warm-up stops between two requests: let the one in flight finish before closing.
          void Promise.resolve(warmer?.idle())
            .then(() => store.close())
            .then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
