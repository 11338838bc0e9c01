#!/usr/bin/env bash
# Renders the README's pictures of Onramp against the running lab, in English and in Chinese:
#   main-connected-*.png   connected, the login node's name and Slurm partitions in the log pane
#   host-key-*.png         the question about a server that is not in known_hosts yet
#   changed-key-*.png      the banner when the server's key differs from the one on record
#   gpus-*.png             the GPU dashboard with a running 1-GPU allocation (busy, with history)
#   jobs-*.png             the jobs view: that allocation running, a 2-GPU job waiting (explained)
#   one-time-code-*.png    the lab gateway's one-time password question (pam_oath, after the key)
#   lost-*.png             a connection whose link died and could not be restored: Reconnect
#   terminal-*.png         the terminal dock after the guide's `srun -p gpu --gres=gpu:1 --pty bash -i`, nvidia-smi -L
#   welcome-*.png          the first-run welcome page: what happens, language, ~/.ssh/config hosts, the lab
#   setup-welcome-*.png    the guided setup's first step, connected, before it starts
#   setup-plan-*.png       step 5's plan review: the plan table, Python, the CUDA build, the download
#   setup-verified-*.png   the whole setup done: step 6's card with nvidia-smi and device_count() == 1
# Usage: tests/ui/screenshots.sh [OUTPUT_DIR]   (default docs/screenshots)
#   ONRAMP_SHOTS=status takes only the GPU and jobs pictures, ONRAMP_SHOTS=signin only the sign-in and
#   lost ones, ONRAMP_SHOTS=basic only the connected window and the host-key pictures,
#   ONRAMP_SHOTS=terminal only the terminal, ONRAMP_SHOTS=setup only the guided setup (it makes and removes the env cola_demo);
#   ONRAMP_SHOTS=welcome only the first-run page; ONRAMP_LANGS="en" only English.
# Needs the lab (tests/lab/start; $ONRAMP_LAB_DIR, default /tmp/onramp-lab), xvfb-run, and a built
# `onramp` ($ONRAMP_APP, default build/${ONRAMP_PRESET:-dev}/ui/onramp).
set -euo pipefail
cd "$(dirname "$0")/../.."

lab_dir=${ONRAMP_LAB_DIR:-/tmp/onramp-lab}
if [ ! -r "$lab_dir/lab.env" ]; then
  echo "screenshots: the lab is not running ($lab_dir/lab.env is missing); start it with tests/lab/start" >&2
  exit 1
fi
# shellcheck disable=SC1091
. "$lab_dir/lab.env"
app=${ONRAMP_APP:-build/${ONRAMP_PRESET:-dev}/ui/onramp}
[ -x "$app" ] || { echo "screenshots: $app is not built (cmake --build --preset dev --target onramp)" >&2; exit 1; }
out=${1:-docs/screenshots}
mkdir -p "$out"

tmp=$(mktemp -d)
status_jobs=()
busy_knob=0
demo_env=cola_demo
remove_demo_env() {
  ssh -F "$ONRAMP_LAB_SSH_CONFIG" -o BatchMode=yes aha \
    "~/miniconda3/bin/conda env remove -n $demo_env -y >/dev/null 2>&1; rm -rf ~/miniconda3/envs/$demo_env" || true
}
demo_env_made=0
cleanup() {
  [ "$demo_env_made" = 1 ] && remove_demo_env
  # The allocation and the waiting job of the status pictures, and the busy-GPU knob.
  if [ "${#status_jobs[@]}" -gt 0 ]; then
    SLURM_CONF=$ONRAMP_LAB_SLURM_CONF scancel "${status_jobs[@]}" 2>/dev/null || true
  fi
  [ "$busy_knob" = 1 ] && tests/lab/knob unset gpu.busy || true
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/new" "$tmp/changed"
: > "$tmp/new/known_hosts"
# A key the lab's server does not have, recorded under the server's name: what a changed key
# (or a man in the middle) looks like to the client.
ssh-keygen -q -t ed25519 -N '' -C '' -f "$tmp/other" >/dev/null
if [ "$ONRAMP_LAB_PORT" = 22 ]; then name=$ONRAMP_LAB_HOST; else name="[$ONRAMP_LAB_HOST]:$ONRAMP_LAB_PORT"; fi
echo "$name $(cut -d' ' -f1,2 "$tmp/other.pub")" > "$tmp/changed/known_hosts"

common=(--host "$ONRAMP_LAB_HOST" --port "$ONRAMP_LAB_PORT" --user "$ONRAMP_LAB_USER"
        --identity "$ONRAMP_LAB_KEY" --ssh-config /dev/null --connect --screenshot-timeout-ms 30000)

# shot NAME EXPECTED_EXIT ARGS...: one run of onramp on a virtual 1280x800 screen.
shot() {
  local name=$1 expected=$2 rc=0
  shift 2
  xvfb-run -a -s "-screen 0 1280x800x24" "$app" "${common[@]}" "$@" --screenshot "$out/$name.png" \
    2> "$tmp/$name.log" || rc=$?
  if [ "$rc" -ne "$expected" ]; then
    echo "screenshots: $name: onramp exited $rc, expected $expected" >&2
    grep -v propagateSizeHints "$tmp/$name.log" >&2 || true
    return 1
  fi
  [ -s "$out/$name.png" ] || { echo "screenshots: $name.png was not written" >&2; return 1; }
  echo "screenshots: wrote $out/$name.png"
}

langs=${ONRAMP_LANGS:-en zh_CN}
shots=${ONRAMP_SHOTS:-all}
# Exit codes (ui/launch.h RunOutcome): 0 connected, 1 connection failed, 4 waiting at the host-key
# question, 6 waiting at a sign-in question, 7 connection lost.
if [ "$shots" = all ] || [ "$shots" = basic ]; then
  for lang in $langs; do
    shot "main-connected-$lang" 0 --known-hosts "$ONRAMP_LAB_KNOWN_HOSTS" --lang "$lang" --tab output
    shot "host-key-$lang" 4 --known-hosts "$tmp/new/known_hosts" --lang "$lang"
    shot "changed-key-$lang" 1 --known-hosts "$tmp/changed/known_hosts" --lang "$lang"
  done
fi

[ "$shots" = basic ] && exit 0

if [ "$shots" = all ] || [ "$shots" = welcome ]; then
  # Not connected: the first-run page offering the lab's SSH config hosts and the lab itself. A
  # settings folder of its own, so the person's own choices do not show (or change).
  for lang in $langs; do
    rc=0
    XDG_CONFIG_HOME="$tmp/config-$lang" xvfb-run -a -s "-screen 0 1280x800x24" "$app" --welcome \
      --ssh-config "$ONRAMP_LAB_SSH_CONFIG" --lang "$lang" --screenshot "$out/welcome-$lang.png" \
      2> "$tmp/welcome-$lang.log" || rc=$?
    [ "$rc" -eq 0 ] && [ -s "$out/welcome-$lang.png" ] \
      || { echo "screenshots: welcome-$lang: onramp exited $rc" >&2; cat "$tmp/welcome-$lang.log" >&2; exit 1; }
    echo "screenshots: wrote $out/welcome-$lang.png"
  done
fi
[ "$shots" = welcome ] && exit 0

if [ "$shots" = all ] || [ "$shots" = terminal ]; then
  for lang in $langs; do
    shot "terminal-$lang" 0 --known-hosts "$ONRAMP_LAB_KNOWN_HOSTS" --lang "$lang" \
      --screenshot-at terminal --terminal-input "srun -p gpu --gres=gpu:1 --pty bash -i" \
      --terminal-input 'echo "on $(hostname), job $SLURM_JOB_ID"; nvidia-smi -L'
  done
fi
[ "$shots" = terminal ] && exit 0

if [ "$shots" = all ] || [ "$shots" = setup ]; then
  # The guided setup against the lab with its own environment; each run has its own journal folder,
  # so no run resumes another's.
  demo_env_made=1
  for lang in $langs; do
    XDG_DATA_HOME="$tmp/data-welcome-$lang" shot "setup-welcome-$lang" 0 \
      --known-hosts "$ONRAMP_LAB_KNOWN_HOSTS" --lang "$lang" --tab setup
    remove_demo_env
    XDG_DATA_HOME="$tmp/data-plan-$lang" shot "setup-plan-$lang" 0 --known-hosts "$ONRAMP_LAB_KNOWN_HOSTS" \
      --lang "$lang" --tab setup --screenshot-at setup-plan --setup-env "$demo_env" --screenshot-timeout-ms 240000
    XDG_DATA_HOME="$tmp/data-done-$lang" shot "setup-verified-$lang" 0 --known-hosts "$ONRAMP_LAB_KNOWN_HOSTS" \
      --lang "$lang" --tab setup --screenshot-at setup-done --setup-env "$demo_env" --screenshot-timeout-ms 300000
    remove_demo_env
  done
fi
[ "$shots" = setup ] && exit 0

if [ "$shots" = all ] || [ "$shots" = signin ]; then
  # A small TCP relay to the lab's sshd that cuts the connection after a few seconds and stops
  # listening, so every automatic reconnect is refused until Onramp gives up (about a minute).
  cat > "$tmp/cutter.py" <<'PY'
import os, socket, sys, threading, time
target_port, port_file, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(1)
with open(port_file + ".new", "w") as f:
    f.write(str(listener.getsockname()[1]))
os.rename(port_file + ".new", port_file)
client, _ = listener.accept()
listener.close()
server = socket.create_connection(("127.0.0.1", target_port))
def pump(a, b):
    try:
        while data := a.recv(65536):
            b.sendall(data)
    except OSError:
        pass
for a, b in ((client, server), (server, client)):
    threading.Thread(target=pump, args=(a, b), daemon=True).start()
time.sleep(seconds)
for s in (client, server):
    s.shutdown(socket.SHUT_RDWR)
    s.close()
PY
  key=$(grep -F "[$ONRAMP_LAB_HOST]:$ONRAMP_LAB_PORT " "$ONRAMP_LAB_KNOWN_HOSTS" | cut -d' ' -f2,3)
  [ -n "$key" ] || key=$(grep -F "$ONRAMP_LAB_HOST " "$ONRAMP_LAB_KNOWN_HOSTS" | head -n1 | cut -d' ' -f2,3)
  for lang in $langs; do
    # The gateway takes the key, then asks for the one-time code (keyboard-interactive).
    shot "one-time-code-$lang" 6 --host "$ONRAMP_LAB_GATEWAY_HOST" --port "$ONRAMP_LAB_GATEWAY_PORT" \
      --known-hosts "$ONRAMP_LAB_KNOWN_HOSTS" --lang "$lang" --screenshot-at credentials
    rm -f "$tmp/cutter.port"
    python3 "$tmp/cutter.py" "$ONRAMP_LAB_PORT" "$tmp/cutter.port" 8 &
    cutter=$!
    for _ in $(seq 1 50); do [ -s "$tmp/cutter.port" ] && break; sleep 0.1; done
    port=$(cat "$tmp/cutter.port")
    echo "[127.0.0.1]:$port $key" > "$tmp/cutter_known_hosts"
    shot "lost-$lang" 7 --host 127.0.0.1 --port "$port" --known-hosts "$tmp/cutter_known_hosts" \
      --lang "$lang" --screenshot-at lost --screenshot-timeout-ms 150000
    wait "$cutter" || true
  done
fi
[ "$shots" = signin ] && exit 0

# The status views need a running 1-GPU allocation of the student; a 2-GPU job then waits for
# Resources beside it. The student's processes on the GPU come from the stand-in's busy knob.
lab_ssh=(ssh -F "$ONRAMP_LAB_SSH_CONFIG" -o BatchMode=yes aha)
granted=$("${lab_ssh[@]}" salloc --no-shell --partition=gpu --gres=gpu:1 --time=10 --job-name=train-resnet 2>&1 |
          sed -n 's/.*Granted job allocation \([0-9]*\).*/\1/p')
[ -n "$granted" ] || { echo "screenshots: salloc did not grant a 1-GPU allocation" >&2; exit 1; }
status_jobs+=("$granted")
waiting=$("${lab_ssh[@]}" sbatch --parsable --partition=gpu --gres=gpu:2 --time=30 --job-name=sweep-2gpu \
          --output=/dev/null --wrap="'sleep 600'")
status_jobs+=("${waiting%%;*}")
tests/lab/knob set gpu.busy=1
busy_knob=1
for lang in $langs; do
  # A few polls (every 2 s) so the history charts have a line to show.
  shot "gpus-$lang" 0 --known-hosts "$ONRAMP_LAB_KNOWN_HOSTS" --lang "$lang" --tab gpus --screenshot-after-ms 9000
  shot "jobs-$lang" 0 --known-hosts "$ONRAMP_LAB_KNOWN_HOSTS" --lang "$lang" --tab jobs --screenshot-after-ms 4000
done
