-- Economic data for the cost engine (docs/design/011-cost-engine.md). Every value keeps its source, unit and vintage
-- and the file it came from; a re-import of a newer file replaces values key by key.
-- geo is an ISO 3166-1 alpha-2 country or an ISO 3166-2 region; country is the reporting
-- country (RU for Rosstat's Crimea rows keyed UA-43).
CREATE TABLE econ_values (
  indicator VARCHAR NOT NULL,
  country VARCHAR NOT NULL,
  geo VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  value DOUBLE NOT NULL,
  unit VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  PRIMARY KEY (indicator, geo, year)
);

-- Exchange rates in local currency units per US dollar: 'daily' (period YYYY-MM-DD, e.g. the
-- Bank of Russia's official rate) or 'annual' (period YYYY, World Bank PA.NUS.FCRF average).
CREATE TABLE fx_rates (
  country VARCHAR NOT NULL,
  currency VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  rate DOUBLE NOT NULL,
  source VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  PRIMARY KEY (country, kind, period)
);

-- Staging tables for bulk loads through DuckDB's appender (emptied after each load).
CREATE TABLE econ_values_stage AS SELECT * FROM econ_values LIMIT 0;
CREATE TABLE fx_rates_stage AS SELECT * FROM fx_rates LIMIT 0;

-- One row per imported file: what it was (hash), what it gave, and when.
CREATE TABLE econ_imports (
  kind VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  values_stored INTEGER NOT NULL,
  rates_stored INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  source VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  loaded_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (kind, file)
);
