// What `cost compare --help` says `--end` does when it is left out: the default the comparison
// applies to events marked ongoing, kind by kind, as its answer's notes and causes state it.
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/helpers/index.js';
import { costCompare } from '../../cost/ops.js';

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

describe('cost compare --help: --end', () => {
  it("states the default for each kind of ongoing event: shutdowns by STOP's yearly accounting, blocks to the end of their first year, throttles unpriced", async () => {
    const help = oneLine((await cli(['cost', 'compare', '--help'])).out);
    const end = /--end <t> (.*?) --severity/.exec(help)?.[1] ?? '';
    expect(end).toMatch(/network shutdown marked ongoing [^;]*STOP's yearly accounting/);
    expect(end).toMatch(/block marked ongoing [^;]*to the end of the year it began/);
    expect(end).toMatch(/throttle marked ongoing [^;]*not priced/);
    expect(end).not.toMatch(/default: not priced/);
  });

  it('gives the same default in the operation notes of GET /api/cost/compare', async () => {
    const help = oneLine((await cli(['cost', 'compare', '--help'])).out);
    const rule = /\(default: (.*?)\) --severity/.exec(help)?.[1] ?? 'none stated';
    expect(oneLine(costCompare.http?.notes ?? '')).toContain(rule);
  });
});
