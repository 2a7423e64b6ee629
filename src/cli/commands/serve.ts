/**
 * `splinternet serve`: open the database, advertise it in the lock file so CLI commands route
 * through this process, and serve the API (and dashboard) on 127.0.0.1:8787 by default.
 */
import type { Command } from '@commander-js/extra-typings';
import { collect, ctxOf, hostOption, leaf, portOption } from '../command.js';
import type { Io } from '../context.js';
import { systemClock } from '../../shared/index.js';
import { escapeControls } from '../terminal-text.js';

export function serveCommand(program: Command, io: Io): void {
  leaf(program, 'serve', 'serve the API and dashboard (binds 127.0.0.1 unless --host says otherwise)')
    .option('--host <host>', 'interface to bind: a host name or IP address (0.0.0.0: every interface)', hostOption(), '127.0.0.1')
    .option('--port <port>', 'TCP port', portOption(), 8787)
    .option('--no-warm', "do not pre-compute the dashboard's heaviest responses after start")
    .option(
      '--import-dir <dir>',
      'a folder API tokens with the import scope may import from (repeatable; none: no server-side file reads over HTTP)',
      collect,
      [],
    )
    .option('--allow-host <name>', 'a Host name this server answers to besides loopback and --host (repeatable)', collect, [])
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const warming = new AbortController();
      // The server (hono, the OpenAPI document, the routes) is loaded only by the commands that serve.
      const [{ hostDatabase }, { keepWarm }, { httpSender, startDeliveryPump }] = await Promise.all([
        import('../host.js'),
        import('../../server/warm.js'),
        import('../../watch/index.js'),
      ]);
      await hostDatabase(
        ctx,
        io,
        { host: o.host as string, port: o.port as number, importDirs: o.importDir as string[], allowHosts: o.allowHost as string[] },
        ({ store, app, url }) => {
          if (ctx.globals.json) io.out.write(JSON.stringify({ url, db: ctx.dbPath, pid: process.pid }) + '\n');
          else io.out.write(`Splinternet Observatory serving ${ctx.dbPath}\n  ${url}\n  API docs: ${url}/docs\n`);
          const warmer =
            o.warm === false
              ? undefined
              : keepWarm(app, store, {
                  signal: warming.signal,
                  onWarm: (r, nth) => {
                    if (ctx.globals.json) io.out.write(JSON.stringify({ warm: r }) + '\n');
                    else if (nth === 0)
                      io.out.write(`  warmed ${r.warmed.length} dashboard responses in ${(r.ms / 1000).toFixed(1)} s (--no-warm skips this)\n`);
                  },
                });
          // Webhooks: notices are queued once the store changes and sent (and retried) every second, as a watch does.
          const pump = startDeliveryPump(
            {
              store,
              clock: systemClock,
              send: httpSender,
              log: (line, data) => io.err.write((ctx.globals.json ? JSON.stringify(data) : escapeControls(line, { keepLines: true })) + '\n'),
            },
            { enqueue: { origin: () => url } },
          );
          // The warm-up stops between two requests: let the one in flight finish before closing.
          return {
            stop: () => {
              warming.abort();
              return Promise.all([warmer?.idle(), pump.stop()]);
            },
          };
        },
      );
    });
}
