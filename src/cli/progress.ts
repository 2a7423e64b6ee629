/**
 * CLI progress reporters: a cli-progress bar on a TTY, a log line every few seconds when stderr
 * is not a TTY, and NDJSON events on stderr with --json (stdout stays one JSON document).
 */
import cliProgress from 'cli-progress';
import type { ProgressEvent, ProgressReporter } from '../shared/index.js';
import { eventProgress } from '../shared/index.js';

const fmtCounters = (c?: Record<string, number>) =>
  c ? Object.entries(c).map(([k, v]) => `${k}=${v}`).join(' ') : '';

export function cliProgress_(mode: { json: boolean; tty: boolean }, err: NodeJS.WritableStream = process.stderr): ProgressReporter {
  if (mode.json) return eventProgress((e: ProgressEvent) => err.write(JSON.stringify(e) + '\n'));
  if (mode.tty) {
    let bar: cliProgress.SingleBar | null = null;
    let unit = '';
    return {
      start(label, total, u) {
        unit = u ?? '';
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {percentage}% {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted} | {counters}`, stream: err, hideCursor: true, etaBuffer: 50 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total ?? 0, 0, { counters: '', rate: 0 });
      },
      update(done, counters) {
        bar?.update(done, { counters: fmtCounters(counters) });
      },
      stop() {
        bar?.stop();
        bar = null;
      },
    };
  }
  let label = '';
  let total: number | undefined;
  let last = 0;
  let started = 0;
  return {
    start(l, t) {
      label = l;
      total = t;
      started = Date.now();
      err.write(`${label}: started${t ? ` (${t} total)` : ''}\n`);
    },
    update(done, counters) {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      const rate = done / Math.max((now - started) / 1000, 0.001);
      err.write(`${label}: ${done}${total ? `/${total}` : ''} (${rate.toFixed(0)}/s) ${fmtCounters(counters)}\n`);
    },
    stop() {
      err.write(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
