#!/usr/bin/env bash
# Builds cdp-console and runs it at http://localhost:${CDP_PORT:-8080}/console, on Payara Micro, or on WildFly
# with --wildfly (the same WAR). Waits until the application itself answers, and fails loudly when it does not
# (both servers keep running without the application when its deployment fails). Ctrl-C stops it.
#   CDP_PORT           HTTP port (default 8080)
#   CDP_DATA_DIR       data folder of the embedded H2 database (default ./data)
#   CDP_SKIP_BUILD=1   run the WAR already in target/ without building
#   CDP_WAR            run this WAR file instead of target/cdp-console.war (never built; bench/settings.sh uses
#                      it to compare two builds on the same data)
#   CDP_START_TIMEOUT  seconds to wait for the application (default 240)
#   CDP_DETACH=1       leave the server running in the background and return once it is ready
#                      (stop it with: kill "$(cat "$CDP_DATA_DIR/server.pid")")
#   CDP_HTTP_THREADS   request threads of the HTTP port on Payara Micro (default twice the cores, at least 4)
#   CDP_PLATFORM_LOOPBACK_PORT  port of the console's own listener on 127.0.0.1, where its rest clients call the
#                      platform (default CDP_PORT + 1)
set -euo pipefail
if [ -n "${CDP_WAR:-}" ]; then CDP_WAR=$(realpath -m "$CDP_WAR"); fi
cd "$(dirname "$0")"
PORT="${CDP_PORT:-8080}"
CORES=$(nproc 2>/dev/null || echo 2)
export CDP_HTTP_THREADS="${CDP_HTTP_THREADS:-$((CORES * 2 > 4 ? CORES * 2 : 4))}"
# A fixed 1 GiB heap, half of it young, with the parallel collector: a request's garbage dies young, and on a few
# cores the parallel collector's short pauses and cheap barriers beat G1's (bench/results/2026-12-03-1353-gc-*:
# at 1M profiles, lookups 1.28x the rate and 0.71x the p99; the profile page the same within the noise).
JAVA_OPTIONS="${CDP_JAVA_OPTS:--Xms1g -Xmx1g -Xmn512m -XX:+UseParallelGC}"
export CDP_PLATFORM_LOOPBACK_PORT="${CDP_PLATFORM_LOOPBACK_PORT:-$((PORT + 1))}"
if ! [[ "$CDP_HTTP_THREADS" =~ ^[0-9]+$ ]] || [ "$CDP_HTTP_THREADS" -lt 2 ]; then
  echo "CDP_HTTP_THREADS must be a number of at least 2, not '$CDP_HTTP_THREADS'" >&2
  exit 2
fi
if ! [[ "$CDP_PLATFORM_LOOPBACK_PORT" =~ ^[0-9]+$ ]] || [ "$CDP_PLATFORM_LOOPBACK_PORT" -lt 1 ] \
    || [ "$CDP_PLATFORM_LOOPBACK_PORT" -gt 65535 ] || [ "$CDP_PLATFORM_LOOPBACK_PORT" = "$PORT" ]; then
  echo "CDP_PLATFORM_LOOPBACK_PORT must be a port other than CDP_PORT ($PORT), not '$CDP_PLATFORM_LOOPBACK_PORT'" >&2
  exit 2
fi
TIMEOUT="${CDP_START_TIMEOUT:-240}"
export CDP_DATA_DIR="${CDP_DATA_DIR:-./data}"
mkdir -p "$CDP_DATA_DIR"
LOG="$CDP_DATA_DIR/server.log"

SERVER=payara
[ "${1:-}" = "--wildfly" ] && SERVER=wildfly
WILDFLY_VERSION=39.0.1.Final
WILDFLY_HOME="$PWD/target/wildfly-$WILDFLY_VERSION"

WAR="${CDP_WAR:-target/cdp-console.war}"
if [ -n "${CDP_WAR:-}" ] && [ ! -f "$CDP_WAR" ]; then
  echo "CDP_WAR: no such file: $CDP_WAR" >&2
  exit 2
fi
if { [ -z "${CDP_WAR:-}" ] && { [ "${CDP_SKIP_BUILD:-0}" != "1" ] || [ ! -f "$WAR" ]; }; } \
    || { [ "$SERVER" = wildfly ] && [ ! -d "$WILDFLY_HOME" ]; }; then
  echo "Building (mvn clean package)…"
  if [ "$SERVER" = wildfly ]; then
    mvn -q -B clean package -DskipTests -Pwildfly
  else
    mvn -q -B clean package -DskipTests
  fi
fi

if [ "$SERVER" = wildfly ]; then
  bash server-config/wildfly/configure.sh "$WILDFLY_HOME"
  # A server base of its own (configuration, deployments, logs), so that the installation itself stays as the
  # integration tests (mvn verify -Pwildfly) expect it: with no deployment of its own.
  BASE_DIR="$PWD/target/wildfly-run"
  if [ ! -f "$BASE_DIR/configuration/standalone-microprofile.xml" ] \
      || [ "$WILDFLY_HOME/standalone/configuration/standalone-microprofile.xml" -nt "$BASE_DIR/configuration/standalone-microprofile.xml" ]; then
    rm -rf "$BASE_DIR"
    mkdir -p "$BASE_DIR/deployments"
    cp -r "$WILDFLY_HOME/standalone/configuration" "$BASE_DIR/"
  fi
  DEPLOYMENTS="$BASE_DIR/deployments"
  rm -f "$DEPLOYMENTS"/ROOT.war* "$CDP_DATA_DIR/wildfly.pid"
  cp "$WAR" "$DEPLOYMENTS/ROOT.war"
  echo "Starting WildFly $WILDFLY_VERSION on port $PORT (log: $LOG)…"
  # The management port moves with the HTTP port, so that two servers can run side by side.
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$CDP_DATA_DIR/wildfly.pid" \
  JAVA_OPTS="$JAVA_OPTIONS -Djava.net.preferIPv4Stack=true" \
    "$WILDFLY_HOME/bin/standalone.sh" -c standalone-microprofile.xml -b 0.0.0.0 -Djboss.server.base.dir="$BASE_DIR" \
    -Djboss.http.port="$PORT" -Djboss.management.http.port=$((PORT + 1910)) > "$LOG" 2>&1 &
  SCRIPT_PID=$!
  for _ in $(seq 1 50); do [ -s "$CDP_DATA_DIR/wildfly.pid" ] && break; sleep 0.2; done
  PID=$(cat "$CDP_DATA_DIR/wildfly.pid" 2>/dev/null || echo "$SCRIPT_PID")
  FAILED_MARKER="$DEPLOYMENTS/ROOT.war.failed"
  WAIT_PID=$SCRIPT_PID # standalone.sh waits for its java, which is not this shell's child
else
  echo "Starting Payara Micro on port $PORT, $CDP_HTTP_THREADS request threads (log: $LOG)…"
  java $JAVA_OPTIONS -jar target/payara-micro.jar \
    --deploy "$WAR" --contextroot / \
    --port "$PORT" --nocluster \
    --prebootcommandfile server-config/payara/pre-boot-commands.asadmin \
    > "$LOG" 2>&1 &
  PID=$!
  WAIT_PID=$PID
  FAILED_MARKER=/nonexistent
fi
echo "$PID" > "$CDP_DATA_DIR/server.pid"
stop() { kill "$PID" 2>/dev/null || true; wait "$WAIT_PID" 2>/dev/null || true; }
trap 'stop; exit 130' INT TERM

URL="http://localhost:$PORT/console/login"
for ((i = 0; i < TIMEOUT; i++)); do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "FAILED: the server exited during start. Last lines of $LOG:" >&2
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
    wait "$WAIT_PID"
    exit $?
  fi
  if [ -e "$FAILED_MARKER" ] || grep -qE "Deployment failed|Exception while deploying|Exception while loading the app|deployment.*failed|WFLYCTL0013" "$LOG" 2>/dev/null; then
    echo "FAILED: the application did not deploy. From $LOG:" >&2
    grep -nE "SEVERE|ERROR|Exception" "$LOG" | head -n 30 >&2
    stop
    exit 1
  fi
  sleep 1
done
echo "FAILED: the application did not answer at $URL within ${TIMEOUT}s. Last lines of $LOG:" >&2
tail -n 40 "$LOG" >&2
stop
exit 1
