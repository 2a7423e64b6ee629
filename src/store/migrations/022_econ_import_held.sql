-- How many values and rates a file held right after its import (keys a later file in the same
-- import replaced are not counted). A rerun of the same bytes is "unchanged" only while the file
-- still holds that many: fewer means another import replaced or removed some, and the rerun
-- stores them again. NULL for imports recorded before: their values_stored / rates_stored stand in.
ALTER TABLE econ_imports ADD COLUMN values_held INTEGER;
ALTER TABLE econ_imports ADD COLUMN rates_held INTEGER;
