/**
 * Geometry the build made from Natural Earth (scripts/build-geo.mjs): world countries with
 * alpha-2 codes, Russia's 85 and China's 31 admin-1 units, and the disputed-area overlay.
 * Fetched once per session as static files (a failed fetch is asked again, and fails as the API's
 * calls do: an ApiError naming it); projections live here so every map agrees.
 */
import { geoConicEqualArea, geoEqualEarth, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { ApiError, reach, readJson } from './api.js';
import { regionLabel } from './region-label.js';

export interface RegionProps {
  code: string;
  name: string;
  name_local?: string;
  wikidata?: string;
  type?: string;
  disputed?: boolean;
  alias?: string;
  note?: string;
  context?: boolean;
}
export interface CountryProps {
  cc: string | null;
  name: string;
}

export type GeoFeature<P> = Feature<Geometry, P>;

const cache = new Map<string, Promise<Topology>>();

function topo(name: string): Promise<Topology> {
  let p = cache.get(name);
  if (!p) {
    const url = `/geo/${name}.json`;
    p = reach(url).then((r) => {
      if (r.status === 404) throw new ApiError(`geometry ${url} is missing (HTTP 404); run npm run build`, 404, url);
      return readJson<Topology>(r, url);
    });
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p;
}

const features = <P>(t: Topology, object: string): GeoFeature<P>[] =>
  t.objects[object] ? (feature(t, t.objects[object] as GeometryCollection) as unknown as FeatureCollection<Geometry, P>).features : [];

export async function worldCountries(): Promise<GeoFeature<CountryProps>[]> {
  return features<CountryProps>(await topo('world'), 'countries');
}

/** Crimea (UA-43) and Sevastopol (UA-40), drawn over Russia on the world map. */
export async function disputedAreas(): Promise<GeoFeature<RegionProps>[]> {
  return features<RegionProps>(await topo('disputed'), 'disputed');
}

export const REGION_COUNTRIES = ['RU', 'CN'] as const;
export type RegionCountry = (typeof REGION_COUNTRIES)[number];

/** Admin-1 units named as the API names them, plus context features (CN: Taiwan, Hong Kong, Macao) flagged `context`. */
export async function regionsOf(cc: RegionCountry): Promise<GeoFeature<RegionProps>[]> {
  const t = await topo(cc.toLowerCase());
  const regions = features<RegionProps>(t, 'regions').map((f) => ({
    ...f,
    properties: { ...f.properties, name: regionLabel(f.properties.code, f.properties.name) },
  }));
  return [...regions, ...features<RegionProps>(t, 'context')];
}

let names: Promise<Record<string, string>> | null = null;

/** ISO 3166-1 names by alpha-2 (built from the iso-3166 package). */
export function countryNames(): Promise<Record<string, string>> {
  if (!names) {
    const url = '/geo/countries.json';
    const p = reach(url).then((r) => readJson<Record<string, string>>(r, url));
    p.catch(() => {
      if (names === p) names = null; // asked again on the next page
    });
    names = p;
  }
  return names;
}

export function projectionFor(kind: 'world' | RegionCountry): GeoProjection {
  if (kind === 'world') return geoEqualEarth();
  // Conic equal-area along each country's latitudes, rotated to its central meridian, so
  // Chukotka (split at ±180°) joins up and region areas compare fairly.
  if (kind === 'RU') return geoConicEqualArea().rotate([-100, 0]).parallels([52, 72]);
  return geoConicEqualArea().rotate([-105, 0]).parallels([25, 47]);
}
