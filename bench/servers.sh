#!/usr/bin/env bash
# The same WAR on Payara Micro and on WildFly, one after the other in one run, each from a fresh embedded H2
# database: cold start to ready (from launching run.sh to the console's login page answering, the WAR already
# built), then BENCH_PROFILES demo people ingested in one batch, then wrk on the entities lookup by email (the
# same lookup.lua as bench/run.sh). Writes bench/results/<date>-servers.md with the ratios WildFly / Payara.
#   bench/servers.sh
#   BENCH_PROFILES=20000 BENCH_DURATION=30 BENCH_CONNECTIONS=16 BENCH_THREADS=2 BENCH_WARMUP=5 (defaults)
# Needs Java 17 and Maven; installs wrk and jq with apt-get when missing (as root).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
PROFILES=${BENCH_PROFILES:-20000}
DURATION=${BENCH_DURATION:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-5}
PORT=${BENCH_PORT:-18080}
ORG=CDPCONSOLE0000000000000@AdobeOrg
SANDBOX=bench
CLIENT_ID=bench-client
CLIENT_SECRET=bench-secret-0123456789abcdef0123456789abcdef
BASE="http://127.0.0.1:$PORT"

START=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log() { echo "[servers $(( $(date +%s) - START ))s] $*" >&2; }
die() { echo "[servers] FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }

need=()
for tool in wrk jq curl; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing ${need[*]}: install them or run as root"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

WORK=$(mktemp -d /tmp/cdp-servers.XXXXXX)
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() { local rc=$?; trap - EXIT; stop_server; rm -rf "$WORK"; exit "$rc"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$REPO"
if [ ! -f target/cdp-console.war ] || [ ! -f target/payara-micro.jar ] || [ ! -d target/wildfly-39.0.1.Final ] \
    || [ ! -f target/classes/dev/cdpconsole/platform/profile/DemoData.class ]; then
  log "building the WAR and unpacking WildFly (mvn -q -B package -DskipTests -Pwildfly)"
  mvn -q -B package -DskipTests -Pwildfly
fi
bash server-config/wildfly/configure.sh "$REPO/target/wildfly-39.0.1.Final"

log "generating $PROFILES profiles"
java -cp target/classes dev.cdpconsole.platform.profile.DemoData "$PROFILES" profiles > "$WORK/profiles.jsonl"
jq -r '.identityMap.email[0].id' "$WORK/profiles.jsonl" | shuf -n 5000 --random-source=<(yes) > "$WORK/emails.txt"

declare -A R
measure() {   # measure SERVER: start, ingest, lookups, stop; results in R[SERVER.*]
  local server=$1 data="$WORK/$1" t0 token code batch status line pair
  mkdir -p "$data"
  log "$server: cold start"
  t0=$(now)
  env CDP_DATA_DIR="$data" CDP_PORT="$PORT" CDP_DETACH=1 CDP_SKIP_BUILD=1 CDP_DEMO_PROFILES=0 \
    CDP_BOOTSTRAP_CLIENT_ID="$CLIENT_ID" CDP_BOOTSTRAP_CLIENT_SECRET="$CLIENT_SECRET" \
    CDP_ADMIN_PASSWORD=bench-admin-password-1 CDP_ORG_ID="$ORG" \
    ./run.sh $([ "$server" = wildfly ] && echo --wildfly) > "$WORK/start-$server.log" 2>&1 \
    || { cat "$WORK/start-$server.log" >&2; die "$server did not start"; }
  R[$server.start_s]=$(calc "$(now) - $t0" 1)
  SERVER_PID=$(cat "$data/server.pid")
  log "  ready after ${R[$server.start_s]} s"

  token=$(curl -sf -X POST "$BASE/ims/token/v3" --data-urlencode grant_type=client_credentials \
    --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" | jq -r .access_token)
  [ -n "$token" ] && [ "$token" != null ] || die "$server: no access token"
  api() {
    local method=$1 path=$2 sandbox=$3; shift 3
    curl -sS -X "$method" "$BASE$path" -H "Authorization: Bearer $token" -H "x-api-key: $CLIENT_ID" \
      -H "x-gw-ims-org-id: $ORG" -H "x-sandbox-name: $sandbox" "$@"
  }
  code=$(api POST /data/foundation/sandbox-management/sandboxes prod -o "$WORK/sandbox.json" -w '%{http_code}' \
    -H 'Content-Type: application/json' -d "{\"name\":\"$SANDBOX\",\"title\":\"Bench\",\"type\":\"development\"}")
  case "$code" in 2*) ;; *) cat "$WORK/sandbox.json" >&2; die "$server: creating the sandbox answered $code" ;; esac

  t0=$(now)
  batch=$(api POST "/data/core/ups/ingest/batches?schema.name=_xdm.context.profile" "$SANDBOX" \
    -H 'Content-Type: application/x-ndjson' --data-binary "@$WORK/profiles.jsonl" | jq -r .batchId)
  [ -n "$batch" ] && [ "$batch" != null ] || die "$server: the batch was refused"
  for _ in $(seq 1 1200); do
    status=$(api GET "/data/core/ups/ingest/batches/$batch" "$SANDBOX" | jq -r .status)
    [ "$status" = success ] || [ "$status" = failed ] && break
    sleep 0.5
  done
  [ "$status" = success ] || die "$server: the batch ended $status"
  R[$server.ingest_rate]=$(calc "$PROFILES / ($(now) - $t0)" 0)
  log "  ingested $PROFILES profiles at ${R[$server.ingest_rate]}/s"

  export BENCH_LUA_DIR="$BENCH_DIR" BENCH_TOKEN="$token" BENCH_CLIENT_ID="$CLIENT_ID" BENCH_ORG_ID="$ORG" \
    BENCH_SANDBOX="$SANDBOX" BENCH_SAMPLE_FILE="$WORK/emails.txt"
  local url="$BASE/data/core/ups/access/entities"
  [ "$WARMUP" -le 0 ] || wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP}s" -s "$BENCH_DIR/lookup.lua" "$url" >/dev/null
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout 30s --latency -s "$BENCH_DIR/lookup.lua" "$url" \
    > "$WORK/wrk-$server.txt"
  line=$(grep '^BENCH_RESULT ' "$WORK/wrk-$server.txt") || { cat "$WORK/wrk-$server.txt" >&2; die "$server: no wrk result"; }
  for pair in ${line#BENCH_RESULT }; do R[$server.${pair%%=*}]=${pair#*=}; done
  log "  lookup: ${R[$server.rps]} req/s, p50 ${R[$server.p50_ms]} ms, p99 ${R[$server.p99_ms]} ms, non-2xx ${R[$server.non2xx]}"
  stop_server
}

measure payara
measure wildfly

ratio() { calc "${R[wildfly.$1]} / ${R[payara.$1]}" 2; }
STAMP=$(date -u +%Y-%m-%d-%H%M)
OUT="$BENCH_DIR/results/$STAMP-servers.md"
mkdir -p "$BENCH_DIR/results"
{
  echo "# Payara Micro and WildFly, the same WAR — $STAMP UTC"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"
  echo "$(free -g | awk '/Mem:/ { print $2 }') GiB, $(uname -sr); Java: $(java -version 2>&1 | head -n 1)."
  echo "Load average before the run: $LOAD_BEFORE. Both servers: -Xmx1g, embedded H2, $PROFILES demo profiles;"
  echo "wrk $CONNECTIONS connections, $THREADS threads, ${DURATION} s after ${WARMUP} s of warm-up. One after the other"
  echo "on the same machine in one run: compare the ratios, not the absolute figures."
  echo
  echo "| | Payara Micro 6.2025.10 | WildFly 39.0.1.Final | WildFly / Payara |"
  echo "|---|---|---|---|"
  echo "| cold start to ready (run.sh, WAR built) | ${R[payara.start_s]} s | ${R[wildfly.start_s]} s | $(ratio start_s) |"
  echo "| batch ingestion | ${R[payara.ingest_rate]} profiles/s | ${R[wildfly.ingest_rate]} profiles/s | $(ratio ingest_rate) |"
  echo "| entities lookup by email | ${R[payara.rps]} req/s | ${R[wildfly.rps]} req/s | $(ratio rps) |"
  echo "| lookup p50 / p99 | ${R[payara.p50_ms]} / ${R[payara.p99_ms]} ms | ${R[wildfly.p50_ms]} / ${R[wildfly.p99_ms]} ms | |"
  echo "| lookup answers other than 2xx | ${R[payara.non2xx]} | ${R[wildfly.non2xx]} | |"
} > "$OUT"
cat "$OUT"
log "wrote $OUT"
