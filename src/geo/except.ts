/**
 * An area stated as a whole less a named exception: "All regions except Addis Abeba" (Ethiopia,
 * 2018), "All districts of Jammu and Kashmir, but for Ganderbal and Udhampur", "Kashmir valley
 * outside of Pulwama, Anantnag, Kulgam and Shopian districts …", "Nationwide (except Kurdistan)".
 * Read by its names alone such an area is the exception, the very part that was not cut off. It is
 * the whole (the country, or the units the text names before the exception) less the exception,
 * each read by the geocoder's rules; where either cannot be placed, or the exception does not lie
 * inside the whole, the area is not placed and the reason says which. Pure: works on the
 * gazetteer's index and the geocoder's reading of each side (docs/design/012).
 */
import { getCountry } from './codes.js';
import { normName, words, type CountryIndex } from './gazetteer.js';
import type { Confidence, GeocodeResult } from './geocode.js';

export interface Exception {
  /** The text of the whole ("All regions", "All districts of Jammu and Kashmir"). */
  whole: string;
  /** The text of the part it excepts ("Addis Abeba"). */
  except: string;
  /** The word that excepts ("except", "but for", "outside of" …). */
  phrase: string;
}

const MARK =
  /(?:^|[\s,;(])(except(?:\s+for)?|excepting|excluding|exclusive\s+of|but\s+for|but\s+not|outside\s+of|outside|apart\s+from|other\s+than|save\s+for|with\s+the\s+exception\s+of)\b/i;

const trim = (s: string): string => s.replace(/^[\s,;:()]+|[\s,;:().]+$/g, '').trim();

/** The whole and the exception of an area text, or null where it states none. */
export function exceptionOf(text: string): Exception | null {
  const m = MARK.exec(text);
  if (!m) return null;
  const whole = trim(text.slice(0, m.index));
  const except = trim(text.slice(m.index + m[0].length));
  // The whole is one item: in a list ("…, areas of Pulwama district in Jammu region (outside of Kashmir Valley, …") the word locates, it does not except.
  if (!words(whole).length || /[,;]/.test(whole) || !normName(except).length) return null;
  return { whole, except, phrase: m[1]!.toLowerCase().replace(/\s+/g, ' ') };
}

/** A whole that names the country and nothing in it ("All regions", "Nationwide", "National"). */
const isCountry = (whole: string): boolean =>
  normName(whole).length === 0 && words(whole).some((t) => /^(all|entire|whole|nationwide|national|countrywide|country|nation)$/.test(t));

const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };
const STEP_UP: Record<Confidence, Confidence> = { high: 'high', medium: 'high', low: 'medium' };
const lowest = (cs: Confidence[]): Confidence => cs.reduce((a, c) => (RANK[c] < RANK[a] ? c : a), 'high');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * The area of a whole less its exception: one place, the whole's population less the exception's
 * (each as the geocoder estimates it), named for both; `geocode` reads a text of the country.
 * Every unit of the exception must lie in the whole's regions. Regions: the whole's, or for the
 * country those of its first-level units the exception does not take whole.
 */
export function lessException(idx: CountryIndex, ex: Exception, geocode: (text: string) => GeocodeResult, sources: string[]): GeocodeResult {
  const nat = idx.population!;
  const said = `"${ex.whole}" ${ex.phrase} "${ex.except}"`;
  const notPlaced = (why: string, unmatched: string[]): GeocodeResult => ({
    regions: [],
    places: [],
    population_affected: null,
    unmatched,
    reason: `the area is ${said}: ${why}, so who was cut off (the whole less the exception) cannot be computed`,
  });
  const country = isCountry(ex.whole);
  const whole = country ? null : geocode(ex.whole);
  if (whole && !whole.population_affected) return notPlaced(`the whole could not be placed (${whole.reason})`, whole.unmatched);
  const out = geocode(ex.except);
  const unmatched = [...(whole?.unmatched ?? []), ...out.unmatched];
  if (!out.population_affected) return notPlaced(`the exception could not be placed (${out.reason})`, unmatched);
  const within = whole ? new Set(whole.regions) : null;
  const outside = within ? out.places.filter((p) => !p.region || !within.has(p.region)) : [];
  if (outside.length) return notPlaced(`${outside.map((p) => p.name).join(', ')} not within ${ex.whole}`, unmatched);
  const wholePop = whole ? whole.population_affected!.estimate : nat.value;
  const less = out.population_affected.estimate;
  const population = wholePop - less;
  if (!(population > 0)) return notPlaced(`the exception (${fmt(less)}) holds as many people as the whole (${fmt(wholePop)}) or more`, unmatched);
  const wholeName = whole ? whole.places.map((p) => p.name).join(', ') : (getCountry(idx.country)?.name ?? idx.country);
  const exceptName = out.places.map((p) => p.name).join(', ');
  const taken = new Set(out.places.filter((p) => p.kind === 'region' && !p.part && p.region).map((p) => p.region!));
  const regions = whole ? whole.regions : [...new Set([...idx.admin1.values()].map((a) => a.iso).filter((c): c is string => !!c && !taken.has(c)))];
  // An exception under a quarter of the whole moves the result little: its own doubt weighs one step less.
  const outConfidence = less < wholePop / 4 ? STEP_UP[out.population_affected.confidence] : out.population_affected.confidence;
  const confidence = lowest([whole?.population_affected!.confidence ?? 'high', outConfidence]);
  const how = (r: GeocodeResult) => (r.places.length === 1 ? r.places[0]!.population_method : r.population_affected!.method);
  const wholeSaid = whole ? `${wholeName} (${fmt(wholePop)}: ${how(whole)})` : `${wholeName} (national population ${fmt(wholePop)})`;
  const method = `${wholeSaid} less ${exceptName} (${fmt(less)}: ${how(out)}), which the text names as not cut off ("${ex.phrase}")`;
  const single = whole && whole.places.length === 1 ? whole.places[0]! : null;
  return {
    regions,
    places: [
      {
        name: `${wholeName} ${ex.phrase} ${exceptName}`,
        kind: single?.kind ?? 'region',
        region: single?.region ?? null,
        region_name: single?.region_name ?? null,
        population: Math.round(population),
        population_method: method,
        geonames_id: null,
        confidence,
      },
    ],
    population_affected: {
      estimate: Math.round(population),
      share: Math.round(population) / nat.value,
      method,
      confidence,
      national_population: nat.value,
      year: nat.year,
      sources,
      note: unmatched.length ? `words not matched: ${unmatched.join(' ')}` : null,
    },
    unmatched,
    reason: null,
  };
}
