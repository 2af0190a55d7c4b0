-- An identity's key now leads with its value: (value, sandbox, namespace). It still finds one identity by all
-- three, and now also serves what profile_identity_value was kept for (a chunk's identities by value = ANY(?),
-- an agent's exact search by value in a sandbox), so that index goes: one index less to write per identity.
ALTER TABLE profile_identity DROP CONSTRAINT profile_identity_pk;
ALTER TABLE profile_identity ADD CONSTRAINT profile_identity_pk PRIMARY KEY (identity_value, sandbox, namespace);
DROP INDEX profile_identity_value;
