#!/usr/bin/env bash
# Reproduces BENCHMARKS.md: trustmap against igraph, networkit and networkx on
# the generated S, M and L networks, side by side in one run.
#
#   Scripts/bench.sh [SIZES] [RUNS]     e.g. Scripts/bench.sh "S M" 3   (default "S M L", 3)
#   Scripts/bench.sh "STAR POWERLAW" 1   the hub networks of issue 20 (Scripts/make-hubs.py):
#                                        a 1,000,000-leaf star and a Chung-Lu power law
#                                        (1,000,000 people, 10,000,000 tie records, exponent 2.1)
#   PEERS=0 Scripts/bench.sh ...         trustmap and json.load only
#
# Needs python3 with numpy (for ../shared/bench/gen.py) and, for the peers,
# `pip install igraph leidenalg networkit networkx`. Networks are generated once
# into $BENCH_DATA (default .build-bench-data/); peer results are appended to
# $BENCH_DATA/peer-bench.jsonl. Timings are min and median of RUNS whole
# processes, with the peak resident memory; run on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-S M L}
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
    printf "  %-44s min %7.2f s  median %7.2f s  peak %6d MB\n", name, t[1], t[int((NR+1)/2)], m/1024 }'
}

hubs() {  # STAR or POWERLAW: analyse and tribes beside validate, igraph's Leiden alone
  local file=$1
  measure "trustmap validate" "$bin" validate "$file"
  measure "trustmap analyse" "$bin" analyse "$file"
  measure "trustmap analyse --sections summary" "$bin" analyse "$file" --sections summary
  measure "trustmap tribes" "$bin" tribes "$file"
  [ "${PEERS:-1}" = 1 ] || return 0
  export BENCH_RESULTS="$PWD/$data/peer-bench.jsonl"
  # igraph's community_leiden only: its neighborhood_size(order=2) does not
  # finish in 300 s on these networks.
  timeout 900 python3 ../shared/bench/bench.py "$file" igraph --runs 1 \
    --skip leidenalg,nbhd_lists,leiden_conv,louvain || true
}

for size in $sizes; do
  case "$size" in
    S) people=10000 ties=100000 ;;
    M) people=100000 ties=1000000 ;;
    L) people=1000000 ties=10000000 ;;
    STAR | POWERLAW) ;;
    *) echo "unknown size $size" >&2; exit 64 ;;
  esac
  file="$data/$size.json"
  if [ "$size" = STAR ]; then
    [ -f "$file" ] || python3 Scripts/make-hubs.py star 1000000 "$file"
  elif [ "$size" = POWERLAW ]; then
    [ -f "$file" ] || python3 Scripts/make-hubs.py powerlaw 1000000 10000000 "$file"
  else
    [ -f "$file" ] || python3 ../shared/bench/gen.py "$people" "$ties" "$file"
  fi
  echo "== $size: $file ($(du -m "$file" | cut -f1) MB)"
  if [ "$size" = STAR ] || [ "$size" = POWERLAW ]; then
    hubs "$file"
    continue
  fi
  measure "trustmap validate" "$bin" validate "$file"
  measure "trustmap analyse --community-by team" "$bin" analyse "$file" --community-by team
  measure "trustmap analyse (summary, communities)" "$bin" analyse "$file" --community-by team \
    --sections summary,communities
  measure "trustmap diversity --by team" "$bin" diversity "$file" --by team
  measure "trustmap tribes" "$bin" tribes "$file"
  measure "trustmap tribes (all ties, unweighted)" "$bin" tribes "$file" --strong 0 --unweighted
  measure "python3 json.load" python3 -c "import json; json.load(open('$file'))"
  [ "${PEERS:-1}" = 1 ] || continue
  export BENCH_RESULTS="$PWD/$data/peer-bench.jsonl"
  slow=(--skip leidenalg,nbhd_lists,leiden_conv)
  python3 ../shared/bench/bench.py "$file" igraph --runs 1 "${slow[@]}" || true
  python3 ../shared/bench/bench.py "$file" networkit --runs 1 || true
  if [ "$size" != L ]; then
    python3 ../shared/bench/bench.py "$file" networkx --runs 1 --skip louvain,leiden,twohop || true
  fi
done
