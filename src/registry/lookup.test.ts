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

describe('registryLookup of an address, and its pages', () => {
  // the same real entry, asked for by address: a stub that answers the IPv4 address 76.0.0.1 only
  // (SYNTHETIC address; the entry is real)
  const v4 = { ...entry, ips: '76.0.0.1' };
  const asked: [number, bigint][] = [];
  const byAddress = {
    registry: {
      findAddress: async (family: 4 | 6, first: bigint) => (asked.push([family, first]), family === 4 && first === 0x4c000001n ? [v4] : []),
      listSnapshots: async () => [],
    },
    asn: { table: async () => null },
  } as unknown as Store;
  const deps = { store: byAddress, clock: fixedClock('2026-01-01T00:00:00Z') };

  it('an IPv4-mapped IPv6 address is looked up as the IPv4 address it carries', async () => {
    // the stub has no AS table: the lookup stops after the address query, which is what is checked
    await registryLookup(deps, '::ffff:76.0.0.1').catch(() => undefined);
    expect(asked.at(-1)).toEqual([4, 0x4c000001n]);
    await registryLookup(deps, '::1').catch(() => undefined);
    expect(asked.at(-1)).toEqual([6, 1n]);
  });

  it('a cursor past the end of the matches is refused naming cursor; the last page itself is not', async () => {
    const d = { store, clock: fixedClock('2026-01-01T00:00:00Z') };
    await expect(registryLookup(d, '76автобар.рф', { cursor: '5' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^cursor: 5 is past the end of the 1 match;/),
    });
    expect((await registryLookup(d, '76автобар.рф', { cursor: '0' })).listed).toBe(true);
  });
});
