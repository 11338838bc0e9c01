"""Shared model of the lab node's (fake) GPUs, used by the nvidia-smi and torch stand-ins.

One source of truth for both tools:
  * the GPU data file (gpus.json): models, UUIDs, bus ids, limits, idle/busy profiles;
  * the knobs file named by $ONRAMP_LAB_CONTROL (key=value lines, may be missing);
  * CUDA_VISIBLE_DEVICES, which stands in for the device cgroup of a Slurm job: unset or empty
    means "this shell has no usable NVIDIA driver" (the login node, a job without --gres).

Python 3 standard library only. This file is copied next to the installed nvidia-smi
(PREFIX/share/onramp-lab/gpulab.py) and into the torch package as torch/_onramp_gpulab.py.
"""

import json
import os
import time
import zlib

DATA_ENV = "ONRAMP_LAB_GPU_DATA"      # path of gpus.json (tests); NOT ONRAMP_LAB_GPUS (a count in lab.env)
CONTROL_ENV = "ONRAMP_LAB_CONTROL"    # knobs file, set for every SSH session by the lab's sshd
NOW_ENV = "ONRAMP_LAB_GPU_NOW"        # pin the clock (epoch seconds) for reproducible output
DEFAULT_SHARE = "/usr/local/share/onramp-lab"

# Highest CUDA version each driver branch supports (what nvidia-smi prints as "CUDA Version").
DRIVER_CUDA = [
    (384, "9.0"), (390, "9.1"), (396, "9.2"), (410, "10.0"), (418, "10.1"), (440, "10.2"),
    (450, "11.0"), (455, "11.1"), (460, "11.2"), (465, "11.3"), (470, "11.4"), (495, "11.5"),
    (510, "11.6"), (515, "11.7"), (520, "11.8"), (525, "12.0"), (530, "12.1"), (535, "12.2"),
    (545, "12.3"), (550, "12.4"), (555, "12.5"), (560, "12.6"), (565, "12.7"), (570, "12.8"),
    (575, "12.9"), (580, "13.0"), (590, "13.1"), (595, "13.2"),
]

LAYOUTS = ("old", "r530", "r535", "r545", "r580")


class LabError(Exception):
    """The stand-in itself is set up wrongly (missing data file, bad knob)."""


def driver_major(version):
    try:
        return int(str(version).split(".")[0])
    except ValueError:
        return 0


def cuda_for_driver(version):
    major = driver_major(version)
    best = DRIVER_CUDA[0][1]
    for branch, cuda in DRIVER_CUDA:
        if major >= branch:
            best = cuda
    return best


def cuda_tuple(text):
    parts = str(text).split(".")
    try:
        return int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    except ValueError:
        return 0, 0


def cuda_int(text):
    """'11.4' -> 11040, the form torch prints as 'found version 11040'."""
    major, minor = cuda_tuple(text)
    return major * 1000 + minor * 10


def layout_for_driver(version):
    major = driver_major(version)
    if major >= 580:
        return "r580"
    if major >= 545:
        return "r545"
    if major >= 535:
        return "r535"
    if major >= 530:
        return "r530"
    return "old"


def read_control(path):
    """key=value lines; '#' starts a comment; the last assignment wins; a missing file is empty."""
    knobs = {}
    if not path:
        return knobs
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError:
        return knobs
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if "=" not in line:
            continue
        key, value = line.split("=", 1)
        knobs[key.strip()] = value.strip()
    return knobs


def find_data_file(candidates=()):
    """First existing file of: $ONRAMP_LAB_GPU_DATA, the given candidates, the default share dir."""
    env = os.environ.get(DATA_ENV)
    if env:
        if os.path.isfile(env):
            return env
        raise LabError("%s=%s does not exist" % (DATA_ENV, env))
    tried = []
    for path in list(candidates) + [os.path.join(DEFAULT_SHARE, "gpus.json")]:
        if not path:
            continue
        tried.append(path)
        if os.path.isfile(path):
            return path
    raise LabError("no GPU data file (set %s; looked in %s)" % (DATA_ENV, ", ".join(tried)))


def parse_visible(value, gpus):
    """CUDA_VISIBLE_DEVICES -> list of physical indices, or None when unset/empty.

    Follows CUDA's rules: entries are indices or (prefixes of) GPU UUIDs; the list stops at the
    first entry that is invalid, out of range or repeated; MIG- entries are not modelled (stop).
    """
    if value is None or value.strip() == "":
        return None
    out = []
    for token in value.split(","):
        token = token.strip()
        idx = None
        if token.isdigit():
            idx = int(token)
            if idx >= len(gpus):
                break
        elif token.startswith("GPU-") and len(token) > 4:
            hits = [i for i, g in enumerate(gpus) if g["uuid"].lower().startswith(token.lower())]
            if len(hits) != 1:
                break
            idx = hits[0]
        else:
            break
        if idx in out:
            break
        out.append(idx)
    return out


def _jitter(seed, lo, hi):
    """Deterministic pseudo-random value in [lo, hi] for a seed string (same second, same value)."""
    return lo + (hi - lo) * (zlib.crc32(seed.encode("utf-8")) / 4294967295.0)


class Node:
    """The GPUs one process sees, with the knobs applied."""

    def __init__(self, data_file, control_file=None, environ=None, now=None):
        env = os.environ if environ is None else environ
        with open(data_file, encoding="utf-8") as fh:
            self.data = json.load(fh)
        self.data_file = data_file
        control_file = env.get(CONTROL_ENV) or control_file or self.data.get("control_file")
        self.control_file = control_file
        self.knobs = read_control(control_file)
        if now is None:
            pinned = env.get(NOW_ENV)
            now = float(pinned) if pinned else time.time()
        self.now = now
        self.gpus = self.data["gpus"]
        self.driver_version = self.knobs.get("gpu.driver") or self.data["driver_version"]
        if self.knobs.get("gpu.cuda"):
            self.cuda_version = self.knobs["gpu.cuda"]
        elif self.knobs.get("gpu.driver"):
            self.cuda_version = cuda_for_driver(self.driver_version)
        else:
            self.cuda_version = self.data.get("cuda_version") or cuda_for_driver(self.driver_version)
        self.nvml_version = self.knobs.get("gpu.nvml") or ".".join(self.driver_version.split(".")[:2])
        self.smi_version = self.data.get("smi_version") or self.driver_version
        if self.knobs.get("gpu.driver"):
            self.smi_version = self.driver_version
        self.failure = (self.knobs.get("gpu.fail") or "").strip().lower() or None
        if self.failure in ("none", "0", "no", "off"):
            self.failure = None
        if self.failure not in (None, "nodriver", "mismatch", "nodevices"):
            raise LabError("gpu.fail=%s: expected nodriver, mismatch, nodevices or none" % self.failure)
        self.busy = self.knobs.get("gpu.busy", "0").strip().lower() in ("1", "yes", "true", "on")
        layout = (self.knobs.get("gpu.layout") or self.data.get("layout") or "auto").strip().lower()
        if layout == "auto":
            layout = layout_for_driver(self.driver_version)
        elif layout == "modern":
            layout = "r580" if driver_major(self.driver_version) >= 580 else "r545"
        if layout not in LAYOUTS:
            raise LabError("gpu.layout=%s: expected auto, old, modern or one of %s" % (layout, LAYOUTS))
        self.layout = layout
        self.visible = parse_visible(env.get("CUDA_VISIBLE_DEVICES"), self.gpus)

    # --- what state the driver is in, for this process ------------------------------------------
    def status(self):
        """'ok', 'nodriver' (no usable driver), 'mismatch', or 'nodevices'."""
        if self.visible is None or self.failure == "nodriver":
            return "nodriver"
        if self.failure == "mismatch":
            return "mismatch"
        if self.failure == "nodevices" or not self.visible:
            return "nodevices"
        return "ok"

    def driver_installed(self):
        """Are the driver's user-space libraries (libnvidia-ml, libcuda) there at all?

        The login node (no CUDA_VISIBLE_DEVICES) has none; a GPU node with a broken or
        mismatched kernel module still has them.
        """
        return self.visible is not None

    # --- processes -----------------------------------------------------------------------------
    def processes(self):
        """All compute/graphics processes on the node (physical gpu index in 'gpu')."""
        procs = []
        for p in self.data.get("processes", []):
            procs.append(dict(p))
        spec = self.knobs.get("gpu.processes", "").strip()
        if spec:
            for item in spec.split(";"):
                item = item.strip()
                if not item:
                    continue
                parts = item.split(":", 4)
                if len(parts) < 4:
                    raise LabError("gpu.processes entry %r: expected GPU:PID:MiB:NAME[:TYPE]" % item)
                ptype = "C"
                name = parts[3]
                if len(parts) == 5:
                    ptype = parts[4] or "C"
                procs.append({"gpu": int(parts[0]), "pid": int(parts[1]),
                              "used_mib": int(parts[2]), "name": name, "type": ptype})
        elif self.busy and not procs:
            for idx in (self.visible or range(len(self.gpus))):
                gpu = self.gpus[idx]
                default = gpu.get("busy", {}).get("process") or {}
                procs.append({"gpu": idx, "pid": int(default.get("pid", 31337 + 2 * idx)),
                              "used_mib": int(default.get("used_mib", 20480)),
                              "name": default.get("name", "python"), "type": "C"})
        return procs

    def visible_processes(self):
        """Processes on visible GPUs, with 'vindex' = the renumbered index the job sees."""
        vis = self.visible or []
        out = []
        for p in self.processes():
            if p["gpu"] in vis:
                q = dict(p)
                q["vindex"] = vis.index(p["gpu"])
                out.append(q)
        return out

    # --- live values ----------------------------------------------------------------------------
    def sample(self, idx):
        """Dynamic values of physical GPU idx at self.now (deterministic per second)."""
        gpu = self.gpus[idx]
        if gpu.get("state"):
            s = dict(gpu["state"])
            s.setdefault("util_mem", 0)
            s.setdefault("clocks", gpu.get("idle", {}).get("clocks", {}))
            return s
        sec = int(self.now)
        procs = [p for p in self.processes() if p["gpu"] == idx]
        busy = self.busy or any(p.get("type", "C") in ("C", "C+G") for p in procs)
        prof = gpu.get("busy" if busy else "idle", {})
        idle = gpu.get("idle", {})
        key = "%s/%d" % (gpu["uuid"], sec)
        used = int(idle.get("memory_used_mib", 0)) + sum(int(p["used_mib"]) for p in procs)
        if busy:
            used += int(prof.get("memory_overhead_mib", 0))
            util = int(round(_jitter(key + "u", prof.get("util_gpu", 100) - 4, prof.get("util_gpu", 100))))
            util_mem = int(round(_jitter(key + "m", -6, 6) + prof.get("util_mem", 40)))
            temp = int(round(prof.get("temp_c", 58) + _jitter(key + "t", -2, 2)))
            power = prof.get("power_w", 600) + _jitter(key + "p", -30, 30)
        else:
            util = 0
            util_mem = 0
            temp = int(round(idle.get("temp_c", 30) + _jitter(key + "t", -1, 1)))
            power = idle.get("power_w", 70) + _jitter(key + "p", -3, 3)
        limit = float(gpu.get("power_limit_w", 700))
        power = max(1.0, min(power, limit))
        used = min(used, int(gpu["memory_total_mib"]) - int(gpu.get("memory_reserved_mib", 0)))
        return {
            "temp_c": temp,
            "memory_temp_c": temp + 7,
            "power_w": round(power, 2),
            "memory_used_mib": used,
            "util_gpu": max(0, min(100, util)),
            "util_mem": max(0, min(100, util_mem)),
            "pstate": prof.get("pstate", idle.get("pstate", "P0")),
            "clocks": prof.get("clocks", idle.get("clocks", {})),
        }

    def timestamp_query(self):
        """Query timestamp as nvidia-smi prints it: 2026/07/14 08:12:53.500 (local time)."""
        ms = min(999, int(round((self.now - int(self.now)) * 1000)))
        return time.strftime("%Y/%m/%d %H:%M:%S.", time.localtime(int(self.now))) + "%03d" % ms

    def timestamp_table(self):
        """Default table's first line: Tue Jul 14 08:12:38 2026 (ctime form)."""
        return time.ctime(self.now)
