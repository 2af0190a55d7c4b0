#!/usr/bin/env bash
# One server setting, one value against another on the same data in one run: BENCH_SETTING names the variable
# that run.sh reads (CDP_HTTP_THREADS, CDP_JAVA_OPTS, ...), BENCH_VALUES its values, separated by "|". Loads
# BENCH_PROFILES demo people into a throwaway PostgreSQL once, then for each round starts the server with each
# value in turn (rounds alternate the order: A B, then B A, so a machine that speeds up or slows down during the
# run does not favour one) and measures, each after its own warm-up:
#   pgbench of the lookup's SQL, the server idle (the machine's speed at that moment),
#   the entities lookup by email (lookup.lua) and the console's profile view page (view.lua), 16 connections.
# Writes bench/results/<date>-<BENCH_RESULT_NAME>-<profiles>.md: every run, then by value the means and the ratios
# to the first value, raw and per pgbench transaction. Needs what bench/run.sh needs (see bench/README.md).
#   BENCH_SETTING=CDP_JAVA_OPTS BENCH_VALUES="-Xmx1g|-Xmx1g -XX:+UseParallelGC" bench/settings.sh
#   BENCH_SETTING=CDP_WAR BENCH_VALUES="/tmp/before.war|/tmp/after.war" bench/settings.sh   (two builds)
#   BENCH_ROUNDS=2 BENCH_PROFILES=200000 BENCH_DURATION=20 BENCH_WARMUP=300 (defaults); bench/threads.sh is one use
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)

# --- settings -------------------------------------------------------------------------------------------
SETTING=${BENCH_SETTING:-}
IFS='|' read -r -a VALUES <<< "${BENCH_VALUES:-}"
ROUNDS=${BENCH_ROUNDS:-2}
PROFILES=${BENCH_PROFILES:-200000}
DURATION=${BENCH_DURATION:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-300}
WARMUP_ROUND=${BENCH_WARMUP_ROUND:-15}
WARMUP_JIT=${BENCH_WARMUP_JIT:-10}
WARMUP_GAIN=${BENCH_WARMUP_GAIN:-5}
SAMPLE=${BENCH_SAMPLE:-10000}
VIEW_SAMPLE=${BENCH_VIEW_SAMPLE:-1000}
RESULT_NAME=${BENCH_RESULT_NAME:-settings}
BENCH_NAME=settings

[[ "$SETTING" =~ ^[A-Z][A-Z0-9_]*$ ]] || { echo "BENCH_SETTING must name a variable, e.g. CDP_JAVA_OPTS" >&2; exit 2; }
[ ${#VALUES[@]} -ge 2 ] || { echo "BENCH_VALUES needs at least two values separated by |, e.g. \"4|200\"" >&2; exit 2; }
[[ "$RESULT_NAME" =~ ^[a-z0-9-]+$ ]] || { echo "BENCH_RESULT_NAME: lower-case letters, digits and - only" >&2; exit 2; }
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_ROUNDS must be a positive number" >&2; exit 2; }
[[ "$PROFILES" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_PROFILES must be a positive number" >&2; exit 2; }
VARIANTS=($(seq 1 ${#VALUES[@]}))   # runs are keyed by the value's number: values hold spaces and dots
value() { echo "${VALUES[$(($1 - 1))]}"; }

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
a_b_settings
bench_start
install_tools
build_if_missing
start_postgres

# --- the data, once -------------------------------------------------------------------------------------
start_server
generate_chunks
fetch_token
create_sandbox
ingest_chunks
[ "$INGEST_STATE" = complete ] || die "ingestion $INGEST_STATE"
sample_people
view_xids "$WORK/emails.txt" "$VIEW_SAMPLE" "$WORK/xids.txt"
stop_server

# --- the rounds -----------------------------------------------------------------------------------------
declare -A M                      # M[value number.round.key]
RUNS=()
for round in $(seq 1 "$ROUNDS"); do
  round_order "$round" "${VARIANTS[@]}"
  for n in "${ORDER[@]}"; do
    log "round $round: $SETTING=$(value "$n")"
    start_server "$SETTING=$(value "$n")"
    fetch_token
    console_sign_in
    pgbench_lookup
    run_wrk lookup lookup.lua "$WORK/emails.txt" /data/core/ups/access/entities
    run_wrk view view.lua "$WORK/xids.txt" /console/profiles/
    stop_server
    M[$n.$round.tps]=$PGBENCH_TPS
    for key in rps p50_ms p99_ms gc_pct cpu_us; do M[$n.$round.lookup_$key]=${R[lookup.$key]:-0}; done
    for key in rps p95_ms p99_ms gc_pct cpu_us; do M[$n.$round.view_$key]=${R[view.$key]:-0}; done
    M[$n.$round.errors]=$(( ${R[lookup.non2xx]} + ${R[view.non2xx]} + ${R[lookup.timeouts]} + ${R[view.timeouts]} ))
    M[$n.$round.warmup]="${R[lookup.warmup_s]} s, ${R[view.warmup_s]} s"
    RUNS+=("$n.$round")
  done
done

# --- results --------------------------------------------------------------------------------------------
BASELINE=1
machine
mkdir -p "$BENCH_DIR/results"
RESULT="$BENCH_DIR/results/$(date +%Y-%m-%d-%H%M)-$RESULT_NAME-$PROFILES.md"
{
  echo "# cdp-console: $SETTING, $(printf '`%s`' "${VALUES[0]}"; printf ' against `%s`' "${VALUES[@]:1}"), on $PROFILES profiles"
  echo
  echo "$(date -u +'%Y-%m-%d %H:%M UTC'), commit $COMMIT, \`bench/settings.sh\` with BENCH_SETTING=$SETTING BENCH_VALUES=\"${BENCH_VALUES}\""
  echo "BENCH_ROUNDS=$ROUNDS BENCH_PROFILES=$PROFILES BENCH_DURATION=$DURATION BENCH_CONNECTIONS=$CONNECTIONS BENCH_THREADS=$THREADS BENCH_WARMUP=$WARMUP BENCH_WARMUP_ROUND=$WARMUP_ROUND BENCH_WARMUP_JIT=$WARMUP_JIT BENCH_WARMUP_GAIN=$WARMUP_GAIN."
  echo
  echo "Machine: $CPU_DESC, $MEM_DESC, $OS_DESC;"
  echo "$JAVA_V; $("$PG_BIN/postgres" --version); load average before the run: $LOAD_BEFORE."
  echo "Server: \`run.sh\`, ${CDP_JAVA_OPTS:-the default JVM options} unless $SETTING says otherwise, the console's platform calls on their loopback listener. Client and server share the machine."
  echo
  echo "The data was loaded once ($INGESTED_SUM profiles at $INGEST_RATE profiles/s); then each value had a server of"
  echo "its own on the same database, in this order, each warmed up (wrk rounds of ${WARMUP_ROUND} s until the JIT compiled"
  echo "for less than ${WARMUP_JIT} % of a round and the rate rose by less than ${WARMUP_GAIN} %, at most ${WARMUP} s) before ${DURATION} s measured. pgbench ran first, the"
  echo "server idle: its TPS is how fast the machine was at that moment, and dividing by it takes out the machine's drift."
  echo "GC %: the share of a measured run's wall time the server's JVM spent in collection pauses (jstat -gc, GCT)."
  echo "CPU µs: the server JVM's CPU time (all its threads, from /proc) during a measured run, per request: on this shared"
  echo "machine a steadier measure of what a request costs than the rate, which also moves with what else runs."
  echo
  echo "## Every run"
  echo
  echo "| round | $SETTING | pgbench TPS | lookup req/s | p50 | p99 | GC % | CPU µs | view req/s | p95 | p99 | GC % | CPU µs | errors | warm-up (lookup, view) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for run in "${RUNS[@]}"; do
    n=${run%%.*}; r=${run#*.}
    echo "| $r | \`$(value "$n")\` | ${M[$run.tps]} | ${M[$run.lookup_rps]} | ${M[$run.lookup_p50_ms]} | ${M[$run.lookup_p99_ms]} | ${M[$run.lookup_gc_pct]} | ${M[$run.lookup_cpu_us]} | ${M[$run.view_rps]} | ${M[$run.view_p95_ms]} | ${M[$run.view_p99_ms]} | ${M[$run.view_gc_pct]} | ${M[$run.view_cpu_us]} | ${M[$run.errors]} | ${M[$run.warmup]} |"
  done
  echo
  echo "## By value (means over the $ROUNDS round(s); ratios to the first, \`$(value "$BASELINE")\`)"
  echo
  echo "| $SETTING | lookup req/s | ÷ pgbench TPS | lookup p99 ms | lookup CPU µs | view req/s | ÷ pgbench TPS | view p95 ms | view p99 ms | view CPU µs |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for n in "${VARIANTS[@]}"; do
    echo "| \`$(value "$n")\` | $(calc "$(mean "$n" lookup_rps)" 0) | $(calc "$(mean "$n" lookup_rps per)" 3) | $(calc "$(mean "$n" lookup_p99_ms)" 2) | $(calc "$(mean "$n" lookup_cpu_us)" 0) | $(calc "$(mean "$n" view_rps)" 0) | $(calc "$(mean "$n" view_rps per)" 4) | $(calc "$(mean "$n" view_p95_ms)" 2) | $(calc "$(mean "$n" view_p99_ms)" 2) | $(calc "$(mean "$n" view_cpu_us)" 0) |"
  done
  for n in "${VARIANTS[@]:1}"; do
    echo "| \`$(value "$n")\` ÷ \`$(value "$BASELINE")\` | $(calc "$(mean "$n" lookup_rps) / $(mean "$BASELINE" lookup_rps)" 2) | $(calc "$(mean "$n" lookup_rps per) / $(mean "$BASELINE" lookup_rps per)" 2) | $(calc "$(mean "$n" lookup_p99_ms) / $(mean "$BASELINE" lookup_p99_ms)" 2) | $(calc "$(mean "$n" lookup_cpu_us) / $(mean "$BASELINE" lookup_cpu_us)" 2) | $(calc "$(mean "$n" view_rps) / $(mean "$BASELINE" view_rps)" 2) | $(calc "$(mean "$n" view_rps per) / $(mean "$BASELINE" view_rps per)" 2) | $(calc "$(mean "$n" view_p95_ms) / $(mean "$BASELINE" view_p95_ms)" 2) | $(calc "$(mean "$n" view_p99_ms) / $(mean "$BASELINE" view_p99_ms)" 2) | $(calc "$(mean "$n" view_cpu_us) / $(mean "$BASELINE" view_cpu_us)" 2) |"
  done
} > "$RESULT"
cat "$RESULT"
log "wrote $RESULT"
