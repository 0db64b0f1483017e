#!/usr/bin/env bash
# Times trustmap's CSV and GraphML readers against pandas and networkx, side
# by side in one run (issue 14): `trustmap validate` on L converted to CSV
# (ties, people and communities) against pandas' `read_csv` of the ties file
# alone, and `trustmap validate` on M converted to GraphML against networkx's
# `read_graphml` of the same file. Wall-clock time, CPU time (user + system,
# which counts every core trustmap uses) and peak resident memory of each
# whole process, min over RUNS; the ratios in both times.
#
#   Scripts/bench-readers.sh [RUNS]            default 1
#   CSV_SIZE=M GRAPHML_SIZE=S Scripts/bench-readers.sh    smaller networks
#   TRUSTMAP=.build/debug/trustmap ...        a built binary (no release build; a check of the script)
#
# A peer that is not installed (pandas, networkx) is skipped with a message.
# Networks are $BENCH_DATA/SIZE.json (default /work/bench-data, shared with
# Scripts/bench-convert.sh), made with `trustmap generate` when missing; the
# converted files are kept beside them in readers/ and made once, each into
# a temporary name and then moved. Run on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
csv_size=${CSV_SIZE:-L}
graphml_size=${GRAPHML_SIZE:-M}
data=${BENCH_DATA:-/work/bench-data}
mkdir -p "$data/readers"
bin=${TRUSTMAP:-}
if [ -z "$bin" ]; then
  swift build -c release --product trustmap > /dev/null
  bin=.build/release/trustmap
fi

network() {  # size: the path of its JSON network, made when missing
  local people ties file="$data/$1.json"
  case "$1" in
    S) people=10000 ties=100000 ;;
    M) people=100000 ties=1000000 ;;
    L) people=1000000 ties=10000000 ;;
    *) echo "unknown size $1 (S, M or L)" >&2; exit 64 ;;
  esac
  if [ ! -f "$file" ]; then
    "$bin" generate --people "$people" --ties "$ties" --seed 1 > "$file.partial.$$"
    mv "$file.partial.$$" "$file"
  fi
  echo "$file"
}

converted() {  # size, extension: the network converted once, kept in readers/
  local out="$data/readers/$1.$2"
  if [ ! -f "$out" ]; then
    local folder
    folder=$(mktemp -d "$data/readers/.partial.XXXXXX")
    "$bin" convert "$(network "$1")" "$folder/$1.$2" --quiet
    mv "$folder"/* "$data/readers/"
    rmdir "$folder"
  fi
  echo "$out"
}

cpu() {  # name, command...: min wall and CPU seconds (user + system) and peak MB over $runs runs
  local name=$1
  shift
  local line
  line=$(for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 > /dev/null | tail -n 1
  done | awk '{c = $2 + $3; if (NR == 1 || c < best) best = c; if (NR == 1 || $1 < wall) wall = $1
    if ($4 > m) m = $4} END { printf "%.2f %.2f %d", wall, best, m / 1024 }')
  read -r wall cpu peak <<< "$line"
  printf "  %-52s wall %6.2f s  cpu %7.2f s  peak %6d MB\n" "$name" "$wall" "$cpu" "$peak" >&2
  echo "$wall $cpu"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }'; }

compare() {  # peer's "wall cpu", trustmap's "wall cpu", goal: both ratios
  local theirs=($1) ours=($2)
  echo "  trustmap is $(ratio "${theirs[0]}" "${ours[0]}") faster in wall-clock time," \
    "$(ratio "${theirs[1]}" "${ours[1]}") in CPU time (goal: $3)"
}

has() { python3 -c "import $1" 2> /dev/null; }

echo "$(nproc) cores, $runs run(s) each; wall-clock and CPU time (CPU counts every core trustmap uses)"
ties=$(converted "$csv_size" csv)
people="${ties%.csv}-people.csv"
communities="${ties%.csv}-communities.csv"
echo "== CSV: $ties ($(du -m "$ties" | cut -f1) MB of ties, $(du -m "$people" | cut -f1) MB of people)"
sides=(--people "$people")
[ -f "$communities" ] && sides+=(--communities "$communities")
ours=$(cpu "trustmap validate (ties, people, communities)" "$bin" validate "$ties" "${sides[@]}")
if has pandas; then
  theirs=$(cpu "pandas read_csv (the ties file alone)" python3 -c \
    "import pandas; pandas.read_csv('$ties')")
  compare "$theirs" "$ours" 5x
else
  echo "  pandas is not installed: its side is skipped (pip install pandas)"
fi

graphml=$(converted "$graphml_size" graphml)
echo "== GraphML: $graphml ($(du -m "$graphml" | cut -f1) MB)"
ours=$(cpu "trustmap validate" "$bin" validate "$graphml")
if has networkx; then
  theirs=$(cpu "networkx read_graphml" python3 -c \
    "import networkx; networkx.read_graphml('$graphml')")
  compare "$theirs" "$ours" 10x
else
  echo "  networkx is not installed: its side is skipped (pip install networkx)"
fi
