import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesFromZod } from './errors.js';

const schema = z.object({
  limit: z.number({ error: 'must be a whole number from 1 to 1000' }).int().min(1).max(1000),
  category: z.enum(['shutdown', 'block']),
  include_retracted: z.boolean().optional(),
  hours: z
    .number()
    .refine((n) => n > 0, { message: 'must be a positive number of hours, got -1' })
    .optional(),
  test_name: z
    .string()
    .refine((s) => s === 'web_connectivity', { message: '"nope" is not an OONI test name' })
    .optional(),
  secret: z.string().min(16).optional(),
  note: z.string().optional(),
});

const messages = (raw: unknown) => {
  const r = schema.safeParse(raw);
  if (r.success) throw new Error('expected a failure');
  return Object.fromEntries(issuesFromZod(r.error, raw).map((i) => [i.path.join('.'), i.message]));
};

describe('issuesFromZod names the value a field was sent', () => {
  it('appends the value to messages that do not name it', () => {
    const m = messages({ limit: 'abc', category: 'blok', include_retracted: 'maybe' });
    expect(m.limit).toBe('must be a whole number from 1 to 1000, got "abc"');
    expect(m.category).toMatch(/expected one of .*, got "blok"$/);
    expect(m.include_retracted).toMatch(/expected boolean, received string, got "maybe"$/);
  });

  it('names numbers, including ones whose digits appear in the bounds', () => {
    expect(messages({ limit: 0, category: 'block' }).limit).toBe('must be a whole number from 1 to 1000, got 0');
    expect(messages({ limit: 1.5, category: 'block' }).limit).toMatch(/, got 1\.5$/);
  });

  it('leaves messages that already name the value, missing fields and secrets alone', () => {
    const m = messages({ limit: 5, hours: -1, test_name: 'nope', secret: 'short' });
    expect(m.hours).toBe('must be a positive number of hours, got -1');
    expect(m.test_name).toBe('"nope" is not an OONI test name');
    expect(m.category).not.toMatch(/got/);
    expect(m.secret).not.toContain('short');
  });

  it('cuts a long value at 80 characters', () => {
    const m = messages({ limit: 'x'.repeat(500), category: 'block' });
    expect(m.limit!.length).toBeLessThan('must be a whole number from 1 to 1000, got '.length + 81);
    expect(m.limit).toMatch(/…$/);
  });

  it('without the raw input, messages are as zod worded them', () => {
    const r = schema.safeParse({ limit: 'abc', category: 'block' });
    expect(issuesFromZod(r.error!)[0]!.message).toBe('must be a whole number from 1 to 1000');
  });
});
