-- Agent search reads each search key's index in result order (the key, then the id) and stops after a page:
-- with the id in the index, a common value (a last name thousands share) needs no sort of all who share it.
DROP INDEX profile_first_name;
DROP INDEX profile_last_name;
DROP INDEX profile_email;
DROP INDEX profile_phone;
CREATE INDEX profile_first_name ON profile (sandbox, first_name_key, id);
CREATE INDEX profile_last_name ON profile (sandbox, last_name_key, id);
CREATE INDEX profile_email ON profile (sandbox, email_key, id);
CREATE INDEX profile_phone ON profile (sandbox, phone_key, id);
