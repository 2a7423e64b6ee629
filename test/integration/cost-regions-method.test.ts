// `cost regions` ranks the regions by one method: a second method, or `all`, is refused naming
// `method` (exit 2), never dropped for the first one's table (seeded ledger and shipped data).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir('splinternet-cost-regions-method-');
const db = join(t.dir, 'c.duckdb');
beforeAll(() => copySeeded(db), SEED_WAIT_MS);
afterAll(() => t.cleanup());

const base = ['cost', 'regions', '--country', 'RU', '--type', 'full', '--hours', '24', '--json', '--db', db];

describe('cost regions --method', () => {
  it('two methods, repeated or comma-separated, or all: exit 2 naming method and the methods asked', async () => {
    for (const methods of [
      ['--method', 'deloitte-2016', '--method', 'ozi-regional'],
      ['--method', 'deloitte-2016,cost-escalated'],
      ['--method', 'all'],
    ]) {
      const r = await cli([...base, ...methods]);
      expect(r.code, methods.join(' ')).toBe(2);
      // with --json the error is the JSON answer: no table comes back
      const answer = JSON.parse(r.out) as { items?: unknown; error: { errors: { path: string; message: string }[] } };
      expect(answer.items).toBeUndefined();
      expect(answer.error.errors[0]!.path).toBe('method');
      expect(answer.error.errors[0]!.message).toMatch(/one method, got (deloitte-2016, (ozi-regional|cost-escalated)|all)/);
    }
  });

  it('one method (or the same one twice) still ranks the regions by it', async () => {
    for (const methods of [
      ['--method', 'deloitte-2016'],
      ['--method', 'deloitte-2016', '--method', 'deloitte-2016'],
    ]) {
      const r = await cli([...base, ...methods]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out) as { method: string }).method).toBe('deloitte-2016');
    }
    const dflt = await cli(base);
    expect((JSON.parse(dflt.out) as { method: string }).method).toBe('ozi-regional');
  });
});
