#!/usr/bin/env bash
# Builds and runs Examples/UsingTrustCore against this checkout, whatever the
# checkout's folder is called: SwiftPM names a path dependency by its folder,
# and the example says `package: "trustmap"`, so the checkout's files are
# copied into a folder named trustmap first. An API that became internal, or
# a breaking change, fails here.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/trustmap"
{ git ls-files -z 2> /dev/null || find . -path ./.build -prune -o -type f -print0; } \
  | tar --null -T - -cf - | tar -xf - -C "$work/trustmap"
cd "$work/trustmap/Examples/UsingTrustCore"
swift build
output=$(swift run --skip-build UsingTrustCore ../org.json)
echo "$output"
grep -q "book club: bo would join the readers direct" <<< "$output"
grep -q "tribes: " <<< "$output"
