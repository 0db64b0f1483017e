#!/usr/bin/env bash
# Times trustmap's CSV and GraphML readers against pandas and networkx, side
# by side in one run (issue 14): `trustmap validate` on L converted to CSV
# (ties, people and communities) against pandas' `read_csv` of the ties file
# alone, and `trustmap validate` on M converted to GraphML against networkx's
# `read_graphml` of the same file. CPU time (user + system) and peak resident
# memory of each whole process, min over RUNS.
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

cpu() {  # name, command...: min CPU seconds (user + system) and peak MB over $runs runs
  local name=$1
  shift
  local line
  line=$(for _ in $(seq "$runs"); do
    /usr/bin/time -f "%U %S %M" "$@" 2>&1 > /dev/null | tail -n 1
  done | awk '{c = $1 + $2; if (NR == 1 || c < best) best = c; if ($3 > m) m = $3}
    END { printf "%.2f %d", best, m / 1024 }')
  printf "  %-52s cpu %7.2f s  peak %6d MB\n" "$name" ${line} >&2
  echo "${line%% *}"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }'; }

has() { python3 -c "import $1" 2> /dev/null; }

echo "$(nproc) cores, $runs run(s) each; CPU time, so the cores trustmap uses in parallel count"
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
  echo "  trustmap is $(ratio "$theirs" "$ours") faster in CPU time (goal: 5x)"
else
  echo "  pandas is not installed: its side is skipped (pip install pandas)"
fi

graphml=$(converted "$graphml_size" graphml)
echo "== GraphML: $graphml ($(du -m "$graphml" | cut -f1) MB)"
ours=$(cpu "trustmap validate" "$bin" validate "$graphml")
if has networkx; then
  theirs=$(cpu "networkx read_graphml" python3 -c \
    "import networkx; networkx.read_graphml('$graphml')")
  echo "  trustmap is $(ratio "$theirs" "$ours") faster in CPU time (goal: 10x)"
else
  echo "  networkx is not installed: its side is skipped (pip install networkx)"
fi
