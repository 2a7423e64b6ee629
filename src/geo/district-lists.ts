/**
 * Lists a plural unit word closes: "Khuzdar, Mastung, Nushki, Quetta, and Sibi districts,
 * Balochistan", "Kapurthala, Jalandhar, Hoshiarpur and Sahid Bhagat Singh Nagar districts of
 * Punjab", "Odesa and Mykolayiv Oblasts". The text calls every name of the list a district (or a
 * region), as "Kech district" calls one, so each is read as one: a district list had been priced
 * at its towns' populations (Narowal 68,291 for a district of Punjab's 3.6 M mean), and an oblast
 * spelt as its seat is ("Mykolayiv") as its seat city. The list runs back from the plural to the
 * previous list item that names its own kind (a district, town, city, region …) or ends a list of
 * its own; a count before the plural ("(15 districts)", "At least 15 Oblasts") is no list
 * (counted.ts). Pure: counts the name words the geocoder matches names in.
 */
import { normName, words } from './gazetteer.js';

/** A word that says what kind of unit the item it ends is: it bounds a list "districts" closes. */
const KIND =
  /^(district|districts|town|towns|city|cities|village|villages|township|townships|tehsil|tehsils|state|states|province|provinces|region|regions|division|divisions|oblast|oblasts|governorate|governorates|area|areas)$/;

const COUNT = /^(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some|many|multiple|various|other|more|all)$/;

/** Positions (among the text's name words) of the names a plural "districts" calls districts. */
export const districtListAt = (text: string): Set<number> => pluralListAt(text, /^districts$/);

/** Positions (among the text's name words) of the names a plural region word ("Oblasts", "provinces") calls regions. */
export const regionListAt = (text: string): Set<number> => pluralListAt(text, /^(oblasts|provinces|regions|states|governorates)$/);

function pluralListAt(text: string, plural: RegExp): Set<number> {
  const items = text.split(/[,;()]/).map((item) => {
    const ws = words(item);
    // name words before the plural in this item, and whether the item has a kind word of its own
    // "(15 districts)", "21 other districts": a count of units, not a list's kind (counted.ts)
    const at = ws.findIndex((t) => plural.test(t));
    const counted = at >= 0 && ws.slice(Math.max(0, at - 3), at).some((t) => /^\d+$/.test(t) || COUNT.test(t));
    const close = counted ? -1 : at;
    const names = ws.filter((t) => normName(t).length).length;
    const before = (close < 0 ? ws : ws.slice(0, close)).filter((t) => normName(t).length).length;
    return { names, before, closes: close >= 0, kinded: ws.some((t) => KIND.test(t)) };
  });
  const out = new Set<number>();
  const start: number[] = [];
  items.reduce((n, it) => (start.push(n), n + it.names), 0);
  items.forEach((it, k) => {
    if (!it.closes) return;
    for (let i = 0; i < it.before; i++) out.add(start[k]! + i);
    for (let j = k - 1; j >= 0 && !items[j]!.kinded; j--) for (let i = 0; i < items[j]!.names; i++) out.add(start[j]! + i);
  });
  return out;
}
