#!/usr/bin/env bash
# Fuzzes the network reader and graph build with libFuzzer and AddressSanitizer.
#
#   Scripts/fuzz.sh SECONDS [JOBS]
#
# Builds TrustCore's sources with Fuzz/FuzzNetworkReader.swift into
# .build-fuzz/fuzz-reader, then runs it on a working corpus seeded from
# Fuzz/Corpus and Examples/. Crashes land in .build-fuzz/crashes/; turn each
# into a regression test in Tests/TrustCoreTests/HostileInputTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
out=.build-fuzz
mkdir -p "$out/corpus" "$out/crashes"
# Build from a snapshot of the sources, so editing them meanwhile is harmless.
rm -rf "$out/src" && mkdir -p "$out/src" && cp -R Sources/TrustCore Fuzz/FuzzNetworkReader.swift "$out/src/"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name TrustCoreFuzz -package-name trustmap \
  $(find "$out/src" -name '*.swift' | sort) -o "$out/fuzz-reader"
cp -n Fuzz/Corpus/* Examples/*.json "$out/corpus/" 2> /dev/null || true
export SWIFT_BACKTRACE=enable=no
cp Fuzz/json.dict "$out/"
cd "$out"  # libFuzzer writes its fuzz-N.log files here
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
./fuzz-reader corpus -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=crashes/ -print_final_stats=1 -dict=json.dict "${parallel[@]}"
