#!/usr/bin/env bash
# One GPU status poll: onramp-cli on an open session (one exec channel per poll, the SSH handshake
# done once) against a fresh OpenSSH `ssh host <the same srun step>` per poll, on the same lab, in
# the same run. Reports the latency of a poll, the client's CPU time per poll, and their ratios.
# Usage: bench/gpu_poll.sh [ONRAMP_CLI] [POLLS]
#   ONRAMP_CLI  path of the built onramp-cli (default: build/dev/app/cli/onramp-cli)
#   POLLS       polls per measurement (default 20)
# Needs a running lab (tests/lab/start) with a free GPU; reads ${ONRAMP_LAB_DIR:-/tmp/onramp-lab}/lab.env.
# Makes a 1-GPU allocation as the lab's student (salloc --no-shell) and cancels it on exit.
set -euo pipefail

cli=${1:-build/dev/app/cli/onramp-cli}
polls=${2:-20}
lab_env=${ONRAMP_LAB_ENV:-${ONRAMP_LAB_DIR:-/tmp/onramp-lab}/lab.env}
[[ -x $cli ]] || { echo "bench: no onramp-cli at $cli (build it, or pass its path)" >&2; exit 1; }
[[ -r $lab_env ]] || { echo "bench: the lab is not running ($lab_env missing); start it with tests/lab/start" >&2; exit 1; }
# shellcheck source=/dev/null
set -a
source "$lab_env"
set +a

openssh=(ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes -i "$ONRAMP_LAB_KEY"
         -o UserKnownHostsFile="$ONRAMP_LAB_KNOWN_HOSTS" -p "$ONRAMP_LAB_PORT"
         "$ONRAMP_LAB_USER@$ONRAMP_LAB_HOST")

job=$("${openssh[@]}" salloc --no-shell --partition="$ONRAMP_LAB_GPU_PARTITION" --gres=gpu:1 --time=10 \
        --job-name=onramp-bench-gpu-poll 2>&1 | sed -n 's/.*Granted job allocation \([0-9]*\).*/\1/p')
[[ -n $job ]] || { echo "bench: salloc did not grant a 1-GPU allocation (are the GPUs busy?)" >&2; exit 1; }
trap '"${openssh[@]}" scancel "$job" >/dev/null 2>&1 || true' EXIT

export BENCH_JOB=$job BENCH_POLLS=$polls BENCH_CLI=$cli
export BENCH_OPENSSH="${openssh[*]}"
python3 - <<'PY'
import json, os, resource, shlex, statistics, subprocess, time

lab = {k: v for k, v in os.environ.items() if k.startswith("ONRAMP_LAB_")}
job, polls, cli = os.environ["BENCH_JOB"], int(os.environ["BENCH_POLLS"]), os.environ["BENCH_CLI"]
openssh = shlex.split(os.environ["BENCH_OPENSSH"])
onramp = [cli, "gpus", "--host", lab["ONRAMP_LAB_HOST"], "--port", lab["ONRAMP_LAB_PORT"],
          "--user", lab["ONRAMP_LAB_USER"], "--identity", lab["ONRAMP_LAB_KEY"],
          "--known-hosts", lab["ONRAMP_LAB_KNOWN_HOSTS"], "--ssh-config", "/dev/null",
          "--job", job, "--json"]

def run(argv):
    """Wall time (s), client CPU time (s, user+sys of the child) and stdout of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    out = subprocess.run(argv, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out.decode()

# The exact step onramp-cli runs (srun --jobid=J --overlap ... sh -c '<both nvidia-smi queries>'),
# so that OpenSSH runs the same thing.
first = json.loads(run(onramp)[2])
step = first["allocations"][0]["command"]
assert len(first["allocations"][0]["gpus"]) == 1, first

# onramp-cli: one connection, then back-to-back polls (--interval 0) on that session. The cost of a
# poll is the difference between a run with 1 + POLLS polls and a run with 1 poll, over POLLS;
# pollMs (exec to done, measured by onramp) is reported too.
rounds = 3
short = [run(onramp + ["--watch", "--count", "1", "--interval", "0"]) for _ in range(rounds)]
long = [run(onramp + ["--watch", "--count", str(polls + 1), "--interval", "0"]) for _ in range(rounds)]
on_wall = (statistics.median(r[0] for r in long) - statistics.median(r[0] for r in short)) / polls
on_cpu = (statistics.median(r[1] for r in long) - statistics.median(r[1] for r in short)) / polls
poll_ms = [json.loads(line)["allocations"][0]["pollMs"] for r in long for line in r[2].splitlines()[1:]]
on_connect = statistics.median(r[0] for r in short)

# OpenSSH: a fresh `ssh host <step>` per poll (connect, key exchange, sign-in, exec).
ssh_runs = [run(openssh + [step]) for _ in range(polls)]
ssh_wall = statistics.median(r[0] for r in ssh_runs)
ssh_cpu = statistics.mean(r[1] for r in ssh_runs)

load = open("/proc/loadavg").read().split()[:3]
print(f"machine: {os.cpu_count()} cores, load {' '.join(load)}; job {job}; {polls} polls per measurement")
print(f"{'':34} {'onramp-cli':>12} {'ssh':>12} {'onramp/ssh':>11}")
print(f"{'latency of one poll (ms)':34} {on_wall * 1000:12.0f} {ssh_wall * 1000:12.0f} {on_wall / ssh_wall:11.2f}")
print(f"{'  onramp pollMs median (min-max)':34} {statistics.median(poll_ms):12.0f} "
      f"{'':>12} {'':>11}  ({min(poll_ms)}-{max(poll_ms)})")
print(f"{'client CPU per poll (ms)':34} {on_cpu * 1000:12.1f} {ssh_cpu * 1000:12.1f} {on_cpu / ssh_cpu:11.2f}")
print(f"{'onramp-cli: connect + 1 poll (ms)':34} {on_connect * 1000:12.0f}")
print("onramp-cli latency and CPU: (run with 1+N polls - run with 1 poll) / N, medians of 3 runs each;")
print("ssh: median wall time and mean CPU time of N runs of `ssh host STEP`, STEP being the srun step")
print("onramp-cli ran (both nvidia-smi queries in one `srun --jobid --overlap` step).")
PY
