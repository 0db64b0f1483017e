#!/usr/bin/env bash
# Times issue 17's commands as whole processes, side by side in one run:
# `diff` of a network against a later snapshot (5 % of ties re-drawn, 1 % of
# people replaced: Scripts/mutate-snapshot.py) against `analyse --sections
# summary` on one file; `keystones` against `validate`; and, on M, networkx's
# `articulation_points` on the strong-tie graph, beside both the whole
# `keystones` process and its analysing phase (networkx's call does not read
# the file either).
#
#   Scripts/bench-change.sh [SIZES] [RUNS]     (default "M L", 3; networkx on M only)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-M L}
runs=${2:-3}
data=${BENCH_DATA:-.build-bench-data}
mkdir -p "$data"
swift build -c release --product trustmap > /dev/null
bin=.build/release/trustmap

measure() {  # name, command...: min and median seconds, peak MB over $runs runs
  local name=$1
  shift
  local times
  times=$(for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" "$@" 2>&1 > /dev/null | tail -n 1
  done | sort -n)
  echo "$times" | awk -v name="$name" '{t[NR]=$1; if ($2 > m) m=$2} END {
    printf "  %-40s min %7.2f s  median %7.2f s  peak %6d MB\n", name, t[1], t[int((NR+1)/2)], m/1024 }'
}

for size in $sizes; do
  case "$size" in
    S) people=10000 ties=100000 ;;
    M) people=100000 ties=1000000 ;;
    L) people=1000000 ties=10000000 ;;
    *) echo "unknown size $size" >&2; exit 64 ;;
  esac
  file="$data/$size.json"
  later="$data/$size-later.json"
  [ -f "$file" ] || python3 ../shared/bench/gen.py "$people" "$ties" "$file"
  [ -f "$later" ] || python3 Scripts/mutate-snapshot.py "$file" "$later"
  echo "== $size: $file and $later"
  measure "trustmap analyse --sections summary" "$bin" analyse "$file" --sections summary
  measure "trustmap diff" "$bin" diff "$file" "$later"
  measure "trustmap validate" "$bin" validate "$file"
  measure "trustmap keystones" "$bin" keystones "$file"
  # The keystones' own work, beside networkx's call alone (neither reading
  # its file): the analysing phase of TRUSTMAP_TIMINGS, the least of $runs.
  for _ in $(seq "$runs"); do
    TRUSTMAP_TIMINGS=1 "$bin" keystones "$file" 2>&1 > /dev/null | awk '/timing: analysing/ {print $4}'
  done | sort -n | head -n 1 | awk '{printf "  %-40s min %7.3f s\n", "trustmap keystones, analysing phase", $1}'
  if [ "$size" != L ] && python3 -c 'import networkx' 2> /dev/null; then
    python3 - "$file" <<'PY'
import json, sys, time
import networkx as nx
doc = json.load(open(sys.argv[1]))
best = {}
for tie in doc["ties"]:
    a, b = sorted((tie["from"], tie["to"]))
    if a != b:
        best[(a, b)] = max(best.get((a, b), 0.0), tie.get("strength", 1.0))
G = nx.Graph()
G.add_nodes_from(p["id"] for p in doc["people"])
G.add_edges_from(k for k, w in best.items() if w >= doc.get("strongTieThreshold", 0.5))
start = time.perf_counter()
points = list(nx.articulation_points(G))
print(f"  networkx articulation_points             call {time.perf_counter() - start:8.2f} s  ({len(points)} points)")
PY
  fi
done
