-- What the verdict rules read from each stored measurement (src/measure/verdict/rule-inputs.ts:
-- the projected fields, large bodies as facts), so `measurements rescore` re-judges the store
-- without its source files (docs/design/021-whole-measurement-verdicts.md). rules_version is
-- the rule set the measurement's stored verdict was computed with. Measurements ingested before
-- this table existed have no row here: rescore counts them as needing re-ingest.
CREATE TABLE measurement_rule_inputs (
  id VARCHAR PRIMARY KEY,
  rules_version VARCHAR NOT NULL,
  inputs VARCHAR NOT NULL
);
