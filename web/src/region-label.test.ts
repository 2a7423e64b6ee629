import { describe, expect, it } from 'vitest';
import { RU_REGIONS, CN_PROVINCES } from '../../src/geo/region-names.js';
import { regionLabel } from './region-label.js';

describe('regionLabel', () => {
  it("names a region as the API and CLI do (src/geo's names), not by Natural Earth's shortened label", () => {
    // Natural Earth's name_en for these codes, as the map geometry carries them
    expect(regionLabel('RU-YEV', 'Jewish')).toBe('Jewish Autonomous Oblast');
    expect(regionLabel('RU-SVE', 'Sverdlovsk')).toBe('Sverdlovsk Oblast');
    expect(regionLabel('RU-ROS', 'Rostov')).toBe('Rostov Oblast');
    expect(regionLabel('UA-43', 'Crimea')).toBe('Crimea');
  });
  it('every shipped region of Russia and China gets its own name; an unknown code keeps the geometry label', () => {
    for (const r of [...RU_REGIONS, ...CN_PROVINCES]) expect(regionLabel(r.code, 'x')).toBe(r.en);
    expect(regionLabel('TW-TPE', 'Taipei')).toBe('Taipei');
  });
});
