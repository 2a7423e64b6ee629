/** Public surface of the cost engine: economic data import, scenarios, methods, estimates. */
export { importEconFile, importEconFiles, seedCostData, type ImportReport, type ImportRequest, type CostSeedReport } from './data/importer.js';
export { IMPORT_KINDS, SHIPPED, type ImportKind } from './data/manifest.js';
export {
  estimateCost,
  costRegions,
  costEvent,
  priceEvent,
  type EventCostResult,
  priceScenario,
  scenarioJson,
  type CostResult,
  type RegionsResult,
} from './service.js';
export { setCostCompute, countryRows, fromRows, runPriceJob, type CostCompute, type CountryRows, type PriceJob } from './compute.js';
export { parseScenario, DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS, type ScenarioInput } from './scenario.js';
export { METHODS, methodInfo, getMethod } from './methods.js';
export { PLATFORMS, findPlatform, type PlatformWeight } from './platforms.js';
export { METHOD_IDS, SCENARIO_TYPES, type MethodId, type ScenarioType, type Scenario } from './types.js';
export type { Estimate } from './engine.js';
export { clearDrawMemo, drawMemoStats } from './draws.js';
export { eventScenario, type EventOverrides, type Missing } from './event-scenario.js';
export { ScenarioWireSchema, EventOverridesSchema, fromWire, type ScenarioWire } from './scenario-schema.js';
export {
  LEDGER_COST_COLUMNS,
  LedgerCostQuerySchema,
  costLedger,
  exportLedgerCost,
  splitLedgerCostQuery,
  type LedgerCostQuery,
  type LedgerCostReport,
} from './ledger-cost.js';
export { compareTop10vpn, COMPARE_METHOD, COMPARE_ONGOING_DEFAULT, type CompareReport, type CompareRow } from './compare.js';
