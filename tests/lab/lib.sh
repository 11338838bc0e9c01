# shellcheck shell=bash
# Shared by tests/lab/start, stop and selftest: where the lab lives and small helpers.
# Sourced, never run. Callers have already done `set -euo pipefail`.
# shellcheck disable=SC2034  # the settings below are used by the scripts that source this file

LAB_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# --- Where things are -------------------------------------------------------------------------
LAB=${ONRAMP_LAB_DIR:-/tmp/onramp-lab}
LAB_PORT=${ONRAMP_LAB_PORT:-2222}
LAB_USER=student
LAB_HOME=/home/student
LAB_NODE=$(hostname -s)            # slurmd refuses any NodeName other than `hostname -s`

SECRETS=$LAB/secrets               # 700 root: password, TOTP secret, pam_oath users file
CLIENT=$LAB/client                 # 700 root: client key, known_hosts, ssh_config, askpass helper
SSHD_DIR=$LAB/sshd                 # 700 root: per-sshd config and host key
BIN=$LAB/bin                       # 700 root: onramp-gw symlink, PAM helper
RUN=$LAB/run                       # 755 root: pid files
LOG=$LAB/log                       # 755 root: every daemon's log
SHARED=$LAB/shared                 # 755 root: what the test user must read
CONTROL=$SHARED/control            # failure knobs (key=value), read by the stand-ins
SLURM_ETC=$SHARED/slurm            # slurm.conf + gres.conf (clients read them as the test user)
SLURM_CONF_FILE=$SLURM_ETC/slurm.conf
MUNGE_DIR=$LAB/munge               # 700 munge: key, seed
MUNGE_SOCK_DIR=$SHARED/munge       # 755 munge: socket, so the test user's srun can reach munged
MUNGE_SOCK=$MUNGE_SOCK_DIR/munge.socket
SLURM_STATE=$LAB/slurm/state       # 700 slurm: slurmctld runs as SlurmUser=slurm
SLURM_SPOOL=$LAB/slurm/spool       # slurmd (root) spool
DEV_DIR=$LAB/dev                   # fake GPU character devices for gres.conf
PAM_GW=/etc/pam.d/onramp-gw        # PAM service of the gateway sshd (named after its argv[0])
# Namespaces, links and ports are machine-wide: one lab per machine. This names the running one.
ACTIVE_MARK=/run/onramp-lab.dir
LOCK_FILE=/run/onramp-lab.lock

# --- Network: two namespaces joined by /30 veth links that exist only between the lab's parts ---
#   host  olab-h-gw 10.77.0.1  <->  10.77.0.2  olab-gw-h  [ns onramp-gw]    gateway sshd on .2:22
#   [ns onramp-gw] olab-gw-in 10.77.0.5 <-> 10.77.0.6 olab-in-gw [ns onramp-inner] inner sshd .6:22
#   host  olab-h-in 10.77.0.9  <->  10.77.0.10 olab-in-h  [ns onramp-inner]  Slurm traffic only
# The host's route for the rest of 10.77.0.0/24 is `unreachable` (without it, 10.77.0.6 would go to
# the default gateway) and the gateway namespace does not forward, so the inner sshd (which listens
# on 10.77.0.6 only) is reachable only through the gateway. Slurm's daemons
# listen on 10.77.0.9, an address both the host and the inner namespace can reach.
LAB_NET=10.77.0.0/24
NS_GW=onramp-gw
NS_INNER=onramp-inner
IP_HOST_GW=10.77.0.1  IP_GW=10.77.0.2      # link host <-> gateway
IP_GW_IN=10.77.0.5    IP_INNER=10.77.0.6   # link gateway <-> inner
IP_HOST_IN=10.77.0.9  IP_IN_HOST=10.77.0.10 # link host <-> inner (Slurm)
GW_PORT=22
INNER_PORT=22
SLURM_ADDR=$IP_HOST_IN
SLURMCTLD_PORT=6817
SLURMD_PORT=6818

# --- Helpers -----------------------------------------------------------------------------------
say()  { printf 'lab: %s\n' "$*"; }
warn() { printf 'lab: %s\n' "$*" >&2; }
die()  { printf 'lab: FAILED: %s\n' "$*" >&2; exit 1; }

# die_with_log WHAT LOGFILE MESSAGE: name the failing part and show the end of its log, and of
# its console file (stdout/stderr, where errors before the log is open end up), if there is one.
die_with_log() {
  local what=$1 logf=$2; shift 2
  local console=${logf%.log}.console f
  {
    printf 'lab: FAILED: %s: %s\n' "$what" "$*"
    for f in "$logf" "$console"; do
      [[ $f == "$console" && ! -e $f ]] && continue
      if [[ -s $f ]]; then
        printf 'lab: last lines of %s:\n' "$f"
        tail -n 20 "$f" | sed 's/^/    /'
      else
        printf 'lab: (%s is empty or missing)\n' "$f"
      fi
    done
  } >&2
  exit 1
}

# A process counts as alive if ps sees it and it is not a zombie: killed daemons linger as
# zombies until PID 1 (which reaps slowly here) collects them.
pid_alive() {
  local st
  st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ -n $st && $st != Z* ]]
}

# ps_stat_comm PID: prints "STAT COMM" (one ps call; they cost ~25 ms each here).
ps_stat_comm() { ps -o stat=,comm= -p "$1" 2>/dev/null; }

# daemon_pid NAME COMM: print the PID from $RUN/NAME.pid if that process is alive and its command
# name is COMM (guards against a stale pid file whose PID was reused by something else).
daemon_pid() {
  local f=$RUN/$1.pid pid st comm
  [[ -r $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  read -r st comm < <(ps_stat_comm "$pid") || return 1
  [[ $st != Z* && $comm == "$2" ]] || return 1
  printf '%s\n' "$pid"
}

# wait_gone PID SECONDS: wait until the process is gone (or a zombie); 1 if still there.
wait_gone() {
  local pid=$1 deadline=$((SECONDS + $2))
  while pid_alive "$pid"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.05
  done
}

ns_exists() { [[ -e /run/netns/$1 ]]; }

# take_lock: one start/stop at a time (e.g. test fixtures started in parallel); waits up to 120 s.
take_lock() {
  exec 9>"$LOCK_FILE"
  flock -w 120 9 || die "another tests/lab/start or stop has held $LOCK_FILE for 120 s"
}

# other_active_lab: print the folder of a lab started from another ONRAMP_LAB_DIR, if one is marked.
other_active_lab() {
  local other
  [[ -r $ACTIVE_MARK ]] || return 1
  other=$(<"$ACTIVE_MARK")
  [[ -n $other && $other != "$LAB" ]] || return 1
  printf '%s\n' "$other"
}
