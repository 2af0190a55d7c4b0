#!/usr/bin/env bash
# cdp-console benchmarks, end to end: builds the WAR if needed, starts a throwaway database (PostgreSQL 15 or
# H2) and the server, generates BENCH_PROFILES demo people, and measures
#   1. batch ingestion (profiles/s),            target >= 20,000 profiles/s
#   2. lookup by email through the entities API, target >= 2,000 requests/s and p99 <= 10 ms
#   3. the same lookup's SQL with pgbench (PostgreSQL only); API rps / pgbench TPS, target >= 0.30
#   4. agent search,                             target p95 <= 50 ms
#   5. the console's profile view page,          target p95 <= 50 ms
#   6. a segmentation job over every profile,    target <= 30 s
#   7. the export of a segment of every profile, target <= 2x psql \copy of the same select; heap growth <= 64 MB
#      (bench/activation-steps.sh)
# then writes bench/results/<date>-<db>-<profiles>.md and prints a summary. Everything it starts is stopped at
# exit. Needs Java 17 and Maven; installs wrk, jq (and postgresql-15) with apt-get when missing (as root).
#   bench/run.sh                                          # the full run: 1,000,000 profiles on PostgreSQL
#   BENCH_DB=h2 BENCH_PROFILES=20000 BENCH_DURATION=10 bench/run.sh
# See bench/README.md. Settings (environment):
#   BENCH_PROFILES (1000000)  BENCH_DB=postgres|h2 (postgres)  BENCH_DURATION seconds per wrk/pgbench run (30)
#   BENCH_CONNECTIONS (16)    BENCH_THREADS (2)                BENCH_INGEST_TIMEOUT seconds (3600)
#   more in the "settings" block below.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)

# --- settings -------------------------------------------------------------------------------------------
PROFILES=${BENCH_PROFILES:-1000000}
DB=${BENCH_DB:-postgres}
DURATION=${BENCH_DURATION:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
LIGHT_CONNECTIONS=${BENCH_LIGHT_CONNECTIONS:-1}   # search and view again, one agent at a time: the server time
THREADS=${BENCH_THREADS:-2}
INGEST_TIMEOUT=${BENCH_INGEST_TIMEOUT:-3600}
# Warm-up before each measured run, not counted: rounds of wrk until the server's JIT has nearly stopped compiling
# (it compiles the hot paths for minutes under load on 2 cores), at most BENCH_WARMUP seconds.
WARMUP=${BENCH_WARMUP:-600}                     # at most this many seconds of warm-up (0: none)
WARMUP_ROUND=${BENCH_WARMUP_ROUND:-15}          # seconds of one warm-up round (at least two rounds)
WARMUP_JIT=${BENCH_WARMUP_JIT:-10}              # done when the JIT compiled for less than this % of a round
WARMUP_GAIN=${BENCH_WARMUP_GAIN:-5}             # and the rate rose by less than this % over the round before
SAMPLE=${BENCH_SAMPLE:-10000}                   # people sampled for lookups and search
VIEW_SAMPLE=${BENCH_VIEW_SAMPLE:-1000}          # XIDs for the profile view page
# Batch file size (split -C). The API refuses more than 50 MiB; on H2 a 45 MiB batch once exhausted the embedded
# database's memory (-Xmx1g), so H2 gets smaller batches by default.
if [ "$DB" = h2 ]; then CHUNK=${BENCH_CHUNK_BYTES:-8M}; else CHUNK=${BENCH_CHUNK_BYTES:-45M}; fi
POLL=${BENCH_POLL_SECONDS:-2}                   # batch status polling interval (the end is the server's time)
PORT=${BENCH_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-55433}
PG_OPTS=${BENCH_PG_OPTS:-}                      # extra postgres options, e.g. "-c shared_buffers=1GB"
LABEL=${BENCH_LABEL:-}                          # appended to the results file name, e.g. "smoke"
STRICT=${BENCH_STRICT:-0}                       # 1: exit 3 when a target is missed
KEEP=${BENCH_KEEP:-0}                           # 1: keep the work folder (data, logs) after the run
BENCH_NAME=bench

case "$DB" in postgres|h2) ;; *) echo "BENCH_DB must be postgres or h2, not '$DB'" >&2; exit 2 ;; esac
[[ "$PROFILES" =~ ^[0-9]+$ && "$PROFILES" -gt 0 ]] || { echo "BENCH_PROFILES must be a positive number" >&2; exit 2; }

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
bench_start
install_tools

# --- 1. build, database, server -------------------------------------------------------------------------
build_if_missing
DB_ENV=()
[ "$DB" != postgres ] || start_postgres
start_server

# --- 2. data --------------------------------------------------------------------------------------------
generate_chunks

# --- 3. token and sandbox -------------------------------------------------------------------------------
fetch_token
create_sandbox

# --- 4. ingestion ---------------------------------------------------------------------------------------
ingest_chunks

# --- samples: people that were ingested (each batch's first processedLines lines) ----------------------
sample_people

# --- 5. lookup through the API --------------------------------------------------------------------------
run_wrk lookup lookup.lua "$WORK/emails.txt" /data/core/ups/access/entities

# --- 6. the same lookup's SQL with pgbench --------------------------------------------------------------
PGBENCH_TPS=""; PGBENCH_LAT=""; RATIO=""
if [ "$DB" = postgres ]; then
  pgbench_lookup
  RATIO=$(calc "${R[lookup.rps]} / $PGBENCH_TPS" 3)
  log "  $PGBENCH_TPS TPS (latency average $PGBENCH_LAT ms); API / SQL = $RATIO"
fi

# --- 7. agent search ------------------------------------------------------------------------------------
run_wrk search search.lua "$WORK/search.txt" /data/core/ups/search/profiles
run_wrk search1 search.lua "$WORK/search.txt" /data/core/ups/search/profiles "$LIGHT_CONNECTIONS"

# --- 8. the console's profile view page -----------------------------------------------------------------
# XIDs: the entities API's batch lookup answers keyed by XID (100 identities a call).
view_xids "$WORK/emails.txt" "$VIEW_SAMPLE" "$WORK/xids.txt"
console_sign_in
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $BENCH_COOKIE" "$BASE/console/profiles/$(head -n 1 "$WORK/xids.txt")")
[ "$code" = 200 ] || die "the profile view page answered $code"
run_wrk view view.lua "$WORK/xids.txt" /console/profiles/
run_wrk view1 view.lua "$WORK/xids.txt" /console/profiles/ "$LIGHT_CONNECTIONS"

# --- 9. segmentation and activation (bench/activation-steps.sh) -------------------------------------------
# shellcheck source=bench/activation-steps.sh
. "$BENCH_DIR/activation-steps.sh"

# --- 10. results ----------------------------------------------------------------------------------------
verdict() { if ok "$1"; then echo PASS; else echo MISS; fi; }
V_INGEST=$(verdict "$INGEST_RATE >= 20000")
V_LOOKUP=$(verdict "${R[lookup.rps]} >= 2000 && ${R[lookup.p99_ms]} <= 10")
V_RATIO=n/a; [ -z "$RATIO" ] || V_RATIO=$(verdict "$RATIO >= 0.30")
V_SEARCH=$(verdict "${R[search.p95_ms]} <= 50")
V_VIEW=$(verdict "${R[view.p95_ms]} <= 50")
V_SEARCH1=$(verdict "${R[search1.p95_ms]} <= 50")
V_VIEW1=$(verdict "${R[view1.p95_ms]} <= 50")
MISSED=0; for v in "$V_INGEST" "$V_LOOKUP" "$V_RATIO" "$V_SEARCH" "$V_VIEW" "$V_SEARCH1" "$V_VIEW1" "$V_SEG" "$V_EXPORT" "$V_HEAP"; do [ "$v" != MISS ] || MISSED=$((MISSED + 1)); done

machine
WRK_V=$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2 || true)
if [ "$DB" = postgres ]; then DB_V=$("$PG_BIN/postgres" --version); else DB_V="H2 (the one bundled with Payara Micro), file mode"; fi
mkdir -p "$BENCH_DIR/results"
RESULT="$BENCH_DIR/results/$(date +%Y-%m-%d-%H%M)-$DB-$PROFILES${LABEL:+-$LABEL}.md"
fmt() { printf "%'.0f" "$1" 2>/dev/null || echo "$1"; }
row() {   # row NAME: a table row of a wrk run
  echo "| ${R[$1.rps]} | ${R[$1.p50_ms]} | ${R[$1.p90_ms]} | ${R[$1.p95_ms]} | ${R[$1.p99_ms]} | ${R[$1.max_ms]} | ${R[$1.cpu_us]:-} | ${R[$1.requests]} | ${R[$1.non2xx]} | $(( ${R[$1.connect_errors]} + ${R[$1.read_errors]} + ${R[$1.write_errors]} + ${R[$1.timeouts]} )) |"
}
{
  echo "# cdp-console benchmark: $DB, $(fmt "$PROFILES") profiles${LABEL:+ ($LABEL)}"
  echo
  echo "$(date -u +'%Y-%m-%d %H:%M UTC'), commit $COMMIT, \`bench/run.sh\` with BENCH_PROFILES=$PROFILES BENCH_DB=$DB"
  echo "BENCH_DURATION=$DURATION BENCH_CONNECTIONS=$CONNECTIONS BENCH_LIGHT_CONNECTIONS=$LIGHT_CONNECTIONS BENCH_THREADS=$THREADS BENCH_WARMUP=$WARMUP BENCH_WARMUP_ROUND=$WARMUP_ROUND BENCH_WARMUP_JIT=$WARMUP_JIT BENCH_WARMUP_GAIN=$WARMUP_GAIN BENCH_SAMPLE=$SAMPLE BENCH_CHUNK_BYTES=$CHUNK${PG_OPTS:+ BENCH_PG_OPTS=\"$PG_OPTS\"}."
  echo
  echo "## Summary"
  echo
  echo "| benchmark | result | target | |"
  echo "| --- | --- | --- | --- |"
  echo "| ingestion (batch API) | $(fmt "$INGEST_RATE") profiles/s | ≥ 20,000 profiles/s | $V_INGEST |"
  echo "| lookup by email (entities API) | $(fmt "${R[lookup.rps]}") req/s, p99 ${R[lookup.p99_ms]} ms | ≥ 2,000 req/s, p99 ≤ 10 ms | $V_LOOKUP |"
  if [ "$DB" = postgres ]; then
    echo "| the lookup's SQL (pgbench) | $(fmt "$PGBENCH_TPS") TPS, latency average $PGBENCH_LAT ms | | |"
    echo "| API req/s ÷ pgbench TPS | $RATIO | ≥ 0.30 | $V_RATIO |"
  fi
  echo "| agent search | p95 ${R[search.p95_ms]} ms ($(fmt "${R[search.rps]}") req/s) | p95 ≤ 50 ms | $V_SEARCH |"
  echo "| console profile view | p95 ${R[view.p95_ms]} ms ($(fmt "${R[view.rps]}") req/s) | p95 ≤ 50 ms | $V_VIEW |"
  echo "| agent search, $LIGHT_CONNECTIONS connection(s) | p95 ${R[search1.p95_ms]} ms ($(fmt "${R[search1.rps]}") req/s) | p95 ≤ 50 ms | $V_SEARCH1 |"
  echo "| console profile view, $LIGHT_CONNECTIONS connection(s) | p95 ${R[view1.p95_ms]} ms ($(fmt "${R[view1.rps]}") req/s) | p95 ≤ 50 ms | $V_VIEW1 |"
  echo "| segmentation job, 2 segments over $(fmt "$SEG_PROFILES") profiles | $(calc "$SEG_MS / 1000" 2) s | ≤ 30 s | $V_SEG |"
  if [ "$DB" = postgres ]; then
    echo "| export of a segment of $(fmt "$EXPORT_ROWS") profiles ÷ psql \\copy of the same select | $EXPORT_S s ÷ $COPY_S s = $EXPORT_RATIO | ≤ 2 | $V_EXPORT |"
  else
    echo "| export of a segment of $(fmt "$EXPORT_ROWS") profiles | $EXPORT_S s (no psql on H2) | | |"
  fi
  echo "| heap during the export: old generation peak, live after | $(signed "$EXPORT_OLD_GROWTH_MB") MB, $(signed "$EXPORT_LIVE_GROWTH_MB") MB | ≤ 64 MB | $V_HEAP |"
  echo
  echo "## Machine"
  echo
  echo "- CPU: $CPU_DESC"
  echo "- memory: $MEM_DESC"
  echo "- OS: $OS_DESC"
  echo "- Java: $JAVA_V (server options: ${CDP_JAVA_OPTS:-the run.sh default})"
  echo "- database: $DB_V"
  echo "- the server's request threads on its HTTP port: ${CDP_HTTP_THREADS:-the run.sh default, $(( $(nproc) * 2 > 4 ? $(nproc) * 2 : 4 ))} (\`CDP_HTTP_THREADS\`); the console's calls of the platform on a loopback listener of their own"
  echo "- $WRK_V; load average before the run: $LOAD_BEFORE"
  echo "- client and server on the same machine (loopback); the machine may be shared"
  echo
  echo "## Ingestion"
  echo
  echo "$(fmt "$PROFILES") generated profiles (DemoData), $(calc "$DATA_BYTES / 1048576") MiB of JSON Lines in ${#CHUNKS[@]} batch(es) of at most $CHUNK,"
  echo "uploaded one after another (${UPLOAD_T} s), then polled every ${POLL} s until every batch was done (the end: the last batch's completion time as the server recorded it): $INGEST_STATE."
  echo
  echo "| profiles ingested | lines refused | batches failed | wall time, first upload to last batch done | profiles/s |"
  echo "| --- | --- | --- | --- | --- |"
  echo "| $INGESTED_SUM of $PROFILES | $FAILED_SUM | $FAILED_BATCHES of ${#BATCHES[@]} | ${INGEST_T} s | $INGEST_RATE |"
  echo
  echo "CPU time per profile ingested (user + system, from /proc, over the same interval): the server's JVM"
  echo "$INGEST_CPU_SERVER_US µs, the database's processes $INGEST_CPU_DB_US µs$( [ "$DB" = postgres ] || echo " (H2 runs inside the server's JVM)");"
  echo "on average $INGEST_CORES of the machine's $(nproc) cores were busy with them."
  echo
  echo "## Reads"
  echo
  echo "wrk, $CONNECTIONS connections, $THREADS threads, ${DURATION} s each; latencies in ms. Before each run, warm-up rounds of"
  echo "${WARMUP_ROUND} s of the same load, not counted, until the server's JIT compiled for less than ${WARMUP_JIT} % of a round and the rate rose by less than ${WARMUP_GAIN} %"
  echo "(\`jstat -compiler\`; at least two rounds, at most ${WARMUP} s). Req/s by round, with the JIT's compile time in % of the round (its threads together):"
  echo "lookup ${R[lookup.warmup_s]} s (req/s by round: ${R[lookup.warmup_rates]}), search ${R[search.warmup_s]} s (${R[search.warmup_rates]}),"
  echo "view ${R[view.warmup_s]} s (${R[view.warmup_rates]}). Search and view then run again with $LIGHT_CONNECTIONS connection(s), one request"
  echo "at a time each: there, the latency is the server's time for one request, without the queue of the $CONNECTIONS."
  echo "Lookups and search pick from $SAMPLE_N sampled people, the profile view from $(wc -l < "$WORK/xids.txt") of their XIDs."
  echo
  echo "| run | req/s | p50 | p90 | p95 | p99 | max | server CPU µs a request | requests | non-2xx | socket errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  echo "| lookup: GET /data/core/ups/access/entities by email $(row lookup)"
  echo "| agent search: GET /data/core/ups/search/profiles $(row search)"
  echo "| profile view: GET /console/profiles/{xid} $(row view)"
  echo "| agent search, $LIGHT_CONNECTIONS connection(s) $(row search1)"
  echo "| profile view, $LIGHT_CONNECTIONS connection(s) $(row view1)"
  for name in lookup search view search1 view1; do
    [ -z "${R[$name.statuses]}" ] || echo "
Answers other than 200 in the $name run: ${R[$name.statuses]}; the first began: \`$(sed -n 's/^BENCH_FIRST_ERROR //p' "$WORK/wrk-$name.txt" | cut -c1-200 | tr -d '`')\`"
  done
  if [ "$DB" = postgres ]; then
    echo
    echo "pgbench of \`bench/lookup.sql\` (the SQL of the lookup by email), $CONNECTIONS clients, $THREADS threads,"
    echo "${DURATION} s, prepared statements: **$PGBENCH_TPS TPS**, latency average $PGBENCH_LAT ms."
    echo "API lookups per second ÷ pgbench TPS = **$RATIO** (target ≥ 0.30)."
  fi
  echo
  echo "## Segmentation and activation"
  echo
  echo "A segmentation job of two segments, \`lifetimeValue >= 0\` (scores only: $(fmt "$SEG_MEMBERS") members) and"
  echo "\`loyalty.tier = \"gold\"\` (read from each profile's record: $(fmt "$SEG_GOLD_MEMBERS") members): $(calc "$SEG_MS / 1000" 2) s of"
  echo "evaluation (the job's profileSegmentationTime), $SEG_WALL s from the request to SUCCEEDED."
  echo
  echo "Then an ad-hoc run of the first segment to a CSV destination (email, lifetimeValue, churnPropensity,"
  echo "purchasesLast30Days): $(fmt "$EXPORT_ROWS") rows, $(fmt "$EXPORT_BYTES") bytes in $EXPORT_S s (the run's start to its end, file and"
  echo "manifest published)."
  if [ "$DB" = postgres ]; then
    echo "In the same run, \`psql \\copy (SELECT …) TO file\` of the same rows (members in profile order, emails joined"
    echo "by |, the scores): $COPY_S s. Export ÷ copy = **$EXPORT_RATIO** (target ≤ 2)."
  fi
  echo "Heap (jstat every 0.2 s, after a full GC just before): the old generation grew by at most $EXPORT_OLD_GROWTH_MB MB while the"
  echo "export ran; after another full GC the live heap was $EXPORT_LIVE_GROWTH_MB MB above where it started; counting young garbage,"
  echo "the heap peaked $EXPORT_HEAP_PEAK_MB MB above the start."
  echo
  echo "## Raw output"
  for name in lookup search view search1 view1; do
    echo; echo "### wrk $name"; echo; echo '```'; grep -v '^BENCH_' "$WORK/wrk-$name.txt"; echo '```'
  done
  if [ "$DB" = postgres ]; then
    echo; echo "### pgbench"; echo; echo '```'; cat "$WORK/pgbench.txt"; echo '```'
  fi
} > "$RESULT"

echo
echo "=== cdp-console benchmark: $DB, $PROFILES profiles ==="
sed -n '/^## Summary/,/^## Machine/p' "$RESULT" | sed '1d;$d' | sed '/^$/d'
echo "results: $RESULT"
if [ "$STRICT" = 1 ] && [ "$MISSED" -gt 0 ]; then
  echo "$MISSED target(s) missed" >&2
  exit 3
fi
