/**
 * The build-time geometry (scripts/build-geo.mjs): all 85 Russian and 31 Chinese units with
 * ISO codes, the upstream RU-MOW/RU-MOS swap fixed by wikidata id, Crimea and Sevastopol kept
 * distinct and flagged, world countries keyed by alpha-2, everything under the 1.5 MB budget.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/index.js';

interface Geom {
  id: string;
  type: string;
  properties: Record<string, unknown>;
}
interface Topo {
  objects: Record<string, { geometries: Geom[] }>;
}

const out = tempDir('splinternet-geo-');
const read = (name: string) => JSON.parse(readFileSync(join(out.dir, name), 'utf8')) as Topo;

beforeAll(() => {
  const r = spawnSync(process.execPath, ['scripts/build-geo.mjs', '--out', out.dir], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => out.cleanup());

describe('build-geo', () => {
  it('keeps Russia’s 85 regions with unique ISO codes and Moscow city as RU-MOW', () => {
    const g = read('ru.json').objects.regions!.geometries;
    expect(g).toHaveLength(85);
    expect(new Set(g.map((x) => x.id)).size).toBe(85);
    expect(g.every((x) => x.type === 'Polygon' || x.type === 'MultiPolygon')).toBe(true);
    const byId = new Map(g.map((x) => [x.id, x.properties]));
    expect(byId.get('RU-MOW')).toMatchObject({ wikidata: 'Q649', name: 'Moscow' });
    expect(byId.get('RU-MOS')).toMatchObject({ wikidata: 'Q1697', name: 'Moscow Oblast' });
    expect(byId.get('RU-ALT')).toMatchObject({ name: 'Altai Krai' });
  });

  it('draws Crimea and Sevastopol as distinct, flagged features with their RU aliases', () => {
    const byId = new Map(read('ru.json').objects.regions!.geometries.map((x) => [x.id, x.properties]));
    expect(byId.get('UA-43')).toMatchObject({ disputed: true, alias: 'RU-CR' });
    expect(byId.get('UA-40')).toMatchObject({ disputed: true, alias: 'RU-SEV' });
    expect(
      read('disputed.json')
        .objects.disputed!.geometries.map((x) => x.id)
        .sort(),
    ).toEqual(['UA-40', 'UA-43']);
  });

  it('keeps China’s 31 provinces and adds Taiwan, Hong Kong and Macao only as context', () => {
    const cn = read('cn.json');
    expect(cn.objects.regions!.geometries).toHaveLength(31);
    expect(cn.objects.context!.geometries.map((x) => x.id).sort()).toEqual(['CN-HK', 'CN-MO', 'CN-TW']);
    expect(cn.objects.context!.geometries.every((x) => x.properties.context === true)).toBe(true);
  });

  it('keys world countries by ISO alpha-2 and stays under the size budget', () => {
    const w = read('world.json').objects.countries!.geometries;
    expect(w.length).toBeGreaterThanOrEqual(200);
    expect(w.find((x) => x.properties.cc === 'RU')?.properties.name).toBe('Russian Federation');
    expect(w.filter((x) => x.properties.cc === 'CN')).toHaveLength(1);
    const total = ['ru.json', 'cn.json', 'world.json', 'disputed.json'].reduce((n, f) => n + statSync(join(out.dir, f)).size, 0);
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });
});
