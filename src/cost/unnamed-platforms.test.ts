// A block of social media that names no platform: its weight from the blocks that named theirs.
// The events are SYNTHETIC (only the fields the rule reads); real records are priced in
// test/integration/cost-unnamed-platforms.test.ts.
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger/index.js';
import { ParamSet } from './method-kit.js';
import { findPlatform, platformWeightIn } from './platforms.js';
import { parseScenario } from './scenario.js';
import { blockWeightTable, blockWeightsFor, UNNAMED_SOCIAL, unnamedSocialOnly } from './unnamed-platforms.js';
import { typeWeight } from './weights.js';
import type { CountryData } from './data/econ-data.js';

const block = (cc: string, names: string[]) =>
  ({ category: 'block', countries: [cc], status: 'active', targets: names.map((name) => ({ kind: 'platform', name })) }) as unknown as LedgerEvent;
const w = (cc: string, names: string[]) =>
  Math.min(
    1,
    names.reduce((s, n) => s + platformWeightIn(findPlatform(n)!, cc).weight, 0),
  );

describe('an unnamed social-media block', () => {
  it('is a block whose every target says social media or messaging and names none', () => {
    for (const t of ['Social media', 'Social Media', 'Social media only', 'Unspecified social media services', 'Unspecified messaging', 'Messaging apps'])
      expect(UNNAMED_SOCIAL.test(t), t).toBe(true);
    for (const t of ['Facebook', 'Social media and Telegram', 'VoIP']) expect(UNNAMED_SOCIAL.test(t), t).toBe(false);
    expect(unnamedSocialOnly(block('ER', ['Facebook', 'Other social media platforms']))).toBe(false);
    expect(unnamedSocialOnly(block('ET', []))).toBe(false);
  });

  const table = blockWeightTable([
    ...[['Facebook'], ['Facebook', 'WhatsApp'], ['Twitter'], ['Telegram'], ['Facebook', 'Facebook', 'Instagram']].map((n) => block('NG', n)),
    block('NG', ['Facebook', 'Unknown App']), // a target the table does not weigh: not in the class
    block('GA', ['Twitter']),
    block('RU', ['Telegram']),
  ]);

  it("takes its country's blocks from five, each platform once, else each country's median", () => {
    const ng = blockWeightsFor(table, 'NG')!;
    expect(ng).toMatchObject({ n: 5, of: 'NG', counted: 'blocks' });
    expect(ng.values).toEqual(
      [w('NG', ['Facebook']), w('NG', ['Facebook', 'WhatsApp']), w('NG', ['Twitter']), w('NG', ['Telegram']), w('NG', ['Facebook', 'Instagram'])].sort(
        (a, b) => a - b,
      ),
    );
    const ga = blockWeightsFor(table, 'GA')!;
    expect(ga).toMatchObject({ n: 3, of: 'all countries', counted: 'countries' });
    expect(ga.values).toContain(w('RU', ['Telegram'])); // Russia's own survey weight, as Russia's block was priced
    expect(blockWeightsFor(new Map(), 'GA')).toBeUndefined();
  });

  it('draws the weight from the class, each value equally likely', () => {
    const scn = parseScenario({
      country: 'NG',
      type: 'platform',
      platform: 'social media (unnamed)',
      hours: 1,
      platform_weight: 0.05,
      platform_weight_values: [0.01, 0.05, 0.2],
      platform_weight_basis: 'the weight of one of the blocks',
    }).scenario;
    const ps = new ParamSet();
    typeWeight(scn, {} as CountryData, 2024, 'subscriptions', ps, [], []);
    expect(ps.specs[0]).toMatchObject({ dist: { kind: 'empirical', values: [0.01, 0.05, 0.2] }, source: 'imputed: the weight of one of the blocks' });
    expect(() => parseScenario({ country: 'NG', type: 'platform', platform: 'x', hours: 1, platform_weight_values: [0.1] })).toThrow(/platform_weight_values/);
  });
});
