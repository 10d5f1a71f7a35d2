#!/usr/bin/env bash
# crash-safety.sh: kill a real `rungs batch` with SIGKILL at random
# moments and check that no document is ever half-written.
#
#   scripts/crash-safety.sh [KILLS] [ENTRIES]     # default: 20 kills, 120 entries (md + pdf)
#
# Two plans write the same file names with different content ("old" and
# "new"). For each kill, the output folder starts as the old run left it;
# the new run is killed after a random delay between 0 and the length of a
# whole run. Then:
#   - every document is byte-identical to its old or its new version;
#   - a re-run finishes the plan: every document is the new version;
#   - after the re-run, no temporary file and no lock file is left (the
#     kill leaves both; the re-run removes them).
# Exits 1 on the first violation, naming the file.
set -euo pipefail

kills=${1:-20}
n=${2:-120}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1767225600

(cd "$root" && go build -o "$work/rungs" ./cmd/rungs)
rungs=$work/rungs

mapfile -t roles < <("$rungs" catalog roles | awk 'NR > 1 {print $1}')
nr=${#roles[@]}
{
	echo "role,size,name,format,company"
	for ((i = 0; i < n; i++)); do
		echo "${roles[i % nr]},$((3 + (i * 7) % 400)),doc-$(printf '%04d' "$i"),md+pdf,company.yaml"
	done
} >"$work/plan.csv"
mkdir -p "$work/old" "$work/new"
cp "$work/plan.csv" "$work/old/plan.csv"
cp "$work/plan.csv" "$work/new/plan.csv"
printf 'name: Old Corp\nstage: growth\nindustry: logistics\n' >"$work/old/company.yaml"
printf 'name: Old Corp\nstage: growth\nindustry: insurance\nmission: Cover what matters.\n' >"$work/new/company.yaml"

# The reference outputs, and the length of a whole run.
"$rungs" batch "$work/old/plan.csv" -o "$work/ref-old" --quiet
start=$(date +%s%N)
"$rungs" batch "$work/new/plan.csv" -o "$work/ref-new" --quiet
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
files=$(ls "$work/ref-new" | wc -l)
if cmp -s "$work/ref-old/doc-0000.md" "$work/ref-new/doc-0000.md"; then
	echo "crash-safety: the old and new plans give the same documents" >&2
	exit 1
fi
echo "crash-safety: $n entries, $files files, a whole run takes ${full_ms} ms; $kills kills"

fail() { echo "crash-safety: kill $1 at ${2} ms: $3" >&2; exit 1; }

declare -i partial=0 untouched=0 finished=0
for ((k = 1; k <= kills; k++)); do
	out=$work/out
	rm -rf "$out"
	cp -a "$work/ref-old" "$out"
	delay=$(( (RANDOM * 32768 + RANDOM) % (full_ms + 1) ))
	"$rungs" batch "$work/new/plan.csv" -o "$out" --quiet &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true

	temps=$(find "$out" -name '*.tmp' | wc -l)
	locks=$(find "$out" -name .rungs.lock | wc -l)
	nnew=0 nold=0
	for f in "$work/ref-new"/*; do  # documents only: the state file is hidden
		b=$(basename "$f")
		[[ -f "$out/$b" ]] || fail "$k" "$delay" "$b is missing"
		if cmp -s "$out/$b" "$f"; then
			nnew=$((nnew + 1))
		elif cmp -s "$out/$b" "$work/ref-old/$b"; then
			nold=$((nold + 1))
		else
			fail "$k" "$delay" "$b is neither the old nor the new version (half-written?)"
		fi
	done
	if ((nold == 0)); then finished+=1; elif ((nnew == 0)); then untouched+=1; else partial+=1; fi

	# The re-run finishes the plan and cleans up.
	"$rungs" batch "$work/new/plan.csv" -o "$out" --quiet ||
		fail "$k" "$delay" "the re-run failed"
	# The state file records the old plan's run too: compare the documents.
	diff -r -x .rungs-state.json "$out" "$work/ref-new" >/dev/null || fail "$k" "$delay" "after the re-run, the folder differs from the new reference"
	left=$(find "$out" -name '*.tmp' | wc -l)
	((left == 0)) || fail "$k" "$delay" "$left temporary files left after the re-run"
	[[ ! -e "$out/.rungs.lock" ]] || fail "$k" "$delay" "the lock file is left after the re-run"
	printf 'kill %2d at %5d ms: %3d new, %3d old, %d temporary and %d lock files left by the kill; re-run: complete, none left\n' \
		"$k" "$delay" "$nnew" "$nold" "$temps" "$locks"
done
echo "crash-safety: ok: $kills kills ($partial mid-run, $untouched before any write, $finished after the last); every file whole, every re-run complete and clean"
