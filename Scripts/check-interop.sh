#!/usr/bin/env bash
# Checks that networkx and igraph read what `trustmap convert` writes (same
# nodes, edges and attributes), and that trustmap reads what networkx writes
# (GraphML, GEXF, node-link JSON, Pajek, edge list) to the same people,
# strong ties and tribes as the JSON: builds the release binary, then runs
# Scripts/check-interop.py with it. Skips cleanly, with a message and exit 0,
# when python3 is missing or has neither networkx nor igraph; checks only the
# one that is installed otherwise.
#
#   Scripts/check-interop.sh [NETWORK.json ...]
#   INSTALL=1 Scripts/check-interop.sh     first pip install --user networkx igraph
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v python3 > /dev/null; then
  echo "check-interop: skipped: python3 is not installed"
  exit 0
fi
if [ "${INSTALL:-0}" = 1 ]; then
  python3 -m pip install --user --quiet networkx igraph \
    || echo "check-interop: could not install networkx and igraph; checking what is there"
fi
if ! python3 -c 'import networkx' 2> /dev/null && ! python3 -c 'import igraph' 2> /dev/null; then
  echo "check-interop: skipped: python3 has neither networkx nor igraph (pip install --user networkx igraph)"
  exit 0
fi
swift build -c release --product trustmap > /dev/null
python3 Scripts/check-interop.py .build/release/trustmap "$@"
