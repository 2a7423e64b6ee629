/**
 * A store that serves only signal points, from memory, with the store's filter: a country matches
 * a point of that country, its country entity and its regions' entities (IR-07 for IR); since is
 * inclusive and until exclusive; points come in time order. For detector tests that need no database.
 */
import type { SignalFilter, SignalPointRecord, Store } from '../../src/store/index.js';

export const signalsStub = (points: SignalPointRecord[]): Store =>
  ({
    signals: {
      points: async (f: SignalFilter) =>
        points
          .filter(
            (p) =>
              (!f.cc ||
                p.cc === f.cc ||
                (p.entity_type === 'country' && p.entity_code === f.cc) ||
                (p.entity_type === 'region' && p.entity_code.startsWith(`${f.cc}-`))) &&
              (!f.entity_type || p.entity_type === f.entity_type) &&
              (!f.entity_code || p.entity_code === f.entity_code) &&
              (!f.since || p.t >= f.since) &&
              (!f.until || p.t < f.until),
          )
          .sort((a, b) => a.t.localeCompare(b.t)),
    },
  }) as unknown as Store;
