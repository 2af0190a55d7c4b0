-- Most fields of a profile were set at one time (one record made most profiles), yet field_times named every
-- field with its time: a third of a profile row. That time is now a column of its own, and field_times holds
-- only the fields set at another time. Profiles written before keep field_time empty and every field's time in
-- field_times, and read as they did.
ALTER TABLE profile ADD COLUMN field_time BIGINT;
