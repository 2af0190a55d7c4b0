#!/usr/bin/env bash
# The server's request threads (CDP_HTTP_THREADS), one count against another on the same data in one run:
# bench/settings.sh with BENCH_SETTING=CDP_HTTP_THREADS, writing bench/results/<date>-threads-<profiles>.md.
#   bench/threads.sh
#   BENCH_THREAD_COUNTS="4 200" (default) and the other BENCH_ variables of settings.sh
set -euo pipefail
counts=${BENCH_THREAD_COUNTS:-4 200}
for n in $counts; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_THREAD_COUNTS: '$n' is not a positive number" >&2; exit 2; }
done
BENCH_SETTING=CDP_HTTP_THREADS BENCH_VALUES=$(echo $counts | tr ' ' '|') BENCH_RESULT_NAME=threads \
  exec "$(dirname "$0")/settings.sh"
