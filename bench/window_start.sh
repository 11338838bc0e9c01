#!/usr/bin/env bash
# How fast Onramp's window appears and how much it holds while idle, against xterm in the same run
# under the same Xvfb. Usage: bench/window_start.sh [ONRAMP_BINARY] [RUNS]
#   ONRAMP_BINARY  the built onramp (default: build/dev/ui/onramp); RUNS: repetitions, medians (default 7)
# Start: the process is launched, shows its window and quits. Onramp reports the moment its first
# paint was done (--exit-after-first-paint); xterm has no such hook, so both are compared on the
# whole start-show-exit time (xterm -e true maps its window, runs `true` and exits). "first start"
# is a fresh settings folder (the welcome page), "later start" one where the welcome was seen.
# Idle: resident memory (VmRSS) 4 s after start, and the CPU time used during the next 5 s.
# Needs xvfb-run and xterm (scripts/install-deps).
set -euo pipefail

app=${1:-build/dev/ui/onramp}
runs=${2:-7}
[[ -x $app ]] || { echo "bench: no onramp at $app (build that target, or pass its path)" >&2; exit 1; }
command -v xterm >/dev/null || { echo "bench: xterm is not installed (scripts/install-deps)" >&2; exit 1; }
if [[ -z ${ONRAMP_BENCH_IN_XVFB:-} ]]; then
  command -v xvfb-run >/dev/null || { echo "bench: xvfb-run is not installed (scripts/install-deps)" >&2; exit 1; }
  ONRAMP_BENCH_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$(realpath "$app")" "$runs"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/later/Onramp"
printf '[interface]\nwelcomeSeen=true\n' > "$tmp/later/Onramp/Onramp.conf"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# onramp_start CONFIG_DIR: "FIRST_PAINT_MS TOTAL_MS"
onramp_start() {
  local t0 out t1 fp
  t0=$(now_ms)
  out=$(XDG_CONFIG_HOME=$1 "$app" --exit-after-first-paint 2>/dev/null)
  t1=$(now_ms)
  fp=$(awk '/^first-paint-epoch-ms/ { print $2 }' <<<"$out")
  echo "$((fp - t0)) $((t1 - t0))"
}

for i in $(seq 1 "$runs"); do
  rm -rf "$tmp/first"
  onramp_start "$tmp/first" >> "$tmp/first.txt"
  onramp_start "$tmp/later" >> "$tmp/later.txt"
  t0=$(now_ms); xterm -e true 2>/dev/null; echo $(( $(now_ms) - t0 )) >> "$tmp/xterm.txt"
done

# idle PID: "RSS_KIB CPU_MS" (4 s after start; CPU over the next 5 s)
idle() {
  local pid=$1 rss c0 c1 tck
  sleep 4
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
  tck=$(getconf CLK_TCK)
  c0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  sleep 5
  c1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  echo "$rss $(( (c1 - c0) * 1000 / tck ))"
}
XDG_CONFIG_HOME=$tmp/later "$app" 2>/dev/null & opid=$!
read -r o_rss o_cpu < <(idle "$opid")
kill "$opid"; wait "$opid" 2>/dev/null || true
xterm 2>/dev/null & xpid=$!
read -r x_rss x_cpu < <(idle "$xpid")
kill "$xpid"; wait "$xpid" 2>/dev/null || true

f_paint=$(cut -d' ' -f1 "$tmp/first.txt" | median); f_total=$(cut -d' ' -f2 "$tmp/first.txt" | median)
l_paint=$(cut -d' ' -f1 "$tmp/later.txt" | median); l_total=$(cut -d' ' -f2 "$tmp/later.txt" | median)
x_total=$(median < "$tmp/xterm.txt")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cat <<OUT
window start (median of $runs, ms)     onramp   xterm   ratio
  first start: to first paint        $f_paint
  first start: start, show, exit     $f_total      $x_total     $(ratio "$f_total" "$x_total")
  later start: to first paint        $l_paint
  later start: start, show, exit     $l_total      $x_total     $(ratio "$l_total" "$x_total")
idle (4 s after start)
  resident memory (MiB)               $(awk -v k="$o_rss" 'BEGIN { printf "%.1f", k / 1024 }')     $(awk -v k="$x_rss" 'BEGIN { printf "%.1f", k / 1024 }')     $(ratio "$o_rss" "$x_rss")
  CPU over 5 s (ms)                   $o_cpu        $x_cpu
OUT
