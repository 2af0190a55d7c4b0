#!/usr/bin/env bash
# Builds cdp-console and runs it on Payara Micro at http://localhost:${CDP_PORT:-8080}/console.
# Waits until the application itself answers, and fails loudly when it does not (Payara Micro keeps running
# without the application when its deployment fails). Ctrl-C stops it.
#   CDP_PORT           HTTP port (default 8080)
#   CDP_DATA_DIR       data folder of the embedded H2 database (default ./data)
#   CDP_SKIP_BUILD=1   run the WAR already in target/ without building
#   CDP_START_TIMEOUT  seconds to wait for the application (default 240)
#   CDP_DETACH=1       leave the server running in the background and return once it is ready
set -euo pipefail
cd "$(dirname "$0")"
PORT="${CDP_PORT:-8080}"
TIMEOUT="${CDP_START_TIMEOUT:-240}"
export CDP_DATA_DIR="${CDP_DATA_DIR:-./data}"
mkdir -p "$CDP_DATA_DIR"
LOG="$CDP_DATA_DIR/server.log"

if [ "${CDP_SKIP_BUILD:-0}" != "1" ] || [ ! -f target/cdp-console.war ]; then
  echo "Building (mvn clean package)…"
  mvn -q -B clean package -DskipTests
fi

echo "Starting Payara Micro on port $PORT (log: $LOG)…"
java ${CDP_JAVA_OPTS:--Xmx1g} -jar target/payara-micro.jar \
  --deploy target/cdp-console.war --contextroot / \
  --port "$PORT" --nocluster \
  --prebootcommandfile server-config/payara/pre-boot-commands.asadmin \
  > "$LOG" 2>&1 &
PID=$!
echo "$PID" > "$CDP_DATA_DIR/server.pid"
stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap 'stop; exit 130' INT TERM

URL="http://localhost:$PORT/console/login"
for ((i = 0; i < TIMEOUT; i++)); do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "FAILED: Payara Micro exited during start. Last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' "$URL" || true)
  if [ "$code" = "200" ]; then
    echo "cdp-console is ready: http://localhost:$PORT/console (after ${i}s)"
    grep -E "password|client_secret" "$LOG" | grep -E "First start|bootstrap API credential" | sed 's/^.*\(First start\|CDP_BOOTSTRAP\)/\1/' || true
    if [ "${CDP_DETACH:-0}" = "1" ]; then
      trap - INT TERM
      exit 0
    fi
    wait "$PID"
    exit $?
  fi
  if grep -qE "Deployment failed|Exception while deploying|Exception while loading the app|deployment.*failed" "$LOG" 2>/dev/null; then
    echo "FAILED: the application did not deploy. From $LOG:" >&2
    grep -nE "SEVERE|Exception" "$LOG" | head -n 30 >&2
    stop
    exit 1
  fi
  sleep 1
done
echo "FAILED: the application did not answer at $URL within ${TIMEOUT}s. Last lines of $LOG:" >&2
tail -n 40 "$LOG" >&2
stop
exit 1
