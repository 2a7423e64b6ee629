/** The elections domain's public surface: import, totals, paper vs electronic, fingerprints. */
export * from './model.js';
export { importElections, type ImportReport, type FileReport } from './import.js';
export { electionSummary, listElections, LEDGER_EVENTS, type Block } from './summary.js';
export { electronicComparison, DEG_CAVEATS } from './electronic.js';
export { fingerprintsFor, integersFor, shpilkinFor } from './fingerprints.js';
export { DATA_CREDIT } from './query.js';
export { choiceEnglish } from './protocol.js';
