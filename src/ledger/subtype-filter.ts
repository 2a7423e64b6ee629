/**
 * The subtype filter of the ledger's listings (events list, counts, export, cost events), checked
 * against the taxonomy as every other enum filter is: a word that is no subtype of the categories
 * the filter covers, or a subtype of another category than the one given, is a VALIDATION error
 * naming `subtype` and the valid words, never an empty answer.
 */
import { z } from 'zod';
import { CATEGORIES, TAXONOMY, type Category } from './taxonomy.js';

const subtypesOf = (categories: readonly Category[]): string[] => [...new Set(categories.flatMap((c) => TAXONOMY[c] as readonly string[]))].sort();

const named = (categories: readonly Category[]) =>
  categories.length === CATEGORIES.length ? '' : ` of ${categories.slice(0, -1).join(', ')}${categories.length > 1 ? ' or ' : ''}${categories.at(-1)}`;

/** A subtype filter over `categories` (default: all): any subtype one of them allows. */
export const subtypeFilter = (categories: readonly Category[] = CATEGORIES) => {
  const valid = subtypesOf(categories);
  return z
    .string()
    .superRefine((v, ctx) => {
      if (!valid.includes(v)) ctx.addIssue({ code: 'custom', message: `"${v}" is not a subtype${named(categories)}; valid: ${valid.join(', ')}`, input: v });
    })
    .meta({ description: `a subtype of the taxonomy${named(categories)} (with category: one of that category's)` });
};

/** The object-level check of a filter that has both keys: a subtype of another category than the one given is refused on `subtype`. */
export function subtypeInCategory(v: { category?: string; subtype?: string }, ctx: z.RefinementCtx): void {
  const { category, subtype } = v;
  if (category === undefined || subtype === undefined || !(category in TAXONOMY)) return;
  const valid = TAXONOMY[category as Category] as readonly string[];
  if (!valid.includes(subtype))
    ctx.addIssue({ code: 'custom', path: ['subtype'], message: `"${subtype}" is not a subtype of ${category}; valid: ${valid.join(', ')}`, input: subtype });
}
