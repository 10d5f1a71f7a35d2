#!/usr/bin/env bash
# bench-jd.sh: the CPU time of one `rungs jd` process (Markdown to stdout),
# start-up included, as the median of RUNS runs. The issue's target is
# 40 ms or less.
#
#   scripts/bench-jd.sh [RUNS] [BINARY]
#
# CPU time (task-clock: user + system, all threads) comes from perf stat
# when it is installed (apt-get install linux-perf), else from GNU time,
# whose resolution is 10 ms. It does not depend much on what else the
# machine runs, unlike the wall time, which is printed too.
set -euo pipefail

runs=${1:-31}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rungs=${2:-}
if [ -z "$rungs" ]; then
  (cd "$root" && go build -o "$work/rungs" ./cmd/rungs)
  rungs=$work/rungs
fi
args=(jd --role cto --stage growth --size 40 --archetype product)

median() { sort -n | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m}'; }

: > "$work/cpu"; : > "$work/wall"
for ((i = 0; i < runs; i++)); do
  if command -v perf > /dev/null && perf stat -x, -e task-clock -o "$work/perf.txt" true 2> /dev/null; then
    start=$(date +%s%N)
    perf stat -x, -e task-clock -o "$work/perf.txt" "$rungs" "${args[@]}" > /dev/null 2>&1
    end=$(date +%s%N)
    awk -F, '/task-clock/ {print $1}' "$work/perf.txt" >> "$work/cpu"
  else
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$work/time.txt" "$rungs" "${args[@]}" > /dev/null 2>&1
    end=$(date +%s%N)
    awk '{print ($1 + $2) * 1000}' "$work/time.txt" >> "$work/cpu"
  fi
  echo $(((end - start) / 1000000)) >> "$work/wall"
done
printf 'rungs %s: median of %d runs: CPU %.1f ms, wall %s ms\n' "${args[*]}" "$runs" "$(median < "$work/cpu")" "$(median < "$work/wall")"
