/**
 * Which country a World Bank or OWID row is about. World Bank files carry ISO 3166-1 alpha-3
 * codes for countries and codes of their own for aggregates (regions, income groups, World) and
 * for the two economies ISO has no code for (Channel Islands, Kosovo): only those codes are
 * skipped as aggregates. Any other code (a typo, an alpha-2 code in the alpha-3 column, an
 * empty cell) is a reject naming the column, so a mistyped country is never counted away with
 * the aggregates. Case and surrounding spaces do not matter.
 */
import { getCountry } from '../../geo/index.js';

/**
 * The World Bank's aggregate and non-ISO economy codes (WDI country metadata: the rows with no
 * region), as every World Bank file shipped in data/costs carries them.
 */
export const WB_AGGREGATES: ReadonlySet<string> = new Set(
  (
    'AFE AFW ARB CEB CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD IBT IDA IDB IDX INX LAC LCN LDC LIC LMC LMY LTE MEA MIC MNA ' +
    'NAC OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC WLD CHI XKX'
  ).split(' '),
);

export type CountryOfRow = { cc: string } | { aggregate: true } | { reject: string };

/** The alpha-2 code of a row's country code, an aggregate to skip, or the reason it is refused. */
export function countryOfRow(cell: string, column: string, owid: boolean): CountryOfRow {
  const code = cell.trim().toUpperCase();
  const known = getCountry(code);
  if (known && /^[A-Z]{3}$/.test(code)) return { cc: known.alpha2 };
  if (WB_AGGREGATES.has(code)) return { aggregate: true };
  // OWID leaves regions without a code and gives its own aggregates OWID_* codes
  if (owid && (code === '' || code.startsWith('OWID_'))) return { aggregate: true };
  const where = `unknown country code in column ${column}`;
  if (known && /^[A-Z]{2}$/.test(code)) return { reject: `${where}: "${cell}" is an alpha-2 code; this column takes ISO 3166-1 alpha-3 (${known.alpha3})` };
  return { reject: `${where}: "${cell}" is neither an ISO 3166-1 alpha-3 code nor a World Bank aggregate` };
}
