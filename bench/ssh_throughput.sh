#!/usr/bin/env bash
# Streaming throughput and round-trip cost of onramp-cli (libssh) against OpenSSH's ssh, on the same
# lab login node, in the same run. Usage: bench/ssh_throughput.sh [ONRAMP_CLI] [RUNS]
#   ONRAMP_CLI  path of the built onramp-cli (default: build/dev/app/cli/onramp-cli)
#   RUNS        repetitions per measurement (default 5); the median is reported
# Needs a running lab (tests/lab/start); reads its facts from ${ONRAMP_LAB_DIR:-/tmp/onramp-lab}/lab.env.
set -euo pipefail

cli=${1:-build/dev/app/cli/onramp-cli}
runs=${2:-5}
lab_env=${ONRAMP_LAB_ENV:-${ONRAMP_LAB_DIR:-/tmp/onramp-lab}/lab.env}
[[ -x $cli ]] || { echo "bench: no onramp-cli at $cli (build it, or pass its path)" >&2; exit 1; }
[[ -r $lab_env ]] || { echo "bench: the lab is not running ($lab_env missing); start it with tests/lab/start" >&2; exit 1; }
# shellcheck source=/dev/null
source "$lab_env"

onramp=("$cli" exec --host "$ONRAMP_LAB_HOST" --port "$ONRAMP_LAB_PORT" --user "$ONRAMP_LAB_USER"
        --identity "$ONRAMP_LAB_KEY" --known-hosts "$ONRAMP_LAB_KNOWN_HOSTS" --ssh-config /dev/null --)
openssh=(ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes -i "$ONRAMP_LAB_KEY"
         -o UserKnownHostsFile="$ONRAMP_LAB_KNOWN_HOSTS" -p "$ONRAMP_LAB_PORT"
         "$ONRAMP_LAB_USER@$ONRAMP_LAB_HOST")

# median_ms CMD...: runs CMD (stdout to /dev/null) $runs times, prints the median wall time in ms.
median_ms() {
  local times=() start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

small='seq 1 2000000'   # ~16 MB, the figure platform.md quotes
large='seq 1 20000000'  # ~169 MB, long enough for a throughput figure
bytes=$(seq 1 20000000 | wc -c)
printf 'machine: %s cores, load %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %12s %16s %17s %8s\n' tool 'true (ms)' "$small (ms)" "$large (ms)" 'MB/s'
for tool in onramp openssh; do
  declare -n cmd=$tool
  t_true=$(median_ms "${cmd[@]}" true)
  t_small=$(median_ms "${cmd[@]}" "$small")
  t_large=$(median_ms "${cmd[@]}" "$large")
  rate=$(awk -v b="$bytes" -v t="$t_large" -v t0="$t_true" 'BEGIN { d = t - t0; if (d < 1) d = 1; printf "%.0f", b / 1e6 / (d / 1000) }')
  printf '%-8s %12s %16s %17s %8s\n' "$tool" "$t_true" "$t_small" "$t_large" "$rate"
done
echo "Wall times are medians of $runs runs, each a new connection with output to /dev/null; MB/s is"
echo "the large stream's bytes over its time minus the 'true' time (connect, sign-in, session setup)."
