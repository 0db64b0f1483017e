#!/usr/bin/env bash
# Writes docs/trustmap.1 from the command declarations (`trustmap manual`).
# CompletionsTests checks it is current; run this after changing a command or option.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product trustmap > /dev/null
.build/debug/trustmap manual --output docs/trustmap.1
echo "docs/trustmap.1: $(wc -l < docs/trustmap.1) lines"
