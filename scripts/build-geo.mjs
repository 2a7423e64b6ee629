#!/usr/bin/env node
/**
 * Build-time geometry for the dashboard: converts the shipped Natural Earth admin-1 extracts
 * (data/geo, Russia 85 / China 31) and world-atlas countries-50m into three small TopoJSON
 * files the browser fetches (web/public/geo by default, or --out DIR).
 *
 * Why here and not in the browser: the sources are 1.2 MB of GeoJSON with 121 properties per
 * feature; we keep 6 properties, fix the upstream RU-MOW/RU-MOS swap by wikidata id, mark the
 * disputed areas, simplify, quantise, and fail loudly if a region goes missing.
 * See data/geo/SOURCES.md and docs/design/050-web-dashboard.md.
 */
import { Buffer } from 'node:buffer';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { iso31661 } from 'iso-3166';

const require = createRequire(import.meta.url);
const { topology } = require('topojson-server');
const { presimplify, simplify, quantile, sphericalTriangleArea } = require('topojson-simplify');
const { feature, quantize } = require('topojson-client');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

/** Natural Earth swaps RU-MOW and RU-MOS (upstream defect); codes are assigned by wikidata id. */
const BY_WIKIDATA = { Q649: 'RU-MOW', Q1697: 'RU-MOS' };
/** Label fixes where NE's English/Russian names are wrong for the code (see data/geo/SOURCES.md). */
const NAME_FIX = {
  'RU-MOW': { name: 'Moscow', name_local: 'Москва' },
  'RU-MOS': { name: 'Moscow Oblast', name_local: 'Московская область' },
  'RU-ALT': { name: 'Altai Krai', name_local: 'Алтайский край' },
  'RU-MAG': { name: 'Magadan Oblast' },
};
/** Disputed areas: ISO codes them as Ukraine's; Russian statistics use RU-CR / RU-SEV. */
const DISPUTED = {
  'UA-43': { alias: 'RU-CR', note: 'Crimea: annexed by Russia in 2014; ISO 3166-2 and the UN code it UA-43 (Ukraine). Russian statistics key it RU-CR.' },
  'UA-40': { alias: 'RU-SEV', note: 'Sevastopol: annexed by Russia in 2014; ISO 3166-2 and the UN code it UA-40 (Ukraine). Russian statistics key it RU-SEV.' },
};

function regionCollection(path, expected) {
  const src = readJson(path);
  const seen = new Set();
  const features = src.features.map((f) => {
    const p = f.properties;
    const code = BY_WIKIDATA[p.wikidataid] ?? p.iso_3166_2;
    if (seen.has(code)) throw new Error(`${path}: duplicate region code ${code}`);
    seen.add(code);
    const d = DISPUTED[code];
    const props = {
      code,
      name: p.name_en ?? p.name,
      name_local: p.name_zh && p.adm0_a3 === 'CHN' ? p.name_zh : p.name_ru,
      wikidata: p.wikidataid,
      type: p.type_en,
      ...(NAME_FIX[code] ?? {}),
      ...(d ? { disputed: true, alias: d.alias, note: d.note } : {}),
    };
    return { type: 'Feature', id: code, properties: props, geometry: f.geometry };
  });
  if (features.length !== expected) throw new Error(`${path}: expected ${expected} regions, found ${features.length}`);
  return { type: 'FeatureCollection', features };
}

/** Simplify keeping `keep` of the points (by spherical triangle area), then quantise. */
function shrink(topo, keep, q = 1e4) {
  const pre = presimplify(topo, sphericalTriangleArea);
  return quantize(simplify(pre, quantile(pre, keep)), q);
}

const byNumeric = new Map(iso31661.map((c) => [c.numeric, c]));

/** World countries with alpha-2 codes (ids in world-atlas are ISO numeric strings). */
function worldTopology(ruRegions, keep) {
  const world = readJson(join(root, 'node_modules/world-atlas/countries-50m.json'));
  delete world.objects.land; // only the countries are drawn
  for (const g of world.objects.countries.geometries) {
    const c = g.id === undefined ? undefined : byNumeric.get(String(g.id).padStart(3, '0'));
    g.properties = { cc: c?.alpha2 ?? null, name: c?.name ?? g.properties?.name ?? 'unknown' };
    g.id = c?.alpha2 ?? g.properties.name;
  }
  const simplified = shrink(world, keep);
  // Crimea and Sevastopol lie inside Russia's polygon in world-atlas: overlay them, drawn hatched.
  const disputed = { type: 'FeatureCollection', features: ruRegions.features.filter((f) => f.properties.disputed) };
  const overlay = shrink(topology({ disputed }, 1e5), 0.5);
  return { world: simplified, overlay };
}

/** Taiwan, Hong Kong, Macao are admin-0 units in Natural Earth: add them from world-atlas as context. */
function chinaContext() {
  const world = readJson(join(root, 'node_modules/world-atlas/countries-50m.json'));
  const want = { 158: 'CN-TW', 344: 'CN-HK', 446: 'CN-MO' };
  const fc = feature(world, world.objects.countries);
  return fc.features
    .filter((f) => want[Number(f.id)])
    .map((f) => ({
      type: 'Feature',
      id: want[Number(f.id)],
      properties: {
        code: want[Number(f.id)],
        name: f.properties.name,
        context: true,
        note:
          'Not in the Natural Earth admin-1 source (an admin-0 unit there); drawn from world-atlas for context. ISO 3166-2 lists it as CN-' +
          want[Number(f.id)].slice(3) +
          '.',
      },
      geometry: f.geometry,
    }));
}

export function buildGeo(outDir) {
  const ru = regionCollection(join(root, 'data/geo/ne_50m_admin1_russia.geojson'), 85);
  const cn = regionCollection(join(root, 'data/geo/ne_50m_admin1_china.geojson'), 31);
  if (ru.features.find((f) => f.id === 'RU-MOW')?.properties.wikidata !== 'Q649') throw new Error('RU-MOW must be Moscow city (Q649)');
  const ruTopo = shrink(topology({ regions: ru }, 1e6), 0.5);
  const cnTopo = shrink(topology({ regions: cn, context: { type: 'FeatureCollection', features: chinaContext() } }, 1e6), 0.5);
  const { world, overlay } = worldTopology(ru, 0.25);
  mkdirSync(outDir, { recursive: true });
  const names = Object.fromEntries(iso31661.map((c) => [c.alpha2, c.name]));
  const files = { 'ru.json': ruTopo, 'cn.json': cnTopo, 'world.json': world, 'disputed.json': overlay, 'countries.json': names };
  const sizes = {};
  for (const [name, topo] of Object.entries(files)) {
    const text = JSON.stringify(topo);
    writeFileSync(join(outDir, name), text);
    sizes[name] = Buffer.byteLength(text);
  }
  return { sizes, total: Object.values(sizes).reduce((a, b) => a + b, 0) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? resolve(process.argv[i + 1]) : join(root, 'web/public/geo');
  const { sizes, total } = buildGeo(out);
  const limit = 1.5 * 1024 * 1024;
  console.log(
    `geo: ${Object.entries(sizes)
      .map(([n, s]) => `${n} ${(s / 1024).toFixed(0)} KB`)
      .join(', ')}; total ${(total / 1024).toFixed(0)} KB -> ${out}`,
  );
  if (total > limit) {
    console.error(`geo: total ${total} bytes is over the 1.5 MB budget`);
    process.exit(1);
  }
}
