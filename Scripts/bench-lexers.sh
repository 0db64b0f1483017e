#!/usr/bin/env bash
# Measures the lexers of issue 14's readers: MB/s and peak memory on a
# 10,000,000-row CSV ties file and a GraphML file of 100,000 nodes and
# 1,000,000 edges, against Python's csv module, pandas' read_csv (if pandas
# is installed) and xml.etree.ElementTree.iterparse, in the same run.
#
#   Scripts/bench-lexers.sh [RUNS]
#
# The data are made once into /work/bench-data/ (or $BENCH_DATA), from the
# shared generator's networks (../shared/bench/gen.py): ids p0…, strengths
# as it writes them. Each file is written under a temporary name, then
# moved, since others share that folder. The Swift driver is built with
# swiftc -O from the lexers' sources alone into .build-bench-lexers/.
# Each tool runs as its own process; RUNS (default 3) runs of each,
# interleaved, and the best and median times are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=${BENCH_DATA:-/work/bench-data}
gen=${BENCH_GEN:-../shared/bench/gen.py}
out=.build-bench-lexers
mkdir -p "$data" "$out"
csv="$data/lexer-ties-10M.csv"
graphml="$data/lexer-M.graphml"

if [ ! -f "$csv" ] || [ ! -f "$graphml" ]; then
  python3 - "$gen" "$csv" "$graphml" <<'PY'
import importlib.util, os, sys
spec = importlib.util.spec_from_file_location("gen", sys.argv[1])
gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)
csv_path, graphml_path = sys.argv[2], sys.argv[3]
strengths = [gen.fmt_strength(h) for h in range(101)]

def write(path, body):
    temp = f"{path}.tmp-{os.getpid()}"
    with open(temp, "w", buffering=1 << 22) as f:
        body(f)
    os.replace(temp, path)

if not os.path.exists(csv_path):
    team, site, F, T, S, _ = gen.generate(1_000_000, 10_000_000, seed=1)
    def csv_body(f):
        f.write("from,to,strength\n")
        for start in range(0, len(F), 500_000):
            rows = zip(F[start:start + 500_000].tolist(), T[start:start + 500_000].tolist(),
                       S[start:start + 500_000].tolist())
            f.write("".join(f"p{a},p{b},{strengths[s]}\n" for a, b, s in rows))
    write(csv_path, csv_body)

if not os.path.exists(graphml_path):
    team, site, F, T, S, _ = gen.generate(100_000, 1_000_000, seed=1)
    def graphml_body(f):
        # The layout networkx's write_graphml gives.
        f.write("<?xml version='1.0' encoding='utf-8'?>\n"
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
                '  <key id="d0" for="node" attr.name="team" attr.type="string" />\n'
                '  <key id="d1" for="node" attr.name="site" attr.type="string" />\n'
                '  <key id="d2" for="edge" attr.name="weight" attr.type="double" />\n'
                '  <graph edgedefault="directed">\n')
        teams, sites = team.tolist(), site.tolist()
        f.write("".join(f'    <node id="p{i}">\n      <data key="d0">t{teams[i]}</data>\n'
                        f'      <data key="d1">s{sites[i]}</data>\n    </node>\n'
                        for i in range(len(teams))))
        for start in range(0, len(F), 200_000):
            rows = zip(F[start:start + 200_000].tolist(), T[start:start + 200_000].tolist(),
                       S[start:start + 200_000].tolist())
            f.write("".join(f'    <edge source="p{a}" target="p{b}">\n'
                            f'      <data key="d2">{strengths[s]}</data>\n    </edge>\n'
                            for a, b, s in rows))
        f.write("  </graph>\n</graphml>\n")
    write(graphml_path, graphml_body)
PY
fi

# The Swift driver: map the file, lex it once, touch every field or token.
cat > "$out/main.swift" <<'SWIFT'
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@main enum BenchLexers {
  static func main() throws {
    let kind = CommandLine.arguments[1]
    let path = CommandLine.arguments[2]
    let descriptor = open(path, O_RDONLY)
    precondition(descriptor >= 0, "cannot open \(path)")
    var status = stat()
    fstat(descriptor, &status)
    let size = Int(status.st_size)
    guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED
    else { fatalError("cannot map \(path)") }
    let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
    let start = now()
    var summary = ""
    if kind == "csv" {
      var lexer = CSVLexer(bytes: bytes)
      var records = 0
      var fieldBytes = 0
      _ = try lexer.nextRecord()
      lexer.expectedFieldCount = lexer.fieldCount
      while try lexer.nextRecord() {
        records += 1
        for index in 0..<lexer.fieldCount {
          let field = lexer.field(index)
          fieldBytes &+= field.end - field.start
        }
      }
      summary = "\(records) records, \(fieldBytes) field bytes"
    } else {
      var lexer = XMLLexer(bytes: bytes)
      var starts = 0
      var attributes = 0
      var texts = 0
      while let token = try lexer.next() {
        switch token.kind {
        case .startTag:
          starts += 1
          attributes += lexer.attributeCount
          for index in 0..<lexer.attributeCount { texts &+= lexer.attribute(index).value.end & 1 }
        case .endTag: break
        case .text: texts += 1
        }
      }
      summary = "\(starts) elements, \(attributes) attributes, \(texts) texts"
    }
    let seconds = now() - start
    var usage = rusage()
    getrusage(0, &usage)  // RUSAGE_SELF, 0 on Linux and macOS
    let megabytes = Double(size) / 1_000_000
    #if os(macOS)
      usage.ru_maxrss /= 1024  // bytes there, kilobytes on Linux
    #endif
    let cpu =
      Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    print(
      "swift-\(kind)-lexer \(fixed(seconds)) s \(fixed(megabytes / seconds, 0)) MB/s "
        + "peak \(usage.ru_maxrss / 1024) MB cpu \(fixed(cpu)) s (\(summary))")
  }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func fixed(_ value: Double, _ digits: Int = 3) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return digits == 0 ? String(Int(rounded)) : String(rounded)
  }
}
SWIFT
sources=$(find Sources/TrustCore/Reading/Lexing Sources/TrustCore/Reading/XML Sources/TrustCore/Reading/CSV \
  Sources/TrustCore/Reading/Lines -name '*.swift' | sort)
if [ ! -x "$out/bench-lexers" ] || [ -n "$(find $sources "$out/main.swift" -newer "$out/bench-lexers")" ]; then
  # Built inside $out, where swiftc leaves its module files.
  root=$(pwd)
  (cd "$out" && swiftc -O -g -wmo -parse-as-library -module-name TrustCoreBench -package-name trustmap \
    $(for file in $sources; do echo "$root/$file"; done) \
    "$root"/Sources/TrustCore/Support/{NetworkDiagnostic,FileLocation,StringInterner,HugePages}.swift \
    main.swift -o bench-lexers)
fi

cat > "$out/peers.py" <<'PY'
import resource, sys, time
kind, path = sys.argv[1], sys.argv[2]
size = __import__("os").path.getsize(path) / 1e6
start = time.perf_counter()
if kind == "csv":
    import csv
    with open(path, newline="") as f:
        rows = sum(1 for _ in csv.reader(f))
    what = f"{rows} rows"
elif kind == "pandas":
    import pandas
    frame = pandas.read_csv(path)
    what = f"{len(frame)} rows"
else:
    import xml.etree.ElementTree as ET
    elements = 0
    for _, element in ET.iterparse(path):
        elements += 1
        element.clear()
    what = f"{elements} elements"
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
peak, cpu = usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime
print(f"python-{kind} {seconds:.3f} s {size / seconds:.0f} MB/s peak {peak} MB cpu {cpu:.3f} s ({what})")
PY

have_pandas=0
python3 -c 'import pandas' 2> /dev/null && have_pandas=1
echo "files: $(du -h "$csv" | cut -f1) $csv; $(du -h "$graphml" | cut -f1) $graphml"
echo "machine: $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); runs: $runs, interleaved"
cat "$csv" "$graphml" > /dev/null  # into the page cache
results=$(mktemp)
for run in $(seq "$runs"); do
  "$out/bench-lexers" csv "$csv" | tee -a "$results"
  python3 "$out/peers.py" csv "$csv" | tee -a "$results"
  if [ "$have_pandas" = 1 ]; then python3 "$out/peers.py" pandas "$csv" | tee -a "$results"; fi
  "$out/bench-lexers" graphml "$graphml" | tee -a "$results"
  python3 "$out/peers.py" iterparse "$graphml" | tee -a "$results"
done
# The machine is shared: CPU time (user + system, the whole process for
# Python, the lexing pass and start-up for Swift) varies less than wall time.
echo "--- best and median of $runs runs: wall seconds, CPU seconds; peak memory"
awk '{ times[$1] = times[$1] " " $2; cpus[$1] = cpus[$1] " " $10; peak[$1] = $7 }
  function sorted(list, t,   n, i, j, x) { n = split(substr(list, 2), t, " ");
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
    return n }
  END { for (tool in times) { n = sorted(times[tool], t); sorted(cpus[tool], c);
    printf "%-20s wall best %s s median %s s   cpu best %s s median %s s   peak %s MB\n",
      tool, t[1], t[int((n + 1) / 2)], c[1], c[int((n + 1) / 2)], peak[tool] } }' \
  "$results" | sort
rm -f "$results"
