-- ISO 3166-2 codes for the two regions the CEC names with a parenthetical ("Республика Татарстан
-- (Татарстан)", "Республика Адыгея (Адыгея)"): rows imported before the importer read those names
-- had no code, so --region RU-TA, Tatarstan's Russian name or its code matched none of them.
UPDATE election_stations SET region_code = 'RU-TA' WHERE region = 'Республика Татарстан (Татарстан)' AND region_code IS NULL;
UPDATE election_stations SET region_code = 'RU-AD' WHERE region = 'Республика Адыгея (Адыгея)' AND region_code IS NULL;
