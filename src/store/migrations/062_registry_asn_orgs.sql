-- Each AS's organisation name (the name on most of its ranges, ties by name), materialised when
-- the AS table loads instead of grouping 412k rows on the first registry view after every start.
CREATE TABLE registry_asn_orgs (
  asn UINTEGER NOT NULL,
  org VARCHAR NOT NULL
);
INSERT INTO registry_asn_orgs
SELECT asn, org FROM (SELECT asn, org, count(*) AS n FROM registry_asn_ranges GROUP BY ALL)
QUALIFY row_number() OVER (PARTITION BY asn ORDER BY n DESC, org) = 1;
