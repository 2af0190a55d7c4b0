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
SAMPLE=${BENCH_SAMPLE:-10000}                   # people sampled for lookups and search
VIEW_SAMPLE=${BENCH_VIEW_SAMPLE:-1000}          # XIDs for the profile view page
# Batch file size (split -C). The API refuses more than 50 MiB; on H2 a 45 MiB batch once exhausted the embedded
# database's memory (-Xmx1g), so H2 gets smaller batches by default.
if [ "$DB" = h2 ]; then CHUNK=${BENCH_CHUNK_BYTES:-8M}; else CHUNK=${BENCH_CHUNK_BYTES:-45M}; fi
POLL=${BENCH_POLL_SECONDS:-0.5}                 # batch status polling interval
PORT=${BENCH_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-55433}
PG_OPTS=${BENCH_PG_OPTS:-}                      # extra postgres options, e.g. "-c shared_buffers=1GB"
LABEL=${BENCH_LABEL:-}                          # appended to the results file name, e.g. "smoke"
STRICT=${BENCH_STRICT:-0}                       # 1: exit 3 when a target is missed
KEEP=${BENCH_KEEP:-0}                           # 1: keep the work folder (data, logs) after the run
ORG=${CDP_ORG_ID:-CDPCONSOLE0000000000000@AdobeOrg}
SANDBOX=bench
CLIENT_ID=bench-client
CLIENT_SECRET=bench-secret-0123456789abcdef0123456789abcdef
ADMIN_PASSWORD=bench-admin-password-1
PG_BIN=/usr/lib/postgresql/15/bin
BASE="http://127.0.0.1:$PORT"

case "$DB" in postgres|h2) ;; *) echo "BENCH_DB must be postgres or h2, not '$DB'" >&2; exit 2 ;; esac
[[ "$PROFILES" =~ ^[0-9]+$ && "$PROFILES" -gt 0 ]] || { echo "BENCH_PROFILES must be a positive number" >&2; exit 2; }

START=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log() { echo "[bench $(( $(date +%s) - START ))s] $*" >&2; }
die() { echo "[bench] FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }          # calc EXPRESSION [DECIMALS]
ok() { awk "BEGIN { exit !($1) }"; }                           # ok "3 >= 2" succeeds when true

# --- tools: install what is missing (Debian 12; as root) -------------------------------------------------
need_packages=()
command -v wrk >/dev/null || need_packages+=(wrk)
command -v jq >/dev/null || need_packages+=(jq)
command -v curl >/dev/null || need_packages+=(curl)
if [ "$DB" = postgres ] && { [ ! -x "$PG_BIN/initdb" ] || ! command -v pgbench >/dev/null; }; then
  need_packages+=(postgresql-15 postgresql-client-15)
fi
if [ ${#need_packages[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing ${need_packages[*]}: install them (apt-get install ${need_packages[*]}) or run as root"
  log "installing ${need_packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

# --- work folder and cleanup ----------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/cdp-bench.XXXXXX)
DATA_DIR="$WORK/server"            # CDP_DATA_DIR: server log, pid, and the H2 database
PG_DIR=""
SERVER_PID=""
mkdir -p "$DATA_DIR"

as_postgres() {   # initdb and pg_ctl refuse to run as root
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    log "stopping the server (pid $SERVER_PID)"
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ]; then
    log "stopping PostgreSQL"
    as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast -w stop" >/dev/null 2>&1 || true
  fi
  if [ "$rc" != 0 ] && [ -f "$DATA_DIR/server.log" ]; then
    echo "--- last lines of the server log ($DATA_DIR/server.log) ---" >&2
    tail -n 30 "$DATA_DIR/server.log" >&2
  fi
  if [ "$KEEP" = 1 ]; then
    log "kept the work folder $WORK"
  else
    rm -rf "$WORK"
    [ -z "$PG_DIR" ] || rm -rf "$PG_DIR"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. build, database, server -------------------------------------------------------------------------
cd "$REPO"
if [ ! -f target/cdp-console.war ] || [ ! -f target/payara-micro.jar ] \
    || [ ! -f target/classes/dev/cdpconsole/platform/profile/DemoData.class ]; then
  log "building the WAR (mvn -q -B package -DskipTests)"
  mvn -q -B package -DskipTests
fi

db_env=()
if [ "$DB" = postgres ]; then
  PG_DIR=$(mktemp -d /tmp/cdp-bench-pg.XXXXXX)
  [ "$(id -u)" != 0 ] || chown postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DIR"
  as_postgres "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8" >/dev/null
  as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/server.log -o \"-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR $PG_OPTS\" -w start" >/dev/null \
    || die "PostgreSQL did not start; see $PG_DIR/server.log"
  PGHOST=127.0.0.1 PGPORT=$PG_PORT bash server-config/postgresql/setup.sh >/dev/null
  log "PostgreSQL 15 on port $PG_PORT"
  db_env=(DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/cdp?reWriteBatchedInserts=true" DB_USER=cdp DB_PASSWORD=cdp
          DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource)
  psql_cdp() { PGPASSWORD=cdp psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U cdp -d cdp "$@"; }
fi

log "starting the server on port $PORT ($DB)"
env "${db_env[@]}" CDP_DATA_DIR="$DATA_DIR" CDP_PORT="$PORT" CDP_DETACH=1 CDP_SKIP_BUILD=1 CDP_DEMO_PROFILES=0 \
  CDP_BOOTSTRAP_CLIENT_ID="$CLIENT_ID" CDP_BOOTSTRAP_CLIENT_SECRET="$CLIENT_SECRET" \
  CDP_ADMIN_PASSWORD="$ADMIN_PASSWORD" CDP_ORG_ID="$ORG" ./run.sh >"$WORK/start.log" 2>&1 \
  || { cat "$WORK/start.log" >&2; die "the server did not start"; }
SERVER_PID=$(cat "$DATA_DIR/server.pid")

# --- 2. data --------------------------------------------------------------------------------------------
log "generating $PROFILES profiles (DemoData), split into files of at most $CHUNK"
mkdir -p "$WORK/chunks"
java -cp target/classes dev.cdpconsole.platform.profile.DemoData "$PROFILES" profiles \
  | split -C "$CHUNK" -d -a 4 --additional-suffix=.jsonl - "$WORK/chunks/profiles-"
CHUNKS=("$WORK"/chunks/profiles-*.jsonl)
DATA_BYTES=$(cat "${CHUNKS[@]}" | wc -c)
log "${#CHUNKS[@]} file(s), $(calc "$DATA_BYTES / 1048576") MiB"

# --- 3. token and sandbox -------------------------------------------------------------------------------
TOKEN=$(curl -sf -X POST "$BASE/ims/token/v3" \
  --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" \
  --data-urlencode "client_secret=$CLIENT_SECRET" --data-urlencode scope=openid | jq -r .access_token)
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || die "no access token"
api() {   # api METHOD PATH [curl options...]: a platform call with every header (sandbox: $IN_SANDBOX or bench)
  local method=$1 path=$2; shift 2
  curl -sS -X "$method" "$BASE$path" -H "Authorization: Bearer $TOKEN" -H "x-api-key: $CLIENT_ID" \
    -H "x-gw-ims-org-id: $ORG" -H "x-sandbox-name: ${IN_SANDBOX:-$SANDBOX}" "$@"
}
code=$(IN_SANDBOX=prod api POST /data/foundation/sandbox-management/sandboxes -o "$WORK/sandbox.json" -w '%{http_code}' \
  -H 'Content-Type: application/json' -d "{\"name\":\"$SANDBOX\",\"title\":\"Bench\",\"type\":\"development\"}")
case "$code" in 2*) ;; *) cat "$WORK/sandbox.json" >&2; die "creating the sandbox answered $code" ;; esac
log "sandbox '$SANDBOX' ready"

# --- 4. ingestion ---------------------------------------------------------------------------------------
TICK=$(getconf CLK_TCK)
cpu_ticks() {   # cpu_ticks PID: the process's CPU time (user + system, with children it has waited for), in ticks
  awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
db_cpu_ticks() {   # PostgreSQL's CPU time: the postmaster (with its exited backends) and its live backends; 0 on H2
  [ "$DB" = postgres ] || { echo 0; return; }
  local postmaster total child
  postmaster=$(head -n 1 "$PG_DIR/data/postmaster.pid")
  total=$(cpu_ticks "$postmaster")
  for child in $(pgrep -P "$postmaster"); do total=$((total + $(cpu_ticks "$child"))); done
  echo "$total"
}
log "ingesting: uploading ${#CHUNKS[@]} batch(es)"
BATCHES=()
CPU0_SERVER=$(cpu_ticks "$SERVER_PID"); CPU0_DB=$(db_cpu_ticks)
INGEST_T0=$(now)
for chunk in "${CHUNKS[@]}"; do
  code=$(api POST "/data/core/ups/ingest/batches?schema.name=_xdm.context.profile" -o "$WORK/upload.json" \
    -w '%{http_code}' -H 'Content-Type: application/x-ndjson' --data-binary "@$chunk")
  case "$code" in 2*) ;; *) cat "$WORK/upload.json" >&2; die "uploading $(basename "$chunk") answered $code" ;; esac
  BATCHES+=("$(jq -r .batchId "$WORK/upload.json")")
done
UPLOAD_T=$(calc "$(now) - $INGEST_T0")
log "uploaded in ${UPLOAD_T}s; waiting for the batches (timeout ${INGEST_TIMEOUT}s)"

declare -A STATUS PROCESSED INGESTED FAILED_LINES
INGEST_STATE=complete
last_report=0
while :; do
  pending=0; processed_sum=0
  for id in "${BATCHES[@]}"; do
    if [ "${STATUS[$id]:-}" != success ] && [ "${STATUS[$id]:-}" != failed ]; then
      api GET "/data/core/ups/ingest/batches/$id" -o "$WORK/batch.json" -f || die "batch $id: status call failed"
      read -r s p i f < <(jq -r '"\(.status) \(.processedLines) \(.ingested) \(.failed)"' "$WORK/batch.json")
      STATUS[$id]=$s; PROCESSED[$id]=$p; INGESTED[$id]=$i; FAILED_LINES[$id]=$f
      [ "$s" = success ] || [ "$s" = failed ] || pending=$((pending + 1))
    fi
    processed_sum=$((processed_sum + ${PROCESSED[$id]:-0}))
  done
  INGEST_T=$(calc "$(now) - $INGEST_T0" 2)
  [ "$pending" = 0 ] && break
  if ok "$INGEST_T >= $INGEST_TIMEOUT"; then
    INGEST_STATE="timed out after ${INGEST_TIMEOUT}s"
    log "ingestion TIMED OUT: $processed_sum of $PROFILES lines processed; measuring what is there"
    break
  fi
  if ok "$INGEST_T - $last_report >= 15"; then
    last_report=$INGEST_T
    log "  ${INGEST_T}s: $processed_sum / $PROFILES lines ($(calc "$processed_sum / $INGEST_T") /s)"
  fi
  sleep "$POLL"
done
INGESTED_SUM=0; FAILED_SUM=0; PROCESSED_SUM=0; FAILED_BATCHES=0
for id in "${BATCHES[@]}"; do
  INGESTED_SUM=$((INGESTED_SUM + ${INGESTED[$id]})); FAILED_SUM=$((FAILED_SUM + ${FAILED_LINES[$id]}))
  PROCESSED_SUM=$((PROCESSED_SUM + ${PROCESSED[$id]}))
  [ "${STATUS[$id]}" != failed ] || FAILED_BATCHES=$((FAILED_BATCHES + 1))
done
INGEST_RATE=$(calc "$INGESTED_SUM / $INGEST_T")
log "ingestion: $INGESTED_SUM profiles in ${INGEST_T}s = $INGEST_RATE profiles/s ($FAILED_SUM lines refused, $INGEST_STATE)"
[ "$INGESTED_SUM" -gt 0 ] || die "nothing was ingested"
# CPU per profile: steadier than the rate on a shared machine, and it says which side to make cheaper.
INGEST_CPU_SERVER_US=$(calc "($(cpu_ticks "$SERVER_PID") - $CPU0_SERVER) / $TICK * 1000000 / $INGESTED_SUM" 0)
INGEST_CPU_DB_US=$(calc "($(db_cpu_ticks) - $CPU0_DB) / $TICK * 1000000 / $INGESTED_SUM" 0)
INGEST_CORES=$(calc "($INGEST_CPU_SERVER_US + $INGEST_CPU_DB_US) * $INGESTED_SUM / 1000000 / $INGEST_T" 2)
log "  CPU per profile: server $INGEST_CPU_SERVER_US µs, database $INGEST_CPU_DB_US µs ($INGEST_CORES cores busy on average)"

# --- samples: people that were ingested (each batch's first processedLines lines) ----------------------
# A fixed random source makes the same sample on every run of the same data.
for i in "${!CHUNKS[@]}"; do head -n "${PROCESSED[${BATCHES[$i]}]}" "${CHUNKS[$i]}"; done \
  | shuf -n "$SAMPLE" --random-source=<(yes cdp-console-bench) > "$WORK/sample.jsonl"
jq -r '.identityMap.email[0].id' "$WORK/sample.jsonl" > "$WORK/emails.txt"
# Search texts, a quarter each: a last name; the first 3 letters of a first name; the first 4 letters of an
# email; an email's local part without its last 2 characters (e.g. "james.12" of james.1234@example.com).
jq -rn '[inputs] | to_entries[] | .key as $k | .value
  | [.person.name.lastName, .person.name.firstName[0:3], .identityMap.email[0].id[0:4],
     (.identityMap.email[0].id | split("@")[0] | .[0:(length - 2)])][$k % 4]' "$WORK/sample.jsonl" > "$WORK/search.txt"
SAMPLE_N=$(wc -l < "$WORK/emails.txt")
log "sampled $SAMPLE_N people"

# Fail early when a lookup does not work, rather than benchmarking 404s.
probe=$(head -n 1 "$WORK/emails.txt")
code=$(api GET "/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityIdNS=email&entityId=$probe" \
  -o "$WORK/probe.json" -w '%{http_code}')
[ "$code" = 200 ] || { cat "$WORK/probe.json" >&2; die "looking up $probe answered $code"; }

if [ "$DB" = postgres ]; then
  log "ANALYZE after the load (as autovacuum would, eventually)"
  psql_cdp -c "ANALYZE profile; ANALYZE profile_identity;"
fi

# --- wrk runs -------------------------------------------------------------------------------------------
export BENCH_LUA_DIR="$BENCH_DIR" BENCH_TOKEN="$TOKEN" BENCH_CLIENT_ID="$CLIENT_ID" BENCH_ORG_ID="$ORG" \
  BENCH_SANDBOX="$SANDBOX"
declare -A R                      # R[name.key] = value from the BENCH_RESULT line
jit_seconds() {   # the server JVM's total compile time so far, in seconds (jstat -compiler)
  jstat -compiler "$SERVER_PID" 2>/dev/null | awk 'NR == 2 { print $4 }'
}
warm_up() {   # warm_up NAME SCRIPT URL_PATH: rounds until the JIT compiled for less than WARMUP_JIT % of a round
  local name=$1 script=$2 path=$3 spent=0 rps rates="" before after share=100
  while [ "$spent" -lt "$WARMUP" ] && { [ "$spent" -lt $((2 * WARMUP_ROUND)) ] || ok "$share >= $WARMUP_JIT"; }; do
    before=$(jit_seconds)
    rps=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP_ROUND}s" --timeout 30s -s "$BENCH_DIR/$script" "$BASE$path" \
      | sed -n 's/^BENCH_RESULT .* rps=\([0-9.]*\) .*/\1/p')
    after=$(jit_seconds)
    share=$(calc "(${after:-0} - ${before:-0}) * 100 / $WARMUP_ROUND" 0)
    spent=$((spent + WARMUP_ROUND))
    rates="$rates${rates:+, }$(calc "${rps:-0}" 0) (JIT $share %)"
  done
  R[$name.warmup_s]=$spent
  R[$name.warmup_rates]=${rates:-none}
  [ "$WARMUP" -le 0 ] || log "wrk $name: warmed up for ${spent}s, req/s by round (and the JIT's compile time, % of the round): $rates"
}
# run_wrk NAME SCRIPT SAMPLE_FILE URL_PATH [CONNECTIONS]: warm-up, then the measured run, parsed into R[NAME.*].
# With CONNECTIONS given: that many connections on as many threads (at most THREADS), and no warm-up of its own
# (it follows the full run of the same page).
run_wrk() {
  local name=$1 script=$2 sample=$3 path=$4 conns=${5:-$CONNECTIONS} threads=$THREADS
  export BENCH_SAMPLE_FILE="$sample"
  if [ -z "${5:-}" ]; then warm_up "$name" "$script" "$path"; fi
  [ "$conns" -ge "$threads" ] || threads=$conns
  log "wrk $name: ${DURATION}s, $conns connections, $threads threads"
  wrk -t "$threads" -c "$conns" -d "${DURATION}s" --timeout 30s --latency -s "$BENCH_DIR/$script" "$BASE$path" \
    > "$WORK/wrk-$name.txt"
  local line pair
  line=$(grep '^BENCH_RESULT ' "$WORK/wrk-$name.txt") || { cat "$WORK/wrk-$name.txt" >&2; die "wrk $name printed no result"; }
  for pair in ${line#BENCH_RESULT }; do R[$name.${pair%%=*}]=${pair#*=}; done
  R[$name.statuses]=$(sed -n 's/^BENCH_STATUS //p' "$WORK/wrk-$name.txt")
  [ -z "${R[$name.statuses]}" ] || log "  answers other than 200: ${R[$name.statuses]}; the first: $(sed -n 's/^BENCH_FIRST_ERROR //p' "$WORK/wrk-$name.txt" | cut -c1-200)"
  log "  ${R[$name.rps]} req/s, p50 ${R[$name.p50_ms]} ms, p95 ${R[$name.p95_ms]} ms, p99 ${R[$name.p99_ms]} ms, non-2xx ${R[$name.non2xx]}"
}

# --- 5. lookup through the API --------------------------------------------------------------------------
run_wrk lookup lookup.lua "$WORK/emails.txt" /data/core/ups/access/entities

# --- 6. the same lookup's SQL with pgbench --------------------------------------------------------------
PGBENCH_TPS=""; PGBENCH_LAT=""; RATIO=""
if [ "$DB" = postgres ]; then
  # The sampled emails, numbered, in a schema of their own (nothing of the application's is touched).
  psql_cdp <<SQL
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS cdp_bench;
DROP TABLE IF EXISTS cdp_bench.bench_email;
CREATE TABLE cdp_bench.bench_email (n int PRIMARY KEY, email text NOT NULL);
SQL
  awk '{ print NR "\t" $0 }' "$WORK/emails.txt" | psql_cdp -c "\\copy cdp_bench.bench_email (n, email) FROM STDIN"
  psql_cdp -c "ANALYZE cdp_bench.bench_email;"
  log "pgbench lookup.sql: ${DURATION}s, $CONNECTIONS clients, $THREADS threads"
  pgbench_run() {
    PGPASSWORD=cdp pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U cdp -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$1" \
      -D emails="$SAMPLE_N" -D sandbox="$SANDBOX" -f "$BENCH_DIR/lookup.sql" cdp
  }
  [ "$WARMUP" -le 0 ] || pgbench_run "$WARMUP_ROUND" >/dev/null 2>&1
  pgbench_run "$DURATION" > "$WORK/pgbench.txt" 2>&1 || { cat "$WORK/pgbench.txt" >&2; die "pgbench failed"; }
  PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$WORK/pgbench.txt" | head -n 1)
  [ -n "$PGBENCH_TPS" ] || { cat "$WORK/pgbench.txt" >&2; die "pgbench printed no TPS"; }
  PGBENCH_TPS=$(calc "$PGBENCH_TPS" 1)
  PGBENCH_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$WORK/pgbench.txt")
  RATIO=$(calc "${R[lookup.rps]} / $PGBENCH_TPS" 3)
  log "  $PGBENCH_TPS TPS (latency average $PGBENCH_LAT ms); API / SQL = $RATIO"
fi

# --- 7. agent search ------------------------------------------------------------------------------------
run_wrk search search.lua "$WORK/search.txt" /data/core/ups/search/profiles
run_wrk search1 search.lua "$WORK/search.txt" /data/core/ups/search/profiles "$LIGHT_CONNECTIONS"

# --- 8. the console's profile view page -----------------------------------------------------------------
# XIDs: the entities API's batch lookup answers keyed by XID (100 identities a call).
head -n "$VIEW_SAMPLE" "$WORK/emails.txt" | split -l 100 - "$WORK/view-emails-"
: > "$WORK/xids.txt"
for part in "$WORK"/view-emails-*; do
  jq -R '{entityId: ., entityIdNS: {code: "email"}}' "$part" \
    | jq -s '{schema: {name: "_xdm.context.profile"}, identities: ., fields: ["person.name"]}' \
    | api POST /data/core/ups/access/entities -f -H 'Content-Type: application/json' --data-binary @- \
    | jq -r 'keys[]' >> "$WORK/xids.txt"
done
[ -s "$WORK/xids.txt" ] || die "the batch lookup gave no XIDs"

# Sign in through the console's form (CSRF token from the page), then choose the bench sandbox.
JAR="$WORK/cookies.txt"
form_csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
csrf=$(curl -sf -c "$JAR" -b "$JAR" "$BASE/console/login" | form_csrf)
[ -n "$csrf" ] || die "no CSRF token on /console/login"
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" "$BASE/console/login" \
  --data-urlencode "_csrf=$csrf" --data-urlencode username=admin --data-urlencode "password=$ADMIN_PASSWORD")
case "$code" in 30*) ;; *) die "console sign-in answered $code" ;; esac
csrf=$(curl -sf -c "$JAR" -b "$JAR" "$BASE/console/" | form_csrf)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" "$BASE/console/sandbox-selection" \
  --data-urlencode "_csrf=$csrf" --data-urlencode "sandbox=$SANDBOX" --data-urlencode back=/console/profiles)
case "$code" in 30*) ;; *) die "choosing the sandbox in the console answered $code" ;; esac
export BENCH_COOKIE
BENCH_COOKIE=$(awk -F '\t' 'NF == 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$JAR")
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

JAVA_V=$(java -version 2>&1 | head -n 1 || true)
WRK_V=$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2 || true)
if [ "$DB" = postgres ]; then DB_V=$("$PG_BIN/postgres" --version); else DB_V="H2 (the one bundled with Payara Micro), file mode"; fi
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git -C "$REPO" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ] || COMMIT="$COMMIT (with uncommitted changes)"
mkdir -p "$BENCH_DIR/results"
RESULT="$BENCH_DIR/results/$(date +%Y-%m-%d-%H%M)-$DB-$PROFILES${LABEL:+-$LABEL}.md"
fmt() { printf "%'.0f" "$1" 2>/dev/null || echo "$1"; }
row() {   # row NAME: a table row of a wrk run
  echo "| ${R[$1.rps]} | ${R[$1.p50_ms]} | ${R[$1.p90_ms]} | ${R[$1.p95_ms]} | ${R[$1.p99_ms]} | ${R[$1.max_ms]} | ${R[$1.requests]} | ${R[$1.non2xx]} | $(( ${R[$1.connect_errors]} + ${R[$1.read_errors]} + ${R[$1.write_errors]} + ${R[$1.timeouts]} )) |"
}
{
  echo "# cdp-console benchmark: $DB, $(fmt "$PROFILES") profiles${LABEL:+ ($LABEL)}"
  echo
  echo "$(date -u +'%Y-%m-%d %H:%M UTC'), commit $COMMIT, \`bench/run.sh\` with BENCH_PROFILES=$PROFILES BENCH_DB=$DB"
  echo "BENCH_DURATION=$DURATION BENCH_CONNECTIONS=$CONNECTIONS BENCH_LIGHT_CONNECTIONS=$LIGHT_CONNECTIONS BENCH_THREADS=$THREADS BENCH_WARMUP=$WARMUP BENCH_WARMUP_ROUND=$WARMUP_ROUND BENCH_WARMUP_JIT=$WARMUP_JIT BENCH_SAMPLE=$SAMPLE BENCH_CHUNK_BYTES=$CHUNK${PG_OPTS:+ BENCH_PG_OPTS=\"$PG_OPTS\"}."
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
  echo "| heap during the export: old generation peak, live after | +$EXPORT_OLD_GROWTH_MB MB, +$EXPORT_LIVE_GROWTH_MB MB | ≤ 64 MB | $V_HEAP |"
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(nproc) cores, $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- Java: $JAVA_V (server options: ${CDP_JAVA_OPTS:--Xmx1g, the run.sh default})"
  echo "- database: $DB_V"
  echo "- the server's request threads on its HTTP port: ${CDP_HTTP_THREADS:-the run.sh default, $(( $(nproc) * 2 > 4 ? $(nproc) * 2 : 4 ))} (\`CDP_HTTP_THREADS\`); the console's calls of the platform on a loopback listener of their own"
  echo "- $WRK_V; load average before the run: $LOAD_BEFORE"
  echo "- client and server on the same machine (loopback); the machine may be shared"
  echo
  echo "## Ingestion"
  echo
  echo "$(fmt "$PROFILES") generated profiles (DemoData), $(calc "$DATA_BYTES / 1048576") MiB of JSON Lines in ${#CHUNKS[@]} batch(es) of at most $CHUNK,"
  echo "uploaded one after another (${UPLOAD_T} s), then polled every ${POLL} s until every batch was done: $INGEST_STATE."
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
  echo "${WARMUP_ROUND} s of the same load, not counted, until the server's JIT compiled for less than ${WARMUP_JIT} % of a round"
  echo "(\`jstat -compiler\`; at least two rounds, at most ${WARMUP} s). Req/s by round, with the JIT's compile time in % of the round (its threads together):"
  echo "lookup ${R[lookup.warmup_s]} s (req/s by round: ${R[lookup.warmup_rates]}), search ${R[search.warmup_s]} s (${R[search.warmup_rates]}),"
  echo "view ${R[view.warmup_s]} s (${R[view.warmup_rates]}). Search and view then run again with $LIGHT_CONNECTIONS connection(s), one request"
  echo "at a time each: there, the latency is the server's time for one request, without the queue of the $CONNECTIONS."
  echo "Lookups and search pick from $SAMPLE_N sampled people, the profile view from $(wc -l < "$WORK/xids.txt") of their XIDs."
  echo
  echo "| run | req/s | p50 | p90 | p95 | p99 | max | requests | non-2xx | socket errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
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
