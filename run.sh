#!/usr/bin/env bash
# Builds the three services and runs them locally: commerce (4001), promo (4002), gateway (4000).
# Options go to LocalFederation, e.g. ./run.sh --gateway-port 0 (see ./run.sh --help). Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")"

# --help answers at once, without a build: the launcher prints the same file.
for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then
    cat e2e/src/main/resources/dev/shopfed/e2e/usage.txt
    exit 0
  fi
done

./mvnw -q -B -DskipTests package

# exec: Ctrl-C reaches LocalFederation, whose shutdown hook stops the children.
exec java -jar e2e/target/e2e-0.1.0-SNAPSHOT.jar "$@"
