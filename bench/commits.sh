#!/usr/bin/env bash
# Ingestion of two commits (or more) against each other in one run, so that a shared machine's drift does not pass
# for a difference made by the code. Builds each commit's WAR in a git worktree of its own, generates
# BENCH_PROFILES demo people once, then for each of BENCH_ROUNDS rounds runs each commit in turn (the even rounds
# in the reverse order: A B, then B A), each run alike from nothing:
#   a fresh throwaway PostgreSQL, that commit's server, the people ingested once into a warm-up sandbox (the JIT
#   compiles there, not in the figures), then the same people into the measured sandbox: wall time, profiles/s,
#   and the CPU time per profile of the server's JVM and of the database's processes.
# Writes bench/results/<date>-commits-<profiles>.md: every run, then by commit the means and the ratios to the
# first commit. Needs what bench/run.sh needs (see bench/README.md), and git.
#   bench/commits.sh                        # HEAD~1 against HEAD
#   BENCH_COMMITS="main~3 main" BENCH_ROUNDS=2 BENCH_PROFILES=200000 bench/commits.sh (defaults: HEAD~1 HEAD, 2, 200000)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
MAIN_REPO=$REPO

# --- settings -------------------------------------------------------------------------------------------
COMMITS=(${BENCH_COMMITS:-HEAD~1 HEAD})
ROUNDS=${BENCH_ROUNDS:-2}
PROFILES=${BENCH_PROFILES:-200000}
BENCH_NAME=commits
WARMUP=0                          # read by lib.sh's wrk functions, which this script does not use

[ ${#COMMITS[@]} -ge 2 ] || { echo "BENCH_COMMITS needs at least two commits, e.g. \"HEAD~1 HEAD\"" >&2; exit 2; }
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_ROUNDS must be a positive number" >&2; exit 2; }
[[ "$PROFILES" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_PROFILES must be a positive number" >&2; exit 2; }
declare -A SHA TREE
for c in "${COMMITS[@]}"; do
  SHA[$c]=$(git -C "$REPO" rev-parse --short "$c^{commit}" 2>/dev/null) \
    || { echo "BENCH_COMMITS: '$c' is not a commit of $REPO" >&2; exit 2; }
done

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
a_b_settings
bench_start
install_tools

# --- the builds and the data, once ----------------------------------------------------------------------
remove_trees() {   # at exit, before bench_cleanup, which reads the exit status: it is kept
  local rc=$? c
  if [ "$KEEP" != 1 ]; then
    for c in "${!TREE[@]}"; do git -C "$MAIN_REPO" worktree remove --force "${TREE[$c]}" 2>/dev/null || true; done
  fi
  return $rc
}
trap 'remove_trees; bench_cleanup' EXIT
for c in "${COMMITS[@]}"; do
  TREE[$c]="$WORK/tree-${SHA[$c]}"
  [ -d "${TREE[$c]}" ] && continue
  git -C "$MAIN_REPO" worktree add -q --detach "${TREE[$c]}" "${SHA[$c]}"
  log "building $c (${SHA[$c]}): mvn -q -B package -DskipTests"
  (cd "${TREE[$c]}" && mvn -q -B package -DskipTests >"$WORK/build-${SHA[$c]}.log" 2>&1) \
    || { tail -n 30 "$WORK/build-${SHA[$c]}.log" >&2; die "$c did not build"; }
done
REPO=${TREE[${COMMITS[0]}]}       # the generator of the first commit makes the people for every run
cd "$REPO"
generate_chunks

# --- the rounds -----------------------------------------------------------------------------------------
declare -A M                      # M[commit.round.key]
RUNS=()
for round in $(seq 1 "$ROUNDS"); do
  round_order "$round" "${COMMITS[@]}"
  for c in "${ORDER[@]}"; do
    log "round $round: $c (${SHA[$c]})"
    REPO=${TREE[$c]}
    ingestion_from_nothing "$c.$round"
    RUNS+=("$c.$round")
  done
done

# --- results --------------------------------------------------------------------------------------------
BASELINE=${COMMITS[0]}
machine
mkdir -p "$BENCH_DIR/results"
RESULT="$BENCH_DIR/results/$(date +%Y-%m-%d-%H%M)-commits-$PROFILES.md"
{
  echo "# cdp-console: ingestion of $(for c in "${COMMITS[@]}"; do printf '%s ' "${SHA[$c]}"; done| sed 's/ $//; s/ / against /g'), $PROFILES profiles"
  echo
  echo "$(date -u +'%Y-%m-%d %H:%M UTC'), \`bench/commits.sh\` with BENCH_COMMITS=\"${COMMITS[*]}\" BENCH_ROUNDS=$ROUNDS BENCH_PROFILES=$PROFILES BENCH_CHUNK_BYTES=$CHUNK${PG_OPTS:+ BENCH_PG_OPTS=\"$PG_OPTS\"}."
  echo
  echo "Machine: $CPU_DESC, $MEM_DESC, $OS_DESC;"
  echo "$JAVA_V; $("$PG_BIN/postgres" --version); load average before the run: $LOAD_BEFORE."
  echo "Server: each commit's \`run.sh\`, ${CDP_JAVA_OPTS:-the run.sh default JVM options}. Client, server and database share the machine."
  echo
  for c in "${COMMITS[@]}"; do
    echo "- \`${SHA[$c]}\` ($c): $(git -C "$MAIN_REPO" log -1 --format=%s "${SHA[$c]}")"
  done
  echo
  echo "Each run started from nothing: a fresh PostgreSQL, the commit's server, the $PROFILES people"
  echo "($(calc "$DATA_BYTES / 1048576") MiB of JSON Lines in ${#CHUNKS[@]} batch file(s)) ingested into a warm-up sandbox, then the"
  echo "same people into the measured one, which is what the figures are: from the first upload to the last batch done."
  echo "CPU per profile is user + system time from /proc over the same interval, divided by the profiles ingested."
  echo
  echo "## Every run"
  echo
  echo "| round | commit | profiles/s | seconds | server CPU µs / profile | database CPU µs / profile | cores busy |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for run in "${RUNS[@]}"; do
    c=${run%.*}; r=${run##*.}
    echo "| $r | ${SHA[$c]} | ${M[$run.rate]} | ${M[$run.seconds]} | ${M[$run.server_us]} | ${M[$run.db_us]} | ${M[$run.cores]} |"
  done
  echo
  echo "## By commit (means over the $ROUNDS round(s); ratios to ${SHA[$BASELINE]})"
  echo
  echo "| commit | profiles/s | server CPU µs / profile | database CPU µs / profile | both |"
  echo "| --- | --- | --- | --- | --- |"
  for c in "${COMMITS[@]}"; do
    echo "| ${SHA[$c]} | $(calc "$(mean "$c" rate)" 0) | $(calc "$(mean "$c" server_us)" 0) | $(calc "$(mean "$c" db_us)" 0) | $(calc "$(mean "$c" server_us) + $(mean "$c" db_us)" 0) |"
  done
  for c in "${COMMITS[@]:1}"; do
    echo "| ${SHA[$c]} ÷ ${SHA[$BASELINE]} | $(calc "$(mean "$c" rate) / $(mean "$BASELINE" rate)" 2) | $(calc "$(mean "$c" server_us) / $(mean "$BASELINE" server_us)" 2) | $(calc "$(mean "$c" db_us) / $(mean "$BASELINE" db_us)" 2) | $(calc "($(mean "$c" server_us) + $(mean "$c" db_us)) / ($(mean "$BASELINE" server_us) + $(mean "$BASELINE" db_us))" 2) |"
  done
} > "$RESULT"
cat "$RESULT"
log "wrote $RESULT"
