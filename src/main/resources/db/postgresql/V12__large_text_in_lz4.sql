-- PostgreSQL only (Migrations adds this folder on PostgreSQL; versions are one sequence across both folders).
-- Text over about 2 kB is compressed when stored: with pglz, PostgreSQL's default, by default. An upload's parts
-- (a thousand lines, some 400 kB each) are compressed once and read once, so the compressor's speed is what
-- counts; lz4 is several times faster than pglz at a similar ratio for JSON. The records' own columns are
-- compressed only for large records, read on every lookup of their profile. Servers built without lz4 (it is
-- an option of the build) keep pglz.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE ingest_batch_part ALTER COLUMN lines SET COMPRESSION lz4;
        ALTER TABLE profile ALTER COLUMN entity SET COMPRESSION lz4;
        ALTER TABLE profile ALTER COLUMN field_times SET COMPRESSION lz4;
        ALTER TABLE profile_fragment ALTER COLUMN body SET COMPRESSION lz4;
        ALTER TABLE experience_event ALTER COLUMN body SET COMPRESSION lz4;
    END IF;
END
$$;
