#!/usr/bin/env bash
# Connect + sign-in latency of onramp-cli (libssh) against OpenSSH's ssh, in the same run, for the ways
# students log in: a key on the login node, key + one-time code on a 2FA gateway, and ProxyJump through
# that gateway to a login node only it can reach. Both clients get the one-time code from the same
# SSH_ASKPASS program (the lab's, which runs oathtool), so the person's typing is not measured.
# Usage: bench/ssh_connect.sh [ONRAMP_CLI] [RUNS]   (defaults: build/dev/app/cli/onramp-cli, 7)
# Needs a running lab (tests/lab/start).
set -euo pipefail

cli=${1:-build/dev/app/cli/onramp-cli}
runs=${2:-7}
lab_env=${ONRAMP_LAB_ENV:-${ONRAMP_LAB_DIR:-/tmp/onramp-lab}/lab.env}
[[ -x $cli ]] || { echo "bench: no onramp-cli at $cli (build it, or pass its path)" >&2; exit 1; }
[[ -r $lab_env ]] || { echo "bench: the lab is not running ($lab_env missing); start it with tests/lab/start" >&2; exit 1; }
# shellcheck source=/dev/null
source "$lab_env"
export SSH_ASKPASS=$ONRAMP_LAB_ASKPASS SSH_ASKPASS_REQUIRE=force
config=$ONRAMP_LAB_SSH_CONFIG

# median_ms CMD...: runs CMD $runs times (no terminal: setsid), prints the median wall time in ms.
median_ms() {
  local times=() start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    setsid "$@" </dev/null >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

printf 'machine: %s cores, load %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %12s %10s %8s\n' 'sign-in, then `true`' 'onramp (ms)' 'ssh (ms)' 'ratio'
for target in aha gateway aha-inner; do
  case $target in
    aha) what='key (login node)' ;;
    gateway) what='key + one-time code (2FA gateway)' ;;
    aha-inner) what='ProxyJump: gateway (key+code), key' ;;
  esac
  t_onramp=$(median_ms "$cli" exec --ssh-config "$config" --host "$target" -- true)
  t_ssh=$(median_ms ssh -F "$config" -o BatchMode=no "$target" true)
  ratio=$(awk -v a="$t_onramp" -v b="$t_ssh" 'BEGIN { printf "%.2f", a / b }')
  printf '%-34s %12s %10s %8s\n' "$what" "$t_onramp" "$t_ssh" "$ratio"
done
echo "Medians of $runs runs, each a new connection: TCP, key exchange, host key check, sign-in, one exec."
