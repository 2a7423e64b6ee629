/** Public surface of outage signals: parsing IODA-style series and importing them into the store. */
export { canonicalSource } from './sources.js';
export { parseSignals, splitCsv, type ParsedSignals, type ParseOptions, type SignalReject } from './parse.js';
export {
  importSignals,
  importSignalFile,
  expandSignalPaths,
  SIGNAL_FILE_NAME,
  SIGNAL_FILE_NAMES,
  SIGNALS_IMPORT_KIND,
  MAX_SIGNAL_FILE_BYTES,
  type SignalImportReport,
  type SignalFileReport,
  type SignalImportOptions,
} from './import.js';
export { signalsImport, signalsSeries, signalsPoints, signalsRejects, signalsOps } from './ops.js';
export { ooniCountPoints, OONI_COUNT_SOURCE, BIN_MS, type CountBin, type CountRow, type CountPointOptions } from './ooni-counts.js';
