/**
 * A local ClickHouse cluster for people and tests: N clickhouse-server processes on 127.0.0.1,
 * each with its own config, users file, ports and data folder, and a `remote_servers` entry
 * naming all of them (one shard each). `up` records exactly what it started (pid, config path)
 * in DIR/cluster.json as it starts each server, before waiting for any to answer, so an
 * interrupted `up` leaves nothing `down` cannot stop; `down` stops only those processes, after checking each pid still runs
 * that config (a recycled pid is left alone).
 *
 * Ports: shard i (from 1) answers HTTP on PORT+i-1 and the native protocol 877 above it, the
 * same offset as ClickHouse's defaults (8123/9000), which is how the store finds each shard's
 * HTTP port from system.clusters. A folder whose cluster runs only in part gets its stopped
 * servers started again on their own configs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, accessSync, constants, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { AppError } from '../shared/index.js';
import { NATIVE_PORT_OFFSET } from '../store/index.js';

export interface ClusterState {
  url: string;
  cluster: string;
  database: string;
  dir: string;
  binary: string;
  startedAt: string;
  servers: { shard: number; pid: number; httpPort: number; tcpPort: number; config: string; dataDir: string }[];
}

export const INSTALL_ADVICE =
  'clickhouse-server is not installed. On Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y clickhouse-server clickhouse-client (or put clickhouse-server on PATH)';

/** The clickhouse-server executable: $SPLINTERNET_CLICKHOUSE_SERVER, else PATH, then the Debian location (/usr/sbin is often off a user's PATH). */
export function findServerBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.SPLINTERNET_CLICKHOUSE_SERVER;
  if (chosen) {
    try {
      accessSync(chosen, constants.X_OK);
      return chosen;
    } catch {
      return null;
    }
  }
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin'];
  for (const d of dirs) {
    const p = join(d, 'clickhouse-server');
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function serverConfig(dir: string, httpPort: number, tcpPort: number, interPort: number, cluster: string, shards: { tcpPort: number }[]): string {
  const d = xml(dir);
  const replicas = shards.map((s) => `<shard><replica><host>127.0.0.1</host><port>${s.tcpPort}</port></replica></shard>`).join('');
  return `<?xml version="1.0"?>
<!-- Written by splinternet clickhouse up: one local shard, loopback only. -->
<yandex>
  <logger><level>warning</level><log>${d}/log/server.log</log><errorlog>${d}/log/server.err.log</errorlog><size>20M</size><count>2</count></logger>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <interserver_http_port>${interPort}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <listen_host>127.0.0.1</listen_host>
  <path>${d}/data/</path>
  <tmp_path>${d}/tmp/</tmp_path>
  <user_files_path>${d}/user_files/</user_files_path>
  <format_schema_path>${d}/format_schemas/</format_schema_path>
  <users_config>${d}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <max_concurrent_queries>64</max_concurrent_queries>
  <remote_servers><${cluster}>${replicas}</${cluster}></remote_servers>
</yandex>
`;
}

const USERS = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><max_threads>2</max_threads></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;

function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer();
    s.once('error', () => ok(false));
    s.listen(port, '127.0.0.1', () => s.close(() => ok(true)));
  });
}

/** Whether `pid` is alive and still runs `config` (Linux: /proc; elsewhere: alive is enough). */
export function runsConfig(pid: number, config: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(config);
  } catch {
    return !existsSync('/proc');
  }
}

async function answers(httpPort: number): Promise<boolean> {
  try {
    const r = await fetch(`http://127.0.0.1:${httpPort}/ping`, { signal: AbortSignal.timeout(1000) });
    return r.ok && (await r.text()).startsWith('Ok');
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const statePath = (dir: string) => join(dir, 'cluster.json');

export function readState(dir: string): ClusterState | null {
  const p = statePath(resolve(dir));
  if (!existsSync(p)) return null;
  return JSON.parse(readFileSync(p, 'utf8')) as ClusterState;
}

export interface UpOptions {
  shards: number;
  dir: string;
  basePort: number;
  cluster: string;
  database: string;
  env?: NodeJS.ProcessEnv;
  /** How long to wait for every server to answer. */
  timeoutMs?: number;
  /** The options the user gave (the others are defaults): only those must match a cluster already running in `dir`. Unset: all. */
  given?: readonly ('shards' | 'port' | 'cluster' | 'database')[];
}

/** Highest port any shard uses above its HTTP port (the interserver port). */
const TOP_OFFSET = 2 * NATIVE_PORT_OFFSET;

/** The ports of shard i (from 1), said the same way by every message: shard 1 answers HTTP on PORT itself. */
const PORT_RULE = `shard i uses PORT+i-1, and +${NATIVE_PORT_OFFSET} and +${TOP_OFFSET} above it`;

/** The options given that a running cluster's state contradicts, as "--name running (not given)". */
function contradicted(prev: ClusterState, o: UpOptions): string[] {
  const given = new Set(o.given ?? ['shards', 'port', 'cluster', 'database']);
  const running = { shards: prev.servers.length, port: prev.servers[0]?.httpPort, cluster: prev.cluster, database: prev.database };
  const asked = { shards: o.shards, port: o.basePort, cluster: o.cluster, database: o.database };
  return (['shards', 'port', 'cluster', 'database'] as const)
    .filter((k) => given.has(k) && running[k] !== asked[k])
    .map((k) => `--${k} ${String(running[k])} (not ${String(asked[k])})`);
}

/** Start the cluster (or report the running one), wait until every shard answers, return its state. */
export async function clusterUp(o: UpOptions): Promise<ClusterState & { alreadyRunning: boolean; restarted: number[] }> {
  // The options are checked before the machine: a bad --shards is named wherever it is given.
  if (!Number.isInteger(o.shards) || o.shards < 1 || o.shards > 16) throw new AppError('USAGE', `--shards must be an integer from 1 to 16, got ${o.shards}`);
  // the same rule as the store URL's parser: the URL printed is one every command accepts
  for (const k of ['cluster', 'database'] as const)
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(o[k])) throw new AppError('USAGE', `--${k} must be a plain name (letters, digits, _), got "${o[k]}"`);
  const maxPort = 65535 - (o.shards - 1) - TOP_OFFSET;
  if (!Number.isInteger(o.basePort) || o.basePort < 1 || o.basePort > maxPort)
    throw new AppError('USAGE', `--port must be from 1 to ${maxPort} with --shards ${o.shards} (${PORT_RULE}), got ${o.basePort}`);
  const binary = findServerBinary(o.env);
  if (!binary) throw new AppError('USAGE', INSTALL_ADVICE);
  const dir = resolve(o.dir);
  const prev = readState(dir);
  if (prev) {
    const alive = prev.servers.filter((s) => runsConfig(s.pid, s.config));
    if (alive.length > 0) {
      const differ = contradicted(prev, o);
      if (differ.length)
        throw new AppError(
          'USAGE',
          `a cluster already runs in ${dir} with other options: ${differ.join(', ')}; give its options, or run "splinternet clickhouse down --dir ${o.dir}" first`,
        );
      if (alive.length === prev.servers.length) return { ...prev, alreadyRunning: true, restarted: [] };
      // partly running: the shards that stopped start again on their own config, ports and data
      return { ...(await restartStopped(prev, binary, o.timeoutMs)), alreadyRunning: true };
    }
  }
  const ports = Array.from({ length: o.shards }, (_, i) => ({
    http: o.basePort + i,
    tcp: o.basePort + i + NATIVE_PORT_OFFSET,
    inter: o.basePort + i + TOP_OFFSET,
  }));
  for (const p of ports) {
    for (const port of [p.http, p.tcp, p.inter]) {
      if (!(await portFree(port))) throw new AppError('USAGE', `port ${port} on 127.0.0.1 is in use; choose another --port (${PORT_RULE})`);
    }
  }
  const servers: ClusterState['servers'] = [];
  const state: ClusterState = {
    url: `clickhouse://127.0.0.1:${o.basePort}/${o.database}?cluster=${o.cluster}`,
    cluster: o.cluster,
    database: o.database,
    dir,
    binary,
    startedAt: new Date().toISOString(),
    servers,
  };
  // every server is in cluster.json from the moment it is started: `down` stops an interrupted `up`'s
  const record = () => writeFileSync(statePath(dir), JSON.stringify(state, null, 2) + '\n');
  const stopStarted = () => {
    for (const s of servers) if (runsConfig(s.pid, s.config)) process.kill(s.pid, 'SIGKILL');
    rmSync(statePath(dir), { force: true });
  };
  try {
    for (const [i, p] of ports.entries()) {
      const sdir = join(dir, `shard${i + 1}`);
      for (const sub of ['data', 'tmp', 'log', 'user_files', 'format_schemas']) mkdirSync(join(sdir, sub), { recursive: true });
      const config = join(sdir, 'config.xml');
      writeFileSync(
        config,
        serverConfig(
          sdir,
          p.http,
          p.tcp,
          p.inter,
          o.cluster,
          ports.map((q) => ({ tcpPort: q.tcp })),
        ),
      );
      writeFileSync(join(sdir, 'users.xml'), USERS);
      servers.push({ shard: i + 1, pid: startServer(binary, config, i + 1), httpPort: p.http, tcpPort: p.tcp, config, dataDir: join(sdir, 'data') });
      record();
    }
    await untilAnswering(servers, dir, o.timeoutMs);
  } catch (e) {
    stopStarted();
    throw e;
  }
  return { ...state, alreadyRunning: false, restarted: [] };
}

/** Start one server on its config, detached, its output in the shard's log folder; its pid. */
function startServer(binary: string, config: string, shard: number): number {
  const sdir = dirname(config);
  const log = openSync(join(sdir, 'log', 'stdout.log'), 'a');
  const child = spawn(binary, [`--config-file=${config}`], { cwd: sdir, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  child.unref();
  if (child.pid === undefined) throw new AppError('STORE', `could not start ${binary} for shard ${shard}`);
  return child.pid;
}

/** Wait until every server answers /ping; one that exits or does not answer in time is an error naming it and its log. */
async function untilAnswering(servers: ClusterState['servers'], dir: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const s of servers) {
    while (!(await answers(s.httpPort))) {
      if (!runsConfig(s.pid, s.config))
        throw new AppError('STORE', `shard ${s.shard} (clickhouse-server, pid ${s.pid}) exited at start; see ${join(dir, `shard${s.shard}`, 'log')}`);
      if (Date.now() > deadline)
        throw new AppError('STORE', `shard ${s.shard} did not answer on 127.0.0.1:${s.httpPort} in time; see ${join(dir, `shard${s.shard}`, 'log')}`);
      await sleep(200);
    }
  }
}

/**
 * Start again the servers of a partly running cluster that no longer run, each on the config,
 * ports and data it had (the running ones are left alone), recording each new pid in
 * cluster.json as it starts; `restarted` names their shards.
 */
async function restartStopped(prev: ClusterState, binary: string, timeoutMs?: number): Promise<ClusterState & { restarted: number[] }> {
  const stopped = prev.servers.filter((s) => !runsConfig(s.pid, s.config));
  for (const s of stopped)
    for (const port of [s.httpPort, s.tcpPort, s.httpPort + TOP_OFFSET])
      if (!(await portFree(port)))
        throw new AppError(
          'USAGE',
          `port ${port} of shard ${s.shard} on 127.0.0.1 is in use, so the shard cannot start again; free it, or run "splinternet clickhouse down --dir ${prev.dir}" first`,
        );
  for (const s of stopped) {
    s.pid = startServer(binary, s.config, s.shard);
    writeFileSync(statePath(prev.dir), JSON.stringify(prev, null, 2) + '\n');
  }
  await untilAnswering(stopped, prev.dir, timeoutMs);
  return { ...prev, restarted: stopped.map((s) => s.shard) };
}

/** Stop the processes `up` started in `dir` (TERM, then KILL after the grace period); forget the state. */
export async function clusterDown(dirArg: string, graceMs = 15_000): Promise<{ dir: string; running: boolean; stopped: number[]; notRunning: number[] }> {
  const dir = resolve(dirArg);
  const state = readState(dir);
  // stopping what does not run is done already: exit 0, saying so
  if (!state) return { dir, running: false, stopped: [], notRunning: [] };
  const stopped: number[] = [];
  const notRunning: number[] = [];
  for (const s of state.servers) {
    if (runsConfig(s.pid, s.config)) {
      process.kill(s.pid, 'SIGTERM');
      stopped.push(s.pid);
    } else notRunning.push(s.pid);
  }
  const deadline = Date.now() + graceMs;
  for (const s of state.servers) {
    while (runsConfig(s.pid, s.config)) {
      if (Date.now() > deadline) {
        process.kill(s.pid, 'SIGKILL');
        break;
      }
      await sleep(100);
    }
  }
  rmSync(statePath(dir), { force: true });
  return { dir, running: true, stopped, notRunning };
}
