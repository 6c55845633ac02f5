-- 2: the people counts beside fatalities.
ALTER TABLE events ADD COLUMN IF NOT EXISTS injured INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS arrested INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS participants INTEGER;  -- how many took part in a protest
