#!/usr/bin/env bash
# Hostile inputs too big for the unit tests, against the release binary:
# ten million ties to unknown people (the error list is capped, the count is
# not), a report piped into `head -1` (ends quietly), and standard input.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product trustmap > /dev/null
bin=.build/release/trustmap
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Ten million ties to an unknown person.
{
  printf '{"trustmap": 1, "people": [{"id": "a"}], "ties": [\n'
  yes '{"from": "a", "to": "nobody"},' | head -n 9999999 || true  # yes ends on SIGPIPE
  printf '{"from": "a", "to": "nobody"}]}\n'
} > "$work/unknown.json"
set +e
start=$(date +%s%N)
"$bin" validate "$work/unknown.json" > "$work/out.txt" 2> "$work/err.txt"
status=$?
milliseconds=$((($(date +%s%N) - start) / 1000000))
set -e
[ "$status" = 1 ] || fail "ten million unknown ties: exit $status, want 1"
[ "$(wc -l < "$work/err.txt")" = 102 ] || fail "want 100 problems, a count and a summary"
grep -q '^… and 9999900 more problems not listed$' "$work/err.txt" || fail "no 'and N more' line"
grep -q 'invalid: 10000000 errors' "$work/err.txt" || fail "the summary does not count every error"
head -n 1 "$work/err.txt" | grep -q ':2:21: error: ties\[0\].to: tie to unknown person' || fail "first error"
echo "ok: ten million ties to unknown people: capped list, full count, ${milliseconds} ms"

# 2. A report piped into head -1 ends quietly.
"$bin" generate --people 100000 --ties 1000000 --output "$work/big.json"
set +e
"$bin" analyse "$work/big.json" --format csv 2> "$work/pipe-err.txt" | head -n 1 > /dev/null
status=${PIPESTATUS[0]}
set -e
[ "$status" = 0 ] || [ "$status" = 141 ] || fail "analyse | head -1: exit $status"
[ ! -s "$work/pipe-err.txt" ] || fail "analyse | head -1 printed on stderr: $(head -c 200 "$work/pipe-err.txt")"
echo "ok: analyse | head -1 ends quietly (exit $status)"

# 3. Standard input, and the input file left untouched.
before=$(cksum < "$work/big.json")
"$bin" validate - < "$work/big.json" > /dev/null || fail "validate - failed"
[ "$(cksum < "$work/big.json")" = "$before" ] || fail "the input changed"
echo "ok: standard input; the input is untouched"
