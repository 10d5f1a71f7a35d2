#!/usr/bin/env bash
# check-markup.sh: check Rungs' Markdown and HTML with tools no one here wrote.
#
#   scripts/check-markup.sh               # generate the documents, then check
#   KEEP=DIR scripts/check-markup.sh      # keep documents, printouts, screenshots in DIR
#   NODE= scripts/check-markup.sh         # as if Node were not installed
#   CHROMIUM= scripts/check-markup.sh     # as if Chromium were not installed
#
# Documents: the CTO posting (seed, 6 engineers), the career ladder at 5,
# 120 and 1,000 engineers (A4 and letter), a promotion guide, a level card,
# a growth plan, and the example company's posting and ladder.
#
# Checks:
#   - markdownlint-cli2, default rules except MD013 (line length: Rungs
#     writes each paragraph on one line), on every Markdown file;
#   - html-validate, presets recommended, document and a11y, on every HTML
#     file;
#   - axe-core in headless Chromium on every HTML file (WCAG 2 A and AA and
#     axe's best practices), then Chromium's print to PDF, A4 and letter:
#     the first printed page of each ladder must carry its overview table,
#     as must the first page of each ladder PDF Rungs writes itself.
#
# The Node tools are installed with npm, at pinned versions, into
# $NODE_TOOLS (default ~/.cache/rungs-check-markup) the first time. A check
# whose tool is missing is skipped with a SKIP line; the script then still
# exits 0. Install the tools (Debian, Ubuntu):
#
#   apt-get install -y nodejs npm chromium poppler-utils
#
# Exit status: 0 when every check that ran passed, 1 otherwise.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
say() { echo "check-markup: $*"; }

node=${NODE-$(command -v node || true)}
npm=$(command -v npm || true)
chromium=${CHROMIUM-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
pdftotext=$(command -v pdftotext || true)

if [ -z "$node" ] || [ -z "$npm" ]; then
  say "SKIP: Node.js and npm are not installed; install nodejs and npm (and chromium for the accessibility check) to run markdownlint-cli2, html-validate and axe-core"
  exit 0
fi

tools=${NODE_TOOLS:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/rungs-check-markup}
packages="markdownlint-cli2@0.22.1 html-validate@10.17.0 axe-core@4.14.1 puppeteer-core@24.43.1"
if [ ! -f "$tools/installed" ] || [ "$(cat "$tools/installed")" != "$packages" ]; then
  say "installing $packages into $tools"
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"private": true}' >"$tools/package.json"
  # Puppeteer drives the Chromium installed here; it downloads no browser.
  if ! PUPPETEER_SKIP_DOWNLOAD=1 "$npm" install --prefix "$tools" --no-audit --no-fund --silent $packages; then
    say "SKIP: npm could not install $packages (is the npm registry reachable?)"
    exit 0
  fi
  echo "$packages" >"$tools/installed"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
docs=${KEEP:-$work/docs}
mkdir -p "$docs"
docs=$(cd "$docs" && pwd)

(cd "$root" && go build -o "$work/rungs" ./cmd/rungs)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1764633600}
gen() { dir=$1; shift; "$work/rungs" "$@" --format md,html,pdf -o "$docs/$dir" 2>/dev/null; }
gen posting jd --role cto --stage seed --size 6
gen example jd --role cto --company "$root/examples/company.yaml"
gen example ladder --company "$root/examples/company.yaml"
for size in 5 120 1000; do
  for paper in a4 letter; do
    gen "ladder-$size-$paper" ladder --size "$size" --paper "$paper"
  done
done
gen guide ladder --from senior-engineer --to staff-engineer --size 120
gen card ladder --level staff-engineer --size 120
gen growth ladder --size 25 --grow-to 120
# French documents (issue 17): the same checks, with lang="fr".
gen posting-fr jd --role cto --company "$root/examples/company.yaml" --lang fr
gen ladder-fr ladder --size 120 --lang fr
gen card-fr ladder --level staff-engineer --size 120 --lang fr

failed=0
cd "$docs"
mds=$(find . -name '*.md' | sort)
htmls=$(find . -name '*.html' | sort)

say "markdownlint-cli2 on $(echo "$mds" | wc -l) Markdown files"
echo '{"config": {"default": true, "MD013": false}}' >"$work/markdownlint.jsonc"
if out=$("$tools/node_modules/.bin/markdownlint-cli2" --config "$work/markdownlint.jsonc" $mds 2>&1); then
  say "markdownlint: 0 problems"
else
  echo "$out" | grep -v '^markdownlint-cli2 v\|^Finding:\|^Linting:\|^Summary:' || true
  say "markdownlint: $(echo "$out" | grep -c ' error MD') problems"
  failed=1
fi

say "html-validate on $(echo "$htmls" | wc -l) HTML files"
echo '{"extends": ["html-validate:recommended", "html-validate:document", "html-validate:a11y"]}' >"$work/htmlvalidate.json"
if out=$("$tools/node_modules/.bin/html-validate" --config "$work/htmlvalidate.json" --formatter text $htmls 2>&1); then
  say "html-validate: 0 problems"
else
  echo "$out"
  say "html-validate: $(echo "$out" | grep -c ': error\|: warning') problems"
  failed=1
fi

# The first page of every ladder, printed, holds the overview table: its
# heading, its header row and the first level's row (L1).
firstpage() {
  local pdf=$1 text
  text=$("$pdftotext" -f 1 -l 1 -layout "$pdf" - 2>/dev/null || true)
  # English or French (ladder-fr): "Overview"/"Vue d'ensemble", "Span"/"Portée".
  if ! grep -qE "Overview|Vue d.ensemble" <<<"$text" || ! grep -qE 'Span|Portée' <<<"$text" || ! grep -qw 'L1' <<<"$text"; then
    say "FAIL: the first page of $pdf does not carry the ladder's overview"
    failed=1
  fi
}
if [ -n "$pdftotext" ]; then
  for pdf in ladder-*/ladder.pdf example/*ladder.pdf; do firstpage "$pdf"; done
fi

if [ -z "$chromium" ]; then
  say "SKIP: Chromium is not installed; install chromium to run axe-core and check the printed HTML"
else
  say "axe-core in $("$chromium" --version 2>/dev/null | head -1) on $(echo "$htmls" | wc -l) HTML files"
  mkdir -p "$docs/chromium"
  if ! "$node" "$root/scripts/axe-check.mjs" "$tools" "$chromium" "$docs/chromium" $htmls; then
    failed=1
  fi
  if [ -z "$pdftotext" ]; then
    say "SKIP: pdftotext is not installed (poppler-utils); the printed HTML's first page is not checked"
  else
    for pdf in chromium/ladder-*.pdf chromium/example-*ladder.*.pdf; do firstpage "$pdf"; done
  fi
fi

if [ "$failed" -ne 0 ]; then
  say "FAIL"
  exit 1
fi
say "all checks that ran passed"
