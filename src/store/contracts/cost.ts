/**
 * Economic data as stored: values, exchange rates and the imports they came from.
 */
import type { RejectList } from './ledger.js';

/** One economic value (GDP, GRP, population, penetration ...) with its provenance. */
export interface EconValueRecord {
  indicator: string; // WB code (NY.GDP.MKTP.CD ...) or our own (GRP, rosstat.<column>)
  country: string; // reporting country, ISO 3166-1 alpha-2
  geo: string; // the country itself or an ISO 3166-2 region
  year: number;
  value: number; // in `unit` (currency amounts in whole currency units, not millions)
  unit: string;
  source: string;
  vintage: string;
  file: string;
}

/** An exchange rate: local currency units per US dollar, daily (YYYY-MM-DD) or annual (YYYY). */
export interface FxRateRecord {
  country: string;
  currency: string;
  kind: 'daily' | 'annual';
  period: string;
  rate: number;
  source: string;
  vintage: string;
  file: string;
}

export interface EconImportRecord {
  kind: string;
  file: string;
  sha256: string;
  valuesStored: number;
  ratesStored: number;
  rejected: number;
  source: string;
  vintage: string;
  loadedAt: string;
  /** What the bytes were imported as (JSON of --indicator and --year); '' for imports recorded before it was kept. */
  options?: string;
  /** Values and rates the file held right after the import (set by saveImports); null when recorded before it was kept. */
  valuesHeld?: number | null;
  ratesHeld?: number | null;
}

/** What one file holds in the store now: the keys of its values and rates no later import replaced. */
export interface FileHoldings {
  values: { indicator: string; geo: string; year: number }[];
  rates: { country: string; kind: string; period: string }[];
}

export interface CostRepo {
  /**
   * Upsert files' values and rates and record the imports: bulk, all in one transaction, with each
   * file's rejects list when given (a file recorded as imported, whose hash the next run skips on,
   * never lacks its rejects). A file given again first loses what it stored before; a key given
   * by several files of the batch takes the last one's value; each record's valuesHeld/ratesHeld
   * is set to what its file holds after the write.
   */
  saveImports(batch: { record: EconImportRecord; values: EconValueRecord[]; rates: FxRateRecord[]; rejects?: RejectList }[]): Promise<void>;
  findImport(kind: string, file: string): Promise<EconImportRecord | null>;
  /** How many values and rates the file holds now. */
  heldCounts(file: string): Promise<{ values: number; rates: number }>;
  /** The keys the file holds now. */
  holdings(file: string): Promise<FileHoldings>;
  listImports(): Promise<EconImportRecord[]>;
  /** All values reported by a country (its own and its regions'), optionally some indicators. */
  values(query: { country: string; indicators?: string[] }): Promise<EconValueRecord[]>;
  /** All exchange rates of a country's currency. */
  rates(country: string): Promise<FxRateRecord[]>;
}
