/**
 * Names the gazetteer cannot place, as names: the words no name matched, grouped into the names
 * they spell ("Police district of Awantipora" is one; "Kyangin, Kyonpyaw" two), with what stands
 * between each and the next name word, so the geocoder can tell a list item ("Kalay and Tamu
 * townships, Sagaing") from a name located in a unit ("Launglon township, Dawei district";
 * "Refugee camps in Cox Bazar"). Words that describe rather than name ("within", "near", a
 * direction alone) make no name. Pure: counts the words the geocoder matches names in
 * (docs/design/012).
 */
import { allCountries } from './codes.js';
import { normName, words } from './gazetteer.js';

export interface NameWord {
  t: string;
  /** A list separator (, ; / ( ) & + and or) stands between it and the previous name word. */
  sep: boolean;
  /** The other words between it and the previous name word. */
  before: string[];
  /** Only a comma stands between it and the previous name word ("Payanthonzu, Kyain Seikgyi township"). */
  commaOnly: boolean;
  /** The list separators between it and the previous name word. */
  seps: string[];
}

const SEPARATOR = /^[,;/()&+]$/;

/** The text's name words in order (those normName keeps, as the geocoder counts them). */
export function nameWords(text: string): NameWord[] {
  // (ends with one entry more, t '', holding the words after the last name)
  const out: NameWord[] = [];
  let sep = false;
  let before: string[] = [];
  let seps: string[] = [];
  for (const tok of text.match(/[,;/()&+]|[^\s,;/()&+]+/g) ?? []) {
    if (SEPARATOR.test(tok)) {
      sep = true;
      seps.push(tok);
      continue;
    }
    for (const w of words(tok)) {
      if (w === 'and' || w === 'or') {
        sep = true;
        seps.push(w);
      } else if (normName(w).length) {
        out.push({ t: w, sep, before, commaOnly: before.length === 0 && seps.length > 0 && seps.every((x) => x === ','), seps });
        sep = false;
        before = [];
        seps = [];
      } else before.push(w);
    }
  }
  // The words after the last name, as the `before` of a name that is not there.
  out.push({ t: '', sep, before, commaOnly: false, seps });
  return out;
}

/** Words that describe an area, or join names, without naming a unit. */
const FILLER = new Set(
  (
    'most multiple several many various numerous least some part parts border borders bordering near along around across throughout crisis hit affected conflict major rural urban with that which by from to for on at over ' +
    'within inside outside beyond aka also but police jurisdiction jurisdictions boundaries boundary targeted the an as such especially specifically mainly mostly only its their between among under into nearby adjacent ' +
    'neighboring neighbouring neighborhoods neighbourhoods vicinity outskirts suburbs downtown centre center north south east west central northern southern eastern western upper lower greater ' +
    // Arabic and Romance articles standing alone ("Al-Khokha" where the rest matched)
    'al el ad an ar as at az de la le ' +
    // hedges, glosses and counts standing alone ("perhaps including environs", "UT of", "five townships")
    'somaliland perhaps possibly probably likely reportedly environs ut nct large both entire whole rest valley one two three four five six seven eight nine ten eleven twelve'
  ).split(' '),
);
/** Words of a feature or a building, not an administrative unit: a name with one is no district ("peninsula adjoining the Naf River", "Aerocity Hotel"). */
const FEATURE = new Set(
  'coast strip river rivers road roads highway highways bridge bridges lake lakes peninsula crossing crossings checkpoint checkpoints hotel airport station monastery temple mosque church stadium hospital prison jail'.split(
    ' ',
  ),
);
let countryWords: Set<string> | undefined;
/** A word of a country's name ("Northern Iraq"): it names no part of the country. */
const isCountryWord = (t: string): boolean => (countryWords ??= new Set(allCountries().flatMap((c) => normName(c.name)))).has(t);

export interface Run {
  words: string[];
  /** Positions among the text's name words: from (inclusive) to (exclusive). */
  from: number;
  to: number;
}

/** Whether a word can be of a name: not filler, a country's name, a number or a single letter. */
export const namesSomething = (t: string): boolean => !FILLER.has(t) && !isCountryWord(t) && !/^\d+$/.test(t) && t.length > 1;

/**
 * The names the unmatched words (their positions among the name words) spell: neighbouring
 * words with no list separator between them are one name; a name of filler words, numbers or
 * single letters alone is none; a name with a word of a feature or a building ("Thabaw-Lake") is
 * none either, unless `spans` asks for every run of words (where each name ends, to read a list).
 */
export function unmatchedRuns(text: string, positions: readonly number[], spans = false): Run[] {
  const layout = nameWords(text);
  const runs: Run[] = [];
  for (const p of [...positions].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.to === p && !layout[p]?.sep) {
      last.words.push(layout[p]!.t);
      last.to = p + 1;
    } else if (layout[p]) runs.push({ words: [layout[p].t], from: p, to: p + 1 });
  }
  return spans ? runs : runs.filter((r) => !r.words.some((t) => FEATURE.has(t)) && r.words.some(namesSomething));
}

/** Words after a name saying it lies in the unit named next ("… in Cox Bazar", "Ichgam area, Budgam District"). */
const LOCATED = new Set(
  'in of at near within inside area areas village villages town towns township townships city locality localities neighbourhood neighborhood ward wards block blocks tehsil tehsils mandal mandals division subdivision subdivisions camp camps'.split(
    ' ',
  ),
);

/** The word after a unit calls it one district or township ("Kyain Seikgyi township"): a name before it, with a comma alone between, lies in it. */
export const singularUnit = (after: NameWord | undefined): boolean => /^(district|township|tehsil|zila)$/.test(after?.before[0] ?? '');

const PREPOSITION = /^(in|of|at|near|within|inside)$/;
/** Whether the words between a name and the one right after it say the first lies in the second: "X in Y", "X areas of Y", or a unit word with no list separator but commas ("X area, Y District"). */
export const locatedIn = (w: NameWord): boolean =>
  w.before.some((t) => PREPOSITION.test(t)) || (w.before.some((t) => LOCATED.has(t)) && w.seps.every((x) => x === ','));

/** Words after a name that call it below a district (a town, a village, an area …; not a township, which is one). */
export const BELOW_DISTRICT = /^(town|towns|village|villages|area|areas|locality|localities|mandal|mandals|tehsil|tehsils|block|blocks|ward|wards)$/;

/** Words after a name that call it a region: a region the gazetteer does not know ("Gangwon Province") is no district. */
export const REGION_WORD = /^(region|regions|state|states|province|provinces|division|divisions|oblast|oblasts|governorate|governorates|prefecture)$/;
