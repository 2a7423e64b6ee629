import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStoreUrl } from '../store/index.js';
import { clusterDown, clusterUp, INSTALL_ADVICE, readState, runsConfig } from './clickhouse-cluster.js';

const tmp = mkdtempSync(join(tmpdir(), 'ch-cluster-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A stand-in for clickhouse-server (SYNTHETIC): runs until killed, answers nothing, and its command line names its config. */
function fakeServer(): string {
  const p = join(tmp, 'fake-clickhouse-server');
  writeFileSync(p, '#!/bin/sh\nwhile :; do sleep 1; done\n');
  chmodSync(p, 0o755);
  return p;
}

describe('clickhouse up', () => {
  it('without clickhouse-server: a usage error (exit 2) that says how to install it, and nothing started', async () => {
    const env = { SPLINTERNET_CLICKHOUSE_SERVER: '/nonexistent/clickhouse-server', PATH: '' };
    await expect(clusterUp({ shards: 2, dir: '/nonexistent/dir', basePort: 18900, cluster: 'c', database: 'd', env })).rejects.toMatchObject({
      code: 'USAGE',
      message: INSTALL_ADVICE,
    });
  });

  it('a bad --shards, --cluster or --database is named whether or not clickhouse-server is installed', async () => {
    const env = { SPLINTERNET_CLICKHOUSE_SERVER: '/nonexistent/clickhouse-server', PATH: '' };
    const base = { dir: '/nonexistent/dir', basePort: 18900, database: 'd', env };
    await expect(clusterUp({ ...base, shards: -1, cluster: 'c' })).rejects.toMatchObject({
      code: 'USAGE',
      message: '--shards must be an integer from 1 to 16, got -1',
    });
    await expect(clusterUp({ ...base, shards: 2, cluster: 'a-b' })).rejects.toMatchObject({ code: 'USAGE', message: /--cluster must be a plain name/ });
    // --database by the rule the store URL's parser applies, so no URL is printed that every command refuses
    for (const database of ['x;DROP', 'a b', '1db', ''])
      await expect(clusterUp({ ...base, shards: 2, cluster: 'c', database })).rejects.toMatchObject({
        code: 'USAGE',
        message: `--database must be a plain name (letters, digits, _), got "${database}"`,
      });
    expect(() => parseStoreUrl('clickhouse://127.0.0.1:18960/x;DROP?cluster=c')).toThrow(/database "x;DROP" must be a plain name/);
  });

  it('--port 0, or one whose last shard would pass 65535 at +1754, is refused up front naming the range for the shard count', async () => {
    const env = { SPLINTERNET_CLICKHOUSE_SERVER: '/nonexistent/clickhouse-server', PATH: '' };
    const base = { dir: '/nonexistent/dir', cluster: 'c', database: 'd', env };
    await expect(clusterUp({ ...base, shards: 2, basePort: 0 })).rejects.toMatchObject({
      code: 'USAGE',
      message: '--port must be from 1 to 63780 with --shards 2 (shard i uses PORT+i-1, and +877 and +1754 above it), got 0',
    });
    await expect(clusterUp({ ...base, shards: 2, basePort: 65535 })).rejects.toMatchObject({
      code: 'USAGE',
      message: /^--port must be from 1 to 63780 .*got 65535$/,
    });
    await expect(clusterUp({ ...base, shards: 1, basePort: 63782 })).rejects.toMatchObject({ code: 'USAGE', message: /^--port must be from 1 to 63781 / });
    // a port in range goes on to look for the server
    await expect(clusterUp({ ...base, shards: 1, basePort: 63781 })).rejects.toMatchObject({ message: INSTALL_ADVICE });
  });

  it('a port in use is named with the one port rule (shard i: PORT+i-1), and nothing starts (SYNTHETIC listener)', async () => {
    const env = { SPLINTERNET_CLICKHOUSE_SERVER: fakeServer(), PATH: '' };
    // a listener on a free port whose cluster's other five ports are free too (any of them busy would be named first)
    const listen = async (p: number) => {
      const s = createServer();
      const ok = await new Promise<boolean>((done) => {
        s.once('error', () => done(false));
        s.listen(p, '127.0.0.1', () => done(true));
      });
      return { s, ok };
    };
    let busy = createServer();
    let port = 0;
    for (let tries = 0; tries < 20; tries++) {
      const l = await listen(0);
      busy = l.s;
      port = (busy.address() as AddressInfo).port;
      const others = [port - 1, port + 876, port + 877, port + 1753, port + 1754];
      const probes = await Promise.all(others.map((p) => listen(p)));
      await Promise.all(probes.map((x) => new Promise((done) => (x.ok ? x.s.close(done) : done(null)))));
      if (probes.every((x) => x.ok)) break;
      await new Promise((done) => busy.close(done));
    }
    const dir = join(tmp, 'busy');
    try {
      // shard 2 of a cluster at port-1 answers HTTP on port
      await expect(clusterUp({ shards: 2, dir, basePort: port - 1, cluster: 'c', database: 'd', env })).rejects.toMatchObject({
        code: 'USAGE',
        message: `port ${port} on 127.0.0.1 is in use; choose another --port (shard i uses PORT+i-1, and +877 and +1754 above it)`,
      });
      expect(readState(dir)).toBeNull();
    } finally {
      busy.close();
    }
  });

  it('on a running folder, --shards, --port, --cluster or --database given otherwise is refused naming each; given alike it reports the cluster', async () => {
    const dir = join(tmp, 'running');
    mkdirSync(dir, { recursive: true });
    const bin = fakeServer();
    const config = join(dir, 'shard1', 'config.xml');
    const child = spawn(bin, [`--config-file=${config}`], { stdio: 'ignore' });
    try {
      const state = {
        url: 'clickhouse://127.0.0.1:18590/splinternet?cluster=splinternet',
        cluster: 'splinternet',
        database: 'splinternet',
        dir,
        binary: bin,
        startedAt: '2026-12-06T00:00:00.000Z',
        servers: [{ shard: 1, pid: child.pid!, httpPort: 18590, tcpPort: 18590 + 877, config, dataDir: join(dir, 'shard1', 'data') }],
      };
      writeFileSync(join(dir, 'cluster.json'), JSON.stringify(state));
      await new Promise((r) => setTimeout(r, 100));
      const env = { SPLINTERNET_CLICKHOUSE_SERVER: bin };
      const same = { shards: 1, dir, basePort: 18590, cluster: 'splinternet', database: 'splinternet', env };
      await expect(clusterUp(same)).resolves.toMatchObject({ alreadyRunning: true, url: state.url });
      await expect(clusterUp({ ...same, shards: 3, basePort: 18560, database: 'other' })).rejects.toMatchObject({
        code: 'USAGE',
        message: `a cluster already runs in ${dir} with other options: --shards 1 (not 3), --port 18590 (not 18560), --database splinternet (not other); give its options, or run "splinternet clickhouse down --dir ${dir}" first`,
      });
      // options left at their defaults are not compared
      await expect(clusterUp({ ...same, shards: 3, given: ['database'] })).resolves.toMatchObject({ alreadyRunning: true });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('records each server in cluster.json before waiting for it, so an interrupted up can be stopped; one that never answers is stopped and forgotten', async () => {
    const dir = join(tmp, 'silent');
    const bin = fakeServer();
    const up = clusterUp({
      shards: 1,
      dir,
      basePort: 18591,
      cluster: 'splinternet',
      database: 'splinternet',
      env: { SPLINTERNET_CLICKHOUSE_SERVER: bin },
      timeoutMs: 2000,
    });
    const failed = expect(up).rejects.toMatchObject({ code: 'STORE', message: /shard 1 did not answer on 127\.0\.0\.1:18591 in time/ });
    await new Promise((r) => setTimeout(r, 1000));
    const recorded = readState(dir);
    expect(recorded?.servers.map((s) => s.httpPort)).toEqual([18591]);
    const { pid, config } = recorded!.servers[0]!;
    expect(runsConfig(pid, config)).toBe(true);
    await failed;
    await new Promise((r) => setTimeout(r, 100));
    expect(runsConfig(pid, config)).toBe(false);
    expect(existsSync(join(dir, 'cluster.json'))).toBe(false);
  });
});

/** A stand-in for clickhouse-server that answers /ping on the <http_port> of its config (SYNTHETIC). */
function pingingServer(): string {
  const p = join(tmp, 'pinging-clickhouse-server');
  writeFileSync(
    p,
    `#!${process.execPath}\n` +
      "const cfg = process.argv.find((a) => a.startsWith('--config-file=')).slice(14);\n" +
      "const port = Number(/<http_port>(\\d+)<\\/http_port>/.exec(require('fs').readFileSync(cfg, 'utf8'))[1]);\n" +
      "require('http').createServer((q, r) => r.end('Ok.\\n')).listen(port, '127.0.0.1');\n",
  );
  chmodSync(p, 0o755);
  return p;
}

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => ok(port));
    });
  });

describe('clickhouse down and up on a folder that runs nothing or part of its cluster', () => {
  it('down where nothing runs exits 0 saying so, twice', async () => {
    const dir = join(tmp, 'never-started');
    for (let i = 0; i < 2; i++) await expect(clusterDown(dir)).resolves.toEqual({ dir, running: false, stopped: [], notRunning: [] });
  });

  it('up on a partly running cluster starts again only the shards that stopped, on their own config and ports', async () => {
    const dir = join(tmp, 'partly');
    const bin = pingingServer();
    const [p1, p2] = [await freePort(), await freePort()];
    const servers = [p1, p2].map((port, i) => {
      const sdir = join(dir, `shard${i + 1}`);
      mkdirSync(join(sdir, 'log'), { recursive: true });
      const config = join(sdir, 'config.xml');
      writeFileSync(config, `<clickhouse><http_port>${port}</http_port></clickhouse>\n`);
      return { shard: i + 1, pid: 0, httpPort: port, tcpPort: port + 877, config, dataDir: join(sdir, 'data') };
    });
    const one = spawn(bin, [`--config-file=${servers[0]!.config}`], { stdio: 'ignore' });
    const gone = spawn('true');
    await new Promise((ok) => gone.on('exit', ok));
    servers[0]!.pid = one.pid!;
    servers[1]!.pid = gone.pid!;
    const url = `clickhouse://127.0.0.1:${p1}/splinternet?cluster=splinternet`;
    writeFileSync(
      join(dir, 'cluster.json'),
      JSON.stringify({ url, cluster: 'splinternet', database: 'splinternet', dir, binary: bin, startedAt: '2026-12-06T00:00:00.000Z', servers }),
    );
    let restartedPid = 0;
    try {
      const o = {
        shards: 2,
        dir,
        basePort: p1,
        cluster: 'splinternet',
        database: 'splinternet',
        env: { SPLINTERNET_CLICKHOUSE_SERVER: bin },
        given: [] as const,
      };
      const r = await clusterUp({ ...o, timeoutMs: 10_000 });
      restartedPid = r.servers[1]!.pid;
      expect(r).toMatchObject({ alreadyRunning: true, restarted: [2], url });
      expect(r.servers[0]!.pid).toBe(one.pid);
      expect(restartedPid).not.toBe(gone.pid);
      expect(runsConfig(restartedPid, servers[1]!.config)).toBe(true);
      expect(await (await fetch(`http://127.0.0.1:${p2}/ping`)).text()).toBe('Ok.\n');
      expect(readState(dir)?.servers.map((x) => x.pid)).toEqual([one.pid, restartedPid]);
      // now whole: reported as running, nothing started
      await expect(clusterUp(o)).resolves.toMatchObject({ alreadyRunning: true, restarted: [] });
    } finally {
      one.kill('SIGKILL');
      if (restartedPid) process.kill(restartedPid, 'SIGKILL');
    }
  });
});
