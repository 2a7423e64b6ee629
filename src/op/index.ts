/**
 * Public surface of operations: the op contract, the input checks all ops share, and how an
 * op reaches the process that holds the database (lock file, remote client).
 */
export * from './define.js';
export * from './rows.js';
export { resolveLocalPaths } from './local-paths.js';
export { wordedAnswer } from './worded.js';
export { inputIssues, type MeaningCheck } from './issues.js';
export { report, isReport } from './report.js';
export * as check from './checks.js';
export * from './lockfile.js';
export * from './remote.js';
export * from './holder.js';
