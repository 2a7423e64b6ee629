/**
 * Generated from /openapi.json by `npm run gen:api-types` (openapi-typescript): do not edit.
 * The response shapes are the operations' output schemas (src/<domain>/schemas.ts); a test
 * fails when this file no longer matches the server.
 */
export interface paths {
    "/api/_ops/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run an operation by name
         * @description The body is the operation's input, as the CLI command of the same name takes it (its fields are documented by the operation's own route where it has one, and by `--help`). The answer is NDJSON: progress lines, then one `{"type":"result"}` or `{"type":"error","problem":{...}}` line; an operation that fails before reporting progress answers its problem+json status instead. Every call needs a bearer token whose scopes cover the operation:
         *     - `cost.batch`: any valid token
         *     - `cost.compare`: any valid token
         *     - `cost.estimate`: any valid token
         *     - `cost.event`: any valid token
         *     - `cost.events`: any valid token
         *     - `cost.methods`: any valid token
         *     - `cost.regions`: any valid token
         *     - `data.import`: import scope
         *     - `db.backup`: admin scope
         *     - `db.derived`: admin scope
         *     - `db.info`: read scope
         *     - `db.migrate`: admin scope
         *     - `db.schema`: read scope
         *     - `db.seed`: admin scope
         *     - `db.verify`: admin scope
         *     - `detect.run`: write scope
         *     - `detections.list`: any valid token
         *     - `elections.electronic`: any valid token
         *     - `elections.fingerprints`: any valid token
         *     - `elections.import`: import scope
         *     - `elections.integers`: any valid token
         *     - `elections.list`: any valid token
         *     - `elections.rejects`: read scope
         *     - `elections.shpilkin`: any valid token
         *     - `elections.summary`: any valid token
         *     - `events.add`: write scope
         *     - `events.confirm`: write scope
         *     - `events.counts`: any valid token
         *     - `events.dismiss`: write scope
         *     - `events.edit`: write scope
         *     - `events.export`: any valid token
         *     - `events.geocode`: write scope
         *     - `events.history`: any valid token
         *     - `events.import`: import scope; full=true (it retracts the STOP events none of the file's records describes, a ledger edit): the "write" scope as well
         *     - `events.list`: any valid token
         *     - `events.show`: any valid token
         *     - `events.status`: write scope
         *     - `fingerprints.import`: import scope
         *     - `fingerprints.list`: any valid token
         *     - `hooks.add`: admin scope
         *     - `hooks.deliver`: admin scope
         *     - `hooks.deliveries`: admin scope
         *     - `hooks.list`: admin scope
         *     - `hooks.remove`: admin scope
         *     - `hooks.replay`: admin scope
         *     - `hooks.rotate-key`: admin scope
         *     - `indicators.export`: any valid token
         *     - `indicators.list`: any valid token
         *     - `measurements.agreement`: any valid token
         *     - `measurements.agreement_files`: import scope
         *     - `measurements.export`: any valid token
         *     - `measurements.files`: read scope
         *     - `measurements.get`: any valid token
         *     - `measurements.ingest`: import scope
         *     - `measurements.link`: write scope
         *     - `measurements.list`: any valid token
         *     - `measurements.networks`: any valid token
         *     - `measurements.rescore`: import scope
         *     - `measurements.rules`: any valid token
         *     - `measurements.summary`: any valid token
         *     - `registry.asns`: any valid token
         *     - `registry.decision`: any valid token
         *     - `registry.import`: import scope
         *     - `registry.lookup`: any valid token
         *     - `registry.summary`: any valid token
         *     - `signals.import`: import scope
         *     - `signals.list`: any valid token
         *     - `signals.points`: any valid token
         *     - `signals.rejects`: read scope
         *     - `speedtests.import`: import scope
         *     - `speedtests.summary`: any valid token
         *     - `throughput.extract`: import scope
         *     - `throughput.rejects`: any valid token
         *     - `throughput.summary`: any valid token
         *     - `tokens.create`: admin scope
         *     - `tokens.list`: admin scope
         *     - `tokens.revoke`: admin scope
         *     - `watch.new`: any valid token
         *     - `watch.status`: any valid token
         */
        post: operations["ops.run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_uploads/data.import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load an economic-data file (World Bank, OWID, Rosstat, NBS, Bank of Russia) into the store: the file sent in the request body (no server path needed)
         * @description The body is the file (Content-Type: application/octet-stream, at most 1073741824 bytes), streamed into a folder only the server's user can write and removed after the import; it takes the place of `file` of `data.import`. Needs a token with the op's scope (`import`). The op's other input fields go in the query string, coerced as for GET routes. The import applies its own caps (decompressed size, line length, field length) and reconciles its counts as it does for server files. Example: `curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary @FILE "http://127.0.0.1:8787/api/_uploads/data.import?filename=NAME"`
         */
        post: operations["uploads.data.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_uploads/elections.import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import CEC polling-station protocols (zipped or plain CSV), the Moscow 2021 single-mandate table and DEG series: the file sent in the request body (no server path needed)
         * @description The body is the file (Content-Type: application/octet-stream, at most 1073741824 bytes), streamed into a folder only the server's user can write and removed after the import; it takes the place of `files` of `elections.import`. Needs a token with the op's scope (`import`). The op's other input fields go in the query string, coerced as for GET routes. The import applies its own caps (decompressed size, line length, field length) and reconciles its counts as it does for server files. Example: `curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary @FILE "http://127.0.0.1:8787/api/_uploads/elections.import?filename=NAME"`
         */
        post: operations["uploads.elections.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_uploads/events.import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Access Now #KeepItOn STOP CSV (idempotent; rejects reported with row numbers): the file sent in the request body (no server path needed)
         * @description The body is the file (Content-Type: application/octet-stream, at most 1073741824 bytes), streamed into a folder only the server's user can write and removed after the import; it takes the place of `file` of `events.import`. Needs a token with the op's scope (`import`); full=true (it retracts the STOP events none of the file's records describes, a ledger edit) also needs the "write" scope (403 naming it otherwise). The op's other input fields go in the query string, coerced as for GET routes. The import applies its own caps (decompressed size, line length, field length) and reconciles its counts as it does for server files. Example: `curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary @FILE "http://127.0.0.1:8787/api/_uploads/events.import?filename=NAME"`
         */
        post: operations["uploads.events.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_uploads/fingerprints.import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace one fingerprint set from an OONI CSV/JSON or Censored Planet JSONL file: the file sent in the request body (no server path needed)
         * @description The body is the file (Content-Type: application/octet-stream, at most 1073741824 bytes), streamed into a folder only the server's user can write and removed after the import; it takes the place of `file` of `fingerprints.import`. Needs a token with the op's scope (`import`). The op's other input fields go in the query string, coerced as for GET routes. The import applies its own caps (decompressed size, line length, field length) and reconciles its counts as it does for server files. Example: `curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary @FILE "http://127.0.0.1:8787/api/_uploads/fingerprints.import?filename=NAME"`
         */
        post: operations["uploads.fingerprints.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_uploads/measurements.ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest OONI JSONL / JSONL.gz files or bucket-layout directories: the file sent in the request body (no server path needed)
         * @description The body is the file (Content-Type: application/octet-stream, at most 1073741824 bytes), streamed into a folder only the server's user can write and removed after the import; it takes the place of `paths` of `measurements.ingest`. Needs a token with the op's scope (`import`). The op's other input fields go in the query string, coerced as for GET routes. The import applies its own caps (decompressed size, line length, field length) and reconciles its counts as it does for server files. Example: `curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary @FILE "http://127.0.0.1:8787/api/_uploads/measurements.ingest?filename=NAME"`
         */
        post: operations["uploads.measurements.ingest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_uploads/registry.import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Zapret-Info dumps, dump parts, the derived CIDR file or the daily series: the file sent in the request body (no server path needed)
         * @description The body is the file (Content-Type: application/octet-stream, at most 1073741824 bytes), streamed into a folder only the server's user can write and removed after the import; it takes the place of `files` of `registry.import`. Needs a token with the op's scope (`import`). The op's other input fields go in the query string, coerced as for GET routes. The import applies its own caps (decompressed size, line length, field length) and reconciles its counts as it does for server files. Example: `curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary @FILE "http://127.0.0.1:8787/api/_uploads/registry.import?filename=NAME"`
         */
        post: operations["uploads.registry.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_uploads/signals.import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import outage signal series (IODA-style CSV or JSON; OONI counts with source): idempotent, rejects kept with line and reason: the file sent in the request body (no server path needed)
         * @description The body is the file (Content-Type: application/octet-stream, at most 1073741824 bytes), streamed into a folder only the server's user can write and removed after the import; it takes the place of `paths` of `signals.import`. Needs a token with the op's scope (`import`). The op's other input fields go in the query string, coerced as for GET routes. The import applies its own caps (decompressed size, line length, field length) and reconciles its counts as it does for server files. Example: `curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary @FILE "http://127.0.0.1:8787/api/_uploads/signals.import?filename=NAME"`
         */
        post: operations["uploads.signals.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_uploads/speedtests.import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a crowdsourced speed-test dataset (folder of CSVs or one CSV) with its source and licence: the file sent in the request body (no server path needed)
         * @description The body is the file (Content-Type: application/octet-stream, at most 1073741824 bytes), streamed into a folder only the server's user can write and removed after the import; it takes the place of `path` of `speedtests.import`. Needs a token with the op's scope (`import`). The op's other input fields go in the query string, coerced as for GET routes. The import applies its own caps (decompressed size, line length, field length) and reconciles its counts as it does for server files. Example: `curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary @FILE "http://127.0.0.1:8787/api/_uploads/speedtests.import?filename=NAME"`
         */
        post: operations["uploads.speedtests.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a shutdown, throttle or block costs, by method (median, 90% interval, point)
         * @description Prices one scenario with every method that can (or those named in `method`), side by side with their spread. Amounts are in currency units (roubles, not millions); `usd` gives US dollars with the rate and its date.
         *
         *     Methods:
         *     - **ozi-regional** 1.0.0: Regional daily loss = κ(β) · pen^β · GRP / days in year, in roubles, per region; national = sum of the 85 regions. Mobile-only = 0.5 × full (as OZI). Calibrated on OZI's Moscow (4.8 bn RUB/day) and Altai Republic (13.7 M RUB/day) figures. Formula: `cost = Σ_regions κ(β) · ε · pen_r^β · GRP_r(year) / days(year) · hours/24 · w(type)`. Types: full, mobile, fixed, throttling, isp.
         *     - **deloitte-2016** 1.0.0: A full shutdown costs 1.9 % (high), 1.0 % (medium) or 0.4 % (low internet connectivity) of daily GDP; regional shutdowns scaled by the regions' share of output. Formula: `cost = GDP_USD(year) / days(year) · τ(tier(internet users %)) · hours/24 · a(regions) · w(type)`. Types: full, mobile, fixed, throttling, isp.
         *     - **brookings-2016** 1.0.0: Daily GDP × BCG internet-economy share of GDP (interpolated 2010→2016); a G-20 average or an internet-penetration proxy where BCG has no figure (labelled). Mobile weighted by subscriptions, platforms by a documented weight table. Formula: `cost = GDP_USD(year) / days(year) · s_int(year) · u · hours/24 · a(regions) · w(type)`. Types: full, mobile, fixed, platform, throttling, isp.
         *     - **cost-escalated** 1.1.0: Brookings/BCG internet-economy shares escalated by +10 % per year after 2016 for G-20 economies, as NetBlocks COST does since November 2021; other countries: internet users share × k, k calibrated on COST's published day figures for Belarus 2020 and Iran 2019 (labelled proxy, no escalator). A block of Facebook, Twitter, WhatsApp, Instagram or YouTube weighs COST's share of one service, 4.49 % of a full shutdown each (its Nigerian day figures of 2021); other platforms the reach-based table. Formula: `cost = GDP_USD(year) / days(year) · s(year) · hours/24 · a(regions) · w(type); G-20: s = s_BCG(year) · u · (1 + g)^max(0, year − 2016); elsewhere: s = k · internet users share(year); w(platform) = Σ services × 4.49 % (COST's five) or the table's weight`. Types: full, mobile, fixed, platform, throttling, isp.
         */
        get: operations["cost.estimate"];
        put?: never;
        /**
         * Price a scenario, or a list of up to 100
         * @description Body: one scenario object (the query parameters as JSON; `region` and `method` may be arrays) or an array of them. A list answers `{ items: [CostResult...] }` in order; if any scenario is invalid the whole request is a 400 naming it by index.
         *
         *     Methods:
         *     - **ozi-regional** 1.0.0: Regional daily loss = κ(β) · pen^β · GRP / days in year, in roubles, per region; national = sum of the 85 regions. Mobile-only = 0.5 × full (as OZI). Calibrated on OZI's Moscow (4.8 bn RUB/day) and Altai Republic (13.7 M RUB/day) figures. Formula: `cost = Σ_regions κ(β) · ε · pen_r^β · GRP_r(year) / days(year) · hours/24 · w(type)`. Types: full, mobile, fixed, throttling, isp.
         *     - **deloitte-2016** 1.0.0: A full shutdown costs 1.9 % (high), 1.0 % (medium) or 0.4 % (low internet connectivity) of daily GDP; regional shutdowns scaled by the regions' share of output. Formula: `cost = GDP_USD(year) / days(year) · τ(tier(internet users %)) · hours/24 · a(regions) · w(type)`. Types: full, mobile, fixed, throttling, isp.
         *     - **brookings-2016** 1.0.0: Daily GDP × BCG internet-economy share of GDP (interpolated 2010→2016); a G-20 average or an internet-penetration proxy where BCG has no figure (labelled). Mobile weighted by subscriptions, platforms by a documented weight table. Formula: `cost = GDP_USD(year) / days(year) · s_int(year) · u · hours/24 · a(regions) · w(type)`. Types: full, mobile, fixed, platform, throttling, isp.
         *     - **cost-escalated** 1.1.0: Brookings/BCG internet-economy shares escalated by +10 % per year after 2016 for G-20 economies, as NetBlocks COST does since November 2021; other countries: internet users share × k, k calibrated on COST's published day figures for Belarus 2020 and Iran 2019 (labelled proxy, no escalator). A block of Facebook, Twitter, WhatsApp, Instagram or YouTube weighs COST's share of one service, 4.49 % of a full shutdown each (its Nigerian day figures of 2021); other platforms the reach-based table. Formula: `cost = GDP_USD(year) / days(year) · s(year) · hours/24 · a(regions) · w(type); G-20: s = s_BCG(year) · u · (1 + g)^max(0, year − 2016); elsewhere: s = k · internet users share(year); w(platform) = Σ services × 4.49 % (COST's five) or the table's weight`. Types: full, mobile, fixed, platform, throttling, isp.
         */
        post: operations["cost.batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cost/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Our yearly cost per country (each method) beside Top10VPN's: ratio, hours and users affected, the events behind ours, the cause where we differ by more than 3×
         * @description source: top10vpn. Throttling, and the slowed hours of a record filed as "Shutdown, Throttle", are priced at severity 1 unless `severity` is given (Top10VPN counts unusable throttling as a shutdown); events marked ongoing are priced up to `end` when it is given; without it, a network shutdown marked ongoing is priced by STOP's yearly accounting, a block marked ongoing to the end of the year it began; a throttle marked ongoing is not priced. `draws` and `seed` (default 1) as for every pricing route. `format`: csv or parquet (one row per country-year: country, year, method, ours_usd, theirs_usd, ratio, within, our_hours, their_hours, our_users, their_users, their_area, cause, events, event_ids, events_not_priced, event_ids_not_priced, event_ids_outside_area, ours_usd_ozi-regional, ours_usd_deloitte-2016, ours_usd_brookings-2016, ours_usd_cost-escalated, ours_leaves_out_ozi-regional, ours_leaves_out_deloitte-2016, ours_leaves_out_brookings-2016, ours_leaves_out_cost-escalated, source, source_url), ndjson (one whole row per line) for a download; json, the default, adds the summary and notes.
         */
        get: operations["cost.compare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cost/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cost of every shutdown, throttling and block event matching the filters (one row per estimate; unpriced events say what they miss)
         * @description Filters as GET /api/events (country, region, category, subtype, from, to, q); overrides as GET /api/events/{id}/cost (severity, end, platform_weight, method, currency, draws, seed). Rows: event_id, title, category, subtype, country, regions, start, end, priced_from, priced_to, method, method_version, currency, median, low, high, point, usd_median, usd_low, usd_high, usd_rate, usd_rate_date, data_years, data_vintage, proxy, missing. An event that cannot be priced has one row with `missing` and no amounts. `format`: csv, ndjson or parquet for a download (json, the default, adds the counts).
         */
        get: operations["cost.events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cost/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cost methods: formula, parameters with distributions and sources, calibration */
        get: operations["cost.methods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cost/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every region of a country ranked by the cost of a scenario, highest first (the OZI table)
         * @description Same parameters as GET /api/cost except `region`; one method (default ozi-regional for RU, brookings-2016 elsewhere); two methods, or `all`, are a 400 naming `method`. Each item has its own 90% interval.
         *
         *     Methods:
         *     - **ozi-regional** 1.0.0: Regional daily loss = κ(β) · pen^β · GRP / days in year, in roubles, per region; national = sum of the 85 regions. Mobile-only = 0.5 × full (as OZI). Calibrated on OZI's Moscow (4.8 bn RUB/day) and Altai Republic (13.7 M RUB/day) figures. Formula: `cost = Σ_regions κ(β) · ε · pen_r^β · GRP_r(year) / days(year) · hours/24 · w(type)`. Types: full, mobile, fixed, throttling, isp.
         *     - **deloitte-2016** 1.0.0: A full shutdown costs 1.9 % (high), 1.0 % (medium) or 0.4 % (low internet connectivity) of daily GDP; regional shutdowns scaled by the regions' share of output. Formula: `cost = GDP_USD(year) / days(year) · τ(tier(internet users %)) · hours/24 · a(regions) · w(type)`. Types: full, mobile, fixed, throttling, isp.
         *     - **brookings-2016** 1.0.0: Daily GDP × BCG internet-economy share of GDP (interpolated 2010→2016); a G-20 average or an internet-penetration proxy where BCG has no figure (labelled). Mobile weighted by subscriptions, platforms by a documented weight table. Formula: `cost = GDP_USD(year) / days(year) · s_int(year) · u · hours/24 · a(regions) · w(type)`. Types: full, mobile, fixed, platform, throttling, isp.
         *     - **cost-escalated** 1.1.0: Brookings/BCG internet-economy shares escalated by +10 % per year after 2016 for G-20 economies, as NetBlocks COST does since November 2021; other countries: internet users share × k, k calibrated on COST's published day figures for Belarus 2020 and Iran 2019 (labelled proxy, no escalator). A block of Facebook, Twitter, WhatsApp, Instagram or YouTube weighs COST's share of one service, 4.49 % of a full shutdown each (its Nigerian day figures of 2021); other platforms the reach-based table. Formula: `cost = GDP_USD(year) / days(year) · s(year) · hours/24 · a(regions) · w(type); G-20: s = s_BCG(year) · u · (1 + g)^max(0, year − 2016); elsewhere: s = k · internet users share(year); w(platform) = Σ services × 4.49 % (COST's five) or the table's weight`. Types: full, mobile, fixed, platform, throttling, isp.
         */
        get: operations["cost.regions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/detections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Run the detectors (block, throttling, shutdown) over the store; never creates drafts */
        get: operations["detections.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/elections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Imported elections with station, reject and flag counts and the ledger events about their technology */
        get: operations["elections.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/elections/{id}/electronic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Paper versus electronic (DEG) per district: leaders, winner, margins, whether DEG changed the winner; DEG votes per 20-minute bin */
        get: operations["elections.electronic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/elections/{id}/fingerprints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Turnout and leader-share histograms (0.1 point), turnout x leader-share heat map, Shpilkin curve and estimate, integer-percentage excess */
        get: operations["elections.fingerprints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/elections/{id}/rejects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every rejected line of an election's imported files, with file, line, reason and detail (the import and summary show the first 20) */
        get: operations["elections.rejects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/elections/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals of an election, region or district: registered, issued, cast, turnout, votes and shares per choice; paper, electronic and together */
        get: operations["elections.summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List events with filters and cursor pagination */
        get: operations["events.list"];
        put?: never;
        /** Create an event (token required) */
        post: operations["events.add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event with its links and the measurement evidence linked to it */
        get: operations["events.show"];
        /** Replace an event (token and If-Match required) */
        put: operations["events.edit"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a draft event: it becomes active and shows in default views (token and reason required) */
        post: operations["events.confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/cost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cost of a ledger event (shutdown, throttling or block), or what it is missing
         * @description Maps the event's country, regions, type and time span to a scenario. What the ledger does not record (a throttle's severity, the end of an ongoing block) is listed in `missing`; supply it as a query parameter.
         */
        get: operations["cost.event"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss a draft event (token and reason required) */
        post: operations["events.dismiss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/retract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retract an event with a reason (token required) */
        post: operations["events.retract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The revisions of an event, oldest first: who, when, why, and the fields before and after */
        get: operations["events.history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/events.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export events as csv (one column per document key: id, title, summary, category, subtype, countries, regions, start, end, date_precision, scope, targets, actors, networks, people_affected, places, population_affected, geocode, tags, confidence, status, sources, notes, revision, created_at, updated_at, region_notes; lists of plain values joined with "; ", nested fields as JSON text, absent values empty) */
        get: operations["events.export.csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/events.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export events as json (full documents) */
        get: operations["events.export.json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/events.ndjson": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export events as ndjson (full documents) */
        get: operations["events.export.ndjson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/events.parquet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export events as parquet (one column per document key: id, title, summary, category, subtype, countries, regions, start, end, date_precision, scope, targets, actors, networks, people_affected, places, population_affected, geocode, tags, confidence, status, sources, notes, revision, created_at, updated_at, region_notes; lists of plain values joined with "; ", nested fields as JSON text, absent values empty) */
        get: operations["events.export.parquet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/indicators.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export indicator values as csv (one row per value: series_id, title, unit, country, period, value, disputed, source_url, source_title, source_publisher, source_published, source_archive_url, source_locator, note) */
        get: operations["indicators.export.csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/indicators.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export indicator values as json (series with values) */
        get: operations["indicators.export.json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/indicators.ndjson": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export indicator values as ndjson (one row per value: series_id, title, unit, country, period, value, disputed, source_url, source_title, source_publisher, source_published, source_archive_url, source_locator, note) */
        get: operations["indicators.export.ndjson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/indicators.parquet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export indicator values as parquet (one row per value: series_id, title, unit, country, period, value, disputed, source_url, source_title, source_publisher, source_published, source_archive_url, source_locator, note) */
        get: operations["indicators.export.parquet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Indicator series (values that disagree across sources are all kept and flagged `disputed`) */
        get: operations["indicators.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/measurements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One row per measurement, newest first */
        get: operations["measurements.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/measurements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One measurement: flags, verdict, evidence, raw */
        get: operations["measurements.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/measurements/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export list rows as csv (the list filters; up to 500,000 rows; the columns of GET /api/measurements items) */
        get: operations["measurements.export.csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/measurements/export.ndjson": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export list rows as ndjson (the list filters; up to 500,000 rows; the columns of GET /api/measurements items) */
        get: operations["measurements.export.ndjson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/measurements/export.parquet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export list rows as parquet (the list filters; up to 500,000 rows; the columns of GET /api/measurements items) */
        get: operations["measurements.export.parquet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/measurements/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The verdict rules (id, version, layer, status, doc) */
        get: operations["measurements.rules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/measurements/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Aggregated cells and per-target totals */
        get: operations["measurements.summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Networks (ASNs) with names and measurement counts */
        get: operations["measurements.networks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registry/asns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Blocked IPv4 addresses per AS and organisation (today's routing), and the share of each AS's announced space */
        get: operations["registry.asns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registry/decisions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One decision across snapshots: entries, distinct IPv4, collateral, organisations hit */
        get: operations["registry.decision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registry/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is an IP address or domain listed, under which decision, since when */
        get: operations["registry.lookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registry/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Distinct IPv4 addresses blocked (exact union), per decision body and decision, largest ranges, IPv6, target vs collateral */
        get: operations["registry.summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/signals/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored signal points (value null = missing sample), each with the file and line it came from: the evidence behind outage detections */
        get: operations["signals.points"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/signals/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored signal series per (source, entity): points, missing samples, first and last time */
        get: operations["signals.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/speedtests/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Throttling per (country, network, target, day) from crowdsourced speed tests */
        get: operations["speedtests.summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Event counts per country, category and start year (an event in two countries counts once in each) */
        get: operations["events.counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/throughput/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Throttling per (country, network, target, day) from OONI network_events throughput, each measurement paired with its session */
        get: operations["throughput.summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watch/new": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is new since an instant: confirmed events and draft detections written after it, newest first, and the watermark to pass as since next time */
        get: operations["watch.new"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watch/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Watch status: last cycle, next cycle, inputs seen, deliveries by state */
        get: operations["watch.status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/{cc}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A country's draft detections
         * @description The 50 most recently written items; `.atom` is Atom 1.0, `.json` JSON Feed 1.1. A feed takes no query parameters (one sent is a 400 naming it).
         */
        get: operations["feeds.country.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Confirmed events or draft detections, worldwide or of one country
         * @description The 50 most recently written items; `.atom` is Atom 1.0, `.json` JSON Feed 1.1. A feed takes no query parameters (one sent is a 400 naming it).
         */
        get: operations["feeds.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the server and its store answer */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CostBatch: components["schemas"]["CostResult"] | {
            items: components["schemas"]["CostResult"][];
        };
        CostCompare: {
            method: string;
            notes: string[];
            overrides: components["schemas"]["CostOverrides"];
            rows: components["schemas"]["CostCompareRow"][];
            source: {
                title: string;
                url: string;
            };
            summary: {
                both: number;
                ours_only: number;
                /** @description within_3x / both; null when no country-year is in both */
                share_within_3x: number | null;
                /** @description within_10x / both; null when no country-year is in both */
                share_within_10x: number | null;
                theirs_only: number;
                within_3x: number;
                within_10x: number;
            };
        };
        CostCompareRow: {
            /** @description where ours and theirs differ by more than 3×: the causes below, in words */
            cause: string | null;
            /** @description the factors beyond 2× (or the price per user-hour when none is), largest first; empty within 3× */
            causes: {
                explanation: string;
                /** @enum {string} */
                factor: "hours" | "users affected" | "price per user-hour";
                ours: number | null;
                /** @description ours / theirs for this factor; the factors multiply to the row ratio */
                ratio: number;
                theirs: number | null;
            }[];
            country: string;
            events: {
                hours: number;
                id: string;
                title: string;
                usd: number | null;
            }[];
            events_not_priced: {
                id: string;
                missing: string;
                title: string;
            }[];
            /** @description where their_area is set: our events of the country and year outside that area, in neither total (usd null: not priced) */
            events_outside_area: {
                hours: number;
                id: string;
                title: string;
                usd: number | null;
            }[];
            our_hours: number;
            our_users: number;
            /** @description USD, sum of the events' medians in the year, per method */
            ours: {
                [key: string]: number;
            };
            /** @description per method whose total is over part of the row's events (ozi-regional and deloitte-2016 do not price platform blocks): the ids of the events it leaves out; a method not named here priced every event of the row */
            ours_leaves_out: {
                [key: string]: string[];
            };
            ratio: number | null;
            /** @description the part of the country Top10VPN's row is for, where its table names one ("Pakistan - Azad Kashmir"); null for the whole country */
            their_area: string | null;
            their_hours: number | null;
            their_users: number | null;
            theirs: number | null;
            /** @enum {string|null} */
            within: "3x" | "10x" | "beyond 10x" | null;
            year: number;
        };
        CostEstimate: {
            currency: string;
            data_vintage: string[];
            draws: number;
            high: number;
            inputs: components["schemas"]["CostInput"][];
            /** @enum {number} */
            interval: 0.9;
            low: number;
            median: number;
            /** @description ozi-regional, deloitte-2016, brookings-2016, cost-escalated */
            method: string;
            method_version: string;
            notes: string[];
            /** @description one calendar-year period of the span each, priced with its data year and its own exchange rate */
            periods: components["schemas"]["CostPeriod"][];
            point: number;
            proxy: string | null;
            rates: {
                date: string | null;
                kind: string | null;
                note?: string;
                period: string;
                rate: number | null;
                source: string | null;
            }[];
            regions: {
                code: string;
                high: number;
                low: number;
                median: number;
                name: string;
                point: number;
                usd: components["schemas"]["CostUsd"];
            }[];
            seed: number;
            title: string;
            usd: components["schemas"]["CostUsd"];
            years: number[];
        };
        /** @description one number an estimate used, with its source */
        CostInput: {
            distribution?: string;
            geo?: string;
            name: string;
            note?: string;
            source: string;
            unit: string;
            value: number | string;
            vintage?: string;
            year: number | null;
        };
        CostMethods: {
            items: {
                /** @description the method's calibration against its published figures */
                calibration?: {
                    [key: string]: unknown;
                };
                citation: string[];
                formula: string;
                /** @enum {string} */
                id: "ozi-regional" | "deloitte-2016" | "brookings-2016" | "cost-escalated";
                params: {
                    description: string;
                    dist: {
                        /** @enum {string} */
                        kind: "fixed";
                        value: number;
                    } | {
                        high: number;
                        /** @enum {string} */
                        kind: "triangular";
                        low: number;
                        mode: number;
                    } | {
                        high: number;
                        /** @enum {string} */
                        kind: "uniform";
                        low: number;
                    } | {
                        /** @enum {string} */
                        kind: "lognormal";
                        median: number;
                        sigma: number;
                    } | {
                        /** @enum {string} */
                        kind: "empirical";
                        values: number[];
                    } | {
                        /** @enum {string} */
                        kind: "bernoulli";
                        p: number;
                    };
                    name: string;
                    source: string;
                }[];
                reference_year: number | null;
                summary: string;
                title: string;
                types: ("full" | "mobile" | "fixed" | "platform" | "throttling" | "isp")[];
                version: string;
            }[];
        };
        /** @description the pricing overrides applied to every event */
        CostOverrides: {
            country?: string;
            currency?: string;
            draws?: number;
            end?: string;
            isp_share?: number;
            method?: string | string[];
            platform_weight?: number;
            seed?: number;
            severity?: number;
        };
        CostPeriod: {
            data_year: number;
            high: number;
            hours: number;
            low: number;
            median: number;
            period: string;
            point: number;
            usd: {
                high: number;
                low: number;
                median: number;
                point: number;
                rate: number | null;
                rate_date: string | null;
            } | null;
            year: number | null;
        };
        CostRegions: {
            currency: string;
            data_vintage: string[];
            /** @description the years of the data read */
            data_years: number[];
            inputs: components["schemas"]["CostInput"][];
            items: {
                code: string;
                currency: string;
                high: number;
                low: number;
                median: number;
                name: string;
                point: number;
                usd: components["schemas"]["CostUsd"];
            }[];
            method: string;
            method_version: string;
            notes: string[];
            rates: {
                date: string | null;
                kind: string | null;
                note?: string;
                period: string;
                rate: number | null;
                source: string | null;
            }[];
            scenario: components["schemas"]["CostScenario"];
            /** @description the sources of the data records the figures read (the assumptions are in inputs) */
            sources: string[];
            total: {
                high: number;
                low: number;
                median: number;
                point: number;
            };
        };
        CostResult: {
            estimates: components["schemas"]["CostEstimate"][];
            scenario: components["schemas"]["CostScenario"];
            skipped: {
                method: string;
                parameter: string;
                reason: string;
            }[];
            spread: {
                currency: string;
                max_median: number;
                methods: number;
                min_median: number;
                ratio: number | null;
            } | null;
        };
        /** @description the scenario as validated (defaults filled in), with its calendar-year periods */
        CostScenario: {
            /** @description share of the span the network was actually cut (a schedule of a few hours a day), with its range; null = the whole span */
            active: {
                basis: string;
                high: number;
                low: number;
                share: number;
            } | null;
            affected: {
                basis: string;
                /** @enum {string} */
                confidence: "high" | "medium" | "low";
                /** @description high end of an imputed share (the upper quartile of placed events) */
                high?: number;
                /** @description low end of an imputed share (the lower quartile of placed events) */
                low?: number;
                share: number;
                /** @description an imputed share's reference class: the shares of the events it is taken from, each drawn with equal chance in the Monte Carlo */
                values?: number[];
            } | null;
            /** @description a block its sources say did not stop the service (ledger tag `circumvented`): the share of the platform's use it stopped, uniform over [low, high], multiplies the platform's weight; null = all of it */
            block_effect: {
                basis: string;
                high: number;
                low: number;
            } | null;
            /** @description a record of blocks whose text also names a whole-network cut it calls brief ("a brief complete shutdown") or dates to one day: that cut, its length not stated, is priced as 0–24 h of the span (8 h on average), added to the blocks; `area`: the share of the country it reached where the text names its place ("on Nov. 26 in Astana"; its range low–high), null = the whole country; null = none */
            brief_cut: {
                area: {
                    basis: string;
                    high: number;
                    low: number;
                    share: number;
                } | null;
                basis: string;
            } | null;
            country: string;
            currency: string;
            /** @description a record STOP files as "Shutdown, Throttle" whose split between cut and slowed hours is not recorded: the span is priced × the share cut, uniform(low, high), plus the rest × `slowed` (the severity given in the request; null = the slowed hours are not priced); null = cut throughout */
            cut_part: {
                basis: string;
                high: number;
                low: number;
                slowed: number | null;
            } | null;
            draws: number;
            end: string | null;
            hours: number;
            isp_share: number | null;
            local_currency: string;
            methods: ("ozi-regional" | "deloitte-2016" | "brookings-2016" | "cost-escalated")[];
            mobile_share: number | null;
            /** @description from `from` on, the share of the country cut off (its range low–high): the record says most of the area was restored then and names the place left cut off, or that the cut ended then and traffic came back over the following days (the share still cut while it did); null = the same area over the whole span */
            narrowed: {
                basis: string;
                from: string;
                high: number;
                low: number;
                share: number;
            } | null;
            periods: {
                from: string | null;
                hours: number;
                to: string | null;
                year: number | null;
            }[];
            platform: string | null;
            /** @description share of the span each platform of a block was blocked, where the record says some were lifted before the rest (platforms not listed: the whole span); null = every platform the whole span */
            platform_phases: {
                basis: string;
                shares: {
                    [key: string]: number;
                };
            } | null;
            platform_weight: number | null;
            /** @description a block's weight imputed from its reference class (a block of social media that names no platform: the weights of the country's blocks that named theirs), each value equally likely; platform_weight is its median; null = the table's or the request's */
            platform_weight_class: {
                basis: string;
                values: number[];
            } | null;
            regions: string[];
            seed: number;
            severity: number | null;
            start: string | null;
            /** @description years whose STOP record says the cut was largely, not wholly, in place ("remain largely inaccessible"): those years' area (and, with `later`, every year after the last of them) is priced × uniform(low, high); null = the whole area every year */
            still_cut: {
                basis: string;
                high: number;
                later: boolean;
                low: number;
                years: number[];
            } | null;
            /** @enum {string} */
            type: "full" | "mobile" | "fixed" | "platform" | "throttling" | "isp";
            tz: string;
            /** @description a cut whose networks were not recorded: priced as the whole network with chance p_whole (the share of its country's recorded cuts that took both mobile and fixed), else as mobile data only; null = as its type says */
            unrecorded_networks: {
                basis: string;
                p_whole: number;
            } | null;
            year: number | null;
        };
        CostUsd: {
            high: number;
            low: number;
            median: number;
            point: number;
            /** @description units of the amounts' currency per US$, the rate that turns them into these US dollars (see rate_unit: the local currency's, or the --currency asked for when it is neither local nor USD; 1 USD/USD when the method computed in US$ and nothing was converted) */
            rate: number;
            /** @description the date, day range or year of each period's rate; null when no rate was applied (1 USD/USD) */
            rate_date: string | null;
            rate_kind: string;
            rate_unit: string;
        } | null;
        DataSource: {
            attribution?: string | null;
            licence: string;
            name: string;
            url: string | null;
        };
        Detection: {
            /** @description the last instant of data the detector saw */
            data_until: string;
            /** @description the ledger event with this id, if one exists (draft, active after confirm, dismissed...); else the draft or active event of the same finding (a moved onset: its own id, as --emit names it in same_outage) */
            draft: {
                id: string;
                revision: number;
                status: string;
            } | null;
            /** @description ISO instant (exclusive) of the end; null = still in state when the data ends */
            end: string | null;
            /** @description what to run to see the measurements behind the detection */
            evidence_query: {
                api: string;
                cli: string;
                params: {
                    [key: string]: string;
                };
            };
            /** @description deterministic: the same detection on the same data always has the same id (= its draft ledger event id) */
            id: string;
            /**
             * @description the data the detection stands on: ooni_verdicts (block), ooni_volume (shutdown), speedtests or ooni_network_events (throttling)
             * @enum {string}
             */
            input: "ooni_verdicts" | "ooni_volume" | "speedtests" | "ooni_network_events" | "outage_signals";
            /** @enum {string} */
            kind: "block" | "throttling" | "shutdown" | "outage";
            layer: string | null;
            method: string;
            networks: string[];
            /** @description per-network figures behind a country detection */
            per_network: {
                [key: string]: unknown;
            }[];
            probe_asn: string | null;
            probe_cc: string;
            /** @description the ISO 3166-2 region of a region-scope detection (outage signals of a region entity) */
            region?: string | null;
            /**
             * @description country: corroborated by at least k networks; network: one network (asked for with asn); region: one region of the country (outage signals of an ISO 3166-2 entity)
             * @enum {string}
             */
            scope: "country" | "network" | "region";
            sources: components["schemas"]["DataSource"][];
            /** @description ISO instant of the estimated onset */
            start: string;
            /** @description the onset is the first data point: the state may have begun earlier */
            start_censored: boolean;
            /** @description kind-specific figures: how strong, how long, how many measurements */
            strength: {
                [key: string]: number | string | null;
            };
            /** @description one line a human can check against the evidence query */
            summary: string;
            target: string | null;
        };
        DetectionList: {
            /** @description the drafts `detect --emit` created or found in the ledger; null when none were asked for (always, on GET /api/detections) */
            emitted: {
                created: number;
                /** @description events ongoing in the ledger whose detection now has an end, not changed because a person edited or confirmed them: the end to set by hand */
                end_not_applied: {
                    end: string;
                    event_id: string;
                    id: string;
                    reason: string;
                    status: string;
                }[];
                /** @description drafts emitted while their outage was ongoing, given the end the data now shows (a new revision of the same draft, action 'detector-update') */
                ended: {
                    end: string;
                    id: string;
                }[];
                existing: number;
                /** @description existing events by status: draft, active (confirmed), dismissed, retracted */
                existing_by_status: {
                    [key: string]: number;
                };
                ids: string[];
                /** @description detections not created: the same finding (kind, input, country, network or target, overlapping period) is already event event_id */
                same_outage: {
                    event_id: string;
                    id: string;
                    status: string;
                }[];
                /** @description detections the ledger cannot hold as events */
                skipped: {
                    id: string;
                    reason: string;
                }[];
            } | null;
            items: components["schemas"]["Detection"][];
            kinds: ("block" | "throttling" | "shutdown" | "outage")[];
            methods: {
                [key: string]: string;
            };
            /** @description the detector parameters used, per kind */
            params: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
            /** @description the query as read: the filters given, normalised (country in upper case) */
            query: {
                [key: string]: unknown;
            };
            /** @description every series looked at: what it found, or why its data was insufficient */
            series: components["schemas"]["DetectionSeries"][];
        };
        DetectionSeries: {
            as_name?: string | null;
            changes: {
                [key: string]: unknown;
            }[];
            figures: {
                [key: string]: number | string | null;
            };
            /**
             * @description set where a kind has several inputs (throttling)
             * @enum {string}
             */
            input?: "ooni_verdicts" | "ooni_volume" | "speedtests" | "ooni_network_events" | "outage_signals";
            /** @enum {string} */
            kind: "block" | "throttling" | "shutdown" | "outage";
            layer: string | null;
            probe_asn: string | null;
            probe_cc: string | null;
            reason: string | null;
            state: string | null;
            /**
             * @description ok: the detector judged the series; insufficient: too little data to say anything
             * @enum {string}
             */
            status: "ok" | "insufficient";
            target: string | null;
        };
        ElectionElectronic: {
            caveats: string[];
            /** @description the DEG decryption series summed over the districts (votes per bin, per choice) */
            deg_timeline: {
                bin_minutes: number;
                credit: string;
                districts: number[];
                /** @description final electronic ballots cast in the same districts, to set against the bins */
                final_electronic_cast: number;
                method: string;
                party_list: {
                    ballots: number[];
                    choices: {
                        label_en: string | null;
                        name: string;
                        total: number;
                        votes: number[];
                    }[];
                    total: number;
                } | null;
                single_mandate: {
                    ballots: number[];
                    choices: {
                        label_en: string | null;
                        name: string;
                        total: number;
                        votes: number[];
                    }[];
                    total: number;
                } | null;
                /** @description bin starts, epoch ms UTC */
                t: number[];
            } | null;
            districts: ({
                /** @description the district's own DEG series (with `series`), else null */
                deg_series: ({
                    party_list: {
                        t: number[];
                        total: number;
                        votes: {
                            [key: string]: number[];
                        };
                    } | null;
                    single_mandate: {
                        t: number[];
                        total: number;
                        votes: {
                            [key: string]: number[];
                        };
                    } | null;
                } & {
                    [key: string]: unknown;
                }) | null;
                district: number | null;
                oik: string | null;
                party_list: {
                    changed_by_deg: boolean;
                    combined_leader: {
                        name: string;
                        pct: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    };
                    electronic: ({
                        /** @description regional totals (2024 DEG), not polling stations */
                        aggregates: number;
                        cast: number;
                        choices: ({
                            name: string;
                            pct: number | null;
                            votes: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                        issued: number;
                        leader: {
                            name: string;
                            pct: number | null;
                            votes: number;
                        } & {
                            [key: string]: unknown;
                        };
                        registered: number;
                        stations: number;
                        turnout_pct: number | null;
                    } & {
                        [key: string]: unknown;
                    }) | null;
                    electronic_share_of_cast_pct: number | null;
                    paper: ({
                        /** @description regional totals (2024 DEG), not polling stations */
                        aggregates: number;
                        cast: number;
                        choices: ({
                            name: string;
                            pct: number | null;
                            votes: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                        issued: number;
                        leader: {
                            name: string;
                            pct: number | null;
                            votes: number;
                        } & {
                            [key: string]: unknown;
                        };
                        registered: number;
                        stations: number;
                        turnout_pct: number | null;
                    } & {
                        [key: string]: unknown;
                    }) | null;
                } & {
                    [key: string]: unknown;
                };
                region: string | null;
                region_code: string | null;
                single_mandate: ({
                    /** @description ballots cast (valid + invalid), the base of the shares: the middle of ballots_range; null when the source prints no percentages */
                    ballots: {
                        electronic: number;
                        paper: number;
                        total: number;
                    } | null;
                    /** @description every integer base the source's two-decimal percentages agree with (inclusive) */
                    ballots_range: {
                        electronic: [
                            number,
                            number
                        ];
                        paper: [
                            number,
                            number
                        ];
                        total: [
                            number,
                            number
                        ];
                    } | null;
                    candidates: {
                        candidate: string;
                        electronic: number;
                        /** @description share of electronic ballots cast */
                        electronic_pct: number | null;
                        electronic_pct_of_valid: number | null;
                        paper: number;
                        /** @description share of paper ballots cast */
                        paper_pct: number | null;
                        paper_pct_of_valid: number | null;
                        total: number;
                        /** @description share of all ballots cast */
                        total_pct: number | null;
                        total_pct_of_valid: number | null;
                    }[];
                    changed_by_deg: boolean;
                    electronic_leader: {
                        name: string;
                        /** @description share of ballots cast (valid + invalid); null when the source gives no base */
                        pct: number | null;
                        /** @description share of valid votes (the candidates' votes summed) */
                        pct_of_valid: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    };
                    flagged_rows: number;
                    /** @description of all ballots cast */
                    margin_pct: number | null;
                    margin_pct_of_valid: number | null;
                    margin_votes: number;
                    paper_leader: {
                        name: string;
                        /** @description share of ballots cast (valid + invalid); null when the source gives no base */
                        pct: number | null;
                        /** @description share of valid votes (the candidates' votes summed) */
                        pct_of_valid: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    };
                    runner_up: ({
                        name: string;
                        /** @description share of ballots cast (valid + invalid); null when the source gives no base */
                        pct: number | null;
                        /** @description share of valid votes (the candidates' votes summed) */
                        pct_of_valid: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    }) | null;
                    /** @description valid votes: the candidates' votes summed, paper, electronic and together */
                    valid_votes: {
                        electronic: number;
                        paper: number;
                        total: number;
                    };
                    winner: {
                        name: string;
                        /** @description share of ballots cast (valid + invalid); null when the source gives no base */
                        pct: number | null;
                        /** @description share of valid votes (the candidates' votes summed) */
                        pct_of_valid: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    };
                    winner_paper_margin_votes: number;
                } & {
                    [key: string]: unknown;
                }) | null;
            } & {
                [key: string]: unknown;
            })[];
            election: {
                id: string;
                kind: string;
                title: string;
                year: number;
            };
            filter: {
                /** @enum {string|null} */
                by?: "region" | "district" | null;
                district?: string | null;
                region: string | null;
                /** @description the ISO 3166-2 code the region matched, when it has one */
                region_code?: string | null;
            } & {
                [key: string]: unknown;
            };
            method: string;
            source: {
                credit: string;
                files: ({
                    file: string;
                    flagged: number;
                    /** @description protocol, single_mandate or deg_series */
                    format: string;
                    imported_at: string;
                    lines_read: number;
                    rejected: number;
                    sha256: string;
                    stored: number;
                } & {
                    [key: string]: unknown;
                })[];
            } & {
                [key: string]: unknown;
            };
            summary: {
                districts: number;
                electronic_ballots_cast: number;
                electronic_ballots_issued: number;
                party_list_changed_by_deg: number;
                single_mandate_changed_by_deg: number;
                single_mandate_districts_without_stations: number[];
                with_single_mandate: number;
            } & {
                [key: string]: unknown;
            };
            version: string;
        } & {
            [key: string]: unknown;
        };
        ElectionFingerprints: {
            /** @description rows selected that are regional aggregates, not polling stations (the 2024 DEG table): read by no fingerprint, whatever includeElectronic says */
            aggregates_left_out: number;
            election: {
                id: string;
                kind: string;
                title: string;
                year: number;
            };
            filter: {
                /** @enum {string|null} */
                by?: "region" | "district" | null;
                district?: string | null;
                region: string | null;
                /** @description the ISO 3166-2 code the region matched, when it has one */
                region_code?: string | null;
            } & {
                [key: string]: unknown;
            };
            heatmap: {
                bin_width: number;
                /** @description each [turnout bin, leader-share bin, stations] */
                cells: number[][];
                method: string;
                stations_included: number;
                version: string;
                /** @description voters: each station counts by its registered voters */
                weight: string;
            } & {
                [key: string]: unknown;
            };
            histograms: {
                bin_width: number;
                centres: number[];
                leader: number[];
                /** @description stations outside the bins (no ballots, or a share above 100 %) */
                left_out: number;
                method: string;
                stations_included: number;
                turnout: number[];
                version: string;
                /** @enum {string} */
                weight: "stations" | "voters";
            } & {
                [key: string]: unknown;
            };
            /** @description null when reps = 0 */
            integers: ({
                method: string;
                params: {
                    /** @description half-width of the window around each integer, in percentage points */
                    half: number;
                    includeElectronic: boolean;
                    includeFlagged: boolean;
                    maxFraction: number;
                    minVoters: number;
                    percentile: number;
                    reps: number;
                    seed: number;
                } & {
                    [key: string]: unknown;
                };
                reference: string;
                result: {
                    by_region: ({
                        either: {
                            /** @description analytic mean (sum of window probabilities), a check on the simulation */
                            analytic_expected: number;
                            excess: number;
                            expected: number;
                            observed: number;
                            sd: number;
                            threshold: number;
                        } & {
                            [key: string]: unknown;
                        };
                        region: string;
                        stations: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    either: {
                        /** @description analytic mean (sum of window probabilities), a check on the simulation */
                        analytic_expected: number;
                        excess: number;
                        expected: number;
                        observed: number;
                        sd: number;
                        threshold: number;
                    } & {
                        [key: string]: unknown;
                    };
                    excluded: {
                        above_max: number;
                        electronic: number;
                        flagged: number;
                        no_ballots: number;
                        small: number;
                    } & {
                        [key: string]: unknown;
                    };
                    flagged_included: number;
                    leader: {
                        /** @description analytic mean (sum of window probabilities), a check on the simulation */
                        analytic_expected: number;
                        excess: number;
                        expected: number;
                        observed: number;
                        sd: number;
                        threshold: number;
                    } & {
                        [key: string]: unknown;
                    };
                    stations_included: number;
                    turnout: {
                        /** @description analytic mean (sum of window probabilities), a check on the simulation */
                        analytic_expected: number;
                        excess: number;
                        expected: number;
                        observed: number;
                        sd: number;
                        threshold: number;
                    } & {
                        [key: string]: unknown;
                    };
                } & {
                    [key: string]: unknown;
                };
                version: string;
            } & {
                [key: string]: unknown;
            }) | null;
            leader: {
                idx: number;
                label: string;
                label_en: string | null;
            } & {
                [key: string]: unknown;
            };
            shpilkin: {
                method: string;
                params: {
                    binWidth: number;
                    includeElectronic: boolean;
                    includeFlagged: boolean;
                } & {
                    [key: string]: unknown;
                };
                reference: string;
                result: {
                    anomalous_share_of_leader_pct: number;
                    anomalous_votes: number;
                    bins: ({
                        expected_leader: number | null;
                        leader: number;
                        leader_share: number | null;
                        others: number;
                        turnout_from: number;
                        valid: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    /** @description the leader's share at the honest peak, as a fraction */
                    clean_share: number;
                    clean_share_pct: number;
                    clean_turnout_pct: number;
                    excluded: {
                        electronic: number;
                        flagged: number;
                        no_ballots: number;
                        turnout_over_100: number;
                    } & {
                        [key: string]: unknown;
                    };
                    flagged_included: number;
                    leader_votes: number;
                    official_share_pct: number;
                    official_turnout_pct: number;
                    stations_included: number;
                    turnout_mode: {
                        /** @description how the honest peak was chosen (cleanMode), or why the highest bin was taken */
                        basis: string;
                        center: number;
                        from: number;
                        to: number;
                    } & {
                        [key: string]: unknown;
                    };
                } & {
                    [key: string]: unknown;
                };
                version: string;
            } & {
                [key: string]: unknown;
            };
            source: {
                credit: string;
                files: ({
                    file: string;
                    flagged: number;
                    /** @description protocol, single_mandate or deg_series */
                    format: string;
                    imported_at: string;
                    lines_read: number;
                    rejected: number;
                    sha256: string;
                    stored: number;
                } & {
                    [key: string]: unknown;
                })[];
            } & {
                [key: string]: unknown;
            };
            stations_read: number;
        } & {
            [key: string]: unknown;
        };
        ElectionSummary: {
            election: {
                id: string;
                kind: string;
                title: string;
                year: number;
            };
            filter: {
                /** @enum {string|null} */
                by?: "region" | "district" | null;
                district?: string | null;
                region: string | null;
                /** @description the ISO 3166-2 code the region matched, when it has one */
                region_code?: string | null;
            } & {
                [key: string]: unknown;
            };
            /** @description rows carrying each flag among the rows selected (the region or district when filtered); a flagged row may carry several */
            flags: {
                [key: string]: number;
            };
            /** @description the same totals per region or district (with `by`) */
            groups: ({
                all: {
                    /** @description rows that are regional totals, not polling stations (the 2024 DEG table, one per region) */
                    aggregates: number;
                    cast: number;
                    choices: ({
                        idx: number;
                        label: string;
                        label_en: string | null;
                        pct_of_cast: number | null;
                        /** @description share of valid ballots */
                        pct_of_valid: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    flagged: number;
                    invalid: number;
                    issued: number;
                    registered: number;
                    /** @description polling stations (regional totals are counted in aggregates, not here) */
                    stations: number;
                    /** @description ballots issued / registered, as a fraction */
                    turnout: number | null;
                    turnout_pct: number | null;
                    valid: number;
                } & {
                    [key: string]: unknown;
                };
                district: string | null;
                electronic: {
                    /** @description rows that are regional totals, not polling stations (the 2024 DEG table, one per region) */
                    aggregates: number;
                    cast: number;
                    choices: ({
                        idx: number;
                        label: string;
                        label_en: string | null;
                        pct_of_cast: number | null;
                        /** @description share of valid ballots */
                        pct_of_valid: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    flagged: number;
                    invalid: number;
                    issued: number;
                    registered: number;
                    /** @description polling stations (regional totals are counted in aggregates, not here) */
                    stations: number;
                    /** @description ballots issued / registered, as a fraction */
                    turnout: number | null;
                    turnout_pct: number | null;
                    valid: number;
                } & {
                    [key: string]: unknown;
                };
                paper: {
                    /** @description rows that are regional totals, not polling stations (the 2024 DEG table, one per region) */
                    aggregates: number;
                    cast: number;
                    choices: ({
                        idx: number;
                        label: string;
                        label_en: string | null;
                        pct_of_cast: number | null;
                        /** @description share of valid ballots */
                        pct_of_valid: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    flagged: number;
                    invalid: number;
                    issued: number;
                    registered: number;
                    /** @description polling stations (regional totals are counted in aggregates, not here) */
                    stations: number;
                    /** @description ballots issued / registered, as a fraction */
                    turnout: number | null;
                    turnout_pct: number | null;
                    valid: number;
                } & {
                    [key: string]: unknown;
                };
                region: string | null;
                region_code: string | null;
            } & {
                [key: string]: unknown;
            })[];
            method: string;
            rejects: {
                detail: string;
                file: string;
                line: number;
                reason: string;
            }[];
            /**
             * @description rejected lines are no station and have no region: rejects_total and rejects are the whole election, whatever the filter
             * @enum {string}
             */
            rejects_scope: "election";
            /** @description lines of the election's files rejected (not in any total); `rejects` lists the first 20 */
            rejects_total: number;
            source: {
                credit: string;
                files: ({
                    file: string;
                    flagged: number;
                    /** @description protocol, single_mandate or deg_series */
                    format: string;
                    imported_at: string;
                    lines_read: number;
                    rejected: number;
                    sha256: string;
                    stored: number;
                } & {
                    [key: string]: unknown;
                })[];
            } & {
                [key: string]: unknown;
            };
            totals: {
                all: {
                    /** @description rows that are regional totals, not polling stations (the 2024 DEG table, one per region) */
                    aggregates: number;
                    cast: number;
                    choices: ({
                        idx: number;
                        label: string;
                        label_en: string | null;
                        pct_of_cast: number | null;
                        /** @description share of valid ballots */
                        pct_of_valid: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    flagged: number;
                    invalid: number;
                    issued: number;
                    registered: number;
                    /** @description polling stations (regional totals are counted in aggregates, not here) */
                    stations: number;
                    /** @description ballots issued / registered, as a fraction */
                    turnout: number | null;
                    turnout_pct: number | null;
                    valid: number;
                } & {
                    [key: string]: unknown;
                };
                electronic: {
                    /** @description rows that are regional totals, not polling stations (the 2024 DEG table, one per region) */
                    aggregates: number;
                    cast: number;
                    choices: ({
                        idx: number;
                        label: string;
                        label_en: string | null;
                        pct_of_cast: number | null;
                        /** @description share of valid ballots */
                        pct_of_valid: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    flagged: number;
                    invalid: number;
                    issued: number;
                    registered: number;
                    /** @description polling stations (regional totals are counted in aggregates, not here) */
                    stations: number;
                    /** @description ballots issued / registered, as a fraction */
                    turnout: number | null;
                    turnout_pct: number | null;
                    valid: number;
                } & {
                    [key: string]: unknown;
                };
                paper: {
                    /** @description rows that are regional totals, not polling stations (the 2024 DEG table, one per region) */
                    aggregates: number;
                    cast: number;
                    choices: ({
                        idx: number;
                        label: string;
                        label_en: string | null;
                        pct_of_cast: number | null;
                        /** @description share of valid ballots */
                        pct_of_valid: number | null;
                        votes: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    flagged: number;
                    invalid: number;
                    issued: number;
                    registered: number;
                    /** @description polling stations (regional totals are counted in aggregates, not here) */
                    stations: number;
                    /** @description ballots issued / registered, as a fraction */
                    turnout: number | null;
                    turnout_pct: number | null;
                    valid: number;
                } & {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        Event: {
            /** @default [] */
            actors: {
                name: string;
                /** @enum {string} */
                role: "ordered_by" | "implemented_by" | "company" | "beneficiary" | "other";
            }[];
            /** @enum {string} */
            category: "shutdown" | "throttling" | "block" | "app_removal" | "content_takedown" | "law" | "surveillance" | "repression" | "election_technology" | "cooperation";
            /**
             * @default medium
             * @enum {string}
             */
            confidence: "high" | "medium" | "low";
            countries: string[];
            created_at: string;
            /**
             * @default day
             * @enum {string}
             */
            date_precision: "hour" | "day" | "month" | "year";
            /** @default null */
            end: string | null;
            /** @default null */
            geocode: {
                /** @default null */
                reason: string | null;
                /** @enum {string} */
                status: "ok" | "partial" | "failed" | "national" | "manual";
                text: string;
                /** @default [] */
                unmatched: string[];
            } | null;
            id: string;
            /** @default [] */
            networks: string[];
            /** @default null */
            notes: string | null;
            /** @default null */
            people_affected: {
                estimate: number;
                /** @default null */
                note: string | null;
                /** @default null */
                source_url: string | null;
                /** @default people */
                unit: string;
            } | null;
            /** @default [] */
            places: {
                /** @enum {string} */
                confidence: "high" | "medium" | "low";
                /** @default null */
                geonames_id: number | null;
                /** @enum {string} */
                kind: "region" | "district" | "place";
                name: string;
                /** @description set when the area text spells the name differently (a typo or transliteration): what it said, the gazetteer name matched, the edits between (a vowel for a vowel counts half) */
                near_match?: {
                    edits: number;
                    name: string;
                    text: string;
                };
                /** @description set when the area text names only a part of the unit ("parts of"): the phrase; the population is then half the unit's, the expected share of a part of unstated size */
                part?: string;
                population: number;
                population_method: string;
                /** @default null */
                region: string | null;
                /** @default null */
                region_name: string | null;
            }[];
            /** @default null */
            population_affected: {
                /** @enum {string} */
                confidence: "high" | "medium" | "low";
                estimate: number;
                method: string;
                national_population: number;
                /** @default null */
                note: string | null;
                /** @description share of the national population */
                share: number;
                sources: string[];
                year: number;
            } | null;
            /** @description regions whose code has equivalents (e.g. disputed areas), with a note */
            region_notes?: {
                code: string;
                equivalents: string[];
                note: string;
            }[];
            /** @default [] */
            regions: string[];
            /** @description starts at 1; every change adds one (the ETag of GET /api/events/{id}) */
            revision: number;
            /** @enum {string} */
            scope: "national" | "regional" | "local" | "isp" | "platform";
            sources: {
                /** @default null */
                archive_url: string | null;
                /** @default null */
                locator: string | null;
                /** @default null */
                published: string | null;
                publisher: string;
                title: string;
                url: string;
            }[];
            start: string;
            /** @enum {string} */
            status: "active" | "draft" | "retracted" | "dismissed";
            subtype: string;
            /** @default  */
            summary: string;
            /** @default [] */
            tags: string[];
            /** @default [] */
            targets: {
                /** @enum {string} */
                kind: "service" | "platform" | "domain" | "app" | "protocol" | "ip_range" | "population";
                name: string;
            }[];
            title: string;
            updated_at: string;
        };
        EventCost: {
            estimates: components["schemas"]["CostEstimate"][];
            event: {
                category: string;
                countries: string[];
                end: string | null;
                /** @description true when the event has no end and its source recorded none it trusts (not marked ongoing): the end is unknown, not ongoing */
                end_not_recorded: boolean;
                id: string;
                regions: string[];
                start: string;
                status: string;
                subtype: string;
                title: string;
            };
            /** @description how the event became a scenario */
            mapping: string[];
            /** @description what the ledger does not record and the scenario needs (supply it as a parameter) */
            missing: {
                field: string;
                reason: string;
            }[];
            scenario?: components["schemas"]["CostScenario"];
            skipped?: {
                method: string;
                parameter: string;
                reason: string;
            }[];
            spread?: {
                currency: string;
                max_median: number;
                methods: number;
                min_median: number;
                ratio: number | null;
            } | null;
        };
        EventCounts: {
            items: {
                category: string;
                count: number;
                country: string;
                year: number;
            }[];
            next_cursor: null;
            /** @description categories counted as technical controls (the rest are legal, offline or cooperation) */
            technical_categories: string[];
        };
        EventDocument: {
            /** @default [] */
            actors: {
                name: string;
                /** @enum {string} */
                role: "ordered_by" | "implemented_by" | "company" | "beneficiary" | "other";
            }[];
            /** @enum {string} */
            category: "shutdown" | "throttling" | "block" | "app_removal" | "content_takedown" | "law" | "surveillance" | "repression" | "election_technology" | "cooperation";
            /**
             * @default medium
             * @enum {string}
             */
            confidence: "high" | "medium" | "low";
            countries: string[];
            created_at: string;
            /**
             * @default day
             * @enum {string}
             */
            date_precision: "hour" | "day" | "month" | "year";
            /** @default null */
            end: string | null;
            /** @default null */
            geocode: {
                /** @default null */
                reason: string | null;
                /** @enum {string} */
                status: "ok" | "partial" | "failed" | "national" | "manual";
                text: string;
                /** @default [] */
                unmatched: string[];
            } | null;
            id: string;
            links: components["schemas"]["EventLink"][];
            measurement_evidence?: components["schemas"]["MeasurementEvidence"][];
            /** @default [] */
            networks: string[];
            /** @default null */
            notes: string | null;
            /** @default null */
            people_affected: {
                estimate: number;
                /** @default null */
                note: string | null;
                /** @default null */
                source_url: string | null;
                /** @default people */
                unit: string;
            } | null;
            /** @default [] */
            places: {
                /** @enum {string} */
                confidence: "high" | "medium" | "low";
                /** @default null */
                geonames_id: number | null;
                /** @enum {string} */
                kind: "region" | "district" | "place";
                name: string;
                /** @description set when the area text spells the name differently (a typo or transliteration): what it said, the gazetteer name matched, the edits between (a vowel for a vowel counts half) */
                near_match?: {
                    edits: number;
                    name: string;
                    text: string;
                };
                /** @description set when the area text names only a part of the unit ("parts of"): the phrase; the population is then half the unit's, the expected share of a part of unstated size */
                part?: string;
                population: number;
                population_method: string;
                /** @default null */
                region: string | null;
                /** @default null */
                region_name: string | null;
            }[];
            /** @default null */
            population_affected: {
                /** @enum {string} */
                confidence: "high" | "medium" | "low";
                estimate: number;
                method: string;
                national_population: number;
                /** @default null */
                note: string | null;
                /** @description share of the national population */
                share: number;
                sources: string[];
                year: number;
            } | null;
            /** @description regions whose code has equivalents (e.g. disputed areas), with a note */
            region_notes?: {
                code: string;
                equivalents: string[];
                note: string;
            }[];
            /** @default [] */
            regions: string[];
            /** @description starts at 1; every change adds one (the ETag of GET /api/events/{id}) */
            revision: number;
            /** @enum {string} */
            scope: "national" | "regional" | "local" | "isp" | "platform";
            sources: {
                /** @default null */
                archive_url: string | null;
                /** @default null */
                locator: string | null;
                /** @default null */
                published: string | null;
                publisher: string;
                title: string;
                url: string;
            }[];
            start: string;
            /** @enum {string} */
            status: "active" | "draft" | "retracted" | "dismissed";
            subtype: string;
            /** @default  */
            summary: string;
            /** @default [] */
            tags: string[];
            /** @default [] */
            targets: {
                /** @enum {string} */
                kind: "service" | "platform" | "domain" | "app" | "protocol" | "ip_range" | "population";
                name: string;
            }[];
            title: string;
            updated_at: string;
        };
        EventExport: {
            items: components["schemas"]["Event"][];
            next_cursor: null;
        };
        EventHistory: {
            items: components["schemas"]["EventRevision"][];
            next_cursor: null;
        };
        EventLink: {
            doc: {
                [key: string]: unknown;
            } | null;
            eventId: string;
            kind: string;
            target: string;
        };
        EventList: {
            items: components["schemas"]["Event"][];
            next_cursor: string | null;
            total: number;
        };
        EventRevision: {
            action: string;
            actor: string;
            at: string;
            /** @description the event as stored by this change */
            current: {
                [key: string]: unknown;
            };
            /** @description the event as stored before this change, in the model of its day (null for the creation) */
            previous: {
                [key: string]: unknown;
            } | null;
            reason: string | null;
            revision: number;
        };
        Health: {
            /** @description null when no shard answers (unknown) */
            schema_version: number | null;
            /** @description null when no shard answers (unknown) */
            server_version: string | null;
            /** @description ClickHouse only; not_answering names each shard that does not answer and why */
            shards?: {
                answering: number;
                not_answering: {
                    error: string | null;
                    host: string;
                    port: number;
                    shard: number;
                }[];
                total: number;
            };
            /**
             * @description degraded: a shard of the ClickHouse store does not answer; down (HTTP 503): none does
             * @enum {string}
             */
            status: "ok" | "degraded" | "down";
            /** @description the store kind (duckdb or clickhouse) */
            store: string;
        };
        IndicatorList: {
            items: components["schemas"]["IndicatorSeries"][];
            next_cursor: null;
        };
        IndicatorSeries: {
            country: string | null;
            description: string;
            id: string;
            origin: string;
            title: string;
            unit: string;
            values: {
                disputed: boolean;
                note: string | null;
                period: string;
                source: {
                    /** @default null */
                    archive_url: string | null;
                    /** @default null */
                    locator: string | null;
                    /** @default null */
                    published: string | null;
                    publisher: string;
                    title: string;
                    url: string;
                };
                value: number;
            }[];
        };
        LedgerCost: {
            estimates: number;
            events_not_priced: number;
            /** @description events the from/to filter selected as ongoing whose priced span (an end imputed, or --end) lies wholly outside the window: left out of the rows */
            events_outside_window: number;
            events_priced: number;
            events_read: number;
            filters: {
                category?: string;
                country?: string;
                from?: string;
                q?: string;
                region?: string;
                subtype?: string;
                to?: string;
            };
            items: components["schemas"]["LedgerCostRow"][];
            /** @description events not priced, by the field they miss */
            missing_by_field: {
                [key: string]: number;
            };
            outside_window: {
                event_id: string;
                priced_from: string;
                priced_to: string;
            }[];
            overrides: components["schemas"]["CostOverrides"];
        };
        LedgerCostRow: {
            category: string | number | null;
            country: string | number | null;
            currency: string | number | null;
            data_vintage: string | number | null;
            data_years: string | number | null;
            end: string | number | null;
            event_id: string | number | null;
            high: string | number | null;
            low: string | number | null;
            median: string | number | null;
            method: string | number | null;
            method_version: string | number | null;
            missing: string | number | null;
            point: string | number | null;
            priced_from: string | number | null;
            priced_to: string | number | null;
            proxy: string | number | null;
            regions: string | number | null;
            start: string | number | null;
            subtype: string | number | null;
            title: string | number | null;
            usd_high: string | number | null;
            usd_low: string | number | null;
            usd_median: string | number | null;
            usd_rate: string | number | null;
            usd_rate_date: string | number | null;
        };
        Measurement: {
            anomaly: boolean;
            blocking_general: number;
            blocking_type: string | null;
            byte_length: number;
            byte_offset: number;
            confirmed: boolean;
            /** @description what each fired rule saw */
            evidence: unknown[];
            failure: boolean;
            /** @description the source file name */
            file: string | null;
            file_id: string;
            id: string;
            ingested_at: string;
            input: string | null;
            /** @description the layers that failed: dns, tcp, tls, http */
            layers: string[];
            line: number;
            measurement_start_time: string;
            measurement_uid: string | null;
            mechanism: string | null;
            platform: string | null;
            probe_asn: string;
            probe_cc: string;
            probe_network_name: string | null;
            /** @description the OONI measurement, re-read from its source file (null when unavailable) */
            raw?: unknown;
            raw_error: string | null;
            report_id: string | null;
            resolver_asn: string | null;
            /** @description the verdict rules that fired (GET /api/measurements/rules) */
            rules: string[];
            rules_version: string;
            software_name: string | null;
            software_version: string | null;
            source: string;
            /** @description blocked, likely_blocked, down, ok, invalid, insufficient */
            status: string;
            target: string;
            test_name: string;
            test_version: string | null;
        };
        MeasurementCell: {
            anomaly_count: number;
            blocked: number;
            bucket: string;
            confirmed_count: number;
            down: number;
            /** @description one measurement id per status */
            examples: {
                [key: string]: string;
            };
            failure_count: number;
            grain: string;
            insufficient: number;
            invalid: number;
            likely_blocked: number;
            /** @description measurements per blocking mechanism */
            mechanisms: {
                [key: string]: number;
            };
            n: number;
            ok: number;
            /** @description OONI MAT classes: ok/anomaly/confirmed/failure are mutually exclusive */
            ok_count: number;
            probe_asn: string;
            probe_cc: string;
            reports: number;
            target: string;
            test_name: string;
        };
        /** @description the summary of a saved measurement query linked to the event */
        MeasurementEvidence: {
            api: string;
            by_target: {
                [key: string]: unknown;
            }[];
            data_vintage?: unknown;
            filters: {
                [key: string]: unknown;
            };
            label: string | null;
            method: string;
            note: string | null;
            query: string;
            source: string;
            totals: {
                [key: string]: unknown;
            };
        };
        MeasurementList: {
            items: components["schemas"]["MeasurementRow"][];
            next_cursor: string | null;
            source: string;
        };
        MeasurementRow: {
            anomaly: boolean;
            confirmed: boolean;
            failure: boolean;
            id: string;
            input: string | null;
            /** @description the layers that failed: dns, tcp, tls, http */
            layers: string[];
            measurement_start_time: string;
            mechanism: string | null;
            probe_asn: string;
            probe_cc: string;
            probe_network_name: string | null;
            report_id: string | null;
            /** @description the verdict rules that fired (GET /api/measurements/rules) */
            rules: string[];
            /** @description blocked, likely_blocked, down, ok, invalid, insufficient */
            status: string;
            target: string;
            test_name: string;
        };
        MeasurementSummary: {
            by_target: {
                anomaly_count: number;
                blocked: number;
                confirmed_count: number;
                down: number;
                /** @description one measurement id per status */
                examples: {
                    [key: string]: string;
                };
                failure_count: number;
                insufficient: number;
                invalid: number;
                likely_blocked: number;
                /** @description measurements per blocking mechanism */
                mechanisms: {
                    [key: string]: number;
                };
                n: number;
                networks: number;
                ok: number;
                /** @description OONI MAT classes: ok/anomaly/confirmed/failure are mutually exclusive */
                ok_count: number;
                probe_cc: string;
                target: string;
                test_name: string;
            }[];
            cells: components["schemas"]["MeasurementCell"][];
            data_vintage: {
                first_bucket: string | null;
                last_bucket: string | null;
            };
            filters: {
                /** @enum {string} */
                grain: "day" | "hour";
                probe_asn?: string;
                probe_cc?: string;
                since?: string;
                status?: string;
                target?: string;
                test_name?: string;
                until?: string;
            };
            method: string;
            rules_version: string;
            source: string;
            totals: {
                anomaly_count: number;
                blocked: number;
                confirmed_count: number;
                down: number;
                /** @description one measurement id per status */
                examples: {
                    [key: string]: string;
                };
                failure_count: number;
                insufficient: number;
                invalid: number;
                likely_blocked: number;
                /** @description measurements per blocking mechanism */
                mechanisms: {
                    [key: string]: number;
                };
                n: number;
                ok: number;
                /** @description OONI MAT classes: ok/anomaly/confirmed/failure are mutually exclusive */
                ok_count: number;
            };
            /** @description cells are the summary unit: the period its counts cover, since/until moved out to whole cells of the grain */
            window: {
                /** @description the start of the first cell counted (UTC), null when no since was given */
                since: string | null;
                /** @description the end of the last cell counted (UTC, exclusive: the next cell starts there), null when no until was given */
                until: string | null;
                /** @description true when since or until falls inside a cell: the whole cell is counted, so the period covered is since..until here, wider than asked */
                widened: boolean;
            };
        };
        Network: {
            anomaly_count: number;
            confirmed_count: number;
            first: string;
            last: string;
            measurements: number;
            /** @description probe_network_name values seen (null when no measurement named the network) */
            names: string[] | null;
            probe_asn: string;
            probe_cc: string;
        };
        NetworkList: {
            items: components["schemas"]["Network"][];
            source: string;
        };
        /** @description RFC 9457 problem; some codes add details: allowed_dirs (FORBIDDEN file access), required_scope (FORBIDDEN scope), retry_after_s (RATE_LIMITED), limit_bytes, id */
        Problem: {
            code: string;
            detail: string;
            errors?: {
                message: string;
                path: string;
                pointer: string;
            }[];
            /** @description the request path */
            instance?: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** @description today's IP-to-AS table the attribution used (package, version, licence) */
        RegistryAsData: {
            attribution: string;
            file: string;
            licence: string;
            note: string;
            package: string;
            rows?: number;
            version: string;
            vintage: string;
        };
        RegistryAsns: {
            as_data: components["schemas"]["RegistryAsData"];
            collateral_rule: string;
            items: {
                announced: number;
                asn: number;
                blocked: number;
                collateral: number;
                org: string;
                share_of_announced: number;
                target: number;
            }[];
            method: string;
            organisations: {
                announced: number;
                /** @description AS numbers */
                asns: number[];
                blocked: number;
                org: string;
                share_of_announced: number;
            }[];
            snapshot: components["schemas"]["RegistrySnapshot"];
            totals: {
                asns: number;
                attributed: number;
                blocked: number;
                not_announced_today: number;
                organisations: number;
            };
        };
        /** @description target versus collateral IPv4 addresses, collateral by organisation */
        RegistryCollateral: {
            collateral: number;
            collateral_by_org: {
                addresses: number;
                /** @description AS numbers */
                asns: number[];
                org: string;
            }[];
            collateral_not_announced_today: number;
            named_services: {
                asn_org_mismatches: string[];
                /** @description AS numbers */
                asns: number[];
                decision_addresses: number;
                decision_number: string;
                outside_service: number;
                service: string;
                target: number;
            }[];
            rule: string;
            target: number;
        };
        RegistryDecision: {
            as_data: components["schemas"]["RegistryAsData"];
            decision_bodies: string[];
            decision_dates: string[];
            decision_number: string;
            first_snapshot: string | null;
            sample_entries: {
                domain: string | null;
                ips: string[];
                line: number;
                snapshot: string;
                source_file: string;
                urls: string[];
            }[];
            snapshots: {
                collateral: components["schemas"]["RegistryCollateral"];
                /** @description the bodies of this snapshot's entries of the decision */
                decision_bodies: string[];
                /** @description the dates of this snapshot's entries of the decision, sorted */
                decision_dates: string[];
                dump_at: string;
                entries: number;
                ipv4: {
                    distinct_addresses: number;
                    listed_addresses: number;
                    tokens: number;
                };
                ipv6: {
                    distinct_addresses: string;
                };
                lower_bound: boolean;
                not_announced_today: number;
                organisations: {
                    addresses: number;
                    /** @description AS numbers */
                    asns: number[];
                    org: string;
                }[];
                snapshot: string;
                with_domain: number;
                with_urls: number;
            }[];
        };
        RegistryLookup: {
            as: {
                as_data: string;
                asn: number;
                org: string;
            } | null;
            decisions: {
                decision_body: string;
                decision_date: string | null;
                decision_number: string;
                /** @description register records of this decision listing the query (a record counts once, however many of its ranges hold the address) */
                entries: number;
                snapshots: string[];
            }[];
            /** @description every register record listing the query */
            entries_total: number;
            /** @enum {string} */
            kind: "ip" | "domain";
            listed: boolean;
            /** @description the address or domain searched: the host of a URL, a domain in lower case without its trailing dot */
            looked_up: string;
            /**
             * @description "url" when looked_up is the host of the URL given
             * @enum {string|null}
             */
            looked_up_from: "url" | null;
            matches: {
                decision_body: string;
                decision_date: string | null;
                decision_number: string;
                domain: string | null;
                dump_at: string;
                ips: string[];
                line: number;
                matched: string | null;
                snapshot: string;
                snapshot_lower_bound: boolean;
                source_file: string;
                urls: string[];
                urls_total: number;
            }[];
            /** @description every match, one per containing range of a record (or per record for a domain); `matches` is one page of them */
            matches_total: number;
            /** @description pass as `cursor` for the next page of `matches`; null when this page holds the last match */
            next_cursor: string | null;
            note: string;
            query: string;
            since: {
                decision_date: string | null;
                first_snapshot: string;
                first_snapshot_dump_at: string;
                last_snapshot: string;
            } | null;
            snapshots_searched: {
                id: string;
                lower_bound: boolean;
            }[];
        };
        RegistrySnapshot: {
            complete: boolean;
            dump_at: string;
            files: {
                file: string;
                format: string;
                provenance: {
                    [key: string]: unknown;
                } | null;
                rejected: number;
                sha256: string;
                stored: number;
            }[];
            id: string;
            kind: string;
            /** @description true: every figure of this snapshot is a lower bound (truncated, partial or derived files) */
            lower_bound: boolean;
            /** @description the rule that chose this snapshot */
            selected_by?: string;
            time_basis: string;
        };
        RegistrySummary: {
            as_data: components["schemas"]["RegistryAsData"];
            by_body: {
                decision_body: string;
                decisions: number;
                entries: number;
                ipv4_distinct: number;
            }[];
            collateral: components["schemas"]["RegistryCollateral"];
            entries: {
                decisions: number;
                total: number;
                with_domain: number;
                with_ips: number;
                with_urls: number;
            };
            /** @description where the snapshot series are published */
            indicators: string;
            ipv4: {
                distinct_addresses: number;
                listed_addresses: number;
                overlap_counted_twice: number;
                ranges: number;
                single_addresses: number;
                tokens: number;
                union_intervals: number;
            };
            ipv6: {
                /** @description decimal string (exceeds 2^53) */
                distinct_addresses: string;
                note: string;
                tokens: number;
            };
            largest_ranges: {
                addresses: number;
                decision_body: string;
                decision_date: string | null;
                decision_number: string;
                range: string;
            }[];
            method: string;
            not_announced_today: number;
            snapshot: components["schemas"]["RegistrySnapshot"];
            snapshots: {
                complete: boolean;
                dump_at: string;
                entries: number;
                id: string;
                ipv4_distinct: number;
                kind: string;
                lower_bound: boolean;
            }[];
            top_decisions: {
                decision_bodies: string[];
                decision_dates: string[];
                decision_number: string;
                entries: number;
                ipv4_distinct: number;
                ipv4_listed: number;
            }[];
            top_organisations: {
                announced: number;
                /** @description AS numbers */
                asns: number[];
                blocked: number;
                org: string;
                share_of_announced: number;
            }[];
        };
        Rules: {
            items: {
                doc: string;
                id: string;
                /** @enum {string} */
                layer: "dns" | "tcp" | "tls" | "http" | "app" | "validity" | "any";
                /** @description why this rule may contradict OONI's anomaly flag */
                overrides?: string;
                /** @enum {string} */
                status: "blocked" | "likely_blocked" | "down" | "ok" | "invalid" | "insufficient" | "note";
                version: number;
            }[];
            rules_version: string;
        };
        SpeedTestSummary: {
            data_vintage: {
                first_day: string | null;
                last_day: string | null;
            };
            items: components["schemas"]["ThrottleDay"][];
            method: string;
            /** @description the thresholds the verdicts used */
            params: {
                [key: string]: number;
            };
            sources: components["schemas"]["DataSource"][];
            /** @description verdicts are per UTC day: the period counted, since/until moved out to whole days */
            window: {
                /** @description the start of the first day counted (UTC), null when no since was given */
                since: string | null;
                /** @description the end of the last day counted (UTC, exclusive), null when no until was given */
                until: string | null;
                /** @description true when since or until was a time inside a day: the whole UTC day is counted, so the period is wider than asked */
                widened: boolean;
            };
        };
        ThrottleDay: {
            as_name: string | null;
            /** @example AS12389 */
            asn: string;
            cc: string;
            /** @example 2021-03-13 */
            day: string;
            median_control_kbps: number | null;
            median_target_kbps: number | null;
            /** @description tests that count (control reached 1 Mbps) */
            n: number;
            share_throttled: number | null;
            /** @description what the tests measured (the dataset's target_host; null when the dataset names none): tests of two targets are never pooled */
            target: string | null;
            /** @description tests read that day, counted or not */
            tests_read: number;
            /** @enum {string} */
            verdict: "throttled" | "not_throttled" | "insufficient";
        };
        ThroughputDay: {
            as_name: string | null;
            /** @example AS8359 */
            asn: string;
            cc: string;
            /** @example 2021-03-13 */
            day: string;
            median_control_kbps: number | null;
            median_control_tls_handshake_ms: number | null;
            median_target_kbps: number | null;
            median_tls_handshake_ms: number | null;
            /** @description measurements paired with their session whose control reached 1 Mbps */
            n: number;
            share_throttled: number | null;
            /** @example abs.twimg.com */
            target: string;
            /** @description measurements paired with their session, counted or not */
            tests_read: number;
            /** @enum {string} */
            verdict: "throttled" | "not_throttled" | "insufficient";
        };
        ThroughputSummary: {
            /** @description network events that could not be used, by reason (missing_num_bytes, negative_num_bytes, missing_t, non_monotonic_t, ...) */
            bad_events: {
                [key: string]: number;
            };
            data_vintage: {
                first_day: string | null;
                last_day: string | null;
            };
            /** @description measurements left out of the pairing, by reason: measurements_with_network_events = paired + their sum */
            excluded: {
                no_control: number;
                no_throughput: number;
                too_few_bytes: number;
            };
            /** @description ingested files whose network_events were not read yet (splinternet throughput extract) */
            files_not_extracted: number;
            /** @enum {string} */
            input: "ooni_network_events";
            items: components["schemas"]["ThroughputDay"][];
            measurements_with_network_events: number;
            method: string;
            paired: number;
            /** @description the thresholds the verdicts used */
            params: {
                [key: string]: number;
            };
            sources: components["schemas"]["DataSource"][];
            /** @description verdicts are per UTC day: the period counted, since/until moved out to whole days */
            window: {
                /** @description the start of the first day counted (UTC), null when no since was given */
                since: string | null;
                /** @description the end of the last day counted (UTC, exclusive), null when no until was given */
                until: string | null;
                /** @description true when since or until was a time inside a day: the whole UTC day is counted, so the period is wider than asked */
                widened: boolean;
            };
            /** @description measurements with at least one bad network event, paired or left out (the rest of their events still timed); counted apart from excluded */
            with_bad_events: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "ops.run": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the operation */
                name: "events.list" | "events.show" | "events.history" | "events.counts" | "events.add" | "events.edit" | "events.status" | "events.confirm" | "events.dismiss" | "events.import" | "events.geocode" | "events.export" | "indicators.list" | "indicators.export" | "tokens.create" | "tokens.list" | "tokens.revoke" | "db.info" | "db.schema" | "db.derived" | "db.migrate" | "db.seed" | "db.verify" | "db.backup" | "speedtests.import" | "speedtests.summary" | "throughput.extract" | "throughput.rejects" | "throughput.summary" | "detect.run" | "detections.list" | "measurements.ingest" | "measurements.summary" | "measurements.list" | "measurements.rules" | "measurements.get" | "measurements.networks" | "measurements.export" | "measurements.rescore" | "measurements.agreement" | "measurements.agreement_files" | "measurements.files" | "measurements.link" | "fingerprints.import" | "fingerprints.list" | "data.import" | "cost.estimate" | "cost.batch" | "cost.regions" | "cost.event" | "cost.events" | "cost.compare" | "cost.methods" | "registry.import" | "registry.summary" | "registry.asns" | "registry.decision" | "registry.lookup" | "elections.import" | "elections.list" | "elections.summary" | "elections.rejects" | "elections.electronic" | "elections.fingerprints" | "elections.integers" | "elections.shpilkin" | "signals.import" | "signals.list" | "signals.points" | "signals.rejects" | "hooks.add" | "hooks.list" | "hooks.rotate-key" | "hooks.remove" | "hooks.deliveries" | "hooks.replay" | "hooks.deliver" | "watch.status" | "watch.new";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description NDJSON: progress lines, then the result or the error */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description The input is not valid for the operation (naming each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or a file is outside its folders */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No operation of that name, or a server file the input names is not there (INGEST_IO: missing, or a folder where a file is wanted) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The operation conflicts with what is stored (a token revoked twice, a webhook sealed under a key not held, a removed subscription replayed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 1048576 bytes (1 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared as JSON (Content-Type: application/json, UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Cost pricing is busy (the cost.* operations); retry in a few seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.data.import": {
        parameters: {
            query: {
                /** @description the file name (dates and years are read from it) */
                filename: string;
                indicator?: string;
                kind: "worldbank" | "owid" | "rosstat-grp" | "rosstat-regional" | "nbs-grp" | "cbr-usd-rub";
                source?: string;
                vintage?: string;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The upload (name, bytes, SHA-256) and the op's result (counts read, stored, rejected). An import that rejected some rows is answered 200 too, as every partial result over HTTP: its result lists the rejects (the CLI exits 3 on the same report) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: {
                            [key: string]: unknown;
                        };
                        upload: {
                            bytes: number;
                            filename: string;
                            sha256: string;
                        };
                    };
                };
            };
            /** @description Invalid input (each field named), an empty body, or a file the importer refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused or without the op’s scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over the upload limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server's upload folder is not private to the server's user (another owner, group or other access, a symbolic link): nothing stored */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.elections.import": {
        parameters: {
            query: {
                /** @description election id */
                election?: string;
                /** @description the file name (dates and years are read from it) */
                filename: string;
                force?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The upload (name, bytes, SHA-256) and the op's result (counts read, stored, rejected). An import that rejected some rows is answered 200 too, as every partial result over HTTP: its result lists the rejects (the CLI exits 3 on the same report) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: {
                            [key: string]: unknown;
                        };
                        upload: {
                            bytes: number;
                            filename: string;
                            sha256: string;
                        };
                    };
                };
            };
            /** @description Invalid input (each field named), an empty body, or a file the importer refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused or without the op’s scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over the upload limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server's upload folder is not private to the server's user (another owner, group or other access, a symbolic link): nothing stored */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.events.import": {
        parameters: {
            query: {
                /** @description with full: the file is the whole snapshot even though it holds fewer than half the records the store holds of the latest snapshot */
                allow_shrink?: boolean;
                /** @description the file name (dates and years are read from it) */
                filename: string;
                format?: "stop";
                /** @description the file is the whole snapshot: STOP events none of its records describes any more are retracted (never without it). A retraction is a ledger edit: over HTTP full=true needs the "write" scope as well as "import". Nothing is retracted when the file holds no record, is dated before the latest snapshot imported, or holds fewer than half the records the store holds of that snapshot (see allow_shrink); absent_check says why */
                full?: boolean;
                snapshot?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The upload (name, bytes, SHA-256) and the op's result (counts read, stored, rejected). An import that rejected some rows is answered 200 too, as every partial result over HTTP: its result lists the rejects (the CLI exits 3 on the same report) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: {
                            [key: string]: unknown;
                        };
                        upload: {
                            bytes: number;
                            filename: string;
                            sha256: string;
                        };
                    };
                };
            };
            /** @description Invalid input (each field named), an empty body, or a file the importer refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused or without the op’s scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over the upload limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server's upload folder is not private to the server's user (another owner, group or other access, a symbolic link): nothing stored */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.fingerprints.import": {
        parameters: {
            query: {
                /** @description the file name (dates and years are read from it) */
                filename: string;
                kind?: "cp_blockpage" | "cp_false_positive";
                source?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The upload (name, bytes, SHA-256) and the op's result (counts read, stored, rejected). An import that rejected some rows is answered 200 too, as every partial result over HTTP: its result lists the rejects (the CLI exits 3 on the same report) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: {
                            [key: string]: unknown;
                        };
                        upload: {
                            bytes: number;
                            filename: string;
                            sha256: string;
                        };
                    };
                };
            };
            /** @description Invalid input (each field named), an empty body, or a file the importer refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused or without the op’s scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over the upload limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server's upload folder is not private to the server's user (another owner, group or other access, a symbolic link): nothing stored */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.measurements.ingest": {
        parameters: {
            query: {
                cc?: string[];
                engine?: "js" | "duckdb";
                /** @description the file name (dates and years are read from it) */
                filename: string;
                force?: boolean;
                /** @description reject lines longer than this many bytes (1024 to 16777216, the default) */
                max_line_bytes?: number;
                /** @description from the start of this date or time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                since?: string;
                test_name?: string[];
                /** @description up to the end of this date or time, inclusive: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                until?: string;
                workers?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The upload (name, bytes, SHA-256) and the op's result (counts read, stored, rejected). An import that rejected some rows is answered 200 too, as every partial result over HTTP: its result lists the rejects (the CLI exits 3 on the same report) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: {
                            [key: string]: unknown;
                        };
                        upload: {
                            bytes: number;
                            filename: string;
                            sha256: string;
                        };
                    };
                };
            };
            /** @description Invalid input (each field named), an empty body, or a file the importer refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused or without the op’s scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over the upload limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server's upload folder is not private to the server's user (another owner, group or other access, a symbolic link): nothing stored */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.registry.import": {
        parameters: {
            query: {
                dump_time?: string;
                /** @description the file name (dates and years are read from it) */
                filename: string;
                force?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The upload (name, bytes, SHA-256) and the op's result (counts read, stored, rejected). An import that rejected some rows is answered 200 too, as every partial result over HTTP: its result lists the rejects (the CLI exits 3 on the same report) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: {
                            [key: string]: unknown;
                        };
                        upload: {
                            bytes: number;
                            filename: string;
                            sha256: string;
                        };
                    };
                };
            };
            /** @description Invalid input (each field named), an empty body, or a file the importer refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused or without the op’s scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over the upload limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server's upload folder is not private to the server's user (another owner, group or other access, a symbolic link): nothing stored */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.signals.import": {
        parameters: {
            query: {
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive), or XK (Kosovo) and ZZ (unknown) as OONI probe_cc carries them */
                cc?: string;
                /** @description the file name (dates and years are read from it) */
                filename: string;
                /** @description the files are OONI measurement counts per network at this grain: a network's silent bins (measured in the 7 days before) are stored as 0; a bin whose record was rejected stays empty (counted in unfilled) */
                ooni_counts?: "day" | "hour";
                source?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The upload (name, bytes, SHA-256) and the op's result (counts read, stored, rejected). An import that rejected some rows is answered 200 too, as every partial result over HTTP: its result lists the rejects (the CLI exits 3 on the same report) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: {
                            [key: string]: unknown;
                        };
                        upload: {
                            bytes: number;
                            filename: string;
                            sha256: string;
                        };
                    };
                };
            };
            /** @description Invalid input (each field named), an empty body, or a file the importer refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused or without the op’s scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over the upload limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server's upload folder is not private to the server's user (another owner, group or other access, a symbolic link): nothing stored */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "uploads.speedtests.import": {
        parameters: {
            query: {
                /** @description the file name (dates and years are read from it) */
                filename: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The upload (name, bytes, SHA-256) and the op's result (counts read, stored, rejected). An import that rejected some rows is answered 200 too, as every partial result over HTTP: its result lists the rejects (the CLI exits 3 on the same report) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: {
                            [key: string]: unknown;
                        };
                        upload: {
                            bytes: number;
                            filename: string;
                            sha256: string;
                        };
                    };
                };
            };
            /** @description Invalid input (each field named), an empty body, or a file the importer refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused or without the op’s scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over the upload limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server's upload folder is not private to the server's user (another owner, group or other access, a symbolic link): nothing stored */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "cost.estimate": {
        parameters: {
            query: {
                /** @description share of the country's population cut off, in (0,1] (a proxy for its share of output); not with region */
                affected_share?: number;
                /** @description ISO 3166-1 alpha-2, e.g. RU */
                country: string;
                /** @description currency of the amounts: the local one (default), USD, or e.g. RUB, CNY */
                currency?: string;
                /** @description Monte Carlo draws (default 2000, 100–100000) */
                draws?: number;
                /** @description as start; a date-only end includes that day */
                end?: string;
                /** @description duration in hours (or give start and end) */
                hours?: number;
                /** @description market share of the ISP for type isp, in (0,1] */
                isp_share?: number;
                /** @description ozi-regional, deloitte-2016, brookings-2016, cost-escalated or all (default: all that can price the scenario) */
                method?: string | string[];
                /** @description for --type mobile or fixed: the share of the cost of a full shutdown a mobile one takes (fixed: 1 − it), in [0,1] */
                mobile_share?: number;
                /** @description platform name(s) for type platform or throttling, e.g. Telegram or "Facebook,Instagram" */
                platform?: string;
                /** @description override the platform weight table, in (0,1] */
                platform_weight?: number;
                /** @description ISO 3166-2 region(s), e.g. RU-MOW; repeat or comma-separate */
                region?: string | string[];
                /** @description alias of region */
                regions?: string | string[];
                /** @description random seed (default 1), 0 to 4294967295 */
                seed?: number;
                /** @description throttling severity in [0,1] (1 = unusable) */
                severity?: number;
                /** @description YYYY-MM-DD, YYYY-MM-DDTHH:MM (in tz) or ISO date-time with offset */
                start?: string;
                /** @description one of full, mobile, fixed, platform, throttling, isp */
                type: string;
                /** @description IANA time zone for local start/end and year boundaries (default UTC) */
                tz?: string;
                /** @description data year to use for every segment */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Estimates with inputs and sources */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostResult"];
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Pricing is busy or took too long (retry later, or ask for less work) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "cost.batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description share of the country's population cut off, in (0,1] (a proxy for its share of output); not with region */
                    affected_share?: number;
                    /** @description ISO 3166-1 alpha-2, e.g. RU */
                    country: string;
                    /** @description currency of the amounts: the local one (default), USD, or e.g. RUB, CNY */
                    currency?: string;
                    /** @description Monte Carlo draws (default 2000, 100–100000) */
                    draws?: number;
                    /** @description as start; a date-only end includes that day */
                    end?: string;
                    /** @description duration in hours (or give start and end) */
                    hours?: number;
                    /** @description market share of the ISP for type isp, in (0,1] */
                    isp_share?: number;
                    /** @description ozi-regional, deloitte-2016, brookings-2016, cost-escalated or all (default: all that can price the scenario) */
                    method?: string | string[];
                    /** @description for --type mobile or fixed: the share of the cost of a full shutdown a mobile one takes (fixed: 1 − it), in [0,1] */
                    mobile_share?: number;
                    /** @description platform name(s) for type platform or throttling, e.g. Telegram or "Facebook,Instagram" */
                    platform?: string;
                    /** @description override the platform weight table, in (0,1] */
                    platform_weight?: number;
                    /** @description ISO 3166-2 region(s), e.g. RU-MOW; repeat or comma-separate */
                    region?: string | string[];
                    /** @description alias of region */
                    regions?: string | string[];
                    /** @description random seed (default 1), 0 to 4294967295 */
                    seed?: number;
                    /** @description throttling severity in [0,1] (1 = unusable) */
                    severity?: number;
                    /** @description YYYY-MM-DD, YYYY-MM-DDTHH:MM (in tz) or ISO date-time with offset */
                    start?: string;
                    /** @description one of full, mobile, fixed, platform, throttling, isp */
                    type: string;
                    /** @description IANA time zone for local start/end and year boundaries (default UTC) */
                    tz?: string;
                    /** @description data year to use for every segment */
                    year?: number;
                } | {
                    /** @description share of the country's population cut off, in (0,1] (a proxy for its share of output); not with region */
                    affected_share?: number;
                    /** @description ISO 3166-1 alpha-2, e.g. RU */
                    country: string;
                    /** @description currency of the amounts: the local one (default), USD, or e.g. RUB, CNY */
                    currency?: string;
                    /** @description Monte Carlo draws (default 2000, 100–100000) */
                    draws?: number;
                    /** @description as start; a date-only end includes that day */
                    end?: string;
                    /** @description duration in hours (or give start and end) */
                    hours?: number;
                    /** @description market share of the ISP for type isp, in (0,1] */
                    isp_share?: number;
                    /** @description ozi-regional, deloitte-2016, brookings-2016, cost-escalated or all (default: all that can price the scenario) */
                    method?: string | string[];
                    /** @description for --type mobile or fixed: the share of the cost of a full shutdown a mobile one takes (fixed: 1 − it), in [0,1] */
                    mobile_share?: number;
                    /** @description platform name(s) for type platform or throttling, e.g. Telegram or "Facebook,Instagram" */
                    platform?: string;
                    /** @description override the platform weight table, in (0,1] */
                    platform_weight?: number;
                    /** @description ISO 3166-2 region(s), e.g. RU-MOW; repeat or comma-separate */
                    region?: string | string[];
                    /** @description alias of region */
                    regions?: string | string[];
                    /** @description random seed (default 1), 0 to 4294967295 */
                    seed?: number;
                    /** @description throttling severity in [0,1] (1 = unusable) */
                    severity?: number;
                    /** @description YYYY-MM-DD, YYYY-MM-DDTHH:MM (in tz) or ISO date-time with offset */
                    start?: string;
                    /** @description one of full, mobile, fixed, platform, throttling, isp */
                    type: string;
                    /** @description IANA time zone for local start/end and year boundaries (default UTC) */
                    tz?: string;
                    /** @description data year to use for every segment */
                    year?: number;
                }[];
            };
        };
        responses: {
            /** @description One result, or items in request order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostBatch"];
                };
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 1048576 bytes (1 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared as JSON (Content-Type: application/json, UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Pricing is busy or took too long (retry later, or ask for less work) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "cost.compare": {
        parameters: {
            query?: {
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                draws?: number;
                end?: string;
                format?: "csv" | "json" | "ndjson" | "parquet";
                seed?: number;
                severity?: number;
                source?: "top10vpn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rows per country and year, and a summary (JSON), or the file with `format` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostCompare"] | {
                        body: string;
                        /** @enum {string} */
                        encoding: "utf8" | "base64";
                        format: string;
                        method: string;
                        rows: number;
                        summary: {
                            both: number;
                            ours_only: number;
                            /** @description within_3x / both; null when no country-year is in both */
                            share_within_3x: number | null;
                            /** @description within_10x / both; null when no country-year is in both */
                            share_within_10x: number | null;
                            theirs_only: number;
                            within_3x: number;
                            within_10x: number;
                        };
                    };
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Pricing is busy or took too long (retry later, or ask for less work) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "cost.events": {
        parameters: {
            query?: {
                category?: "shutdown" | "throttling" | "block";
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                currency?: string;
                draws?: number;
                end?: string;
                format?: "csv" | "json" | "ndjson" | "parquet";
                from?: string;
                isp_share?: number;
                method?: string | string[];
                platform_weight?: number;
                q?: string;
                /** @description ISO 3166-2, e.g. RU-MOW */
                region?: string;
                seed?: number;
                severity?: number;
                /** @description a subtype of the taxonomy of shutdown, throttling or block (with category: one of that category's) */
                subtype?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rows and counts (JSON), or the file with `format` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerCost"] | {
                        body: string;
                        /** @enum {string} */
                        encoding: "utf8" | "base64";
                        estimates: number;
                        events_not_priced: number;
                        /** @description events the from/to filter selected as ongoing whose priced span (an end imputed, or --end) lies wholly outside the window: left out of the rows */
                        events_outside_window: number;
                        events_priced: number;
                        events_read: number;
                        filters: {
                            category?: string;
                            country?: string;
                            from?: string;
                            q?: string;
                            region?: string;
                            subtype?: string;
                            to?: string;
                        };
                        format: string;
                        /** @description events not priced, by the field they miss */
                        missing_by_field: {
                            [key: string]: number;
                        };
                        outside_window: {
                            event_id: string;
                            priced_from: string;
                            priced_to: string;
                        }[];
                        overrides: components["schemas"]["CostOverrides"];
                        rows: number;
                    };
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Pricing is busy or took too long (retry later, or ask for less work) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "cost.methods": {
        parameters: {
            query?: {
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text) */
                format?: "json" | "csv" | "ndjson" | "parquet";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Methods */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostMethods"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "cost.regions": {
        parameters: {
            query: {
                /** @description share of the country's population cut off, in (0,1] (a proxy for its share of output); not with region */
                affected_share?: number;
                /** @description ISO 3166-1 alpha-2, e.g. RU */
                country: string;
                /** @description currency of the amounts: the local one (default), USD, or e.g. RUB, CNY */
                currency?: string;
                /** @description Monte Carlo draws (default 2000, 100–100000) */
                draws?: number;
                /** @description as start; a date-only end includes that day */
                end?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text; every row carries method, method_version, currency, scenario, data_years, data_vintage, sources, notes) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description duration in hours (or give start and end) */
                hours?: number;
                /** @description market share of the ISP for type isp, in (0,1] */
                isp_share?: number;
                /** @description ozi-regional, deloitte-2016, brookings-2016, cost-escalated or all (default: all that can price the scenario) */
                method?: string | string[];
                /** @description for --type mobile or fixed: the share of the cost of a full shutdown a mobile one takes (fixed: 1 − it), in [0,1] */
                mobile_share?: number;
                /** @description platform name(s) for type platform or throttling, e.g. Telegram or "Facebook,Instagram" */
                platform?: string;
                /** @description override the platform weight table, in (0,1] */
                platform_weight?: number;
                /** @description random seed (default 1), 0 to 4294967295 */
                seed?: number;
                /** @description throttling severity in [0,1] (1 = unusable) */
                severity?: number;
                /** @description YYYY-MM-DD, YYYY-MM-DDTHH:MM (in tz) or ISO date-time with offset */
                start?: string;
                /** @description one of full, mobile, fixed, platform, throttling, isp */
                type: string;
                /** @description IANA time zone for local start/end and year boundaries (default UTC) */
                tz?: string;
                /** @description data year to use for every segment */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Regions ranked by median */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostRegions"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Pricing is busy or took too long (retry later, or ask for less work) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "detections.list": {
        parameters: {
            query?: {
                /** @description one network: network-level detections (no corroboration needed) */
                asn?: string;
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive), or XK (Kosovo) and ZZ (unknown) as OONI probe_cc carries them */
                cc?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description one input (the `input` each detection names): only the kinds that have it run; with `kind`, that kind's own inputs only */
                input?: "ooni_verdicts" | "ooni_volume" | "speedtests" | "ooni_network_events" | "outage_signals";
                kind?: "block" | "throttling" | "shutdown" | "outage";
                /** @description from the start of this date or time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                since?: string;
                /** @description one target (domain or app), e.g. abs.twimg.com: the block detector and the ooni_network_events throttling input run (not speedtests) */
                target?: string;
                /** @description up to the end of this date or time, inclusive: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Detections, with the ledger status of their drafts, and every series judged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetectionList"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "elections.list": {
        parameters: {
            query?: {
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text) */
                format?: "json" | "csv" | "ndjson" | "parquet";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Imported elections */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: ({
                            /** @description rows stored that are regional totals, not polling stations (the 2024 DEG table) */
                            aggregates: number;
                            /** @description files imported for it */
                            files: number;
                            flagged: number;
                            id: string;
                            kind: string;
                            ledger_events: string[];
                            rejected: number;
                            /** @description polling stations stored */
                            stations: number;
                            title: string;
                            year: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "elections.electronic": {
        parameters: {
            query?: {
                /** @description json (default): the answer; csv, ndjson or parquet: its districts as a file, one row each (nested values as JSON text; every row carries method, election, source) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description region: English, Russian or ISO 3166-2 (Moscow, город Москва, RU-MOW) */
                region?: string;
                /** @description also give each district its own DEG series per candidate and party */
                series?: boolean;
            };
            header?: never;
            path: {
                /** @description election id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per-district comparison, the DEG timeline (votes decrypted per 20-minute bin, summed over the districts), caveats and source */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ElectionElectronic"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Election not imported */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "elections.fingerprints": {
        parameters: {
            query?: {
                /** @description party or candidate measured: its ballot number (1) where the ballot numbers them, or a name or short name (United Russia, КПРФ, Путин); default the most voted */
                leader?: string;
                /** @description region: English, Russian or ISO 3166-2 (Moscow, город Москва, RU-MOW) */
                region?: string;
                /** @description Monte Carlo replicates (default 1000; 0 skips the integer test) */
                reps?: number;
                /** @description Monte Carlo seed (default 42), 0 to 4294967295 */
                seed?: number;
            };
            header?: never;
            path: {
                /** @description election id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each figure with its method, version and parameters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ElectionFingerprints"];
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Election not imported */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "elections.rejects": {
        parameters: {
            query?: {
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text; every row carries election) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description at most this many rows (1-100000) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description election id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rejected lines by file and line; total counts every one. A file (?format=csv|ndjson|parquet) holds every reject up to 100,000 unless limit is given; X-Rows-Total then says how many there are when the file holds fewer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        election: string;
                        items: {
                            detail: string;
                            file: string;
                            line: number;
                            reason: string;
                        }[];
                        /** @description rejects stored for the election, all of them */
                        total: number;
                    };
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Election not imported */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "elections.summary": {
        parameters: {
            query?: {
                by?: "region" | "district";
                /** @description single-mandate district (ОИК) number, a whole positive number (196) */
                district?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its groups as a file, one row each (nested values as JSON text; every row carries method, election, source) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description region: English, Russian or ISO 3166-2 (Moscow, город Москва, RU-MOW) */
                region?: string;
            };
            header?: never;
            path: {
                /** @description election id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Totals {all, paper, electronic}, groups, flags, rejects, source */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ElectionSummary"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Election not imported */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.list": {
        parameters: {
            query?: {
                category?: "shutdown" | "throttling" | "block" | "app_removal" | "content_takedown" | "law" | "surveillance" | "repression" | "election_technology" | "cooperation";
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description the previous page's next_cursor */
                cursor?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description events ending on or after (YYYY[-MM[-DD]]) */
                from?: string;
                /** @description also list retracted and dismissed events */
                include_retracted?: boolean;
                /** @description at most this many rows (1-1000) */
                limit?: number;
                /** @description where the event came from: the shipped seed, a STOP import, the local CLI, the HTTP API, or a detector draft */
                origin?: "seed" | "stop" | "cli" | "api" | "detect";
                /** @description text search in title, summary, targets, actors, tags */
                q?: string;
                /** @description events listing this ISO 3166-2 region or a code equivalent to it (UA-43 and RU-CR, UA-40 and RU-SEV) */
                region?: string;
                /** @description events starting on or after (YYYY[-MM[-DD]]); with to, exactly the events the counts by start year count in that range */
                started_from?: string;
                status?: "active" | "draft" | "retracted" | "dismissed";
                /** @description a subtype of the taxonomy (with category: one of that category's) */
                subtype?: string;
                /** @description events starting on or before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    /** @description on a file answer (csv, ndjson, parquet) that holds one page: `<this path and query with cursor=next_cursor>; rel="next"` */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    actors?: {
                        name: string;
                        /** @enum {string} */
                        role: "ordered_by" | "implemented_by" | "company" | "beneficiary" | "other";
                    }[];
                    /** @enum {string} */
                    category: "shutdown" | "throttling" | "block" | "app_removal" | "content_takedown" | "law" | "surveillance" | "repression" | "election_technology" | "cooperation";
                    /**
                     * @default medium
                     * @enum {string}
                     */
                    confidence?: "high" | "medium" | "low";
                    countries: string[];
                    /**
                     * @default day
                     * @enum {string}
                     */
                    date_precision?: "hour" | "day" | "month" | "year";
                    /** @default null */
                    end?: string | null;
                    /** @default null */
                    geocode?: {
                        /** @default null */
                        reason?: string | null;
                        /** @enum {string} */
                        status: "ok" | "partial" | "failed" | "national" | "manual";
                        text: string;
                        /** @default [] */
                        unmatched?: string[];
                    } | null;
                    id?: string;
                    /** @default [] */
                    networks?: string[];
                    /** @default null */
                    notes?: string | null;
                    /** @default null */
                    people_affected?: {
                        estimate: number;
                        /** @default null */
                        note?: string | null;
                        /** @default null */
                        source_url?: string | null;
                        /** @default people */
                        unit?: string;
                    } | null;
                    /** @default [] */
                    places?: {
                        /** @enum {string} */
                        confidence: "high" | "medium" | "low";
                        /** @default null */
                        geonames_id?: number | null;
                        /** @enum {string} */
                        kind: "region" | "district" | "place";
                        name: string;
                        /** @description set when the area text spells the name differently (a typo or transliteration): what it said, the gazetteer name matched, the edits between (a vowel for a vowel counts half) */
                        near_match?: {
                            edits: number;
                            name: string;
                            text: string;
                        };
                        /** @description set when the area text names only a part of the unit ("parts of"): the phrase; the population is then half the unit's, the expected share of a part of unstated size */
                        part?: string;
                        population: number;
                        population_method: string;
                        /** @default null */
                        region?: string | null;
                        /** @default null */
                        region_name?: string | null;
                    }[];
                    /** @default null */
                    population_affected?: {
                        /** @enum {string} */
                        confidence: "high" | "medium" | "low";
                        estimate: number;
                        method: string;
                        national_population: number;
                        /** @default null */
                        note?: string | null;
                        /** @description share of the national population */
                        share: number;
                        sources: string[];
                        year: number;
                    } | null;
                    /** @default [] */
                    regions?: string[];
                    /** @enum {string} */
                    scope: "national" | "regional" | "local" | "isp" | "platform";
                    sources: {
                        /** @default null */
                        archive_url?: string | null;
                        /** @default null */
                        locator?: string | null;
                        /** @default null */
                        published?: string | null;
                        publisher: string;
                        title: string;
                        url: string;
                    }[];
                    start: string;
                    /**
                     * @default active
                     * @enum {string}
                     */
                    status?: "active" | "draft";
                    subtype: string;
                    /** @default  */
                    summary?: string;
                    /** @default [] */
                    tags?: string[];
                    /** @default [] */
                    targets?: {
                        /** @enum {string} */
                        kind: "service" | "platform" | "domain" | "app" | "protocol" | "ip_range" | "population";
                        name: string;
                    }[];
                    title: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description the event's revision after the write (send it as If-Match to write again) */
                    ETag?: string;
                    /** @description the path of the new event */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            /** @description Invalid event */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Id taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 1048576 bytes (1 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared as JSON (Content-Type: application/json, UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.show": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event; ETag is its revision */
            200: {
                headers: {
                    /** @description the event's revision, quoted ("3"): send it as If-Match to PUT /api/events/{id} or retract it */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDocument"];
                };
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.edit": {
        parameters: {
            query?: never;
            header?: {
                /** @description the revision you edited (required here or as the body's "revision"; both given, they must agree), as the ETag of GET /api/events/{id} gives it */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    actors?: {
                        name: string;
                        /** @enum {string} */
                        role: "ordered_by" | "implemented_by" | "company" | "beneficiary" | "other";
                    }[];
                    /** @enum {string} */
                    category: "shutdown" | "throttling" | "block" | "app_removal" | "content_takedown" | "law" | "surveillance" | "repression" | "election_technology" | "cooperation";
                    /**
                     * @default medium
                     * @enum {string}
                     */
                    confidence?: "high" | "medium" | "low";
                    countries: string[];
                    /**
                     * @default day
                     * @enum {string}
                     */
                    date_precision?: "hour" | "day" | "month" | "year";
                    /** @default null */
                    end?: string | null;
                    /** @default null */
                    geocode?: {
                        /** @default null */
                        reason?: string | null;
                        /** @enum {string} */
                        status: "ok" | "partial" | "failed" | "national" | "manual";
                        text: string;
                        /** @default [] */
                        unmatched?: string[];
                    } | null;
                    id?: string;
                    /** @default [] */
                    networks?: string[];
                    /** @default null */
                    notes?: string | null;
                    /** @default null */
                    people_affected?: {
                        estimate: number;
                        /** @default null */
                        note?: string | null;
                        /** @default null */
                        source_url?: string | null;
                        /** @default people */
                        unit?: string;
                    } | null;
                    /** @default [] */
                    places?: {
                        /** @enum {string} */
                        confidence: "high" | "medium" | "low";
                        /** @default null */
                        geonames_id?: number | null;
                        /** @enum {string} */
                        kind: "region" | "district" | "place";
                        name: string;
                        /** @description set when the area text spells the name differently (a typo or transliteration): what it said, the gazetteer name matched, the edits between (a vowel for a vowel counts half) */
                        near_match?: {
                            edits: number;
                            name: string;
                            text: string;
                        };
                        /** @description set when the area text names only a part of the unit ("parts of"): the phrase; the population is then half the unit's, the expected share of a part of unstated size */
                        part?: string;
                        population: number;
                        population_method: string;
                        /** @default null */
                        region?: string | null;
                        /** @default null */
                        region_name?: string | null;
                    }[];
                    /** @default null */
                    population_affected?: {
                        /** @enum {string} */
                        confidence: "high" | "medium" | "low";
                        estimate: number;
                        method: string;
                        national_population: number;
                        /** @default null */
                        note?: string | null;
                        /** @description share of the national population */
                        share: number;
                        sources: string[];
                        year: number;
                    } | null;
                    /** @description why the event changed (kept in its history, as events edit --reason) */
                    reason?: string;
                    /** @default [] */
                    regions?: string[];
                    /** @description the revision edited, when no If-Match header is sent (If-Match wins when both are) */
                    revision?: number;
                    /** @enum {string} */
                    scope: "national" | "regional" | "local" | "isp" | "platform";
                    sources: {
                        /** @default null */
                        archive_url?: string | null;
                        /** @default null */
                        locator?: string | null;
                        /** @default null */
                        published?: string | null;
                        publisher: string;
                        title: string;
                        url: string;
                    }[];
                    start: string;
                    /**
                     * @default active
                     * @enum {string}
                     */
                    status?: "active" | "draft";
                    subtype: string;
                    /** @default  */
                    summary?: string;
                    /** @default [] */
                    tags?: string[];
                    /** @default [] */
                    targets?: {
                        /** @enum {string} */
                        kind: "service" | "platform" | "domain" | "app" | "protocol" | "ip_range" | "population";
                        name: string;
                    }[];
                    title: string;
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description the event's revision after the write (send it as If-Match to write again) */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            /** @description Invalid event */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The event is retracted or dismissed: restore it first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale revision, or an If-Match that is not the ETag of a revision (a weak tag never matches) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 1048576 bytes (1 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared as JSON (Content-Type: application/json, UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No revision: send If-Match or revision in the body */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.confirm": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description why, at least 3 characters (blanks aside) */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Confirmed (status active) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 1048576 bytes (1 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared as JSON (Content-Type: application/json, UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "cost.event": {
        parameters: {
            query?: {
                /** @description which of the event's countries to price (ISO 3166-1 alpha-2) */
                country?: string;
                currency?: string;
                draws?: number;
                end?: string;
                isp_share?: number;
                method?: string | string[];
                platform_weight?: number;
                seed?: number;
                severity?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Estimates, or `missing` with how to supply it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventCost"];
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Pricing is busy or took too long (retry later, or ask for less work) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description why, at least 3 characters (blanks aside) */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Dismissed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Token refused */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 1048576 bytes (1 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared as JSON (Content-Type: application/json, UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.retract": {
        parameters: {
            query?: never;
            header?: {
                /** @description the revision you retract (optional: without it the current revision is retracted), as the ETag of GET /api/events/{id} gives it */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description why, at least 3 characters (blanks aside) */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Retracted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            /** @description No reason */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already retracted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale revision, or an If-Match that is not the ETag of a revision (a weak tag never matches) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 1048576 bytes (1 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared as JSON (Content-Type: application/json, UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.history": {
        parameters: {
            query?: {
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text) */
                format?: "json" | "csv" | "ndjson" | "parquet";
            };
            header?: never;
            path: {
                /** @description event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revisions, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventHistory"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.export.csv": {
        parameters: {
            query?: {
                category?: "shutdown" | "throttling" | "block" | "app_removal" | "content_takedown" | "law" | "surveillance" | "repression" | "election_technology" | "cooperation";
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description events ending on or after (YYYY[-MM[-DD]]) */
                from?: string;
                /** @description also list retracted and dismissed events */
                include_retracted?: boolean;
                /** @description where the event came from: the shipped seed, a STOP import, the local CLI, the HTTP API, or a detector draft */
                origin?: "seed" | "stop" | "cli" | "api" | "detect";
                /** @description text search in title, summary, targets, actors, tags */
                q?: string;
                /** @description events listing this ISO 3166-2 region or a code equivalent to it (UA-43 and RU-CR, UA-40 and RU-SEV) */
                region?: string;
                /** @description events starting on or after (YYYY[-MM[-DD]]); with to, exactly the events the counts by start year count in that range */
                started_from?: string;
                status?: "active" | "draft" | "retracted" | "dismissed";
                /** @description a subtype of the taxonomy (with category: one of that category's) */
                subtype?: string;
                /** @description events starting on or before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="events.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.export.json": {
        parameters: {
            query?: {
                category?: "shutdown" | "throttling" | "block" | "app_removal" | "content_takedown" | "law" | "surveillance" | "repression" | "election_technology" | "cooperation";
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description events ending on or after (YYYY[-MM[-DD]]) */
                from?: string;
                /** @description also list retracted and dismissed events */
                include_retracted?: boolean;
                /** @description where the event came from: the shipped seed, a STOP import, the local CLI, the HTTP API, or a detector draft */
                origin?: "seed" | "stop" | "cli" | "api" | "detect";
                /** @description text search in title, summary, targets, actors, tags */
                q?: string;
                /** @description events listing this ISO 3166-2 region or a code equivalent to it (UA-43 and RU-CR, UA-40 and RU-SEV) */
                region?: string;
                /** @description events starting on or after (YYYY[-MM[-DD]]); with to, exactly the events the counts by start year count in that range */
                started_from?: string;
                status?: "active" | "draft" | "retracted" | "dismissed";
                /** @description a subtype of the taxonomy (with category: one of that category's) */
                subtype?: string;
                /** @description events starting on or before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="events.json" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventExport"];
                };
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.export.ndjson": {
        parameters: {
            query?: {
                category?: "shutdown" | "throttling" | "block" | "app_removal" | "content_takedown" | "law" | "surveillance" | "repression" | "election_technology" | "cooperation";
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description events ending on or after (YYYY[-MM[-DD]]) */
                from?: string;
                /** @description also list retracted and dismissed events */
                include_retracted?: boolean;
                /** @description where the event came from: the shipped seed, a STOP import, the local CLI, the HTTP API, or a detector draft */
                origin?: "seed" | "stop" | "cli" | "api" | "detect";
                /** @description text search in title, summary, targets, actors, tags */
                q?: string;
                /** @description events listing this ISO 3166-2 region or a code equivalent to it (UA-43 and RU-CR, UA-40 and RU-SEV) */
                region?: string;
                /** @description events starting on or after (YYYY[-MM[-DD]]); with to, exactly the events the counts by start year count in that range */
                started_from?: string;
                status?: "active" | "draft" | "retracted" | "dismissed";
                /** @description a subtype of the taxonomy (with category: one of that category's) */
                subtype?: string;
                /** @description events starting on or before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="events.ndjson" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.export.parquet": {
        parameters: {
            query?: {
                category?: "shutdown" | "throttling" | "block" | "app_removal" | "content_takedown" | "law" | "surveillance" | "repression" | "election_technology" | "cooperation";
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description events ending on or after (YYYY[-MM[-DD]]) */
                from?: string;
                /** @description also list retracted and dismissed events */
                include_retracted?: boolean;
                /** @description where the event came from: the shipped seed, a STOP import, the local CLI, the HTTP API, or a detector draft */
                origin?: "seed" | "stop" | "cli" | "api" | "detect";
                /** @description text search in title, summary, targets, actors, tags */
                q?: string;
                /** @description events listing this ISO 3166-2 region or a code equivalent to it (UA-43 and RU-CR, UA-40 and RU-SEV) */
                region?: string;
                /** @description events starting on or after (YYYY[-MM[-DD]]); with to, exactly the events the counts by start year count in that range */
                started_from?: string;
                status?: "active" | "draft" | "retracted" | "dismissed";
                /** @description a subtype of the taxonomy (with category: one of that category's) */
                subtype?: string;
                /** @description events starting on or before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="events.parquet" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.apache.parquet": string;
                };
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "indicators.export.csv": {
        parameters: {
            query?: {
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description one series */
                id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="indicators.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such series */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "indicators.export.json": {
        parameters: {
            query?: {
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description one series */
                id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="indicators.json" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorList"];
                };
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such series */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "indicators.export.ndjson": {
        parameters: {
            query?: {
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description one series */
                id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="indicators.ndjson" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such series */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "indicators.export.parquet": {
        parameters: {
            query?: {
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description one series */
                id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="indicators.parquet" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.apache.parquet": string;
                };
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such series */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "indicators.list": {
        parameters: {
            query?: {
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description one series */
                id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Series with values */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorList"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such series */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "measurements.list": {
        parameters: {
            query?: {
                /** @description probe_asn */
                asn?: string;
                /** @description probe_cc: ISO 3166-1 alpha-2, or XK, ZZ as OONI reports them */
                cc?: string;
                /** @description the previous page's next_cursor */
                cursor?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text; every row carries source) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description at most this many rows (1-10000) */
                limit?: number;
                /** @description from the start of this date or time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                since?: string;
                status?: "blocked" | "likely_blocked" | "down" | "ok" | "invalid" | "insufficient";
                /** @description domain or app (telegram, signal, whatsapp, facebook_messenger, tor); a domain in Unicode or with www. finds its stored form */
                target?: string;
                test_name?: string;
                /** @description up to the end of this date or time, inclusive: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page */
            200: {
                headers: {
                    /** @description on a file answer (csv, ndjson, parquet) that holds one page: `<this path and query with cursor=next_cursor>; rel="next"` */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementList"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "measurements.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The measurement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Measurement"];
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such measurement */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "measurements.export.csv": {
        parameters: {
            query?: {
                /** @description probe_asn */
                asn?: string;
                /** @description probe_cc: ISO 3166-1 alpha-2, or XK, ZZ as OONI reports them */
                cc?: string;
                /** @description from the start of this date or time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                since?: string;
                status?: "blocked" | "likely_blocked" | "down" | "ok" | "invalid" | "insufficient";
                /** @description domain or app (telegram, signal, whatsapp, facebook_messenger, tor); a domain in Unicode or with www. finds its stored form */
                target?: string;
                test_name?: string;
                /** @description up to the end of this date or time, inclusive: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="measurements.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "measurements.export.ndjson": {
        parameters: {
            query?: {
                /** @description probe_asn */
                asn?: string;
                /** @description probe_cc: ISO 3166-1 alpha-2, or XK, ZZ as OONI reports them */
                cc?: string;
                /** @description from the start of this date or time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                since?: string;
                status?: "blocked" | "likely_blocked" | "down" | "ok" | "invalid" | "insufficient";
                /** @description domain or app (telegram, signal, whatsapp, facebook_messenger, tor); a domain in Unicode or with www. finds its stored form */
                target?: string;
                test_name?: string;
                /** @description up to the end of this date or time, inclusive: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="measurements.ndjson" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "measurements.export.parquet": {
        parameters: {
            query?: {
                /** @description probe_asn */
                asn?: string;
                /** @description probe_cc: ISO 3166-1 alpha-2, or XK, ZZ as OONI reports them */
                cc?: string;
                /** @description from the start of this date or time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                since?: string;
                status?: "blocked" | "likely_blocked" | "down" | "ok" | "invalid" | "insufficient";
                /** @description domain or app (telegram, signal, whatsapp, facebook_messenger, tor); a domain in Unicode or with www. finds its stored form */
                target?: string;
                test_name?: string;
                /** @description up to the end of this date or time, inclusive: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="measurements.parquet" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.apache.parquet": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "measurements.rules": {
        parameters: {
            query?: {
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text; every row carries rules_version) */
                format?: "json" | "csv" | "ndjson" | "parquet";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rules"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "measurements.summary": {
        parameters: {
            query?: {
                /** @description probe_asn */
                asn?: string;
                /** @description probe_cc: ISO 3166-1 alpha-2, or XK, ZZ as OONI reports them */
                cc?: string;
                grain?: "day" | "hour";
                /** @description from the start of this date or time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                since?: string;
                /** @description domain or app (telegram, signal, whatsapp, facebook_messenger, tor); a domain in Unicode or with www. finds its stored form */
                target?: string;
                test_name?: string;
                /** @description up to the end of this date or time, inclusive: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementSummary"];
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "measurements.networks": {
        parameters: {
            query?: {
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive), or XK (Kosovo) and ZZ (unknown) as OONI probe_cc carries them */
                cc?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text; every row carries source) */
                format?: "json" | "csv" | "ndjson" | "parquet";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Networks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NetworkList"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "registry.asns": {
        parameters: {
            query?: {
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text; every row carries method, snapshot, as_data) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description snapshot id or date (YYYY-MM-DD); default: the latest complete snapshot, else the one with the most blocked IPv4 space */
                snapshot?: string;
                /** @description rows per list (default 10 for summary, 20 for asns) */
                top?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Organisations and ASes of one snapshot, largest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryAsns"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No snapshots imported */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "registry.decision": {
        parameters: {
            query?: {
                /** @description json (default): the answer; csv, ndjson or parquet: its snapshots as a file, one row each (nested values as JSON text; every row carries decision_number, as_data) */
                format?: "json" | "csv" | "ndjson" | "parquet";
            };
            header?: never;
            path: {
                /** @description decision number; its "/" may be sent as is or as %2F */
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One decision across snapshots: entries, distinct IPv4, collateral, organisations hit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryDecision"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Decision not in any snapshot */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "registry.lookup": {
        parameters: {
            query: {
                /** @description the previous page's next_cursor */
                cursor?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its matches as a file, one row each (nested values as JSON text; every row carries query, kind, snapshots_searched, as, note) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description matches per page (1-1000, default 50); the other figures count every match */
                limit?: number;
                /** @description one IPv4/IPv6 address or a domain (a URL is looked up by its host) */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Is an IP address or domain listed, under which decision, since when */
            200: {
                headers: {
                    /** @description on a file answer (csv, ndjson, parquet) that holds one page: `<this path and query with cursor=next_cursor>; rel="next"` */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryLookup"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "registry.summary": {
        parameters: {
            query?: {
                /** @description snapshot id or date (YYYY-MM-DD); default: the latest complete snapshot, else the one with the most blocked IPv4 space */
                snapshot?: string;
                /** @description rows per list (default 10 for summary, 20 for asns) */
                top?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Summary of one snapshot (with its lower-bound flag), method and AS data vintage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrySummary"];
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No snapshots imported */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "signals.points": {
        parameters: {
            query?: {
                /** @description autonomous system number, AS12389 or 12389 */
                asn?: string;
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive), or XK (Kosovo) and ZZ (unknown) as OONI probe_cc carries them */
                cc?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description at most this many rows (1-100000) */
                limit?: number;
                /** @description region entity (ISO 3166-2), e.g. IR-07: the evidence of a region outage */
                region?: string;
                /** @description from this instant (inclusive) */
                since?: string;
                /** @description data source, e.g. darknet, active_probing, ooni_measurements */
                source?: string;
                /** @description before this instant (exclusive) */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Points ordered by series and time */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            cc: string | null;
                            entity_code: string;
                            entity_name: string | null;
                            /** @enum {string} */
                            entity_type: "country" | "region" | "asn";
                            line: number;
                            source: string;
                            source_file: string;
                            t: string;
                            value: number | null;
                        }[];
                        total: number;
                    };
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "signals.list": {
        parameters: {
            query?: {
                /** @description autonomous system number, AS12389 or 12389 */
                asn?: string;
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive), or XK (Kosovo) and ZZ (unknown) as OONI probe_cc carries them */
                cc?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description region entity (ISO 3166-2), e.g. IR-07: the evidence of a region outage */
                region?: string;
                /** @description from this instant (inclusive) */
                since?: string;
                /** @description data source, e.g. darknet, active_probing, ooni_measurements */
                source?: string;
                /** @description before this instant (exclusive) */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Series and the files they came from */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: {
                            checksum: string;
                            imported_at: string;
                            path: string;
                            records_read: number;
                            rejected: number;
                            stored: number;
                        }[];
                        items: {
                            cc: string | null;
                            entity_code: string;
                            entity_name: string | null;
                            /** @enum {string} */
                            entity_type: "country" | "region" | "asn";
                            first: string;
                            last: string;
                            missing: number;
                            points: number;
                            source: string;
                        }[];
                    };
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "speedtests.summary": {
        parameters: {
            query?: {
                /** @description one network: network-level detections (no corroboration needed) */
                asn?: string;
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive), or XK (Kosovo) and ZZ (unknown) as OONI probe_cc carries them */
                cc?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text; every row carries method, data_vintage, sources) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description from the start of this date or time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                since?: string;
                /** @description one target: the datasets whose target_host it is, as their dataset.json gives it */
                target?: string;
                /** @description up to the end of this date or time, inclusive: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One item per (cc, asn, target, day) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpeedTestSummary"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "events.counts": {
        parameters: {
            query?: {
                category?: "shutdown" | "throttling" | "block" | "app_removal" | "content_takedown" | "law" | "surveillance" | "repression" | "election_technology" | "cooperation";
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400) */
                country?: string;
                /** @description events ending on or after (YYYY[-MM[-DD]]) */
                from?: string;
                /** @description also list retracted and dismissed events */
                include_retracted?: boolean;
                /** @description where the event came from: the shipped seed, a STOP import, the local CLI, the HTTP API, or a detector draft */
                origin?: "seed" | "stop" | "cli" | "api" | "detect";
                /** @description text search in title, summary, targets, actors, tags */
                q?: string;
                /** @description events listing this ISO 3166-2 region or a code equivalent to it (UA-43 and RU-CR, UA-40 and RU-SEV) */
                region?: string;
                /** @description events starting on or after (YYYY[-MM[-DD]]); with to, exactly the events the counts by start year count in that range */
                started_from?: string;
                status?: "active" | "draft" | "retracted" | "dismissed";
                /** @description a subtype of the taxonomy (with category: one of that category's) */
                subtype?: string;
                /** @description events starting on or before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventCounts"];
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many heavy requests from this client without a token (retry_after_s says when) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "throughput.summary": {
        parameters: {
            query?: {
                /** @description one network: network-level detections (no corroboration needed) */
                asn?: string;
                /** @description ISO 3166-1 alpha-2 country code (case-insensitive), or XK (Kosovo) and ZZ (unknown) as OONI probe_cc carries them */
                cc?: string;
                /** @description json (default): the answer; csv, ndjson or parquet: its items as a file, one row each (nested values as JSON text; every row carries method, data_vintage, sources) */
                format?: "json" | "csv" | "ndjson" | "parquet";
                /** @description from the start of this date or time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                since?: string;
                /** @description one target (domain or app), e.g. abs.twimg.com */
                target?: string;
                /** @description up to the end of this date or time, inclusive: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One item per (cc, asn, target, day), with what was left out and why */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThroughputSummary"];
                    "application/vnd.apache.parquet": string;
                    "application/x-ndjson": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "watch.new": {
        parameters: {
            query?: {
                /** @description at most this many rows (1-500) */
                limit?: number;
                /** @description the watermark of the previous answer; without it, the latest `limit` of each list */
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Confirmed events and draft detections new since the reader last looked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        drafts: {
                            items: {
                                /** @description the ledger revision that made it new: create, confirm, update, restore, ... */
                                action: string;
                                /** @description the event did not exist at `since` */
                                added: boolean;
                                category: string;
                                countries: string[];
                                created_at: string;
                                id: string;
                                start: string;
                                status: string;
                                subtype: string;
                                title: string;
                                updated_at: string;
                            }[];
                            /** @description how many are new (items holds at most `limit`) */
                            total: number;
                        };
                        events: {
                            items: {
                                /** @description the ledger revision that made it new: create, confirm, update, restore, ... */
                                action: string;
                                /** @description the event did not exist at `since` */
                                added: boolean;
                                category: string;
                                countries: string[];
                                created_at: string;
                                id: string;
                                start: string;
                                status: string;
                                subtype: string;
                                title: string;
                                updated_at: string;
                            }[];
                            /** @description how many are new (items holds at most `limit`) */
                            total: number;
                        };
                        limit: number;
                        since: string | null;
                        /** @description newest write in the ledger: pass it as since next time; while a list with since holds more than limit new items it stays at since, so no item is skipped */
                        watermark: string | null;
                    };
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "watch.status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The watch loop as last recorded in the store */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description a cycle of the running watch is in progress (false between its cycles) */
                        cycle_running: boolean;
                        deliveries: {
                            dead: number;
                            delivered: number;
                            pending: number;
                        };
                        inputs_seen: number;
                        last_cycle: {
                            finished_at: string | null;
                            id: string;
                            next_at: string | null;
                            started_at: string;
                            status: string;
                            /** @description the finished cycle's counts (null while it runs) */
                            summary: {
                                detections: number;
                                drafts_created: number;
                                /** @description drafts emitted while their outage was ongoing, given the end the data now shows (absent in cycles recorded before) */
                                drafts_ended?: number;
                                /** @description events ongoing in the ledger that a person holds (confirmed, edited) whose detection now ends: the end to set by hand */
                                ends_not_applied?: string[];
                                errors: string[];
                                finished_at: string;
                                id: string;
                                inputs_failed: number;
                                inputs_new: number;
                                inputs_seen_total: number;
                                /** @description entries of the watched folder not read (another name, a subfolder); absent in cycles recorded before */
                                inputs_skipped?: number;
                                inputs_waiting: number;
                                /** @description null after watch --once */
                                next_at: string | null;
                                notices_enqueued: number;
                                ooni_files_new?: number;
                                ooni_stored?: number;
                                /** @description OONI upload hours synced (null: OONI not watched; absent in cycles recorded before OONI was watched) */
                                ooni_window?: string | null;
                                points_stored: number;
                                rejected: number;
                                /** @description each entry not read, with why */
                                skipped_files?: string[];
                                started_at: string;
                            } | null;
                        } | null;
                        /** @description when the running watch starts its next cycle; null when no watch runs */
                        next_cycle: string | null;
                        recent_inputs: {
                            checksum: string;
                            cycle_id: string;
                            detail: string | null;
                            key: string;
                            kind: string;
                            outcome: string;
                            seen_at: string;
                        }[];
                        /** @description a watch process holds the lease (`watch` is not null) */
                        running: boolean;
                        /** @description the running watch's lease (renewed each cycle and each minute); null when no watch runs */
                        watch: {
                            every_ms: number;
                            expires_at: string;
                            host: string;
                            pid: number;
                            renewed_at: string;
                            started_at: string;
                        } | null;
                    };
                };
            };
            /** @description Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it) */
            304: {
                headers: {
                    /** @description the weak ETag of the JSON answer */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (each field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "feeds.country.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ISO 3166-1 alpha-2 country code */
                cc: string;
                /** @description drafts.atom or drafts.json */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                    "application/feed+json": Record<string, never>;
                };
            };
            /** @description A query parameter was sent */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such feed, or a code that is no country */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "feeds.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description events.atom, drafts.atom, {CC}.atom (and the .json twins) */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                    "application/feed+json": Record<string, never>;
                };
            };
            /** @description A query parameter was sent */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer token presented is not valid (unknown, revoked or expired) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such feed, or a code that is no country */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server answers (status degraded when a shard of the store does not) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The request names a Host this server does not answer to */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No shard of the ClickHouse store answers (status down) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
}
