# Shared helpers for bench/run.sh (sourced, not run). Loopback only; every load run is bounded.
# shellcheck shell=bash

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

STARTED_GROUPS=()

# start_group LOGFILE CMD... : runs CMD in its own session/process group (so the whole tree can be
# sampled and stopped); its pid is left in LAST_PID. Set RUN_DIR to run it in another directory.
start_group() {
  local logf="$1"; shift
  ( [[ -n "${RUN_DIR:-}" ]] && cd "$RUN_DIR"; exec setsid "$@" ) > "$logf" 2>&1 < /dev/null &
  LAST_PID=$!
  STARTED_GROUPS+=("$LAST_PID")
}

# stop_group PID : TERM the process group, KILL it after 5 s.
stop_group() {
  local pid="$1"
  [[ -z "$pid" ]] && return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

stop_all_groups() {
  local pid
  for pid in "${STARTED_GROUPS[@]:-}"; do [[ -n "$pid" ]] && stop_group "$pid"; done
  STARTED_GROUPS=()
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() {
  port_free "$1" || die "port $1 on 127.0.0.1 is in use (set ${2:-the port variable} to another port)"
}

# wait_until TIMEOUT_S PID CMD... : retry CMD every 0.25 s until it succeeds; fails when PID exits.
wait_until() {
  local timeout="$1" pid="$2"; shift 2
  local end=$((SECONDS + timeout))
  while (( SECONDS < end )); do
    kill -0 "$pid" 2>/dev/null || return 2
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  return 1
}

# Waits up to QUIET_WAIT seconds until the machine is less than QUIET_PCT % of one core busy
# (over 2 s), so other people's processes do not skew a run. Prints what it saw.
wait_quiet() {
  local wait_s="${QUIET_WAIT:-30}" pct="${QUIET_PCT:-20}" n end p
  n=$(nproc); end=$((SECONDS + wait_s))
  (( wait_s <= 0 )) && return 0
  while :; do
    local a b c d e f g h b1 t1 b2 t2
    read -r _ a b c d e f g h _ < /proc/stat; b1=$((a+b+c+f+g+h)); t1=$((a+b+c+d+e+f+g+h)); sleep 2
    read -r _ a b c d e f g h _ < /proc/stat; b2=$((a+b+c+f+g+h)); t2=$((a+b+c+d+e+f+g+h))
    p=$(( (b2-b1) * 100 * n / (t2-t1 > 0 ? t2-t1 : 1) ))
    if (( p < pct )); then log "machine quiet (${p}% of a core busy)"; return 0; fi
    if (( SECONDS >= end )); then log "machine NOT quiet after ${wait_s}s (${p}% of a core busy by others); measuring anyway"; return 0; fi
    sleep 3
  done
}

# settle URL : after the warm-up, let the target finish the requests wrk left in flight (servers keep
# working on them after wrk closes its connections): one more request, answered once the backlog is
# gone on a first-come-first-served server, then a short pause.
settle() {
  local url="$1" path headers body
  if [[ -n "${REQUESTS_FILE:-}" ]]; then
    local first; first=$(head -n 1 "$REQUESTS_FILE")
    path=$(cut -f1 <<< "$first"); headers=$(cut -f2 <<< "$first"); body=$(cut -f3- <<< "$first")
    local args=()
    local h; IFS='|' read -ra hs <<< "$headers"; for h in "${hs[@]}"; do [[ -n "$h" ]] && args+=(-H "$h"); done
    local base; base=$(sed -E 's#^(http://[^/]+).*#\1#' <<< "$url")
    curl -s -o /dev/null --max-time 60 -H 'content-type: application/json' "${args[@]}" --data "$body" "$base$path" || true
  elif [[ -n "${BODY_FILE:-}" ]]; then
    curl -s -o /dev/null --max-time 60 -H 'content-type: application/json' --data-binary "@$BODY_FILE" "$url" || true
  fi
  sleep "${SETTLE:-1}"
}

# measure NAME URL TARGET_PID : warm-up, then the measured window with wrk while sampling
# RSS/CPU of the target's process tree, the subgraph server(s) and wrk; writes $RUN_OUT/NAME.json.
# Env: WARMUP, DURATION, CONNECTIONS, THREADS, WRK_TIMEOUT, plus the graphql.lua inputs
# (BODY_FILE+REFERENCE_FILE or REQUESTS_FILE), STATS_CMD (prints the subgraphs' request counters
# as a JSON object; read before and after the measured window; optional),
# SUBGRAPH_PIDS ("label=pid ..."), EXTRA_JSON (merged into the result), WARMUP_REQUESTS_FILE (the warm-up's
# requests instead of REQUESTS_FILE's), METRICS_CMD (prints a JSON object of the target's own counters; kept
# before and after the measured window as NAME.metrics-before.json / NAME.metrics-after.json).
measure() {
  local name="$1" url="$2" tpid="${3:-}"
  case "$url" in http://127.0.0.1:*|http://localhost:*) ;; *) die "refusing non-loopback URL $url";; esac
  local lua="$BENCH/scripts/graphql.lua"
  wait_quiet
  log "$name: warm-up ${WARMUP}s, then ${DURATION}s measured, $CONNECTIONS connections"
  local warm_requests="${WARMUP_REQUESTS_FILE:-${REQUESTS_FILE:-}}"
  REQUESTS_FILE="$warm_requests" MISMATCH_FILE="$RUN_OUT/$name.mismatch" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" \
    --timeout "${WRK_TIMEOUT}s" -s "$lua" "$url" > "$RUN_OUT/$name.warmup.txt" 2>&1 || true
  rm -f "$RUN_OUT/$name.mismatch".*
  REQUESTS_FILE="$warm_requests" settle "$url"
  local before='{}' after='{}'
  [[ -n "${STATS_CMD:-}" ]] && before="$(eval "$STATS_CMD" 2>/dev/null || echo '{}')"
  [[ -n "${METRICS_CMD:-}" ]] && { eval "$METRICS_CMD" > "$RUN_OUT/$name.metrics-before.json" 2>/dev/null || echo '{}' > "$RUN_OUT/$name.metrics-before.json"; }
  MISMATCH_FILE="$RUN_OUT/$name.mismatch" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "${WRK_TIMEOUT}s" \
    --latency -s "$lua" "$url" > "$RUN_OUT/$name.wrk.txt" 2>&1 &
  local wrk_pid=$!
  local args=("loadgen=$wrk_pid")
  [[ -n "$tpid" ]] && args+=("gateway=$tpid")
  # shellcheck disable=SC2206
  [[ -n "${SUBGRAPH_PIDS:-}" ]] && args+=($SUBGRAPH_PIDS)
  node "$BENCH/scripts/sample.js" "$RUN_OUT/$name.sample.json" "${args[@]}" &
  local sampler=$!
  wait "$wrk_pid" || true
  kill -TERM "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  [[ -n "${STATS_CMD:-}" ]] && after="$(eval "$STATS_CMD" 2>/dev/null || echo '{}')"
  [[ -n "${METRICS_CMD:-}" ]] && { eval "$METRICS_CMD" > "$RUN_OUT/$name.metrics-after.json" 2>/dev/null || echo '{}' > "$RUN_OUT/$name.metrics-after.json"; }
  node "$BENCH/scripts/result.js" "$RUN_OUT" "$name" "$url" "$before" "$after" "${EXTRA_JSON:-{\}}"
}
