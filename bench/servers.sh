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

# --- settings -------------------------------------------------------------------------------------------
PROFILES=${BENCH_PROFILES:-20000}
DURATION=${BENCH_DURATION:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
# Both servers get the same fixed, short warm-up (one round of WARMUP seconds): compare the ratio only.
WARMUP=${BENCH_WARMUP:-5}
WARMUP_ROUND=$WARMUP
WARMUP_JIT=100
INGEST_TIMEOUT=${BENCH_INGEST_TIMEOUT:-1200}
POLL=2
SAMPLE=5000
CHUNK=1G                          # one batch
PORT=${BENCH_PORT:-18080}
KEEP=${BENCH_KEEP:-0}
DB=h2
DB_ENV=()
BENCH_NAME=servers

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
bench_start
install_tools
build_if_missing wildfly
bash "$REPO/server-config/wildfly/configure.sh" "$REPO/target/wildfly-39.0.1.Final"
generate_chunks

measure() {   # measure SERVER: start, ingest, lookups, stop; results in R[SERVER.*]
  local server=$1 t0
  DATA_DIR="$WORK/$server"
  mkdir -p "$DATA_DIR"
  SERVER_ARGS=(); [ "$server" = payara ] || SERVER_ARGS=(--wildfly)
  t0=$(now)
  start_server
  R[$server.start_s]=$(calc "$(now) - $t0" 1)
  log "$server: ready after ${R[$server.start_s]} s (cold start)"
  fetch_token
  create_sandbox
  ingest_chunks
  [ "$INGEST_STATE" = complete ] || die "$server: ingestion $INGEST_STATE"
  R[$server.ingest_rate]=$(calc "$INGEST_RATE" 0)
  sample_people
  run_wrk "$server" lookup.lua "$WORK/emails.txt" /data/core/ups/access/entities
  stop_server
}

measure payara
measure wildfly

ratio() { calc "${R[wildfly.$1]} / ${R[payara.$1]}" 2; }
machine
STAMP=$(date -u +%Y-%m-%d-%H%M)
OUT="$BENCH_DIR/results/$STAMP-servers.md"
mkdir -p "$BENCH_DIR/results"
{
  echo "# Payara Micro and WildFly, the same WAR — $STAMP UTC"
  echo
  echo "Machine: $CPU_DESC, $MEM_DESC, $OS_DESC; Java: $JAVA_V; commit $COMMIT."
  echo "Load average before the run: $LOAD_BEFORE. Both servers: ${CDP_JAVA_OPTS:-the run.sh default JVM options}, embedded H2, $PROFILES demo profiles;"
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
