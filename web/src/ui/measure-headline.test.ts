import { describe, expect, it } from 'vitest';
import { headline } from './measure-headline.js';

describe('headline', () => {
  it('names every verdict status, so the counts add up to n, and OONI failures beside anomalies', () => {
    const t = { n: 29, ok: 21, blocked: 0, likely_blocked: 1, down: 2, invalid: 5, insufficient: 0, anomaly_count: 1, confirmed_count: 0, failure_count: 10 };
    expect(headline(t)).toBe(
      '29 measurements · blocked 0 · likely blocked 1 · down 2 · invalid 5 · insufficient 0 · ok 21 · OONI anomalies 1, confirmed 0, failures 10',
    );
  });
});
