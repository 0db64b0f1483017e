#!/usr/bin/env bash
# The hostile-environment figures of BENCHMARKS.md (issue 21), against the
# release binary on the generated L network (a million people, ten million
# ties): the suggestion for an unknown --person of 10 and of 2,000 characters,
# reading a file against reading standard input, and /dev/zero on standard input.
#
#   Scripts/bench-hostile.sh [FILE]     (default: $BENCH_DATA/L.json, generated if missing)
#
# Each line: seconds (wall), peak resident MB, exit status. Run on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA:-.build-bench-data}
file=${1:-$data/L.json}
bin=${BIN:-.build/release/trustmap}
[ -n "${BIN:-}" ] || swift build -c release --product trustmap > /dev/null
if [ ! -f "$file" ]; then
  mkdir -p "$(dirname "$file")"
  "$bin" generate --people 1000000 --ties 10000000 --output "$file"
fi

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
measure() {  # name, then the command (run by bash, so it may redirect)
  local name=$1
  shift
  /usr/bin/time -o "$timing" -f "%e %M %x" bash -c "$*" > /dev/null 2>&1 || true
  awk -v name="$name" 'NF == 3 && $1 ~ /^[0-9.]+$/ { printf "  %-46s %7.2f s  peak %6d MB  exit %s\n", name, $1, $2/1024, $3 }' "$timing"
}

long=$(printf 'q%.0s' $(seq 2000))
echo "$file ($(du -m "$file" | cut -f1) MB)"
measure "reach --person (10 characters, unknown)" "'$bin' reach '$file' --person p12345678x"
measure "reach --person (2,000 characters, unknown)" "'$bin' reach '$file' --person $long"
measure "reach --person p12345 (known)" "'$bin' reach '$file' --person p12345"
measure "validate FILE" "'$bin' validate '$file'"
measure "validate - < FILE" "'$bin' validate - < '$file'"
measure "analyse FILE --sections summary" "'$bin' analyse '$file' --sections summary"
measure "analyse - < FILE --sections summary" "'$bin' analyse - --sections summary < '$file'"
measure "analyse - < /dev/zero" "'$bin' analyse - < /dev/zero"
measure "TRUSTMAP_THREADS=1 validate FILE" "TRUSTMAP_THREADS=1 '$bin' validate '$file'"
measure "taskset -c 0 validate FILE" "taskset -c 0 '$bin' validate '$file'"
