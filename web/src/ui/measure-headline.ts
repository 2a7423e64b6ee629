/**
 * The measurement explorer's one-line summary: every verdict status (their counts add up to
 * the measurements counted) and OONI's own flags, anomalies, confirmed and failures.
 */
import type { MeasurementSummary } from '../api.js';
import { num } from '../format.js';

type Totals = Pick<
  MeasurementSummary['totals'],
  'n' | 'ok' | 'blocked' | 'likely_blocked' | 'down' | 'invalid' | 'insufficient' | 'anomaly_count' | 'confirmed_count' | 'failure_count'
>;

export const headline = (t: Totals): string =>
  [
    `${num(t.n)} measurements`,
    `blocked ${num(t.blocked)}`,
    `likely blocked ${num(t.likely_blocked)}`,
    `down ${num(t.down)}`,
    `invalid ${num(t.invalid)}`,
    `insufficient ${num(t.insufficient)}`,
    `ok ${num(t.ok)}`,
    `OONI anomalies ${num(t.anomaly_count)}, confirmed ${num(t.confirmed_count)}, failures ${num(t.failure_count)}`,
  ].join(' · ');
