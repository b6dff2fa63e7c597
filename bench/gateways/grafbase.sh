#!/usr/bin/env bash
# Runs the Grafbase gateway (Rust) in the foreground on 127.0.0.1:PORT for the benchmark's subgraphs.
#
#   gateways/grafbase.sh PORT SUPERGRAPH SDL_DIR WORK_DIR [dedup|nodedup]
#
# The npm package's CLI serves only as `grafbase dev`, which composes the graph itself from subgraph SDLs
# rather than reading a supergraph: the subgraph names and URLs come from SUPERGRAPH's @join__graph
# entries, each SDL from SDL_DIR/<name>.graphql (written by workload/compose.js). `nodedup` turns off its
# in-flight de-duplication of identical subgraph requests (on by default). The last process is grafbase
# itself (exec), so stopping the process group stops it.
set -Eeuo pipefail
PORT="${1:?PORT}"; SUPERGRAPH="${2:?SUPERGRAPH}"; SDL_DIR="${3:?SDL_DIR}"; WORK="${4:?WORK_DIR}"; DEDUP="${5:-dedup}"
BENCH="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$BENCH/node_modules/@grafbase/cli-x86_64-unknown-linux-musl/grafbase"
[[ -x "$BIN" ]] || { echo "no grafbase binary at $BIN (npm ci in bench/)" >&2; exit 2; }
mkdir -p "$WORK/home"
config="$WORK/grafbase.toml"
: > "$config"
while IFS=$'\t' read -r name url; do
  [[ -f "$SDL_DIR/$name.graphql" ]] || { echo "no SDL for subgraph $name in $SDL_DIR" >&2; exit 2; }
  printf '[subgraphs."%s"]\nurl = "%s"\nschema_path = "%s"\n\n' "$name" "$url" "$SDL_DIR/$name.graphql" >> "$config"
done < <(grep -oE '@join__graph\(name: *"[^"]+", *url: *"[^"]*"\)' "$SUPERGRAPH" \
  | sed -E 's/@join__graph\(name: *"([^"]+)", *url: *"([^"]*)"\)/\1\t\2/')
grep -q '^\[subgraphs' "$config" || { echo "no @join__graph entries in $SUPERGRAPH" >&2; exit 2; }
[[ "$DEDUP" == nodedup ]] && printf '[traffic_shaping]\ninflight_deduplication = false\n' >> "$config"
cd "$WORK"
# the CLI unpacks its UI into $HOME/.grafbase: keep that inside WORK
export HOME="$WORK/home" NO_COLOR=1
exec "$BIN" --home "$WORK/home" dev -c "$config" -p "$PORT"
