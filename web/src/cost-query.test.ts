import { describe, expect, it } from 'vitest';
import { ScenarioWireSchema } from '../../src/cost/scenario-schema.js';
import { appliesToType, SCENARIO_KEYS, scenarioFromUrl, scenarioQuery } from './cost-query.js';

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

describe('scenarioFromUrl', () => {
  it('keeps every scenario parameter GET /api/cost takes, so the page prices the URL it shows', () => {
    const s = scenarioFromUrl(new URLSearchParams('country=RU&type=full&hours=24&affected_share=0.1&method=ozi-regional'));
    expect(s.unknown).toEqual([]);
    expect(s.params).toEqual({ country: ['RU'], type: ['full'], hours: ['24'], affected_share: ['0.1'], method: ['ozi-regional'] });
    const m = scenarioFromUrl(new URLSearchParams('country=RU&type=mobile&hours=24&mobile_share=0.9&platform_weight=0.5'));
    expect(m.params.mobile_share).toEqual(['0.9']);
    expect(m.params.platform_weight).toEqual(['0.5']);
  });
  it('reads regions (the alias) as region, in the form and in the request', () => {
    const s = scenarioFromUrl(new URLSearchParams('country=RU&regions=RU-MOW,RU-SPE&type=full&hours=24'));
    expect(s.params.region).toEqual(['RU-MOW', 'RU-SPE']);
    expect(s.params.regions).toBeUndefined();
  });
  it('reads a region code in either case, as the API does (ru-mow is RU-MOW), and keeps a code it does not know', () => {
    expect(scenarioFromUrl(new URLSearchParams('country=RU&region=ru-mow,RU-XXX&region=ru-spe')).params.region).toEqual(['RU-MOW', 'RU-XXX', 'RU-SPE']);
  });
  it('names a parameter it does not know instead of dropping it', () => {
    expect(scenarioFromUrl(new URLSearchParams('country=RU&type=full&hours=24&afected_share=0.1')).unknown).toEqual(['afected_share']);
  });
  it('the form sends the share fields it shows', () => {
    expect(
      scenarioQuery([
        ['country', 'RU'],
        ['type', 'full'],
        ['hours', '24'],
        ['affected_share', '0.1'],
      ]),
    ).toBe('country=RU&type=full&affected_share=0.1&hours=24');
  });
  it('lists exactly the query parameters the engine documents', () => {
    const wire = Object.keys(ScenarioWireSchema.shape).filter((k) => k !== 'regions');
    expect([...SCENARIO_KEYS].sort()).toEqual(wire.sort());
  });
});
