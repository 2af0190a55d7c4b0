-- pgbench script: the SQL the entities API sends to answer one lookup by email (ProfileStore.snapshotByIdentity,
-- word for word, on one connection), for a random one of the sampled emails that bench/run.sh loads into
-- cdp_bench.bench_email (n = 1..:emails): the profile joined to every identity it holds, then its segment
-- memberships. run.sh runs it with
--   pgbench -n -M prepared -D emails=N -D sandbox=bench -f bench/lookup.sql
-- (-M prepared: the variables become bind parameters, as with JDBC). One pgbench transaction is what one API
-- lookup asks of the database; the API also checks the token, the credential's grants and the sandbox, builds the
-- JSON and goes through HTTP. The API takes the profile id for the second query from the first; here it comes from
-- the same row of cdp_bench.bench_email, as the email does (run.sh fills it in).
\set n random(1, :emails)
SELECT p.id, p.xid, p.entity, p.lifetime_value, p.purchases_30d, p.last_purchase_at, p.churn_propensity, p.updated_at,
       j.namespace, j.identity_value
  FROM profile_identity i JOIN profile p ON p.id = i.profile_id LEFT JOIN profile_identity j ON j.profile_id = p.id
 WHERE i.sandbox = :sandbox AND i.namespace = 'email'
   AND i.identity_value = (SELECT email FROM cdp_bench.bench_email WHERE n = :n)
 ORDER BY j.namespace, j.identity_value;
SELECT m.segment_id, m.entered_at, m.exited_at, d.evaluated_at
  FROM segment_membership m JOIN segment_definition d ON d.id = m.segment_id
 WHERE m.profile_id = (SELECT profile_id FROM cdp_bench.bench_email WHERE n = :n)
 ORDER BY m.segment_id;
