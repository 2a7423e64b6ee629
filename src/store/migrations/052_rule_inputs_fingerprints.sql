-- The fingerprint set (src/measure/fingerprints: fingerprintsVersion) each stored verdict was
-- judged with, beside the rule set: a verdict depends on both, and `doctor` names measurements
-- judged with another set than the store now holds (`measurements rescore` re-judges them).
-- NULL: judged before the set was recorded.
ALTER TABLE measurement_rule_inputs ADD COLUMN fingerprints_version VARCHAR;
