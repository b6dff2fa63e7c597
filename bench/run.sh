#!/usr/bin/env bash
# Benchmarks our gateway beside the Node federation gateways, on loopback, with bounded runs.
#
#   bench/run.sh [peers|overhead|soak|warmup|shop|jmh|hostile|faults|misses|large|all]      (default: peers)
#
#   peers  the gateway-benchmark workload (4 subgraphs, one deep query, 50 connections) through
#          our gateway, Apollo Gateway, Hive Gateway (JS planner and Rust router-runtime) and the
#          "replay limit" (one query's subgraph fetches sent straight to the subgraphs), with the
#          subgraphs executing GraphQL and answering from a response cache
#   shop   our own federation (commerce + promo) with a feed / product page / cart / checkout mix,
#          through our gateway and Apollo Gateway
#   overhead  one query that one subgraph answers alone ({ topProducts { upc name price } }),
#          straight to that subgraph and through our gateway and Apollo Gateway, 1 and 10
#          connections: the gateway's added latency
#   warmup each gateway started cold (ours, Grafbase): milliseconds from process start to the first correct answer,
#          then RPS in WARMUP_WINDOWS windows of WARMUP_WINDOW_S seconds (memo subgraphs): how soon it is warm
#   soak   our gateway under the peers load (memo subgraphs, 50 connections) for 10 minutes:
#          RSS, heap after GC and threads over time
#   jmh    the JMH benchmarks of bench/jmh (planning, plan cache, batching, merging, serialization)
#   hostile  the edge-protection list (fragment bombs, deep nesting, floods, bad bodies) against the
#          federation as ./run.sh starts it: status, code, time and the gateway's peak RSS per input,
#          while a well-behaved client keeps querying
#   faults the end-to-end suite's load with faults (LoadWithFaultsTest) for FAULTS_DURATION seconds (default
#          600): 50 buyers' app mix with checkouts and payments while promo is killed and restarted, commerce
#          slowed and the supergraph reloaded; then the commerce database (PostgreSQL) is checked
#   misses 10,000 distinct generated operations over the peers supergraph (plan-cache misses), warm-up on
#          another 10,000: our gateway, Grafbase, Apollo Gateway; RPS, p99, CPU, RSS, our plan-cache miss rate,
#          answers to a sample compared between the gateways
#   large  a generated federation of 40 subgraphs and ~600 types (one Node process) with a 200-query mix through
#          the same gateways: time to first answer, RPS, p99, CPU, RSS, answers compared between the gateways
#   all    peers, overhead, shop, jmh, soak
#
# See bench/README.md for every knob. Results go to bench/results/<scenario>-<UTC time>/.
set -Eeuo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
# shellcheck source=scripts/lib.sh
source "$BENCH/scripts/lib.sh"

SCENARIO="${1:-peers}"
# 60 s warm-up for every gateway: a JVM at 10 s shows about half its warm throughput
WARMUP="${WARMUP:-60}"; DURATION="${DURATION:-30}"; CONNECTIONS="${CONNECTIONS:-50}"; THREADS="${THREADS:-1}"
WRK_TIMEOUT="${WRK_TIMEOUT:-10}"; READY_TIMEOUT="${READY_TIMEOUT:-180}"
# Our gateway's JVM (see bench/README.md, "JVM options of our gateway"): the common-pool parallelism
# of 2 stops the JDK HTTP client from starting a new thread for every subgraph answer on machines with
# 1-2 cores; heaps of 160 MB or less cut the RSS but cost throughput (full GCs under 50 connections).
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx256m -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}"
# Settings of our gateway in the benchmark: the workload's query costs more than the default demand-control
# maximum, and the peers do not cost operations by default, so ours only measures the cost here.
OURS_ARGS="${OURS_ARGS:---gateway.demand-control.mode=measure}"
# OURS_CDS=1: our gateway runs extracted with a class-data sharing archive (prepare_cds); 0: the fat jar as built
OURS_CDS="${OURS_CDS:-1}"; CDS_DIR=
# glibc malloc arenas of our gateway's JVM (empty: glibc's default, up to 8 per core)
GATEWAY_MALLOC_ARENA_MAX="${GATEWAY_MALLOC_ARENA_MAX-}"
GATEWAY_PORT="${GATEWAY_PORT:-4180}"; SUBGRAPH_PORT="${SUBGRAPH_PORT:-4280}"
COMMERCE_PORT="${COMMERCE_PORT:-4281}"; PROMO_PORT="${PROMO_PORT:-4282}"
# GATEWAY_JAR: run this jar instead of building gateway/ (e.g. one built from another checkout)
if [[ -n "${GATEWAY_JAR:-}" ]]; then GATEWAY_JAR="$(realpath -m "$GATEWAY_JAR")"; GATEWAY_JAR_GIVEN=1
else GATEWAY_JAR="$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar"; GATEWAY_JAR_GIVEN=0; fi
ENGINE_JAR="$BENCH/jmh/target/benchmarks.jar"
MVNW=("$ROOT/mvnw" -q -B)
export WARMUP DURATION CONNECTIONS THREADS WRK_TIMEOUT BENCH
trap 'stop_all_groups' EXIT
trap 'exit 130' INT TERM

# first_answer_and_fetches NAME URL BODY EXPECTED READY_S: checks the gateway's first answer (keeping the exact
# correct body as the load run's reference) and captures the subgraph fetches of one already planned query.
# Sets the caller's `check` (the check's message) and `fetches` (how many fetches one query made).
first_answer_and_fetches() {
  local name="$1" url="$2" body="$3" expected="$4" ready_s="$5"
  if check=$(node "$BENCH/scripts/check.js" "$url" "$body" "$expected" "$RUN_OUT/$name.reference.json" 2>&1); then
    log "$name: ready after ${ready_s}s, first answer $check"
  else
    log "$name: ready after ${ready_s}s, but the answer is WRONG: $check"
  fi
  curl -fsS "http://127.0.0.1:$SUBGRAPH_PORT/capture?start=1" > /dev/null
  node "$BENCH/scripts/check.js" "$url" "$body" "$expected" > /dev/null 2>&1 || true
  curl -fsS "http://127.0.0.1:$SUBGRAPH_PORT/capture" > "$RUN_OUT/fetches-$name.jsonl"
  fetches=$(grep -c . "$RUN_OUT/fetches-$name.jsonl" || true)
}

# ---------------------------------------------------------------------------------------------
# set-up

ensure_tools() {
  command -v node > /dev/null && command -v npm > /dev/null || die "Node.js >= 20 and npm are needed (https://nodejs.org)"
  command -v curl > /dev/null || die "curl is needed"
  if [[ ! -d "$BENCH/node_modules/@apollo/gateway" || "$BENCH/package-lock.json" -nt "$BENCH/node_modules/.package-lock.json" ]]; then
    log "installing npm packages into bench/node_modules (npm ci)"
    (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  fi
  if ! command -v wrk > /dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get > /dev/null; then
      log "installing wrk with apt-get"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) > /dev/null \
        || die "could not install wrk with apt-get; install wrk 4.x (https://github.com/wg/wrk) and rerun"
    else
      die "wrk is not installed and cannot be installed here (needs root + apt-get): install wrk 4.x (e.g. 'sudo apt-get install wrk' or 'brew install wrk') and rerun"
    fi
  fi
}

build_gateway() {
  if [[ "${SKIP_BUILD:-0}" == 1 || $GATEWAY_JAR_GIVEN == 1 ]]; then
    log "using the existing $GATEWAY_JAR (no build)"
  else
    log "building the gateway: ./mvnw -q -B -pl gateway -am package -DskipTests"
    (cd "$ROOT" && "${MVNW[@]}" -pl gateway -am package -DskipTests) || die "gateway build failed"
  fi
  [[ -f "$GATEWAY_JAR" ]] || die "$GATEWAY_JAR is missing"
}

# The engine-only server (GatewayEngine behind the JDK's HttpServer) lives in the JMH module.
build_engine_server() {
  [[ "${SKIP_BUILD:-0}" == 1 && -f "$ENGINE_JAR" ]] && return 0
  log "installing the gateway into the local Maven repository and building bench/jmh"
  (cd "$ROOT" && "${MVNW[@]}" -pl gateway -am install -DskipTests) || die "gateway install failed"
  (cd "$BENCH/jmh" && "${MVNW[@]}" -f pom.xml package) || die "bench/jmh build failed"
}

write_env() {
  {
    echo "date: $(date -u +%FT%TZ)  scenario: $SCENARIO  git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo -)$( [[ -n "$(git -C "$ROOT" status --porcelain -- gateway 2>/dev/null)" ]] && echo ' (gateway/ has uncommitted changes)')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) x $(nproc)  kernel: $(uname -r)  load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1)  JAVA_OPTS: $JAVA_OPTS  MALLOC_ARENA_MAX (our gateway): ${GATEWAY_MALLOC_ARENA_MAX:-unset}"
    echo "gateway jar: $( [[ $GATEWAY_JAR_GIVEN == 1 ]] && echo "GATEWAY_JAR=$(basename "$GATEWAY_JAR")" || echo "gateway/target")  OURS_CDS: $OURS_CDS  OURS_ARGS: $OURS_ARGS"
    echo "grafbase $(node -p "require('$BENCH/node_modules/@grafbase/cli-x86_64-unknown-linux-musl/package.json').version" 2>/dev/null || echo -)"
    echo "node: $(node -v)  wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
    case "$SCENARIO" in
      overhead) echo "connections: ${OVERHEAD_CONNECTIONS:-1 10}  wrk threads: $THREADS  warm-up: ${WARMUP}s  measured: ${DURATION}s" ;;
      soak) echo "connections: $CONNECTIONS  wrk threads: $THREADS  warm-up: ${WARMUP}s  soak: ${SOAK_DURATION:-600}s, sampled every ${SOAK_SAMPLE:-5}s" ;;
      *) echo "connections: $CONNECTIONS  wrk threads: $THREADS  warm-up: ${WARMUP}s  measured: ${DURATION}s" ;;
    esac
    for p in @apollo/gateway @apollo/server @graphql-hive/gateway @graphql-hive/router-runtime @apollo/composition @apollo/subgraph graphql; do
      echo "$p $(node -p "require('$BENCH/node_modules/$p/package.json').version" 2>/dev/null || echo -)"
    done
  } > "$OUT/env.txt"
}

# ---------------------------------------------------------------------------------------------
# gateways under test

# gateway_command NAME SUPERGRAPH PORT : sets CMD (array) and RUN_DIR for the named gateway.
gateway_command() {
  local name="$1" sg="$2" port="$3" hg="$BENCH/node_modules/.bin/hive-gateway" jvm_env=()
  RUN_DIR="$BENCH/gateways"
  [[ -n "$GATEWAY_MALLOC_ARENA_MAX" ]] && jvm_env=(env MALLOC_ARENA_MAX="$GATEWAY_MALLOC_ARENA_MAX")
  case "$name" in
    ours|ours-nodedup)
      local dedup=true jar=("$GATEWAY_JAR"); [[ "$name" == ours-nodedup ]] && dedup=false
      local cds=()
      if [[ "$OURS_CDS" == 1 && -n "$CDS_DIR" && -f "$CDS_DIR/gateway.jsa" ]]; then cds=("-XX:SharedArchiveFile=$CDS_DIR/gateway.jsa"); jar=("$CDS_DIR/$(basename "$GATEWAY_JAR")"); fi
      # shellcheck disable=SC2206
      CMD=("${jvm_env[@]}" java $JAVA_OPTS "${cds[@]}" -jar "${jar[@]}" --supergraph "$sg" --port "$port" $OURS_ARGS
        "--gateway.subgraphs.all.deduplicate=$dedup") ;;
    grafbase|grafbase-nodedup)
      local dedup=dedup; [[ "$name" == grafbase-nodedup ]] && dedup=nodedup
      CMD=("$BENCH/gateways/grafbase.sh" "$port" "$sg" "$OUT/sdl" "$RUN_OUT/$name.work" "$dedup") ;;
    ours-engine)
      # shellcheck disable=SC2206
      CMD=("${jvm_env[@]}" java $JAVA_OPTS -cp "$ENGINE_JAR" dev.shopfed.bench.EngineServer --supergraph "$sg" --port "$port") ;;
    apollo-gateway)
      CMD=(env NODE_ENV=production SUPERGRAPH="$sg" HOST=127.0.0.1 PORT="$port" node apollo-gateway.js) ;;
    hive-gateway)
      CMD=(env NODE_ENV=production "$hg" supergraph "$sg" --jit --host 127.0.0.1 --port "$port") ;;
    hive-gateway-nodedup)
      CMD=(env NODE_ENV=production "$hg" supergraph "$sg" --jit -c hive-nodedup.mjs --host 127.0.0.1 --port "$port") ;;
    hive-gateway-router-runtime)
      CMD=(env NODE_ENV=production "$hg" supergraph "$sg" --hive-router-runtime --host 127.0.0.1 --port "$port") ;;
    hive-gateway-router-runtime-nodedup)
      CMD=(env NODE_ENV=production "$hg" supergraph "$sg" --hive-router-runtime -c hive-nodedup.mjs --host 127.0.0.1 --port "$port") ;;
    *) die "unknown gateway $name" ;;
  esac
}

# prepare_cds SUPERGRAPH URL BODY : our gateway as Spring Boot extracts it (plain jars, which class-data sharing
# can archive; the nested jars of the fat jar it cannot) and a dynamic CDS archive of the classes one run loads:
# started, asked BODY 20 times (the benchmark query; any answer will do), stopped (the JVM writes the archive as it exits). Needs the
# subgraphs up. Done once per run directory; OURS_CDS=0 runs the fat jar instead.
prepare_cds() {
  local sg="$1" url="$2" body="$3" pid
  [[ "$OURS_CDS" == 1 ]] || return 0
  CDS_DIR="$OUT/ours-cds"
  [[ -f "$CDS_DIR/gateway.jsa" ]] && return 0
  rm -rf "$CDS_DIR"
  java -Djarmode=tools -jar "$GATEWAY_JAR" extract --destination "$CDS_DIR" > "$OUT/cds-extract.log" 2>&1 \
    || die "could not extract $GATEWAY_JAR: $(tail -3 "$OUT/cds-extract.log")"
  log "ours: training the class-data sharing archive (extracted jar, one run of 20 queries)"
  require_free_port "$GATEWAY_PORT" GATEWAY_PORT
  # shellcheck disable=SC2086
  start_group "$OUT/cds-training.log" java $JAVA_OPTS "-XX:ArchiveClassesAtExit=$CDS_DIR/gateway.jsa" \
    -jar "$CDS_DIR/$(basename "$GATEWAY_JAR")" --supergraph "$sg" --port "$GATEWAY_PORT" $OURS_ARGS
  pid=$LAST_PID
  wait_until "$READY_TIMEOUT" "$pid" curl -fs -o /dev/null --max-time 5 -H 'content-type: application/json' \
    --data '{"query":"{__typename}"}' "$url" || die "the CDS training run did not answer: $(tail -3 "$OUT/cds-training.log")"
  for _ in $(seq 1 20); do curl -s -o /dev/null -H 'content-type: application/json' --data @"$body" "$url" || true; done
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 480); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done # writing the archive takes a while
  stop_group "$pid"
  [[ -f "$CDS_DIR/gateway.jsa" ]] || die "the CDS training run wrote no archive: $(tail -3 "$OUT/cds-training.log")"
  log "ours: CDS archive of $(( $(stat -c %s "$CDS_DIR/gateway.jsa") / 1048576 )) MB"
}

fail_row() { printf '%s\t%s\n' "$1" "$2" >> "$RUN_OUT/failed.txt"; log "$1: $2"; }

# ---------------------------------------------------------------------------------------------
# scenario 1: the gateway-benchmark workload beside the peers

start_bench_subgraphs() {
  local memo="$1"
  require_free_port "$SUBGRAPH_PORT" SUBGRAPH_PORT
  RUN_DIR="$BENCH" start_group "$RUN_OUT/subgraphs.log" \
    env NODE_ENV=production SUBGRAPH_MEMO="$memo" SCHEMAS="${SCHEMAS:-}" HOST=127.0.0.1 PORT="$SUBGRAPH_PORT" node workload/subgraphs/server.js
  SUBGRAPH_PID=$LAST_PID
  wait_until 30 "$SUBGRAPH_PID" curl -fsS "http://127.0.0.1:$SUBGRAPH_PORT/health" || die "subgraph server did not start: $(tail -5 "$RUN_OUT/subgraphs.log")"
}

# run_peer NAME : start the gateway, check its answer, capture its fetches, measure it, stop it.
run_peer() {
  local name="$1" url="http://127.0.0.1:$GATEWAY_PORT/graphql" sg="$OUT/supergraph.graphql"
  local body="$BENCH/workload/query.json" expected="$BENCH/workload/expected-response.json"
  if [[ "$name" == ours* && ! -f "$GATEWAY_JAR" ]]; then fail_row ours "no gateway jar"; return 0; fi
  [[ "$name" == ours* ]] && prepare_cds "$sg" "$url" "$body"
  require_free_port "$GATEWAY_PORT" GATEWAY_PORT
  gateway_command "$name" "$sg" "$GATEWAY_PORT"
  local t0=$SECONDS pid
  start_group "$RUN_OUT/$name.log" "${CMD[@]}"; pid=$LAST_PID
  RUN_DIR=
  log "$name: started (pid $pid), waiting for a correct answer (up to ${READY_TIMEOUT}s)"
  local ready=0
  wait_until "$READY_TIMEOUT" "$pid" curl -fs -o /dev/null --max-time 5 -H 'content-type: application/json' \
    --data '{"query":"{__typename}"}' "$url" && ready=1
  if [[ $ready != 1 ]]; then
    fail_row "$name" "not answering after ${READY_TIMEOUT}s (or exited); log $RUN_OUT/$name.log: $(tail -3 "$RUN_OUT/$name.log" | tr '\n\t' '  ' | cut -c1-300)"
    stop_group "$pid"; return 0
  fi
  local ready_s=$((SECONDS - t0)) check fetches
  first_answer_and_fetches "$name" "$url" "$body" "$expected" "$ready_s"
  local check_json; check_json=$(node -e 'console.log(JSON.stringify(process.argv[1]))' "$check")
  BODY_FILE="$body" REFERENCE_FILE="$RUN_OUT/$name.reference.json" REQUESTS_FILE= \
    STATS_CMD="curl -fsS http://127.0.0.1:$SUBGRAPH_PORT/stats" SUBGRAPH_PIDS="subgraphs=$SUBGRAPH_PID" \
    EXTRA_JSON="{\"kind\":\"gateway\",\"ready_s\":$ready_s,\"fetches_per_query\":$fetches,\"check\":$check_json}" \
    measure "$name" "$url" "$pid" || fail_row "$name" "measurement failed"
  stop_group "$pid"
}

# run_replay : the subgraph fetches of one query (as our gateway sends them, else as Apollo
# Gateway does) replayed round-robin straight against the subgraph server.
run_replay() {
  local via src
  for via in ${REPLAY_VIA:-ours ours-engine apollo-gateway hive-gateway-nodedup hive-gateway-router-runtime-nodedup}; do
    src="$RUN_OUT/fetches-$via.jsonl"; [[ -s "$src" ]] && break
  done
  [[ -s "$src" ]] || { fail_row replay "no captured fetches (run a gateway before replay)"; return 0; }
  local n; n=$(node "$BENCH/scripts/to-requests.js" "$src" "$RUN_OUT/replay-$via.tsv")
  REQUESTS_FILE="$RUN_OUT/replay-$via.tsv" BODY_FILE= REFERENCE_FILE= \
    STATS_CMD= SUBGRAPH_PIDS="subgraphs=$SUBGRAPH_PID" \
    EXTRA_JSON="{\"kind\":\"replay\",\"replay_of\":\"$via\",\"replay_fetches\":$n,\"query_equiv_rps\":null}" \
    measure "replay-$via" "http://127.0.0.1:$SUBGRAPH_PORT/" "" || { fail_row "replay-$via" "measurement failed"; return 0; }
  node -e '
    const fs = require("fs"); const f = process.argv[1]; const r = JSON.parse(fs.readFileSync(f, "utf8"));
    r.query_equiv_rps = +(r.rps / r.replay_fetches).toFixed(1); fs.writeFileSync(f, JSON.stringify(r, null, 1) + "\n");
    console.log(`[${r.name}] ${r.rps} fetches/s = ${r.query_equiv_rps} queries/s`);' "$RUN_OUT/replay-$via.json"
}

scenario_peers() {
  local gateways="${GATEWAYS:-ours ours-nodedup grafbase grafbase-nodedup apollo-gateway hive-gateway-nodedup hive-gateway-router-runtime-nodedup replay}"
  local modes="${MODES:-exec memo}"
  [[ " $gateways " == *" ours"[\ -]* ]] && build_gateway
  [[ " $gateways " == *" ours-engine "* ]] && build_engine_server
  OUT="${OUT:-$BENCH/results/peers-$(date -u +%Y%m%dT%H%M%SZ)}"; mkdir -p "$OUT"
  write_env
  log "results in $OUT"
  SUBGRAPH_PORT="$SUBGRAPH_PORT" SDL_DIR="$OUT/sdl" node "$BENCH/workload/compose.js" "$OUT/supergraph.graphql" >&2 \
    || die "composition failed"
  local mode gw
  for mode in $modes; do
    case "$mode" in exec) memo=0 ;; memo) memo=1 ;; *) die "unknown mode $mode (exec|memo)" ;; esac
    RUN_OUT="$OUT/$( [[ $memo == 1 ]] && echo 'B-memo-subgraphs' || echo 'A-exec-subgraphs')"; mkdir -p "$RUN_OUT"
    log "== subgraphs: $mode (SUBGRAPH_MEMO=$memo)"
    start_bench_subgraphs "$memo"
    for gw in $gateways; do
      if [[ "$gw" == replay ]]; then run_replay; else run_peer "$gw"; fi
    done
    stop_group "$SUBGRAPH_PID"
  done
  node "$BENCH/scripts/table.js" "$OUT"
}

# ---------------------------------------------------------------------------------------------
# scenario 4: the gateway's overhead on a query one subgraph answers alone

# start_gateway NAME SUPERGRAPH : start the named gateway on GATEWAY_PORT and wait for an answer;
# sets GW_PID and GW_READY_S, returns 1 (after a failed row) when it does not answer.
start_gateway() {
  local name="$1" sg="$2" url="http://127.0.0.1:$GATEWAY_PORT/graphql" t0=$SECONDS
  if [[ "$name" == ours* && ! -f "$GATEWAY_JAR" ]]; then fail_row ours "no gateway jar"; return 1; fi
  [[ "$name" == ours* ]] && prepare_cds "$sg" "$url" "$BENCH/workload/query.json"
  require_free_port "$GATEWAY_PORT" GATEWAY_PORT
  gateway_command "$name" "$sg" "$GATEWAY_PORT"
  start_group "$RUN_OUT/$name.log" "${CMD[@]}"; GW_PID=$LAST_PID
  RUN_DIR=
  log "$name: started (pid $GW_PID), waiting for an answer (up to ${READY_TIMEOUT}s)"
  if ! wait_until "$READY_TIMEOUT" "$GW_PID" curl -fs -o /dev/null --max-time 5 -H 'content-type: application/json' \
      --data '{"query":"{__typename}"}' "$url"; then
    fail_row "$name" "not answering after ${READY_TIMEOUT}s (or exited); log $RUN_OUT/$name.log: $(tail -3 "$RUN_OUT/$name.log" | tr '\n\t' '  ' | cut -c1-300)"
    stop_group "$GW_PID"; return 1
  fi
  GW_READY_S=$((SECONDS - t0))
}

# overhead_run NAME TARGET URL PID BODY EXPECTED C : check one answer, then measure C connections.
overhead_run() {
  local name="$1" target="$2" url="$3" pid="$4" body="$5" expected="$6" c="$7" check
  if ! check=$(node "$BENCH/scripts/check.js" "$url" "$body" "$expected" "$RUN_OUT/$name.reference.json" 2>&1); then
    log "$name: the answer is WRONG: $check"
  fi
  local check_json; check_json=$(node -e 'console.log(JSON.stringify(process.argv[1]))' "$check")
  CONNECTIONS="$c" BODY_FILE="$body" REFERENCE_FILE="$RUN_OUT/$name.reference.json" REQUESTS_FILE= \
    STATS_CMD="curl -fsS http://127.0.0.1:$SUBGRAPH_PORT/stats" SUBGRAPH_PIDS="subgraphs=$SUBGRAPH_PID" \
    EXTRA_JSON="{\"kind\":\"overhead\",\"target\":\"$target\",\"connections\":$c,\"check\":$check_json}" \
    measure "$name" "$url" "$pid" || fail_row "$name" "measurement failed"
}

# Per subgraph mode: `{ topProducts { upc name price } }` (products only) sent straight to the
# products subgraph as the subgraph-shaped request our gateway makes for it (captured), and
# through each gateway, with each of OVERHEAD_CONNECTIONS; direct and ours alternate per
# connection count so that each pair is measured back to back.
scenario_overhead() {
  local gateways="${GATEWAYS:-ours apollo-gateway}" modes="${MODES:-exec memo}" conns="${OVERHEAD_CONNECTIONS:-1 10}"
  local query="$BENCH/workload/overhead-query.json" expected="$BENCH/workload/overhead-expected.json"
  [[ " $gateways " == *" ours "* ]] && build_gateway
  [[ " $gateways " == *" ours-engine "* ]] && build_engine_server
  OUT="${OUT:-$BENCH/results/overhead-$(date -u +%Y%m%dT%H%M%SZ)}"; mkdir -p "$OUT"
  write_env
  log "results in $OUT"
  SUBGRAPH_PORT="$SUBGRAPH_PORT" node "$BENCH/workload/compose.js" "$OUT/supergraph.graphql" >&2 || die "composition failed"
  local sg="$OUT/supergraph.graphql" url="http://127.0.0.1:$GATEWAY_PORT/graphql" direct_url="http://127.0.0.1:$SUBGRAPH_PORT/products"
  local mode memo gw c first direct_body
  for mode in $modes; do
    case "$mode" in exec) memo=0 ;; memo) memo=1 ;; *) die "unknown mode $mode (exec|memo)" ;; esac
    RUN_OUT="$OUT/D-overhead-$mode-subgraphs"; mkdir -p "$RUN_OUT"
    log "== overhead, subgraphs: $mode (SUBGRAPH_MEMO=$memo)"
    start_bench_subgraphs "$memo"
    first=1
    for gw in $gateways; do
      start_gateway "$gw" "$sg" || continue
      if [[ $first == 1 ]]; then
        # the request this gateway sends to products for the query becomes the direct request
        curl -fsS "http://127.0.0.1:$SUBGRAPH_PORT/capture?start=1" > /dev/null
        node "$BENCH/scripts/check.js" "$url" "$query" "$expected" > /dev/null 2>&1 || true
        curl -fsS "http://127.0.0.1:$SUBGRAPH_PORT/capture" > "$RUN_OUT/fetches-$gw.jsonl"
        direct_body="$RUN_OUT/direct-request.json"
        node -e '
          const fs = require("fs"); const lines = fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map(JSON.parse);
          if (lines.length !== 1 || lines[0].path !== "/products") { console.error(`expected one request to /products, got ${lines.map((l) => l.path)}`); process.exit(1); }
          fs.writeFileSync(process.argv[2], lines[0].body); console.log(lines[0].body);' \
          "$RUN_OUT/fetches-$gw.jsonl" "$direct_body" > "$RUN_OUT/direct-request.txt" 2>&1 \
          || { log "$gw did not make exactly one products request: $(cat "$RUN_OUT/direct-request.txt"); sending the client query directly"; cp "$query" "$direct_body"; }
        log "direct request (as $gw sends it): $(cat "$direct_body")"
      fi
      # a first warm-up at the highest connection count, so that the JIT has compiled the hot path
      # before the 1-connection run (whose own warm-up sends few requests)
      local prewarm="${OVERHEAD_PREWARM:-20}" cmax; cmax=$(tr ' ' '\n' <<< "$conns" | sort -n | tail -1)
      if (( prewarm > 0 )); then
        log "$gw: pre-warm-up ${prewarm}s with $cmax connections"
        BODY_FILE="$query" REFERENCE_FILE= wrk -t"$THREADS" -c"$cmax" -d"${prewarm}s" --timeout "${WRK_TIMEOUT}s" \
          -s "$BENCH/scripts/graphql.lua" "$url" > "$RUN_OUT/$gw.prewarm.txt" 2>&1 || true
      fi
      for c in $conns; do
        if [[ $first == 1 ]]; then
          overhead_run "direct-c$c" direct "$direct_url" "" "$direct_body" "$expected" "$c"
        fi
        overhead_run "$gw-c$c" "$gw" "$url" "$GW_PID" "$query" "$expected" "$c"
      done
      first=0
      stop_group "$GW_PID"
    done
    stop_group "$SUBGRAPH_PID"
  done
  node "$BENCH/scripts/table.js" "$OUT"
}

# ---------------------------------------------------------------------------------------------
# scenario 6: warm-up — from process start to the first correct answer, then RPS in short windows from cold

# first_correct_ms URL BODY EXPECTED PID : polls (every 20 ms) until BODY gets an answer with data and no errors;
# prints the milliseconds since the caller's T0_MS when that answer is the expected one, else fails (also when PID
# exits or READY_TIMEOUT passes).
first_correct_ms() {
  local url="$1" body="$2" expected="$3" pid="$4" deadline=$(( $(date +%s) + READY_TIMEOUT ))
  while (( $(date +%s) < deadline )); do
    kill -0 "$pid" 2>/dev/null || return 1
    # only curl in the loop (a Node process per poll would slow the start being timed); the full check follows
    if curl -fs -o "$RUN_OUT/first.json" --max-time 10 -H 'content-type: application/json' --data @"$body" "$url" \
        && grep -q '"data"' "$RUN_OUT/first.json" && ! grep -q '"errors"' "$RUN_OUT/first.json"; then
      local ms=$(( $(date +%s%3N) - T0_MS ))
      node "$BENCH/scripts/check.js" --file "$RUN_OUT/first.json" "$expected" >&2 || return 1
      echo "$ms"; return 0
    fi
    sleep 0.02
  done
  return 1
}

scenario_warmup() {
  local gateways="${GATEWAYS:-ours grafbase-nodedup}" windows="${WARMUP_WINDOWS:-24}" every="${WARMUP_WINDOW_S:-5}"
  local body="$BENCH/workload/query.json" expected="$BENCH/workload/expected-response.json"
  local url="http://127.0.0.1:$GATEWAY_PORT/graphql" lua="$BENCH/scripts/graphql.lua" gw
  [[ " $gateways " == *" ours"[\ -]* ]] && build_gateway
  OUT="${OUT:-$BENCH/results/warmup-$(date -u +%Y%m%dT%H%M%SZ)}"; RUN_OUT="$OUT/F-warmup-memo-subgraphs"; mkdir -p "$RUN_OUT"
  write_env
  log "results in $OUT; per gateway: cold start, first correct answer, then $windows windows of ${every}s at $CONNECTIONS connections"
  SUBGRAPH_PORT="$SUBGRAPH_PORT" SDL_DIR="$OUT/sdl" node "$BENCH/workload/compose.js" "$OUT/supergraph.graphql" >&2 \
    || die "composition failed"
  start_bench_subgraphs 1
  for gw in $gateways; do
    [[ "$gw" == ours* ]] && prepare_cds "$OUT/supergraph.graphql" "$url" "$body"
    require_free_port "$GATEWAY_PORT" GATEWAY_PORT
    gateway_command "$gw" "$OUT/supergraph.graphql" "$GATEWAY_PORT"
    wait_quiet
    T0_MS=$(date +%s%3N)
    start_group "$RUN_OUT/$gw.log" "${CMD[@]}"; local pid=$LAST_PID; RUN_DIR=
    local first_ms
    if ! first_ms=$(first_correct_ms "$url" "$body" "$expected" "$pid"); then
      fail_row "$gw" "no correct answer within ${READY_TIMEOUT}s: $(tail -3 "$RUN_OUT/$gw.log" | tr '\n\t' '  ' | cut -c1-300)"
      stop_group "$pid"; continue
    fi
    cp "$RUN_OUT/first.json" "$RUN_OUT/$gw.reference.json"
    log "$gw: first correct answer ${first_ms} ms after process start"
    local i series=""
    for i in $(seq 1 "$windows"); do
      BODY_FILE="$body" REFERENCE_FILE="$RUN_OUT/$gw.reference.json" MISMATCH_FILE="$RUN_OUT/$gw.mismatch" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${every}s" --timeout "${WRK_TIMEOUT}s" -s "$lua" "$url" > "$RUN_OUT/$gw.w$i.txt" 2>&1 || true
      series+="$(grep '^JSON ' "$RUN_OUT/$gw.w$i.txt" | cut -c6-)"$'\n'
    done
    printf '%s' "$series" > "$RUN_OUT/$gw.windows.jsonl"
    node "$BENCH/scripts/warmup-result.js" "$RUN_OUT/$gw.windows.jsonl" "$gw" "$first_ms" "$every" "$(grep VmHWM /proc/$pid/status 2>/dev/null | awk '{print $2}')" \
      > "$RUN_OUT/$gw.json" || fail_row "$gw" "warm-up result failed"
    log "$gw: $(node -e 'const r=require(process.argv[1]);console.log(`first answer ${r.first_answer_ms} ms, peak ${r.peak_rps} RPS, 80% of it after ${r.to_80pct_s} s of load, bad ${r.bad}`)' "$RUN_OUT/$gw.json")"
    stop_group "$pid"
  done
  stop_group "$SUBGRAPH_PID"
  node "$BENCH/scripts/warmup-table.js" "$RUN_OUT" | tee "$OUT/summary.md"
}

# ---------------------------------------------------------------------------------------------
# scenarios 7 and 8: how cost grows — many distinct operations (plan-cache misses), a large supergraph

# run_grown NAME SUPERGRAPH MEASURED_TSV WARMUP_TSV : start the gateway and time its first answer to the first
# measured request, warm it up on WARMUP_TSV, measure on MEASURED_TSV (ours: its cache counters before and after
# the window), then keep the answers to a sample of MEASURED_TSV for the comparison between gateways.
run_grown() {
  local name="$1" sg="$2" measured="$3" warmup="$4" url="http://127.0.0.1:$GATEWAY_PORT/graphql"
  local t0 first_ms ready_ms status metrics_cmd=
  t0=$(date +%s%N)
  start_gateway "$name" "$sg" || return 0
  ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  status=$(curl -s -o "$RUN_OUT/$name.first-answer.json" -w '%{http_code}' --max-time 120 -H 'content-type: application/json' \
    --data "$(head -n 1 "$measured" | cut -f3-)" "$url" || true)
  first_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  log "$name: answers {__typename} after ${ready_ms} ms, the first measured request (status $status) after ${first_ms} ms"
  [[ "$name" == ours* ]] && metrics_cmd="node '$BENCH/scripts/cache-metrics.js' http://127.0.0.1:$GATEWAY_PORT/actuator/prometheus"
  REQUESTS_FILE="$measured" WARMUP_REQUESTS_FILE="$warmup" BODY_FILE= REFERENCE_FILE= METRICS_CMD="$metrics_cmd" \
    STATS_CMD="curl -fsS http://127.0.0.1:$SUBGRAPH_PORT/stats" SUBGRAPH_PIDS="subgraphs=$SUBGRAPH_PID" \
    EXTRA_JSON="{\"kind\":\"gateway\",\"ready_s\":$GW_READY_S,\"ready_ms\":$ready_ms,\"first_answer_ms\":$first_ms,\"first_answer_status\":\"$status\"}" \
    measure "$name" "$url" "$GW_PID" || fail_row "$name" "measurement failed"
  node "$BENCH/scripts/sample-answers.js" "$url" "$measured" "${ANSWER_SAMPLE:-200}" "$RUN_OUT/answers-$name.json" >&2 || true
  [[ -n "$metrics_cmd" && -f "$RUN_OUT/$name.json" ]] && node -e '
    const fs = require("fs"); const [f, b, a] = process.argv.slice(1).map((p) => JSON.parse(fs.readFileSync(p, "utf8")));
    const d = (k) => (a[k] || 0) - (b[k] || 0); const lookups = d("plan_hit") + d("plan_miss");
    f.plan_cache = { hits: d("plan_hit"), misses: d("plan_miss"), miss_rate: lookups ? +(d("plan_miss") / lookups).toFixed(4) : null,
      document_hits: d("document_hit"), document_misses: d("document_miss") };
    fs.writeFileSync(process.argv[1], JSON.stringify(f, null, 1) + "\n");
    console.error(`[${f.name}] plan cache in the window: ${f.plan_cache.misses} misses, ${f.plan_cache.hits} hits (miss rate ${f.plan_cache.miss_rate})`);' \
    "$RUN_OUT/$name.json" "$RUN_OUT/$name.metrics-before.json" "$RUN_OUT/$name.metrics-after.json"
  stop_group "$GW_PID"
}

# scenario_grown KIND : misses (MISSES_OPERATIONS distinct operations over the benchmark supergraph, warm-up on
# another generated set) or large (the generated 40-subgraph federation, a LARGE_QUERIES query mix)
scenario_grown() {
  local kind="$1" gateways="${GATEWAYS:-ours grafbase apollo-gateway}" modes="${MODES:-memo}" schemas= measured warmup
  [[ " $gateways " == *" ours"[\ -]* ]] && build_gateway
  OUT="${OUT:-$BENCH/results/$kind-$(date -u +%Y%m%dT%H%M%SZ)}"; mkdir -p "$OUT"
  write_env
  log "results in $OUT"
  [[ "$kind" == large ]] && schemas=large
  log "composing the $( [[ $kind == large ]] && echo 'large generated' || echo benchmark) supergraph"
  SCHEMAS="$schemas" SUBGRAPH_PORT="$SUBGRAPH_PORT" SDL_DIR="$OUT/sdl" node "$BENCH/workload/compose.js" "$OUT/supergraph.graphql" > /dev/null \
    || die "composition failed"
  if [[ "$kind" == misses ]]; then
    measured="$OUT/operations-measured.tsv"; warmup="$OUT/operations-warmup.tsv"
    node "$BENCH/workload/operations.js" "${MISSES_OPERATIONS:-10000}" "${MISSES_SEED:-misses}" "$measured" "$warmup" >&2
  else
    measured="$OUT/queries.tsv"; warmup="$measured"
    node "$BENCH/workload/large/queries.js" "${LARGE_QUERIES:-200}" "${LARGE_SEED:-large}" "$measured" >&2
  fi
  local mode memo gw letter; letter=$( [[ $kind == misses ]] && echo F || echo G)
  for mode in $modes; do
    case "$mode" in exec) memo=0 ;; memo) memo=1 ;; *) die "unknown mode $mode (exec|memo)" ;; esac
    RUN_OUT="$OUT/$letter-$kind-$mode-subgraphs"; mkdir -p "$RUN_OUT"
    log "== $kind, subgraphs: $mode (SUBGRAPH_MEMO=$memo)"
    SCHEMAS="$schemas" start_bench_subgraphs "$memo"
    for gw in $gateways; do run_grown "$gw" "$OUT/supergraph.graphql" "$measured" "$warmup"; done
    stop_group "$SUBGRAPH_PID"
    node "$BENCH/scripts/compare-answers.js" "$RUN_OUT" "${COMPARE_WITH:-ours}" | tee "$RUN_OUT/compare.txt" >&2 || true
  done
  node "$BENCH/scripts/table.js" "$OUT"
}

# ---------------------------------------------------------------------------------------------
# scenario 5: soak — our gateway under the peers memo load for SOAK_DURATION seconds

scenario_soak() {
  local duration="${SOAK_DURATION:-600}" every="${SOAK_SAMPLE:-5}"
  local body="$BENCH/workload/query.json" expected="$BENCH/workload/expected-response.json"
  local url="http://127.0.0.1:$GATEWAY_PORT/graphql" lua="$BENCH/scripts/graphql.lua" name=ours
  build_gateway
  OUT="${OUT:-$BENCH/results/soak-$(date -u +%Y%m%dT%H%M%SZ)}"; RUN_OUT="$OUT/E-soak-memo-subgraphs"; mkdir -p "$RUN_OUT"
  write_env
  log "results in $OUT; soak of ${duration}s, $CONNECTIONS connections, JAVA_OPTS: $JAVA_OPTS"
  SUBGRAPH_PORT="$SUBGRAPH_PORT" node "$BENCH/workload/compose.js" "$OUT/supergraph.graphql" >&2 || die "composition failed"
  start_bench_subgraphs 1
  # the GC log gives the heap after every collection (decorated with epoch milliseconds)
  JAVA_OPTS="$JAVA_OPTS -Xlog:gc:file=$RUN_OUT/$name.gc.log:timemillis" start_gateway "$name" "$OUT/supergraph.graphql" \
    || { stop_group "$SUBGRAPH_PID"; node "$BENCH/scripts/table.js" "$OUT"; return 1; }
  local pid=$GW_PID check fetches
  first_answer_and_fetches "$name" "$url" "$body" "$expected" "$GW_READY_S"
  wait_quiet
  log "$name: warm-up ${WARMUP}s, then a ${duration}s soak with $CONNECTIONS connections (sampling every ${every}s)"
  BODY_FILE="$body" REFERENCE_FILE="$RUN_OUT/$name.reference.json" MISMATCH_FILE="$RUN_OUT/$name.mismatch" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout "${WRK_TIMEOUT}s" -s "$lua" "$url" > "$RUN_OUT/$name.warmup.txt" 2>&1 || true
  rm -f "$RUN_OUT/$name.mismatch".*
  BODY_FILE="$body" settle "$url"
  BODY_FILE="$body" REFERENCE_FILE="$RUN_OUT/$name.reference.json" MISMATCH_FILE="$RUN_OUT/$name.mismatch" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${duration}s" --timeout "${WRK_TIMEOUT}s" --latency -s "$lua" "$url" > "$RUN_OUT/$name.wrk.txt" 2>&1 &
  local wrk_pid=$!
  node "$BENCH/scripts/soak-sample.js" "$RUN_OUT/$name.series.json" "$every" "$pid" "http://127.0.0.1:$SUBGRAPH_PORT/stats" &
  local sampler=$!
  wait "$wrk_pid" || true
  kill -TERM "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  # the live heap at the end: a full GC, then the heap's occupancy (skipped when jcmd is missing)
  if command -v jcmd > /dev/null; then
    { jcmd "$pid" GC.run > /dev/null && jcmd "$pid" GC.heap_info; } > "$RUN_OUT/$name.heap-end.txt" 2>&1 || true
  fi
  local opts_json; opts_json=$(node -e 'console.log(JSON.stringify(process.argv[1]))' -- "$JAVA_OPTS")
  node "$BENCH/scripts/soak-result.js" "$RUN_OUT" "$name" \
    "{\"fetches_per_query\":$fetches,\"java_opts\":$opts_json,\"malloc_arena_max\":\"$GATEWAY_MALLOC_ARENA_MAX\",\"connections\":$CONNECTIONS}" \
    || fail_row "$name" "soak result failed"
  stop_group "$pid"
  stop_group "$SUBGRAPH_PID"
  node "$BENCH/scripts/table.js" "$OUT"
}

# ---------------------------------------------------------------------------------------------
# scenario 2: our federation, realistic mix

scenario_shop() {
  local gateways="${GATEWAYS:-ours apollo-gateway}"
  local commerce_jar="$ROOT/commerce-subgraph/target/commerce-subgraph-0.1.0-SNAPSHOT.jar"
  local promo_jar="$ROOT/promo-subgraph/target/promo-subgraph-0.1.0-SNAPSHOT.jar"
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building the gateway and both subgraphs: ./mvnw -q -B -pl gateway,commerce-subgraph,promo-subgraph -am package -DskipTests"
    (cd "$ROOT" && "${MVNW[@]}" -pl gateway,commerce-subgraph,promo-subgraph -am package -DskipTests) || die "build failed"
  fi
  [[ " $gateways " == *" ours-engine "* ]] && build_engine_server
  [[ -f "$commerce_jar" && -f "$promo_jar" ]] || die "subgraph jars missing (build without SKIP_BUILD=1)"
  OUT="${OUT:-$BENCH/results/shop-$(date -u +%Y%m%dT%H%M%SZ)}"; mkdir -p "$OUT"
  RUN_OUT="$OUT/C-shop-mix"; mkdir -p "$RUN_OUT"
  write_env
  log "results in $OUT"
  local commerce_url="http://127.0.0.1:$COMMERCE_PORT/graphql" promo_url="http://127.0.0.1:$PROMO_PORT/graphql"
  sed -e "s#url: \"[^\"]*4001/graphql\"#url: \"$commerce_url\"#" -e "s#url: \"[^\"]*4002/graphql\"#url: \"$promo_url\"#" \
    "$ROOT/schema/src/main/resources/schema/supergraph.graphql" > "$OUT/supergraph.graphql"
  grep -q "$commerce_url" "$OUT/supergraph.graphql" && grep -q "$promo_url" "$OUT/supergraph.graphql" \
    || die "could not point the supergraph's join__graph URLs at ports $COMMERCE_PORT/$PROMO_PORT"
  local subgraph_opts="${SUBGRAPH_JAVA_OPTS:--Xms256m -Xmx512m}" cpid ppid
  require_free_port "$COMMERCE_PORT" COMMERCE_PORT; require_free_port "$PROMO_PORT" PROMO_PORT
  # shellcheck disable=SC2086
  RUN_DIR= start_group "$RUN_OUT/commerce.log" java $subgraph_opts -jar "$commerce_jar" --server.port="$COMMERCE_PORT" --server.address=127.0.0.1 \
    --management.endpoints.web.exposure.include=health,metrics
  cpid=$LAST_PID
  # shellcheck disable=SC2086
  RUN_DIR= start_group "$RUN_OUT/promo.log" java $subgraph_opts -jar "$promo_jar" --server.port="$PROMO_PORT" --server.address=127.0.0.1 \
    --management.endpoints.web.exposure.include=health,metrics
  ppid=$LAST_PID
  log "starting commerce (pid $cpid) and promo (pid $ppid)"
  wait_until "$READY_TIMEOUT" "$cpid" curl -fsS "http://127.0.0.1:$COMMERCE_PORT/actuator/health" || die "commerce did not start: $(tail -5 "$RUN_OUT/commerce.log")"
  wait_until "$READY_TIMEOUT" "$ppid" curl -fsS "http://127.0.0.1:$PROMO_PORT/actuator/health" || die "promo did not start: $(tail -5 "$RUN_OUT/promo.log")"
  local gw url pid t0 ready_s
  local prepared=0
  for gw in $gateways; do
    url="http://127.0.0.1:$GATEWAY_PORT/graphql"
    if [[ "$gw" == ours && ! -f "$GATEWAY_JAR" ]]; then fail_row ours "no gateway jar"; continue; fi
    require_free_port "$GATEWAY_PORT" GATEWAY_PORT
    gateway_command "$gw" "$OUT/supergraph.graphql" "$GATEWAY_PORT"
    t0=$SECONDS
    start_group "$RUN_OUT/$gw.log" "${CMD[@]}"; pid=$LAST_PID; RUN_DIR=
    if ! wait_until "$READY_TIMEOUT" "$pid" curl -fs -o /dev/null --max-time 5 -H 'content-type: application/json' --data '{"query":"{__typename}"}' "$url"; then
      fail_row "$gw" "not answering after ${READY_TIMEOUT}s (or exited); log $RUN_OUT/$gw.log: $(tail -3 "$RUN_OUT/$gw.log" | tr '\n\t' '  ' | cut -c1-300)"
      stop_group "$pid"; continue
    fi
    ready_s=$((SECONDS - t0))
    if [[ $prepared == 0 ]]; then
      # once, through the first gateway that answers: fill every buyer's cart and place the order
      # that the mix's checkout retries (idempotent), then build the request mix
      node "$BENCH/shop/prepare.js" "$url" "$ROOT/schema/contract/operations" "$OUT" >&2 || die "shop preparation failed"
      prepared=1
    fi
    # every distinct request once, answers kept for the cross-gateway comparison
    node "$BENCH/shop/answers.js" "$url" "$OUT/requests.tsv" "$RUN_OUT/answers-$gw.json" commerce=$COMMERCE_PORT promo=$PROMO_PORT >&2 || true
    REQUESTS_FILE="$OUT/requests.tsv" BODY_FILE= REFERENCE_FILE= \
      STATS_CMD="node '$BENCH/shop/counters.js' commerce=$COMMERCE_PORT promo=$PROMO_PORT" \
      SUBGRAPH_PIDS="subgraph-commerce=$cpid subgraph-promo=$ppid" \
      EXTRA_JSON="{\"kind\":\"gateway\",\"ready_s\":$ready_s}" \
      measure "$gw" "$url" "$pid" || fail_row "$gw" "measurement failed"
    stop_group "$pid"
  done
  node "$BENCH/shop/compare.js" "$RUN_OUT" | tee "$RUN_OUT/compare.txt" >&2 || true
  stop_group "$ppid"; stop_group "$cpid"
  node "$BENCH/scripts/table.js" "$OUT"
}

# ---------------------------------------------------------------------------------------------
# scenario: hostile inputs against the federation as ./run.sh starts it (same launcher, same JVM options)

scenario_hostile() {
  local launcher="$ROOT/e2e/target/e2e-0.1.0-SNAPSHOT.jar" gw_port="${HOSTILE_GATEWAY_PORT:-4380}" pid lpid
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building: ./mvnw -q -B -DskipTests package"
    (cd "$ROOT" && "${MVNW[@]}" -DskipTests package) || die "build failed"
  fi
  [[ -f "$launcher" ]] || die "launcher jar missing (build without SKIP_BUILD=1)"
  OUT="${OUT:-$BENCH/results/hostile-$(date -u +%Y%m%dT%H%M%SZ)}"; mkdir -p "$OUT"
  RUN_OUT="$OUT"; write_env
  require_free_port "$gw_port" HOSTILE_GATEWAY_PORT
  RUN_DIR="$ROOT" start_group "$OUT/launcher.log" java -jar "$launcher" --gateway-port "$gw_port" \
    --commerce-port 0 --promo-port 0 --log-dir "$OUT/services"
  lpid=$LAST_PID; RUN_DIR=
  wait_until "$READY_TIMEOUT" "$lpid" grep -q '^Explorer:' "$OUT/launcher.log" || die "federation did not start: $(tail -5 "$OUT/launcher.log")"
  pid=$(ss -Hltnp "sport = :$gw_port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  [[ -n "$pid" ]] || die "no process listens on $gw_port"
  log "gateway pid $pid on $gw_port; sending the hostile inputs (timeout ${HOSTILE_TIMEOUT:-60} s each)"
  node "$BENCH/hostile/hostile.mjs" --url "http://127.0.0.1:$gw_port/graphql" --pid "$pid" \
    --timeout "${HOSTILE_TIMEOUT:-60}" --out "$OUT/hostile.json" | tee "$OUT/summary.md"
  stop_group "$lpid"
}

# ---------------------------------------------------------------------------------------------
# scenario: the end-to-end suite's load with faults, for longer than its 60 s in the build

scenario_faults() {
  OUT="${OUT:-$BENCH/results/faults-$(date -u +%Y%m%dT%H%M%SZ)}"; mkdir -p "$OUT"
  local seconds="${FAULTS_DURATION:-600}" clients="${FAULTS_CLIENTS:-50}"
  log "load with faults: ${seconds}s, $clients clients (./mvnw -pl e2e -am verify -Dtest=LoadWithFaultsTest)"
  local rc=0
  (cd "$ROOT" && "$ROOT/mvnw" -B -pl e2e -am verify -Dtest=LoadWithFaultsTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dshopfed.load.seconds="$seconds" -Dshopfed.load.clients="$clients") > "$OUT/mvn.log" 2>&1 || rc=$?
  grep -h -o 'LOAD-WITH-FAULTS:.*' "$OUT/mvn.log" | head -1 | tee "$OUT/summary.txt" || true
  [[ $rc == 0 ]] || die "the load with faults failed (rc $rc): see $OUT/mvn.log"
}

# ---------------------------------------------------------------------------------------------
# scenario 3: JMH

scenario_jmh() {
  log "installing the gateway into the local Maven repository: ./mvnw -q -B -pl gateway -am install -DskipTests"
  [[ "${SKIP_BUILD:-0}" == 1 ]] || (cd "$ROOT" && "${MVNW[@]}" -pl gateway -am install -DskipTests) || die "gateway install failed"
  log "building bench/jmh"
  [[ "${SKIP_BUILD:-0}" == 1 && -f "$ENGINE_JAR" ]] || (cd "$BENCH/jmh" && "${MVNW[@]}" -f pom.xml package) || die "bench/jmh build failed"
  OUT="${OUT:-$BENCH/results/jmh-$(date -u +%Y%m%dT%H%M%SZ)}"; mkdir -p "$OUT"
  # shellcheck disable=SC2086
  java ${JMH_JAVA_OPTS:-} -jar "$ENGINE_JAR" ${JMH_ARGS:--f 1 -wi 3 -w 2s -i 5 -r 2s} -rf json -rff "$OUT/jmh.json" ${JMH_INCLUDE:-} \
    | tee "$OUT/jmh.txt"
}

case "$SCENARIO" in
  peers) ensure_tools; scenario_peers ;;
  overhead) ensure_tools; scenario_overhead ;;
  soak) ensure_tools; scenario_soak ;;
  warmup) ensure_tools; scenario_warmup ;;
  misses) ensure_tools; scenario_grown misses ;;
  large) ensure_tools; scenario_grown large ;;
  shop) ensure_tools; scenario_shop ;;
  jmh) scenario_jmh ;;
  hostile) scenario_hostile ;;
  faults) scenario_faults ;;
  all) rc=0; for s in peers overhead shop jmh soak; do (unset OUT; "$0" "$s") || rc=1; done; exit $rc ;;
  -h|--help|help) sed -n '2,33p' "$0" ;;
  *) die "unknown scenario $SCENARIO (peers|overhead|soak|warmup|shop|jmh|hostile|faults|misses|large|all)" ;;
esac
