#!/usr/bin/env bash
# The streaming figures of BENCHMARKS.md (issue 21, item 3): `joins --format csv`
# on 100,000 people with 1,000 communities of 50,000 members (50 million rows),
# written as computed. Prints the time to the first line and to the end, the
# rows written and the peak resident memory (/usr/bin/time -v).
#
#   Scripts/bench-streaming.sh [FILE]
#     (default: $BENCH_DATA/MANYCOMMUNITIES.json, made by
#      Scripts/make-many-communities.py if missing)
#
# BIN picks the binary (default: the release build, built first). LIMIT=N stops
# after N lines (the pipe closes), for a quick look at the first line and the
# memory on a slow machine. Run on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA:-.build-bench-data}
file=${1:-$data/MANYCOMMUNITIES.json}
bin=${BIN:-.build/release/trustmap}
[ -n "${BIN:-}" ] || swift build -c release --product trustmap > /dev/null
if [ ! -f "$file" ]; then
  mkdir -p "$(dirname "$file")"
  python3 Scripts/make-many-communities.py "$file"
fi
echo "$file ($(du -m "$file" | cut -f1) MB)"
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
start=$(date +%s.%N)
# The first line's arrival is stamped by awk as it reads; the rest is counted.
/usr/bin/time -v -o "$timing" "$bin" joins "$file" --format csv --quiet \
  | awk -v start="$start" -v limit="${LIMIT:-0}" '
      NR == 1 { "date +%s.%N" | getline now; printf "  first line after  %7.2f s\n", now - start; fflush() }
      limit > 0 && NR >= limit { exit }
      END { printf "  lines             %9d\n", NR }' || true
end=$(date +%s.%N)
awk -v start="$start" -v end="$end" 'BEGIN { printf "  all written after %7.2f s\n", end - start }'
awk -F': ' '/Maximum resident/ { printf "  peak resident     %7.0f MB\n", $2 / 1024 }
            /Exit status/ { printf "  exit status       %s\n", $2 }' "$timing"
