/**
 * Capitals named by their role, not their name: "Capital, Rajasthan" (India, 2019: Jaipur),
 * "parts of the capital" (the country's capital), "all provincial capitals" (Pakistan, 2016:
 * the seat of every first-level unit). Read by their names alone the word "capital" is a generic
 * word and the area was the whole state, or the capitals were dropped. Each is rewritten to the
 * GeoNames seat it stands for (feature code PPLA for a first-level unit's seat, PPLC for the
 * country's), called a city, before names are matched; "the capital" is the country's, "Capital"
 * beside one region that region's seat, and provincial capitals leave out the country's capital. Pure: reads the gazetteer's index.
 */
import { normName, type CountryIndex, type Place } from './gazetteer.js';

/** The seats of a country's units: first-level unit key → its most populous PPLA; '' → the PPLC. */
function seatsOf(idx: CountryIndex): Map<string, Place> {
  const seats = new Map<string, Place>();
  for (const units of idx.names.values())
    for (const u of units) {
      if (u.kind !== 'place' || (u.fcode !== 'PPLA' && u.fcode !== 'PPLC')) continue;
      const key = u.fcode === 'PPLC' ? '' : u.admin1;
      const had = seats.get(key);
      if (!had || u.population > had.population) seats.set(key, u);
      if (u.fcode === 'PPLC' && !seats.has(u.admin1)) seats.set(u.admin1, u);
    }
  return seats;
}

const ONE = /^\s*(parts of\s+)?(the\s+)?(state\s+|provincial\s+)?capital(\s+city)?\s*$/i;
const ALL = /^\s*(and\s+)?(all\s+|the\s+)?(provincial|state|regional)\s+capitals\s*$/i;

/** The text with capitals named by their role rewritten to their seats' names (unchanged where it names none). */
export function readCapitals(idx: CountryIndex, text: string): string {
  if (!/\bcapitals?\b/i.test(text)) return text;
  const items = text.split(/([,;]|\band\b)/i);
  if (!items.some((x) => ONE.test(x) || ALL.test(x))) return text;
  const seats = seatsOf(idx);
  // the regions the other items name, by their whole names
  const named = [
    ...new Set(
      items
        .filter((x) => !ONE.test(x) && !ALL.test(x))
        .flatMap((x) => (idx.names.get(normName(x).join(' ')) ?? []).filter((u) => u.kind === 'admin1').map((u) => u.key)),
    ),
  ];
  return items
    .map((x) => {
      const all = ALL.exec(x);
      if (all) {
        // the provinces' seats: not the country's capital, whose territory is no province
        const names = [...seats.entries()].filter(([k, p]) => k !== '' && p.fcode !== 'PPLC').map(([, p]) => `${p.name} city`);
        return names.length ? ` ${all[1] ?? ''}${names.join(', ')} ` : x;
      }
      const one = ONE.exec(x);
      if (!one) return x;
      // "the capital" is the country's; "Capital, Rajasthan" the seat of the one region named beside it
      const seat = !one[2] && named.length === 1 ? seats.get(named[0]!) : seats.get('');
      return seat ? ` ${one[1] ?? ''}${seat.name} city ` : x;
    })
    .join('');
}
