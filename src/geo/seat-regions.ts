/**
 * A name the text calls a region ("Mykolayiv Oblast", or one of a list "… Oblasts" closes) that
 * the gazetteer has only as the seat of a region whose own name it is, spelt otherwise
 * (transliterations: Mykolayiv / Mykolaiv, Zaporizhzhya / Zaporizhzhia, Vinnytsya / Vinnytsia):
 * the text names the region, not its city. The region is a near-miss of its name (near-names.ts:
 * the same first letter, at most 1 edit, 2 from 10 letters), so its confidence is low and the
 * place records what the text said. Pure (docs/design/012).
 */
import { nameKey, type Admin1, type CountryIndex, type Unit } from './gazetteer.js';
import { editDistance, maxEdits } from './near-names.js';

/** GeoNames feature codes of a region's seat: the capital of a first-order unit, of the country. */
export const SEATS = new Set(['PPLA', 'PPLC']);

/** The region a seat's name stands for where the text calls it a region; null where none is that close. */
export function regionOfSeat(
  idx: CountryIndex,
  words: readonly string[],
  units: readonly Unit[],
): { units: Admin1[]; near: { key: string; edits: number } } | null {
  if (units.some((u) => u.kind === 'admin1')) return null;
  const said = words.join('');
  let best: { units: Admin1[]; near: { key: string; edits: number } } | null = null;
  for (const u of units) {
    const region = u.kind === 'place' && SEATS.has(u.fcode) ? idx.admin1.get(u.admin1) : undefined;
    if (!region) continue;
    const key = nameKey(region.name);
    const compact = key.replace(/ /g, '');
    if (compact[0] !== said[0]) continue;
    const edits = editDistance(said, compact, maxEdits(said.length));
    if (edits <= maxEdits(said.length) && (!best || edits < best.near.edits)) best = { units: [region], near: { key, edits } };
  }
  return best;
}
