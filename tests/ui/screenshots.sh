#!/usr/bin/env bash
# Renders the README's pictures of Onramp against the running lab, in English and in Chinese:
#   main-connected-*.png   connected, the login node's name and Slurm partitions in the log pane
#   host-key-*.png         the question about a server that is not in known_hosts yet
#   changed-key-*.png      the banner when the server's key differs from the one on record
# Usage: tests/ui/screenshots.sh [OUTPUT_DIR]   (default docs/screenshots)
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
trap 'rm -rf "$tmp"' EXIT
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

# Exit codes (ui/launch.h RunOutcome): 0 connected, 1 connection failed, 4 waiting at the host-key question.
for lang in en zh_CN; do
  shot "main-connected-$lang" 0 --known-hosts "$ONRAMP_LAB_KNOWN_HOSTS" --lang "$lang"
  shot "host-key-$lang" 4 --known-hosts "$tmp/new/known_hosts" --lang "$lang"
  shot "changed-key-$lang" 1 --known-hosts "$tmp/changed/known_hosts" --lang "$lang"
done
