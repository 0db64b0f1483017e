#!/usr/bin/env bash
# Opens the HTML report of every example in a real browser (headless
# Chromium: Debian's chromium or chromium-headless-shell), saves a
# screenshot and the DOM as the browser built it, and fails unless each page
#   - loaded without a single console message (errors, CSP violations),
#   - made no network request of its own (Chromium's own background requests,
#     which have no page as their initiator, are not the page's),
#   - shows the example's people count and every community's name.
#
#   Scripts/check-report-in-browser.sh [OUTPUT]   (default .build/browser-check)
#
# TRUSTMAP names the binary (default .build/release/trustmap, built when
# missing). The screenshots stay under .build, out of git.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/browser-check}
binary=${TRUSTMAP:-.build/release/trustmap}
browser=$(command -v chromium || command -v chromium-headless-shell || true)
if [ -z "$browser" ]; then
  echo "check-report-in-browser: no chromium or chromium-headless-shell (apt-get install chromium)" >&2
  exit 1
fi
if [ ! -x "$binary" ]; then swift build -c release --product trustmap > /dev/null; fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile"
  --no-first-run --disable-background-networking --disable-component-update --disable-sync
  --disable-default-apps --disable-extensions --disable-domain-reliability)
failed=0
for example in Examples/*.json; do
  name=$(basename "$example" .json)
  page="$out/$name.html"
  "$binary" report "$example" -o "$page" --quiet
  "$binary" analyse "$example" --sections summary --format json > "$out/$name.summary.json"
  timeout 120 "$browser" "${flags[@]}" --enable-logging=stderr --v=0 \
    --log-net-log="$out/$name.netlog.json" --dump-dom "file://$page" \
    > "$out/$name.dom.html" 2> "$out/$name.browser.log" || true
  timeout 120 "$browser" "${flags[@]}" --window-size=1200,2400 \
    --screenshot="$out/$name.png" "file://$page" > /dev/null 2>&1 || true
  if python3 - "$out" "$name" <<'PY'
import html.parser, json, sys
out, name = sys.argv[1], sys.argv[2]
base = f"{out}/{name}"
problems = []
console = [line for line in open(base + ".browser.log", errors="replace") if ":CONSOLE" in line]
problems += [f"console: {line.strip()}" for line in console]
try:
    log = json.load(open(base + ".netlog.json"))
    kinds = {value: key for key, value in log["constants"]["logEventTypes"].items()}
    for event in log["events"]:
        params = event.get("params", {})
        if (kinds.get(event["type"]) == "URL_REQUEST_START_JOB" and "url" in params
                and params.get("initiator") != "not an origin"):
            problems.append(f"network request: {params.get('url')}")
except (OSError, ValueError, KeyError) as error:
    problems.append(f"no usable net log: {error}")

class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")
    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

parser = Text()
dom = open(base + ".dom.html", encoding="utf-8").read()
parser.feed(dom)
text = " ".join(" ".join(parser.parts).split())
summary = json.load(open(base + ".summary.json"))["summary"]
people = f"{summary['people']:,} people"
if people not in text:
    problems.append(f"the people count '{people}' is not shown")
for community in summary["communities"]:
    if " ".join(community["name"].split()) not in text:
        problems.append(f"the community '{community['name']}' is not shown")
if 'id="search"' not in dom:
    problems.append("the script did not run (no search box)")
for problem in problems:
    print(f"  {name}: {problem}")
print(f"{name}: {'ok' if not problems else 'FAILED'} ({summary['people']} people, "
      f"{len(summary['communities'])} communities; screenshot {base}.png)")
sys.exit(1 if problems else 0)
PY
  then :; else failed=1; fi
  [ -s "$out/$name.png" ] || { echo "  $name: no screenshot" >&2; failed=1; }
done
exit $failed
