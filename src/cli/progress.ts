/**
 * CLI progress reporters: a cli-progress bar on a TTY, a log line every few seconds when stderr
 * is not a TTY, and NDJSON events on stderr with --json (stdout stays one JSON document).
 */
import cliProgress from 'cli-progress';
import type { ProgressEvent, ProgressReporter } from '../shared/index.js';
import { eventProgress } from '../shared/index.js';

const fmtCounters = (c?: Record<string, number>) =>
  c
    ? Object.entries(c)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')
    : '';

/** Bytes in decimal units, as a person reads a transfer: 812 B, 46.2 kB, 1.3 MB, 2.04 GB. */
function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${Math.round(v)} B` : `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${units[i]}`;
}

export function cliProgress_(mode: { json: boolean; tty: boolean }, err: NodeJS.WritableStream = process.stderr): ProgressReporter {
  if (mode.json) return eventProgress((e: ProgressEvent) => err.write(JSON.stringify(e) + '\n'));
  if (mode.tty) {
    let bar: cliProgress.SingleBar | null = null;
    let unit = '';
    let started = 0;
    return {
      start(label, total, u) {
        unit = u ?? '';
        started = performance.now();
        const bytes = unit === 'bytes';
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {percentage}% {value}/{total}${bytes ? '' : ` ${unit}`} | {rate}/s | ETA {eta_formatted} | {counters}`,
            formatValue: (v, o, type) => (bytes && (type === 'value' || type === 'total') ? formatBytes(v) : cliProgress.Format.ValueFormat(v, o, type)),
            stream: err,
            hideCursor: true,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total ?? 0, 0, { counters: '', rate: bytes ? formatBytes(0) : '0' });
      },
      update(done, counters) {
        const perS = done / Math.max((performance.now() - started) / 1000, 0.001);
        bar?.update(done, { counters: fmtCounters(counters), rate: unit === 'bytes' ? formatBytes(perS) : perS.toFixed(0) });
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
