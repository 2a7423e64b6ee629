/**
 * Region outages (entity type `region`, ISO 3166-2) are regional findings: their own id, scope
 * and draft, never the country's; and one draft the ledger refuses never stops the others of the
 * same emit. SYNTHETIC country/region series (the shape of IODA's: two signals, 10-min bins, cut
 * to 0 for 6 h) beside the real IranCell file, served by a stub store with the real store's
 * filter; the ledger is a real temporary store.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneQuery } from '../../test/helpers/evidence-query.js';
import { signalsStub } from '../../test/helpers/signals-stub.js';
import { tempStore } from '../../test/helpers/index.js';
import { fixedClock } from '../shared/index.js';
import { parseSignals } from '../signals/parse.js';
import type { SignalPointRecord } from '../store/index.js';
import { emitDrafts } from './drafts.js';
import { DEFAULT_OUTAGE_RUN_PARAMS, runOutage } from './outage-run.js';

const stub = signalsStub;

/** SYNTHETIC: darknet and active probing of one entity at 100 every 10 min, 1-5 Feb 2024, 0 on 4 Feb 10:00-16:00. */
function entity(type: 'country' | 'region', code: string, cc: string | null): SignalPointRecord[] {
  const t0 = Date.parse('2024-02-01T00:00:00.000Z');
  return ['darknet', 'active_probing'].flatMap((source) =>
    Array.from({ length: 5 * 144 }, (_, i) => {
      const t = new Date(t0 + i * 600_000).toISOString();
      const value = t >= '2024-02-04T10:00' && t < '2024-02-04T16:00' ? 0 : 100;
      return { source, entity_type: type, entity_code: code, t, value, cc, entity_name: null, source_file: 'synthetic.csv', line: i + 2 };
    }),
  );
}

const ioda = () =>
  parseSignals(
    readFileSync(join(import.meta.dirname, '../../test/fixtures/outages/ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv'), 'utf8'),
    {
      file: 'ioda.csv',
      cc: 'IR',
      nowMs: Date.parse('2026-01-01T00:00:00Z'),
    },
  ).points;

describe('region outages', () => {
  it('a region and its country down in the same hour are two detections with two ids, and both are drafted', async () => {
    const r = await runOutage(stub([...entity('country', 'AM', null), ...entity('region', 'AM-ER', 'AM')]), { cc: 'AM' }, DEFAULT_OUTAGE_RUN_PARAMS);
    expect(r.detections).toHaveLength(2);
    expect(new Set(r.detections.map((d) => d.id)).size).toBe(2);
    const { store, cleanup } = await tempStore();
    try {
      const rep = await emitDrafts({ store, clock: fixedClock('2026-01-01T00:00:00Z'), actor: 'test' }, r.detections);
      expect(rep.created).toBe(2);
      expect(rep.skipped).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it('a region outage is regional: scope region, its region named, evidence by region, a title naming the region', async () => {
    // the region's country comes from its code when the file names none
    const r = await runOutage(stub(entity('region', 'IR-07', null)), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS);
    const d = r.detections[0]!;
    expect(d.scope).toBe('region');
    expect(d.region).toBe('IR-07');
    expect(d.probe_cc).toBe('IR');
    expect(d.id).toMatch(/^det-outage-ir-ir-07-2024020410-[0-9a-f]{8}$/);
    expect(d.evidence_query.params.region).toBe('IR-07');
    expect(d.evidence_query.params.cc).toBeUndefined();
    expect(d.evidence_query.cli).toContain('--region IR-07');
    expectOneQuery(d.evidence_query);
    const { store, cleanup } = await tempStore();
    try {
      await emitDrafts({ store, clock: fixedClock('2026-01-01T00:00:00Z'), actor: 'test' }, r.detections);
      const e = (await store.ledger.getEvent(d.id))!;
      expect(e.doc.regions).toEqual(['IR-07']);
      expect(e.doc.scope).toBe('regional');
      expect(e.doc.title).toBe('Detected: Outage in network signals (possible shutdown) in IR-07 (IR) from 2024-02-04 10h UTC');
    } finally {
      await cleanup();
    }
  });

  it('a country outage with no network named is titled for the country, never "on 0 networks"', async () => {
    const r = await runOutage(stub(entity('country', 'AM', null)), { cc: 'AM' }, DEFAULT_OUTAGE_RUN_PARAMS);
    const { store, cleanup } = await tempStore();
    try {
      await emitDrafts({ store, clock: fixedClock('2026-01-01T00:00:00Z'), actor: 'test' }, r.detections);
      const e = (await store.ledger.getEvent(r.detections[0]!.id))!;
      expect(e.doc.title).toBe('Detected: Outage in network signals (possible shutdown) in AM from 2024-02-04 10h UTC');
      expect(e.doc.scope).toBe('national');
    } finally {
      await cleanup();
    }
  });
});

describe('one refused draft', () => {
  it('is reported with its reason and the other drafts of the emit are written', async () => {
    const r = await runOutage(stub([...entity('country', 'AM', null), ...ioda()]), {}, DEFAULT_OUTAGE_RUN_PARAMS);
    const am = r.detections.find((d) => d.probe_cc === 'AM')!;
    const cell = r.detections.find((d) => d.probe_asn === 'AS44244')!;
    const { store, cleanup } = await tempStore();
    try {
      // SYNTHETIC failure: the ledger refuses any write holding the AM draft (as a race with another writer would)
      const { AppError } = await import('../shared/index.js');
      const refusing = new Proxy(store.ledger, {
        get(target, key, recv) {
          if (key !== 'writeEvents') return Reflect.get(target, key, recv) as unknown;
          return async (ws: { record: { id: string } }[], o?: unknown) => {
            if (ws.some((w) => w.record.id === am.id)) throw new AppError('CONFLICT', `event ${am.id} already exists (revision 1)`);
            return (store.ledger.writeEvents as (a: unknown, b: unknown) => Promise<unknown>).call(store.ledger, ws, o);
          };
        },
      });
      const rep = await emitDrafts(
        {
          store: new Proxy(store, { get: (t, k) => (k === 'ledger' ? refusing : (Reflect.get(t, k) as unknown)) }),
          clock: fixedClock('2026-01-01T00:00:00Z'),
          actor: 'test',
        },
        r.detections,
      );
      expect(rep.created).toBe(r.detections.length - 1);
      expect(rep.ids).toContain(cell.id);
      expect(rep.ids).not.toContain(am.id);
      expect(rep.skipped).toEqual([{ id: am.id, reason: expect.stringContaining('already exists') }]);
      expect(await store.ledger.getEvent(cell.id)).not.toBeNull();
    } finally {
      await cleanup();
    }
  });
});
