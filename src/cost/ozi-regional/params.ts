/**
 * Parameters of the ozi-regional method, with provenance. The published figures come from the
 * Internet Protection Society (OZI), "Analysis of the cost of internet shutdowns in the regions
 * of Russia", 22 Dec 2020, as quoted in the founding chapter (Sinkkonen & Lassila). The model
 * form and the calibration are ours: docs/design/010-ozi-regional-calibration.md.
 *
 *   cost_full(r, 1 day) = κ(β) · ε · pen_r^β · GRP_r / days_in_year
 *
 * pen_r is Rosstat's share of people aged 15–74 using the Internet. The split between κ and the
 * penetration term is unknown (OZI did not publish it), so β is a parameter with a range, and
 * for every β we re-fit κ on the two published regional figures (geometric mean of the two
 * implied coefficients: the least-squares fit in log space). Every Monte Carlo draw therefore
 * stays calibrated; the interval shows how much the unknown split matters away from the two
 * anchors. ε is the residual noise (rounding of the published figures, data vintage).
 */
import type { Dist } from '../random.js';

export const VERSION = '1.0.0';

export const PUBLISHED = {
  source:
    'Internet Protection Society (OZI), "Analysis of the cost of internet shutdowns in the regions of Russia", 22 Dec 2020, quoted in Sinkkonen & Lassila (founding chapter)',
  date: '2020-12-22',
  moscow: { code: 'RU-MOW', rub: 4.8e9, usd: 65e6 },
  altai: { code: 'RU-AL', rub: 13.7e6, usd: 185_000 },
  national_full_usd: 442e6,
  national_mobile_usd: 221e6,
} as const;

/** The data the calibration used (copied from the shipped Rosstat tables; a test checks they match). */
export const CALIBRATION_DATA = {
  grp_year: 2020,
  days: 366,
  grp_source: 'Rosstat, Russian Statistical Yearbook 2022, table 12.19',
  penetration_indicator: 'rosstat.population_15_74_internet_users_pct',
  penetration_year: 2021,
  penetration_source: 'Rosstat, Russian Statistical Yearbook 2022, table 21.17 (nearest year to 2020 in the tables we ship)',
  moscow: { grp: 19856674.5e6, pen: 0.979 },
  altai: { grp: 62520.3e6, pen: 0.837 },
} as const;

export const REFERENCE_YEAR = CALIBRATION_DATA.grp_year;

/** Penetration elasticity β: 0 = output only, 1 = proportional to penetration, 2 = strongly weighted. */
export const BETA: Dist = { kind: 'triangular', low: 0, mode: 1, high: 2 };

/** Residual noise: σ = 5 % (published figures rounded to 2–3 digits; GRP vintage 2018/19 vs 2020). */
export const EPSILON: Dist = { kind: 'lognormal', median: 1, sigma: 0.05 };

const implied = (rub: number, grp: number, pen: number, beta: number) => rub / (grp / CALIBRATION_DATA.days) / pen ** beta;

// κ(β) = sqrt(c_m · pen_m^-β · c_a · pen_a^-β) = κ0 · exp(−β · (ln pen_m + ln pen_a) / 2), with c the
// coefficient implied at β = 0: one exp per Monte Carlo draw instead of two powers and a root.
const KAPPA0 = Math.sqrt(implied(PUBLISHED.moscow.rub, CALIBRATION_DATA.moscow.grp, 1, 0) * implied(PUBLISHED.altai.rub, CALIBRATION_DATA.altai.grp, 1, 0));
const MEAN_LOG_PEN = (Math.log(CALIBRATION_DATA.moscow.pen) + Math.log(CALIBRATION_DATA.altai.pen)) / 2;

/** κ(β): the geometric mean of the coefficients implied by the Moscow and Altai figures. */
export function kappa(beta: number): number {
  return KAPPA0 * Math.exp(-beta * MEAN_LOG_PEN);
}

/** The fit as reported in the method metadata and the design doc. */
export function calibrationReport() {
  const { moscow: m, altai: a, days } = CALIBRATION_DATA;
  const at = (beta: number) => {
    const k = kappa(beta);
    const pm = k * m.pen ** beta * (m.grp / days);
    const pa = k * a.pen ** beta * (a.grp / days);
    return {
      beta,
      kappa: Number(k.toFixed(5)),
      moscow_rub: Math.round(pm),
      moscow_residual_pct: Number(((pm / PUBLISHED.moscow.rub - 1) * 100).toFixed(2)),
      altai_rub: Math.round(pa),
      altai_residual_pct: Number(((pa / PUBLISHED.altai.rub - 1) * 100).toFixed(2)),
    };
  };
  // β at which both anchors are met exactly: (rm/ra) = (pen_m/pen_a)^β
  const exactBeta = Math.log(implied(PUBLISHED.moscow.rub, m.grp, 1, 0) / implied(PUBLISHED.altai.rub, a.grp, 1, 0)) / Math.log(m.pen / a.pen);
  return {
    anchors: { moscow_rub_per_day: PUBLISHED.moscow.rub, altai_rub_per_day: PUBLISHED.altai.rub, source: PUBLISHED.source },
    data: CALIBRATION_DATA,
    share_of_daily_grp: {
      moscow: Number((PUBLISHED.moscow.rub / (m.grp / days)).toFixed(4)),
      altai: Number((PUBLISHED.altai.rub / (a.grp / days)).toFixed(4)),
    },
    fit: [0, 0.5, 1, 1.5, 2].map(at),
    exact_fit_beta: Number(exactBeta.toFixed(3)),
    point: at(1),
    doc: 'docs/design/010-ozi-regional-calibration.md',
  };
}
