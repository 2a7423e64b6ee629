// registryLookup on a stub store holding one real entry of the 2016 dump (line 367: "76автобар.рф",
// decision 2-518/2016): the domain is found whichever IDNA form the query uses.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/index.js';
import type { RegistryMatchRecord, Store } from '../store/index.js';
import { registryLookup } from './lookup.js';

const entry: RegistryMatchRecord = {
  snapshotId: 'dump-2016-06-13',
  dumpAt: '2016-06-13T00:00:00Z',
  sourceFile: 'dump-2016-06-13-lines.cp1251.csv',
  line: 367,
  range: null,
  ips: '',
  domain: '76автобар.рф',
  urls: '',
  decisionBody: 'суд',
  decisionNumber: '2-518/2016',
  decisionDate: '2016-02-18',
};

const store = {
  registry: {
    findDomain: async (d: string) => (d === entry.domain ? [entry] : []),
    listSnapshots: async () => [],
  },
} as unknown as Store;

describe('registryLookup of an internationalised domain', () => {
  it('finds an entry stored in Unicode from its punycode form, bare or in a URL', async () => {
    const deps = { store, clock: fixedClock('2026-01-01T00:00:00Z') };
    for (const q of ['xn--76-8kcaef8fsao.xn--p1ai', 'https://xn--76-8kcaef8fsao.xn--p1ai/menu', '76автобар.рф', 'http://76АВТОБАР.рф/']) {
      const r = await registryLookup(deps, q);
      expect([q, r.listed, r.decisions.map((d) => d.decision_number)]).toEqual([q, true, ['2-518/2016']]);
    }
  });
});
