#!/usr/bin/env bash
# bench-batch.sh: generate N job descriptions through `rungs batch` and
# print documents per second and the peak resident memory.
#
#   scripts/bench-batch.sh [N] [FORMATS] [RUNS] [JOBS]
#   scripts/bench-batch.sh 1000 md+pdf 5     # the issue's target: <= 8 s, <= 150 MB
#   scripts/bench-batch.sh 10000 md+pdf 3    # peak memory <= 1.5 x that of 1,000
#   scripts/bench-batch.sh 10000 md 3        # the issue's target: <= 7 s of CPU
#   RUNGS=/tmp/rungs-old scripts/bench-batch.sh 10000 md 3   # another binary
#   TMPDIR=/dev/shm scripts/bench-batch.sh 10000 md 3         # on tmpfs: no disk
#   BATCH_ARGS=--sync scripts/bench-batch.sh 10000 md 3       # extra batch flags
#
# Each run starts from an empty output folder. The figures printed last
# are the medians of the runs. Peak memory and CPU time come from GNU time
# (/usr/bin/time -v; on Debian: apt-get install time). CPU time (user +
# system) does not depend on what else the machine runs: divided by the
# cores, it is the wall time an idle machine would take.
set -euo pipefail

n=${1:-1000}
formats=${2:-md+pdf}
runs=${3:-3}
jobs=${4:-}

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
  echo "bench-batch: /usr/bin/time (GNU time) is needed for peak memory; install it (apt-get install time)" >&2
  exit 1
fi

rungs=${RUNGS:-}
if [ -z "$rungs" ]; then
  (cd "$root" && go build -o "$work/rungs" ./cmd/rungs)
  rungs=$work/rungs
fi

# Every role, stage and archetype of the catalog, crossed, with sizes that
# vary: N distinct documents, each named by its row so none collide.
mapfile -t roles < <("$rungs" catalog roles | awk 'NR > 1 {print $1}')
mapfile -t stages < <("$rungs" catalog stages | awk 'NR > 1 {print $1}')
mapfile -t archetypes < <("$rungs" catalog archetypes | awk 'NR > 1 {print $1}')
nr=${#roles[@]} ns=${#stages[@]} na=${#archetypes[@]}
{
  echo "role,stage,size,archetype,name,format"
  for ((i = 0; i < n; i++)); do
    r=${roles[i % nr]}
    s=${stages[(i / nr) % ns]}
    a=${archetypes[(i / (nr * ns)) % na]}
    echo "$r,$s,$((3 + (i * 7) % 400)),$a,jd-$(printf '%06d' "$i"),$formats"
  done
} > "$work/roles.csv"

cat > "$work/company.yaml" <<'YAML'
name: Bench Corp
industry: software
date: 2026-01-01
YAML

args=(batch "$work/roles.csv" --quiet --company "$work/company.yaml")
if [ -n "$jobs" ]; then args+=(--jobs "$jobs"); fi
# shellcheck disable=SC2206 # BATCH_ARGS is a list of flags
if [ -n "${BATCH_ARGS:-}" ]; then args+=($BATCH_ARGS); fi

median() { sort -n | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m}'; }

echo "rungs batch: $n documents as $formats, $runs runs, ${jobs:-all} CPUs ($(nproc) here)"
: > "$work/secs"; : > "$work/rss"; : > "$work/cpu"; : > "$work/user"; : > "$work/sys"
# Each run writes into a new folder; the folders are removed at the end.
# Removing one before the next run would slow that run down: on ext4
# without a journal, creating a file skips, one by one, the inodes freed in
# the last 30 seconds, so the next run would pay for the previous one's
# deletion.
for ((run = 1; run <= runs; run++)); do
  out=$work/out-$run
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time.txt" "$rungs" "${args[@]}" -o "$out"
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$work/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
  files=$(find "$out" -type f ! -name '.*' | wc -l)
  awk -v r="$run" -v s="$secs" -v n="$n" -v k="$rss" -v f="$files" -v c="$cpu" \
    -v u="$user" -v y="$sys" \
    'BEGIN {printf "run %d: %.2f s, %.0f docs/s, CPU %.2f s (user %.2f, system %.2f), peak RSS %.1f MB, %d files\n", r, s, n / s, c, u, y, k / 1024, f}'
  echo "$secs" >> "$work/secs"; echo "$rss" >> "$work/rss"; echo "$cpu" >> "$work/cpu"
  echo "$user" >> "$work/user"; echo "$sys" >> "$work/sys"
done
secs=$(median < "$work/secs")
rss=$(median < "$work/rss")
cpu=$(median < "$work/cpu")
user=$(median < "$work/user")
sys=$(median < "$work/sys")
awk -v s="$secs" -v n="$n" -v k="$rss" -v c="$cpu" -v p="$(nproc)" -v u="$user" -v y="$sys" \
  'BEGIN {printf "median: %.2f s, %.0f docs/s, CPU %.2f s (user %.2f, system %.2f; %.2f s on %d idle cores), peak RSS %.1f MB\n", s, n / s, c, u, y, c / p, p, k / 1024}'
