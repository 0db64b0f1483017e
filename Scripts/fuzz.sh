#!/usr/bin/env bash
# Fuzzes TrustCore with libFuzzer and AddressSanitizer.
#
#   Scripts/fuzz.sh [--target NAME] SECONDS [JOBS]
#
# NAME is one of
#   reader  the network reader and graph build (the default): Fuzz/FuzzNetworkReader.swift
#   xml     the XML pull lexer:                               Fuzz/FuzzXMLLexer.swift
#   csv     the CSV lexer and header matching:                Fuzz/FuzzCSVLexer.swift
#   lines   the Pajek, NetDraw and edge-list lexers:          Fuzz/FuzzLineLexers.swift
#   formats the readers of CSV, GraphML, GEXF, node-link JSON,
#           Pajek, VNA and edge lists (the first byte picks one): Fuzz/FuzzFormatReaders.swift
#   cli     the whole command line: random argument vectors over every
#           command and its declared options, on a random small network
#           on a path and on standard input; fails when the exit status is
#           not 0, 1, 64 or 74:                                Fuzz/FuzzCommandLine.swift
#
# Builds TrustCore's sources with the target's file into .build-fuzz/fuzz-NAME
# (fuzz-reader for the reader), then runs it on a working corpus seeded from
# Fuzz/Corpus (Fuzz/Corpus-NAME for the others) and, for the reader,
# Examples/. For cli, TrustmapCLI's sources join TrustCore's in the one
# module, with their `import TrustCore` lines taken out. Crashes land in
# .build-fuzz/crashes/ (crashes-NAME/ for the others); turn each into a
# regression test in Tests/TrustCoreTests/ (Tests/TrustmapCLITests/ for cli).
set -euo pipefail
cd "$(dirname "$0")/.."
target=reader
if [ "${1:-}" = "--target" ]; then
  target=${2:?"--target needs a name: reader, xml, csv, lines, formats or cli"}
  shift 2
fi
case "$target" in
  reader) file=FuzzNetworkReader.swift seeds=Fuzz/Corpus dict=json.dict suffix= ;;
  xml) file=FuzzXMLLexer.swift seeds=Fuzz/Corpus-xml dict=xml.dict suffix=-xml ;;
  csv) file=FuzzCSVLexer.swift seeds=Fuzz/Corpus-csv dict=csv.dict suffix=-csv ;;
  lines) file=FuzzLineLexers.swift seeds=Fuzz/Corpus-lines dict=lines.dict suffix=-lines ;;
  formats) file=FuzzFormatReaders.swift seeds=Fuzz/Corpus-formats dict=formats.dict suffix=-formats ;;
  cli) file=FuzzCommandLine.swift seeds=Fuzz/Corpus-cli dict=cli.dict suffix=-cli ;;
  *) echo "unknown fuzz target '$target' (reader, xml, csv, lines, formats or cli)" >&2; exit 64 ;;
esac
seconds=${1:-60}
jobs=${2:-1}
out=.build-fuzz
corpus=corpus$suffix
crashes=crashes$suffix
mkdir -p "$out/$corpus" "$out/$crashes"
# Build from a snapshot of the sources, so editing them meanwhile is harmless.
src="$out/src$suffix"
rm -rf "$src" && mkdir -p "$src" && cp -R Sources/TrustCore "Fuzz/$file" "$src/"
if [ "$target" = cli ]; then
  # One module: the CLI's sources without their imports of TrustCore, each
  # file renamed CLI<name> (file names must differ across the module, and
  # GroupSuppression.swift is in both).
  cp -R Sources/TrustmapCLI "$src/"
  find "$src/TrustmapCLI" -name '*.swift' | while read -r file; do
    sed '/^import TrustCore$/d' "$file" > "$(dirname "$file")/CLI$(basename "$file")"
    rm "$file"
  done
fi
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name TrustCoreFuzz -package-name trustmap \
  $(find "$src" -name '*.swift' | sort) -o "$out/fuzz-$target"
cp -n "$seeds"/* "$out/$corpus/" 2> /dev/null || true
if [ "$target" = reader ]; then cp -n Examples/*.json "$out/$corpus/" 2> /dev/null || true; fi
export SWIFT_BACKTRACE=enable=no
cp "Fuzz/$dict" "$out/"
cd "$out"  # libFuzzer writes its fuzz-N.log files here
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
"./fuzz-$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$crashes/" -print_final_stats=1 -dict="$dict" "${parallel[@]}"
