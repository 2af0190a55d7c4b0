-- pgbench script: the SQL the entities API runs to find a profile by email (ProfileStore.byIdentity), word
-- for word as EclipseLink sends it on PostgreSQL, for a random one of the sampled emails that bench/run.sh
-- loads into cdp_bench.bench_email (n = 1..:emails). run.sh runs it with
--   pgbench -n -M prepared -D emails=N -D sandbox=bench -f bench/lookup.sql
-- (-M prepared: :sandbox becomes a bind parameter, as with JDBC). The API also runs, per lookup, the token,
-- grant and sandbox checks and two more queries on profile_identity (the identity count and the identities).
\set n random(1, :emails)
SELECT t1.ID, t1.churn_propensity, t1.CITY, t1.created_at, t1.EMAIL, t1.email_key, t1.ENTITY, t1.field_times,
       t1.first_name, t1.first_name_key, t1.last_name, t1.last_name_key, t1.last_purchase_at, t1.lifetime_value,
       t1.PHONE, t1.phone_key, t1.purchases_30d, t1.SANDBOX, t1.updated_at, t1.XID
  FROM profile_identity t0, profile t1
 WHERE ((((t0.SANDBOX = :sandbox) AND (t0.NAMESPACE = 'email'))
   AND (t0.identity_value = (SELECT email FROM cdp_bench.bench_email WHERE n = :n)))
   AND (t1.ID = t0.profile_id));
