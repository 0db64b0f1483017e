#!/usr/bin/env bash
# Benchmarks trustmap's pictures (docs/pictures.md has the figures):
#
#   Scripts/bench-render.sh sfdp   20,000 people (gen.py 20000 200000): `trustmap
#                                  render` as a whole process beside Graphviz's
#                                  `sfdp -Tsvg` on the same strong-tie graph, in one
#                                  run, with the normalised stress of both drawings
#                                  on 10,000 sampled pairs (Scripts/layout-stress.py)
#   Scripts/bench-render.sh L      the L network (gen.py 1000000 10000000): `render`
#                                  (its tribes) beside `trustmap tribes`, time and memory
#
# Data in $BENCH_DATA (default /work/bench-data), generated when missing into
# a temporary name and moved into place. Needs python3 with numpy (gen.py),
# GNU time, and for sfdp Graphviz (apt-get install graphviz).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA:-/work/bench-data}
gen=${GEN:-../shared/bench/gen.py}
binary=.build/release/trustmap
swift build -c release --product trustmap > /dev/null
mkdir -p "$data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ensure() { # NAME PEOPLE TIES
  local file="$data/$1.json"
  if [ ! -f "$file" ]; then
    python3 "$gen" "$2" "$3" "$data/.$1.tmp.json" > /dev/null
    mv "$data/.$1.tmp.json" "$file"
  fi
  echo "$file"
}

# Wall seconds, CPU seconds and peak MB of one command, on one line.
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || {
    cat "$work/stderr" >&2
    return 1
  }
  awk '{printf "%.2f s wall, %.2f s CPU, %.0f MB", $1, $2 + $3, $4 / 1024}' "$work/time"
}

case "${1:-sfdp}" in
  sfdp)
    network=$(ensure R20k 20000 200000)
    # The strong-tie graph as undirected DOT: convert's DOT, ties below the
    # file's threshold (0.5) dropped, attributes left out.
    "$binary" convert "$network" "$work/all.dot" --quiet
    python3 - "$work/all.dot" "$work/strong.dot" <<'PY'
import re, sys
out = open(sys.argv[2], "w")
for line in open(sys.argv[1], encoding="utf-8"):
    if " -> " in line:
        strength = re.search(r"strength=([0-9.e-]+)", line)
        if strength and float(strength.group(1)) < 0.5:
            continue
        out.write(line.split(" [")[0].replace(" -> ", " -- ") + ";\n")
    elif line.startswith("digraph"):
        out.write("graph" + line[len("digraph"):])
    elif line.startswith('  "'):
        out.write(line.split(" [")[0] + ";\n")
    else:
        out.write(line)
PY
    echo "20,000 people, $(grep -c -- ' -- ' "$work/strong.dot") strong ties"
    echo "trustmap render: $(measure "$binary" render "$network" -o "$work/trustmap.svg" --max-people 20000)"
    echo "sfdp -Tsvg:      $(measure sfdp -Tsvg "$work/strong.dot" -o "$work/sfdp.svg")"
    echo "stress, trustmap: $(python3 Scripts/layout-stress.py "$work/strong.dot" "$work/trustmap.svg")"
    echo "stress, sfdp:     $(python3 Scripts/layout-stress.py "$work/strong.dot" "$work/sfdp.svg")"
    ;;
  L)
    network=$(ensure L 1000000 10000000)
    echo "trustmap tribes: $(measure "$binary" tribes "$network" --format json)"
    echo "trustmap render: $(measure "$binary" render "$network" -o "$work/L.svg")"
    echo "map: $(grep -c '<circle' "$work/L.svg") tribe discs, $(wc -c < "$work/L.svg") bytes; $(grep -o 'people in [0-9,]* [a-z0-9-]*tribes' "$work/L.svg" | head -n 1)"
    ;;
  *)
    echo "usage: Scripts/bench-render.sh sfdp|L" >&2
    exit 64
    ;;
esac
