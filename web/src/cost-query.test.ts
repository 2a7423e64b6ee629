import { describe, expect, it } from 'vitest';
import { appliesToType, scenarioQuery } from './cost-query.js';

describe('scenarioQuery', () => {
  it('leaves out the fields the chosen type does not use (a full shutdown sends no platform or severity)', () => {
    const form: [string, string][] = [
      ['country', 'RU'],
      ['type', 'full'],
      ['platform', 'Telegram'],
      ['severity', '0.3'],
      ['hours', '10'],
    ];
    expect(scenarioQuery(form)).toBe('country=RU&type=full&hours=10');
    expect(scenarioQuery(form.map(([k, v]) => [k, k === 'type' ? 'throttling' : v]))).toBe(
      'country=RU&type=throttling&platform=Telegram&severity=0.3&hours=10',
    );
  });
  it('a start or end replaces hours; blank fields are left out', () => {
    expect(
      scenarioQuery([
        ['country', 'IR'],
        ['hours', '24'],
        ['start', '2019-11-16'],
        ['end', ''],
        ['type', 'isp'],
        ['isp_share', '0.4'],
      ]),
    ).toBe('country=IR&type=isp&isp_share=0.4&start=2019-11-16');
  });
  it('says which fields a type uses', () => {
    expect(['platform', 'severity', 'isp_share', 'hours'].map((k) => appliesToType(k, 'platform'))).toEqual([true, false, false, true]);
  });
});
