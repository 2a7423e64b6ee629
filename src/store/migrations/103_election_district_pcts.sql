-- A district result keeps the candidate's percentages as the source prints them (Meduza's paper,
-- DEG and total shares of ballots cast, two decimals): the only record of the ballots-cast base,
-- which the table does not give as a count. NULL where the source prints none, and on rows
-- stored before this column existed (importing the file again with --force fills them).
ALTER TABLE election_district_results ADD COLUMN paper_pct DOUBLE;
ALTER TABLE election_district_results ADD COLUMN electronic_pct DOUBLE;
ALTER TABLE election_district_results ADD COLUMN total_pct DOUBLE;
