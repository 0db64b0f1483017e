#!/usr/bin/env bash
# Batches and privacy, side by side in one run (CPU time: user + system, which
# a busy machine disturbs less than wall-clock time):
#   - 200 networks of 1,000 people in one `analyse` call against 200 calls;
#   - `analyse --pseudonymise` on M against plain `analyse`, interleaved.
#
#   Scripts/bench-batch.sh [RUNS]     (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=${BENCH_DATA:-.build-bench-data}
mkdir -p "$data/batch"
swift build -c release --product trustmap > /dev/null
bin=$PWD/.build/release/trustmap

cpu() {  # command...: user + system seconds of the whole command
  /usr/bin/time -f "%U %S" "$@" 2>&1 > /dev/null | tail -n 1 | awk '{ printf "%.2f", $1 + $2 }'
}

if [ ! -f "$data/batch/team-200.json" ]; then
  for i in $(seq 1 200); do
    "$bin" generate --people 1000 --ties 10000 --seed "$i" --output "$data/batch/team-$i.json"
  done
fi
files=("$data"/batch/team-*.json)
echo "== ${#files[@]} networks of 1,000 people, analyse --format csv (CPU seconds)"
for run in $(seq "$runs"); do
  one=$(cpu "$bin" analyse "${files[@]}" --format csv)
  many=$(cpu bash -c 'for f in "$@"; do "'"$bin"'" analyse "$f" --format csv; done' _ "${files[@]}")
  echo "  run $run: one call $one s, ${#files[@]} calls $many s, ratio $(echo "$many / $one" | bc -l | cut -c1-5)"
done

m="$data/M.json"
[ -f "$m" ] || "$bin" generate --people 100000 --ties 1000000 --output "$m"
export TRUSTMAP_KEY=bench-key
echo "== M: analyse against analyse --pseudonymise (CPU seconds, interleaved)"
for run in $(seq "$runs"); do
  plain=$(cpu "$bin" analyse "$m")
  private=$(cpu "$bin" analyse "$m" --pseudonymise)
  echo "  run $run: plain $plain s, pseudonymised $private s, ratio $(echo "$private / $plain" | bc -l | cut -c1-5)"
done
