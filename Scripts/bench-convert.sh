#!/usr/bin/env bash
# Times `trustmap convert` of one generated network to every format it
# writes, with the peak resident memory of each whole process, against
# `trustmap validate` of the same JSON in the same run (reading is what a
# conversion must not exceed by much: the goal is under 2x its memory).
#
#   Scripts/bench-convert.sh [SIZE] [RUNS]    SIZE: S, M or L (default L), RUNS default 1
#   RESULTS=1 Scripts/bench-convert.sh L      also --with-results (tribes, degrees) to GEXF
#
# Networks come from ../shared/bench/gen.py into $BENCH_DATA (default
# /work/bench-data, shared between worktrees), generated once into a
# temporary name and then moved, so a half-written file is never taken for a
# network. Outputs go to a temporary folder beside the data (removed at the
# end); L needs about 2 GB free there for the largest format at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-L}
runs=${2:-1}
case "$size" in
  S) people=10000 ties=100000 ;;
  M) people=100000 ties=1000000 ;;
  L) people=1000000 ties=10000000 ;;
  *) echo "usage: $0 [S|M|L] [RUNS]" >&2; exit 64 ;;
esac
data=${BENCH_DATA:-/work/bench-data}
mkdir -p "$data"
file="$data/$size.json"
if [ ! -f "$file" ]; then
  partial="$file.partial.$$"
  python3 ../shared/bench/gen.py "$people" "$ties" "$partial"
  mv "$partial" "$file"
fi
swift build -c release --product trustmap > /dev/null
bin=.build/release/trustmap
out=$(mktemp -d "$data/.bench-convert.XXXXXX")
trap 'rm -rf "$out"' EXIT

measure() {  # name, command...: min and median wall and CPU seconds, peak MB over $runs runs
  local name=$1
  shift
  local times
  times=$(for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 > /dev/null | tail -n 1
  done | sort -n)
  echo "$times" | awk -v name="$name" '{t[NR]=$1; if (NR == 1 || $2 + $3 < c) c=$2+$3; if ($4 > m) m=$4}
    END { printf "%-28s wall min %6.2f s  median %6.2f s  cpu min %6.2f s  peak %5d MB",
      name, t[1], t[int((NR+1)/2)], c, m/1024 }'
}

echo "$file: $(du -m "$file" | cut -f1) MB ($people people, $ties ties), $runs run(s) each, $(nproc) cores"
baseline=$(measure "validate (reading)" "$bin" validate "$file")
echo "$baseline"
base_mb=$(echo "$baseline" | awk '{print $(NF-1)}')
for format in json graphml gexf node-link csv pajek edgelist dot neo4j graphframes; do
  target="$out/net.out"
  line=$(measure "convert --to $format" "$bin" convert "$file" "$target" --to "$format" --quiet)
  written=$(du -cm "$out"/net* | tail -n 1 | cut -f1)
  mb=$(echo "$line" | awk '{print $(NF-1)}')
  echo "$line  $(awk -v a="$mb" -v b="$base_mb" 'BEGIN {printf "%.2fx", a / b}') of validate  output $written MB"
  rm -f "$out"/net*
done
if [ "${RESULTS:-0}" = 1 ]; then
  line=$(measure "convert gexf --with-results" "$bin" convert "$file" "$out/net.gexf" --with-results --quiet)
  mb=$(echo "$line" | awk '{print $(NF-1)}')
  echo "$line  $(awk -v a="$mb" -v b="$base_mb" 'BEGIN {printf "%.2fx", a / b}') of validate"
  rm -f "$out"/net*
fi
