/**
 * Hold the database for a long-lived process (`serve`, `watch`): open it, serve the API (and
 * dashboard) on 127.0.0.1 by default with the server's hardening (Host allow-list, limits),
 * advertise it in the lock file so CLI commands route through this process, and on
 * SIGINT/SIGTERM stop what was attached, close the server and the store, and resolve (a clean
 * exit; a hard stop after SHUTDOWN_MS if requests do not finish).
 */
import { existsSync, statSync } from 'node:fs';
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { serve } from '@hono/node-server';
import { heldByServer, heldByServerError, newSecret, readLock, removeLock, writeLock } from '../op/index.js';
import { createApp } from '../server/app.js';
import { bindHost, isLoopbackAddress, localUrl } from '../server/bind-host.js';
import { allowedHostsFor, canonicalHostListener } from '../server/hardening.js';
import { httpServerOptions, limitsOf } from '../server/limits.js';
import { CostPool } from '../server/cost-pool.js';
import { setCostCompute } from '../cost/index.js';
import { AppError, packagePath, realDirs, systemClock } from '../shared/index.js';
import { openStore, storeIdentity, type Store } from '../store/index.js';
import type { CliContext, Io } from './context.js';

/** How long the process waits on SIGINT/SIGTERM for running work before it exits anyway. */
const SHUTDOWN_MS = 10_000;

export interface HostOptions {
  host: string;
  port: number;
  /** Folders API tokens with the import scope may import from. */
  importDirs: string[];
  /** Host names answered besides loopback and --host. */
  allowHosts: string[];
}

export interface Attached {
  /** Called on SIGINT/SIGTERM before the store closes; resolves when the attached work is idle. */
  stop(): Promise<unknown>;
}

export async function hostDatabase(
  ctx: CliContext,
  io: Io,
  o: HostOptions,
  attach: (x: { store: Store; app: ReturnType<typeof createApp>; url: string }) => Attached | Promise<Attached>,
): Promise<void> {
  const dbPath = ctx.dbPath;
  const bound = bindHost(o.host);
  if (bound === null) throw new AppError('USAGE', `--host must be a host name or an IP address, got ${JSON.stringify(o.host)}`);
  const other = readLock(dbPath);
  if (other) throw new AppError('STORE_LOCKED', `another server (pid ${other.pid}) already serves ${dbPath} at ${other.url}`);
  // every --import-dir must be an existing folder (a symlink to one included): a file or a missing path is refused before the store opens
  const missing = o.importDirs.filter((d) => !existsSync(d));
  if (missing.length)
    throw new AppError('VALIDATION', `--import-dir: no such folder: ${missing.join(', ')}`, { issues: [{ path: ['import-dir'], message: 'must exist' }] });
  const notDirs = o.importDirs.filter((d) => !statSync(d).isDirectory());
  if (notDirs.length)
    throw new AppError('VALIDATION', `--import-dir: not a folder: ${notDirs.join(', ')} (give the folder that holds the files)`, {
      issues: [{ path: ['import-dir'], message: 'must be a folder' }],
    });
  const store = await openStore(dbPath, { store: ctx.storeUrl }).catch((e: unknown) => {
    // the file is served already under another name (a hard link): name that server
    const held = heldByServer(e, dbPath);
    throw held
      ? heldByServerError(e as AppError, dbPath, held, `commands with --db ${held.path} (or this name) go through it; stop it first to serve the file here`)
      : e;
  });
  const secret = newSecret();
  const webRoot = packagePath('web', 'dist');
  const limits = limitsOf();
  // Pricing runs in worker threads, so a long Monte Carlo never stalls other requests.
  const pool = new CostPool({ size: limits.costWorkers, queue: limits.costQueue, timeoutMs: limits.costTimeoutMs });
  setCostCompute(store, pool.run);
  let origin: string | undefined; // known once the server listens
  const app = createApp({
    store,
    clock: systemClock,
    dbPath,
    origin: () => origin,
    opsSecret: secret,
    webRoot: existsSync(webRoot) ? webRoot : undefined,
    importDirs: realDirs(o.importDirs),
    allowedHosts: allowedHostsFor(o.host, o.allowHosts),
    limits,
  });
  await new Promise<void>((resolve, reject) => {
    let attached: Promise<Attached> | undefined;
    const server = serve(
      {
        fetch: app.fetch,
        hostname: bound.listen,
        port: o.port,
        serverOptions: httpServerOptions(limits),
        // the Host header made canonical before the app sees it (hardening.ts)
        createServer: ((options: ServerOptions, listener: RequestListener) =>
          createServer(options, canonicalHostListener(listener))) as unknown as typeof createServer,
      },
      (info) => {
        // judged by the address listened on: `127.1` is loopback, `0` and `0x0` are every interface
        if (!isLoopbackAddress(info.address)) {
          io.err.write(
            `warning: --host ${o.host} listens on ${info.address}${bound.wildcard ? ' (every interface)' : ''}, which exposes the API beyond this machine. ` +
              'Reads are public; writes need scoped tokens. Put TLS and a trusted reverse proxy in front, and name its Host with --allow-host.\n',
          );
        }
        const url = localUrl(bound, info.port);
        origin = url;
        writeLock(dbPath, { pid: process.pid, url, secret, started_at: new Date().toISOString(), store: storeIdentity(ctx.storeUrl) });
        attached = Promise.resolve(attach({ store, app, url }));
        attached.catch((e: unknown) => {
          stop();
          reject(e instanceof Error ? e : new Error(String(e)));
        });
      },
    );
    // Beyond this many open sockets node refuses new ones (each keeps its own buffers).
    (server as unknown as { maxConnections: number }).maxConnections = limits.maxConnections;
    server.on('error', (e: NodeJS.ErrnoException) => {
      void pool.close().then(() => store.close());
      reject(
        new AppError('UNAVAILABLE', e.code === 'EADDRINUSE' ? `port ${o.port} on ${o.host} is in use; pick another with --port` : e.message, { cause: e }),
      );
    });
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      removeLock(dbPath);
      server.close();
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      // A hard stop if the attached work or reads do not finish in time (the lock file is already gone).
      setTimeout(() => {
        io.err.write(`requests still running after ${SHUTDOWN_MS / 1000} s; stopping anyway\n`);
        process.exit(1);
      }, SHUTDOWN_MS).unref();
      // store.close() waits for the reads in flight (interrupting them past its own timeout).
      void Promise.resolve(attached?.then((a) => a.stop()).catch(() => undefined))
        .then(() => pool.close())
        .then(() => store.close())
        .then(
          () => resolve(),
          () => resolve(),
        );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
