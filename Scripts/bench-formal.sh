#!/usr/bin/env bash
# Times `trustmap formal` and `trustmap brokers --by team` as whole processes
# against `trustmap validate` on the same file, and `brokers` against
# networkx's `constraint(G, weight="weight")` on the strong-tie graph, in one
# run. The networks are ../shared/bench/gen.py's, given a reports-to forest
# by Scripts/add-reports-to.py.
#
#   Scripts/bench-formal.sh [SIZES] [RUNS]     (default "M L", 3; networkx on M only)
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
    printf "  %-36s min %7.2f s  median %7.2f s  peak %6d MB\n", name, t[1], t[int((NR+1)/2)], m/1024 }'
}

for size in $sizes; do
  case "$size" in
    S) people=10000 ties=100000 ;;
    M) people=100000 ties=1000000 ;;
    L) people=1000000 ties=10000000 ;;
    *) echo "unknown size $size" >&2; exit 64 ;;
  esac
  plain="$data/$size.json"
  file="$data/$size-org.json"
  [ -f "$plain" ] || python3 ../shared/bench/gen.py "$people" "$ties" "$plain"
  [ -f "$file" ] || python3 Scripts/add-reports-to.py "$plain" "$file"
  echo "== $size: $file ($(du -m "$file" | cut -f1) MB)"
  measure "trustmap validate" "$bin" validate "$file"
  measure "trustmap formal" "$bin" formal "$file"
  measure "trustmap brokers --by team" "$bin" brokers "$file" --by team
  if [ "$size" != L ] && python3 -c 'import networkx' 2> /dev/null; then
    python3 - "$file" <<'PY'
import json, sys, time
import networkx as nx
doc = json.load(open(sys.argv[1]))
best = {}
for tie in doc["ties"]:
    a, b = sorted((tie["from"], tie["to"]))
    if a == b:
        continue
    best[(a, b)] = max(best.get((a, b), 0.0), tie.get("strength", 1.0))
G = nx.Graph()
G.add_nodes_from(p["id"] for p in doc["people"])
G.add_weighted_edges_from((a, b, w) for (a, b), w in best.items() if w >= doc.get("strongTieThreshold", 0.5))
start = time.perf_counter()
nx.constraint(G, weight="weight")
print(f"  networkx constraint(weight=weight)   call {time.perf_counter() - start:8.2f} s  ({G.number_of_edges()} strong ties)")
PY
  fi
done
