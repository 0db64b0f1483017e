#!/usr/bin/env bash
# Times reading a network: the whole `trustmap validate FILE` process (read,
# check, build the strong-tie graph) against Python's json.load alone, in the
# same run, interleaved, min and median of N runs, with peak memory.
#
#   Scripts/bench-load.sh [SIZE] [RUNS]      SIZE: S, M (default) or L
#
# Networks come from ../shared/bench/gen.py into $BENCH_DATA (default
# .build-bench-data/), generated once.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-M}
runs=${2:-5}
case "$size" in
  S) people=10000 ties=100000 ;;
  M) people=100000 ties=1000000 ;;
  L) people=1000000 ties=10000000 ;;
  *) echo "usage: $0 [S|M|L] [RUNS]" >&2; exit 64 ;;
esac
data=${BENCH_DATA:-.build-bench-data}
mkdir -p "$data"
file="$data/$size.json"
if [ ! -f "$file" ]; then
  python3 ../shared/bench/gen.py "$people" "$ties" "$file"
fi
swift build -c release --product trustmap > /dev/null

measure() {  # prints "seconds peak-MB" for one run
  /usr/bin/time -f "%e %M" "$@" 2>&1 > /dev/null | tail -1 | awk '{printf "%s %d\n", $1, $2 / 1024}'
}
summarise() {  # name, then lines "seconds MB"
  sort -n | awk -v name="$1" '{t[NR]=$1; m[NR]=$2} END {
    printf "%-28s min %6.2f s  median %6.2f s  peak %5d MB\n", name, t[1], t[int((NR+1)/2)], m[NR] }'
}
trustmap_times=$(mktemp)
python_times=$(mktemp)
for _ in $(seq "$runs"); do
  measure .build/release/trustmap validate "$file" >> "$trustmap_times"
  measure python3 -c "import json; json.load(open('$file'))" >> "$python_times"
done
echo "$file: $(du -m "$file" | cut -f1) MB, $runs runs each, interleaved"
summarise "trustmap validate" < "$trustmap_times"
summarise "python3 json.load" < "$python_times"
paste "$trustmap_times" "$python_times" | awk '{print $3 / $1}' | sort -n | awk '{r[NR]=$1} END {
  printf "ratio python / trustmap, per interleaved pair: median %.1fx, best %.1fx\n", r[int((NR+1)/2)], r[NR] }'
rm -f "$trustmap_times" "$python_times"
