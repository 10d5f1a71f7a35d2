#!/usr/bin/env bash
# Runs every fuzz target of the module for a set time each, and prints a
# table: target, executions, executions a minute, new corpus entries,
# result. Exits 1 when a target fails (a crasher is then saved under the
# package's testdata/fuzz/ by go test, ready to become a regression test).
#
#   scripts/fuzz-all.sh              # 10 minutes per target
#   FUZZTIME=2m scripts/fuzz-all.sh  # any go test -fuzztime value
#   FUZZ_PARALLEL=1 scripts/fuzz-all.sh   # workers per target (default: GOMAXPROCS)
#   scripts/fuzz-all.sh ./output/pdfdoc   # only these packages
#
# Minimisation of a new input is capped (FUZZMINIMIZE, default 10x runs):
# with go's default of 60 s, a renderer spends most of its time minimising.
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${FUZZTIME:-10m}
minimize=${FUZZMINIMIZE:-10x}
parallel=()
if [[ -n "${FUZZ_PARALLEL:-}" ]]; then
	parallel=(-parallel "$FUZZ_PARALLEL")
fi
pkgs=("$@")
if [[ ${#pkgs[@]} -eq 0 ]]; then
	pkgs=(./...)
fi
logdir=${FUZZ_LOGDIR:-$(mktemp -d)}
mkdir -p "$logdir"

# Every package with fuzz targets, and its targets.
mapfile -t lines < <(go test -list '^Fuzz' "${pkgs[@]}" 2>/dev/null | awk '
	/^Fuzz/ { targets[n++] = $1; next }
	/^ok / { for (i = 0; i < n; i++) print $2, targets[i]; n = 0 }')
if [[ ${#lines[@]} -eq 0 ]]; then
	echo "fuzz-all: no fuzz targets found" >&2
	exit 1
fi

failed=0
printf '%-40s %10s %10s %6s  %s\n' target execs per-min new result
for line in "${lines[@]}"; do
	read -r pkg target <<<"$line"
	log="$logdir/$(echo "$pkg.$target" | tr '/' '_').log"
	start=$(date +%s)
	if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize" \
		"${parallel[@]}" "$pkg" >"$log" 2>&1; then
		result=ok
	else
		result="FAIL (see $log)"
		failed=1
	fi
	secs=$(( $(date +%s) - start ))
	last=$(grep -E 'execs: [0-9]+' "$log" | tail -1 || true)
	execs=$(sed -nE 's/.*execs: ([0-9]+).*/\1/p' <<<"$last")
	newc=$(sed -nE 's/.*new interesting: ([0-9]+).*/\1/p' <<<"$last")
	execs=${execs:-0}
	permin=$(( secs > 0 ? execs * 60 / secs : 0 ))
	printf '%-40s %10s %10s %6s  %s\n' "${pkg#github.com/rungs/rungs/}.$target" "$execs" "$permin" "${newc:-0}" "$result"
done
echo "logs: $logdir"
exit $failed
