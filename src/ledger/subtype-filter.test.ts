// A subtype filter is a word of the taxonomy (docs/ledger-taxonomy.md), checked where it enters:
// a typo, or a subtype of another category than the one asked for, is refused naming the field
// and the valid subtypes, never answered with an empty ledger.
import { describe, expect, it } from 'vitest';
import { costEvents } from '../cost/ops.js';
import { eventsCounts, eventsExport, eventsList } from './ops.js';
import { TAXONOMY } from './taxonomy.js';

type Parser = { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };
const refusal = (schema: Parser, input: object) => schema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

const ledgerInputs: [string, Parser, object][] = [
  ['events.list', eventsList.input, {}],
  ['events.counts', eventsCounts.input, {}],
  ['events.export', eventsExport.input, { format: 'json' }],
  ['cost.events', costEvents.input, {}],
];

describe('the subtype filter', () => {
  it('refuses a word that is no subtype (a typo: plateform), naming subtype and the value', () => {
    for (const [name, input, base] of ledgerInputs) {
      const issues = refusal(input, { ...base, subtype: 'plateform' });
      expect(issues?.length, name).toBe(1);
      expect(issues?.[0], name).toMatch(/^subtype: "plateform" is not a subtype( of [^;]+)?; valid: .*\bplatform\b/);
    }
  });

  it("refuses a subtype of another category than the one given, listing that category's subtypes", () => {
    for (const [name, input, base] of ledgerInputs)
      expect(refusal(input, { ...base, category: 'block', subtype: 'full' }), name).toEqual([
        `subtype: "full" is not a subtype of block; valid: ${TAXONOMY.block.join(', ')}`,
      ]);
  });

  it('takes every subtype of the taxonomy alone, and with its own category', () => {
    for (const [category, subtypes] of Object.entries(TAXONOMY))
      for (const subtype of subtypes) {
        expect(eventsList.input.safeParse({ subtype }).success, subtype).toBe(true);
        expect(eventsList.input.safeParse({ category, subtype }).success, `${category}/${subtype}`).toBe(true);
      }
    expect(costEvents.input.safeParse({ category: 'shutdown', subtype: 'full' }).success).toBe(true);
  });

  it('over cost events, refuses a subtype no cost-bearing category has (cost prices shutdowns, throttling and blocks)', () => {
    expect(refusal(costEvents.input, { subtype: 'arrest' })?.[0]).toMatch(/^subtype: "arrest" is not a subtype of shutdown, throttling or block; valid: /);
  });
});
