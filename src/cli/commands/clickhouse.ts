/** `splinternet clickhouse up|down`: a local ClickHouse cluster on 127.0.0.1 (see ../clickhouse-cluster.ts). */
import type { Command } from '@commander-js/extra-typings';
import { clusterDown, clusterUp } from '../clickhouse-cluster.js';
import { examples, intOption, leaf, portOption } from '../command.js';
import { CliContext, type Io } from '../context.js';

const DEFAULT_DIR = '.splinternet/clickhouse';

export function clickhouseCommand(program: Command, io: Io): void {
  const ch = program.command('clickhouse').description('start or stop a local ClickHouse cluster (loopback only) for the --store option');
  examples(
    leaf(ch, 'up', 'write configs, start N clickhouse-server processes on 127.0.0.1, wait until they answer, print the store URL')
      .option('--shards <n>', 'number of shards (one server each)', intOption('--shards'), 2)
      .option('--dir <dir>', 'folder for configs, data and logs', DEFAULT_DIR)
      .option(
        '--port <port>',
        `HTTP port of shard 1 (shard i: PORT+i-1; native protocol +877, interserver +1754; at most 65535-1754-(N-1))`,
        portOption(),
        18123,
      )
      .option('--cluster <name>', 'cluster name in remote_servers', 'splinternet')
      .option('--database <name>', 'database name in the printed URL', 'splinternet'),
    ['splinternet clickhouse up --shards 2', 'export SPLINTERNET_STORE=$(splinternet clickhouse up --shards 2 --json | jq -r .url)'],
  ).action(async (o: Record<string, unknown>, cmd: { getOptionValueSource(key: string): string | undefined }) => {
    const ctx = new CliContext({ json: o.json as boolean | undefined }, io);
    // a running cluster is held only to the options given, not to the defaults
    const given = (['shards', 'port', 'cluster', 'database'] as const).filter((k) => !['default', undefined].includes(cmd.getOptionValueSource(k)));
    const s = await clusterUp({
      given,
      shards: o.shards as number,
      dir: o.dir as string,
      basePort: o.port as number,
      cluster: o.cluster as string,
      database: o.database as string,
      env: io.env,
    });
    ctx.print(
      s,
      (r: typeof s) =>
        `${r.restarted.length ? `started again: shard ${r.restarted.join(', ')} of` : r.alreadyRunning ? 'already running:' : 'started:'} ${r.servers.length} shard(s) in ${r.dir}\n` +
        r.servers.map((x) => `  shard ${x.shard}: pid ${x.pid}, http 127.0.0.1:${x.httpPort}, native ${x.tcpPort}`).join('\n') +
        `\nstore URL: ${r.url}\n  use: --store '${r.url}'  (or export SPLINTERNET_STORE)\n  stop: splinternet clickhouse down --dir ${o.dir as string}\n`,
    );
  });
  leaf(ch, 'down', 'stop exactly the servers `clickhouse up` started in --dir (data is kept)')
    .option('--dir <dir>', 'folder given to clickhouse up', DEFAULT_DIR)
    .action(async (o: Record<string, unknown>) => {
      const ctx = new CliContext({ json: o.json as boolean | undefined }, io);
      const r = await clusterDown(o.dir as string);
      ctx.print(r, (x: typeof r) =>
        x.running
          ? `stopped ${x.stopped.length} server(s) in ${x.dir}${x.notRunning.length ? ` (${x.notRunning.length} had already exited)` : ''}\n`
          : `nothing runs in ${x.dir} (no cluster.json): nothing to stop\n`,
      );
    });
}
