// Every bad-input rule of a scenario, each naming its parameter.
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from './scenario.js';

const ok: ScenarioInput = { country: 'RU', type: 'full', hours: 24 };
function fails(input: ScenarioInput): { path: string; message: string }[] {
  try {
    parseScenario(input);
  } catch (e) {
    expect((e as { code: string }).code).toBe('VALIDATION');
    return (e as { issues: { path: string[]; message: string }[] }).issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  }
  throw new Error('expected a validation error');
}
const param = (input: ScenarioInput) => fails(input).map((i) => i.path);

describe('scenario validation', () => {
  it('accepts a valid scenario with defaults', () => {
    const { scenario } = parseScenario({ ...ok, regions: ['ru-mow', 'RU-CR'] });
    expect(scenario).toMatchObject({
      country: 'RU',
      regions: ['RU-MOW', 'UA-43'],
      currency: 'RUB',
      local_currency: 'RUB',
      draws: 2000,
      seed: 1,
      method_choice: 'all',
    });
    expect(scenario.methods).toHaveLength(4);
  });

  it('unknown country', () => {
    expect(fails({ ...ok, country: 'XX' })[0]).toMatchObject({ path: 'country', message: expect.stringMatching(/unknown ISO 3166-1/) });
    expect(param({ ...ok, country: undefined })).toEqual(['country']);
  });

  it('unknown region, and a region outside the country, listing what is valid', () => {
    const u = fails({ ...ok, regions: ['RU-XYZ'] })[0]!;
    expect(u.path).toBe('region');
    expect(u.message).toMatch(/valid for RU: 85 codes/);
    const o = fails({ ...ok, regions: ['CN-XJ'] })[0]!;
    expect(o.message).toMatch(/CN-XJ .* is in CN, not RU/);
  });

  it('an empty region code is refused, naming region, however it arrives', () => {
    for (const regions of ['', ' ', [''], ['RU-MOW', ''], 'RU-MOW,']) {
      const f = fails({ ...ok, regions });
      expect(f.map((i) => i.path)).toEqual(['region']);
      expect(f[0]!.message).toMatch(/^an empty region code; give an ISO 3166-2 code \(valid for RU: /);
    }
    expect(parseScenario({ ...ok, regions: ['RU-MOW'] }).scenario.regions).toEqual(['RU-MOW']);
    expect(parseScenario({ ...ok }).scenario.regions).toEqual([]);
  });

  it('negative duration, end before start', () => {
    expect(param({ ...ok, hours: -1 })).toEqual(['hours']);
    expect(param({ country: 'RU', type: 'full', start: '2020-01-02', end: '2020-01-01' })).toEqual(['end']);
  });

  it('severity outside [0,1], and missing where needed', () => {
    expect(param({ country: 'RU', type: 'throttling', severity: 1.5, hours: 1 })).toEqual(['severity']);
    expect(param({ country: 'RU', type: 'throttling', severity: -0.1, hours: 1 })).toEqual(['severity']);
    expect(param({ country: 'RU', type: 'throttling', hours: 1 })).toEqual(['severity']);
    expect(param({ ...ok, severity: 0.5 })).toEqual(['severity']);
  });

  it('isp share, platform and weights', () => {
    expect(param({ country: 'RU', type: 'isp', hours: 1 })).toEqual(['isp_share']);
    expect(param({ country: 'RU', type: 'isp', isp_share: 0, hours: 1 })).toEqual(['isp_share']);
    expect(param({ country: 'RU', type: 'platform', hours: 1 })).toEqual(['platform']);
    expect(fails({ country: 'RU', type: 'platform', platform: 'MySpace', hours: 1 })[0]!.message).toMatch(/known: .*telegram/);
    expect(parseScenario({ country: 'RU', type: 'platform', platform: 'MySpace', platform_weight: 0.01, hours: 1 }).scenario.platforms).toEqual(['MySpace']);
    expect(param({ country: 'RU', type: 'platform', platform: 'Telegram', platform_weight: 2, hours: 1 })).toEqual(['platform_weight']);
    expect(param({ ...ok, platform: 'Telegram' })).toEqual(['platform']);
    expect(param({ ...ok, mobile_share: 1.2 })).toEqual(['mobile_share']);
    // A full shutdown is the whole network: a mobile share there would be silently ignored, so it is refused.
    expect(fails({ ...ok, mobile_share: 0.5 })[0]).toMatchObject({
      path: 'mobile_share',
      message: expect.stringMatching(/applies only to --type mobile or fixed/),
    });
    expect(param({ ...ok, type: 'platform', platform: 'Telegram', mobile_share: 0.5 })).toEqual(['mobile_share']);
    expect(parseScenario({ ...ok, type: 'mobile', mobile_share: 0.5 }).scenario.mobile_share).toBe(0.5);
    expect(parseScenario({ ...ok, type: 'fixed', mobile_share: 0 }).scenario.mobile_share).toBe(0);
  });

  it('an ISP share or a platform weight on a type that does not use it is refused, naming it, for every such type', () => {
    const extra = (type: string) =>
      type === 'platform' ? { platform: 'Telegram' } : type === 'throttling' ? { severity: 0.5 } : type === 'isp' ? { isp_share: 0.3 } : {};
    for (const type of ['full', 'mobile', 'fixed', 'platform', 'throttling']) {
      const f = fails({ country: 'RU', type, hours: 24, ...extra(type), isp_share: 0.5 });
      expect(f).toEqual([{ path: 'isp_share', message: `applies only to --type isp (the ISP's market share); a ${type} scenario does not use it` }]);
    }
    for (const type of ['full', 'mobile', 'fixed', 'isp']) {
      const f = fails({ country: 'RU', type, hours: 24, ...extra(type), platform_weight: 0.3 });
      expect(f).toEqual([
        expect.objectContaining({ path: 'platform_weight', message: expect.stringMatching(/^applies only to --type platform or throttling/) }),
      ]);
    }
    // where they apply they are taken
    expect(parseScenario({ country: 'RU', type: 'isp', hours: 24, isp_share: 0.5 }).scenario.isp_share).toBe(0.5);
    expect(parseScenario({ country: 'RU', type: 'platform', platform: 'Telegram', hours: 24, platform_weight: 0.3 }).scenario.platform_weight).toBe(0.3);
    expect(parseScenario({ country: 'RU', type: 'throttling', severity: 1, hours: 24, platform_weight: 0.3 }).scenario.platform_weight).toBe(0.3);
  });

  it('unknown type, method, currency; bad year, draws and seed', () => {
    expect(fails({ ...ok, type: 'partial' })[0]!.message).toMatch(/one of full, mobile, fixed, platform, throttling, isp/);
    expect(fails({ ...ok, method: 'netloss' })[0]!.message).toMatch(/one of ozi-regional, deloitte-2016, brookings-2016, cost-escalated, all/);
    // an empty method name is refused as on every other path, never read as "every method"
    for (const method of ['', ',', 'brookings-2016,', ['']]) expect([...new Set(param({ ...ok, method }))], JSON.stringify(method)).toEqual(['method']);
    expect(param({ ...ok, currency: 'XYZ' })).toEqual(['currency']);
    expect(param({ ...ok, year: 20.5 })).toEqual(['year']);
    expect(param({ ...ok, draws: 10 })).toEqual(['draws']);
    expect(param({ ...ok, seed: -1 })).toEqual(['seed']);
  });

  it('reports every problem at once', () => {
    expect(param({ country: 'XX', type: 'nope', hours: -2 }).sort()).toEqual(['country', 'hours', 'type']);
  });
});
