#!/usr/bin/env bash
# Applies configure.cli to the WildFly installation given as $1 (an unpacked wildfly-dist), offline. Once per
# installation: a marker newer than configure.cli says it is done.
set -euo pipefail
home=${1:?usage: configure.sh WILDFLY_HOME}
here=$(cd "$(dirname "$0")" && pwd)
marker="$home/standalone/configuration/.cdp-console-configured"
if [ -f "$marker" ] && [ "$marker" -nt "$here/configure.cli" ]; then
  exit 0
fi
JAVA_OPTS="-Xmx256m" "$home/bin/jboss-cli.sh" --file="$here/configure.cli"
touch "$marker"
