"""Shared helpers for the GPU stand-in conformance tests (nvidia-smi and torch).

The stand-ins are installed once per test run into a temporary prefix and HOME with
`tests/lab/standins/gpu/install --prefix` (no root, no lab). Every command runs with a clean
environment (TZ=UTC, its own knobs file), so a developer's ONRAMP_LAB_* variables or a lab
installed on this machine cannot leak in. Corpus files are read from ./fixtures only.
"""

import calendar
import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SRC = os.path.join(REPO, "tests", "lab", "standins", "gpu")
FIX = os.path.join(HERE, "fixtures")
SMI_FIX = os.path.join(FIX, "nvidia-smi")
TORCH_FIX = os.path.join(FIX, "pytorch")
PYTHON = sys.executable or "/usr/bin/python3"
CURRENT_USER = pwd.getpwuid(os.geteuid()).pw_name   # install chowns to it when run as root


def fixture(*parts):
    with open(os.path.join(FIX, *parts), encoding="utf-8") as fh:
        return fh.read()


def fixtures(prefix, folder="nvidia-smi"):
    d = os.path.join(FIX, folder)
    return sorted(f for f in os.listdir(d) if f.startswith(prefix))


def driver_in_name(name):
    m = re.search(r"__(\d+\.\d+(?:\.\d+)?)(?:__|\.txt|\.csv)", name)
    return m.group(1) if m else None


class Lab:
    """A private install of the stand-ins; one per test process (see lab())."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="onramp-gpu-conformance-")
        self.prefix = os.path.join(self.root, "usr")
        self.home = os.path.join(self.root, "home", "student")
        self.labdir = os.path.join(self.root, "lab")
        os.makedirs(self.home)
        os.makedirs(os.path.join(self.labdir, "shared"))
        self.install_result = subprocess.run(
            [PYTHON, os.path.join(SRC, "install"), "--prefix", self.prefix, "--home", self.home,
             "--user", CURRENT_USER, "--lab-dir", self.labdir],
            capture_output=True, text=True)
        if self.install_result.returncode != 0:
            raise RuntimeError("install failed: %s" % self.install_result.stderr)
        self.smi_path = os.path.join(self.prefix, "bin", "nvidia-smi")
        self.share = os.path.join(self.prefix, "share", "onramp-lab")
        self.torch_src = os.path.join(self.home, "miniconda3", "share", "onramp-standins", "torch")
        self.control_default = os.path.join(self.labdir, "shared", "control")
        self._envs = {}
        self._n = 0

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def _knobs_file(self, knobs):
        self._n += 1
        path = os.path.join(self.root, "knobs-%d" % self._n)
        with open(path, "w", encoding="utf-8") as fh:
            for k, v in (knobs or {}).items():
                fh.write("%s=%s\n" % (k, v))
        return path

    def env(self, cvd=None, knobs=None, data=None, now=None, extra=None, control=True):
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC", "HOME": self.home}
        if control:
            env["ONRAMP_LAB_CONTROL"] = self._knobs_file(knobs)
        if cvd is not None:
            env["CUDA_VISIBLE_DEVICES"] = cvd
        if data is not None:
            path = os.path.join(self.root, "data-%d.json" % (self._n + 1))
            self._n += 1
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            env["ONRAMP_LAB_GPU_DATA"] = path
        if now is not None:
            env["ONRAMP_LAB_GPU_NOW"] = repr(float(now))
        env.update(extra or {})
        return env

    def smi(self, *args, cvd=None, knobs=None, data=None, now=None, extra=None, control=True, exe=None):
        return subprocess.run([exe or self.smi_path] + list(args),
                              env=self.env(cvd, knobs, data, now, extra, control),
                              capture_output=True, text=True, timeout=30)

    # --- torch ---------------------------------------------------------------------------------
    def site_packages(self, build):
        """A fake env's site-packages holding a copy of the installed torch package, the way the
        conda stand-in installs pytorch (copy + _onramp_build.json)."""
        key = json.dumps(build, sort_keys=True)
        if key not in self._envs:
            sp = os.path.join(self.root, "envs", "e%d" % len(self._envs), "lib", "python3.11", "site-packages")
            os.makedirs(sp)
            shutil.copytree(self.torch_src, os.path.join(sp, "torch"))
            if build is not None:
                with open(os.path.join(sp, "torch", "_onramp_build.json"), "w", encoding="utf-8") as fh:
                    json.dump(build, fh)
            self._envs[key] = sp
        return self._envs[key]

    def py(self, code, build, cvd=None, knobs=None, extra=None, control=True):
        sp = self.site_packages(build)
        env = self.env(cvd, knobs, None, None, dict(extra or {}, PYTHONPATH=sp), control)
        return subprocess.run([PYTHON, "-s", "-c", code], env=env, capture_output=True, text=True,
                              timeout=30, cwd=self.root)


_LAB = None


def lab():
    global _LAB
    if _LAB is None:
        _LAB = Lab()
    return _LAB


def cleanup():
    global _LAB
    if _LAB is not None:
        _LAB.cleanup()
        _LAB = None


# --- corpus parsing -------------------------------------------------------------------------------

TABLE_L1 = re.compile(r"^\|\s+(\d+)\s+(.*?)\s+(On|Off)\s*\|\s*([0-9A-Fa-f]{8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.\d)"
                      r"\s+(On|Off)\s*\|\s*(\S+)\s*\|$")
TABLE_L2 = re.compile(r"^\|\s*(\S+)\s+(\d+)C\s+(P\d+)\s+(\d+)W\s*/\s*(\d+)W\s*\|\s*(\d+)MiB\s*/\s*(\d+)MiB\s*\|"
                      r"\s*(\S+)\s+(\S+)\s*\|$")
TABLE_L3 = re.compile(r"^\|\s+\|\s+\|\s*(\S+)\s*\|$")
TABLE_PROC = re.compile(r"^\|\s+(\d+)\s+(\S+)\s+(\S+)\s+(\d+)\s+(\S+)\s+(.*?)\s+(\d+)MiB \|$")
TABLE_HEAD = re.compile(r"NVIDIA-SMI (\S+)\s+Driver Version: (\S+)\s+CUDA Version: (\S+)")
TIMESTAMP_LINE = re.compile(r"^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}")


def epoch_utc(text, fmt):
    return calendar.timegm(time.strptime(text, fmt))


def table_to_data(text):
    """A corpus default table -> (pinned gpus.json data, epoch of its timestamp line or None)."""
    lines = text.split("\n")
    data = {"gpus": [], "processes": []}
    now = None
    if TIMESTAMP_LINE.match(lines[0]):
        now = epoch_utc(lines[0].strip(), "%a %b %d %H:%M:%S %Y")
    for i, line in enumerate(lines):
        m = TABLE_HEAD.search(line)
        if m:
            data["smi_version"], data["driver_version"], data["cuda_version"] = m.groups()
        m = TABLE_L1.match(line)
        if m:
            _idx, name, pm, bus, disp, ecc = m.groups()
            fan, temp, perf, pw, cap, used, total, util, cmode = TABLE_L2.match(lines[i + 1]).groups()
            mig = TABLE_L3.match(lines[i + 2]).group(1)
            n = len(data["gpus"])
            data["gpus"].append({
                "name": name, "uuid": "GPU-%08d-0000-0000-0000-000000000000" % n, "pci_bus_id": bus,
                "persistence_mode": pm == "On", "display_active": disp == "On", "ecc": ecc,
                "fan": None if fan == "N/A" else int(fan.rstrip("%")), "mig_mode": mig,
                "compute_mode": cmode, "memory_total_mib": int(total), "power_limit_w": int(cap),
                "state": {"temp_c": int(temp), "pstate": perf, "power_w": int(pw),
                          "memory_used_mib": int(used),
                          "util_gpu": None if util == "N/A" else int(util.rstrip("%"))}})
        m = TABLE_PROC.match(line)
        if m:
            gpu, _gi, _ci, pid, ptype, name, mib = m.groups()
            data["processes"].append({"gpu": int(gpu), "pid": int(pid), "type": ptype, "name": name,
                                      "used_mib": int(mib)})
    return data, now


def csv_rows(text):
    return [line.split(", ") for line in text.splitlines() if line.strip()]


def gpu_stub(name="NVIDIA H100 80GB HBM3", uuid="GPU-00000000-0000-0000-0000-000000000000",
             bus="00000000:00:09.0", **extra):
    g = {"name": name, "uuid": uuid, "pci_bus_id": bus, "persistence_mode": True, "display_active": False,
         "ecc": "0", "ecc_mode": "Enabled", "fan": None, "mig_mode": "Disabled", "compute_mode": "Default",
         "memory_total_mib": 81559, "memory_reserved_mib": 479, "power_limit_w": 700,
         "state": {"temp_c": 40, "pstate": "P0", "power_w": 70.0, "memory_used_mib": 0, "util_gpu": 0}}
    g.update(extra)
    return g


def lab_data():
    with open(os.path.join(SRC, "gpus.json"), encoding="utf-8") as fh:
        return json.load(fh)


def bar_positions(line, chars="|+"):
    return [i for i, c in enumerate(line) if c in chars]


def strip_warning_location(text):
    """'/x/site-packages/torch/cuda/__init__.py:138: UserWarning: ...' -> 'UserWarning: ...'"""
    return re.sub(r"^\S*torch/cuda/__init__\.py:\d+: ", "", text, flags=re.M)


def strip_triggered(text):
    """Drop TORCH_WARN's build-specific '(Triggered internally at ...)' suffix."""
    return re.sub(r" \(Triggered internally at [^)]*\)", "", text)
