// A cyberattack on named networks in one city or region cut those networks' subscribers there,
// not the whole area; a strike on the area's power and lines cut every network and keeps it
// whole. Real STOP records (test/fixtures/stop/cyberattack.csv, Access Now #KeepItOn STOP,
// 2026-05-20 snapshot) with the shipped economic data.
import { describe, expect, it } from 'vitest';
import { costFixture } from '../helpers/cost-ledger.js';

const { json } = costFixture('cyberattack.csv');

type EventCost = {
  mapping: string[];
  missing?: { field: string }[];
  scenario: { type: string; regions: string[]; affected: { share: number; low?: number; high?: number; basis: string } | null };
  estimates: { method: string; median: number }[];
};
const idOf = async (cc: string, start: string) =>
  (await json<{ items: { id: string; start: string }[] }>(['events', 'list', '--country', cc, '--limit', '50'])).items.find((e) => e.start === start)!.id;

describe('a cyberattack on the networks a sub-national record names', () => {
  it('Moscow, 28 May – 5 June 2025 ("ASVT was disrupted by a DDoS attack"): Moscow by population × 1 of the networks the ledger names in Russia', async () => {
    const args = ['cost', 'event', await idOf('RU', '2025-05-28'), '--method', 'cost-escalated'];
    const x = await json<EventCost>(args);
    expect(x.missing ?? []).toEqual([]);
    expect(x.scenario.regions ?? []).toEqual([]);
    expect(x.mapping.join(' ')).toMatch(/RU-MOW taken by population \(13 % of RU\), not output/);
    expect(x.mapping.join(' ')).toMatch(/a cyberattack hit the networks it names \(Russia: ASVT\)/);
    // The fixture's Russian records name ASVT and NODEX: 1 of 2.
    expect(x.scenario.affected!.basis).toMatch(/1 of the 2 networks the ledger names in RU \(asvt, nodex\)/);
    expect(x.scenario.affected!.share).toBeGreaterThan(0.06);
    expect(x.scenario.affected!.share).toBeLessThan(0.07);
    const own = await json<EventCost>([...args, '--isp-share', '0.01']);
    expect(own.scenario.affected!.share).toBeCloseTo(x.scenario.affected!.share / 50, 6);
  });

  it('Cherkasy, 13 April 2022 ("A DDoS attack on a local ISP"): with no other Ukrainian network on record it asks for the share; given, the city × it', async () => {
    const args = ['cost', 'event', await idOf('UA', '2022-04-13'), '--method', 'cost-escalated'];
    const x = await json<EventCost>(args);
    expect(x.missing!.map((m) => m.field)).toEqual(['isp_share']);
    const own = await json<EventCost>([...args, '--isp-share', '0.05']);
    expect(own.missing ?? []).toEqual([]);
    expect(own.mapping.join(' ')).toMatch(/a cyberattack hit the networks it names \(Ukraine: McLaut\), .* given in the request \(--isp-share 0.05\)/);
    // a local record naming "Cherkasy" is the city (GeoNames: 272,651 people), not its oblast (2.3 % of Ukraine)
    const city = own.scenario.affected!.share / 0.05;
    expect(city).toBeGreaterThan(0.005);
    expect(city).toBeLessThan(0.01);
  });

  it('Gaza, 12–19 January 2024 (PalTel, not ordered by a government; no cyberattack): the whole area, as before', async () => {
    const x = await json<EventCost>(['cost', 'event', await idOf('PS', '2024-01-12'), '--method', 'cost-escalated']);
    expect(x.mapping.join(' ')).not.toMatch(/cyberattack|share of subscribers/);
    expect(x.scenario.type).toBe('full');
  });
});
