/**
 * How far estimated populations of a country's first-level units lie from a census: the
 * population-weighted mean of |ln(estimated share ÷ census share)|, as a factor (×1 is exact).
 * Shares are of the units listed, so a census that leaves out small territories still compares.
 * A check on the geocoder's rule for a region's people (docs/design/012), never an input.
 */
export interface CensusCheck {
  factor: number;
  /** Estimated share ÷ census share, per unit. */
  ratios: Record<string, number>;
}

export function censusCheck(estimated: Readonly<Record<string, number>>, census: Readonly<Record<string, number>>): CensusCheck {
  const codes = Object.keys(census);
  const sumC = codes.reduce((s, c) => s + census[c]!, 0);
  const sumE = codes.reduce((s, c) => s + (estimated[c] ?? 0), 0);
  const ratios: Record<string, number> = {};
  let err = 0;
  for (const c of codes) {
    const r = (estimated[c] ?? 0) / sumE / (census[c]! / sumC);
    ratios[c] = r;
    err += (census[c]! / sumC) * Math.abs(Math.log(r));
  }
  return { factor: Math.exp(err), ratios };
}
