/**
 * What the measurement-based detectors read: hourly series derived from the stored verdicts.
 */
/** Filters of the measurement-based detectors; probe_asn as OONI writes it ("AS12389"). */
export interface MeasurementSeriesFilter {
  cc?: string;
  asn?: string;
  target?: string;
  since?: string; // ISO instant, inclusive
  until?: string; // ISO instant, exclusive
}

/** One hour of one (probe_cc, probe_asn, target): valid measurements and blocked-score sums per layer. */
export interface BlockHourRow {
  probe_cc: string;
  probe_asn: string;
  target: string;
  t: number; // epoch ms of the hour
  n: number;
  dns: number;
  tcp: number;
  tls: number;
  http: number;
  /** One measurement id of the hour with the highest score, as a witness. */
  example: string | null;
}

export interface BlockSeriesRow {
  probe_cc: string;
  probe_asn: string;
  target: string;
  hours: number;
  measurements: number;
  active_hours: number;
  /** Epoch ms of the series' last observed hour. */
  last_t: number;
}

/** Measurements of one (probe_cc, probe_asn) in one hour, whatever their verdict. */
export interface VolumeHourRow {
  probe_cc: string;
  probe_asn: string;
  t: number;
  n: number;
}

export interface DetectRepo {
  /** True when the measurement tables exist and hold rows. */
  hasMeasurements(): Promise<boolean>;
  /**
   * Hourly blocked scores from the measurement verdicts, ordered by series then hour. With
   * `minActiveHours`, only series with at least that many hours whose highest layer score per
   * measurement exceeds `activeAbove` (the others cannot raise an alarm; see blockSeries).
   */
  blockHours(f: MeasurementSeriesFilter, active?: { above: number; minHours: number }): Promise<BlockHourRow[]>;
  /** Per series: observed hours, measurements, and hours whose highest layer score exceeds `activeAbove`. */
  blockSeries(f: MeasurementSeriesFilter, activeAbove: number): Promise<BlockSeriesRow[]>;
  /** Hourly measurement counts, ordered by (probe_cc, probe_asn, hour). */
  volumeHours(f: MeasurementSeriesFilter): Promise<VolumeHourRow[]>;
}
