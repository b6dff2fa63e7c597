#!/usr/bin/env bash
# Builds the three services and runs them locally: commerce (4001), promo (4002), gateway (4000).
# Options go to LocalFederation, e.g. ./run.sh --gateway-port 0 (see ./run.sh --help). Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")"

./mvnw -q -B -DskipTests package

# exec: Ctrl-C reaches LocalFederation, whose shutdown hook stops the children.
exec java -jar e2e/target/e2e-0.1.0-SNAPSHOT.jar "$@"
