/**
 * A draft emitted while its outage was ongoing takes the end when later data shows the recovery:
 * the same draft, a new revision by the detector; an event a person holds is never changed.
 * SYNTHETIC series (two signals of one network, cut then back), served by a stub store with the
 * real store's filter; the ledger is a real temporary store.
 */
import { describe, expect, it } from 'vitest';
import { signalsStub } from '../../test/helpers/signals-stub.js';
import { tempStore } from '../../test/helpers/index.js';
import { editEvent, setStatus } from '../ledger/index.js';
import { fixedClock } from '../shared/index.js';
import type { SignalPointRecord, Store } from '../store/index.js';
import { DETECTOR_UPDATE } from './draft-end.js';
import { emitDrafts } from './drafts.js';
import { DEFAULT_OUTAGE_RUN_PARAMS, runOutage } from './outage-run.js';

const stub = signalsStub;

/** SYNTHETIC: one series at `base` every `stepMin` from 1 Jan 2020 until `until`, 0 over [cutFrom, cutTo). */
function series(source: string, until: string, stepMin: number, base: number, cutFrom: string, cutTo: string): SignalPointRecord[] {
  const t0 = Date.parse('2020-01-01T00:00:00.000Z');
  const n = (Date.parse(until) - t0) / (stepMin * 60_000);
  return Array.from({ length: n }, (_, i) => {
    const t = new Date(t0 + i * stepMin * 60_000).toISOString();
    return {
      source,
      entity_type: 'asn',
      entity_code: 'AS9198',
      t,
      value: t >= cutFrom && t < cutTo ? 0 : base,
      cc: 'KZ',
      entity_name: null,
      source_file: 'synthetic.csv',
      line: i + 2,
    };
  });
}
const CUT = '2020-01-05T10:00:00.000Z';
const BACK = '2020-01-05T22:00:00.000Z';
/** The data while the outage goes on (ends 6 Jan 00:00, still cut), and the data after it (to 7 Jan, back at 22:00). */
const during = () => [
  ...series('darknet', '2020-01-06T00:00:00Z', 5, 100, CUT, '2020-01-08T00:00:00Z'),
  ...series('active_probing', '2020-01-06T00:00:00Z', 10, 50, CUT, '2020-01-08T00:00:00Z'),
];
const after = () => [...series('darknet', '2020-01-07T00:00:00Z', 5, 100, CUT, BACK), ...series('active_probing', '2020-01-07T00:00:00Z', 10, 50, CUT, BACK)];
const detections = async (pts: SignalPointRecord[]) => (await runOutage(stub(pts), { cc: 'KZ' }, DEFAULT_OUTAGE_RUN_PARAMS)).detections;

async function withDraft(run: (deps: { store: Store; clock: ReturnType<typeof fixedClock>; actor: string }, id: string) => Promise<void>) {
  const { store, cleanup } = await tempStore();
  try {
    const deps = { store, clock: fixedClock('2026-01-01T00:00:00Z'), actor: 'cli:test' };
    const first = await emitDrafts(deps, await detections(during()));
    expect(first.created).toBe(1);
    const id = first.ids[0]!;
    expect((await store.ledger.getEvent(id))!.doc.end).toBeNull();
    await run(deps, id);
  } finally {
    await cleanup();
  }
}

describe('a draft emitted while its outage was ongoing', () => {
  it('takes the end the later data shows: same id, a new revision by the detector saying it saw the recovery, once', async () => {
    await withDraft(async (deps, id) => {
      const ds = await detections(after());
      expect(ds.map((d) => [d.id, d.end])).toEqual([[id, BACK]]);
      const second = await emitDrafts(deps, ds);
      expect(second.created).toBe(0);
      expect(second.ended).toEqual([{ id, end: BACK }]);
      const e = (await deps.store.ledger.getEvent(id))!;
      expect([e.status, e.revision, e.doc.end]).toEqual(['draft', 2, BACK]);
      expect(String(e.doc.summary)).not.toContain('ongoing');
      const last = (await deps.store.ledger.listRevisions(id)).at(-1)!;
      expect([last.action, last.actor]).toEqual([DETECTOR_UPDATE, 'cli:test']);
      expect(last.reason).toContain('the detector saw the recovery');
      const detection = (await deps.store.ledger.listLinks(id)).find((l) => l.kind === 'detection')!;
      expect(detection.doc!.end).toBe(BACK);
      // a third pass over the same data writes nothing
      const third = await emitDrafts(deps, ds);
      expect(third.ended).toEqual([]);
      expect((await deps.store.ledger.getEvent(id))!.revision).toBe(2);
    });
  });

  it('carries one evidence query after it takes its end: the range of the detection now, the open range gone', async () => {
    await withDraft(async (deps, id) => {
      const queries = async () => (await deps.store.ledger.listLinks(id)).filter((l) => l.kind === 'measurement_query').map((l) => l.target);
      const open = await queries();
      expect(open).toHaveLength(1);
      const [d] = await detections(after());
      await emitDrafts(deps, [d!]);
      expect(await queries()).toEqual([d!.evidence_query.api]);
      expect(d!.evidence_query.params.until).toBe(BACK);
      expect(open[0]).not.toBe(d!.evidence_query.api);
    });
  });

  it('a confirmed event is a person\u2019s: never changed, its end named as not applied with the command that sets it', async () => {
    await withDraft(async (deps, id) => {
      await setStatus(deps, id, 'confirm', { actor: 'cli:person', reason: 'checked the evidence' });
      const r = await emitDrafts(deps, await detections(after()));
      expect(r.ended).toEqual([]);
      expect(r.end_not_applied).toHaveLength(1);
      expect(r.end_not_applied[0]).toMatchObject({ event_id: id, status: 'active', end: BACK });
      expect(r.end_not_applied[0]!.reason).toContain(`events edit ${id} --set end=${BACK}`);
      const e = (await deps.store.ledger.getEvent(id))!;
      expect([e.status, e.revision, e.doc.end]).toEqual(['active', 2, null]);
    });
  });

  it('a draft a person edited is not changed either; a dismissed one is left alone without a word', async () => {
    await withDraft(async (deps, id) => {
      await editEvent(deps, id, { title: 'KZ outage (checked)' }, undefined, { actor: 'cli:person' });
      const r = await emitDrafts(deps, await detections(after()));
      expect(r.ended).toEqual([]);
      expect(r.end_not_applied.map((x) => [x.event_id, x.status])).toEqual([[id, 'draft']]);
      expect((await deps.store.ledger.getEvent(id))!.doc.end).toBeNull();
    });
    await withDraft(async (deps, id) => {
      await setStatus(deps, id, 'dismiss', { actor: 'cli:person', reason: 'not an outage' });
      const r = await emitDrafts(deps, await detections(after()));
      expect([r.ended, r.end_not_applied]).toEqual([[], []]);
    });
  });
});
