# Shared by bench/run.sh, settings.sh, servers.sh and commits.sh (sourced, not run): logging and arithmetic, tools, a throwaway
# PostgreSQL, the server, the API's token and headers, wrk runs with their warm-up, the console's sign-in.
# The caller sets BENCH_DIR, REPO, the settings these functions read (PORT, PG_PORT, PG_OPTS, DB, KEEP,
# CONNECTIONS, THREADS, DURATION, WARMUP, WARMUP_ROUND, WARMUP_JIT, WARMUP_GAIN) and BENCH_NAME (the log prefix), then
# calls bench_start. The bench's own organisation, sandbox, client and admin password are set here, once.
# shellcheck shell=bash

PG_BIN=/usr/lib/postgresql/15/bin
ORG=${CDP_ORG_ID:-CDPCONSOLE0000000000000@AdobeOrg}
SANDBOX=bench
CLIENT_ID=bench-client
CLIENT_SECRET=bench-secret-0123456789abcdef0123456789abcdef
ADMIN_PASSWORD=bench-admin-password-1

a_b_settings() {   # the settings settings.sh and commits.sh read alike, from their BENCH_ variables (bench/README.md)
  INGEST_TIMEOUT=${BENCH_INGEST_TIMEOUT:-3600}
  CHUNK=${BENCH_CHUNK_BYTES:-45M}
  POLL=${BENCH_POLL_SECONDS:-2}
  PORT=${BENCH_PORT:-18080}
  PG_PORT=${BENCH_PG_PORT:-55433}
  PG_OPTS=${BENCH_PG_OPTS:-}
  KEEP=${BENCH_KEEP:-0}
  DB=postgres
}
bench_start() {   # the clock, the load before, the code measured, the work folder, cleanup at exit
  START=$(date +%s)
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  # Taken now, not when the results are written: edits made while a long run goes on are not what it measured.
  COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
  [ -z "$(git -C "$REPO" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ] \
    || COMMIT="$COMMIT (with uncommitted changes)"
  BASE="http://127.0.0.1:$PORT"
  WORK=$(mktemp -d "/tmp/cdp-$BENCH_NAME.XXXXXX")
  DATA_DIR="$WORK/server"            # CDP_DATA_DIR: server log, pid, and the H2 database
  PG_DIR=""
  SERVER_PID=""
  mkdir -p "$DATA_DIR"
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}
machine() {   # the machine, for the results: CPU_DESC, MEM_DESC, OS_DESC, JAVA_V
  CPU_DESC="$(nproc) cores, $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  MEM_DESC=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  OS_DESC="$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  JAVA_V=$(java -version 2>&1 | head -n 1 || true)
}
log() { echo "[$BENCH_NAME $(( $(date +%s) - START ))s] $*" >&2; }
die() { echo "[$BENCH_NAME] FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }          # calc EXPRESSION [DECIMALS]
signed() { case $1 in -*) echo "$1" ;; *) echo "+$1" ;; esac; }   # signed NUMBER: with its sign, + or -
ok() { awk "BEGIN { exit !($1) }"; }                           # ok "3 >= 2" succeeds when true

# --- tools: install what is missing (Debian 12; as root) -------------------------------------------------
install_tools() {
  local need_packages=()
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
}

build_if_missing() {   # build_if_missing [wildfly]: the WAR, Payara Micro, the demo data generator (and WildFly)
  local profile=() missing=0
  cd "$REPO"
  [ -f target/cdp-console.war ] && [ -f target/payara-micro.jar ] \
    && [ -f target/classes/dev/cdpconsole/platform/profile/DemoData.class ] || missing=1
  if [ "${1:-}" = wildfly ]; then
    profile=(-Pwildfly)
    [ -d target/wildfly-39.0.1.Final ] || missing=1
  fi
  if [ "$missing" = 1 ]; then
    log "building the WAR (mvn -q -B package -DskipTests ${profile[*]})"
    mvn -q -B package -DskipTests "${profile[@]}"
  fi
}

# --- the database ----------------------------------------------------------------------------------------
as_postgres() {   # initdb and pg_ctl refuse to run as root; they run from /, since the caller's folder may be closed to them
  if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/bash -c "$*"); else bash -c "$*"; fi
}
start_postgres() {   # a throwaway PostgreSQL 15 with the cdp database; sets DB_ENV for the server, psql_cdp
  PG_DIR=$(mktemp -d "/tmp/cdp-$BENCH_NAME-pg.XXXXXX")
  [ "$(id -u)" != 0 ] || chown postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DIR"
  as_postgres "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8" >/dev/null
  as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/server.log -o \"-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR $PG_OPTS\" -w start" >/dev/null \
    || die "PostgreSQL did not start; see $PG_DIR/server.log"
  PGHOST=127.0.0.1 PGPORT=$PG_PORT bash "$REPO/server-config/postgresql/setup.sh" >/dev/null
  log "PostgreSQL 15 on port $PG_PORT"
  DB_ENV=(DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/cdp?reWriteBatchedInserts=true" DB_USER=cdp DB_PASSWORD=cdp
          DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource)
}
stop_postgres() {   # stops the throwaway PostgreSQL, and removes it unless KEEP=1
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ]; then
    log "stopping PostgreSQL"
    as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast -w stop" >/dev/null 2>&1 || true
  fi
  if [ "$KEEP" != 1 ] && [ -n "$PG_DIR" ]; then rm -rf "$PG_DIR"; PG_DIR=""; fi
}
psql_cdp() { PGPASSWORD=cdp psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U cdp -d cdp "$@"; }

# --- the server ------------------------------------------------------------------------------------------
SERVER_ARGS=()                    # run.sh's arguments, e.g. (--wildfly)
start_server() {   # start_server [VAR=value ...]: ./run.sh detached, on DB_ENV's database; sets SERVER_PID
  log "starting the server on port $PORT ($DB${1:+; $*}${SERVER_ARGS[*]:+; ${SERVER_ARGS[*]}})"
  env "${DB_ENV[@]}" "$@" CDP_DATA_DIR="$DATA_DIR" CDP_PORT="$PORT" CDP_DETACH=1 CDP_SKIP_BUILD=1 CDP_DEMO_PROFILES=0 \
    CDP_BOOTSTRAP_CLIENT_ID="$CLIENT_ID" CDP_BOOTSTRAP_CLIENT_SECRET="$CLIENT_SECRET" \
    CDP_ADMIN_PASSWORD="$ADMIN_PASSWORD" CDP_ORG_ID="$ORG" "$REPO/run.sh" "${SERVER_ARGS[@]}" >"$WORK/start.log" 2>&1 \
    || { cat "$WORK/start.log" >&2; die "the server did not start"; }
  SERVER_PID=$(cat "$DATA_DIR/server.pid")
}
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    log "stopping the server (pid $SERVER_PID)"
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
bench_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_server
  stop_postgres
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

# round_order ROUND ITEM...: ORDER, the items in the order of that round of an A/B run: as given on odd rounds,
# reversed on even ones (A B, B A), so that a machine that speeds up or slows down during the run favours none.
round_order() {
  local round=$1 k; shift
  ORDER=("$@")
  if [ $((round % 2)) = 0 ]; then
    ORDER=(); for ((k = $#; k >= 1; k--)); do ORDER+=("${!k}"); done
  fi
}

# mean ITEM KEY [per]: the mean over the ROUNDS rounds of an A/B run of M[ITEM.round.KEY], each value divided by
# that run's pgbench TPS (M[ITEM.round.tps]) with per.
mean() {
  local item=$1 key=$2 per=${3:-} sum=0 r v
  for r in $(seq 1 "$ROUNDS"); do
    v=${M[$item.$r.$key]}
    [ -z "$per" ] || v=$(calc "$v / ${M[$item.$r.tps]}" 6)
    sum=$(calc "$sum + $v" 6)
  done
  calc "$sum / $ROUNDS" 6
}

# ingestion_from_nothing RUN: one run of an ingestion A/B (commits.sh, database.sh), from nothing: a fresh
# PostgreSQL (PG_OPTS), the server of REPO, CHUNKS ingested into a warm-up sandbox (the JIT compiles there), then
# into the measured one; sets M[RUN.rate], .seconds, .server_us, .db_us, .cores and .checkpoints (those PostgreSQL
# started because the WAL reached max_wal_size, during the measured ingestion), and stops both.
ingestion_from_nothing() {
  local run=$1 checkpoints
  rm -rf "$DATA_DIR" && mkdir -p "$DATA_DIR"
  start_postgres
  start_server
  fetch_token
  SANDBOX=warm create_sandbox
  SANDBOX=warm IN_SANDBOX=warm ingest_chunks
  [ "$INGEST_STATE" = complete ] || die "the warm-up ingestion $INGEST_STATE"
  checkpoints=$(psql_cdp -At -c "SELECT checkpoints_req FROM pg_stat_bgwriter")
  create_sandbox
  ingest_chunks
  [ "$INGEST_STATE" = complete ] || die "ingestion $INGEST_STATE"
  [ "$FAILED_SUM" = 0 ] || die "$FAILED_SUM lines were refused"
  M[$run.rate]=$INGEST_RATE
  M[$run.seconds]=$INGEST_T
  M[$run.server_us]=$INGEST_CPU_SERVER_US
  M[$run.db_us]=$INGEST_CPU_DB_US
  M[$run.cores]=$INGEST_CORES
  M[$run.checkpoints]=$(( $(psql_cdp -At -c "SELECT checkpoints_req FROM pg_stat_bgwriter") - checkpoints ))
  stop_server
  stop_postgres
}

# --- the API ---------------------------------------------------------------------------------------------
fetch_token() {   # TOKEN from the bootstrap credential, and the wrk scripts' settings
  TOKEN=$(curl -sf -X POST "$BASE/ims/token/v3" \
    --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" \
    --data-urlencode "client_secret=$CLIENT_SECRET" --data-urlencode scope=openid | jq -r .access_token)
  [ -n "$TOKEN" ] && [ "$TOKEN" != null ] || die "no access token"
  export BENCH_LUA_DIR="$BENCH_DIR" BENCH_TOKEN="$TOKEN" BENCH_CLIENT_ID="$CLIENT_ID" BENCH_ORG_ID="$ORG" \
    BENCH_SANDBOX="$SANDBOX"
}
api() {   # api METHOD PATH [curl options...]: a platform call with every header (sandbox: $IN_SANDBOX or bench)
  local method=$1 path=$2; shift 2
  curl -sS -X "$method" "$BASE$path" -H "Authorization: Bearer $TOKEN" -H "x-api-key: $CLIENT_ID" \
    -H "x-gw-ims-org-id: $ORG" -H "x-sandbox-name: ${IN_SANDBOX:-$SANDBOX}" "$@"
}
create_sandbox() {
  local code
  code=$(IN_SANDBOX=prod api POST /data/foundation/sandbox-management/sandboxes -o "$WORK/sandbox.json" -w '%{http_code}' \
    -H 'Content-Type: application/json' -d "{\"name\":\"$SANDBOX\",\"title\":\"Bench\",\"type\":\"development\"}")
  case "$code" in 2*) ;; *) cat "$WORK/sandbox.json" >&2; die "creating the sandbox answered $code" ;; esac
  log "sandbox '$SANDBOX' ready"
}
view_xids() {   # view_xids EMAILS N OUT: the XIDs of the first N emails, from the entities API's batch lookup
  local emails=$1 n=$2 out=$3 part
  rm -f "$WORK"/view-emails-*
  head -n "$n" "$emails" | split -l 100 - "$WORK/view-emails-"
  : > "$out"
  for part in "$WORK"/view-emails-*; do
    jq -R '{entityId: ., entityIdNS: {code: "email"}}' "$part" \
      | jq -s '{schema: {name: "_xdm.context.profile"}, identities: ., fields: ["person.name"]}' \
      | api POST /data/core/ups/access/entities -f -H 'Content-Type: application/json' --data-binary @- \
      | jq -r 'keys[]' >> "$out"
  done
  [ -s "$out" ] || die "the batch lookup gave no XIDs"
}
console_sign_in() {   # sign in through the console's form (CSRF token from the page), choose the bench sandbox
  local jar="$WORK/cookies.txt" csrf code
  rm -f "$jar"
  form_csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
  csrf=$(curl -sf -c "$jar" -b "$jar" "$BASE/console/login" | form_csrf)
  [ -n "$csrf" ] || die "no CSRF token on /console/login"
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$BASE/console/login" \
    --data-urlencode "_csrf=$csrf" --data-urlencode username=admin --data-urlencode "password=$ADMIN_PASSWORD")
  case "$code" in 30*) ;; *) die "console sign-in answered $code" ;; esac
  csrf=$(curl -sf -c "$jar" -b "$jar" "$BASE/console/" | form_csrf)
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$BASE/console/sandbox-selection" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "sandbox=$SANDBOX" --data-urlencode back=/console/profiles)
  case "$code" in 30*) ;; *) die "choosing the sandbox in the console answered $code" ;; esac
  export BENCH_COOKIE
  BENCH_COOKIE=$(awk -F '\t' 'NF == 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
}

# --- CPU time --------------------------------------------------------------------------------------------
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

# --- wrk -------------------------------------------------------------------------------------------------
declare -A R                      # R[name.key] = value from the BENCH_RESULT line
jit_seconds() {   # the server JVM's total compile time so far, in seconds (jstat -compiler)
  jstat -compiler "$SERVER_PID" 2>/dev/null | awk 'NR == 2 { print $4 }'
}
warm_up() {   # warm_up NAME SCRIPT URL_PATH: rounds until one in which the JIT compiled for less than WARMUP_JIT %
  # of the round and the rate rose by less than WARMUP_GAIN % over the round before (at least two rounds, at most
  # WARMUP seconds). The JIT alone stopped some warm-ups while the rate still climbed by a third in a round.
  local name=$1 script=$2 path=$3 spent=0 rps rates="" before after share=100 last=0 gain=100
  while [ "$spent" -lt "$WARMUP" ] && { [ "$spent" -lt $((2 * WARMUP_ROUND)) ] || ok "$share >= $WARMUP_JIT" \
      || ok "$gain >= ${WARMUP_GAIN:-5}"; }; do
    before=$(jit_seconds)
    rps=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP_ROUND}s" --timeout 30s -s "$BENCH_DIR/$script" "$BASE$path" \
      | sed -n 's/^BENCH_RESULT .* rps=\([0-9.]*\) .*/\1/p')
    after=$(jit_seconds)
    share=$(calc "(${after:-0} - ${before:-0}) * 100 / $WARMUP_ROUND" 0)
    gain=$(if ok "$last > 0"; then calc "(${rps:-0} - $last) * 100 / $last" 0; else echo 100; fi)
    last=${rps:-0}
    spent=$((spent + WARMUP_ROUND))
    rates="$rates${rates:+, }$(calc "${rps:-0}" 0) (JIT $share %)"
  done
  R[$name.warmup_s]=$spent
  R[$name.warmup_rates]=${rates:-none}
  [ "$WARMUP" -le 0 ] || log "wrk $name: warmed up for ${spent}s, req/s by round (and the JIT's compile time, % of the round): $rates"
}
# gc_total: "COLLECTIONS SECONDS" of the server's JVM so far (jstat -gc: young and full collections, and every
# pause's time), or nothing when jstat cannot read it
gc_total() {
  [ -n "$SERVER_PID" ] || return 0
  jstat -gc "$SERVER_PID" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 && col["YGC"] && col["GCT"] { print $col["YGC"] + $col["FGC"], $col["GCT"] }' || true
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
  local gc_before gc_after t0 took cpu_before cpu_after
  gc_before=$(gc_total); cpu_before=$(cpu_ticks "$SERVER_PID"); t0=$(now)
  wrk -t "$threads" -c "$conns" -d "${DURATION}s" --timeout 30s --latency -s "$BENCH_DIR/$script" "$BASE$path" \
    > "$WORK/wrk-$name.txt"
  gc_after=$(gc_total); cpu_after=$(cpu_ticks "$SERVER_PID"); took=$(calc "$(now) - $t0" 3)
  local line pair
  line=$(grep '^BENCH_RESULT ' "$WORK/wrk-$name.txt") || { cat "$WORK/wrk-$name.txt" >&2; die "wrk $name printed no result"; }
  for pair in ${line#BENCH_RESULT }; do R[$name.${pair%%=*}]=${pair#*=}; done
  # The server's CPU time per request (its JVM, every thread): on a shared machine a steadier measure of a
  # request's cost than the rate, which also moves with what else runs.
  R[$name.cpu_us]=""
  if [ "${R[$name.requests]:-0}" -gt 0 ] && [ "$cpu_after" -gt 0 ]; then
    R[$name.cpu_us]=$(calc "($cpu_after - $cpu_before) * 1000000 / $TICK / ${R[$name.requests]}" 0)
    log "  server CPU: ${R[$name.cpu_us]} µs a request"
  fi
  R[$name.gc_count]=""; R[$name.gc_pct]=""
  if [ -n "$gc_before" ] && [ -n "$gc_after" ]; then
    R[$name.gc_count]=$(( ${gc_after% *} - ${gc_before% *} ))
    R[$name.gc_pct]=$(calc "(${gc_after#* } - ${gc_before#* }) * 100 / $took" 2)
    log "  GC: ${R[$name.gc_count]} collections, ${R[$name.gc_pct]} % of the run's wall time in pauses"
  fi
  R[$name.statuses]=$(sed -n 's/^BENCH_STATUS //p' "$WORK/wrk-$name.txt")
  [ -z "${R[$name.statuses]}" ] || log "  answers other than 200: ${R[$name.statuses]}; the first: $(sed -n 's/^BENCH_FIRST_ERROR //p' "$WORK/wrk-$name.txt" | cut -c1-200)"
  log "  ${R[$name.rps]} req/s, p50 ${R[$name.p50_ms]} ms, p95 ${R[$name.p95_ms]} ms, p99 ${R[$name.p99_ms]} ms, non-2xx ${R[$name.non2xx]}"
}

# --- data and ingestion ----------------------------------------------------------------------------------
generate_chunks() {   # PROFILES demo people as JSON Lines files of at most CHUNK bytes: CHUNKS, DATA_BYTES
  log "generating $PROFILES profiles (DemoData), split into files of at most $CHUNK"
  mkdir -p "$WORK/chunks"
  java -cp target/classes dev.cdpconsole.platform.profile.DemoData "$PROFILES" profiles \
    | split -C "$CHUNK" -d -a 4 --additional-suffix=.jsonl - "$WORK/chunks/profiles-"
  CHUNKS=("$WORK"/chunks/profiles-*.jsonl)
  DATA_BYTES=$(cat "${CHUNKS[@]}" | wc -c)
  log "${#CHUNKS[@]} file(s), $(calc "$DATA_BYTES / 1048576") MiB"
}
# ingest_chunks: every file of CHUNKS uploaded as a batch, one after another, then the batches polled until done
# (or INGEST_TIMEOUT): BATCHES, STATUS/PROCESSED/INGESTED/FAILED_LINES by batch, UPLOAD_T, INGEST_T, INGEST_STATE,
# the sums, INGEST_RATE, and the CPU time per profile of the server and of the database.
BATCH_LIST_MAX=100               # the most batches one call of GET /data/core/ups/ingest/batches answers (its limit)
ingest_chunks() {
  local chunk code id s p i f d pending processed_sum last_report CPU0_SERVER CPU0_DB INGEST_T0
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

  declare -gA STATUS PROCESSED INGESTED FAILED_LINES DONE_AT
  INGEST_STATE=complete
  last_report=0
  while :; do
    pending=0; processed_sum=0
    if [ "${#BATCHES[@]}" -le "$BATCH_LIST_MAX" ]; then
      # One call for every batch (the sandbox's latest, which are these), so that a poll costs the machine one curl
      # and one jq, not one of each per batch.
      api GET "/data/core/ups/ingest/batches?limit=${#BATCHES[@]}" -o "$WORK/batch.json" -f \
        || die "the batch list call failed"
      while read -r id s p i f d; do
        STATUS[$id]=$s; PROCESSED[$id]=$p; INGESTED[$id]=$i; FAILED_LINES[$id]=$f; DONE_AT[$id]=$d
      done < <(jq -r '.batches[] | "\(.batchId) \(.status) \(.processedLines) \(.ingested) \(.failed) \(.completedAt)"' \
        "$WORK/batch.json")
    fi
    for id in "${BATCHES[@]}"; do
      if [ "${#BATCHES[@]}" -gt "$BATCH_LIST_MAX" ] && [ "${STATUS[$id]:-}" != success ] \
          && [ "${STATUS[$id]:-}" != failed ]; then
        api GET "/data/core/ups/ingest/batches/$id" -o "$WORK/batch.json" -f || die "batch $id: status call failed"
        read -r s p i f d < <(jq -r '"\(.status) \(.processedLines) \(.ingested) \(.failed) \(.completedAt)"' \
          "$WORK/batch.json")
        STATUS[$id]=$s; PROCESSED[$id]=$p; INGESTED[$id]=$i; FAILED_LINES[$id]=$f; DONE_AT[$id]=$d
      fi
      [ -n "${STATUS[$id]:-}" ] || die "batch $id is not among the sandbox's latest batches"
      [ "${STATUS[$id]}" = success ] || [ "${STATUS[$id]}" = failed ] || pending=$((pending + 1))
      processed_sum=$((processed_sum + ${PROCESSED[$id]:-0}))
    done
    INGEST_T=$(calc "$(now) - $INGEST_T0" 2)
    if [ "$pending" = 0 ]; then
      # The end is the last batch's completion as the server recorded it (same machine, same clock), not the poll
      # that saw it: polling can then be rare, and its own CPU stays out of the machine the server shares.
      INGEST_T=0
      for id in "${BATCHES[@]}"; do
        d=$(date -d "${DONE_AT[$id]}" +%s.%N 2>/dev/null) || die "batch $id: no completion time (${DONE_AT[$id]})"
        if ok "$d - $INGEST_T0 > $INGEST_T"; then INGEST_T=$(calc "$d - $INGEST_T0" 2); fi
      done
      break
    fi
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
}
# sample_people: SAMPLE of the people ingested (each batch's first processedLines lines) in emails.txt and
# search.txt; one lookup must answer 200; on PostgreSQL, ANALYZE and CHECKPOINT after the load.
sample_people() {
  local i probe code
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
    # The load's last checkpoint is spread over checkpoint_timeout x checkpoint_completion_target (minutes):
    # without this, the reads below are measured while it writes the load's pages out.
    local t0
    t0=$(now)
    PGPASSWORD= psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d cdp -c CHECKPOINT
    sync
    log "CHECKPOINT and sync after the load: $(calc "$(now) - $t0") s"
  fi
}
# pgbench_lookup: the sampled emails in a table of their own, then pgbench of lookup.sql (PGBENCH_TPS, PGBENCH_LAT)
pgbench_lookup() {
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
}
