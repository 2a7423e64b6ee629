/** Public surface of the measure floor: ingest, verdicts, fingerprints, queries, exports, evidence links. */
export * from './model.js';
export { ingest, DEFAULT_MAX_LINE_BYTES, type IngestInput, type IngestReport, type FileReport } from './ingest.js';
export { scoreMeasurement, isWrongDate, RULES, RULES_VERSION, type Rule } from './verdict/index.js';
export { ooniScores, ooniFlags, flagsFromScores, matClass } from './verdict/compat.js';
export { parseMeasurement, decodeLine } from './reader/parse.js';
export { measurementId } from './key.js';
export { targetOf } from './target.js';
export {
  FingerprintMatcher,
  fingerprintsVersion,
  isConfirmingMatch,
  parseFingerprintFile,
  importFingerprintFile,
  importShippedFingerprints,
  currentFingerprints,
  SHIPPED_FINGERPRINTS,
  type Fingerprint,
} from './fingerprints/index.js';
export {
  measurementSummary,
  listMeasurements,
  showMeasurement,
  listNetworks,
  toFilter,
  readRawLine,
  LIST_FIELDS,
  METHOD,
  SOURCE,
  type QueryInput,
} from './query.js';
export { exportMeasurements, MEASUREMENT_EXPORT_FORMATS, MEASUREMENT_TABLE, type MeasurementExportFormat } from './export.js';
export { evidenceForLinks, linkMeasurementQuery, measurementQueryLink, MEASUREMENT_QUERY_KIND, type SavedQuery } from './evidence.js';
export { seedMeasurements } from './seed.js';
export * from './netevents/index.js';
export { syncOoni, type Bucket, type BucketObject, type SyncInput, type SyncReport } from './sync/sync.js';
export { checkWindow, isProbeCountry, testDir } from './sync/plan.js';
export { OONI_TEST_NAMES, ooniTestName, ooniTestNameOf, parseTestNames } from './test-names.js';
export { agreementFromFiles, agreementFromStore, agreementReport, AGREEMENT_METHOD, type AgreementReject, type AgreementRow } from './agreement.js';
export { rescoreMeasurements, type RescoreInput, type RescoreReport } from './rescore.js';
