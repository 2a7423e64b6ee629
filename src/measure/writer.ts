/**
 * Group commit for ingest. DuckDB commits cost milliseconds each (WAL sync), and OONI's bucket
 * layout means thousands of small hourly files, so batches, manifest starts and finishes from
 * every file in flight are queued and written together: one transaction per group (up to
 * `maxRows` rows). Each submitter learns which of *its* rows were new from the ids the insert
 * returned, so per-file counts stay exact however batches are grouped. A row whose id is held
 * (stored, or earlier in the group) by another measurement_uid is a distinct measurement and goes
 * in under distinctId (key.ts), with its rule inputs, never over the other's. A row without a
 * report_id whose bytes' id a store written before canonical ids holds is kept under that id.
 */
import type { IngestFileRecord, MeasureRepo, RuleInputsRecord } from '../store/index.js';
import { distinctId } from './key.js';
import type { MeasurementRow, Reject } from './model.js';

interface Item {
  rows: MeasurementRow[];
  inputs: RuleInputsRecord[];
  rejects: Reject[];
  start: IngestFileRecord[];
  finish: IngestFileRecord[];
  resolve: (inserted: number) => void;
  reject: (e: unknown) => void;
}

export class GroupWriter {
  private queue: Item[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly repo: MeasureRepo,
    private readonly now: () => string,
    private readonly maxRows = 20_000,
  ) {}

  /**
   * Queue rows (and manifest changes); resolves with how many of these rows were new. A `lazy`
   * part (a manifest start or finish) does not trigger a commit by itself: it rides along with
   * the next rows, or with flush().
   */
  submit(
    part: { rows?: MeasurementRow[]; inputs?: RuleInputsRecord[]; rejects?: Reject[]; start?: IngestFileRecord[]; finish?: IngestFileRecord[] },
    lazy = false,
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        rows: part.rows ?? [],
        inputs: part.inputs ?? [],
        rejects: part.rejects ?? [],
        start: part.start ?? [],
        finish: part.finish ?? [],
        resolve,
        reject,
      });
      if (!lazy) this.draining ??= this.drain().finally(() => (this.draining = null));
    });
  }

  /** Write everything queued, lazy parts included. */
  async flush(): Promise<void> {
    while (this.queue.length || this.draining) {
      this.draining ??= this.drain().finally(() => (this.draining = null));
      await this.draining;
    }
  }

  private async drain(): Promise<void> {
    // let the current tick's submissions join the first group
    await new Promise((r) => setImmediate(r));
    while (this.queue.length) {
      const group: Item[] = [];
      let n = 0;
      while (this.queue.length && (group.length === 0 || n + this.queue[0]!.rows.length <= this.maxRows)) {
        const it = this.queue.shift()!;
        n += it.rows.length;
        group.push(it);
      }
      try {
        await this.keepBytesIds(group);
        await this.keepDistinct(group);
        const seen = new Set<string>();
        const own = group.map((it) => it.rows.filter((r) => !seen.has(r.id) && seen.add(r.id)));
        const inserted = new Set(
          await this.repo.writeGroup(
            {
              rows: own.flat(),
              inputs: group.flatMap((it) => it.inputs),
              rejects: group.flatMap((it) => it.rejects),
              start: group.flatMap((it) => it.start),
              finish: group.flatMap((it) => it.finish),
            },
            this.now(),
          ),
        );
        group.forEach((it, i) => it.resolve(own[i]!.filter((r) => inserted.has(r.id)).length));
      } catch (e) {
        for (const it of group) it.reject(e);
      }
    }
  }

  /** Re-key, in place, each row without a report_id whose bytes' id (key.ts bytesId) the store holds: the same record, stored before ids were canonical. */
  private async keepBytesIds(group: Item[]): Promise<void> {
    const old = group.flatMap((it) => it.rows.flatMap((r) => (r.bytes_id ? [r.bytes_id] : [])));
    if (!old.length) return;
    const held = new Set((await this.repo.storedUids([...new Set(old)])).map((r) => r.id));
    // bytes_id is not a column: no row reaches the store with it
    for (const it of group)
      it.rows = it.rows.map(({ bytes_id: was, ...r }) => {
        if (!was || !held.has(was)) return r;
        const input = it.inputs.findIndex((x) => x.id === r.id);
        if (input >= 0) it.inputs[input] = { ...it.inputs[input]!, id: was };
        return { ...r, id: was };
      });
  }

  /** Re-key, in place, each row whose id another measurement_uid holds: stored, or earlier in the group. */
  private async keepDistinct(group: Item[]): Promise<void> {
    const withUid = group.flatMap((it) => it.rows.filter((r) => r.measurement_uid));
    if (!withUid.length) return;
    const held = new Map<string, string | null>();
    for (const r of await this.repo.storedUids([...new Set(withUid.map((r) => r.id))])) held.set(r.id, r.measurement_uid);
    for (const it of group) {
      const inputs = new Map(it.inputs.map((x) => [x.id, x]));
      it.rows = it.rows.map((r) => {
        const uid = held.get(r.id);
        if (!r.measurement_uid || !uid || uid === r.measurement_uid) {
          if (!held.has(r.id)) held.set(r.id, r.measurement_uid);
          return r;
        }
        const id = distinctId(r.id, r.measurement_uid);
        const input = inputs.get(r.id);
        if (input) it.inputs[it.inputs.indexOf(input)] = { ...input, id };
        if (!held.has(id)) held.set(id, r.measurement_uid);
        return { ...r, id };
      });
    }
  }
}
