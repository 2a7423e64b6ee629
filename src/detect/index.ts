/**
 * Public surface of detection: block onsets (CUSUM), throttling (paired speed tests), shutdowns
 * (measurement-volume collapse), corroboration across networks, and draft ledger events.
 */
export * from './detection.js';
export * from './cusum.js';
export * from './volume.js';
export * from './corroborate.js';
export * from './throttle.js';
export {
  runSpeedTests,
  judgeThrottling,
  DEFAULT_THROTTLE_RUN_PARAMS,
  THROTTLE_METHOD,
  sourceOf,
  type ThrottleRunParams,
  type ThrottleFilter,
  type ThrottleInputContext,
} from './throttle-run.js';
export { runThrottling, runOoniThroughput, THROTTLE_INPUTS, OONI_THROTTLE_METHOD, OONI_THROUGHPUT_SOURCE, type ThrottleInput } from './throttle-inputs.js';
export {
  pairOoniTests,
  DEFAULT_OONI_PAIR_PARAMS,
  OONI_INPUT,
  SPEEDTEST_INPUT,
  type OoniPairParams,
  type OoniTest,
  type OoniExclusions,
} from './ooni-throughput.js';
export { throughputSummary, type ThroughputSummary, type ThroughputDay } from './throughput-summary.js';
export { runBlock, DEFAULT_BLOCK_RUN_PARAMS, BLOCK_METHOD, LAYERS, type BlockRunParams } from './block-run.js';
export { runShutdown, DEFAULT_SHUTDOWN_RUN_PARAMS, SHUTDOWN_METHOD, type ShutdownRunParams } from './shutdown-run.js';
export { runOutage, DEFAULT_OUTAGE_RUN_PARAMS, OUTAGE_METHOD, OUTAGE_SOURCES, type OutageRunParams } from './outage-run.js';
export { judgeSeries, DEFAULT_OUTAGE_PARAMS, type OutageParams, type Episode, type JudgedSample, type Sample, type SeriesJudgement } from './outage.js';
export * from './drafts.js';
export { DETECTOR_UPDATE, type EndNotApplied } from './draft-end.js';
export * from './run.js';
export * from './speedtests/summary.js';
export { importSpeedTests, parseSpeedTestFile, SPEEDTEST_IMPORT_KIND, type SpeedTestImportReport } from './speedtests/import.js';
export * from './synthetic.js';
export { median, wilsonLower, poissonCdf } from './stats.js';
