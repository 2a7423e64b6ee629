/**
 * Progress is an effect: domain code reports it through this interface and never writes to the
 * terminal itself. The CLI supplies a TTY bar, a periodic log line or NDJSON events; the server
 * streams NDJSON; tests pass `silentProgress`.
 */
export interface ProgressReporter {
  /** A new phase. `total` in `unit`s when known (bytes, rows, files). */
  start(label: string, total?: number, unit?: string): void;
  /** Absolute position plus free-form counters (e.g. { stored, rejected }). */
  update(done: number, counters?: Record<string, number>): void;
  stop(): void;
}

export const silentProgress: ProgressReporter = {
  start() {},
  update() {},
  stop() {},
};

/** One event as it crosses a process boundary (server -> CLI, `--json` NDJSON). */
export interface ProgressEvent {
  type: 'progress';
  phase: 'start' | 'update' | 'stop';
  label?: string;
  total?: number;
  unit?: string;
  done?: number;
  counters?: Record<string, number>;
}

/** A reporter that turns calls into ProgressEvents for a sink (NDJSON writer, HTTP stream). */
export function eventProgress(sink: (e: ProgressEvent) => void): ProgressReporter {
  return {
    start: (label, total, unit) => sink({ type: 'progress', phase: 'start', label, total, unit }),
    update: (done, counters) => sink({ type: 'progress', phase: 'update', done, counters }),
    stop: () => sink({ type: 'progress', phase: 'stop' }),
  };
}
