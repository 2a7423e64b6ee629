/**
 * Public surface of the registry engine: import Zapret-Info dumps of Russia's
 * blocking register, count the blocked address space exactly, attribute it to ASes and
 * organisations, separate target from collateral, and publish it over time.
 */
export { importRegistry, REJECT_KIND, type ImportOptions, type ImportReport } from './import.js';
export { seedRegistry } from './seed.js';
export { registrySummary, registryAsns, cachedAnalysis } from './views.js';
export { lookupQuery, type LookupQuery } from './lookup-query.js';
export { registryDecision } from './decision.js';
export { unpublishedSnapshots } from './published.js';
export { registryLookup } from './lookup.js';
export { analyseSnapshot, METHOD, type SnapshotAnalysis } from './analysis.js';
export { installedAsnDataset, ensureAsnTable, loadAsTable } from './asn.js';
export { parseDumpLine, type DumpRecord } from './dump-line.js';
export { parseIp } from './addresses.js';
export * as intervals from './intervals.js';
