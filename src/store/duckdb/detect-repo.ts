/**
 * DuckDB implementation of DetectRepo: the hourly series the measurement-based detectors read.
 */
import type { DetectRepo } from '../types.js';
import type { DuckDb } from './db.js';
import { detectMeasureQueries } from './detect-measure.js';

export function duckDetectRepo(db: DuckDb): DetectRepo {
  return detectMeasureQueries(db);
}
