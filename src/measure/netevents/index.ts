/** Public surface of OONI network_events throughput: the per-measurement extractor and the extraction run. */
export {
  throughputOf,
  badTotal,
  BAD_EVENT_REASONS,
  MAX_BAD_LISTED,
  type MeasurementThroughput,
  type BadEvent,
  type BadEventReason,
  type ThroughputMethod,
} from './throughput.js';
export { extractThroughput, THROUGHPUT_EXTRACT_METHOD, type ThroughputExtractReport, type ThroughputFileReport } from './extract.js';
