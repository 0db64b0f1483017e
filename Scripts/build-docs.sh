#!/usr/bin/env bash
# Builds TrustCore's documentation with the toolchain's docc, without any
# package plugin: symbol graphs from the compiler, then `docc convert`.
# Warnings (a broken link, an unknown symbol) fail the build.
#
#   Scripts/build-docs.sh [OUTPUT]     (default .build/docs/TrustCore.doccarchive)
set -euo pipefail
cd "$(dirname "$0")/.."
output=${1:-.build/docs/TrustCore.doccarchive}
graphs=.build/symbol-graphs
rm -rf "$graphs" && mkdir -p "$graphs"
swift build --target TrustCore
modules=$(swift build --show-bin-path)/Modules
triple=$(swiftc -print-target-info | sed -n 's/^ *"triple": "\(.*\)",*$/\1/p' | head -n 1)
swift symbolgraph-extract -module-name TrustCore -I "$modules" -target "$triple" \
  -output-dir "$graphs" -minimum-access-level public
rm -rf "$output" && mkdir -p "$(dirname "$output")"
docc convert Sources/TrustCore/TrustCore.docc --additional-symbol-graph-dir "$graphs" \
  --output-path "$output" --fallback-display-name TrustCore \
  --fallback-bundle-identifier org.trustmap.TrustCore --warnings-as-errors
echo "documentation: $output"
