#!/usr/bin/env bash
# Times `trustmap cascade` as whole processes, side by side in one run: one
# run, --sweep (101 runs) and the load alone (`validate`) on the given sizes;
# `--target 0.5` on M; and NDlib's ThresholdModel (one run to the end, the same
# threshold and starting speakers) on M when ndlib is installed
# (`pip install ndlib`).
#
#   Scripts/bench-cascade.sh [SIZES] [RUNS]    (default "M L", 3)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-M L}
runs=${2:-3}
data=${BENCH_DATA:-.build-bench-data}
mkdir -p "$data"
swift build -c release --product trustmap > /dev/null
bin=.build/release/trustmap

measure() {
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
  [ -f "$file" ] || python3 ../shared/bench/gen.py "$people" "$ties" "$file"
  echo "== $size: $file"
  measure "trustmap validate (the load)" "$bin" validate "$file"
  measure "trustmap cascade (one run)" "$bin" cascade "$file" --start-count 100 --threshold 0.1
  measure "trustmap cascade --sweep" "$bin" cascade "$file" --start-count 100 --sweep
  if [ "$size" = M ]; then
    measure "trustmap cascade --target 0.5" "$bin" cascade "$file" --threshold 0.1 --target 0.5
    if python3 -c 'import ndlib' 2> /dev/null; then
      python3 - "$file" <<'PY'
import json, random, sys, time
import networkx as nx
import ndlib.models.ModelConfig as mc
import ndlib.models.epidemics as ep
doc = json.load(open(sys.argv[1]))
best = {}
for tie in doc["ties"]:
    a, b = sorted((tie["from"], tie["to"]))
    if a != b:
        best[(a, b)] = max(best.get((a, b), 0.0), tie.get("strength", 1.0))
G = nx.Graph()
G.add_nodes_from(p["id"] for p in doc["people"])
G.add_edges_from(k for k, w in best.items() if w >= 0.5)
model = ep.ThresholdModel(G)
config = mc.Configuration()
for node in G.nodes():
    config.add_node_configuration("threshold", node, 0.1)
random.seed(1)
config.add_model_initial_configuration("Infected", random.sample(list(G.nodes()), 100))
model.set_initial_status(config)
start = time.perf_counter()
rounds = 0
while True:
    step = model.iteration()
    rounds += 1
    if step["status_delta"][1] == 0 and rounds > 1:
        break
infected = sum(1 for s in model.status.values() if s == 1)
print(f"  NDlib ThresholdModel to the end          call {time.perf_counter() - start:8.2f} s  ({rounds} rounds, {infected} spoke)")
PY
    fi
  fi
done
