-- pgbench script: the SQL the entities API sends to answer one lookup by email (ProfileStore.snapshotByIdentity
-- with memberships, word for word: one query on one connection), for a random one of the sampled emails that
-- bench/run.sh loads into cdp_bench.bench_email (n = 1..:emails): the profile found by the email, then a row for
-- each identity it holds and one for each of its segment memberships. run.sh runs it with
--   pgbench -n -M prepared -D emails=N -D sandbox=bench -f bench/lookup.sql
-- (-M prepared: the variables become bind parameters, as with JDBC). One pgbench transaction is what one API
-- lookup asks of the database; the API also checks the token, the credential's grants and the sandbox, builds the
-- JSON and goes through HTTP.
\set n random(1, :emails)
WITH p AS (SELECT p.id, p.xid, p.entity, p.lifetime_value, p.purchases_30d, p.last_purchase_at, p.churn_propensity, p.updated_at FROM profile_identity i JOIN profile p ON p.id = i.profile_id WHERE i.sandbox = :sandbox AND i.namespace = 'email' AND i.identity_value = (SELECT email FROM cdp_bench.bench_email WHERE n = :n)) SELECT 0, p.id, p.xid, p.entity, p.lifetime_value, p.purchases_30d, p.last_purchase_at, p.churn_propensity, p.updated_at, CAST(NULL AS VARCHAR(320)), CAST(NULL AS VARCHAR(320)), CAST(NULL AS VARCHAR(320)), CAST(NULL AS TIMESTAMP WITH TIME ZONE), CAST(NULL AS TIMESTAMP WITH TIME ZONE), CAST(NULL AS TIMESTAMP WITH TIME ZONE) FROM p UNION ALL SELECT 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, j.namespace, j.identity_value, NULL, NULL, NULL, NULL FROM p JOIN profile_identity j ON j.profile_id = p.id UNION ALL SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, m.segment_id, m.entered_at, m.exited_at, d.evaluated_at FROM p JOIN segment_membership m ON m.profile_id = p.id JOIN segment_definition d ON d.id = m.segment_id ORDER BY 1, 10, 11, 12;
