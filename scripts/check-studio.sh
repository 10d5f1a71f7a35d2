#!/usr/bin/env bash
# check-studio.sh: drive rungs serve in a real browser.
#
#   scripts/check-studio.sh                 # build rungs, serve, check
#   KEEP=DIR scripts/check-studio.sh        # keep screenshots and the PDF in DIR
#   CHROMIUM= scripts/check-studio.sh       # as if Chromium were not installed
#
# It starts `rungs serve --addr 127.0.0.1:0` with a sample company and, in
# headless Chromium (puppeteer-core), picks a role, types a size and sees
# the preview change, plants a word in the mission and sees its lint mark
# and finding, checks a bad field's message, downloads the PDF, follows a
# mark with the keyboard, opens the ladder tab, runs axe-core on three
# states of the page, and repeats the form round trip with JavaScript off.
# Screenshots: studio-posting.png, studio-ladder.png, studio-error.png.
#
# Needs Node.js with npm, and Chromium (Debian: apt-get install -y
# chromium nodejs npm). puppeteer-core and axe-core are installed from npm
# into a cache folder (STUDIO_NODE, default ~/.cache/rungs-studio-node) at
# the versions scripts/studio/package.json pins; nothing is vendored. When
# a tool is missing, or npm cannot install, it prints SKIP and exits 0.
#
# Exit status: 0 when every check passed (or was skipped), 1 otherwise.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
say() { echo "check-studio: $*"; }

chromium=${CHROMIUM-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
node=$(command -v node || true)
npm=$(command -v npm || true)
if [ -z "$chromium" ]; then
  say "SKIP: Chromium is not installed; install chromium to check the studio in a browser"
  exit 0
fi
if [ -z "$node" ] || [ -z "$npm" ]; then
  say "SKIP: Node.js or npm is not installed; install nodejs and npm to check the studio in a browser"
  exit 0
fi

cache=${STUDIO_NODE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/rungs-studio-node}
mkdir -p "$cache"
if ! cmp -s "$root/scripts/studio/package.json" "$cache/package.json" || [ ! -d "$cache/node_modules/puppeteer-core" ]; then
  cp "$root/scripts/studio/package.json" "$cache/package.json"
  # No browser download: puppeteer-core drives the installed Chromium.
  if ! (cd "$cache" && PUPPETEER_SKIP_DOWNLOAD=1 "$npm" install --no-audit --no-fund --no-package-lock --silent >"$cache/npm.log" 2>&1); then
    say "SKIP: npm could not install puppeteer-core and axe-core (see $cache/npm.log)"
    rm -f "$cache/package.json"
    exit 0
  fi
fi

work=$(mktemp -d)
out=${KEEP:-$work/out}
mkdir -p "$out"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$root" && go build -o "$work/rungs" ./cmd/rungs)
cat >"$work/company.yaml" <<'EOF'
name: Northwind Freight
stage: early
engineers: 24
archetype: product
industry: freight software
mission: We help small carriers plan their routes and get paid on time.
locations:
  - {city: Denver, region: CO, country: US}
work_model: hybrid
compensation:
  cto: {min: 210000, max: 250000, currency: USD, period: year, equity: 0.5% to 1%}
  senior-engineer: {min: 150000, max: 175000, currency: USD, period: year}
benefits:
  - Health, dental and vision insurance
  - A learning budget of $2,000 a year
apply:
  url: https://northwind.example/jobs
  deadline: 2026-12-31
date: 2026-11-23
EOF

"$work/rungs" serve --addr 127.0.0.1:0 --company "$work/company.yaml" 2>"$work/serve.log" &
pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^Serving on \(http:[^ ]*\)$/\1/p' "$work/serve.log")
  [ -n "$url" ] && break
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$url" ]; then
  say "FAIL: rungs serve did not start:"
  cat "$work/serve.log" >&2
  exit 1
fi
say "serving on $url"

status=0
# ES modules resolve packages next to the script: it runs from the cache.
cp "$root/scripts/studio/check.mjs" "$cache/check.mjs"
"$node" "$cache/check.mjs" "$url" "$chromium" "$out" || status=1

# Ctrl-C stops the server cleanly with exit 130.
kill -INT "$pid"
code=0
wait "$pid" || code=$?
pid=""
if [ "$code" -eq 130 ]; then
  say "PASS: Ctrl-C stops rungs serve with exit 130"
else
  say "FAIL: rungs serve exited $code on Ctrl-C (want 130)"
  status=1
fi
exit $status
