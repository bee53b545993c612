#!/usr/bin/env bash
# The HTML story report in a real browser: renders `factlint check examples/corpus -f html`
# in headless Chromium, takes a screenshot, and checks that the page drew (a PNG of the
# asked size, not blank) and that the DOM Chromium built holds the report's parts.
#
#   tests/html-screenshot.sh            skips (exit 0, with a message) without Chromium
#   tests/html-screenshot.sh --install  installs Debian's chromium package first (root)
#   OUT=dir tests/html-screenshot.sh    keeps report.html and report.png in dir
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = --install ]; then
    # Chromium, and Noto CJK so that the page's Chinese draws as characters, not boxes.
    need=()
    command -v chromium > /dev/null || need+=(chromium)
    fc-list :lang=zh 2> /dev/null | grep -q . || need+=(fonts-noto-cjk)
    if [ ${#need[@]} -gt 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq "${need[@]}" > /dev/null
    fi
fi
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "tests/html-screenshot.sh: skipped: chromium is not installed (run with --install)"
    exit 0
fi
profile=$(mktemp -d)
if [ -n "${OUT:-}" ]; then
    out=$OUT
    mkdir -p "$out"
    trap 'rm -rf "$profile"' EXIT
else
    out=$(mktemp -d)
    trap 'rm -rf "$profile" "$out"' EXIT
fi
cd "$root"
cargo build --quiet
bin="${CARGO_TARGET_DIR:-$root/target}/debug/factlint"
# Findings make the exit code 1; the report is what is looked at here.
"$bin" check examples/corpus --no-config --no-cache -f html -o "$out/report.html" || [ $? -eq 1 ]
# The flags keep Chromium off the network (the report must need none) and out of the
# user's profile.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --user-data-dir="$profile" --hide-scrollbars --window-size=1280,1600)
timeout 120 "$browser" "${flags[@]}" --screenshot="$out/report.png" "file://$out/report.html" 2> "$out/chromium.log"
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$out/report.html" > "$out/dom.html" 2>> "$out/chromium.log"
python3 - "$out/report.png" "$out/dom.html" <<'PY'
import struct, sys, zlib
png, dom = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
data = open(png, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1280, 1600), (width, height)
# Decode the image rows and count the distinct colours: a blank page has one.
chunks, at = [], 8
while at < len(data):
    length, kind = struct.unpack(">I4s", data[at:at + 8])
    if kind == b"IDAT":
        chunks.append(data[at + 8:at + 8 + length])
    at += 12 + length
raw = zlib.decompress(b"".join(chunks))
colours = set(raw[i:i + 3] for i in range(1, min(len(raw), 4_000_000), 97))
assert len(colours) > 20, f"the page looks blank ({len(colours)} colours)"
for part in ['class="summary"', 'class="story"', 'class="cell conflict"', 'id="documents"', "1070家"]:
    assert part in dom, f"{part} is not in the rendered page"
print(f"tests/html-screenshot.sh: rendered {width}x{height}, {len(colours)} colours sampled: {png}")
PY
