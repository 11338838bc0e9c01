#!/usr/bin/env bash
# Embedded Python: cold start-up of Onramp's interpreter (a fresh process each run: PythonRuntime::info(),
# then the first call, which imports onramp and runs the checks) vs `/usr/bin/python3 -I -c pass`, and the
# report's render time per format over the lab evidence fixture. Medians.
# Usage: bench/python_bench.sh [BENCH_BINARY] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=${1:-$here/../build/dev/bench/bench_python_runtime}
runs=${2:-9}
evidence=$here/../tests/fixtures/evidence/complete.json

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now_ms() { date +%s%3N; }

starts=() firsts=() procs=() pys=()
for _ in $(seq "$runs"); do
  t0=$(now_ms); line=$("$bench"); t1=$(now_ms)
  starts+=("$(sed -E 's/.*start_ms=([0-9]+).*/\1/' <<<"$line")")
  firsts+=("$(sed -E 's/.*first_call_ms=([0-9]+).*/\1/' <<<"$line")")
  procs+=("$((t1 - t0))")
  t0=$(now_ms); /usr/bin/python3 -I -c pass; t1=$(now_ms)
  pys+=("$((t1 - t0))")
done
echo "embedded start (info):        $(printf '%s\n' "${starts[@]}" | median) ms"
echo "first call (import + checks): $(printf '%s\n' "${firsts[@]}" | median) ms"
echo "whole bench process:          $(printf '%s\n' "${procs[@]}" | median) ms"
echo "python3 -I -c pass:           $(printf '%s\n' "${pys[@]}" | median) ms"
"$bench" --render "$evidence" "$runs" | tail -1 | tr ' ' '\n' | grep render
