/** Public surface of the geo floor: country and region codes, names (en/ru/zh), aliases. */
export * from './codes.js';
export * from './region-names.js';
export {
  geocodeArea,
  geocodeRegionCodes,
  isoNames,
  regionPopulations,
  regionsWithPopulation,
  REGION_POPULATION_RULE,
  type RegionPopulation,
  type GeocodeResult,
  type GeoPlace,
  type PopulationAffected,
  type Confidence,
} from './geocode.js';
export { gazetteerSources, words as areaWords } from './gazetteer.js';
export { exceptionOf } from './except.js';
