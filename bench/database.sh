#!/usr/bin/env bash
# Ingestion with one set of PostgreSQL options against another, the same WAR, in one run: BENCH_PG_VALUES holds
# the sets separated by "|" (an empty set is PostgreSQL's defaults). Generates BENCH_PROFILES demo people once, then
# for each of BENCH_ROUNDS rounds runs each set in turn (the even rounds in the reverse order: A B, then B A), each
# run alike from nothing, as bench/commits.sh does: a fresh throwaway PostgreSQL started with the set, the server,
# the people ingested once into a warm-up sandbox, then the same people into the measured sandbox: wall time,
# profiles/s, the CPU time per profile of the server's JVM and of the database's processes, and the checkpoints
# the database asked for by WAL volume.
# Writes bench/results/<date>-database-<profiles>.md. Needs what bench/run.sh needs (see bench/README.md).
#   BENCH_PG_VALUES="|-c shared_buffers=1GB -c max_wal_size=4GB" bench/database.sh
#   BENCH_ROUNDS=2 BENCH_PROFILES=500000 (defaults)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)

# --- settings -------------------------------------------------------------------------------------------
IFS='|' read -r -a VALUES <<< "${BENCH_PG_VALUES:-|-c shared_buffers=1GB -c max_wal_size=4GB}"
ROUNDS=${BENCH_ROUNDS:-2}
PROFILES=${BENCH_PROFILES:-500000}
BENCH_NAME=database
WARMUP=0                          # read by lib.sh's wrk functions, which this script does not use

[ ${#VALUES[@]} -ge 2 ] || { echo "BENCH_PG_VALUES needs at least two sets separated by |, e.g. \"|-c max_wal_size=4GB\"" >&2; exit 2; }
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_ROUNDS must be a positive number" >&2; exit 2; }
[[ "$PROFILES" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_PROFILES must be a positive number" >&2; exit 2; }
VARIANTS=($(seq 1 ${#VALUES[@]}))   # runs are keyed by the set's number: sets hold spaces
value() { local v=${VALUES[$(($1 - 1))]}; echo "${v:-defaults}"; }

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
a_b_settings
bench_start
install_tools
build_if_missing
generate_chunks

# --- the rounds -----------------------------------------------------------------------------------------
declare -A M                      # M[variant.round.key]
RUNS=()
for round in $(seq 1 "$ROUNDS"); do
  round_order "$round" "${VARIANTS[@]}"
  for v in "${ORDER[@]}"; do
    log "round $round: $(value "$v")"
    PG_OPTS=${VALUES[$((v - 1))]}
    ingestion_from_nothing "$v.$round"
    RUNS+=("$v.$round")
  done
done

# --- results --------------------------------------------------------------------------------------------
machine
mkdir -p "$BENCH_DIR/results"
RESULT="$BENCH_DIR/results/$(date +%Y-%m-%d-%H%M)-database-$PROFILES.md"
{
  echo "# cdp-console: ingestion with PostgreSQL options $(for v in "${VARIANTS[@]}"; do printf '"%s" ' "$(value "$v")"; done | sed 's/ $//; s/" "/" against "/g'), $PROFILES profiles"
  echo
  echo "$(date -u +'%Y-%m-%d %H:%M UTC'), commit $COMMIT, \`bench/database.sh\` with BENCH_PG_VALUES=\"${BENCH_PG_VALUES:-}\" BENCH_ROUNDS=$ROUNDS BENCH_PROFILES=$PROFILES BENCH_CHUNK_BYTES=$CHUNK."
  echo
  echo "Machine: $CPU_DESC, $MEM_DESC, $OS_DESC;"
  echo "$JAVA_V; $("$PG_BIN/postgres" --version); load average before the run: $LOAD_BEFORE."
  echo "Server: \`run.sh\`, ${CDP_JAVA_OPTS:-the run.sh default JVM options}. Client, server and database share the machine."
  echo
  echo "Each run started from nothing: a fresh PostgreSQL with the options, the server, the $PROFILES people"
  echo "($(calc "$DATA_BYTES / 1048576") MiB of JSON Lines in ${#CHUNKS[@]} batch file(s)) ingested into a warm-up sandbox, then the"
  echo "same people into the measured one, which is what the figures are: from the first upload to the last batch done."
  echo "CPU per profile is user + system time from /proc over the same interval, divided by the profiles ingested;"
  echo "checkpoints: those PostgreSQL started because the WAL reached \`max_wal_size\` during the measured ingestion."
  echo
  echo "## Every run"
  echo
  echo "| round | options | profiles/s | seconds | server CPU µs / profile | database CPU µs / profile | cores busy | checkpoints |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  for run in "${RUNS[@]}"; do
    v=${run%.*}; r=${run##*.}
    echo "| $r | $(value "$v") | ${M[$run.rate]} | ${M[$run.seconds]} | ${M[$run.server_us]} | ${M[$run.db_us]} | ${M[$run.cores]} | ${M[$run.checkpoints]} |"
  done
  echo
  echo "## By options (means over the $ROUNDS round(s); ratios to the first)"
  echo
  echo "| options | profiles/s | server CPU µs / profile | database CPU µs / profile | both |"
  echo "| --- | --- | --- | --- | --- |"
  for v in "${VARIANTS[@]}"; do
    echo "| $(value "$v") | $(calc "$(mean "$v" rate)" 0) | $(calc "$(mean "$v" server_us)" 0) | $(calc "$(mean "$v" db_us)" 0) | $(calc "$(mean "$v" server_us) + $(mean "$v" db_us)" 0) |"
  done
  for v in "${VARIANTS[@]:1}"; do
    echo "| $(value "$v") ÷ $(value 1) | $(calc "$(mean "$v" rate) / $(mean 1 rate)" 2) | $(calc "$(mean "$v" server_us) / $(mean 1 server_us)" 2) | $(calc "$(mean "$v" db_us) / $(mean 1 db_us)" 2) | $(calc "($(mean "$v" server_us) + $(mean "$v" db_us)) / ($(mean 1 server_us) + $(mean 1 db_us))" 2) |"
  done
} > "$RESULT"
cat "$RESULT"
log "wrote $RESULT"
