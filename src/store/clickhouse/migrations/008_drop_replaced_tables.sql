-- The speed-test and throughput tables that migration 005 replaced by per-generation tables
-- (speedtest_rows, throughput_rows, throughput_rejects) and copied into them. No code reads or
-- writes them since 005, and a copy of every row they held is in the new tables, so they go: each
-- Distributed table before the local table under it. measurement_throughput_files stays (it is the
-- committed-generation record of throughput). Placeholder: {db}.

DROP TABLE IF EXISTS {db}.speedtests;
DROP TABLE IF EXISTS {db}.speedtests_local;
DROP TABLE IF EXISTS {db}.measurement_throughput;
DROP TABLE IF EXISTS {db}.measurement_throughput_local;
DROP TABLE IF EXISTS {db}.measurement_throughput_rejects;
DROP TABLE IF EXISTS {db}.measurement_throughput_rejects_local
