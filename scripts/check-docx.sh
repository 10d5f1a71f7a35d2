#!/usr/bin/env bash
# check-docx.sh: open Rungs' Word documents with real clients.
#
#   scripts/check-docx.sh            # generate every kind of document, then check
#   scripts/check-docx.sh DIR        # check DIR/*.docx (each next to its .md)
#   KEEP=DIR scripts/check-docx.sh   # keep the documents and PDFs in DIR
#   SOFFICE= PYTHON= scripts/check-docx.sh   # as if neither were installed
#
# For every DOCX:
#   - LibreOffice (headless) converts it to PDF without error, and
#     pdftotext recovers every word of the Markdown it was rendered from;
#   - python-docx opens it, finds the headings by their styles (Title,
#     Heading 1-3) and as many as the Markdown has, its tables, and its
#     list items as numbered List Paragraphs.
#
# A check whose tool is missing is skipped with a line saying so; the
# script then still exits 0. Install the tools (Debian, Ubuntu):
#
#   apt-get install -y libreoffice-writer-nogui poppler-utils python3-docx
#
# Exit status: 0 when every check that ran passed, 1 otherwise.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
say() { echo "check-docx: $*"; }

# SOFFICE and PYTHON name the tools; set to "" they count as missing.
soffice=${SOFFICE-$(command -v soffice || command -v libreoffice || true)}
pdftotext=$(command -v pdftotext || true)
python=""
for p in ${PYTHON-python3 /usr/bin/python3}; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import docx' >/dev/null 2>&1; then
    python=$p
    break
  fi
done
anypython=$(command -v python3 || true)

if [ -z "$soffice" ] && [ -z "$python" ]; then
  say "SKIP: neither LibreOffice (soffice) nor python-docx is installed; install libreoffice-writer-nogui, poppler-utils and python3-docx to check DOCX files with real clients"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -ge 1 ]; then
  docs=$(cd "$1" && pwd)
else
  docs=$work/docs
  mkdir -p "$docs"
  (cd "$root" && go build -o "$work/rungs" ./cmd/rungs)
  r() { "$work/rungs" "$@" --format md,docx -o "$docs" 2>/dev/null; }
  r jd --role cto --company "$root/examples/company.yaml"
  r jd --role senior-engineer --stage growth --size 80 --paper letter
  r jd --role vpe --stage enterprise --size 400 --archetype external
  r ladder --company "$root/examples/company.yaml"
  r ladder --stage growth --size 120 --paper letter
  r ladder --from senior-engineer --to staff-engineer --stage growth --size 120
  r ladder --level staff-engineer --stage growth --size 120
  r ladder --stage early --size 18 --grow-to 60
  # French documents (issue 17): accents, « » and no-break spaces must
  # survive in Word and LibreOffice too. Written apart, then renamed, as
  # they share their English twins' names.
  "$work/rungs" jd --role cto --company "$root/examples/company.yaml" --lang fr --format md,docx -o "$docs/fr" 2>/dev/null
  "$work/rungs" ladder --stage growth --size 120 --lang fr --format md,docx -o "$docs/fr" 2>/dev/null
  for f in "$docs"/fr/*; do mv "$f" "$docs/fr-$(basename "$f")"; done
  rmdir "$docs/fr"
fi

shopt -s nullglob
files=("$docs"/*.docx)
if [ ${#files[@]} -eq 0 ]; then
  say "FAIL: no .docx files in $docs"
  exit 1
fi
say "${#files[@]} documents in $docs"
failed=0

# words.py MD TEXT: every word of the Markdown (leaving out link
# destinations, code fence info strings and ordered-list numbers, which
# Word numbers itself) is in the text, as many times.
cat >"$work/words.py" <<'EOF'
import re, sys, collections
md = open(sys.argv[1], encoding="utf-8").read()
text = open(sys.argv[2], encoding="utf-8", errors="replace").read()
md = re.sub(r'\]\([^)\s]*(\s+"[^"]*")?\)', ']', md)
md = re.sub(r'(?m)^(\s*```+)[^`\n]*$', r'\1', md)
md = re.sub(r'(?m)^([ \t>]*)\d{1,9}[.)]([ \t]|$)', r'\1', md)
# pdftotext joins a word hyphenated at a line end ("trade-" / "offs"):
# compare hyphenated words without their hyphens on both sides.
dehyphen = lambda s: re.sub(r'(?<=\w)[-\u2010\u2011]\s*(?=\w)', '', s)
words = lambda s: re.findall(r'[^\W_]+', dehyphen(s))
have = collections.Counter(words(text))
want = collections.Counter(words(md))
missing = [w for w, n in want.items() if have[w] < n]
# A hyphenated word that sits at a line end in one column of a table may
# come out of pdftotext with its halves apart: accept it when each half
# is there on its own.
halves = collections.Counter(re.findall(r'[^\W_]+', text))
joined = {}
for h in re.findall(r'[^\W_]+(?:[-\u2010\u2011][^\W_]+)+', md):
    joined[dehyphen(h)] = re.split(r'[-\u2010\u2011]', h)
missing = [w for w in missing if not (w in joined and all(halves[p] > 0 for p in joined[w]))]
if missing:
    print("%d words missing, such as %s" % (len(missing), missing[:10]))
    sys.exit(1)
EOF

# --- LibreOffice and pdftotext -------------------------------------------
if [ -z "$soffice" ]; then
  say "SKIP LibreOffice: soffice not found (Debian: apt-get install libreoffice-writer-nogui)"
else
  mkdir -p "$work/pdf"
  # A private profile, so a LibreOffice already running elsewhere does
  # not take the conversion over (or lock it out); the Word import filter
  # named, so a file LibreOffice would open as something else fails.
  if ! "$soffice" -env:UserInstallation="file://$work/profile" --headless --norestore \
      --infilter="MS Word 2007 XML" --convert-to pdf --outdir "$work/pdf" "${files[@]}" >"$work/soffice.log" 2>&1; then
    say "FAIL LibreOffice: conversion failed"; cat "$work/soffice.log"; failed=1
  fi
  for f in "${files[@]}"; do
    name=$(basename "$f" .docx)
    pdf=$work/pdf/$name.pdf
    if [ ! -s "$pdf" ]; then
      say "FAIL LibreOffice: $name.docx did not convert to PDF"; failed=1; continue
    fi
    if [ -z "$pdftotext" ]; then
      say "ok   LibreOffice: $name.docx -> PDF (SKIP words: pdftotext not found; apt-get install poppler-utils)"
      continue
    fi
    pdftotext -enc UTF-8 "$pdf" "$work/pdf/$name.txt"
    pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    if [ ! -f "$docs/$name.md" ]; then
      say "ok   LibreOffice: $name.docx -> PDF, $pages pages (no $name.md to compare words with)"
    elif [ -z "$anypython" ]; then
      say "ok   LibreOffice: $name.docx -> PDF, $pages pages (SKIP words: python3 not found)"
    elif out=$("$anypython" "$work/words.py" "$docs/$name.md" "$work/pdf/$name.txt"); then
      say "ok   LibreOffice: $name.docx -> PDF, $pages pages, pdftotext finds every word of $name.md"
    else
      say "FAIL LibreOffice: $name.docx: pdftotext of the PDF: $out"; failed=1
    fi
  done
  if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP" && cp "${files[@]}" "$work"/pdf/*.pdf "$KEEP"/ && say "kept the documents and PDFs in $KEEP"
  fi
fi

# --- python-docx -----------------------------------------------------------
if [ -z "$python" ]; then
  say "SKIP python-docx: not importable by python3 (Debian: apt-get install python3-docx)"
else
  cat >"$work/pydocx.py" <<'EOF'
import re, sys, docx
from docx.oxml.ns import qn

path, mdpath = sys.argv[1], sys.argv[2]
try:
    d = docx.Document(path)
except Exception as e:
    print("cannot open it: %s" % e)
    sys.exit(1)
md = open(mdpath, encoding="utf-8").read() if mdpath else ""
md = re.sub(r'(?ms)^```.*?^```', '', md)  # code blocks hold no headings or lists
problems = []

styles = {1: "Title", 2: "Heading 1", 3: "Heading 2"}
want = [styles.get(len(m.group(1)), "Heading 3") for m in re.finditer(r'(?m)^(#{1,6}) ', md)]
got = [p.style.name for p in d.paragraphs if p.style.name == "Title" or p.style.name.startswith("Heading")]
if md and got != want:
    problems.append("headings by style: %d %s, want %d %s" % (len(got), sorted(set(got)), len(want), sorted(set(want))))
if not got:
    problems.append("no paragraph in a Title or Heading style")

tables = len(re.findall(r'(?m)^\|?\s*:?-{3,}:?\s*\|', md))
if md and len(d.tables) != tables:
    problems.append("%d tables, want %d" % (len(d.tables), tables))
for t in d.tables:
    first = t.rows[0]._tr
    if first.trPr is None or first.trPr.find(qn("w:tblHeader")) is None:
        problems.append("a table's header row does not repeat")

items = len(re.findall(r'(?m)^[ \t>]*([-*+]|\d{1,9}[.)])[ \t]+\S', md))
numbered = [p for p in d.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
if md and len(numbered) != items:
    problems.append("%d numbered list paragraphs, want %d (list items)" % (len(numbered), items))
if any(p.style.name != "List Paragraph" for p in numbered):
    problems.append("a list item is not a List Paragraph")

cp = d.core_properties
if not cp.title or not cp.language:
    problems.append("core properties lack a title or a language")
if problems:
    print("; ".join(problems))
    sys.exit(1)
print("%d headings, %d tables, %d list items, title %r" % (len(got), len(d.tables), len(numbered), cp.title))
EOF
  for f in "${files[@]}"; do
    name=$(basename "$f" .docx)
    md=""
    [ -f "$docs/$name.md" ] && md=$docs/$name.md
    if out=$("$python" "$work/pydocx.py" "$f" "$md" 2>&1); then
      say "ok   python-docx: $name.docx: $out"
    else
      say "FAIL python-docx: $name.docx: $out"; failed=1
    fi
  done
fi

if [ "$failed" -ne 0 ]; then
  say "FAILED"
  exit 1
fi
say "all checks that ran passed"
