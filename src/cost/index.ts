/** Public surface of the cost engine: economic data import, scenarios, methods, estimates. */
export { importEconFile, importEconFiles, seedCostData, type ImportReport, type ImportRequest, type CostSeedReport } from './data/importer.js';
export { IMPORT_KINDS, SHIPPED, type ImportKind } from './data/manifest.js';
